"""Word output: the new text with every change as a real tracked change.

Insertions are ``w:ins`` runs, deletions ``w:del`` runs holding ``w:delText``,
so Word's "Accept all" gives exactly the new text and "Reject all" exactly the
old one. The changes are the author's (``--author``), undated: the same input
gives the same bytes. The changes of a typographic paragraph (`Status.TYPOGRAPHIC`:
``region’s`` → ``region's``), real tracked changes still, are by "<author>
(typographic)", which Word and LibreOffice show in their own colour and let one
hide or accept apart. The document's properties (Comments, ``dc:description``)
hold the summary the other outputs print: ``… 1 typographic, 28 unchanged ·
+29 −25 words``; on the page it would be text to accept. A whole inserted or deleted
paragraph also has its paragraph mark tracked; a split paragraph has its new
paragraph marks inserted and a merge its old ones deleted, so that accepting or
rejecting joins the pieces again. A moved paragraph is deleted where it stood
and inserted where it stands now. Footnotes are real Word footnotes, their
changes tracked too, paired as `redline.compare` paired them (`Entry.citations`);
each reference stands where compare placed its mark (`Entry.old_marks`,
`Entry.new_marks`), at the end of the paragraph when the reader did not say. The
header carries the symbol, a draft's sponsor line and the title, tracked alike;
a committee report keeps its headings and each draft resolution's title.

python-docx is imported here only, and only when a .docx is asked for.

>>> from redline import compare, parse_text
>>> old = parse_text("The General Assembly,\\n\\n1. Urges States to act;\\n")
>>> new = parse_text("The General Assembly,\\n\\n1. Encourages States to act;\\n")
>>> render(compare(old, new), RenderOptions())[:2]
b'PK'
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from redline.model import (
    DELETE,
    EQUAL,
    INSERT,
    Citation,
    Comparison,
    DocKind,
    Document,
    Entry,
    MarkAt,
    Paragraph,
    ParaKind,
    Segment,
    Status,
    new_text,
    old_text,
)
from redline.parser.vocab import AGENDA_ITEM, RESOLUTION_HEADING, SPONSOR_END
from redline.render import RenderOptions
from redline.render.common import cut_at, summary_line, symbol
from redline.render.safe import xml_safe

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

INDENT_CM = 1.27  # first-line indent of a paragraph; sub-paragraphs sit twice as deep
TYPOGRAPHIC_AUTHOR = "{} (typographic)"  # who made the changes of a typographic paragraph
# every file in the package gets this date: same input, same bytes
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


@dataclass
class _Run:
    """A stretch of text with one op and one look."""

    op: str
    text: str
    italic: bool = False
    bold: bool = False
    italic_old: bool | None = None
    """For kept text: italic in the old text, when that differs (a lead phrase that
    grew or shrank); written as a tracked formatting change."""
    note: _Note | None = None
    """A footnote reference standing here (the run has no text)."""
    typographic: bool = False
    """Part of a typographic paragraph's text: its changes by `TYPOGRAPHIC_AUTHOR`."""


@dataclass
class _Para:
    """One Word paragraph to write: its runs and what happened to its mark."""

    runs: list[_Run]
    mark: str = EQUAL
    """``+``: the paragraph mark is inserted (reject joins it with the next one);
    ``-``: deleted (accept joins it with the next one)."""
    kind: ParaKind | None = None
    """The new paragraph's kind (a deleted one's: the old's)."""
    old_kind: ParaKind | None = None
    """The old paragraph's kind, where it differs from `kind` (PP2 that became OP1)."""
    olds: set[int] = field(default_factory=set)
    """Indices of the old paragraphs whose text this paragraph carries."""
    notes: list[_Note] = field(default_factory=list)
    """Footnotes cited by the paragraph whose place is unknown, referenced at its end."""
    outline: bool = False
    """A heading: written with an outline level (``w:outlineLvl``), which the Word
    reader takes for one even where bold is not enough (``(iv) The …``, ``Recalling,``)."""


@dataclass
class _Note:
    """A footnote: its reference kept, inserted or deleted, and its text as a word diff."""

    op: str
    segments: tuple[Segment, ...]
    old_mark: str | None = None
    new_mark: str | None = None
    typographic: bool = False
    """Cited by a typographic paragraph: the changes of its text by `TYPOGRAPHIC_AUTHOR`."""


