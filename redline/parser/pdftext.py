"""Plain text extracted from the UN's PDFs to blocks.

What pdftotext and PyMuPDF leave in the text that is not content: running heads
(symbol, title, job number ``20-17358 (E)``, barcode ``*2017358*``, page
``2/5``), footnote bodies at page bottoms under ``____``, footnote numbers
detached from their words (``Declaration 1 under``), operative numbers alone on
their line. Paragraphs are not separated by blank lines, so they are found by
structure: an operative number in sequence, a sub-paragraph letter in sequence,
or a preambular lead phrase after a line that ended a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from redline.model import Footnote
from redline.parser.blocks import Block, Cleaned
from redline.parser.vocab import PLENARY, known_operative_lead, looks_operative, preambular_lead

SYMBOL = re.compile(r"^[AES]/(?:[A-Z0-9.\-]+/)*[A-Z0-9.\-]+(?:/Rev\.\d+|/Add\.\d+|/Corr\.\d+)*$")
_JOB = re.compile(r"^\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?(?:\s+\d{6})?\*?$")
_BARCODE = re.compile(r"^\*\d{7}\*$")
_PAGE = re.compile(r"^\d{1,3}\s*/\s*\d{1,3}$")
_DATECODE = re.compile(r"^\d{6}$")
_RULE = re.compile(r"^_{5,}$")
_GA = re.compile(r"^The\s+General\s+Assembly,?$")
_OP_ALONE = re.compile(r"^(\d{1,3})\.$")
_OP_TEXT = re.compile(r"^(\d{1,3})\.\s+(\S.*)$")
_SUB = re.compile(r"^\(([a-z]{1,2}|[ivxl]{1,6})\)\s+(\S.*)$")
_SUB_ALONE = re.compile(r"^\(([a-z]{1,2}|[ivxl]{1,6})\)$")
_OP_BARE = re.compile(r"^(\d{1,3})$")
_OP_ANY = re.compile(r"^(\d{1,3})(?:\.|\.\s+\S.*|)$")
OP_LOOKAHEAD_LINES = 400  # how far the next number of the sequence is sought (a page is ~50)
_MARK_ALONE = re.compile(r"^(\d{1,3}|\*{1,3})$")
_MARK_TEXT = re.compile(r"^(\d{1,3}|\*{1,3})\s+(\S.*)$")
_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv"]


def norm(s: str) -> str:
    """Whitespace-collapsed text, for comparing wrapped lines.

    >>> norm("  United Nations\\t African ")
    'United Nations African'
    """
    return " ".join(s.split())


def is_furniture(line: str, symbol: str | None) -> bool:
    """True for a running-head or page-bottom line that is never content."""
    s = line.strip()
    if not s:
        return False
    return bool(
        _JOB.match(s)
        or _BARCODE.match(s)
        or _PAGE.match(s)
        or _DATECODE.match(s)
        or (symbol is not None and s == symbol)
    )


@dataclass
class _Line:
    no: int
    text: str
    page: int


def find_ga(lines: list[str]) -> int | None:
    """Index of the line "The General Assembly," (None when there is none)."""
    for i, line in enumerate(lines):
        if _GA.match(line.strip()):
            return i
    return None


def split_pages(text: str) -> list[list[tuple[int, str]]]:
    """Pages of (line number, line): at form feeds (pdftotext), or at truly
    empty lines where blank lines inside pages hold a space (PyMuPDF)."""
    raw = text.split("\n")
    pages: list[list[tuple[int, str]]] = [[]]
    if "\f" in text:
        for no, line in enumerate(raw, 1):
            if "\f" in line:
                before, _, after = line.rpartition("\f")
                if before.strip():
                    pages[-1].append((no, before.replace("\f", "")))
                pages.append([])
                line = after
            pages[-1].append((no, line))
        return [p for p in pages if p]
    spaced = sum(1 for x in raw if x and not x.strip())
    empty = sum(1 for x in raw if x == "")
    if spaced > 5 and 0 < empty < spaced:
        for no, line in enumerate(raw, 1):
            if line == "":
                pages.append([])
            else:
                pages[-1].append((no, line))
        return [p for p in pages if p]
    return [list(enumerate(raw, 1))]


def strip_running_title(page: list[tuple[int, str]], title: str) -> list[tuple[int, str]]:
    """Drop the running title wherever a run of lines spells it out in full."""
    t = norm(title).rstrip(".")
    if not t:
        return page
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(page):
        acc = ""
        j = i
        matched = -1
        while j < len(page):
            s = norm(page[j][1])
            if not s:
                if acc:
                    break
                j += 1
                continue
            cand = (acc + " " + s).strip()
            if not t.startswith(cand):
                break
            acc = cand
            if acc == t:
                matched = j
                break
            j += 1
        if matched >= 0 and acc:
            i = matched + 1
            continue
        out.append(page[i])
        i += 1
    return out


def split_footnote_area(
    page: list[tuple[int, str]], symbol: str | None
) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(body lines, footnote lines) of one page."""
    for k, (_, line) in enumerate(page):
        s = line.strip()
        if _RULE.match(s):
            return page[:k], page[k + 1 :]
        if s.startswith("* ") and s[2:3].isupper():
            return page[:k], page[k:]
    return page, []


