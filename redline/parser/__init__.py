"""Text to `Document`: sniff the format, clean its noise, find the structure.

Three cleaners (Markdown, PDF text, plain) turn a text into `Block`s; one
builder turns blocks into preambular, operative and sub-paragraphs. A committee
report is split into its draft resolutions first.

>>> doc = parse_document("The General Assembly,\\n\\nRecalling its resolution 73/188,\\n\\n"
...                      "1. Urges States to act;\\n\\n2. Decides to remain seized.\\n")
>>> [(p.label, p.lead) for p in doc.paragraphs]
[('PP1', 'Recalling'), ('OP1', 'Urges'), ('OP2', 'Decides')]
"""

from __future__ import annotations

import re
from dataclasses import replace

from redline.model import DocKind, Document, Footnote, Paragraph, ParaKind, Sponsors
from redline.parser import pdftext, sanity
from redline.parser.blocks import Block, Cleaned, joined_marks
from redline.parser.footnotes import attach_marks, take_mark
from redline.parser.markdown import clean_markdown, inline
from redline.parser.vocab import (
    AGENDA_ITEM,
    AMENDMENT_INSTRUCTION,
    ANNEX,
    ANNEX_NAME,
    GENERAL_ASSEMBLY,
    PLENARY,
    RESOLUTION_HEADING,
    ROMAN_ITEMS,
    ROMAN_NUMBER,
    SPONSOR_END,
    SYMBOL,
    find_symbol,
    known_operative_lead,
    operative_lead,
    preambular_lead,
    roman_value,
)

NO_STRUCTURE = "no resolution structure found (no \u201cThe General Assembly,\u201d); compared as plain paragraphs"


def sniff(text: str) -> str:
    """``markdown``, ``pdf-text`` or ``plain``, from the content.

    >>> sniff("*The General Assembly,*\\n\\n*Recalling* …")
    'markdown'
    >>> sniff("A/RES/75/197\\nThe General Assembly,\\nRecalling its resolution\\n73/188,")
    'pdf-text'
    >>> sniff("The General Assembly,\\n\\n1\\\\. Decides to act.[^1]\\n\\n[^1]: A/75/111.\\n")
    'markdown'
    >>> sniff("Paragraph one.\\n\\nParagraph two.\\n")
    'plain'
    """
    head = text[:200000]
    lines = head.split("\n")
    furniture = sum(1 for ln in lines if pdftext.is_furniture(ln, None))
    pdf_like = "\f" in head or furniture >= 2
    if (
        "<sup>" in head
        or re.search(r"^\*The\s+General\s+Assembly,?\*", head, re.M)
        or re.search(r"^#{1,6} ", head, re.M)
        # pandoc's: a footnote's definition, an escaped paragraph number ("1\. Decides")
        or re.search(r"^(?:\[\^[^\]\s]{1,20}\]:|\d{1,3}\\\.\s)", head, re.M)
        # a link-like [x](y) quoted in a PDF text must not make it Markdown
        or (not pdf_like and re.search(r"\]\(#?[^)\s]{0,500}\)", head))
    ):
        return "markdown"
    if pdf_like:
        return "pdf-text"
    nonblank = [ln for ln in lines if ln.strip()]
    blank = len(lines) - len(nonblank)
    ga = pdftext.find_ga(lines)
    if ga is not None and blank < 0.15 * max(1, len(nonblank)):
        return "pdf-text"
    if ga is None and any(_ends_amendment_header(pdftext.norm(ln)) for ln in lines[:80]):
        return "pdf-text"  # an amendment, pasted: its title ends at a line, not a block
    return "plain"


def parse_document(text: str, source: str = "<text>", fmt: str | None = None) -> Document:
    """Parse a whole text (a resolution, a draft, a report, or plain text)."""
    fmt = fmt or sniff(text)
    if fmt == "pdf-text":
        return _checked(_parse_pdf(text, source), text)
    markup = fmt in ("markdown", "docx")
    cleaned = clean_markdown(text, markup=markup)
    return _checked(_parse_blocks(cleaned, source, fmt), text)


def _checked(doc: Document, text: str | None) -> Document:
    """`doc` with the warnings of `sanity.check`; a report's resolutions carry their own
    too (a picked resolution keeps them)."""
    found = sanity.check(doc, text)
    if not found:
        return doc
    resolutions = tuple(
        replace(r, warnings=r.warnings + tuple(w for w in found if w.startswith(r.source + ": ")))
        for r in doc.resolutions
    )
    return replace(doc, warnings=doc.warnings + found, resolutions=resolutions)


# --- Markdown and plain text: blocks separated by blank lines ------------------------


def parse_cleaned(cleaned: Cleaned, source: str, fmt: str) -> Document:
    """The document from blocks a reader already cleaned (the PDF layout reader's)."""
    return _checked(_parse_blocks(cleaned, source, fmt), None)


