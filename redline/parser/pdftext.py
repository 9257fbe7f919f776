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
from redline.parser import vocab
from redline.parser.blocks import Block, Cleaned
from redline.parser.vocab import (
    ANNEX,
    GENERAL_ASSEMBLY,
    MONTHS,
    PLENARY,
    known_operative_lead,
    known_preambular_lead,
    looks_operative,
    preambular_lead,
)

_JOB = re.compile(r"^\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?(?:\s+\d{6})?\*?$")
_BARCODE = re.compile(r"^\*\d{7}\*$")
_PAGE = re.compile(r"^\d{1,3}\s*/\s*\d{1,3}$")
# the print date beside the job number, DDMMYY ("211125"); a year with its footnote mark
# alone on a line (pdftotext -raw: "199216", note 16 after June 1992) is no date
_DATECODE = re.compile(r"^(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d\d$")
_RULE = re.compile(r"^_{5,}$")
_OP_ALONE = re.compile(r"^(\d{1,3})\.$")
_OP_TEXT = re.compile(r"^(\d{1,3})\.\s+(\S.*)$")
_SUB = re.compile(r"^\(([a-z]{1,2}|[ivxl]{1,6})\)\s+(\S.*)$")
_SUB_ALONE = re.compile(r"^\(([a-z]{1,2}|[ivxl]{1,6})\)$")
_OP_BARE = re.compile(r"^(\d{1,3})$")
_OP_ANY = re.compile(r"^(\d{1,3})(?:\.|\.\s+\S.*|)$")
OP_LOOKAHEAD_LINES = 400  # how far the next number of the sequence is sought (a page is ~50)
_MARK_ALONE = re.compile(r"^(\d{1,3}|\*{1,3})$")
# a mark and its note's first words; not a note's line that opens with a date or in
# lower case ("26 August–4 September 2002 (United Nations publication, …")
_MARK_TEXT = re.compile(rf"^(\d{{1,3}}|\*{{1,3}})\s+(?!(?:{'|'.join(MONTHS)})\b|[a-z])(\S.*)$")


def norm(s: str) -> str:
    """Whitespace-collapsed text, for comparing wrapped lines.

    >>> norm("  United Nations\\t African ")
    'United Nations African'
    """
    return " ".join(s.split())


@dataclass
class _Line:
    no: int
    text: str
    page: int


def find_ga(lines: list[str]) -> int | None:
    """Index of the line "The General Assembly," (None when there is none)."""
    for i, line in enumerate(lines):
        if GENERAL_ASSEMBLY.match(line.strip()):
            return i
    return None