def parse_footnotes(area: list[tuple[int, str]], symbol: str | None) -> list[Footnote]:
    """Footnotes from a page-bottom area where marks and bodies may be detached.

    pdftotext may print the marks of a page together and then the bodies, and
    not always in order; marks are sorted and paired with body units in order.
    """
    marks: list[tuple[str, int]] = []
    units: list[list[tuple[int, str]]] = []
    paired: list[tuple[str, list[tuple[int, str]]]] = []
    for no, line in area:
        s = norm(line)
        if not s or is_furniture(s, symbol) or _RULE.match(s):
            continue
        m = _MARK_ALONE.match(s)
        if m:
            marks.append((m.group(1), no))
            continue
        m = _MARK_TEXT.match(s)
        if m and (not units or _ends_unit(units[-1][-1][1])):
            paired.append((m.group(1), [(no, m.group(2))]))
            units.append(paired[-1][1])
            continue
        if units and not _ends_unit(units[-1][-1][1]):
            units[-1].append((no, s))
        else:
            units.append([(no, s)])
    free_units = [u for u in units if not any(u is p[1] for p in paired)]
    marks.sort(key=lambda m: (0, int(m[0])) if m[0].isdigit() else (-1, 0))
    out = [(mark, u) for mark, u in paired]
    for k, (mark, no) in enumerate(marks):
        if k < len(free_units):
            unit = free_units[k]
            if k == len(marks) - 1:
                unit = [x for u in free_units[k:] for x in u]
            out.append((mark, unit))
        else:
            out.append((mark, [(no, "")]))
    if not marks and free_units and out:
        mark, unit = out[-1]
        out[-1] = (mark, unit + [x for u in free_units for x in u])
    elif not marks and free_units:
        out.append(("?", [x for u in free_units for x in u]))
    notes = []
    for mark, unit in out:
        text = join_lines([t for _, t in unit])
        notes.append(Footnote(mark=mark, text=text, lines=(unit[0][0], unit[-1][0])))
    return notes


_ABBREV_END = re.compile(r"(?:\bNo|\bNos|\bvol|\bvols|\bpara|\bparas|\bchap|\bsect|\bSales No)\.$")


def _ends_unit(line: str) -> bool:
    s = line.rstrip()
    return s.endswith((".", ";")) and not _ABBREV_END.search(s)