def render(comparison: Comparison, options: RenderOptions) -> bytes:
    """The comparison as a .docx with tracked changes (bytes of the file).

    ``render(compare(old, new), RenderOptions(author="Delegation X"))`` -> ``b"PK…"``
    """
    from docx import Document

    doc = Document()
    _a4(doc)
    author = xml_safe(options.author)  # XML 1.0 holds no C0 control: shown as ␁, never dropped
    doc.core_properties.author = author
    doc.core_properties.last_modified_by = author
    title = xml_safe(new_text(comparison.title))
    doc.core_properties.title = _cut(title)
    doc.core_properties.comments = _cut(xml_safe(_summary(comparison)))
    writer = _Writer(doc, author)
    for para in _layout(comparison):
        writer.paragraph(para)
    writer.finish()
    buf = io.BytesIO()
    doc.save(buf)
    return _fixed_zip_dates(buf.getvalue())


def word_text(doc: Document) -> Document:
    """The document as `render` writes its text into a .docx: characters XML cannot
    hold shown visibly (`xml_safe`). ``verify-tracked`` compares a base with this, so
    redline's own Word output of a text holding a control character still verifies.

    >>> from redline.model import DocKind
    >>> word_text(Document("x", "plain", DocKind.TEXT, title="a\\x01b")).title
    'a␁b'
    """
    from dataclasses import replace

    def para(p: Paragraph) -> Paragraph:
        return replace(p, text=xml_safe(p.text), lead=xml_safe(p.lead))

    return replace(
        doc,
        title=xml_safe(doc.title),
        paragraphs=tuple(para(p) for p in doc.paragraphs),
        footnotes=tuple(replace(f, text=xml_safe(f.text)) for f in doc.footnotes),
        resolutions=tuple(word_text(r) for r in doc.resolutions),
    )


def _a4(doc: Any) -> None:
    """A4 paper with 2.5 cm margins, as UN documents are printed (python-docx's
    template is US Letter)."""
    from docx.shared import Cm

    for section in doc.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin = section.bottom_margin = Cm(2.5)


def _cut(text: str) -> str:
    """A core property as python-docx holds it, at most 255 characters: a longer text
    is cut there, with an ellipsis."""
    return text if len(text) <= 255 else text[:254] + "…"


def _summary(c: Comparison) -> str:
    """What the other outputs print above the changes: the symbols, then the summary
    line (`Comparison.summary`). The sponsor line itself is tracked in the header.

    >>> from redline import compare, parse_text
    >>> a = parse_text("The General Assembly,\\n\\n1. Notes the region\u2019s needs;\\n")
    >>> b = parse_text("The General Assembly,\\n\\n1. Notes the region's needs;\\n")
    >>> print(_summary(compare(a, b)))
    <text> → <text>
    1 typographic
    """
    return f"{symbol(c.old)} → {symbol(c.new)}\n{summary_line(c.summary())}"