def normalise(text: str) -> str:
    """The text as every extractor's output reads alike: LF line ends, no form
    feeds, no trailing spaces. None of them may carry meaning: an editor, e-mail
    or ``pdftotext -nopgbrk`` drops them (PyMuPDF marks page ends only by a line
    without its trailing space).

    >>> normalise("Recalling \\r\\n\\fA/RES/80/62  \\n")
    'Recalling\\nA/RES/80/62\\n'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.replace("\f", "").rstrip() for line in text.split("\n"))


_COLUMNS = re.compile(r"\s{3,}")
_JOB_TOKEN = re.compile(r"(?<![\d-])(\d{2}-\d{5})(?!\d)")
_COUNTER = re.compile(r"(?<![\d/])(\d{1,3})\s*/\s*(\d{1,3})(?![\d/])")


def columns(line: str) -> list[str]:
    """The pieces of a line that ``pdftotext -layout`` set apart by wide gaps.

    >>> columns("   United Nations          A/C.3/80/L.14")
    ['United Nations', 'A/C.3/80/L.14']
    """
    return [c for c in _COLUMNS.split(line.strip()) if c]


def find_symbol(lines: list[str]) -> str | None:
    """The document's symbol: the first line (or ``-layout`` column) that is one.

    >>> find_symbol(["United Nations                A/C.3/80/L.14", "General Assembly"])
    'A/C.3/80/L.14'
    >>> find_symbol(["United Nations A/RES/80/17", "General Assembly Distr.: General"])
    'A/RES/80/17'

    The second is ``pdftotext -raw``'s masthead: the symbol one space after the name.
    """
    for line in lines:
        cols = columns(line)
        if len(cols) == 1 and cols[0].startswith("United Nations "):
            cols = [cols[0].rpartition(" ")[2]]
        for col in cols:
            if vocab.SYMBOL.match(col):
                return col
    return None


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


@dataclass(frozen=True)
class Furniture:
    """The page furniture a document prints, learnt from the document itself:
    its symbol (``A/C.3/78/L.41``), job numbers (``23-21227``, barcode
    ``*2321227*``) and the page count of its counters (``2/9``). Recognised
    anywhere on a line, also glued to body text
    (``2/9 23-21227A/C.3/78/L.41``), but a piece of a line is removed only when
    it cannot be a body word: a job number or barcode, two pieces of furniture
    together, or a ``-layout`` column of its own.
    """

    symbol: str | None
    jobs: tuple[str, ...]
    pages: int | None

    @staticmethod
    def learn(lines: list[str], symbol: str | None) -> Furniture:
        jobs: dict[str, int] = {}
        totals: dict[int, int] = {}
        for line in lines:
            for col in columns(line):
                if _JOB.match(col):
                    j = _JOB_TOKEN.search(col)
                    if j:
                        jobs[j.group(1)] = jobs.get(j.group(1), 0) + 1
                elif _BARCODE.match(col):
                    d = col.strip("*")
                    jobs[d[:2] + "-" + d[2:]] = jobs.get(d[:2] + "-" + d[2:], 0) + 1
                elif _PAGE.match(col):
                    m = _COUNTER.match(col)
                    if m and int(m.group(1)) <= int(m.group(2)):
                        totals[int(m.group(2))] = totals.get(int(m.group(2)), 0) + 1
            for j in re.finditer(r"(?<![\d-])(\d{2}-\d{5})\s*\([A-Z]\)", line):
                jobs[j.group(1)] = jobs.get(j.group(1), 0) + 1
        pages = max(totals, key=lambda n: totals[n]) if totals else None
        return Furniture(symbol=symbol, jobs=tuple(sorted(jobs)), pages=pages)

    def _token(self) -> re.Pattern[str]:
        alts: list[str] = []
        if self.jobs:
            job = "|".join(re.escape(j) for j in self.jobs)
            bar = "|".join(re.escape("*" + j.replace("-", "") + "*") for j in self.jobs)
            alts.append(
                rf"(?P<job>(?<![\d-])(?:{job})(?!\d)(?:\s*\([A-Z]\))?(?:\s+\d{{6}}(?!\d))?)"
            )
            alts.append(rf"(?P<bar>{bar})")
        alts.append(r"(?P<bar2>\*\d{7}\*)")
        alts.append(r"(?P<recycle>Please\s+recycle\W?)")
        if self.symbol:
            alts.append(rf"(?P<sym>{re.escape(self.symbol)}(?![\w/]|\.\d))")
        if self.pages:
            alts.append(rf"(?P<page>(?<![\d/])\d{{1,3}}\s*/\s*{self.pages}(?![\d/]))")
        return re.compile("|".join(alts))

    def remove(self, line: str) -> tuple[str, bool, bool]:
        """(the line without its furniture, whether it had furniture, whether it
        carried the symbol: a page head)."""
        pat = _TOKENS.get(self)
        if pat is None:
            pat = _TOKENS.setdefault(self, self._token())
        cols = columns(line)
        if not cols:
            return "", False, False
        if len(cols) == 1 and is_furniture(cols[0], self.symbol):
            return "", True, cols[0] == self.symbol
        kept: list[str] = []
        had = head = False
        for col in cols:
            if is_furniture(col, self.symbol) and len(cols) > 1:
                had = True
                head = head or col == self.symbol
                continue
            rest, h, sym = self._strip_ends(col, pat)
            had = had or h
            head = head or sym
            if rest:
                kept.append(rest)
        return " ".join(kept), had, head

    def _strip_ends(self, s: str, pat: re.Pattern[str]) -> tuple[str, bool, bool]:
        """Furniture tokens at the start and the end of `s`."""
        found: list[re.Match[str]] = []
        pos = 0
        while True:  # from the start
            m = pat.match(s, pos)
            if not m or m.end() == pos:
                break
            found.append(m)
            pos = m.end()
            while pos < len(s) and s[pos] == " ":
                pos += 1
        lo = pos
        if lo >= len(s):
            return "", bool(found), any(m.lastgroup == "sym" for m in found)
        tail: list[re.Match[str]] = []
        hi = len(s)
        for m in reversed(list(pat.finditer(s, lo))):  # from the end
            if s[m.end() : hi].strip():
                break
            tail.append(m)
            hi = m.start()
        strong = ("job", "bar", "bar2", "recycle")
        head_ok = len(found) > 1 or any(m.lastgroup in strong for m in found)
        tail_ok = len(tail) > 1 or any(m.lastgroup in strong for m in tail)
        start = lo if head_ok else 0
        end = hi if tail_ok else len(s)
        used = (found if head_ok else []) + (tail if tail_ok else [])
        return s[start:end].strip(), bool(used), any(m.lastgroup == "sym" for m in used)


_TOKENS: dict[Furniture, re.Pattern[str]] = {}


@dataclass
class _Row:
    no: int
    text: str
    furniture: bool
    """The line had furniture (and `text` is what is left of it)."""
    head: bool
    """The line carried the document's symbol: a page head."""


def _rows(text: str, symbol: str | None) -> list[_Row]:
    lines = normalise(text).split("\n")
    furn = Furniture.learn(lines, symbol)
    rows = []
    for no, line in enumerate(lines, 1):
        rest, had, head = furn.remove(line)
        rows.append(_Row(no, rest, had, head))
    if symbol:
        _running_heads(rows, symbol)
    # The last piece of furniture of a page's foot and the next page's head heads
    # a page too, where the symbol is missing: pieces at most _GAP lines apart are
    # one foot-and-head (footnote bodies may print between them, A/RES/78/186).
    last: int | None = None
    gap = 0
    for k, r in enumerate(rows):
        if r.furniture and not r.text and _FIRST_FOOT.match(lines[k].strip()):
            # "24-23016 (E)": the job number with its language prints at the first
            # page's foot only, never at a head; pdftotext may print that page's
            # footnote bodies after it (A/RES/79/18)
            gap = 0
        elif r.furniture and not r.text:
            last, gap = k, 0
        elif r.text:
            gap += 1
            if gap > _GAP and last is not None:
                rows[last].head = True
                last = None
    if last is not None:
        rows[last].head = True
    return rows


