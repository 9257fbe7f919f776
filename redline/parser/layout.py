"""A UN PDF's pages to paragraph blocks, from where things are printed.

`redline.pdf` gives positioned runs; this module decides, by geometry alone:

- **lines**: runs on one baseline, in left-to-right order; a space where a space
  was drawn or the gap is wider than `SPACE` ems;
- **footnote marks**: runs smaller than `MARK_SIZE` of their line and raised by at
  least `MARK_RAISE` of its size; kept with their place in the line, never merged
  into a number (``2014`` and note 3, not ``20143``);
- **page furniture**: on every page after the first, what is above the rule under
  the running head (or in the top `TOP_BAND` of the page); on every page, what is
  in the bottom `BOTTOM_BAND` (job number, page number, barcode). Vocabulary plays
  no part, so a body line equal to the running head stays;
- **footnotes**: what is under the separator (a line of underscores or a short
  rule) at a page's foot; a note without a mark at the top of a page's notes
  continues the last note of the page before;
- **paragraphs**: a new one at a first-line indent, a vertical gap wider than
  `PARA_GAP` line pitches, a change of bold or size, or, at the top of a page, a
  hanging number after a finished sentence; a paragraph split across pages stays one; the hanging number or letter (``5.``, ``(a)``) becomes the
  block's number; an italic opening is the lead phrase.

>>> from pathlib import Path
>>> cleaned, dropped = read_layout(Path("examples/A_RES_79_16.pdf").read_bytes(), "x.pdf")
>>> [(b.number, b.lead) for b in cleaned.blocks if b.lead][2:5]
[(None, 'Recalling'), (None, 'Recalling also'), (None, 'Emphasizing')]
>>> cleaned.blocks[-1].text
'43rd plenary meeting 2 December 2024'
>>> [(d.reason, d.where) for d in dropped][1:3]
[('footer', 'in the bottom 6.6% of the page'), ('running head', 'above the rule under the running head')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from operator import attrgetter

from redline import pdf
from redline.errors import InputError
from redline.model import Document, Dropped, Footnote
from redline.parser.blocks import Block, Cleaned, joined_marks
from redline.parser.vocab import ANNEX, MONTHS, PLENARY

MARK_SIZE = 0.8
"""A footnote mark is at most this fraction of its line's font size."""
MARK_RAISE = 0.12
"""... and its baseline is raised by at least this fraction of that size."""
MARK_REACH = 0.7
"""... and by at most this fraction (higher, it belongs to no line)."""
SAME_LINE = 0.3
"""Runs whose baselines differ by less than this fraction of their size share a line."""
TOP_BAND = 0.09
"""Fraction of the page height holding the running head when no rule marks it."""
BOTTOM_BAND = 0.066
"""Fraction of the page height at its foot holding the job number and page number."""
FOOT_IMAGES = 0.75
"""Images whose top is below this fraction of the page height are footer marks."""
FOOT_GAP = 2.2
"""Below the top of a footer image, a line after a gap of this many ems is the footer."""
DRAWN_SPACE = 0.08
"""A drawn space after a hyphen, narrower than this many ems, is no space (``Non- Proliferation``)."""
SPACE = 0.17
"""A gap wider than this many ems between two runs is a space."""
PARA_GAP = 1.3
"""A vertical step wider than this many line pitches (1.2 ems) starts a paragraph."""
INDENT = 0.8
"""A line starting this many ems right of the margin starts a paragraph."""

_MARK = re.compile(r"^(\d{1,3}|\*{1,3}|[a-z])$")
_RULE_TEXT = re.compile(r"^_{5,}$")
_OPENING = re.compile(r"^(\d{1,3}\.|\((?:[a-z]{1,2}|[ivxl]{1,6})\))(?:\s+|$)")
_BARE_NUMBER = re.compile(rf"^(\d{{1,3}})\s+(?!(?:{'|'.join(MONTHS)})\b)(?=[A-Z])")
"""A paragraph opening with a number and a capital, not a date ("6 Urges", not
"1 January 2025"): an operative number printed without its full stop, if in sequence."""
_JOINS = re.compile(r"(?<=[^\s])[-\u2010\u2011\u2013/]$")
"""A line ending in a hyphen, an en dash or a slash attached to its word joins the next
line without a space (``follow-`` ``up``, ``2015–`` ``2030``, ``Nations/`` ``International``) ..."""
_SUSPENDED = re.compile(r"^(?:and|or|to|and/or)\b")
"""... unless the next line opens with a conjunction: ``short-`` ``and long-term``."""
_BASELINE = attrgetter("baseline")
_X0 = attrgetter("x0")
_DATE = re.compile(r"^\d{1,2} [A-Z][a-z]+ \d{4}$")
_ENDS = re.compile(r"[.;:]\s*$")