def _parse_blocks(cleaned: Cleaned, source: str, fmt: str) -> Document:
    blocks = list(cleaned.blocks)
    starts = [i for i, b in enumerate(blocks) if b.heading and RESOLUTION_HEADING.match(_h(b))]
    ga = [i for i, b in enumerate(blocks) if GENERAL_ASSEMBLY.match(b.text)]
    if starts:
        return _parse_report(blocks, cleaned.footnotes, starts, source, fmt)
    if not ga:
        return _plain(blocks, cleaned.footnotes, source, fmt)
    head = blocks[: ga[0]]
    symbol = find_symbol(" ".join(b.text for b in head))
    title = _title_from_head(head)
    paragraphs, meta = _build(blocks[ga[0] + 1 :])
    sp = _header_sponsors(head, cleaned.footnotes)
    warn: tuple[str, ...] = ()
    if not sp.text:
        sp, warn = _fragment_sponsors(blocks, symbol, source)
    return Document(
        source=source,
        format=fmt,
        kind=_kind(symbol, " ".join(b.text for b in head)),
        symbol=symbol,
        title=title,
        sponsors=sp,
        paragraphs=paragraphs,
        footnotes=cleaned.footnotes,
        title_lines=_lines_of(head[-1:]) if head else (0, 0),
        warnings=warn,
        closing=" ".join((*cleaned.meta, *meta)),
    )


def _h(b: Block) -> str:
    return b.text.strip().strip("*").strip()


def _plain(blocks: list[Block], notes: tuple[Footnote, ...], source: str, fmt: str) -> Document:
    amendment = _amendment(blocks, notes, source, fmt)
    if amendment is not None:
        return amendment
    paras = tuple(_other(b, k) for k, b in enumerate(blocks, 1))
    sp = _amendment_sponsors(blocks, notes)
    warn: tuple[str, ...] = ()
    if not sp.text:
        sp, warn = _fragment_sponsors(blocks, None, source)
    return Document(
        source=source, format=fmt, kind=DocKind.TEXT, paragraphs=paras, footnotes=notes,
        sponsors=sp, warnings=(f"{source.partition('#')[0]}: {NO_STRUCTURE}", *warn),
    )  # fmt: skip


def _other(b: Block, n: int) -> Paragraph:
    """Block `b` as plain paragraph P`n` (not part of a resolution's structure)."""
    return Paragraph(
        label=f"P{n}", kind=ParaKind.OTHER, number=b.number, lead="", text=b.text,
        footnotes=b.footnotes, lines=b.lines, marks_at=_marks_at(b),
    )  # fmt: skip


def _marks_at(b: Block) -> tuple[int, ...]:
    """Where the marks of `b` stand, when the reader knew it for each of them.

    >>> _marks_at(Block("Recalling,", (1, 1), footnotes=("1",), marks_at=(10,)))
    (10,)
    """
    return b.marks_at if len(b.marks_at) == len(b.footnotes) else ()


def _cite_stars(blocks: list[Block], stars: list[str]) -> list[Block]:
    """The blocks with each star mark (``*``) taken out of the first that cites it, as
    a mark it cites (A/C.3/80/L.58: "the Rome Statute of the International Criminal
    Court* that define", its note ``*`` the treaty's reference).

    >>> [(b.text, b.footnotes, b.marks_at)
    ...  for b in _cite_stars([Block("the Court* that", (1, 1))], ["*"])]
    [('the Court that', ('*',), (9,))]
    """
    out = list(blocks)
    for mark in stars:
        for i, b in enumerate(out):
            got = take_mark(b.text, mark)
            if got is None:
                continue
            text, at = got
            if len(b.marks_at) != len(b.footnotes):
                out[i] = replace(b, text=text, footnotes=(*b.footnotes, mark))
                break
            cut = len(b.text) - len(text)
            kept = zip(b.marks_at, b.footnotes, strict=True)
            cited = sorted([*((o if o <= at else o - cut, m) for o, m in kept), (at, mark)])
            out[i] = replace(
                b,
                text=text,
                footnotes=tuple(m for _, m in cited),
                marks_at=tuple(o for o, _ in cited),
            )
            break
    return out


def _amendment(
    blocks: list[Block], notes: tuple[Footnote, ...], source: str, fmt: str
) -> Document | None:
    """An amendment read from clean blocks (a PDF's): the masthead up to the sponsor line
    is its header, the next block the title of the draft it amends, the rest its
    instructions as plain paragraphs P1, P2, …; None when no sponsor line opens it.

    >>> b = [Block(t, lines=(k, k)) for k, t in enumerate([
    ...     "United Nations A/80/L.20", "Agenda item 72 (a)",
    ...     "Russian Federation:* amendment to draft resolution A/80/L.18",
    ...     "Safety and security of humanitarian personnel", "Delete operative paragraph 9."], 1)]
    >>> d = _amendment(b, (), "L.20.pdf", "pdf")
    >>> d.kind.value, d.symbol, d.title, d.sponsors.original, [p.text for p in d.paragraphs]
    ('amendment', 'A/80/L.20', 'Safety and security of humanitarian personnel', \
('Russian Federation',), ['Delete operative paragraph 9.'])
    """
    k = next((i for i, b in enumerate(blocks[:12]) if _ends_amendment_header(b.text)), None)
    if k is None or k + 1 >= len(blocks):
        return None
    head, title, body = blocks[: k + 1], blocks[k + 1], blocks[k + 2 :]
    stars = [  # a star the sponsor line or the title cites is theirs ("Federation:*")
        f.mark
        for f in notes
        if f.mark.startswith("*") and not any(take_mark(b.text, f.mark) for b in (*head, title))
    ]
    body = _cite_stars([part for b in body for part in _instructions(b)], stars)
    paras = tuple(_other(b, n) for n, b in enumerate(body, 1))
    # the draft the sponsor line names is the one amended, not the amendment's symbol
    end = _AMENDMENT_END.search(head[-1].text)
    sponsor_line = head[-1].text[: end.start()] if end else head[-1].text
    head_text = " ".join([*(b.text for b in head[:-1]), sponsor_line])
    return Document(
        source=source, format=fmt, kind=DocKind.AMENDMENT, symbol=find_symbol(head_text),
        title=title.text, sponsors=_amendment_sponsors(head[-1:], notes), paragraphs=paras,
        footnotes=notes, title_lines=title.lines,
    )  # fmt: skip