def _running_heads(rows: list[_Row], symbol: str) -> None:
    """The symbol at either end of a line beside a line of furniture alone is the
    running head: pdftotext -raw glues it to the running title ("… sustainable
    development A/RES/78/140", then the counter "3/10"). Elsewhere, a body line that
    ends in the symbol keeps it."""
    alone = [r.furniture and not r.text for r in rows]
    for k, r in enumerate(rows):
        if not ((k and alone[k - 1]) or (k + 1 < len(rows) and alone[k + 1])):
            continue
        if r.text.endswith(" " + symbol):
            r.text, r.furniture, r.head = r.text[: -len(symbol) - 1], True, True
        elif r.text.startswith(symbol + " "):
            r.text, r.furniture, r.head = r.text[len(symbol) + 1 :], True, True


_GAP = 6
_FIRST_FOOT = re.compile(r"^\d{2}-\d{5}\s*\([A-Z]\)(?:\s+\d{6})*$")


def split_pages(
    text: str, symbol: str | None = None, title: str = ""
) -> list[list[tuple[int, str]]]:
    """Pages of (line number, line), found from the furniture the document
    prints (a page starts at its running head), never from form feeds."""
    lines = normalise(text).split("\n")
    if symbol is None:
        symbol = find_symbol(lines[:40])
    pages: list[list[tuple[int, str]]] = [[]]
    content = [False]  # the page holds more than furniture
    for r in strip_running_title(_rows(text, symbol), title):
        if r.head and content[-1]:
            pages.append([])
            content.append(False)
        content[-1] = content[-1] or bool(r.text)
        pages[-1].append((r.no, lines[r.no - 1]))
    if len(pages) > 1 and not content[-1]:
        pages[-2].extend(pages.pop())  # the last page's foot
    return [p for p in pages if p]


def strip_running_title(rows: list[_Row], title: str) -> list[_Row]:
    """Drop the running title where a run of lines spells it out in full next to
    other furniture (a page's head or foot); elsewhere it is body text
    (*Comprehensive Nuclear-Test-Ban Treaty* in A/RES/80/70). Lines and title are
    compared without spaces and hyphens: pdftotext drops a hyphen at a line's end
    (A/RES/79/39's title reads "Nuclear-WeaponFree World", its running title
    "Nuclear-Weapon-Free World")."""
    t = _fold(norm(title).rstrip("."))
    if not t:
        return rows
    n = len(rows)
    drop: set[int] = set()

    def nonblank(k: int, step: int) -> int | None:
        while 0 <= k < n:
            if rows[k].text or rows[k].furniture:
                return k
            k += step
        return None

    def is_furn(k: int | None) -> bool:
        return k is not None and rows[k].furniture and not rows[k].text

    def spelled(i: int, step: int) -> int | None:
        """The line at which the lines from `rows[i]` on, forwards (`step` 1) or
        backwards (-1), spell out the title in full; None when they do not."""
        acc = ""
        j: int | None = i
        while j is not None and rows[j].text:
            acc = acc + _fold(rows[j].text) if step > 0 else _fold(rows[j].text) + acc
            if not (t.startswith(acc) if step > 0 else t.endswith(acc)):
                return None
            if acc == t:
                return j
            j = nonblank(j + step, step)
        return None

    for i in range(n):
        if not rows[i].text or i in drop:
            continue
        if rows[i].furniture or is_furn(nonblank(i - 1, -1)):
            got = spelled(i, 1)
            if got is not None:
                drop.update(k for k in range(i, got + 1) if rows[k].text)
                continue
        if rows[i].furniture or is_furn(nonblank(i + 1, 1)):
            got = spelled(i, -1)
            if got is not None:
                drop.update(k for k in range(got, i + 1) if rows[k].text)
    # a running title heads a page as the symbol does (A/RES/78/17 prints no
    # symbol on its third page)
    return [_Row(r.no, "", True, True) if k in drop else r for k, r in enumerate(rows)]


_FOLD = re.compile(r"[\s\-\u00ad\u2010\u2011]+")


def _fold(s: str) -> str:
    """`s` without spaces and hyphens, as running titles are compared.

    >>> _fold("Nuclear-Weapon- Free World")
    'NuclearWeaponFreeWorld'
    """
    return _FOLD.sub("", s)


_GLUED_RULE = re.compile(r"^(.*\S)\s+_{10,}$")


def _starts_notes(s: str) -> bool:
    return bool(_RULE.match(s)) or (s.startswith("* ") and s[2:3].isupper())