@dataclass
class Line:
    """One printed line: its text, where it stands, and its marks and italics."""

    page: int
    x0: float
    x1: float
    baseline: float
    size: float
    text: str
    bold: bool
    italic: list[tuple[int, int]] = field(default_factory=list)
    marks: list[tuple[int, str]] = field(default_factory=list)
    number: int = 0


def _size_mode(pages: tuple[pdf.Page, ...]) -> float:
    """The body's font size: the size most characters are printed in."""
    chars: dict[float, int] = {}
    for p in pages:
        for r in p.runs:
            chars[r.size] = chars.get(r.size, 0) + len(r.text)
    return _commonest(chars) if chars else 10.0


def _commonest(chars: dict[float, int]) -> float:
    """The size to a tenth most characters are printed in (the first seen of equals), from
    their count by exact size: rounding once a size, not once a run (`round` is slow)."""
    if len(chars) == 1:  # most lines
        return round(next(iter(chars)), 1)
    count: dict[float, int] = {}
    for size, n in chars.items():
        tenth = round(size, 1)
        count[tenth] = count.get(tenth, 0) + n
    return max(count, key=count.__getitem__)  # as Counter.most_common(1), in a fifth of the time


def page_lines(page: pdf.Page, body: float) -> list[Line]:
    """The page's runs as lines, top to bottom, with footnote marks attached."""
    limit = MARK_SIZE * body
    tiny: list[pdf.Run] = []
    normal: list[pdf.Run] = []
    for r in page.runs:
        (tiny if r.size < limit and _MARK.match(r.text) else normal).append(r)
    small = _touching(tiny)
    groups = _group(normal)
    extent = _extent(groups)
    extra: list[pdf.Run] = []
    marks: dict[int, list[pdf.Run]] = {}
    for r in small:
        k = _owner(extent, r)
        if k is None:
            extra.append(r)
        else:
            marks.setdefault(k, []).append(r)
    if extra:  # small digits that are no mark (small print): ordinary text
        groups, extent = _regroup(groups, extent, extra)
        marks = {}
        for r in small:
            if r in extra:
                continue
            k = _owner(extent, r)
            if k is not None:
                marks.setdefault(k, []).append(r)
    return [_line(page.number, g, marks.get(k, [])) for k, g in enumerate(groups)]


def _touching(runs: list[pdf.Run]) -> list[pdf.Run]:
    """Small runs printed touching on one baseline are one mark (``1`` ``0`` is note 10)."""
    out: list[pdf.Run] = []
    for r in sorted(runs, key=lambda r: (round(r.baseline), r.x0)):
        prev = out[-1] if out else None
        if (
            prev is not None
            and r.sep == ""
            and abs(r.baseline - prev.baseline) < 0.5
            and -0.5 < r.x0 - prev.x1 < 0.5
            and r.text.isdigit() == prev.text.isdigit()
        ):
            out[-1] = prev._replace(text=prev.text + r.text, x1=r.x1)
        else:
            out.append(r)
    return out


def _group(runs: list[pdf.Run]) -> list[list[pdf.Run]]:
    """Runs in lines, top to bottom: a run joins the line above if near its first run."""
    out: list[list[pdf.Run]] = []
    g: list[pdf.Run] = []
    base = size = 0.0  # of the line's first run
    for r in sorted(runs, key=_BASELINE):
        if g and abs(r.baseline - base) < SAME_LINE * (r.size if r.size > size else size):
            g.append(r)
        else:
            g = [r]
            out.append(g)
            base, size = r.baseline, r.size
    return out


def _regroup(
    groups: list[list[pdf.Run]],
    extent: list[tuple[float, float, float, float]],
    extra: list[pdf.Run],
) -> tuple[list[list[pdf.Run]], list[tuple[float, float, float, float]]]:
    """`_group` and `_extent` of the runs of `groups` and `extra`, grouping again only from
    the last line begun at or above the highest extra run: `_group` goes top to bottom, so
    the lines before it stand as they are (the footer's job number need not regroup a page)."""
    top = min(r.baseline for r in extra)
    k = max(bisect_right([g[0].baseline for g in groups], top) - 1, 0)
    tail = _group([r for g in groups[k:] for r in g] + extra)
    return groups[:k] + tail, extent[:k] + _extent(tail)