def _build(blocks: list[Block], other_start: int = 1) -> tuple[tuple[Paragraph, ...], list[str]]:
    """Preambular, operative and sub-paragraphs from the blocks after "The General Assembly,".

    A resolution printed in sections (a heading ``I``, ``II`` … alone or before its
    title) labels each paragraph by its section, since the numbers may start again:
    the heading is ``II``, then ``II/PP1``, ``II/OP1``, ``II/OP1(a)``.

    >>> b = [Block(t, (k, k), heading=h, number=n) for k, (t, h, n) in enumerate([
    ...     ("I", True, None), ("Support account", True, None), ("Takes note;", False, "1"),
    ...     ("II Related issues", True, None), ("Recalling 77/304,", False, None),
    ...     ("Endorses it.", False, "1")], 1)]
    >>> [(p.label, p.text) for p in _build(b)[0]]
    [('I', 'I Support account'), ('I/OP1', 'Takes note;'), ('II', 'II Related issues'), \
('II/PP1', 'Recalling 77/304,'), ('II/OP1', 'Endorses it.')]
    """
    out: list[Paragraph] = []
    meta: list[str] = []
    pp = 0
    op: str | None = None
    other = other_start - 1
    section: str | None = None
    q = ""  # the label's qualifier in a section: "II/"
    sec_other = 0  # plain paragraphs of the current section
    annex: _Annex | None = None
    k = 0
    while k < len(blocks):
        b = blocks[k]
        k += 1
        if PLENARY.match(b.text):
            meta.append(b.text)
            continue
        name = _annex_heading(b) if (b.other or op is not None or annex) else None
        if name is not None:
            annex = _Annex(name)
            out.append(replace(_other(b, 0), label=name))
            continue
        if annex is not None:
            out.append(annex.paragraph(b))
            continue
        if b.other or (
            op is None and section is None and _chapeau(b, blocks[k] if k < len(blocks) else None)
        ):
            other += 1
            out.append(_other(b, other))
            continue
        heading = _section_heading(b, section)
        if heading is not None:
            if b.number is not None:
                shift = len(b.number) + 1
                b = replace(
                    b, text=f"{b.number} {b.text}", number=None,
                    marks_at=tuple(o + shift for o in b.marks_at),
                )  # fmt: skip
            if _is_section_title(b, blocks[k] if k < len(blocks) else None):
                t = blocks[k]
                k += 1
                b = replace(
                    b, text=f"{b.text} {t.text}", lines=(b.lines[0], t.lines[1]),
                    footnotes=b.footnotes + t.footnotes, marks_at=joined_marks([b, t]),
                )  # fmt: skip
            section, q, pp, op, sec_other = heading, f"{heading}/", 0, None, 0
            out.append(replace(_other(b, 0), label=heading, section=section))
            continue
        if b.number and b.number.isdigit():
            op = b.number
            out.append(
                Paragraph(
                    label=f"{q}OP{op}", kind=ParaKind.OPERATIVE, number=op,
                    lead=_lead(b, operative=True), text=b.text, footnotes=b.footnotes,
                    lines=b.lines, section=section, marks_at=_marks_at(b),
                )
            )  # fmt: skip
        elif b.number and b.number.startswith("("):
            parent = f"{q}OP{op}" if op else (f"{q}PP{pp}" if pp else None)
            label = f"{parent}{b.number}" if parent else b.number
            prev = out[-1] if out else None
            if (
                parent
                and prev is not None
                and prev.kind == ParaKind.SUBPARAGRAPH
                and _is_roman(b.number)
                and not _next_letter(prev.number, b.number)
            ):
                if prev.number and not _is_roman(prev.number):
                    label = f"{prev.label}{b.number}"
                elif prev.parent and prev.label.count("(") == 2:
                    label = prev.label[: prev.label.rindex("(")] + b.number
            out.append(
                Paragraph(
                    label=label, kind=ParaKind.SUBPARAGRAPH, number=b.number, lead="",
                    text=b.text, footnotes=b.footnotes, lines=b.lines, parent=parent,
                    section=section, marks_at=_marks_at(b),
                )
            )  # fmt: skip
        elif op is None and not b.heading:
            pp += 1
            out.append(
                Paragraph(
                    label=f"{q}PP{pp}", kind=ParaKind.PREAMBULAR, number=None,
                    lead=_lead(b, operative=False), text=b.text, footnotes=b.footnotes,
                    lines=b.lines, section=section, marks_at=_marks_at(b),
                )
            )  # fmt: skip
        elif section is not None:
            sec_other += 1
            out.append(replace(_other(b, sec_other), label=f"{q}P{sec_other}", section=section))
        else:
            other += 1
            out.append(_other(b, other))
    return _sole_operative(out), meta