def _fixed_zip_dates(data: bytes) -> bytes:
    """The same package with every member dated `_ZIP_DATE` (zip stores local times)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, _ZIP_DATE)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16  # rw-r--r--, as a plain write gives
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


# --- from entries to paragraphs -------------------------------------------------------


def _number(p: Paragraph | None) -> str:
    """The number as it is printed before the text: ``5.``, ``(a)``, or empty."""
    if p is None or not p.number:
        return ""
    return f"{p.number}." if p.number.isdigit() else p.number


def _number_runs(old: Paragraph | None, new: Paragraph | None) -> list[_Run]:
    """The number and the tab after it; a renumbering changes only the number.

    >>> [(r.op, r.text) for r in _number_runs(None, None)]
    []
    """
    a, b = _number(old), _number(new)
    if a == b:
        return [_Run(EQUAL, a + "\t")] if a else []
    runs = []
    if a:
        runs.append(_Run(DELETE, a))
    if b:
        runs.append(_Run(INSERT, b))
    sep = EQUAL if a and b else (DELETE if a else INSERT)
    runs.append(_Run(sep, "\t"))
    return runs


def _text_runs(
    segments: tuple[Segment, ...],
    old_lead: str,
    new_lead: str,
    after: Sequence[tuple[_Note, ...]] = (),
) -> list[_Run]:
    """Runs of a word diff, the lead phrase of each side in italics, and after each
    segment the references of `after` (one tuple of notes a segment).

    Kept text in one side's lead but not the other's is italic as in the new
    text, with its old look recorded (`_Run.italic_old`).

    >>> [(r.op, r.text, r.italic) for r in _text_runs((Segment("=", "Urges all"),), "Urges", "Urges")]
    [('=', 'Urges', True), ('=', ' all', False)]
    >>> segs = (Segment("=", "Recalling "), Segment("+", "also "), Segment("=", "its"))
    >>> [(r.op, r.text, r.italic, r.italic_old) for r in _text_runs(segs, "Recalling", "Recalling also")]
    [('=', 'Recalling', True, None), ('=', ' ', True, False), ('+', 'also', True, None), ('+', ' ', False, None), ('=', 'its', False, None)]
    """
    runs: list[_Run] = []
    pos_old = pos_new = 0
    for k, s in enumerate(segments):
        text = s.text
        while text:
            left_new, left_old = len(new_lead) - pos_new, len(old_lead) - pos_old
            if s.op == INSERT:
                left = [left_new]
            elif s.op == DELETE:
                left = [left_old]
            else:
                left = [left_new, left_old]
            cut = min([len(text), *(n for n in left if n > 0)])
            piece, text = text[:cut], text[cut:]
            italic = (left_old if s.op == DELETE else left_new) > 0
            was = left_old > 0 if s.op == EQUAL else italic
            runs.append(_Run(s.op, piece, italic=italic, italic_old=None if was == italic else was))
            if s.op != INSERT:
                pos_old += len(piece)
            if s.op != DELETE:
                pos_new += len(piece)
        runs.extend(_Run(n.op, "", note=n) for n in (after[k] if k < len(after) else ()))
    return runs


def _noted_runs(
    segments: tuple[Segment, ...],
    old_lead: str,
    new_lead: str,
    notes: list[_Note],
    old_marks: tuple[MarkAt, ...] | None,
    new_marks: tuple[MarkAt, ...] | None,
) -> tuple[list[_Run], list[_Note]]:
    """The runs of a word diff with each note's reference where `redline.compare`
    placed its mark (a kept note where the new text has it), and the notes whose
    place is unknown, for the end of the paragraph."""
    at: list[tuple[MarkAt, _Note]] = []
    rest: list[_Note] = []
    used: set[tuple[int, int]] = set()

    def find(side: int, marks: tuple[MarkAt, ...] | None, mark: str | None) -> MarkAt | None:
        for k, m in enumerate(marks or ()):
            if m.mark == mark and (side, k) not in used:
                used.add((side, k))
                return m
        return None

    for note in notes:
        new = find(1, new_marks, note.new_mark) if note.op != DELETE else None
        old = find(0, old_marks, note.old_mark) if note.op != INSERT else None
        if old is not None and new is not None:
            # a kept reference stands where both sides have it; where no one place
            # is right for both, it is dropped where it stood and added where it stands
            if _clear(segments, old, new, INSERT):
                at.append((new, note))
            elif _clear(segments, old, new, DELETE):
                at.append((old, note))
            else:
                at.append((old, _Note(DELETE, (Segment(DELETE, old_text(note.segments)),))))
                at.append((new, _Note(INSERT, (Segment(INSERT, new_text(note.segments)),))))
        elif (m := new or old) is not None:
            at.append((m, note))
        else:
            rest.append(note)
    if not at:
        return _text_runs(segments, old_lead, new_lead), rest
    pieces = cut_at(segments, at)
    segs = tuple(piece for _, _, piece, _ in pieces)
    return _text_runs(segs, old_lead, new_lead, [after for *_, after in pieces]), rest


def _clear(segments: tuple[Segment, ...], a: MarkAt, b: MarkAt, other: str) -> bool:
    """Whether no text of one side (the segments whose op is not `other`) stands
    between two places of a word diff: a reference at either is right for that side."""
    starts, pos = [], 0
    for seg in segments:
        starts.append(pos)
        pos += len(seg.text)
    lo, hi = sorted((starts[a.segment] + a.offset, starts[b.segment] + b.offset))
    return not any(
        seg.op != other and min(start + len(seg.text), hi) > max(start, lo)
        for seg, start in zip(segments, starts, strict=True)
    )


def _on_side(
    segments: tuple[Segment, ...], marks: tuple[MarkAt, ...] | None, op: str, text: str
) -> tuple[MarkAt, ...] | None:
    """Marks placed in a word diff, placed instead in the one run of its side's whole
    text (a paragraph written as inserted or deleted: `_whole`); None when that side
    of the diff is not `text`."""
    other = DELETE if op == INSERT else INSERT
    starts, pos = [], 0
    for seg in segments:
        starts.append(pos)
        pos += len(seg.text) if seg.op != other else 0
    side = new_text(segments) if op == INSERT else old_text(segments)
    if marks is None or side != text:
        return None
    return tuple(MarkAt(m.mark, 0, starts[m.segment] + m.offset) for m in marks)


def _whole(e: Entry, op: str, notes: list[_Note]) -> _Para:
    """An entry's paragraph inserted (new) or deleted (old) as a whole: its number and
    text as one op, its notes' references where they stand."""
    p = e.new if op == INSERT else e.old
    assert p is not None
    seg = (Segment(op, p.text),) if p.text else ()
    num = _number_runs(p, None) if op == DELETE else _number_runs(None, p)
    marks = _on_side(e.segments, e.new_marks if op == INSERT else e.old_marks, op, p.text)
    old_marks, new_marks = (None, marks) if op == INSERT else (marks, None)
    runs, rest = _noted_runs(seg, p.lead, p.lead, notes, old_marks, new_marks)
    return _Para(num + runs, op, p.kind, notes=rest)