def split_footnote_area(rows: list[_Row]) -> tuple[list[_Row], list[list[_Row]]]:
    """(body lines, footnote areas): an area runs from the rule at a page's
    foot up to the next page's head, whatever the extractor printed between
    (footnote bodies, the page's foot, the next page's running title)."""
    body: list[_Row] = []
    areas: list[list[_Row]] = []
    in_notes = False
    for r in rows:
        if r.head:
            in_notes = False
        if r.furniture and not r.text:
            continue
        s = norm(r.text)
        glued = _GLUED_RULE.match(s) if not in_notes else None
        if glued:
            # the rule printed at the end of the page's last body line (pdftotext,
            # A/C.6/80/L.19: "… in writing to the Secretary __________________")
            body.append(_Row(r.no, glued.group(1), r.furniture, r.head))
            in_notes = True
            areas.append([])
            continue
        if not in_notes and _starts_notes(s):
            in_notes = True
            areas.append([])
            if _RULE.match(s):
                continue
        (areas[-1] if in_notes else body).append(r)
    return body, areas


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
        if units and (not _ends_unit(units[-1][-1][1]) or s[:1].islower()):
            # a note's line that opens in lower case goes on with the note, also after
            # a semicolon (un/A/RES/79/190 note 30: "… the Marrakech declaration on
            # the prevention of corruption”;" / "resolution 10/4, entitled …")
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
    """A footnote's line ends its note: a full stop or semicolon, also inside a
    closing quote (A/RES/79/18 note 4 ends ``… not be prohibited.”``)."""
    s = line.rstrip().rstrip("”’\"'")
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
        elif out.endswith(" -") and out[-3:-2].isalpha() and s[:1].isalpha():
            out = out[:-2] + "-" + s  # pdftotext -layout: "twenty -" + "fourth" (A/C.3/80/L.14)
        elif out.endswith(("–", "—")) and out[-2:-1].isdigit() and s[:1].isdigit():
            out += s  # "(2013–" + "2017)": a range broken at its dash
        else:
            out += " " + s
    return out


def clean_pdf_text(text: str, title: str, symbol: str | None) -> Cleaned:
    """Blocks, footnotes and closing lines of the body after "The General Assembly,"."""
    rows = strip_running_title(_rows(text, symbol), title)
    page: dict[int, int] = {}
    pno = 0
    for r in rows:
        pno += r.head
        page[r.no] = pno
    main, areas = split_footnote_area(rows)
    footnotes: list[Footnote] = []
    for area in areas:
        lines = [(r.no, r.text) for r in area]
        if footnotes and not _ends_unit(footnotes[-1].text):
            # a note continued from the page before: its lines come before any mark
            k = 0
            while k < len(lines) and not _is_mark_line(lines[k][1]):
                k += 1
            if 0 < k:
                last = footnotes[-1]
                more = [t for _, t in lines[:k] if norm(t)]
                if more:
                    footnotes[-1] = Footnote(
                        mark=last.mark,
                        text=join_lines([last.text, *more]),
                        lines=(last.lines[0], lines[k - 1][0]),
                    )
                lines = lines[k:]
        footnotes.extend(parse_footnotes(lines, symbol))
    body = [_Line(r.no, r.text, page[r.no]) for r in main]
    return _segment(body, footnotes)


def bare_numbers(lines: list[str], joined: str) -> tuple[int, ...]:
    """Where in `joined` (``join_lines(lines)``) each line that holds only a number
    (or ``*``) stands, the first line aside: a footnote mark pdftotext printed on a
    line of its own (``-layout``: 'the Johannesburg' / '5' / 'Declaration on …').

    >>> bare_numbers(["Agenda 21, the Johannesburg", "5", "Declaration on"],
    ...              "Agenda 21, the Johannesburg 5 Declaration on")
    (28,)
    """
    out: list[int] = []
    for i, line in enumerate(lines):
        s = norm(line)
        if i == 0 or not _MARK_ALONE.match(s):
            continue
        before = join_lines(lines[:i])
        if before and joined[len(before) : len(before) + 1 + len(s)] == " " + s:
            out.append(len(before) + 1)
    return tuple(out)


def _is_mark_line(line: str) -> bool:
    s = norm(line)
    return bool(_MARK_ALONE.match(s) or _MARK_TEXT.match(s))


def _segment(lines: list[_Line], footnotes: list[Footnote]) -> Cleaned:
    """Body lines (already without furniture) into paragraph blocks."""
    # Start after "The General Assembly,".
    ga = find_ga([ln.text for ln in lines])
    start = -1 if ga is None else ga
    # a draft decision's "The General Assembly:" introduces its items (a), (b), …
    colon = start >= 0 and lines[start].text.rstrip().endswith(":")
    lines = lines[start + 1 :]
    blocks: list[Block] = []
    cur: list[_Line] = []
    number: str | None = None
    meta: list[str] = []
    next_op = 1
    subs = _Subs("a" if colon else None)
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
            text = join_lines(texts)
            bare = bare_numbers(texts, text)
            blocks.append(Block(text=text, lines=(no0, no1), number=number, bare=bare))
        cur.clear()
        number = None

    def operative(n: str) -> None:
        """Operative paragraph `n` opens."""
        nonlocal number, next_op, in_operative
        flush()
        number = n
        next_op += 1
        in_operative = True
        subs.restart()

    k = 0
    while k < len(lines):
        ln = lines[k]
        s = norm(ln.text)
        k += 1
        if not s:
            continue
        if ANNEX.match(s):
            flush()
            blocks.extend(_annex_blocks([ln, *lines[k:]]))
            break
        if PLENARY.fullmatch(s):
            flush()
            meta.append(s)
            rest = lines[k:]
            j = _next_nonblank(rest, 0)
            if j is not None and _DATE.match(norm(rest[j].text)):
                meta.append(norm(rest[j].text))
                rest = rest[j + 1 :]
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
            operative(m.group(1))
            # The paragraph's first line follows, possibly after a blank line; but
            # pdftotext sometimes prints the paragraph's last line ("session.", or
            # "Fund:" before its sub-paragraphs) first.
            j = _next_nonblank(lines, k)
            if j is not None and _printed_first(lines, j):
                tail.append(lines[j])
                k = j + 1
            continue
        m = _OP_BARE.match(s)
        if m and int(m.group(1)) == next_op and ended and _bare_number_ok(lines, k, next_op):
            # an operative number printed without its full stop ("6" alone): the
            # sequence decides, not the stop
            operative(m.group(1))
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
            operative(m.group(1))
            cur.append(_Line(ln.no, m.group(2), ln.page))
            continue
        m = _SUB.match(s) or _SUB_ALONE.match(s)
        first = m.group(2) if m and m.re is _SUB else ""  # "": the label alone on its line
        if (
            m
            and ended
            and subs.opens(m.group(1), _end_char(prev) == ":")
            and not _inline_list(m.group(1), first, lines, k)
            # alone, its text on the next line (older PDFs, PyMuPDF), not another label
            and (first or ((j := _next_nonblank(lines, k)) is not None
                           and not _SUB_ALONE.match(norm(lines[j].text))))
        ):  # fmt: skip
            flush()
            number = f"({m.group(1)})"
            subs.take(m.group(1))
            if first:
                cur.append(_Line(ln.no, first, ln.page))
            continue
        heads: list[tuple[list[_Line], bool]] = []
        end = k
        if ended and (cur or number is None):  # never right after a paragraph number
            heads, end = _heading_lines(lines, k - 1, next_op, in_operative)
        if heads:
            # a section heading ("II" / "Utilization of conference-servicing resources")
            # or an unnumbered sub-heading between two paragraphs: a block of its own
            flush()
            for group, restart in heads:
                blocks.append(
                    Block(
                        text=join_lines([x.text for x in group]),
                        lines=(group[0].no, group[-1].no),
                        heading=True,
                    )
                )
                if restart:  # the section's numbers start again at 1, a preamble first
                    next_op, in_operative = 1, False
                subs.restart()
            k = end
            continue
        if not in_operative and ended and cur and (_opens_preamble(s, prev) or _unnumbered_op(s)):
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