def _extent(groups: list[list[pdf.Run]]) -> list[tuple[float, float, float, float]]:
    """Each line's (size, baseline, left, right), for `_owner`."""
    return [
        (max([x.size for x in g]), g[0].baseline, min([x.x0 for x in g]), max([x.x1 for x in g]))
        for g in groups
    ]


def _owner(extent: list[tuple[float, float, float, float]], r: pdf.Run) -> int | None:
    """The line a small raised run is a mark of, if any."""
    for k, (size, base, x0, x1) in enumerate(extent):
        raise_ = base - r.baseline
        if (
            MARK_RAISE * size <= raise_ <= MARK_REACH * size
            and r.size <= MARK_SIZE * size + 0.05
            and x0 - 2 * size <= r.x0 <= x1 + size
        ):
            return k
    return None


def _space(a: pdf.Run, b: pdf.Run, gap: float) -> bool:
    """Whether a space stands between two runs printed side by side, `gap` apart."""
    em = max(a.size, b.size)
    if b.sep == " ":  # a drawn space; Word draws a zero-width one after a hyphen it breaks at
        return not (a.text.endswith(("-", "\u2010", "\u2011", "\u2013")) and gap < DRAWN_SPACE * em)
    if b.sep == "":  # touching: a kerned pair printed as two objects
        return gap > 0.5 * em
    return gap > SPACE * em or (a.italic != b.italic and gap > 0.05 * em)


def _line(page: int, runs: list[pdf.Run], marks: list[pdf.Run]) -> Line:
    runs = sorted(runs, key=_X0)
    text = ""
    italic: list[tuple[int, int]] = []
    at: list[tuple[float, int]] = []
    prev: pdf.Run | None = None
    bold_chars = chars = 0
    chars_at: dict[float, int] = {}  # by exact size
    mark_edges = sorted((m.x0, m.x1) for m in marks)
    for r in runs:
        if prev is not None:
            left = prev.x1
            for m0, m1 in mark_edges:  # a mark printed between them: the gap is after it
                if left - 1 <= m0 <= r.x0:
                    left = max(left, m1)
            if (r.sep == " " and left > prev.x1) or _space(prev, r, r.x0 - left):
                text += " "
        start = len(text)
        text += r.text
        end = len(text)
        if marks:
            at.append((r.x1, end))
        if r.italic:
            if italic and italic[-1][1] >= start - 1:
                italic[-1] = (italic[-1][0], end)
            else:
                italic.append((start, end))
        n = end - start
        chars += n
        if r.bold:
            bold_chars += n
        chars_at[r.size] = chars_at.get(r.size, 0) + n
        prev = r
    placed: list[tuple[int, str]] = []
    for m in sorted(marks, key=lambda r: r.x0):
        offset = 0
        for x1, end in at:
            if x1 <= m.x0 + 1:
                offset = end
        placed.append((offset, m.text))
    size = _commonest(chars_at)
    exact = {s for s in chars_at if round(s, 1) == size}
    return Line(
        page=page,
        x0=runs[0].x0,
        x1=max([r.x1 for r in runs]),
        baseline=max([r.baseline for r in runs if r.size in exact]),
        size=size,
        text=text,
        bold=bold_chars > chars / 2,
        italic=italic,
        marks=placed,
    )


@dataclass
class _Page:
    head: list[Line]
    body: list[Line]
    notes: list[Line]
    dropped: list[Dropped]


