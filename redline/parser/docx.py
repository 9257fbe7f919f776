"""Word input: a .docx to the blocks the structure builder reads, from Word's structure.

Each Word paragraph becomes one `Block`, built from its runs, never from text
written out and parsed again: what is typed in Word stays text (``[a](b)``,
``# Draft resolution II``, ``- item``, ``---``, ``*``, ``<sup>``). What the block
learns comes from the structure:

- **number**: Word's automatic numbering (``1.``, ``(a)``), computed as UN
  documents print it, unless the text already starts with a number; then the
  same number patterns as the Markdown reader (``5.``, ``(a)``, ``(iv)``);
- **lead phrase**: the italic span right after the number;
- **footnote marks**: footnote references (numbered in reading order, or their
  own mark), and marks typed as superscript digits or asterisks; a paragraph
  opening with a typed superscript mark is a footnote body (converted documents);
- **heading**: a heading or title style, or a paragraph all in bold, unnumbered,
  not ending like a sentence;
- footnote bodies from the footnotes part follow the paragraph citing them, and
  a paragraph split across a page break (its continuation in lower case) is one.

Tracked changes are read as accepted (inserted text kept, deleted text dropped)
or rejected (the opposite); a tracked paragraph mark that the choice removes
joins its paragraph with the next. Hidden text is not read (directly, by style, by
the default paragraph style or the document's defaults); text boxes are read after the
paragraph holding them, equations (``m:oMath``) as their text; pictures are named, not
compared.

python-docx is imported here only, and only when a .docx is read.

>>> read_docx(b"PK\\x03\\x04 not really", "x.docx", "accept")
Traceback (most recent call last):
...
redline.errors.InputError: x.docx: not a readable Word document: the ZIP archive is damaged or truncated
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from redline.errors import InputError
from redline.model import Footnote, plural
from redline.parser.blocks import Block, Cleaned, collapse, join_page_splits
from redline.parser.vocab import roman

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _R, _T, _DEL_TEXT = _W + "p", _W + "r", _W + "t", _W + "delText"
_INS, _DEL, _MOVE_TO, _MOVE_FROM = _W + "ins", _W + "del", _W + "moveTo", _W + "moveFrom"
_PPR, _RPR, _I, _VANISH = _W + "pPr", _W + "rPr", _W + "i", _W + "vanish"
_SPACES = {_W + "tab": "\t", _W + "br": " ", _W + "cr": " ", _W + "noBreakHyphen": "-"}
_NUMBER = re.compile(r"^(?:(\d{1,3})\.|(\([a-z]{1,3}\)|\([ivxl]+\)))\s+")
"""A printed number: ``5.`` or ``(a)`` / ``(iv)`` then a blank (the Markdown reader's)."""
_LEAD_AFTER = re.compile(r"^(?:\d+\.\s+|\([a-z]{1,3}\)\s+)?$")
"""What may stand before the lead phrase (``(viii)`` may not, as in the Markdown reader)."""
_FALSE = {"0", "false", "off"}
_FOOTNOTE_REF = _W + "footnoteReference"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_M_R, _M_T = _M + "r", _M + "t"  # an equation's runs and text, shown as Word shows them
_MARK = re.compile(r"[0-9]+|\*+")  # the footnote marks of UN documents


class _Piece(NamedTuple):
    """A run's text, or a footnote mark (`mark` set, `text` empty)."""

    text: str
    italic: bool = False
    mark: str | None = None
    typed: bool = False
    """A mark typed as superscript text, not a footnote reference."""


@dataclass(frozen=True)
class WordRead:
    """What the Word reader found: the blocks, warnings, tracked changes, and what Word
    shows that is not compared (headers, footers, comments, endnotes, hidden text)."""

    cleaned: Cleaned
    warnings: tuple[str, ...] = ()
    tracked: int = 0
    unverified: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The paragraphs as printed, a blank line between them (``5. Urges …``), then
        each footnote as ``[n] text``: for messages and tests, never parsed again."""
        paras = [_printed(b) for b in self.cleaned.blocks]
        notes = [f"[{f.mark}] {f.text}" for f in self.cleaned.footnotes]
        return "\n\n".join(paras + notes) + "\n"


def _printed(b: Block) -> str:
    """``_printed(Block("Urges States;", (1, 1), number="5"))`` -> ``'5. Urges States;'``"""
    number = f"{b.number}." if (b.number or "").isdigit() else b.number
    return f"{number} {b.text}" if number else b.text


def read_docx(data: bytes, path: str, tracked: str, max_size: int | None = None) -> WordRead:
    """Read a .docx as Word shows it: hidden text (``w:vanish``) left out, text boxes
    read as paragraphs after the paragraph holding them, and the parts that are not
    compared (headers, footers, comments, endnotes) named in `WordRead.unverified`.

    `tracked` is ``accept`` (the text with changes accepted) or ``reject``. An XML
    part that unpacks to more than `max_size` bytes (the limit a text file has) is
    refused before it is parsed; the work after that is linear in the XML's size.
    """
    if tracked not in ("accept", "reject"):
        raise ValueError(f"tracked must be 'accept' or 'reject', not {tracked!r}")
    if max_size is not None:
        _refuse_large_parts(data, path, max_size)
    try:
        from docx import Document

        word = Document(io.BytesIO(data))
        body = word.element.body
        numbers = _Numbering(word)
        notes = _Footnotes(word, tracked, numbers.styles)
    except Exception as e:  # zipfile, lxml, python-docx: all mean "not a Word file we can read"
        raise InputError(path, f"not a readable Word document: {_unreadable(e, data)}") from None
    if body is None:
        raise InputError(path, "not a readable Word document: word/document.xml has no body")
    n_tracked = notes.tracked + sum(1 for _ in body.iter(_INS, _DEL, _MOVE_TO, _MOVE_FROM))
    hidden: list[str] = []
    out = _Blocks()
    pending: list[_Piece] = []
    boxes = pictures = 0
    bold = True  # so far, every run of the pending paragraph is bold
    ordinal = 0  # the paragraph's place in the main text: its line (`_Blocks`)
    first = 0  # the place of the first paragraph whose text is pending
    for p, in_box in _paragraphs(body, tracked, numbers.styles):
        runs = _runs(p, tracked)
        pictures += _pictures(runs, numbers.styles)
        if in_box:
            # a text box's paragraph (w:txbxContent, VML or DrawingML): its own block,
            # at the place of the paragraph holding it
            pieces = _pieces(p, runs, tracked, notes, numbers.styles, hidden)
            if out.add(pieces, (ordinal, ordinal), numbers.next(p)):
                boxes += 1
                out.notes(notes, ordinal)
            continue
        ordinal += 1
        got = _pieces(p, runs, tracked, notes, numbers.styles, hidden)
        if got and not pending:
            first = ordinal
        pending.extend(got)
        bold = bold and _all_bold(runs, tracked)
        broken = _page_break(p, runs)
        if broken == "before" and not pending:
            out.broken = True
        if _mark_removed(p, tracked) or _mark_hidden(p, numbers.styles):
            continue  # its paragraph mark goes: the next paragraph continues it
        lines = (first or ordinal, ordinal) if pending else (ordinal, ordinal)
        out.add(pending, lines, numbers.next(p), heading=numbers.is_heading(p), bold=bold)
        pending, bold, first = [], True, 0
        if broken == "after":
            out.broken = True
        # footnotes follow the paragraph citing them, so each stays with its resolution
        out.notes(notes, ordinal)
    out.add(pending, (first or ordinal, ordinal))
    out.notes(notes, ordinal)
    hidden.extend(notes.hidden)
    warnings = []
    if n_tracked:
        how = "accepted" if tracked == "accept" else "rejected"
        them = "it" if n_tracked == 1 else "all of them"
        warnings.append(f"{path}: {plural(n_tracked, 'tracked change')}, read with {them} {how}")
    unverified = []
    shown = [h for h in (" ".join(x.split()) for x in hidden) if h]
    if shown:
        n_runs = f"{len(shown)} run{'s' if len(shown) != 1 else ''}"
        unverified.append(f"hidden text (w:vanish) in {n_runs}: {_sample(shown)}")
        warnings.append(
            f"{path}: hidden text (w:vanish) in {n_runs} is not read, "
            f"as Word does not show it: {_sample(shown)}"
        )
    if boxes:
        warnings.append(
            f"{path}: {boxes} paragraph{'s' if boxes != 1 else ''} of text boxes read "
            "after the paragraph holding them"
        )
    if pictures:
        what = f"{pictures} picture{'s' if pictures != 1 else ''} (w:drawing, w:pict, w:object)"
        unverified.append(what)
        warnings.append(f"{path}: {what}: not compared")
    for what in _other_parts(word, body):
        unverified.append(what)
        warnings.append(f"{path}: {what}: not compared")
    return WordRead(_report_headings(out.cleaned()), tuple(warnings), n_tracked, tuple(unverified))


class _Blocks:
    """The blocks and footnotes read so far, each with its lines: for a .docx, a
    paragraph's place in the main text, 1-based, counting every paragraph mark Word
    holds there (empty paragraphs, table cells', hidden or tracked ones; what Word's
    macros call ``ActiveDocument.Paragraphs(n)``, what Show ¶ marks), not those of text
    boxes or footnotes. A paragraph joined across removed marks spans its first and
    last; a text box's paragraph, and a footnote body, have the place of the paragraph
    holding or citing it, so a report's footnotes go with the resolution citing them."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.breaks: list[bool] = []
        """For each block, whether a page break stands before it."""
        self.footnotes: list[Footnote] = []
        self.broken = False
        """A page break, a rule or a footnote body was read since the last block."""

    def add(
        self,
        pieces: list[_Piece],
        lines: tuple[int, int],
        number: str = "",
        heading: bool = False,
        bold: bool = False,
    ) -> bool:
        """Add a paragraph at `lines` (`number`: Word's automatic number; `heading`: its
        style is a heading's; `bold`: all its text is bold); False if it has no text or mark."""
        got = _paragraph(pieces, number, heading, bold, lines)
        if got is None:
            return False
        if isinstance(got, Footnote):
            self.footnotes.append(got)
            self.broken = True  # a note typed in the body: a page's foot
        else:
            self.blocks.append(got)
            self.breaks.append(self.broken)
            self.broken = False
        return True

    def notes(self, notes: _Footnotes, line: int) -> None:
        """Add the bodies of the footnotes cited since the last call, at `line`."""
        for mark, text in notes.bodies():
            self.footnotes.append(Footnote(mark=mark, text=text, lines=(line, line)))

    def cleaned(self) -> Cleaned:
        return Cleaned(
            blocks=join_page_splits(self.blocks, self.breaks), footnotes=tuple(self.footnotes)
        )


def _report_headings(cleaned: Cleaned) -> Cleaned:
    """`cleaned` with a "Draft resolution II" heading kept only where it heads one of a
    committee report's draft resolutions; elsewhere it is a plain paragraph (`Block.other`).

    In Word any bold line is a heading, so a draft titled "Draft resolution II" (its
    title is bold in redline's own .docx) or a bold "Draft resolution II" in a
    resolution's body would make the document a report. A report's structure: its
    first "Draft resolution N" heading stands before any "The General Assembly," and is
    followed by the resolution's title (not by "The General Assembly,": then it is the
    draft's own title); a heading right after such a heading is that resolution's title.
    The heading pattern is the Markdown reader's (`vocab.RESOLUTION_HEADING`).

    >>> title = [Block("A/C.3/80/L.5", (1, 1)), Block("Draft resolution II", (2, 2), heading=True),
    ...          Block("The General Assembly,", (3, 3))]
    >>> [b.heading for b in _report_headings(Cleaned(tuple(title), ())).blocks]
    [False, False, False]
    """
    from redline.parser import _h
    from redline.parser.vocab import GENERAL_ASSEMBLY, RESOLUTION_HEADING

    blocks = list(cleaned.blocks)
    starts = [k for k, b in enumerate(blocks) if b.heading and RESOLUTION_HEADING.match(_h(b))]
    if not starts:
        return cleaned
    first = starts[0]
    ga = next((k for k, b in enumerate(blocks) if GENERAL_ASSEMBLY.match(b.text)), len(blocks))
    after = blocks[first + 1] if first + 1 < len(blocks) else None
    report = (
        first < ga
        and after is not None
        and bool(_h(after))
        and not GENERAL_ASSEMBLY.match(after.text)
    )
    kept: list[int] = []
    for k in starts:
        if report and not (kept and kept[-1] == k - 1):
            kept.append(k)
        else:
            blocks[k] = replace(blocks[k], heading=False, other=True)
    return replace(cleaned, blocks=tuple(blocks))


def _paragraph(
    pieces: list[_Piece], number: str, heading: bool, bold: bool, lines: tuple[int, int]
) -> Block | Footnote | None:
    """One Word paragraph as a block, or a footnote body (it opens with a typed mark).

    >>> b = _paragraph([_Piece("5.\\t"), _Piece("Urges", True), _Piece(" [all](x) *States"),
    ...                 _Piece("", mark="1")], "", False, False, (1, 1))
    >>> b.number, b.lead, b.text, b.footnotes, b.marks_at
    ('5', 'Urges', 'Urges [all](x) *States', ('1',), (22,))
    >>> _paragraph([_Piece("", mark="2", typed=True), _Piece(" A/75/111.")], "", False, False,
    ...            (3, 3))
    Footnote(mark='2', text='A/75/111.', lines=(3, 3))
    >>> _paragraph([_Piece("Draft resolution IV")], "", False, True, (5, 5)).heading
    True
    """
    if number and not _NUMBER.match("".join(x.text for x in pieces if x.mark is None).lstrip()):
        pieces = [_Piece(number + " "), *pieces]
    # whitespace runs to one space, none at the start or the end
    chars: list[_Piece] = []
    for x in pieces:
        if x.mark is not None:
            chars.append(x)
            continue
        for ch in x.text:
            if not ch.isspace():
                chars.append(_Piece(ch, x.italic))
            elif chars and chars[-1].text != " ":
                chars.append(_Piece(" ", x.italic))
    while chars and chars[-1].text == " ":
        chars.pop()
    if not chars:
        return None
    # the number is matched on the words: a mark after it (``1.*``) is still a mark
    words = [k for k, c in enumerate(chars) if c.mark is None]
    while words and chars[words[0]].text == " ":  # a blank after a leading mark
        words.pop(0)
    shown = "".join(chars[k].text for k in words)
    numbered = _NUMBER.match(shown)
    last = chars[-1]
    if heading or (bold and not numbered and (last.mark is not None or last.text not in ",;:.")):
        text, marks, at = _text(chars)
        return Block(text=text, lines=lines, footnotes=marks, marks_at=at, heading=True)
    if chars[0].mark is not None and chars[0].typed:
        return Footnote(mark=chars[0].mark, text=_text(chars[1:])[0], lines=lines)
    cut = 0
    if numbered:
        cut = words[numbered.end()] if numbered.end() < len(words) else len(chars)
    # the lead phrase: the italic span after the number, up to a mark
    end = cut
    while end < len(chars) and chars[end].italic and chars[end].mark is None:
        end += 1
    lead = "".join(c.text for c in chars[cut:end]).strip()
    if not any(ch.isalnum() for ch in lead) or not _LEAD_AFTER.match(
        shown[: numbered.end()] if numbered else ""
    ):
        lead = ""
    text, marks, at = _text(chars[cut:])
    before = tuple(c.mark for c in chars[:cut] if c.mark is not None)  # "1.*": at the start
    return Block(
        text=text,
        lines=lines,
        lead=lead.rstrip(",;:") or None,
        footnotes=before + marks,
        marks_at=(0,) * len(before) + at,
        number=(numbered.group(1) or numbered.group(2)) if numbered else None,
    )


def _text(chars: list[_Piece]) -> tuple[str, tuple[str, ...], tuple[int, ...]]:
    """The text of `chars`, blanks collapsed, the marks among them, and where each
    stands in the text (after the word before it).

    >>> _text([_Piece("Recalling, "), _Piece("", mark="1"), _Piece(" its"), _Piece("", mark="2")])
    ('Recalling, its', ('1', '2'), (10, 14))
    """
    pieces: list[str] = []
    at: list[int] = []
    pos = 0
    for c in chars:
        if c.mark is not None:
            at.append(pos)
        pieces.append(c.text)
        pos += len(c.text)
    text, placed = collapse("".join(pieces), at)
    return text, tuple(c.mark for c in chars if c.mark is not None), placed


_O_HR = "{urn:schemas-microsoft-com:office:office}hr"


def _page_break(p: Any, runs: list[Any]) -> str:
    """``before`` when paragraph `p` starts a page (``w:pageBreakBefore``), ``after``
    when a page break (``w:br w:type="page"``) or a horizontal rule (a VML ``o:hr``,
    as pandoc writes ``---``) stands in it; else empty."""
    ppr = p.find(_PPR)
    flag = ppr.find(_W + "pageBreakBefore") if ppr is not None else None
    if flag is not None and (flag.get(_VAL) or "true").lower() not in _FALSE:
        return "before"
    for r in runs:
        for el in r.iter(_W + "br", _V_RECT):
            if el.get(_W + "type") == "page" or el.get(_O_HR) in ("t", "true"):
                return "after"
    return ""


_V_RECT = "{urn:schemas-microsoft-com:vml}rect"
_PICTURES = (_W + "drawing", _W + "pict", _W + "object")
_TEXT_BOX = _W + "txbxContent"


def _pictures(runs: list[Any], styles: dict[str, Any]) -> int:
    """How many pictures, drawings or embedded objects Word shows in `runs`: what they
    show is not text redline can read (a picture of words), so it is named, not
    compared. Text boxes (read as paragraphs), pandoc's horizontal rule (``o:hr``),
    hidden runs and the ``mc:Fallback`` copy of a drawing are not pictures."""
    n = 0
    for r in runs:
        if r.tag != _R or _hidden(r, styles):
            continue
        for el in r.iter(*_PICTURES):
            if next(el.iter(_TEXT_BOX), None) is not None:
                continue
            if any(x.get(_O_HR) in ("t", "true") for x in el.iter(_V_RECT)):
                continue
            if _inside(el, r, (_MC_FALLBACK, _TEXT_BOX)):
                continue  # a fallback copy, or in a text box: counted with its paragraph
            n += 1
    return n


def _inside(el: Any, top: Any, tags: tuple[str, ...]) -> bool:
    """Whether `el` stands inside one of `tags` below `top`."""
    for a in el.iterancestors():
        if a is top:
            return False
        if a.tag in tags:
            return True
    return False


def _unreadable(e: Exception, data: bytes) -> str:
    """Why python-docx could not open a .docx, in words, not its parser's: which XML
    part is damaged and where (``word/document.xml is damaged (line 2, column 13843)``),
    which part is missing, or the reader's own one-line message.

    >>> _unreadable(KeyError("There is no item named 'word/document.xml' in the archive"), b"")
    'word/document.xml is missing'
    """
    import zipfile

    if isinstance(e, zipfile.BadZipFile):
        return "the ZIP archive is damaged or truncated"
    if isinstance(e, KeyError) and (missing := re.search(r"no item named '([^']+)'", str(e))):
        return f"{missing[1]} is missing"
    if isinstance(e, SyntaxError):  # lxml's XMLSyntaxError: line and column, but no part
        line, column = getattr(e, "position", (e.lineno, e.offset))
        where = f" (line {line}, column {column})" if line else ""
        return f"{_damaged_part(data, e) or 'an XML part'} is damaged{where}"
    return " ".join(str(e).split()) or type(e).__name__


def _damaged_part(data: bytes, error: SyntaxError) -> str | None:
    """The XML part of the .docx whose parsing fails as `error` did (the first failing
    one if none fails the same way); None when every part parses."""
    import zipfile

    from docx.oxml.parser import parse_xml

    first = None
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if not name.endswith((".xml", ".rels")):
                continue
            try:
                parse_xml(z.read(name))
            except SyntaxError as e:
                if (e.msg, e.lineno, e.offset) == (error.msg, error.lineno, error.offset):
                    return name
                first = first or name
            except Exception:  # noqa: BLE001 - any other failure: not the damaged part
                continue
    return first


def _refuse_large_parts(data: bytes, path: str, max_size: int) -> None:
    """An XML part larger than `max_size` unpacked is an `InputError` (read from the ZIP
    directory; nothing is unpacked)."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return  # the reader below says what is wrong with it
    for info in infos:
        if info.file_size > max_size and info.filename.endswith((".xml", ".rels")):
            raise InputError(
                path,
                f"{info.filename} unpacks to {_amount(info.file_size)}, larger than the limit "
                f"of {_amount(max_size)} a text file has; raise it with --max-size",
            )


def _amount(n: int) -> str:
    """``_amount(26_214_400)`` -> ``'26.2 MB'``; bytes below a megabyte."""
    return f"{n / 1e6:.1f} MB" if n >= 1_000_000 else f"{n} bytes"


def _sample(texts: list[str], most: int = 3) -> str:
    """``“a”, “b” and 2 more``: the first few texts, each shortened.

    >>> _sample(["2030", "x" * 50, "c", "d"])
    '“2030”, “xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…”, “c” and 1 more'
    """
    shown = [f"“{t if len(t) <= 40 else t[:38] + '…'}”" for t in texts[:most]]
    more = f" and {len(texts) - most} more" if len(texts) > most else ""
    return ", ".join(shown) + more


_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _gone(tracked: str) -> tuple[str, str]:
    """The tracked-change wrappers whose content the choice removes."""
    return (_DEL, _MOVE_FROM) if tracked == "accept" else (_INS, _MOVE_TO)


def _paragraphs(root: Any, tracked: str, styles: dict[str, Any]) -> Iterator[tuple[Any, bool]]:
    """The paragraphs under `root` in document order, each with whether it is in a text
    box (inside another paragraph). Those Word does not show are left out: the
    ``mc:Fallback`` copy of a DrawingML box, a box in a hidden run or one the tracked
    choice removes. One walk, linear in the size of the XML however deep it nests.
    """
    gone = _gone(tracked)
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        el, in_p = stack.pop()
        tag = el.tag
        if tag == _MC_FALLBACK or (in_p and (tag in gone or (tag == _R and _hidden(el, styles)))):
            continue
        if tag == _P:
            yield el, in_p
            in_p = True
        stack.extend((child, in_p) for child in reversed(el))


def _runs(p: Any, tracked: str) -> list[Any]:
    """The runs of paragraph `p` that the tracked choice keeps, in order, without those
    of its text boxes or of an ``mc:Fallback`` copy. One walk of the paragraph."""
    gone = _gone(tracked)
    out = []
    stack = list(reversed(p))
    while stack:
        el = stack.pop()
        tag = el.tag
        if tag == _R or tag == _M_R:
            out.append(el)
        elif tag != _P and tag != _MC_FALLBACK and tag not in gone:
            stack.extend(reversed(el))
    return out


_DEFAULT_STYLE = "\x00default paragraph style"
_DOC_DEFAULTS = "\x00docDefaults"
"""Keys of the styles table for the default paragraph style (``Normal``) and the
document's run defaults (``w:rPrDefault``): a NUL is in no XML attribute, so in no
style's id."""


def _hidden(r: Any, styles: dict[str, Any], pstyle: str | None = None) -> bool:
    """Whether run `r` is hidden (``w:vanish``) directly, by its character style, by
    its paragraph's style (the default one, ``Normal``, when it names none) or by the
    document's run defaults, each style followed along ``basedOn``, as Word decides."""
    rpr = r.find(_RPR)
    if rpr is not None:
        v = rpr.find(_VANISH)
        if v is not None:
            return (v.get(_VAL) or "true").lower() not in _FALSE
        sid = _child_val(rpr, "rStyle")
        if sid and _style_flag(styles, sid, _VANISH) is not None:
            return bool(_style_flag(styles, sid, _VANISH))
    return _inherited(styles, pstyle, _VANISH)


def _inherited(styles: dict[str, Any], pstyle: str | None, tag: str) -> bool:
    """An on/off run property from paragraph style `pstyle` (the default paragraph style
    when it is unset or unknown), else from the document's run defaults."""
    sid = pstyle if pstyle in styles else _DEFAULT_STYLE
    flag = _style_flag(styles, sid, tag)
    if flag is None:
        flag = _style_flag(styles, _DOC_DEFAULTS, tag)
    return bool(flag)


def _style_flag(styles: dict[str, Any], sid: str, tag: str) -> bool | None:
    """An on/off run property of style `sid` or the styles it is based on; None if unset."""
    for _ in range(10):  # the basedOn chain, bounded
        st = styles.get(sid)
        if st is None:
            return None
        rpr = st.find(_RPR)
        flag = rpr.find(tag) if rpr is not None else None
        if flag is not None:
            return (flag.get(_VAL) or "true").lower() not in _FALSE
        sid = _child_val(st, "basedOn") or ""
    return None


def _mark_hidden(p: Any, styles: dict[str, Any]) -> bool:
    """True when the paragraph mark is hidden (directly, or by the paragraph's style or
    the document's defaults): Word shows the paragraph joined to the next."""
    ppr = p.find(_PPR)
    rpr = ppr.find(_RPR) if ppr is not None else None
    v = rpr.find(_VANISH) if rpr is not None else None
    if v is not None:
        return (v.get(_VAL) or "true").lower() not in _FALSE
    pstyle = _child_val(ppr, "pStyle") if ppr is not None else None
    return _inherited(styles, pstyle, _VANISH)


_PARTS = {
    "header": "header",
    "footer": "footer",
    "comments": "comment",
    "endnotes": "endnote",
}


def _other_parts(word: Any, body: Any) -> list[str]:
    """What Word shows outside the body and its footnotes, which is not compared:
    ``header “A/C.3/75/L.11”``, ``2 comments: “…”``, an imported part (``w:altChunk``).
    Page numbers alone (a header of digits) are not named."""
    texts: dict[str, list[str]] = {}
    for rel in word.part.rels.values():
        kind = rel.reltype.rsplit("/", 1)[-1]
        if kind not in _PARTS or rel.is_external:
            continue
        from docx.oxml import parse_xml

        root = parse_xml(rel.target_part.blob)
        if kind in ("header", "footer"):
            items = [root]
        else:
            items = list(root.iterfind(_W + kind.removesuffix("s")))
        for item in items:
            text = " ".join("".join(_t(t) for t in item.iter(_T)).split())
            if text and not text.replace(" ", "").isdigit():
                texts.setdefault(_PARTS[kind], []).append(text)
    out = []
    for kind, found in texts.items():
        many = f"{len(found)} {kind}s" if len(found) != 1 else kind
        out.append(f"{many} {_sample(found)}" if len(found) == 1 else f"{many}: {_sample(found)}")
    chunks = sum(1 for _ in body.iter(_W + "altChunk"))
    if chunks:
        out.append(f"{chunks} imported part{'s' if chunks != 1 else ''} (w:altChunk)")
    return out


def _pieces(
    p: Any,
    runs: list[Any],
    tracked: str,
    notes: _Footnotes | None,
    styles: dict[str, Any] | None = None,
    hidden: list[str] | None = None,
) -> list[_Piece]:
    """The paragraph's text and footnote marks as pieces, in order.

    A footnote reference is a mark (when `notes` is given), and so is a superscript
    run whose text is a mark (typed, in converted documents). The text of a hidden
    run (``w:vanish``) is not read; it is added to `hidden`.
    """
    out: list[_Piece] = []
    ppr = p.find(_PPR)
    pstyle = _child_val(ppr, "pStyle") if ppr is not None else None
    for r in runs:
        if _hidden(r, styles or {}, pstyle):
            if hidden is not None:
                hidden.append("".join(_t(t) for t in r.iter(_T, _DEL_TEXT)))
            continue
        italic = _italic(r, tracked)
        superscript = notes is not None and _superscript(r)
        custom: Any = None  # a reference whose mark is the run's text ("*")
        for child in r:
            if child.tag == _FOOTNOTE_REF and notes is not None:
                if (child.get(_W + "customMarkFollows") or "").lower() in ("1", "true", "on"):
                    custom = child
                else:
                    out.append(_Piece("", mark=notes.cite(child, None)))
            elif child.tag in (_T, _DEL_TEXT, _M_T):
                text = _t(child)
                if custom is not None and notes is not None:
                    out.append(_Piece("", mark=notes.cite(custom, text.strip())))
                    custom = None
                elif superscript and _MARK.fullmatch(text.strip()):
                    # a footnote marker typed as superscript text (converted documents)
                    out.append(_Piece("", mark=text.strip(), typed=True))
                else:
                    out.append(_Piece(text, italic))
            elif child.tag in _SPACES:
                out.append(_Piece(_SPACES[child.tag], italic))
    return out


def _t(el: Any) -> str:
    """The text of a ``w:t``: an entity reference in it (``&x;``, from a DTD) is kept as
    written, never expanded, and the text after it is read too."""
    if len(el) == 0:
        return el.text or ""
    from lxml import etree  # type: ignore[import-untyped]

    return (el.text or "") + "".join(
        (c.text if c.tag is etree.Entity else "") + (c.tail or "") for c in el
    )


def _all_bold(runs: list[Any], tracked: str) -> bool:
    """Whether every one of `runs` that has text is bold (True for no text)."""
    return all(
        _flag(r, tracked, _W + "b")
        for r in runs
        if "".join(_t(t) for t in r.iter(_T, _DEL_TEXT)).strip()
    )


def _superscript(r: Any) -> bool:
    rpr = r.find(_RPR)
    va = rpr.find(_W + "vertAlign") if rpr is not None else None
    return va is not None and va.get(_VAL) == "superscript"


class _Footnotes:
    """The footnotes part: numbers the references in reading order, keeps their text."""

    def __init__(self, word: Any, tracked: str, styles: dict[str, Any]) -> None:
        self.tracked_mode = tracked
        self.styles = styles
        self.hidden: list[str] = []
        self.by_id: dict[str, Any] = {}
        self.cited: list[tuple[str, Any]] = []
        self.numbered = 0  # cited marks that are numbers
        self.written = 0
        self.tracked = 0
        from docx.opc.constants import RELATIONSHIP_TYPE
        from docx.oxml import parse_xml

        for rel in word.part.rels.values():
            if rel.reltype == RELATIONSHIP_TYPE.FOOTNOTES and not rel.is_external:
                root = parse_xml(rel.target_part.blob)
                for f in root.iterfind(_W + "footnote"):
                    self.by_id[f.get(_W + "id", "")] = f
                self.tracked += sum(1 for _ in root.iter(_INS, _DEL, _MOVE_TO, _MOVE_FROM))

    def cite(self, ref: Any, custom: str | None) -> str:
        """The mark of a reference: its own (``*``) or the next number."""
        mark = custom if custom and _MARK.fullmatch(custom) else str(self.numbered + 1)
        self.numbered += mark.isdigit()
        self.cited.append((mark, self.by_id.get(ref.get(_W + "id", ""))))
        return mark

    def bodies(self) -> list[tuple[str, str]]:
        """The mark and text of each footnote cited since the last call, in order; a mark
        typed in a note's text stays text."""
        out = []
        cited, self.written = self.cited[self.written :], len(self.cited)
        for mark, f in cited:
            if f is None:
                continue
            mode = self.tracked_mode
            pieces = [
                x
                for fp, _ in _paragraphs(f, mode, self.styles)
                for x in _pieces(fp, _runs(fp, mode), mode, None, self.styles, self.hidden)
            ]
            out.append((mark, " ".join("".join(x.text for x in pieces).split())))
        return out


def _italic(r: Any, tracked: str) -> bool:
    """Whether run `r` is italic; with changes rejected, as it was before a formatting change."""
    return _flag(r, tracked, _I)


def _flag(r: Any, tracked: str, tag: str) -> bool:
    """Whether run `r` has an on/off property (``w:i``, ``w:b``) switched on."""
    rpr = r.find(_RPR)
    if rpr is not None and tracked == "reject":
        change = rpr.find(_W + "rPrChange")
        if change is not None:
            rpr = change.find(_RPR)
    if rpr is None:
        return False
    flag = rpr.find(tag)
    return flag is not None and (flag.get(_VAL) or "true").lower() not in _FALSE


def _mark_removed(p: Any, tracked: str) -> bool:
    """True when the paragraph mark is tracked and the choice removes it."""
    ppr = p.find(_PPR)
    rpr = ppr.find(_RPR) if ppr is not None else None
    if rpr is None:
        return False
    gone = (_DEL, _MOVE_FROM) if tracked == "accept" else (_INS, _MOVE_TO)
    return any(rpr.find(tag) is not None for tag in gone)


# --- Word's automatic numbering -------------------------------------------------------

_NUM_PR, _NUM_ID, _ILVL = _W + "numPr", _W + "numId", _W + "ilvl"
_VAL = _W + "val"
_LEVEL = re.compile(r"%([1-9])")


_MAX_NUMBER = 10**9
"""Numbering values (start, override, level) are read up to this; larger is junk."""
_MAX_REPEAT = 10
"""Letter labels repeat a letter at most this often (``aaaaaaaaaa``); then decimal."""


def _letters(n: int) -> str:
    """Word's letter numbering: a … z, aa … zz, computed, never counted up to.

    A label longer than `_MAX_REPEAT` letters is written as a decimal number.

    >>> _letters(27), _letters(26 * _MAX_REPEAT + 1), _letters(10**9)
    ('aa', '261', '1000000000')
    """
    if n <= 0:
        return ""
    repeat = (n - 1) // 26 + 1
    if repeat > _MAX_REPEAT:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * repeat


def _int(value: str | None, default: int) -> int:
    """A numbering attribute as a number: junk (``zz``, 5,000 digits) is `default`, and
    values beyond ±`_MAX_NUMBER` are cut to it.

    >>> _int("12", 0), _int("zz", 0), _int(None, 1), _int("99999999999", 1)
    (12, 0, 1, 1000000000)
    """
    if value is None or not 0 < len(value) <= 12:
        return default
    try:
        n = int(value)
    except ValueError:
        return default
    return max(-_MAX_NUMBER, min(_MAX_NUMBER, n))


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "lowerLetter": _letters,
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerRoman": roman,
    "upperRoman": lambda n: roman(n).upper(),
    "decimalZero": lambda n: f"{n:02d}",
}