def join_lines(lines: list[str]) -> str:
    """Hard-wrapped lines to one line; a line ending in a hyphen joins tight.

    >>> join_lines(["the Secretary-", "General and the", "Institute"])
    'the Secretary-General and the Institute'
    """
    out = ""
    for line in lines:
        s = norm(line)
        if not s:
            continue
        if not out:
            out = s
        elif out.endswith("-") and len(out) > 1 and out[-2].isalpha() and s[:1].isalpha():
            out += s
        elif out.endswith(("–", "—")) and out[-2:-1].isdigit() and s[:1].isdigit():
            out += s  # "(2013–" + "2017)": a range broken at its dash
        else:
            out += " " + s
    return out


def clean_pdf_text(text: str, title: str, symbol: str | None) -> Cleaned:
    """Blocks, footnotes and closing lines of the body after "The General Assembly,"."""
    pages = split_pages(text)
    body: list[_Line] = []
    footnotes: list[Footnote] = []
    for pno, page in enumerate(pages):
        page = [(n, s) for n, s in page if not is_furniture(s, symbol)]
        page = strip_running_title(page, title)
        main, area = split_footnote_area(page, symbol)
        body.extend(_Line(n, s, pno) for n, s in main)
        footnotes.extend(parse_footnotes(area, symbol))
    return _segment(body, footnotes)


def _segment(lines: list[_Line], footnotes: list[Footnote]) -> Cleaned:
    """Body lines (already without furniture) into paragraph blocks."""
    # Start after "The General Assembly,".
    start = next((k for k, ln in enumerate(lines) if _GA.match(ln.text.strip())), -1)
    lines = lines[start + 1 :]
    blocks: list[Block] = []
    cur: list[_Line] = []
    number: str | None = None
    meta: list[str] = []
    next_op = 1
    sub_expect: str | None = None  # letter expected for the next sub-paragraph
    outer_expect: str | None = None  # the letter expected after a list (i), (ii) inside one
    in_operative = False

    tail: list[_Line] = []  # a last line pdftotext printed before the paragraph's first

    def flush() -> None:
        nonlocal number
        cur.extend(tail)
        tail.clear()
        if cur or number is not None:
            texts = [ln.text for ln in cur]
            no0 = cur[0].no if cur else 0
            no1 = cur[-1].no if cur else 0
            blocks.append(Block(text=join_lines(texts), lines=(no0, no1), number=number))
        cur.clear()
        number = None

    k = 0
    while k < len(lines):
        ln = lines[k]
        s = norm(ln.text)
        k += 1
        if not s:
            continue
        if _ANNEX.match(s):
            flush()
            blocks.extend(_annex_blocks([ln] + [x for x in lines[k:] if norm(x.text)]))
            break
        if PLENARY.fullmatch(s):
            flush()
            meta.append(s)
            rest = [x for x in lines[k:] if norm(x.text)]
            if rest and _DATE.match(norm(rest[0].text)):
                meta.append(norm(rest[0].text))
                rest = rest[1:]
            # An annex (or anything else after the adoption line) is kept as
            # plain paragraphs: nothing of the source is dropped.
            blocks.extend(_annex_blocks(rest))
            break
        # only its end matters (a closing , ; : . and a footnote mark): joining the
        # whole paragraph on every line made a long one quadratic
        prev = join_lines([x.text for x in cur[-3:] + tail])
        ended = not prev or _ends_paragraph(prev)
        m = _OP_ALONE.match(s)
        if m and int(m.group(1)) == next_op + 1 and ended and next_op > 1:
            # one number lost ("4." not printed): the sequence 5, 6 decides (sanity warns)
            if _bare_number_ok(lines, k, next_op + 1, missing=next_op):
                next_op += 1
        if m and int(m.group(1)) == next_op:
            flush()
            number = m.group(1)
            next_op += 1
            in_operative = True
            sub_expect = outer_expect = None
            # The paragraph's first line follows, possibly after a blank line; but
            # pdftotext sometimes prints the paragraph's last line ("session.", or
            # "Fund:" before its sub-paragraphs) first.
            j = _next_nonblank(lines, k)
            if j is not None and _printed_first(norm(lines[j].text)):
                later = _next_nonblank(lines, j + 1)
                if later is not None and norm(lines[later].text)[:1].isupper():
                    tail.append(lines[j])
                    k = j + 1
            continue
        m = _OP_BARE.match(s)
        if m and int(m.group(1)) == next_op and ended and _bare_number_ok(lines, k, next_op):
            # an operative number printed without its full stop ("6" alone): the
            # sequence decides, not the stop
            flush()
            number = m.group(1)
            next_op += 1
            in_operative = True
            sub_expect = outer_expect = None
            continue
        m = _OP_TEXT.match(s)
        if (
            m
            and int(m.group(1)) == next_op + 1
            and next_op > 1
            and ended
            and looks_operative(m.group(2))
            and not preambular_lead(m.group(2))
            and _goes_on(lines, k, next_op + 1, missing=next_op)
        ):
            next_op += 1  # one number lost, as above
        if m and int(m.group(1)) == next_op and (ended or looks_operative(m.group(2))):
            flush()
            number = m.group(1)
            next_op += 1
            in_operative = True
            sub_expect = outer_expect = None
            cur.append(_Line(ln.no, m.group(2), ln.page))
            continue
        m = _SUB.match(s)
        if m and ended and _sub_ok(m.group(1), prev, sub_expect, outer_expect):
            flush()
            number = f"({m.group(1)})"
            sub_expect, outer_expect = _after_sub(m.group(1), sub_expect, outer_expect)
            cur.append(_Line(ln.no, m.group(2), ln.page))
            continue
        m = _SUB_ALONE.match(s)
        if m and ended and _sub_ok(m.group(1), prev, sub_expect, outer_expect):
            # the label alone on its line, the text on the next (older PDFs, PyMuPDF)
            j = _next_nonblank(lines, k)
            if j is not None and not _SUB_ALONE.match(norm(lines[j].text)):
                flush()
                number = f"({m.group(1)})"
                sub_expect, outer_expect = _after_sub(m.group(1), sub_expect, outer_expect)
                continue
        if not in_operative and ended and cur and (preambular_lead(s) or _unnumbered_op(s)):
            flush()
            cur.append(ln)
            continue
        if not cur and number is None and blocks and not ended:
            pass
        cur.append(ln)
    else:
        flush()
    if cur or number is not None:
        flush()
    return Cleaned(blocks=tuple(blocks), footnotes=tuple(footnotes), meta=tuple(meta))


