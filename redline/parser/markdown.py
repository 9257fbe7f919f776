"""Markdown converted from UN documents (the corpus report A/75/479) to blocks.

Noise that is not content: ``---`` page-break lines, ``<sup>n</sup>`` markers
(kept as footnote references), footnote bodies (kept as footnotes), emphasis,
``[A/75/98](#)`` links, headings' ``#``, backslash escapes (``1\\.``, as CommonMark
defines them). A paragraph split across a page break (its continuation starts in
lower case) is joined again. Pandoc's footnotes are read like ``<sup>`` ones: a
reference ``[^1]`` and its definition ``[^1]: A/75/111.`` (Markdown, GitHub's), or
``[1]`` and a block ``[1] A/75/111.`` (CommonMark and plain text, where a mark is one
only when the text both cites and defines it).

>>> c = clean_markdown("*Recalling* its resolution [73/188](#),<sup>1</sup>\\n\\n<sup>1</sup> A/73/1.\\n")
>>> c.blocks[0].text, c.blocks[0].lead, c.blocks[0].footnotes
('Recalling its resolution 73/188,', 'Recalling', ('1',))
>>> c.footnotes[0].text
'A/73/1.'
"""

from __future__ import annotations

import html
import re

from redline.model import Footnote
from redline.parser.blocks import Block, Cleaned, collapse, join_page_splits

_PAGE_BREAK = re.compile(r"^(-{3,}|\*{3,}|_{3,})$")
_FOOTNOTE_BODY = re.compile(r"^<sup>\s*([0-9]+|\*+)\s*</sup>\s*(.*)$")
# A mark: <sup>1</sup>, or pandoc's [^1] (a definition "[^1]:" is no reference)
_SUP = re.compile(r"<sup>\s*([0-9]+|\*+)\s*</sup>|\[\^([^\]\s^]{1,20})\](?!:)")
_NOTE_DEF = re.compile(r"^\[\^([^\]\s^]{1,20})\]:\s*(.*)$")
# CommonMark and plain text from pandoc: "[1] A/75/111." opening a block
_BRACKET_DEF = re.compile(r"^\[(\d{1,3}|\*{1,3})\]\s+(\S.*)$")
NOTE_INDENT = 4  # spaces before a footnote's next paragraph, as pandoc indents it
# CommonMark's backslash escapes: any ASCII punctuation; while the passes run, an
# escaped character stands as a private-use one (no pass takes it for markup)
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_SHELTER = 0xE100
_RESTORE = {_SHELTER + c: chr(c) for c in range(0x21, 0x7F) if not chr(c).isalnum()}
# Runs inside links and tags are bounded: unbounded, "[a](" or "<a" repeated
# without a closing ) or > made each match scan to the end (quadratic time).
_LINK = re.compile(r"\[([^\]]{0,500})\]\([^)]{0,500}\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]{1,500})>")
# Only the tags converters write; any other <…> (``<script>``, ``<goals>``) is text.
_TAG = re.compile(r"</?(?:sup|sub|br|em|strong|u|a|span)\b[^<>]{0,500}>", re.IGNORECASE)
_EMPH = re.compile(r"(\*{1,3}|_{2,3})")
_LEAD = re.compile(r"^(?:\d+\\?\.\s+|\\?\([a-z]{1,3}\\?\)\s+)?\*{1,3}([^*]+?)\*{1,3}")
_HEADING = re.compile(r"^#{1,6}\s+")
_LIST = re.compile(r"^[-+]\s+")
_NUMBER = re.compile(r"^(\d{1,3})\.\s+")
_NUMBER_MD = re.compile(r"^(\d{1,3})\\?\.\s+")  # pandoc escapes it: "1\. Decides"
_SUBPARA = re.compile(r"^(\([a-z]{1,3}\)|\([ivxl]+\))\s+")
_SUBPARA_MD = re.compile(r"^\\?\(([a-z]{1,3}|[ivxl]+)\\?\)\s+")  # pandoc's "\(a\) Urges"
# Pandoc's Markdown writes an en dash "--", an em dash "---" (its smart punctuation);
# a rule of them alone on a line is a page break, one in a table row ("|---|") no dash.
_DASHES = re.compile(r"(?<![-|])(-{2,3})(?![-|])")