def _split_page(page: pdf.Page, lines: list[Line]) -> _Page:
    """Running head, body, footnote area and footer of one page, by position."""
    h = page.height
    top_rules = [r.bottom for r in page.rules if r.top < 0.12 * h]
    head_cut = min(top_rules) if top_rules else TOP_BAND * h
    foot_cut = (1 - BOTTOM_BAND) * h
    out = _Page([], [], [], [])
    in_notes = False
    short_rules = sorted(
        r.top for r in page.rules if r.top > 0.3 * h and r.x1 - r.x0 < 0.45 * page.width
    )
    # the barcode and recycling marks of a first page stand at its foot, beside the job number
    low_images = [b.top for b in page.images if b.top > FOOT_IMAGES * h]
    footer = False
    why_foot = f"in the bottom {BOTTOM_BAND * 100:g}% of the page"
    why_head = (
        "above the rule under the running head"
        if top_rules
        else f"in the top {TOP_BAND * 100:g}% of the page"
    )
    last = 0.0
    for ln in lines:
        rule_text = bool(_RULE_TEXT.match(ln.text.strip()))
        if (
            not in_notes
            and ln.baseline >= head_cut
            and (
                rule_text
                or any(
                    rt < ln.baseline - ln.size and rt > (out.body[-1].baseline if out.body else 0)
                    for rt in short_rules
                )
            )
        ):
            in_notes = True  # under the footnote separator (underscores, or a short rule)
        if (
            low_images
            and not in_notes
            and ln.baseline > min(low_images)
            and ln.baseline - last > FOOT_GAP * ln.size
        ):
            footer = True
            why_foot = "at the first page's foot, below the gap before its barcode"
        if footer or ln.baseline >= foot_cut:
            footer = True
            out.dropped.append(Dropped(page.number, ln.text, "footer", why_foot))
            continue
        last = ln.baseline
        if ln.baseline < head_cut:
            if page.number == 1:
                out.head.append(ln)
            else:
                out.dropped.append(Dropped(page.number, ln.text, "running head", why_head))
            continue
        if rule_text and in_notes:
            continue
        (out.notes if in_notes else out.body).append(ln)
    return out


def _footnotes(pages: list[_Page]) -> list[tuple[str, list[Line]]]:
    """Footnote bodies: a mark at a line's start opens one; others continue it."""
    notes: list[tuple[str, list[Line]]] = []
    for p in pages:
        for ln in p.notes:
            star = re.match(r"^(\*{1,3})\s*", ln.text)
            if ln.marks and ln.marks[0][0] == 0:
                notes.append((ln.marks[0][1], [replace(ln, marks=ln.marks[1:])]))
            elif star and not ln.marks:
                notes.append((star.group(1), [replace(ln, text=ln.text[star.end() :], italic=[])]))
            elif notes:
                notes[-1][1].append(ln)
            else:
                notes.append(("", [ln]))
    return notes


def _join(lines: list[Line]) -> tuple[str, list[tuple[int, int]], list[tuple[int, str]]]:
    """One text from lines: a line-end hyphen joins without a space."""
    text = ""
    italic: list[tuple[int, int]] = []
    marks: list[tuple[int, str]] = []
    for ln in lines:
        if text and not _JOINS.search(text) or _SUSPENDED.match(ln.text):
            text += " " if text else ""
        base = len(text)
        for s, e in ln.italic:
            if italic and italic[-1][1] >= base + s - 1:
                italic[-1] = (italic[-1][0], base + e)
            else:
                italic.append((base + s, base + e))
        marks.extend((base + o, m) for o, m in ln.marks)
        text += ln.text
    return text, italic, marks


def _margin(lines: list[Line]) -> float:
    """The left margin of body text: the most common line start."""
    count = Counter(round(ln.x0) for ln in lines)
    return float(count.most_common(1)[0][0]) if count else 0.0


def _starts(prev: Line | None, ln: Line, margin: float, first: Line | None = None) -> bool:
    """Whether `ln` starts a new paragraph after `prev` (`first`: the first line of the
    paragraph `prev` is in)."""
    if prev is None:
        return True
    if ANNEX.match(prev.text.strip()):
        # an annex's name alone on its line is its heading, the title a paragraph after
        # it, whatever the gap between them (none in A/RES/79/2, a line's in 78/317)
        return True
    if ln.bold != prev.bold or abs(ln.size - prev.size) > 1.0:
        return True
    if ln.x0 > margin + INDENT * ln.size:
        return not _continues(first or prev, prev, ln)
    if ln.page != prev.page and _OPENING.match(ln.text) and _ENDS.search(prev.text):
        return True  # a number or letter at the margin atop a page (A/C.2/80/L.60 "(e)")
    if ln.page == prev.page and ln.baseline - prev.baseline > PARA_GAP * 1.2 * ln.size:
        return True
    # the top of a page has no gap to measure: a number hanging at the margin after a
    # line that ends a sentence opens a paragraph (the annex of A/RES/79/323: "8.")
    return (
        ln.page != prev.page
        and _OPENING.match(ln.text) is not None
        and prev.text.rstrip().endswith((".", ";", ":"))
    )