_ANNEX = re.compile(r"^Annex(?:es)?(?: [IVX]+)?$")
_DATE = re.compile(r"^\d{1,2} [A-Z][a-z]+ \d{4}$")


def _printed_first(line: str) -> bool:
    """A short line after an operative number that may be the paragraph's last line,
    printed first: it opens in lower case or ends in a colon, and is no opening."""
    if len(line) >= 40:
        return False
    return line[:1].islower() or (line.endswith(":") and not looks_operative(line))


def _unnumbered_op(line: str) -> bool:
    """A line that opens an operative paragraph without a number (a resolution with a
    single one: "Takes note of the report …"), never a preambular one."""
    return bool(known_operative_lead(line)) and not preambular_lead(line)


def _bare_number_ok(lines: list[_Line], k: int, n: int, missing: int | None = None) -> bool:
    """May the number `n` alone on the line before `lines[k]` open operative paragraph n?

    A number without its full stop may also be a detached footnote mark, so the
    text must open like an operative paragraph and the sequence must go on (see
    `_goes_on`).
    """
    j = _next_nonblank(lines, k)
    if j is None:
        return False
    first = norm(lines[j].text)
    if not looks_operative(first) or preambular_lead(first):
        return False
    return _goes_on(lines, j, n, missing)


def _goes_on(lines: list[_Line], j: int, n: int, missing: int | None = None) -> bool:
    """Does the operative sequence go on after number `n` (from `lines[j]`)? The next
    numbered line ahead is n + 1 (with its full stop), or, for n > 1, there is no
    numbered line before the adoption line. With `missing` (a number skipped to
    reach n), that number must not come later.
    """
    for x in lines[j : j + OP_LOOKAHEAD_LINES]:
        t = norm(x.text)
        if PLENARY.fullmatch(t) or _ANNEX.match(t):
            break
        m = _OP_ANY.match(t)
        if m and missing is not None and m.group(1) == str(missing):
            return False
        if m and m.group(1) == str(n + 1) and not _OP_BARE.match(t):
            return True
        if m and int(m.group(1)) > n + 1 and "." in t:
            return False
    else:
        return False
    return n > 1