class _Numbering:
    """Counts Word's numbered paragraphs and prints their numbers (``5.``, ``(a)``).

    Levels come from the paragraph (``w:numPr``) or its style; counters are kept
    per list definition, and a level's count restarts when a higher level moves on.
    Bullets and unknown formats give no number.
    """

    def __init__(self, word: Any) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # abstract -> ilvl -> …
        self.num_to_abstract: dict[str, str] = {}
        self.starts: dict[tuple[str, int], int] = {}  # (numId, ilvl) -> startOverride
        self.restarts: dict[str, list[int]] = {}  # numId -> levels with a startOverride
        self.styles: dict[str, Any] = {}
        self.counters: dict[str, list[int]] = {}
        self.seen: set[str] = set()
        try:
            numbering = word.part.numbering_part.element
        except Exception:  # no numbering part: nothing is numbered
            numbering = None
        if numbering is not None:
            for a in numbering.iterfind(_W + "abstractNum"):
                lv: dict[int, tuple[int, str, str]] = {}
                for lvl in a.iterfind(_W + "lvl"):
                    lv[_int(lvl.get(_ILVL), 0)] = (
                        _int(_child_val(lvl, "start"), 1),
                        _child_val(lvl, "numFmt") or "decimal",
                        _child_val(lvl, "lvlText") or "",
                    )
                self.levels[a.get(_W + "abstractNumId", "")] = lv
            for num in numbering.iterfind(_W + "num"):
                nid = num.get(_W + "numId", "")
                self.num_to_abstract[nid] = _child_val(num, "abstractNumId") or ""
                for o in num.iterfind(_W + "lvlOverride"):
                    start = _child_val(o, "startOverride")
                    if start:
                        level = _int(o.get(_ILVL), 0)
                        self.starts[(nid, level)] = _int(start, 1)
                        self.restarts.setdefault(nid, []).append(level)
        root = word.styles.element
        for st in root.iterfind(_W + "style"):
            self.styles[st.get(_W + "styleId", "")] = st
            if st.get(_W + "type") == "paragraph" and (st.get(_W + "default") or "") in (
                "1",
                "true",
                "on",
            ):
                self.styles[_DEFAULT_STYLE] = st
        defaults = root.find(f"{_W}docDefaults/{_W}rPrDefault")
        if defaults is not None:
            self.styles[_DOC_DEFAULTS] = defaults  # its w:rPr, as a style holds one

    def is_heading(self, p: Any) -> bool:
        """Whether `p` has a heading or title style (``Heading1``, "heading 1", ``Title``)
        or an outline level of a heading (``w:outlineLvl`` 0-8; 9 is body text)."""
        ppr = p.find(_PPR)
        level = _child_val(ppr, "outlineLvl") if ppr is not None else None
        if level is not None and 0 <= _int(level, 9) <= 8:
            return True
        sid = (_child_val(ppr, "pStyle") if ppr is not None else None) or ""
        st = self.styles.get(sid)
        name = (_child_val(st, "name") if st is not None else None) or ""
        return any(re.fullmatch(r"(?i)(heading ?\d|title)", x) for x in (sid, name))

    def _num_pr(self, p: Any) -> tuple[str, int] | None:
        ppr = p.find(_PPR)
        num_pr = ppr.find(_NUM_PR) if ppr is not None else None
        style = _child_val(ppr, "pStyle") if ppr is not None else None
        ilvl: str | None = None
        for _ in range(10):  # the basedOn chain, bounded
            if num_pr is not None:
                ilvl = ilvl or _child_val(num_pr, "ilvl")
                nid = _child_val(num_pr, "numId")
                if nid is not None:
                    return nid, _int(ilvl, 0)
            st = self.styles.get(style or "")
            if st is None:
                return None
            sppr = st.find(_PPR)
            num_pr = sppr.find(_NUM_PR) if sppr is not None else None
            style = _child_val(st, "basedOn")
        return None

    def next(self, p: Any) -> str:
        """The number Word prints before paragraph `p`, counting it; empty if none."""
        found = self._num_pr(p)
        if found is None or found[0] == "0":
            return ""
        nid, ilvl = found
        abstract = self.num_to_abstract.get(nid)
        levels = self.levels.get(abstract or "")
        if not levels or ilvl not in levels:
            return ""
        counts = self.counters.setdefault(abstract or "", [0] * 10)
        if not 0 <= ilvl < len(counts):
            return ""
        if nid not in self.seen:
            # a list that restarts its numbering ("Restart at 1") does so where first used
            self.seen.add(nid)
            for level in self.restarts.get(nid, ()):
                if 0 <= level < len(counts):
                    counts[level] = 0
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, len(counts)):
            counts[deeper] = 0
        numbers: list[str] = []
        for k in range(ilvl + 1):
            start, fmt, _ = levels.get(k, (1, "decimal", ""))
            start = self.starts.get((nid, k), start)
            show = _FORMATS.get(fmt)
            numbers.append(show(start + max(counts[k], 1) - 1) if show else "")
        _, fmt, text = levels[ilvl]
        if fmt not in _FORMATS:
            return ""
        return _LEVEL.sub(
            lambda m: numbers[int(m.group(1)) - 1] if int(m.group(1)) <= len(numbers) else "", text
        ).strip()


def _child_val(el: Any, name: str) -> str | None:
    """``w:val`` of the child ``w:<name>``, if there is one."""
    child = el.find(_W + name)
    return None if child is None else child.get(_VAL)