_SECTION = re.compile(rf"^({ROMAN_NUMBER})(?:\s+(\S.*))?$")
SECTION_TITLE_MAX_WORDS = 30  # a section's title on its own block: longer is a paragraph
# (the longest title in tests/corpus/pdf has 13 words)


_ANNEX_HEADING = re.compile(rf"^({ANNEX_NAME})(?:\s+\S.*)?$")


def _annex_heading(b: Block) -> str | None:
    """The annex a block opens (``Annex``, ``Annex II``): a heading that starts with the
    word, or a block of that word alone; None for any other block.

    >>> _annex_heading(Block("Annex Sevilla Commitment", (9, 9), heading=True))
    'Annex'
    >>> _annex_heading(Block("Annex II", (9, 9))), _annex_heading(Block("Annex to it", (9, 9)))
    ('Annex II', None)
    """
    text = _h(b)
    m = _ANNEX_HEADING.match(text)
    if m is None or not (b.heading or m.group(1) == text) or b.number is not None:
        return None
    return " ".join(m.group(1).split())


class _Annex:
    """The paragraphs of one annex, labelled by it: its printed numbers (``Annex/12``,
    ``Annex/12(a)``), else their place among its unnumbered ones (``Annex/P3``, headings
    and a number already taken: rules numbered afresh under each heading)."""

    def __init__(self, name: str) -> None:
        self.q = f"{name}/"
        self.plain = 0
        self.last: str | None = None  # the label of the last numbered paragraph
        self.prev: Paragraph | None = None
        self.taken: set[str] = set()

    def paragraph(self, b: Block) -> Paragraph:
        n, label, parent = b.number, None, None
        if n and n.isdigit():
            label = f"{self.q}{n}"
        elif n and n.startswith("(") and self.last is not None:
            parent = self.last
            prev = self.prev
            if (
                prev is not None and prev.parent and _is_roman(n) and prev.number
                and not _is_roman(prev.number) and not _next_letter(prev.number, n)
            ):  # fmt: skip
                parent = prev.label
            label = f"{parent}{n}"
        if label is None or label in self.taken:
            self.plain += 1
            label, parent = f"{self.q}P{self.plain}", None
        elif n and n.isdigit():
            self.last = label
        self.taken.add(label)
        p = replace(_other(b, 0), label=label, parent=parent)
        self.prev = p
        return p


def _section_heading(b: Block, current: str | None) -> str | None:
    """The section a heading block opens (``"II"``): a roman numeral alone or before its
    title, the one after the current section's (``I`` first); None for any other block.

    >>> _section_heading(Block("II Support account", (9, 9), heading=True), "I")
    'II'
    >>> _section_heading(Block("III Support account", (9, 9), heading=True), "I") is None
    True
    """
    if not b.heading:
        return None
    text = _h(b) if b.number is None else f"{b.number} {_h(b)}"
    m = _SECTION.match(text)
    if m is None or not roman_value(m.group(1)):
        return None
    want = 1 if current is None else roman_value(current) + 1
    return m.group(1) if roman_value(m.group(1)) == want else None


def _is_section_title(b: Block, nxt: Block | None) -> bool:
    """Whether `nxt` is the title of a section whose heading `b` holds only its numeral
    (a heading, or a short line that ends no clause and has no number or lead)."""
    if nxt is None or " " in _h(b) or nxt.number is not None or nxt.other:
        return False
    return nxt.heading or _is_title(nxt)


def _chapeau(b: Block, nxt: Block | None) -> bool:
    """Whether `b`, before the first operative paragraph, is the clause that introduces
    the operative part: an operative verb ending in a colon, followed by the numbered
    provisions ("Resolves that:", then "1. The Working Capital Fund shall …": A/RES/80/246)
    or by a document printed under its own title ("Adopts the following outcome
    document …:", then "Outcome document of …": A/RES/80/173). A plain paragraph, not a
    preambular one, so that what follows keeps the labels delegates give it (the
    document's first preambular paragraph is its PP1).

    >>> _chapeau(Block("Resolves that:", (1, 1)), Block("The Fund shall …", (2, 2), number="1"))
    True
    >>> _chapeau(Block("Adopts the following declaration:", (1, 1)),
    ...          Block("Declaration on the right to development", (2, 2)))
    True
    >>> _chapeau(Block("Decides the following:", (1, 1)), Block("Its work", (2, 2), number="(a)"))
    False
    """
    text = b.text.rstrip()
    if b.number is not None or nxt is None or not (text.endswith(":") and _opens_operative(text)):
        return False
    if nxt.number is not None:
        return nxt.number == "1"
    return nxt.heading or nxt.other or _is_title(nxt)


def _is_title(b: Block) -> bool:
    """A short line that ends no clause and has no number or lead: a title."""
    text = b.text.rstrip()
    return (
        b.number is None
        and b.lead is None
        and len(text.split()) <= SECTION_TITLE_MAX_WORDS
        and not text.endswith((".", ",", ";", ":"))
        and not preambular_lead(text)
    )


