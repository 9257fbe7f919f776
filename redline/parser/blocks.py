"""The intermediate form every reader produces: blocks of clean text.

A `Block` is one paragraph candidate with its source line range, its text with
page furniture removed, and what the cleaner learned about it (an italic lead
phrase, footnote marks, whether it was a heading).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from redline.model import Footnote
from redline.parser.vocab import GENERAL_ASSEMBLY


@dataclass(frozen=True)
class Block:
    """A paragraph candidate."""

    text: str
    lines: tuple[int, int]
    lead: str | None = None
    """Lead phrase marked by italics in the source (Markdown, docx, PDF)."""
    footnotes: tuple[str, ...] = ()
    marks_at: tuple[int, ...] = ()
    """Where each mark of `footnotes` stands in `text`: an offset, right after the
    character the mark follows (``"Recalling,"`` then ``¹``: 10); empty when the reader
    does not know where one of them stood."""
    bare: tuple[int, ...] = ()
    """PDF text only: where a number printed alone on a line after the block's first
    stands in `text` (an offset): pdftotext prints a footnote mark it cannot set at
    its word so, ``-layout`` below the word's line, the default mode at the page's
    foot (`redline.parser.footnotes.attach_marks` decides whether it is one)."""
    heading: bool = False
    other: bool = False
    """Not part of the resolution proper (an annex after the adoption line)."""
    number: str | None = None
    """Operative number (``"5"``) or sub-paragraph letter (``"(a)"``) as printed."""


@dataclass(frozen=True)
class Cleaned:
    """A text after its format's noise is removed."""

    blocks: tuple[Block, ...]
    footnotes: tuple[Footnote, ...]
    meta: tuple[str, ...] = ()
    """Header and closing lines that are not paragraphs (Distr., dates, meeting)."""
    header: tuple[tuple[int, str], ...] = ()
    """PDF text only: the lines before "The General Assembly," with line numbers."""


_WORD = re.compile(r"\S+")


def collapse(text: str, at: Sequence[int] = ()) -> tuple[str, tuple[int, ...]]:
    """`text` with its blanks collapsed (one space between words, none at either end),
    as ``" ".join(text.split())``, and each offset of `at` moved with it; an offset in
    or at a run of blanks stands right after the word before it (a footnote mark
    follows the word it was set after).

    >>> collapse("  Recalling,  its ", (12, 13, 17))
    ('Recalling, its', (10, 10, 14))
    """
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    out = " ".join(text[s:e] for s, e in words)
    starts = [s for s, _ in words]
    placed: list[int] = []
    new = 0  # where the words before the k-th start in `out`
    first: list[int] = []
    for s, e in words:
        first.append(new)
        new += e - s + 1
    for o in at:
        k = bisect_left(starts, o)  # the words before k start before `o`
        if k == 0:
            placed.append(0)
            continue
        s, e = words[k - 1]
        placed.append(first[k - 1] + min(o, e) - s)
    return out, tuple(placed)


def join_page_splits(
    blocks: list[Block], breaks: Sequence[bool] | None = None
) -> tuple[Block, ...]:
    """Join a paragraph's two halves separated by a page break and footnotes (the
    Markdown and Word readers: a continuation starts in lower case).

    With `breaks` (Word: for each block, whether a page break, a rule or a footnote
    body stands before it), what a .docx redline keeps decides: a continuation in
    lower case after a block not ending ``.`` ``;`` ``:`` joins it, italic, bold or
    not; one in capitals after a block ending in a lower-case letter only across a
    break. So reading redline's own .docx back joins exactly what reading its source
    did (it writes no italics or bold for a plain paragraph, and no breaks).

    "The General Assembly," is never joined to either neighbour, nor the block before
    it (the title, "Oceans and the law of the sea", typed or written by ``pandoc -t
    plain`` above it) to the one before that: a page break does not fall inside a
    resolution's header.

    The halves of a run of joins are collected and joined once (joining them one by
    one copied the growing text each time: 100,000 short lines took minutes).

    >>> [b.text for b in join_page_splits([Block("to the", (1, 1)), Block("report", (3, 3))])]
    ['to the report']
    >>> [b.text for b in join_page_splits([Block("", (1, 1), footnotes=("1",)),
    ...                                    Block("report", (3, 3))])]
    ['', 'report']
    >>> [b.text for b in join_page_splits([Block("Oceans and the law of the sea", (1, 1)),
    ...                                    Block("The General Assembly,", (3, 3))])]
    ['Oceans and the law of the sea', 'The General Assembly,']
    """
    groups: list[list[Block]] = []
    end = ""  # the last character of the last group's text, trailing blanks left out
    frame = [GENERAL_ASSEMBLY.match(b.text) is not None for b in blocks]
    for k, b in enumerate(blocks):
        prev = groups[-1][0] if groups else None
        # "The General Assembly," and the title above it open their own paragraphs
        fixed = frame[k] or (k > 0 and frame[k - 1]) or (k + 1 < len(blocks) and frame[k + 1])
        # a block of footnote marks alone (no text: end is "") has nothing to continue
        lower = b.text[:1].islower() and end not in ("", ".", ";", ":")
        # "… against Transnational" + page break + "Organized Crime, held in …"
        capital = end.islower()
        if (
            prev is not None
            and b.number is None
            and not fixed
            and (
                (not prev.heading and not b.heading and b.lead is None and (lower or capital))
                if breaks is None
                else lower or (breaks[k] and capital and not prev.heading and not b.heading)
            )
        ):
            groups[-1].append(b)
            end = b.text.rstrip()[-1:] or end
        else:
            groups.append([b])
            end = b.text.rstrip()[-1:]
    out = []
    for group in groups:
        first = group[0]
        if len(group) == 1:
            out.append(first)
            continue
        out.append(
            Block(
                text=" ".join(x.text for x in group),
                lines=(first.lines[0], group[-1].lines[1]),
                lead=first.lead,
                footnotes=tuple(m for x in group for m in x.footnotes),
                marks_at=joined_marks(group),
                number=first.number,
            )
        )
    return tuple(out)


def joined_marks(group: Sequence[Block]) -> tuple[int, ...]:
    """Where the marks of `group`'s blocks stand in their texts joined by spaces; none
    when the place of one of them is not known.

    >>> joined_marks([Block("to the", (1, 1), footnotes=("1",), marks_at=(2,)),
    ...                Block("report,", (3, 3), footnotes=("2",), marks_at=(7,))])
    (2, 14)
    """
    at: list[int] = []
    shift = 0
    for b in group:
        if len(b.marks_at) != len(b.footnotes):
            return ()
        at.extend(shift + o for o in b.marks_at)
        shift += len(b.text) + 1
    return tuple(at)
