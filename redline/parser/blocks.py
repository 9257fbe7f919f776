"""The intermediate form both cleaners produce: blocks of clean text.

A `Block` is one paragraph candidate with its source line range, its text with
page furniture removed, and what the cleaner learned about it (an italic lead
phrase, footnote marks, whether it was a heading).
"""

from __future__ import annotations

from dataclasses import dataclass

from redline.model import Footnote


@dataclass(frozen=True)
class Block:
    """A paragraph candidate."""

    text: str
    lines: tuple[int, int]
    lead: str | None = None
    """Lead phrase marked by italics in the source (Markdown, docx)."""
    footnotes: tuple[str, ...] = ()
    marks_at: tuple[int, ...] = ()
    """PDF only: where each mark stands in `text` (an offset)."""
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
