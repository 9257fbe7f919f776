"""Extraction noise: differences a PDF text extractor makes, not a drafter.

Pure text logic for `redline.compare`, which decides with it that a paragraph
is `Status.TYPOGRAPHIC` (shown dimmed, not counted as changed words, ignored by
`check` unless ``--strict``). Two texts differ only by noise when, walked
character by character (after `fold`), every difference is one of:

- a space inside a word, when joining it gives the other text's word there and
  one of the two pieces is not a word of both documents (``establis hing`` ->
  ``establishing``, ``r eligious``; but ``a part`` vs ``apart``, two real words,
  is a change);
- a space next to punctuation (``( a)`` vs ``(a)``);
- a space before a hyphen that is glued to the next word (``Secretary -General``,
  ``sub -item``), or after a hyphen unless a conjunction follows (``non-
  governmental``; ``short- and long-term`` stays as printed);
- a hyphen between two letters dropped (``followup`` for ``follow-up``, a line-end
  hyphen the extractor removed); a hyphen replaced by a space (``two State``) is
  a change;
- a soft hyphen or zero-width character; quote and dash style (`fold`);
- a footnote number glued to the word or number before it (``Crime5``,
  ``20143``) when the caller says that mark is a lost footnote citation.

Anything else, a letter, a digit or a case changed, is a real difference.

>>> artefacts_only("the establis hing of", "the establishing of", known={"the", "of"})
True
>>> artefacts_only("a part", "apart", known={"a", "part"})
False
>>> artefacts_only("form", "from", known=set())
False
"""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import dataclass

from redline.model import fold

__all__ = ["Noise", "artefacts_only", "walk"]

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_CONJUNCTIONS = frozenset({"and", "or", "nor", "to", "and/or", "et", "ou", "y", "o"})
"""Words after which ``X- and Y-Z`` is a real, printed hyphen-space."""


@dataclass(frozen=True)
class Noise:
    """What a walk found: whether only noise differs, and the glued marks it skipped."""

    only: bool
    old_marks: tuple[str, ...] = ()
    """Footnote marks glued to a word of the old text (``Crime5`` -> ``"5"``)."""
    new_marks: tuple[str, ...] = ()


def _word_at(s: str, i: int, step: int) -> str:
    """The run of word characters of ``s`` from ``i`` going left (-1) or right (1)."""
    j = i
    while 0 <= j < len(s) and s[j].isalnum():
        j += step
    return s[j + 1 : i + 1] if step < 0 else s[i:j]


def _canon_gap(gap: str, right_word: str) -> str:
    """A run of spaces and hyphens between two characters, as noise-blind as is safe."""
    if not gap:
        return ""
    if gap.isspace():
        return " "
    core = gap.strip()
    if core != "-":
        return " ".join(gap.split())
    before, after = gap[0].isspace(), gap[-1].isspace()
    if after and right_word.casefold() in _CONJUNCTIONS:
        return "- "  # "short- and long-term", "burden - and": a printed hyphen-space
    if before and after:
        return " - "  # a spaced dash
    return "-"  # "sub -item", "non- governmental", "follow-up"


def _gap_end(s: str, i: int) -> int:
    while i < len(s) and (s[i].isspace() or s[i] == "-"):
        i += 1
    return i


def walk(
    old: str,
    new: str,
    known: Container[str],
    old_mark: Callable[[str], bool] = lambda _m: False,
    new_mark: Callable[[str], bool] = lambda _m: False,
) -> Noise:
    """Whether ``old`` and ``new`` differ only by extraction noise.

    ``known`` holds the case-folded words of both documents; ``old_mark(d)`` says
    whether digits ``d`` glued to an old word are a lost footnote citation.

    >>> walk("signed in 20143 and", "signed in 2014 and", set(), old_mark={"3"}.__contains__)
    Noise(only=True, old_marks=('3',), new_marks=())
    >>> walk("signed in 20143 and", "signed in 2014 and", set()).only
    False
    """
    a = fold(old.translate(_INVISIBLE))
    b = fold(new.translate(_INVISIBLE))
    if a == b:
        return Noise(True)
    marks: tuple[list[str], list[str]] = ([], [])
    i = j = 0
    left = ""  # the last character both texts share
    while i < len(a) or j < len(b):
        gi, gj = _gap_end(a, i), _gap_end(b, j)
        ga, gb = a[i:gi], b[j:gj]
        ca, cb = a[gi : gi + 1], b[gj : gj + 1]
        if ca != cb and left.isalnum():
            # a footnote number glued to the word before it, on one side only
            side = -1
            if not ga and ca.isdigit() and not cb.isdigit():
                side = 0
            elif not gb and cb.isdigit() and not ca.isdigit():
                side = 1
            if side >= 0:
                s, k = (a, gi) if side == 0 else (b, gj)
                end = k
                while end < len(s) and s[end].isdigit():
                    end += 1
                digits = s[k:end]
                if (old_mark if side == 0 else new_mark)(digits):
                    marks[side].append(digits)
                    if side == 0:
                        i = end
                    else:
                        j = end
                    continue
        if ca != cb:
            return Noise(False)
        if ga != gb and not _gap_ok(a, i, gi, b, j, gj, left, ca, known):
            return Noise(False)
        left = ca
        i, j = gi + 1, gj + 1
    return Noise(True, tuple(marks[0]), tuple(marks[1]))


def _gap_ok(
    a: str, i: int, gi: int, b: str, j: int, gj: int, left: str, right: str, known: Container[str]
) -> bool:
    """Whether two different gaps between the same two characters are noise."""
    word = _word_at(a, gi, 1)
    x, y = _canon_gap(a[i:gi], word), _canon_gap(b[j:gj], word)
    if x == y:
        return True
    pair = {x, y}
    if not left or not right:
        return pair <= {"", " "}  # a space at either end of a text
    if pair == {"-", ""}:
        return left.isalpha() and right.isalpha()  # "followup" for "follow-up"
    if pair == {" ", ""}:
        if not (left.isalnum() and right.isalnum()):
            return True  # "( a)", "States ,"
        # a space inside a word: one of the pieces must not be a word on its own
        s, start, stop = (a, i, gi) if x == " " else (b, j, gj)
        pieces = (_word_at(s, start - 1, -1), _word_at(s, stop, 1))
        return any(p.casefold() not in known for p in pieces)
    return False


def artefacts_only(old: str, new: str, known: Container[str]) -> bool:
    """`walk` without footnote marks: True when old and new differ only by noise."""
    return walk(old, new, known).only