def _layout(c: Comparison) -> list[_Para]:
    """The paragraphs of the Word document, in order, from the comparison."""
    out: list[_Para] = []
    if c.old.symbol or c.new.symbol:
        segs = _pair_segments(c.old.symbol or "", c.new.symbol or "")
        out.append(_Para(_text_runs(segs, "", ""), mark=_mark_of(segs)))
    sponsors = [_sponsor_line(d) for d in (c.old, c.new)]
    if any(sponsors):
        segs = _pair_segments(*sponsors)
        out.append(_Para(_text_runs(segs, "", ""), mark=_mark_of(segs)))
    title: list[_Para] = []
    if c.title:
        runs = _text_runs(c.title, "", "")
        for r in runs:
            r.bold = True
        title.append(_Para(runs, mark=_mark_of(c.title)))
    body = _body(c)
    _bold_preamble_headings(body, c.old, c.new)
    if c.old.resolutions or c.new.resolutions:
        # a committee report's title is the heading after "Agenda item 111"
        at = next((k + 1 for k, p in enumerate(body[:15]) if AGENDA_ITEM.match(_plain(p))), 0)
        return out + body[:at] + title + body[at:]
    out.extend(title)
    # plain text has no "The General Assembly,", nor has an amendment (its instructions
    # follow the title of the draft it amends)
    ga = [d.kind not in (DocKind.TEXT, DocKind.AMENDMENT) for d in (c.old, c.new)]
    if any(ga):
        # tracked when one side has no resolution structure (plain paragraphs)
        op = EQUAL if all(ga) else (DELETE if ga[0] else INSERT)
        out.append(_Para([_Run(op, "The General Assembly,", italic=True)], mark=op))
    return out + body


def _bold_preamble_headings(paras: list[_Para], old: Document, new: Document) -> None:
    """Write bold a resolution's plain paragraph standing before its operative part (a
    heading in the source, or the reader would have called it preambular), as the
    Word reader takes a bold line for a heading: unbolded it would read back as PP. It
    gets an outline level too, for a line bold does not make a heading (`_Para.outline`).
    Before: in the new text or the old one (deleted paragraphs stand among the new).
    In a report, a resolution's preamble starts at its "The General Assembly,"; plain
    text and amendments have none, and a numbered paragraph is no heading. Anywhere,
    an unnumbered paragraph opening like a number (``(iv) The …``) was a heading: it
    gets the outline level alone, or it would read back numbered.
    """
    report = bool(old.resolutions or new.resolutions)
    kinds = (DocKind.DRAFT, DocKind.REVISED_DRAFT, DocKind.RESOLUTION)
    preamble = {  # old text, new text
        DELETE: not report and old.kind in kinds,
        INSERT: not report and new.kind in kinds,
    }
    for p in paras:
        sides = [op for op in (DELETE, INSERT) if any(r.op in (EQUAL, op) for r in p.runs)]
        numbered = any(r.text.endswith("\t") for r in p.runs[:3])  # `_number_runs`
        operative = [op for op in sides if _kind_on(p, op) == ParaKind.OPERATIVE]
        if "".join(r.text for r in p.runs) == "The General Assembly,":
            preamble.update((op, True) for op in sides)
        elif operative:  # ends the preamble of the side it is operative in
            preamble.update((op, False) for op in operative)
        elif p.kind == ParaKind.OTHER and not numbered and any(preamble[op] for op in sides):
            p.outline = True
            for r in p.runs:
                r.bold = True
        elif p.kind == ParaKind.OTHER and not numbered:
            # unnumbered, yet its text opens like a number: a heading in the source
            sides_text = ("".join(r.text for r in p.runs if r.op != op) for op in (INSERT, DELETE))
            p.outline = any(_LIKE_A_NUMBER.match(text) for text in sides_text)