def _sole_operative(paras: list[Paragraph]) -> tuple[Paragraph, ...]:
    """A resolution without numbered operative paragraphs whose last preambular
    paragraph opens with an operative verb ("Takes note of the report …"): that one
    is its single, unnumbered operative paragraph."""
    kinds = {p.kind for p in paras}
    last = max((k for k, p in enumerate(paras) if p.kind == ParaKind.PREAMBULAR), default=None)
    if ParaKind.OPERATIVE in kinds or ParaKind.SUBPARAGRAPH in kinds or last is None:
        return tuple(paras)
    p = paras[last]
    lead = known_operative_lead(p.text)
    if not lead or preambular_lead(p.text):
        return tuple(paras)
    before = paras[last - 1] if last > 0 else None
    if before is not None and _opens_operative(before.text):
        return tuple(paras)  # several: their numbers were lost (sanity says so)
    op = replace(p, label="OP1", kind=ParaKind.OPERATIVE, lead=lead)
    return tuple(paras[:last]) + (op,) + tuple(paras[last + 1 :])


def _opens_operative(text: str) -> bool:
    return bool(known_operative_lead(text)) and not preambular_lead(text)


def _next_letter(prev: str | None, number: str) -> bool:
    """True when `number` is the letter after `prev`: ``(h)`` then ``(i)`` is a letter."""
    return (
        bool(prev)
        and len(prev or "") == 3
        and len(number) == 3
        and (ord(number[1]) == ord((prev or "")[1]) + 1)
    )


def _is_roman(number: str) -> bool:
    """``(iv)``: a sub-paragraph numbered (i) to (xii).

    >>> _is_roman("(iv)"), _is_roman("(c)"), _is_roman("(xiii)")
    (True, False, False)
    """
    return number[:1] == "(" and number[-1:] == ")" and number[1:-1] in ROMAN_ITEMS[:12]


def _lead(b: Block, operative: bool) -> str:
    if b.lead and b.text.startswith(b.lead):
        return b.lead
    if operative:
        return operative_lead(b.text)
    return preambular_lead(b.text) or ""


def _lines_of(blocks: list[Block]) -> tuple[int, int]:
    if not blocks:
        return (0, 0)
    return (blocks[0].lines[0], blocks[-1].lines[1])


def _kind(symbol: str | None, head: str) -> DocKind:
    if symbol and "/RES/" in symbol:
        return DocKind.RESOLUTION
    if (symbol and "/Rev." in symbol) or "revised draft resolution" in head:
        return DocKind.REVISED_DRAFT
    if (symbol and "/L." in symbol) or "draft resolution" in head.lower():
        return DocKind.DRAFT
    if "Resolution adopted by" in head:
        return DocKind.RESOLUTION
    return DocKind.DRAFT


def _title_from_head(head: list[Block]) -> str:
    """The title: the last block before "The General Assembly,"."""
    for b in reversed(head):
        t = _h(b)
        if t:
            return re.sub(r"^\d+/\d+\.\s*", "", t)
    return ""


def _header_sponsors(head: list[Block], notes: tuple[Footnote, ...]) -> Sponsors:
    from redline import sponsors

    for b in head:
        if SPONSOR_END.search(b.text):
            star = next((f.text for f in notes if f.mark.startswith("*")), None)
            return sponsors.parse_header(b.text, star)
    return Sponsors()


# The end of an amendment's sponsor line: "Russian Federation: amendment to draft
# resolution A/C.3/80/L.50" (amendments have no "The General Assembly,").
_AMENDMENT_END = re.compile(
    r":\s*\*?\s*amendments? to (?:the )?(?:revised )?draft (?:resolution|decision)s?"
    r"(?:\s+[AES]/[^\s,;]*[\w.])?",
    re.IGNORECASE,
)


# An instruction that opens after the one before it ended ("… paragraph 9. In operative
# paragraph 12, replace …"), where a reader joined two lines of instructions.
_NEXT_INSTRUCTION = re.compile(r"(?<=[.;])\s+(?=" + AMENDMENT_INSTRUCTION.pattern[1:] + ")")


def _instructions(b: Block) -> list[Block]:
    """An amendment's block cut where a new instruction opens after a full stop or a
    semicolon, outside quotation marks (a quoted passage may hold "… goals. In …").

    >>> [x.text for x in _instructions(Block('Delete paragraph 9. In paragraph 3, replace '
    ...     '“goals. In all” with “aims”. Insert a new paragraph.', (1, 1)))]
    ['Delete paragraph 9.', 'In paragraph 3, replace “goals. In all” with “aims”.', \
'Insert a new paragraph.']
    """
    cuts = [m for m in _NEXT_INSTRUCTION.finditer(b.text) if not _in_quotes(b.text[: m.start()])]
    if not cuts or len(b.marks_at) != len(b.footnotes):  # a note of unknown place: as is
        return [b]
    spans = [0, *(x for m in cuts for x in m.span()), len(b.text)]
    out: list[Block] = []
    for start, end in zip(spans[::2], spans[1::2], strict=True):
        cited = [(o, f) for o, f in zip(b.marks_at, b.footnotes, strict=True) if start <= o <= end]
        out.append(
            replace(
                b,
                text=b.text[start:end],
                footnotes=tuple(f for _, f in cited),
                marks_at=tuple(o - start for o, _ in cited),
            )
        )
    return out