def inline(text: str) -> tuple[str, tuple[str, ...]]:
    r"""Markdown inline markup to plain text, and the footnote marks it cited.

    >>> inline("the *Treaty Series*,<sup>4</sup> [A/75/98](#)")
    ('the Treaty Series, A/75/98', ('4',))
    >>> inline("1\\. *Decides*, as in \\*75/1\\*,[^2]")
    ('1. Decides, as in *75/1*,', ('2',))
    """
    text, marks, _ = _inline(text)
    return text, marks


_MARK_AT = "\ue000"  # where a <sup> mark stood, while the passes after it run


def _inline(
    text: str, marks_re: re.Pattern[str] = _SUP, markup: bool = True
) -> tuple[str, tuple[str, ...], tuple[int, ...]]:
    """`inline`, and where each mark stood in the text: after the character before
    its ``<sup>`` (none when the markup around a mark took its place away). With
    ``markup=False`` (plain text) only the marks are taken out.

    >>> _inline("*Recalling* [73/188](#),<sup>1</sup> 74/1<sup>2</sup><sup>3</sup>")
    ('Recalling 73/188, 74/1', ('1', '2', '3'), (17, 22, 22))
    >>> _inline("Recalling 73/188,[^1] 74/1[^2]")
    ('Recalling 73/188, 74/1', ('1', '2'), (17, 22))
    """
    clean = _unmarked if markup else _as_is
    sheltered = markup and "\\" in text
    if sheltered:
        text = _ESCAPED.sub(lambda m: chr(_SHELTER + ord(m.group(1))), text)

    def done(t: str) -> str:
        return t.translate(_RESTORE) if sheltered else t

    if "<sup>" not in text and "[" not in text:
        return done(" ".join(clean(text).split())), (), ()
    marks = tuple(next(g for g in m.groups() if g is not None) for m in marks_re.finditer(text))
    plain = clean(marks_re.sub("", text))
    # the same passes with a stand-in where each mark was: its place in the text
    marked = clean(marks_re.sub(_MARK_AT, text)) if _MARK_AT not in text else ""
    pieces = marked.split(_MARK_AT)
    if len(pieces) != len(marks) + 1 or "".join(pieces) != plain:
        return done(" ".join(plain.split())), marks, ()
    at, pos = [], 0
    for piece in pieces[:-1]:
        pos += len(piece)
        at.append(pos)
    text, placed = collapse(plain, at)
    return done(text), marks, placed


def _as_is(text: str) -> str:
    return text


def _unmarked(text: str) -> str:
    """Text without the markup of links, tags, emphasis and entities (its escaped
    characters already set aside)."""
    # Each pass runs only when the characters it needs are there (most paragraphs have
    # no markup at all); each test is on the text as the passes before it left it.
    if "](" in text:
        text = _LINK.sub(r"\1", text)
    if "<" in text:
        text = _AUTOLINK.sub(r"\1", text)
        text = _TAG.sub(lambda m: " " if m.group(0)[1:3].lower() == "br" else "", text)
    if "__" in text:
        text = _EMPH.sub("", text)
    elif "*" in text:  # no double underscores: every asterisk is markup
        text = text.replace("*", "")
    if "--" in text:
        text = _DASHES.sub(lambda m: "\u2013" if len(m.group(1)) == 2 else "\u2014", text)
    if "&" in text:
        text = html.unescape(text)
    return text


def _bracket_marks(lines: list[str]) -> frozenset[str]:
    """The marks pandoc's CommonMark and plain text write ``[1]``: each one a block
    opens with (its definition, ``[1] A/75/111.``) and the text cites elsewhere too.

    >>> sorted(_bracket_marks(["Recalling,[1] and [2]", "", "[1] A/75/111.", "[2] Ibid."]))
    ['1']
    """
    defined = {
        m.group(1)
        for k, ln in enumerate(lines)
        if (k == 0 or not lines[k - 1].strip()) and (m := _BRACKET_DEF.match(ln.strip()))
    }
    text = "\n".join(lines)
    return frozenset(d for d in defined if text.count(f"[{d}]") > 1)