def _continues(first: Line, prev: Line, ln: Line) -> bool:
    """An indented line that goes on with the line before: that one ends no clause and
    this one opens in lower case, or stands right of the labelled line that opens the
    paragraph, as the wrapped lines of a list item printed with a hanging indent do (A/C.2/80/L.60: "(d)
    Promotion of international cooperation to combat illicit financial flows" / "and
    strengthen good practices …"; "(f) … at the" / "United Nations;").

    >>> a = Line(1, 72, 500, 100, 12, "(d) Promotion of international cooperation", False)
    >>> _continues(a, a, Line(1, 108, 500, 114, 12, "and strengthen good practices", False))
    True
    >>> _continues(a, a, Line(1, 108, 500, 114, 12, "United Nations;", False))
    True
    >>> _continues(a, a, Line(1, 108, 500, 114, 12, "(e) Promoting investments", False))
    False

    Or it is a line of a list item set as a block, every line indented alike, with no
    gap before it (A/RES/79/323: "(iii) To ensure … knowledge-sharing," / "capacity-…"):

    >>> b = Line(1, 108, 500, 100, 12, "(iii) To ensure that all interventions", False)
    >>> _continues(b, b, Line(1, 108, 500, 114, 12, "Global Partnership for", False))
    True
    """
    if ln.page != prev.page or _OPENING.match(ln.text) is not None:
        return False
    end = prev.text.rstrip()
    if (
        abs(ln.x0 - prev.x0) < 1
        and abs(ln.x0 - first.x0) < 1
        and not end.endswith((".", ";", ":"))
        and ln.baseline - prev.baseline <= PARA_GAP * 1.2 * ln.size
    ):
        return True
    return not end.endswith((".", ";", ":", ",")) and (
        ln.text[:1].islower() or (_OPENING.match(first.text) is not None and ln.x0 > first.x0)
    )


def _block(lines: list[Line], other: bool) -> Block:
    text, italic, marks = _join(lines)
    number = None
    m = _OPENING.match(text)
    if m:
        number = m.group(1).rstrip(".")
        cut = m.end()
    else:
        cut = 0
    lead = None
    stripped = text[cut:]
    shift = cut
    for s, e in italic:
        if s <= cut + 1 and e > cut:
            lead = text[cut:e].strip()
            break
    lead = lead.rstrip(",;:") if lead else None
    marks_at = tuple(max(0, o - shift) for o, _ in marks)
    return Block(
        text=stripped,
        lines=(lines[0].number, lines[-1].number),
        lead=lead or None,
        footnotes=tuple(m for _, m in marks),
        marks_at=marks_at,
        heading=all(ln.bold for ln in lines),
        other=other,
        number=number,
    )


def _blocks(body: list[Line]) -> list[Block]:
    margin = _margin([ln for ln in body if not ln.bold])
    groups: list[list[Line]] = []
    prev: Line | None = None
    for ln in body:
        if _starts(prev, ln, margin, groups[-1][0] if groups else None):
            groups.append([ln])
        else:
            groups[-1].append(ln)
        prev = ln
    out: list[Block] = []
    other = False
    last_op = 0
    listing = False  # joining the lines of a list to the paragraph that introduced it
    for i, g in enumerate(groups):
        b = _block(g, other)
        if out and PLENARY.match(out[-1].text) and _DATE.match(b.text):
            out[-1] = replace(
                out[-1], text=f"{out[-1].text} {b.text}", lines=(out[-1].lines[0], b.lines[1])
            )
            continue  # "62nd plenary meeting" / "2 December 2024": one closing line
        if b.number is None and not other:  # "6" without its full stop, next in sequence
            m = _BARE_NUMBER.match(b.text)
            if (
                m
                and not _DATE.match(b.text)
                and _next_in_sequence(int(m.group(1)), last_op, groups[i + 1 :])
            ):
                b = replace(b, number=m.group(1), text=b.text[m.end() :],
                            marks_at=tuple(max(0, o - m.end()) for o in b.marks_at))  # fmt: skip
        if b.number and b.number.isdigit():
            last_op = int(b.number)
        before = out[-1] if out else None
        plain = (
            before is not None
            and b.number is None
            and not (b.heading or before.heading or b.other or b.lead)
        )
        if plain and before is not None and b.text[:1].islower():
            # no paragraph opens in lower case: after a gap, the end of a paragraph
            # whose list of sub-paragraphs came first (A/C.5/80/L.19 OP69: "(c)
            # Relevant background information;" / "and its request that all
            # documents …") goes on with the block before, as in the text
            out[-1] = _joined(before, b)
            continue
        if plain and before is not None and last_op and (listing or before.text.endswith(":")):
            # the lines of an unlabelled list an operative paragraph introduces with
            # a colon are part of it (A/RES/78/128 OP10: "… held as follows:" /
            # "Monday, 9 June: from 9 a.m. to 1 p.m. …" / … / "Friday, …;")
            out[-1] = _joined(before, b)
            listing = True
            continue
        listing = False
        out.append(b)
        if PLENARY.match(b.text):
            other = True
    return out