def _kind_on(p: _Para, op: str) -> ParaKind | None:
    """The paragraph's kind in the old text (`DELETE`) or the new one (`INSERT`): old PP2
    that became OP1 still stands in the old text's preamble."""
    return p.old_kind if op == DELETE and p.old_kind is not None else p.kind


_LIKE_A_NUMBER = re.compile(r"(?:\d{1,3}\.|\([a-z]{1,3}\)|\([ivxl]+\))\s")
"""The start of a paragraph the readers take for its number (``5.``, ``(a)``, ``(iv)``)."""


def _plain(p: _Para) -> str:
    """The paragraph's new text (its kept and inserted runs)."""
    return "".join(r.text for r in p.runs if r.op != DELETE)


def _sponsor_line(doc: Document) -> str:
    """The sponsor line of a draft's or an amendment's header (``Palau:* draft
    resolution``, ``Russian Federation: amendment to draft resolution A/80/L.18``), else empty.

    A committee report's account of who sponsored is prose, not a header line.

    >>> from redline.model import Sponsors
    >>> def doc(kind, line): return Document("x", "plain", kind, sponsors=Sponsors(text=line))
    >>> _sponsor_line(doc(DocKind.DRAFT, "Palau:* draft resolution"))
    'Palau:* draft resolution'
    >>> _sponsor_line(doc(DocKind.REPORT, "At its 13th meeting, …"))
    ''
    """
    text = doc.sponsors.text
    return text if doc.kind is DocKind.AMENDMENT or SPONSOR_END.search(text) else ""


def _pair_segments(a: str, b: str) -> tuple[Segment, ...]:
    """Two short texts as one deletion and one insertion (or one kept run)."""
    if a == b:
        return (Segment(EQUAL, a),)
    return tuple(Segment(op, t) for op, t in ((DELETE, a), (INSERT, b)) if t)


def _mark_of(segments: tuple[Segment, ...]) -> str:
    """The paragraph mark's op: inserted when there was no old text, deleted when no new."""
    if not old_text(segments):
        return INSERT
    if not new_text(segments):
        return DELETE
    return EQUAL


def _body(c: Comparison) -> list[_Para]:
    """The paragraphs for the entries: new reading order, moved ones deleted where they stood."""
    old_index: dict[Paragraph, int] = {}
    for k, p in enumerate(c.old.flat()):
        old_index.setdefault(p, k)
    entries = list(c.entries)
    out: list[_Para] = []
    moved: list[tuple[int, int, _Para]] = []  # (entry it follows, old index, deletion)
    ends: dict[int, int] = {}  # entry index -> how many paragraphs up to its own
    k = 0
    while k < len(entries):
        e = entries[k]
        if e.group is not None:
            n = k
            while n < len(entries) and entries[n].group == e.group:
                n += 1
            out.extend(_group(entries[k:n], old_index))
            ends.update((m, len(out)) for m in range(k, n))
            k = n
            continue
        k += 1
        oi = {old_index[e.old]} if e.old is not None and e.old in old_index else set()
        if e.status == Status.MOVED and e.old is not None and e.new is not None:
            out.append(_whole(e, INSERT, _moved_notes(e, INSERT)))
            dele = _whole(e, DELETE, _moved_notes(e, DELETE))
            dele.olds = oi
            follows = e.stood_after if e.stood_after is not None else -1
            moved.append((follows, min(oi) if oi else -1, dele))
            ends[k - 1] = len(out)
            continue
        cited = _notes([e], split=True)[0]
        if e.old is None and e.new is not None:
            out.append(_whole(e, INSERT, cited))
        elif e.new is None and e.old is not None:
            para = _whole(e, DELETE, cited)
            para.olds = oi
            out.append(para)
        elif e.old is not None and e.new is not None:
            runs, rest = _noted_runs(
                e.segments, e.old.lead, e.new.lead, cited, e.old_marks, e.new_marks
            )
            if e.status is Status.TYPOGRAPHIC:
                _typographic(runs, rest)
            runs = _number_runs(e.old, e.new) + runs  # a renumbering is no typography
            out.append(_Para(runs, kind=e.new.kind, old_kind=e.old.kind, olds=oi, notes=rest))
        ends[k - 1] = len(out)
        out.extend(_resolution_head(c, e, out[-1]) if out else [])
    # a moved paragraph's deletion goes where compare says it stood (`Entry.stood_after`):
    # right after that entry's paragraphs, those that stood after one entry in old order
    for shift, (follows, _, para) in enumerate(sorted(moved, key=lambda t: t[:2])):
        out.insert((ends[follows] if follows >= 0 else 0) + shift, para)
    return out