_DATE = re.compile(r"^\d{1,2} [A-Z][a-z]+ \d{4}$")


HEADING_LINES = 4  # the most lines a heading's title is printed on (a roman line aside)
HEADINGS_RUN = 3 * (HEADING_LINES + 1)  # the most lines of headings one after another
_SECTION = re.compile(r"^(?:[IVX]{1,5}|[A-H])\.?$")


def _heading_lines(
    lines: list[_Line], k: int, next_op: int, in_operative: bool
) -> tuple[list[tuple[list[_Line], bool]], int]:
    """The headings that start at `lines[k]`, after a line that ended a paragraph,
    and the index of the line after them: each heading as (its lines, whether a
    section's numbering restarts after it); none when `lines[k]` is no heading.

    A heading is a run of lines none of which ends in punctuation, the first in
    upper case (or a section number alone: ``II``, ``B.``), followed by a line that
    opens a paragraph: the next operative number, a preambular lead, a
    sub-paragraph label. A wrapped line of a paragraph is never one: the line after
    it goes on with the sentence. Line content and sequence only, so every
    extractor's text gives the same headings.

    >>> ls = [_Line(n, t, 1) for n, t in enumerate(["II", "Utilization of resources",
    ...       "11. Reaffirms the practice;"], 1)]
    >>> [([x.text for x in g], r) for g, r in _heading_lines(ls, 0, 11, True)[0]]
    [(['II', 'Utilization of resources'], False)]
    >>> _heading_lines([_Line(1, "Tuesday, 10 June", 1), _Line(2, "and", 1)], 0, 11, True)
    ([], 0)
    """
    none: tuple[list[tuple[list[_Line], bool]], int] = ([], k)
    first = norm(lines[k].text)
    if not first[:1].isupper() or _opens(first, next_op, in_operative):
        return none
    run: list[_Line] = []
    j = k
    while j < len(lines) and len(run) <= HEADINGS_RUN:
        s = norm(lines[j].text)
        if PLENARY.fullmatch(s) or ANNEX.match(s):
            return none
        if s:
            # a numbered heading's title may wrap after a comma ("VII" / "Special
            # Rapporteur on contemporary forms of racism, racial discrimination," / …)
            numbered = bool(run) and _SECTION.match(norm(run[0].text))
            comma = s.endswith(",") and numbered
            if (
                _opens(s, next_op, in_operative)
                or (numbered and len(run) > 1 and _opens(s, 1, False))  # the section's preamble
                or (_ends_paragraph(s) and not _SECTION.match(s) and not comma)
            ):
                break
            run.append(lines[j])
        j += 1
    if not run or j >= len(lines) or len(run) > HEADINGS_RUN:
        return none
    if _ends_paragraph(norm(run[-1].text)):
        return none
    groups: list[list[_Line]] = []
    for x in run:
        if _SECTION.match(norm(x.text)) or not groups:
            groups.append([x])
        else:
            groups[-1].append(x)
    if any(len(g) > HEADING_LINES + bool(_SECTION.match(norm(g[0].text))) for g in groups):
        return none
    if any(_SECTION.match(norm(g[-1].text)) for g in groups):
        return none  # a section number with no title
    after = norm(lines[j].text)
    restart = (
        any(_SECTION.match(norm(g[0].text)) for g in groups)
        and next_op > 1
        and _restarts(lines, j, next_op)
    )
    if not (_opens(after, next_op, in_operative) or (restart and _opens(after, 1, False))):
        return none
    return [(g, restart and g is groups[-1]) for g in groups], j