def _in_quotes(before: str) -> bool:
    """Whether a quotation is open at the end of `before` (curly or straight marks)."""
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1


def _ends_amendment_header(text: str) -> bool:
    """Whether a block ends with an amendment's sponsor line (a whole block, not a
    sentence of an instruction that mentions an amendment)."""
    m = _AMENDMENT_END.search(text)
    return m is not None and m.end() == len(text.rstrip())


def _amendment_sponsors(blocks: list[Block], notes: tuple[Footnote, ...]) -> Sponsors:
    """Sponsors from an amendment's header, which may be glued to the agenda title."""
    from redline import sponsors

    for b in blocks[:8]:
        m = _AMENDMENT_END.search(b.text)
        if m:
            star = next((f.text for f in notes if f.mark.startswith("*")), None)
            return sponsors.parse_header(b.text[: m.end()], star)
    return Sponsors()


# A report's account of who sponsored: "(A/C.3/75/L.5), which was submitted by …",
# "… joined in sponsoring the draft resolution".
_SPONSOR_PASSAGE = re.compile(
    r"joined in (?:the )?sponsoring|draft (?:resolution|decision)\b[^.]*\bsubmitted by",
    re.IGNORECASE,
)


def _fragment_sponsors(
    blocks: list[Block], symbol: str | None, source: str
) -> tuple[Sponsors, tuple[str, ...]]:
    """Sponsors from a report's "submitted by … joined in sponsoring" sentences, for a
    text without a sponsor header (an excerpt of a report), and any warning.

    The passage of the document's own symbol is taken, else the first one found.
    """
    from redline import sponsors

    passages = _submissions(blocks)
    if not passages:
        found = [b.text for b in blocks if _SPONSOR_PASSAGE.search(b.text)]
        if not found:
            return Sponsors(), ()
        return sponsors.parse_report_paragraph(" ".join(found)), ()
    key = symbol if symbol in passages else next(iter(passages))
    warn: tuple[str, ...] = ()
    if len(passages) > 1:
        where = source.partition("#")[0]
        warn = (
            f"{where}: {len(passages)} sponsor passages ({', '.join(passages)}); "
            f"the sponsors are those of {key}",
        )
    return sponsors.parse_report_paragraph(passages[key]), warn


# --- committee reports ---------------------------------------------------------------


def _parse_report(
    blocks: list[Block], notes: tuple[Footnote, ...], starts: list[int], source: str, fmt: str
) -> Document:
    """A committee report: its own paragraphs plus draft resolutions I, II, …"""
    from redline import sponsors

    ends = starts[1:] + [len(blocks)]
    for k, b in enumerate(blocks[starts[-1] :], starts[-1]):
        if b.heading and ANNEX.match(_h(b)):
            ends[-1] = k
            break
    own: list[Block] = []
    resolutions: list[Document] = []
    own.extend(blocks[: starts[0]])
    by_symbol = _submissions(blocks[: starts[0]])
    names = _adopted_names(blocks[: starts[0]])
    notes_by_range = list(notes)
    for s, e in zip(starts, ends, strict=True):
        name = RESOLUTION_HEADING.match(_h(blocks[s]))
        assert name is not None
        roman = name.group(1)
        own.append(blocks[s])
        body = blocks[s + 1 : e]
        ga = next((i for i, b in enumerate(body) if GENERAL_ASSEMBLY.match(b.text)), None)
        title_blocks = body[:ga] if ga is not None else body[:1]
        title = " ".join(_h(b) for b in title_blocks)
        paras, _meta = _build(body[(ga + 1) if ga is not None else 1 :])
        lo, hi = blocks[s].lines[0], (blocks[e].lines[0] if e < len(blocks) else 10**9)
        own_notes = tuple(f for f in notes_by_range if lo <= f.lines[0] < hi)
        symbol = names.get(roman)
        sp = Sponsors()
        if symbol and symbol in by_symbol:
            sp = sponsors.parse_report_paragraph(by_symbol[symbol])
        resolutions.append(
            Document(
                source=f"{source}#{roman}", format=fmt,
                kind=DocKind.REVISED_DRAFT if symbol and "/Rev." in symbol else DocKind.DRAFT,
                symbol=symbol, title=title, sponsors=sp, paragraphs=paras,
                footnotes=own_notes, name=roman, title_lines=_lines_of(title_blocks),
            )
        )  # fmt: skip
    own.extend(blocks[ends[-1] :])
    used = {id(f) for r in resolutions for f in r.footnotes}
    report_notes = tuple(f for f in notes if id(f) not in used)
    title, own = _report_title(own)
    paras = tuple(_other(b, k) for k, b in enumerate(own, 1))
    return Document(
        source=source, format=fmt, kind=DocKind.REPORT,
        symbol=find_symbol(" ".join(b.text for b in own[:12] if not b.text.startswith("A/C."))),
        title=title, paragraphs=paras, footnotes=report_notes, resolutions=tuple(resolutions),
    )  # fmt: skip


def _report_title(own: list[Block]) -> tuple[str, list[Block]]:
    """The agenda item's title heading (after "Agenda item N") is the report's title."""
    for k, b in enumerate(own[:15]):
        if AGENDA_ITEM.match(b.text) and k + 1 < len(own) and own[k + 1].heading:
            return _h(own[k + 1]), own[: k + 1] + own[k + 2 :]
    return "", own