HEADING_MAX_CHARS = 120  # a report's own line this short, not ending like a sentence, is a heading


def _looks_like_heading(p: Paragraph) -> bool:
    """A report's own paragraph that was (most likely) a heading: ``I. Introduction``, ``Annex``.

    >>> _looks_like_heading(Paragraph("P3", ParaKind.OTHER, None, "", "Consideration of proposals"))
    True
    """
    text = p.text.strip()
    return 0 < len(text) <= HEADING_MAX_CHARS and not text.endswith((".", ",", ";", ":"))


def _resolution_head(c: Comparison, e: Entry, heading: _Para) -> list[_Para]:
    """In a report, after the "Draft resolution IV" heading: the title and "The General Assembly,".

    The report's own headings are made bold, as the parser recognises headings.
    """
    p = e.new or e.old
    if p is None or p.kind != ParaKind.OTHER or not (c.old.resolutions or c.new.resolutions):
        return []
    if p.resolution is None and _looks_like_heading(p):
        for r in heading.runs:
            r.bold = True
    m = RESOLUTION_HEADING.match(p.text.strip()) if not p.number else None
    if m is None:
        return []

    def title(doc: Document) -> str | None:
        return next((r.title for r in doc.resolutions if r.name == m.group(1)), None)

    old = title(c.old) if e.old is not None else None
    new = title(c.new) if e.new is not None else None
    if e.old is None:
        op = INSERT
    elif e.new is None:
        op = DELETE
    else:
        op = EQUAL
    segs = (
        _pair_segments(old or "", new or "") if op == EQUAL else (Segment(op, (new or old) or ""),)
    )
    runs = _text_runs(segs, "", "")
    for r in runs:
        r.bold = True
    out = [_Para(runs, mark=_mark_of(segs) if op == EQUAL else op)] if (old or new) else []
    out.append(_Para([_Run(op, "The General Assembly,", italic=True)], mark=op))
    return out


def _typographic(runs: list[_Run], notes: list[_Note]) -> None:
    """Mark a typographic paragraph's runs and notes: their changes are by `TYPOGRAPHIC_AUTHOR`."""
    for r in runs:
        r.typographic = True
        if r.note is not None:
            r.note.typographic = True
    for n in notes:
        n.typographic = True


def _group(group: list[Entry], old_index: dict[Paragraph, int]) -> list[_Para]:
    """A split (one old, several new) or a merge (several old, one new).

    The pieces are written as paragraphs whose marks, but the last, are inserted
    (split) or deleted (merge): accepting or rejecting joins them again.
    """
    olds = [e.old for e in group if e.old is not None]
    news = [e.new for e in group if e.new is not None]
    if len(olds) != len(group) or len(news) != len(group):
        return []  # not a group the aligner makes
    is_split = all(p == olds[0] for p in olds)
    cited = _notes(group, split=is_split)
    out: list[_Para] = []
    for n, e in enumerate(group):
        first, last = n == 0, n == len(group) - 1
        old, new = olds[n], news[n]
        oi = {old_index[old]} if old in old_index else set()
        if is_split:
            num = _number_runs(old if first else None, new)
            lead_old = old.lead if first else ""
            mark = EQUAL if last else INSERT
        else:
            num = _number_runs(old, new if first else None)
            lead_old = old.lead
            mark = EQUAL if last else DELETE
        lead_new = new.lead if (first or is_split) else ""
        runs, rest = _noted_runs(e.segments, lead_old, lead_new, cited[n], e.old_marks, e.new_marks)
        out.append(
            _Para(num + runs, mark=mark, kind=new.kind, old_kind=old.kind, olds=oi, notes=rest)
        )
    return out