def _opens(s: str, next_op: int, in_operative: bool) -> bool:
    """Does line `s` open a paragraph: the operative number `next_op` (with or
    without text), a sub-paragraph label, a preambular lead in the preamble?"""
    m = _OP_ANY.match(s) or _OP_TEXT.match(s)
    if m and int(m.group(1)) == next_op:
        return True
    if _SUB.match(s) or _SUB_ALONE.match(s):
        return True
    return not in_operative and (_opens_preamble(s, "") or _DECLARATION.match(s) is not None)


_DECLARATION = re.compile(r"^We,? ")
"""How the preamble of an annexed declaration opens ("We, the Ministers and heads of
delegations …", A/RES/80/173), after its title."""


_TITLE_GO_ON = re.compile(r"^\S+(?: (?:and|of|for|on|in|to|the))? [A-Z]")


def _opens_preamble(line: str, before: str) -> bool:
    """Does `line` open a preambular paragraph after the text `before` (which ended
    one)? A lead of the known list does; a word that only looks like one (a
    capitalised ``-ing`` or ``-ed`` word) does not when title words follow it or a
    quotation is open: that line goes on with a title wrapped after a comma or a
    colon (A/RES/80/62: "… Production," / "Stockpiling and Use of Chemical Weapons";
    A/RES/78/168: "… Opportunity:" / "Repurposing Agricultural Support …").

    >>> _opens_preamble("Stockpiling and Use of Chemical Weapons", "Production,")
    False
    >>> _opens_preamble("Trusting that the observance", "Day,"), _opens_preamble("Noting", "")
    (True, True)
    """
    if not preambular_lead(line):
        return False
    if known_preambular_lead(line):
        return True
    return not _TITLE_GO_ON.match(line) and before.count("\u201c") <= before.count("\u201d")


def _restarts(lines: list[_Line], j: int, next_op: int) -> bool:
    """After a section heading, does operative number 1 come before `next_op`?"""
    for x in lines[j : j + OP_LOOKAHEAD_LINES]:
        t = norm(x.text)
        if PLENARY.fullmatch(t) or ANNEX.match(t):
            break
        m = _OP_ANY.match(t) or _OP_TEXT.match(t)
        if m and int(m.group(1)) in (1, next_op):
            return int(m.group(1)) == 1
    return False


def _printed_first(lines: list[_Line], j: int) -> bool:
    """Is `lines[j]`, after an operative number, the paragraph's last line printed
    first? A short line that opens in lower case or ends in a colon, and is no
    opening, before a line that opens in upper case."""
    s = norm(lines[j].text)
    if len(s) >= 40 or not (s[:1].islower() or (s.endswith(":") and not looks_operative(s))):
        return False
    later = _next_nonblank(lines, j + 1)
    return later is not None and norm(lines[later].text)[:1].isupper()


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
        if PLENARY.fullmatch(t) or ANNEX.match(t):
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


WRAPPED = 0.85  # a line this share of the text's width long, with the next word, was
# wrapped (0: every line was, 1: only the longest); a shorter one ended its paragraph
WRAPPED_OPEN = 0.7  # the same for a line that ends no sentence (a heading's title)
_WIDTH_SHARE = 0.95  # the text's width: the length this share of its lines reach at most
_NUMBERED_HEADING = re.compile(r"^(?:[IVX]{1,5}|[A-Z])\.?$|^[A-Z][a-z]+ \d{1,3}$")
"""A heading's number alone on its line: ``II``, ``B.``, a rule's ``Rule 12``."""
_NUMBERED_TITLE = re.compile(r"^(?:[IVX]{1,5}|[A-Z])\.\s+[A-Z]")
"""A heading's number and its title on one line (``pdftotext -layout``: ``I.   The small
island developing States story``)."""
_NUMBERS = (_OP_ALONE, _OP_TEXT)
_NAMED_NUMBER = re.compile(r"^[A-Z][a-z]+ \d{1,3}$")
"""A heading's number with its name (``Rule 12``): a title follows it without a gap, if
any (A/RES/78/128's ``Rule 57`` has none)."""


def _width(lines: list[_Line]) -> int:
    """How many characters the text's full lines hold (a high share of its lengths)."""
    lengths = sorted(len(norm(x.text)) for x in lines)
    return lengths[int(_WIDTH_SHARE * (len(lengths) - 1))] if lengths else 0


def _ended_early(block: list[str], nxt: str, width: int) -> bool:
    """Did the block's last line end before the line was full, so that the next line's
    first word would have fit on it? The width is the block's own when it has wrapped
    before and is narrower (a title printed in a larger type), else the text's."""
    last = block[-1]
    share = WRAPPED if _ends_paragraph(last) else WRAPPED_OPEN
    if _NUMBERED_HEADING.match(block[0]):
        block = block[1:]  # a heading's number: its title's lines are measured
    if len(block) > 1:
        # no wider than the text (pdftotext may print two lines as one)
        width, share = min(width, max(len(x) for x in block)), WRAPPED
    return len(last) + 1 + len(nxt.split(" ", 1)[0]) < share * width