def _submissions(blocks: list[Block]) -> dict[str, str]:
    """Symbol -> the sponsor passage ("… (SYMBOL), which was submitted by …")."""
    out: dict[str, str] = {}
    last: str | None = None
    for b in blocks:
        m = re.search(r"\(([AES]/[^()\s]+)\),? which was submitted by", b.text)
        if m:
            last = m.group(1)
            out[last] = b.text
        elif last and "joined in sponsoring" in b.text and "submitted by" not in b.text:
            joined = re.sub(r"^(?:At|Also at) the same meeting, ", "", b.text)
            out[last] += (
                " Subsequently, " + joined
                if "Subsequently" not in out[last]
                else (" Also, " + joined)
            )
        elif b.heading:
            last = None
    return out


def _adopted_names(blocks: list[Block]) -> dict[str, str]:
    """Roman number -> symbol, from "adopted draft resolution SYMBOL (see …, draft resolution IV)"."""
    out: dict[str, str] = {}
    for b in blocks:
        for m in re.finditer(
            r"draft resolution\s+([AES]/\S+?)\s*\(see para\.\s*\d+,\s*draft resolution "
            rf"({ROMAN_NUMBER})\)",
            b.text,
        ):
            out[m.group(2)] = m.group(1)
    return out


# --- PDF text --------------------------------------------------------------------------


def _parse_pdf(text: str, source: str) -> Document:
    text = pdftext.normalise(text)
    raw = text.split("\n")
    ga = pdftext.find_ga(raw)
    if ga is None:
        amendment = _amendment_text(text, raw, source)
        if amendment is not None:
            return amendment
        cleaned = clean_markdown(text, markup=False)
        return _plain(list(cleaned.blocks), cleaned.footnotes, source, "pdf-text")
    header = [(i + 1, ln) for i, ln in enumerate(raw[:ga])]
    symbol = pdftext.find_symbol(raw[:ga])
    info = _pdf_header(header, symbol)
    cleaned = pdftext.clean_pdf_text(text, info["title"], symbol)
    notes = cleaned.footnotes
    numbered = sorted((f for f in notes if f.mark.isdigit()), key=lambda f: int(f.mark))
    pages = [(p[0][0], p[-1][0]) for p in pdftext.split_pages(text, symbol, info["title"]) if p]
    windows = [_page_of(f.lines[0], pages) for f in numbered]
    texts, marks, at = attach_marks(
        [b.text for b in cleaned.blocks],
        [f.mark for f in numbered],
        spans=[b.lines for b in cleaned.blocks],
        windows=windows,
        bare=[b.bare for b in cleaned.blocks],
    )
    blocks = [
        replace(b, text=t, footnotes=m, marks_at=a)
        for b, t, m, a in zip(cleaned.blocks, texts, marks, at, strict=True)
    ]
    paragraphs, meta = _build(blocks)
    sp = Sponsors()
    if info["sponsors"]:
        from redline import sponsors

        star = next((f.text for f in notes if f.mark.startswith("*")), None)
        sp = sponsors.parse_header(info["sponsors"], star)
    warn: tuple[str, ...] = ()
    if not sp.text:
        sp, warn = _fragment_sponsors(blocks, symbol, source)
    return Document(
        source=source, format="pdf-text", kind=_kind(symbol, info["head"]), symbol=symbol,
        title=info["title"], sponsors=sp, paragraphs=paragraphs, footnotes=notes,
        title_lines=info["title_lines"], warnings=warn, closing=" ".join((*cleaned.meta, *meta)),
    )  # fmt: skip


def _amendment_text(text: str, raw: list[str], source: str) -> Document | None:
    """An amendment in text extracted from its PDF: the lines up to the sponsor line are
    its header, the next lines up to a blank one or an instruction ("Delete …") the
    title of the draft it amends, and the rest is cleaned like a resolution's body (page
    furniture, footnotes) into its instructions; read as `_amendment` reads a PDF's."""
    norm = pdftext.norm
    s = next((i for i, ln in enumerate(raw[:80]) if _ends_amendment_header(norm(ln))), None)
    if s is None:
        return None
    t0 = next((i for i in range(s + 1, len(raw)) if norm(raw[i])), len(raw))
    t1 = t0
    while (
        t1 < len(raw)
        and norm(raw[t1])
        and (t1 == t0 or not AMENDMENT_INSTRUCTION.match(norm(raw[t1])))
    ):
        t1 += 1
    if t1 == t0:
        return None
    title = pdftext.join_lines([norm(x) for x in raw[t0:t1]])
    header = " ".join(norm(x) for x in raw[:s] if norm(x))
    symbol = next((norm(x) for x in raw[:s] if SYMBOL.match(norm(x))), None)
    masked = "\n".join("" if i < t1 else ln for i, ln in enumerate(text.split("\n")))
    cleaned = pdftext.clean_pdf_text(masked, title, symbol)
    head = [Block(header, (1, max(1, s))), Block(norm(raw[s]), (s + 1, s + 1))]
    blocks = [*head, Block(title, (t0 + 1, t1)), *cleaned.blocks]
    return _amendment(blocks, cleaned.footnotes, source, "pdf-text")