def _notes(group: list[Entry], split: bool) -> list[list[_Note]]:
    """The footnotes of each piece of an entry (or of a split or merge), as
    `redline.compare` paired them (`Entry.citations`).

    A kept footnote goes with its new piece in a split and with its old piece
    otherwise, so that accepting and rejecting both find it where it was. A
    number the extractor glued to a word was no citation on its side: its note
    is written as added (or dropped) there.
    """
    out: list[list[_Note]] = [[] for _ in group]
    last: int | None = None  # the piece of the last kept note
    for c in group[0].citations:
        if c.kept:
            last = c.new_piece if split else c.old_piece
            out[last].append(_Note(EQUAL, c.segments, c.old_mark, c.new_mark))
        elif c.old_mark is not None and not c.old_glued:
            # in a split the old paragraph is one piece: a deleted note stays after
            # the kept note before it, so that rejecting keeps the old order
            piece = last if split and last is not None else c.old_piece
            out[piece].append(_dropped(c))
        elif c.new_mark is not None and not c.new_glued:
            piece = last if not split and last is not None else c.new_piece  # likewise, merged
            out[piece].append(_added(c))
    return out


def _moved_notes(e: Entry, op: str) -> list[_Note]:
    """The notes of a moved paragraph: all added where it stands (`op` ``+``), all
    dropped where it stood (``-``)."""
    if op == INSERT:
        return [_added(c) for c in e.citations if c.new_mark is not None and not c.new_glued]
    return [_dropped(c) for c in e.citations if c.old_mark is not None and not c.old_glued]


def _added(c: Citation) -> _Note:
    return _Note(INSERT, (Segment(INSERT, new_text(c.segments)),), None, c.new_mark)


def _dropped(c: Citation) -> _Note:
    return _Note(DELETE, (Segment(DELETE, old_text(c.segments)),), c.old_mark, None)


# --- writing WordprocessingML --------------------------------------------------------