def _next_nonblank(lines: list[_Line], start: int) -> int | None:
    """Index of the first line from `start` on with any text (no copy of the list)."""
    return next((j for j in range(start, len(lines)) if norm(lines[j].text)), None)


def _annex_blocks(lines: list[_Line]) -> list[Block]:
    """Text after the adoption line: a new block after a line that ends a sentence
    (or a heading-like short line) when the next line starts in upper case."""
    out: list[Block] = []
    cur: list[_Line] = []
    for ln in lines:
        s = norm(ln.text)
        if (
            cur
            and s[:1].isupper()
            and (norm(cur[-1].text).endswith((".", ":", ";")) or len(norm(cur[-1].text)) < 40)
        ):
            out.append(_other_block(cur))
            cur = []
        cur.append(ln)
    if cur:
        out.append(_other_block(cur))
    return out


def _other_block(lines: list[_Line]) -> Block:
    return Block(
        text=join_lines([x.text for x in lines]), lines=(lines[0].no, lines[-1].no), other=True
    )


_TRAILING_MARK = re.compile(r"\s?\d{1,3}$")


def _ends_paragraph(text: str) -> bool:
    """True when `text` ends as a paragraph does (``,``, ``;``, ``:``, ``.``),
    allowing for a footnote number after the punctuation."""
    s = text.rstrip()
    if s.endswith((",", ";", ":", ".")):
        return True
    s2 = _TRAILING_MARK.sub("", s).rstrip()
    return s2 != s and s2.endswith((",", ";", ":", "."))


def _after_sub(letter: str, expect: str | None, outer: str | None) -> tuple[str | None, str | None]:
    """(expected next mark, expected next outer letter) after the mark `letter`:
    ``(b)`` ``(i)`` ``(ii)`` ``(c)``: the letters go on after the roman list.

    >>> _after_sub("i", "c", None), _after_sub("c", "iii", "c")
    (('ii', 'c'), ('d', None))
    """
    if letter != expect and letter == outer:
        return _next_sub(letter, True), None
    if letter == "i" and expect is not None and expect != "i":
        return _next_sub(letter, False), expect
    return _next_sub(letter, letter == expect), outer


def _sub_ok(letter: str, prev: str, expect: str | None, outer: str | None = None) -> bool:
    if letter in (expect, outer) and letter is not None:
        return True
    # A first sub-paragraph follows a paragraph ending with a colon.
    if letter in ("a", "i"):
        p = _TRAILING_MARK.sub("", prev.rstrip()).rstrip()
        return p.endswith(":") or expect is not None
    return False


def _next_sub(letter: str, was_expected: bool) -> str:
    """The sub-paragraph mark expected after `letter`: ``a`` -> ``b``, ``ii`` -> ``iii``."""
    if len(letter) == 1 and (was_expected or letter not in "ivxl"):
        return chr(ord(letter) + 1) if letter != "z" else "aa"
    if letter in _ROMAN:
        idx = _ROMAN.index(letter)
        return _ROMAN[idx + 1] if idx + 1 < len(_ROMAN) else ""
    return letter[0] + chr(ord(letter[1]) + 1)