def _next_in_sequence(n: int, last_op: int, after: list[list[Line]]) -> bool:
    """Whether a bare number `n` at a paragraph's start is the next operative number:
    the one after `last_op`, or, before any, 1 when the next operative number is 2
    (A/C.1/80/L.1 with "1" printed without its full stop: "1 Urges all parties").

    >>> _next_in_sequence(6, 5, []), _next_in_sequence(7, 5, [])
    (True, False)
    >>> two = [[Line(1, 72, 500, 100, 12, "2. Decides to remain seized", False)]]
    >>> _next_in_sequence(1, 0, two), _next_in_sequence(1, 0, [])
    (True, False)
    """
    if last_op:
        return n == last_op + 1
    if n != 1:
        return False
    for g in after[:_LOOKAHEAD]:
        m = _OPENING.match(g[0].text)  # a block's number opens its first line
        if m and m.group(1)[0].isdigit():  # past sub-paragraphs "(a)"
            return m.group(1) == "2."
    return False


_LOOKAHEAD = 60
"""Paragraphs looked through for the "2." that shows a bare "1" is operative paragraph 1."""


def _joined(a: Block, b: Block) -> Block:
    """Block `a` with `b` after it, a space between."""
    return replace(
        a,
        text=f"{a.text} {b.text}",
        lines=(a.lines[0], b.lines[1]),
        footnotes=a.footnotes + b.footnotes,
        marks_at=joined_marks([a, b]),
    )


def read_layout(data: bytes, source: str) -> tuple[Cleaned, tuple[Dropped, ...]]:
    """Blocks, footnotes and the page furniture left out, from a PDF's bytes."""
    pages = pdf.read_pdf(data, source)
    if not any(p.runs for p in pages):
        raise InputError(source, "the PDF has no text layer (a scan?); run OCR on it first")
    body_size = _size_mode(pages)
    return layout_of_lines(pages, [page_lines(p, body_size) for p in pages])


def layout_of_lines(
    pages: tuple[pdf.Page, ...], by_page: list[list[Line]]
) -> tuple[Cleaned, tuple[Dropped, ...]]:
    """`read_layout` once each page's runs are lines: furniture, footnotes, blocks.
    Apart so that benchmarks/pdf.py can time what follows the lines on its own."""
    split = [_split_page(p, ls) for p, ls in zip(pages, by_page, strict=True)]
    n = 0
    for sp in split:
        for ln in sp.head + sp.body + sp.notes:
            n += 1
            ln.number = n
    head = [ln for sp in split for ln in sp.head]
    body = [ln for sp in split for ln in sp.body]
    dropped = tuple(d for sp in split for d in sp.dropped)
    notes = [
        Footnote(mark=mark, text=_join(lines)[0], lines=(lines[0].number, lines[-1].number))
        for mark, lines in _footnotes(split)
        if mark
    ]
    head_blocks = [_block([ln], False) for ln in head]
    blocks = head_blocks + _blocks(body)
    return Cleaned(blocks=tuple(blocks), footnotes=tuple(notes)), dropped


def parse_pdf(data: bytes, source: str) -> Document:
    """A PDF's `Document`: the layout's blocks through the one structure builder."""
    cleaned, dropped = read_layout(data, source)
    return parse_layout(cleaned, dropped, source)


def parse_layout(cleaned: Cleaned, dropped: tuple[Dropped, ...], source: str) -> Document:
    """`parse_pdf` after `read_layout`: for a caller that also reads the blocks (the
    header lines ``redline batch`` looks for a draft's symbol in)."""
    from redline.parser import parse_cleaned

    doc = parse_cleaned(cleaned, source, "pdf")
    return replace(doc, dropped=dropped)