class _Writer:
    """Appends paragraphs with tracked changes to a python-docx document."""

    def __init__(self, doc: WordDocument, author: str) -> None:
        self.doc = doc
        self.author = author
        self.next_id = 1
        self.footnotes: Any = None
        self.next_note = 1

    def _change(self, op: str, typographic: bool = False) -> Any:
        """A tracked change by the author (`TYPOGRAPHIC_AUTHOR` in a typographic
        paragraph): ``+`` w:ins, ``-`` w:del, or a tag. It has no ``w:date``, which
        is optional (ECMA-376 17.13.4): the time of a run would make every output differ."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        el = OxmlElement({INSERT: "w:ins", DELETE: "w:del"}.get(op, f"w:{op}"))
        el.set(qn("w:id"), str(self.next_id))
        author = TYPOGRAPHIC_AUTHOR.format(self.author) if typographic else self.author
        el.set(qn("w:author"), author)
        self.next_id += 1
        return el

    def paragraph(self, para: _Para) -> None:
        """Append one paragraph: indentation by kind, tracked mark, runs, footnote references."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Cm

        p = self.doc.add_paragraph()
        fmt = p.paragraph_format
        if para.kind == ParaKind.SUBPARAGRAPH:
            fmt.left_indent = Cm(2 * INDENT_CM)
        elif para.kind in (ParaKind.PREAMBULAR, ParaKind.OPERATIVE):
            fmt.first_line_indent = Cm(INDENT_CM)
        if para.outline:  # the lowest of Word's nine heading levels
            level = OxmlElement("w:outlineLvl")
            level.set(qn("w:val"), "8")
            p._p.get_or_add_pPr().insert_element_before(
                level, "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"
            )
        if para.mark != EQUAL:
            ppr = p._p.get_or_add_pPr()
            rpr = OxmlElement("w:rPr")
            rpr.append(self._change(para.mark))
            ppr.insert_element_before(rpr, "w:sectPr", "w:pPrChange")
        self._runs(p._p, para.runs)
        for note in para.notes:
            self._reference(p._p, note)

    def _reference(self, p: Any, note: _Note) -> None:
        """Append the note's reference, tracked when the note is added or dropped."""
        ref = self._footnote(note)
        if note.op == EQUAL:
            p.append(ref)
        else:
            wrapper = self._change(note.op, note.typographic)
            wrapper.append(ref)
            p.append(wrapper)

    def _footnote(self, note: _Note) -> Any:
        """The footnote's body in the footnotes part; returns the reference run."""
        from docx.oxml import OxmlElement, parse_xml
        from docx.oxml.ns import qn

        if self.footnotes is None:
            self.footnotes = parse_xml(_FOOTNOTES_XML)
        nid = str(self.next_note)
        self.next_note += 1
        body = OxmlElement("w:footnote")
        body.set(qn("w:id"), nid)
        p = OxmlElement("w:p")
        p.append(_superscript(OxmlElement("w:footnoteRef")))
        runs = _text_runs(note.segments, "", "")
        for r in runs:
            r.typographic = note.typographic
        self._runs(p, [_Run(EQUAL, " "), *runs])
        body.append(p)
        self.footnotes.append(body)
        ref = OxmlElement("w:footnoteReference")
        ref.set(qn("w:id"), nid)
        return _superscript(ref)

    def _was(self, r: Any, run: _Run) -> None:
        """Record the run's old look (``w:rPrChange``): rejecting all restores it."""
        from docx.oxml import OxmlElement

        rpr = r.find(_qn("rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            r.insert(0, rpr)
        change = self._change("rPrChange", run.typographic)
        old = OxmlElement("w:rPr")
        if run.bold:
            old.append(OxmlElement("w:b"))
        if run.italic_old:
            old.append(OxmlElement("w:i"))
        change.append(old)
        rpr.append(change)

    def _runs(self, p: Any, runs: list[_Run]) -> None:
        """Append runs to paragraph `p`, neighbouring inserted or deleted ones in one change."""
        wrapper: Any = None
        wrapper_typographic = False
        for run in runs:
            if run.note is not None:
                wrapper = None
                self._reference(p, run.note)
                continue
            if not run.text:
                continue
            if run.op == EQUAL:
                wrapper = None
                r = _run_element(run, deleted=False)
                if run.italic_old is not None:
                    self._was(r, run)
                p.append(r)
                continue
            if (
                wrapper is None
                or wrapper.tag.endswith("}ins") != (run.op == INSERT)
                or wrapper_typographic != run.typographic
            ):
                wrapper = self._change(run.op, run.typographic)
                wrapper_typographic = run.typographic
                p.append(wrapper)
            wrapper.append(_run_element(run, deleted=run.op == DELETE))

    def finish(self) -> None:
        """Add the footnotes part, if any footnote was written."""
        if self.footnotes is None:
            return
        from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
        from docx.opc.packuri import PackURI
        from docx.opc.part import XmlPart

        part = XmlPart(
            PackURI("/word/footnotes.xml"),
            CONTENT_TYPE.WML_FOOTNOTES,
            self.footnotes,
            self.doc.part.package,
        )
        self.doc.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
        # Word expects the settings to name the separator footnotes
        from docx.oxml import parse_xml

        settings = self.doc.settings.element
        pr = parse_xml(
            '<w:footnotePr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            '<w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
        )
        after = next(
            (
                k
                for k, el in enumerate(settings)
                if str(el.tag).split("}")[-1] in _AFTER_FOOTNOTE_PR
            ),
            len(settings),
        )
        settings.insert(after, pr)


# what comes after w:footnotePr in w:settings (ECMA-376 order, which Word checks)
_AFTER_FOOTNOTE_PR = frozenset(
    "endnotePr compat docVars rsids mathPr attachedSchema themeFontLang clrSchemeMapping "
    "doNotIncludeSubdocsInStats doNotAutoCompressPictures forceUpgrade captions "
    "readModeInkLockDown smartTagType schemaLibrary shapeDefaults doNotEmbedSmartTags "
    "decimalSymbol listSeparator".split()
)
_FOOTNOTES_XML = (
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
    "</w:r></w:p></w:footnote></w:footnotes>"
)


def _qn(tag: str) -> str:
    """``_qn("rPr")`` -> ``"{…/wordprocessingml/2006/main}rPr"``."""
    from docx.oxml.ns import qn

    return str(qn(f"w:{tag}"))


def _superscript(child: Any) -> Any:
    """A run holding `child` (a footnote reference or mark) in superscript."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    r = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    va = OxmlElement("w:vertAlign")
    va.set(qn("w:val"), "superscript")
    rpr.append(va)
    r.append(rpr)
    r.append(child)
    return r


def _run_element(run: _Run, deleted: bool) -> Any:
    """``<w:r>`` with the run's look and its text (``w:delText`` when deleted), tabs as ``w:tab``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    r = OxmlElement("w:r")
    if run.bold or run.italic:
        rpr = OxmlElement("w:rPr")
        if run.bold:
            rpr.append(OxmlElement("w:b"))
        if run.italic:
            rpr.append(OxmlElement("w:i"))
        r.append(rpr)
    for k, part in enumerate(xml_safe(run.text).split("\t")):
        if k:
            r.append(OxmlElement("w:tab"))
        if part:
            t = OxmlElement("w:delText" if deleted else "w:t")
            t.set(qn("xml:space"), "preserve")
            t.text = part
            r.append(t)
    return r