def _annex_blocks(lines: list[_Line]) -> list[Block]:
    """Text after the adoption line (an annex) cut into paragraphs as the page prints
    them, where the PDF reader sees gaps and bold type: an item's number (``10.``,
    ``(a)``, alone or before its text) after a line that ended a sentence or ended early
    opens a paragraph numbered by it; a heading's number (``I.``, ``B.``, ``Rule 12``)
    opens a heading, its title the lines after it, as does a short run of lines before
    a number (``Commitments`` / ``24.``); any other line in capitals after a line that
    ended early (its next word would have fit) or a blank line (PyMuPDF prints one at
    a gap), on the same page, opens a paragraph. So PyMuPDF's ``Ocean Action panels.``
    / ``10. Outcome …`` and pdftotext's ``10.`` / ``Outcome …`` give the same
    paragraphs, and the text path the PDF reader's.

    >>> ls = [_Line(n, t, 1) for n, t in enumerate(["Annex", "Agenda", "1.",
    ...       "Opening.", "2. General debate.", "I.", "Rules", "We, the States,"], 1)]
    >>> [(b.number, b.text) for b in _annex_blocks(ls)]
    [(None, 'Annex'), (None, 'Agenda'), ('1', 'Opening.'), ('2', 'General debate.'), \
(None, 'I. Rules'), (None, 'We, the States,')]
    """
    kept = [k for k, x in enumerate(lines) if norm(x.text)]
    # the lines, blank ones left out, that a blank line stood before
    gaps = {i for i, k in enumerate(kept) if k and not norm(lines[k - 1].text)}
    lines = [lines[k] for k in kept]
    width = _width(lines)
    out: list[Block] = []
    cur: list[_Line] = []
    texts: list[str] = []  # cur's lines, whitespace-collapsed
    number: str | None = None
    heading = False  # cur is a heading (its number and title) or an annex's title

    tail: list[_Line] = []  # a last line pdftotext printed before the paragraph's first
    at = 0  # the line of cur's number

    def flush() -> None:
        nonlocal number, heading
        cur.extend(tail)
        tail.clear()
        if cur:
            out.append(_other_block(cur, number))
        elif number is not None:  # a number with no text
            out.append(Block(text="", lines=(at, at), number=number, other=True))
        cur.clear()
        texts.clear()
        number, heading = None, False

    subs = _Subs()

    def opening(m: re.Match[str], ln: _Line) -> None:
        nonlocal number, at
        flush()
        if m.re in _NUMBERS:
            number = m.group(1)
            subs.restart()
        else:
            number = f"({m.group(1)})"
            subs.take(m.group(1))
        at = ln.no
        if m.lastindex and m.lastindex > 1:
            cur.append(_Line(ln.no, m.group(2), ln.page))
            texts.append(norm(m.group(2)))

    for k, ln in enumerate(lines):
        s = norm(ln.text)
        last = norm(tail[-1].text) if tail else (texts[-1] if texts else "")
        label = _OP_ALONE.match(s) or _OP_TEXT.match(s)
        sub = _SUB.match(s) or _SUB_ALONE.match(s)
        if label is None and sub and subs.opens(sub.group(1), first=True):
            label = sub  # in sequence, or a list's first item: not "(c)" inside a sentence
            # (A/RES/80/226: "… (b) at the beginning …;" / "(c) whenever …")
        if not texts:
            if number is None and label:
                opening(label, ln)
                continue
            if number is not None and not tail and _printed_first(lines, k):
                tail.append(ln)  # "30." / "to:" / "Small island developing States seek …"
                continue
            cur.append(ln)
            texts.append(s)
            continue
        ended = _ends_paragraph(last)
        # a line that ended early, or a blank line (PyMuPDF prints one at a gap)
        early = _ended_early(texts, s, width) or (k in gaps and ln.page == cur[-1].page)
        title = (
            heading
            and len(texts) == 1
            and _NUMBERED_HEADING.match(texts[0]) is not None
            and (not _NAMED_NUMBER.match(texts[0]) or k not in gaps)
        )
        if label and (ended or early or heading):
            opening(label, ln)
            continue
        after_name = len(texts) == 1 and ANNEX.match(texts[0]) is not None
        numbered = _NUMBERED_HEADING.match(s) or (
            _NUMBERED_TITLE.match(s) and not _ends_paragraph(s)
        )
        if numbered and (ended or early or heading) and not title:
            flush()
            heading = True
        elif after_name or (ANNEX.match(s) and (ended or early)):
            flush()
            heading = after_name  # an annex's name, then its title
        elif not title and (
            (ended and not heading and s[:1].isupper() and _heading_run(lines, k))
            or (_DECLARATION.match(s) and heading)
        ):
            flush()
            heading = not _DECLARATION.match(s)
        elif (
            not title
            and s[:1].isupper()
            and early
            and (heading or (ended and ln.page == cur[-1].page))
        ):
            was = heading
            flush()
            heading = was and not ended  # a title's next line: a place and date
        cur.append(ln)
        texts.append(s)
    flush()
    return out


def _heading_run(lines: list[_Line], k: int) -> bool:
    """Do the lines from `lines[k]` on, none ending a sentence, make a heading: at most
    HEADING_LINES of them, then an item's or heading's number (``24.``, ``(a)``, ``B.``)?"""
    for j in range(k, min(k + HEADING_LINES + 1, len(lines))):
        s = norm(lines[j].text)
        if j > k and (
            _OP_ALONE.match(s) or _OP_TEXT.match(s) or _SUB.match(s) or _SUB_ALONE.match(s)
            or _NUMBERED_HEADING.match(s)
        ):  # fmt: skip
            return True
        if _ends_paragraph(s):
            return False
    return False


def _other_block(lines: list[_Line], number: str | None = None) -> Block:
    return Block(
        text=join_lines([x.text for x in lines]),
        lines=(lines[0].no, lines[-1].no),
        other=True,
        number=number,
    )


