"""Markdown converted from UN documents (the corpus report A/75/479) to blocks.

Noise that is not content: ``---`` page-break lines, ``<sup>n</sup>`` markers
(kept as footnote references), footnote bodies (kept as footnotes), emphasis,
``[A/75/98](#)`` links, headings' ``#``. A paragraph split across a page break
(its continuation starts in lower case) is joined again.

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
_SUP = re.compile(r"<sup>\s*([0-9]+|\*+)\s*</sup>")
# Runs inside links and tags are bounded: unbounded, "[a](" or "<a" repeated
# without a closing ) or > made each match scan to the end (quadratic time).
_LINK = re.compile(r"\[([^\]]{0,500})\]\([^)]{0,500}\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]{1,500})>")
# Only the tags converters write; any other <…> (``<script>``, ``<goals>``) is text.
_TAG = re.compile(r"</?(?:sup|sub|br|em|strong|u|a|span)\b[^<>]{0,500}>", re.IGNORECASE)
_EMPH = re.compile(r"(?<!\\)(\*{1,3}|_{2,3})")
_LEAD = re.compile(r"^(?:\d+\.\s+|\([a-z]{1,3}\)\s+)?\*{1,3}([^*]+?)\*{1,3}")
_HEADING = re.compile(r"^#{1,6}\s+")
_LIST = re.compile(r"^[-+]\s+")
_NUMBER = re.compile(r"^(\d{1,3})\.\s+")
_SUBPARA = re.compile(r"^(\([a-z]{1,3}\)|\([ivxl]+\))\s+")


def inline(text: str) -> tuple[str, tuple[str, ...]]:
    """Markdown inline markup to plain text, and the footnote marks it cited.

    >>> inline("the *Treaty Series*,<sup>4</sup> [A/75/98](#)")
    ('the Treaty Series, A/75/98', ('4',))
    """
    text, marks, _ = _inline(text)
    return text, marks


_MARK_AT = "\ue000"  # where a <sup> mark stood, while the passes after it run


def _inline(text: str) -> tuple[str, tuple[str, ...], tuple[int, ...]]:
    """`inline`, and where each mark stood in the text: after the character before
    its ``<sup>`` (none when the markup around a mark took its place away).

    >>> _inline("*Recalling* [73/188](#),<sup>1</sup> 74/1<sup>2</sup><sup>3</sup>")
    ('Recalling 73/188, 74/1', ('1', '2', '3'), (17, 22, 22))
    """
    if "<sup>" not in text:
        return " ".join(_unmarked(text).split()), (), ()
    marks = tuple(m.group(1) for m in _SUP.finditer(text))
    plain = _unmarked(_SUP.sub("", text))
    # the same passes with a stand-in where each mark was: its place in the text
    marked = _unmarked(_SUP.sub(_MARK_AT, text)) if _MARK_AT not in text else ""
    pieces = marked.split(_MARK_AT)
    if len(pieces) != len(marks) + 1 or "".join(pieces) != plain:
        return " ".join(plain.split()), marks, ()
    at, pos = [], 0
    for piece in pieces[:-1]:
        pos += len(piece)
        at.append(pos)
    text, placed = collapse(plain, at)
    return text, marks, placed


def _unmarked(text: str) -> str:
    """Text without the markup of links, tags, emphasis, escapes and entities."""
    # Each pass runs only when the characters it needs are there (most paragraphs have
    # no markup at all); each test is on the text as the passes before it left it.
    if "](" in text:
        text = _LINK.sub(r"\1", text)
    if "<" in text:
        text = _AUTOLINK.sub(r"\1", text)
        text = _TAG.sub(lambda m: " " if m.group(0)[1:3].lower() == "br" else "", text)
    if "__" in text or ("*" in text and "\\" in text):
        text = _EMPH.sub("", text)
    elif "*" in text:  # no escapes and no double underscores: every asterisk is markup
        text = text.replace("*", "")
    if "\\" in text:
        text = text.replace("\\*", "*").replace("\\_", "_").replace("\\[", "[").replace("\\]", "]")
    if "&" in text:
        text = html.unescape(text)
    return text


def clean_markdown(text: str, markup: bool = True) -> Cleaned:
    """Blocks and footnotes of a Markdown document.

    With ``markup=False`` (plain text) only blank lines separate blocks and
    nothing is taken for markup: an asterisk stays an asterisk.
    """
    blocks: list[Block] = []
    footnotes: list[Footnote] = []
    cur: list[tuple[int, str]] = []

    def flush() -> None:
        if cur:
            blocks.append(_block(cur, markup=markup))
            cur.clear()

    for no, raw in enumerate(text.split("\n"), 1):
        s = raw.strip()
        if not s or (markup and _PAGE_BREAK.match(s)):
            flush()
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
            blocks.append(_block(cur, heading=True))
            cur.clear()
            continue
        if _LIST.match(s) or _NUMBER.match(s) or _SUBPARA.match(s):
            # a list item or numbered paragraph starts a block even without a blank line
            flush()
            s = _LIST.sub("", s)
        cur.append((no, s))
    flush()
    return Cleaned(blocks=join_page_splits(blocks), footnotes=tuple(footnotes))


def _block(lines: list[tuple[int, str]], heading: bool = False, markup: bool = True) -> Block:
    raw = " ".join(s for _, s in lines)
    if not markup:
        n = _NUMBER.match(raw) or _SUBPARA.match(raw)
        number = n.group(1) if n else None
        text = " ".join((raw[n.end() :] if n else raw).split())
        return Block(text=text, lines=(lines[0][0], lines[-1][0]), number=number)
    lead_m = _LEAD.match(raw)
    number = None
    n = _NUMBER.match(raw) or _SUBPARA.match(raw)
    if n and not heading:
        number = n.group(1)
        raw = raw[n.end() :]
    text, marks, at = _inline(raw)
    lead = None
    if lead_m and not heading:
        lead, _ = inline(lead_m.group(1))
        lead = lead.rstrip(",;:") or None
    return Block(
        text=text,
        lines=(lines[0][0], lines[-1][0]),
        lead=lead,
        footnotes=marks,
        marks_at=at,
        heading=heading,
        number=number,
    )