def _page_of(line: int, pages: list[tuple[int, int]]) -> tuple[int, int]:
    """The (first, last) source line of the page holding `line`."""
    for lo, hi in pages:
        if lo <= line <= hi:
            return (lo, line)
    return (0, line)


def _pdf_header(header: list[tuple[int, str]], symbol: str | None) -> dict:  # type: ignore[type-arg]
    """Title, sponsor block and kind words from the lines before "The General Assembly,"."""
    lines = [(n, pdftext.norm(s)) for n, s in header]
    nonblank = [(n, s) for n, s in lines if s]
    head_text = " ".join(s for _, s in nonblank)
    title_lines: list[tuple[int, str]] = []
    sponsor_text = ""
    # A resolution: "75/197. Title …" up to "The General Assembly,".
    for k, (n, s) in enumerate(nonblank):
        m = re.match(r"^(\d+/\d+)\.\s*(.*)$", s)
        if m and "/RES/" in (symbol or "/RES/"):
            title_lines = ([(n, m.group(2))] if m.group(2) else []) + nonblank[k + 1 :]
            break
    else:
        # An L-document: "…: draft resolution" then the title.
        end = None
        for k, (_n, s) in enumerate(nonblank):
            if SPONSOR_END.search(s):
                end = k
            elif (
                k + 1 < len(nonblank)
                and len(nonblank[k + 1][1].split()) <= 2
                and SPONSOR_END.search(s + " " + nonblank[k + 1][1])
            ):
                end = k + 1  # "… and Spain: revised draft" / "resolution"
        if end is not None:
            title_lines = nonblank[end + 1 :]
            start = _sponsor_start(nonblank, end)
            sponsor_text = pdftext.join_lines([s for _, s in nonblank[start : end + 1]])
        else:
            # "Draft resolution submitted by the Chair on the recommendation of the
            # Economic and Social Council (…)", a blank line, then the title.
            first = next(
                (
                    i
                    for i, (_, s) in enumerate(lines)
                    if s.startswith(("Draft resolution", "Draft decision"))
                ),
                None,
            )
            if first is not None:
                j = first
                while j < len(lines) and lines[j][1]:
                    j += 1
                if j == len(lines):  # no blank line (pdftotext -raw): the sentence's words
                    j = _sentence_end(lines, first)
                sponsor_text = pdftext.join_lines([s for _, s in lines[first:j]])
                title_lines = [(n, s) for n, s in lines[j:] if s]
    if not title_lines:
        title_lines = _lines_above(lines)
    title = pdftext.join_lines([s for _, s in title_lines])
    span = (title_lines[0][0], title_lines[-1][0]) if title_lines else (0, 0)
    return {"title": title, "sponsors": sponsor_text, "head": head_text, "title_lines": span}


_GOES_ON = re.compile(r"(?:,|\b(?:following|on|of|the|by|and|to|in|at|with|for|from))$")


def _sentence_end(lines: list[tuple[int, str]], first: int) -> int:
    """Where "Draft resolution submitted by …" ends when no blank line follows it: at
    the first line after which the next opens in capitals, unless the line ends in a
    comma or a word that leads on ("following", "of", "the" …), or the next opens with a
    symbol (the draft it was based on).

    >>> _sentence_end(list(enumerate(["Draft resolution submitted by the Chair of the "
    ...     "Committee following", "informal consultations", "Pattern of conferences",
    ...     "The General Assembly,"])), 0)
    2
    """
    k = first
    while k + 1 < len(lines):
        here, nxt = lines[k][1], lines[k + 1][1]
        symbol = SYMBOL.match(nxt.split(" ", 1)[0])  # "… on draft resolution" / "A/C.2/80/L.3"
        if not nxt or (nxt[:1].isupper() and not symbol and not _GOES_ON.search(here)):
            break
        k += 1
    return k + 1


def _lines_above(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The title of a text that prints none of a resolution's or a draft's header lines
    (typed, or ``pandoc -t plain`` with its blank lines removed): the lines right above
    "The General Assembly,", up to a blank line or one of a header's (a symbol, an
    agenda item, page furniture).

    >>> _lines_above([(1, "A/C.3/75/L.11"), (2, "Oceans and the law of the sea"), (3, "")])
    [(2, 'Oceans and the law of the sea')]
    """
    out: list[tuple[int, str]] = []
    for n, s in reversed(lines):
        if not s and not out:
            continue  # the blank lines right above it
        if (
            not s
            or pdftext.find_symbol([s])
            or AGENDA_ITEM.match(s)
            or pdftext.is_furniture(s, None)
        ):
            break
        out.append((n, s))
    return out[::-1]


def _sponsor_start(lines: list[tuple[int, str]], end: int) -> int:
    """First line of the sponsor block that ends at line `end`."""
    from redline import sponsors

    agenda = next((k for k, (_, s) in enumerate(lines) if AGENDA_ITEM.match(s)), None)
    if agenda is None:
        return end
    for k in range(agenda + 1, end + 1):
        s = lines[k][1]
        if s.startswith("Draft resolution submitted"):
            return k
        first = re.split(r"[,:]", s, maxsplit=1)[0].strip()
        if sponsors.canonical(first) is not None:
            return k
    return end


__all__ = ["parse_document", "parse_cleaned", "sniff", "inline"]