def clean_markdown(text: str, markup: bool = True) -> Cleaned:
    """Blocks and footnotes of a Markdown document.

    With ``markup=False`` (plain text) only blank lines separate blocks and
    nothing is taken for markup: an asterisk stays an asterisk (pandoc's footnotes,
    ``[1]`` and a block ``[1] A/75/111.``, aside).

    >>> c = clean_markdown("Noting it,[^1]\\n\\n[^1]: United Nations, Treaty Series,\\n    No. 1.\\n")
    >>> [(b.text, b.footnotes, b.marks_at) for b in c.blocks], c.footnotes[0].text
    ([('Noting it,', ('1',), (10,))], 'United Nations, Treaty Series, No. 1.')
    """
    blocks: list[Block] = []
    footnotes: list[Footnote] = []
    cur: list[tuple[int, str]] = []
    lines = text.split("\n")
    bracketed = _bracket_marks(lines) if "[" in text else frozenset()
    marks_re: re.Pattern[str] | None = _SUP if markup else None
    if bracketed:
        cited = r"\[(" + "|".join(re.escape(d) for d in sorted(bracketed)) + r")\](?!\()"
        marks_re = re.compile(f"{_SUP.pattern}|{cited}" if markup else cited)
    note: list[tuple[int, str]] = []  # the lines of a pandoc footnote being read
    mark = ""
    blank = True  # whether the line before was blank (or there was none)

    def flush() -> None:
        if cur:
            blocks.append(_block(cur, marks_re, markup=markup))
            cur.clear()

    def end_note() -> None:
        if note:
            body = " ".join(s for _, s in note)
            body = inline(body)[0] if markup else " ".join(body.split())
            footnotes.append(Footnote(mark=mark, text=body, lines=(note[0][0], note[-1][0])))
            note.clear()

    for no, raw in enumerate(lines, 1):
        s = raw.strip()
        after_blank, blank = blank, not s
        if note:
            # a footnote goes on to the next blank line, and over it to a line pandoc
            # indented as the note's next paragraph
            if s and (not after_blank or raw.startswith(" " * NOTE_INDENT) or raw[:1] == "\t"):
                note.append((no, s))
                continue
            if not s:
                continue
            end_note()
        if not s or (markup and _PAGE_BREAK.match(s)):
            flush()
            continue
        d = _NOTE_DEF.match(s) if markup else None
        if d is None and bracketed and after_blank:
            d = _BRACKET_DEF.match(s)
            d = d if d and d.group(1) in bracketed else None
        if d:
            flush()
            mark = d.group(1)
            note.append((no, d.group(2)))
            continue
        if not markup:
            cur.append((no, s))
            continue
        m = _FOOTNOTE_BODY.match(s)
        if m:
            flush()
            body, _ = inline(m.group(2))
            footnotes.append(Footnote(mark=m.group(1), text=body, lines=(no, no)))
            continue
        if _HEADING.match(s) or (s.startswith("**") and s.rstrip().endswith("**")):
            flush()
            cur.append((no, _HEADING.sub("", s)))
            blocks.append(_block(cur, marks_re, heading=True))
            cur.clear()
            continue
        if _LIST.match(s) or _NUMBER_MD.match(s) or _SUBPARA_MD.match(s):
            # a list item or numbered paragraph starts a block even without a blank line
            flush()
            s = _LIST.sub("", s)
        cur.append((no, s))
    end_note()
    flush()
    return Cleaned(blocks=join_page_splits(blocks), footnotes=tuple(footnotes))


def _block(
    lines: list[tuple[int, str]],
    marks_re: re.Pattern[str] | None = _SUP,
    heading: bool = False,
    markup: bool = True,
) -> Block:
    raw = " ".join(s for _, s in lines)
    span = (lines[0][0], lines[-1][0])
    if not markup:
        n = _NUMBER.match(raw) or _SUBPARA.match(raw)
        number = n.group(1) if n else None
        rest = raw[n.end() :] if n else raw
        if marks_re is None:  # no markup at all
            return Block(text=" ".join(rest.split()), lines=span, number=number)
        text, marks, at = _inline(rest, marks_re, markup=False)
        return Block(text=text, lines=span, footnotes=marks, marks_at=at, number=number)
    lead_m = _LEAD.match(raw)
    number = None
    n = _NUMBER_MD.match(raw) or _SUBPARA_MD.match(raw)
    if n and not heading:
        number = n.group(1) if n.re is _NUMBER_MD else f"({n.group(1)})"
        raw = raw[n.end() :]
    text, marks, at = _inline(raw, marks_re or _SUP)
    lead = None
    if lead_m and not heading:
        lead, _ = inline(lead_m.group(1))
        lead = lead.rstrip(",;:") or None
    return Block(
        text=text,
        lines=span,
        lead=lead,
        footnotes=marks,
        marks_at=at,
        heading=heading,
        number=number,
    )