# one footnote number after the punctuation, or two: pdftotext prints a mark it cannot
# set at its word alone after the paragraph (A/RES/78/168 PP5 ends "Pathway, 14" / "5")
_TRAILING_MARK = re.compile(r"\s?\d{1,3}(?:\s\d{1,3})?$")


def _end_char(text: str) -> str:
    """The last character of `text`, footnote numbers after it left out.

    >>> _end_char("(SAMOA) Pathway, 14 5"), _end_char("in resolution 75"), _end_char("")
    (',', 'n', '')
    """
    s = text.rstrip()
    if s[-1:].isdigit():
        s = _TRAILING_MARK.sub("", s).rstrip()
    return s[-1:]


def _ends_paragraph(text: str) -> bool:
    """True when `text` ends as a paragraph does (``,``, ``;``, ``:``, ``.``),
    allowing for footnote numbers after the punctuation.

    >>> _ends_paragraph("(SAMOA) Pathway, 14 5"), _ends_paragraph("in resolution 75")
    (True, False)
    """
    return _end_char(text) in (",", ";", ":", ".")


class _Subs:
    """Where a list of sub-paragraphs stands, to tell the next one from a ``(c)`` that
    starts a line inside a sentence: a list opens at ``(a)`` or ``(i)`` and goes on
    with the next letter, a roman list with the next numeral; after a roman list
    inside a lettered item the letters go on: ``(b)`` ``(i)`` ``(ii)`` ``(c)``.

    >>> subs = _Subs()
    >>> subs.take("b"); subs.take("i"); subs.take("ii")
    >>> [subs.opens(x, first=False) for x in ("iii", "c", "d", "a")]
    [True, True, False, True]
    >>> subs.restart(); subs.opens("a", first=False), subs.opens("a", first=True)
    (False, True)
    >>> for x in ("i", "ii", "iii", "iv", "v"): subs.take(x)
    >>> subs.opens("vi", first=False), subs.opens("w", first=False)
    (True, False)
    """

    def __init__(self, expect: str | None = None) -> None:
        self.expect = expect  # the list's next label (None: no list open)
        self.outer: str | None = None  # the next letter after a roman list inside a lettered one
        self.roman = False  # the list is numbered in roman numerals

    def restart(self) -> None:
        """A paragraph that is no sub-paragraph: no list is open."""
        self.expect = self.outer = None
        self.roman = False

    def opens(self, label: str, first: bool) -> bool:
        """Does the sub-paragraph `label` come next: the list's next label or the
        letter after it, or an ``(a)`` or ``(i)`` that opens a list inside one or,
        `first` (after a colon), where none is open?"""
        if label in (self.expect, self.outer):
            return True
        return label in ("a", "i") and (first or self.expect is not None)

    def take(self, label: str) -> None:
        """Sub-paragraph `label` opens."""
        if label == self.outer and label != self.expect:  # the letters go on
            self.outer, self.roman = None, False
        elif label == "i" and self.expect != "i":  # a roman list, not the letter after (h)
            if not self.roman:
                self.outer = self.expect
            self.roman = True
        elif label == "a":
            self.roman = False
        self.expect = _next_roman(label) if self.roman else _next_letter(label)


INLINE_LIST_LINES = 12  # how many lines on an item's successor is sought in the running
# text (the sub-paragraphs of the PyMuPDF texts of tests/corpus/pdf span 1 to 21 lines,
# 9 in 10 of them 6 or fewer); beyond it the label stands
_LINE_LABEL = re.compile(r"^(?:\(([a-z]{1,2}|[ivxl]{1,6})\)|\d{1,3}\.?)(?:\s|$)")


def _inline_list(letter: str, first: str, lines: list[_Line], k: int) -> bool:
    """True when the label `letter` at a line start is an item of a list printed
    inside a sentence: its successor follows a ``;`` or ``,`` in the running text
    before any line opens with a label (A/RES/79/237 OP2(b): ``… July 2025 on:`` /
    ``(i) modalities on … stakeholders,`` / ``… mechanism; (ii) dedicated …``).
    A sub-paragraph's successor opens a line of its own.

    >>> rows = [_Line(2, "permanent mechanism; (ii) dedicated groups", 1)]
    >>> _inline_list("i", "modalities on the participation", rows, 0)
    True
    >>> _inline_list("i", "modalities;", [_Line(2, "(ii) dedicated groups", 1)], 0)
    False
    """
    after = {_next_letter(letter), _next_roman(letter)} - {""}  # (i) is a letter or a numeral
    text = [first]
    for ln in lines[k : k + INLINE_LIST_LINES]:
        s = norm(ln.text)
        if _LINE_LABEL.match(s):
            break
        text.append(s)
    joined = " ".join(text)
    return any(re.search(rf"[;,]\s+(?:and\s+|or\s+)?\({re.escape(n)}\)", joined) for n in after)


def _next_letter(label: str) -> str:
    """The label after `label` in a lettered list: ``a`` -> ``b``, ``z`` -> ``aa``."""
    if len(label) == 1:
        return chr(ord(label) + 1) if label != "z" else "aa"
    return label[0] + chr(ord(label[1]) + 1)


def _next_roman(label: str) -> str:
    """The label after `label` in a roman list: ``ii`` -> ``iii``; "" after the last."""
    items = vocab.ROMAN_ITEMS
    return items[items.index(label) + 1] if label in items[:-1] else ""
