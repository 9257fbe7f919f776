"""Extraction noise: differences a PDF text extractor makes, not a drafter.

Pure text logic for `redline.compare`, which decides with it that a paragraph
is `Status.TYPOGRAPHIC` (shown dimmed, not counted as changed words, ignored by
`check` unless ``--strict``). Two texts differ only by noise when, walked
character by character (after `fold`), every difference is one of:

- a space inside a word, when joining it gives the other text's word there and
  one of the two pieces is neither a word of both documents nor a short common
  word (``establis hing`` -> ``establishing``, ``r eligious``; but ``a part`` vs
  ``apart``, ``with in`` vs ``within`` are changes);
- a space next to punctuation (``( a)`` vs ``(a)``);
- between two letters, a hyphen dropped, turned into a space or spaced
  (``followup``, ``follow up``, ``follow -up``, ``non- governmental`` for
  ``follow-up``, ``non-governmental``); a spaced dash against none is a change,
  except inside a compound glued in camel case (``Disaster - Resilient`` against
  ``DisasterResilient``, ``Secretary General`` against ``SecretaryGeneral``);
- between digits, a dash spaced differently (``2025- 2034``) or a space cutting
  off a digit or two (``1 7.3``); ``20172021`` for ``2017-2021`` is a change;
- between a letter and a digit, a space or hyphen (``COVID -19related``);
- a soft hyphen or zero-width character; quote and dash style (`fold`);
- a footnote number glued to the word, number or full stop before it (``Crime5``,
  ``20143``, ``Rights.2``) or standing alone (``session 2 and``) when the caller
  says that mark is a lost footnote citation.

Anything else, a letter, a digit or a case changed, is a real difference.

>>> artefacts_only("the establis hing of", "the establishing of", known={"the", "of"})
True
>>> artefacts_only("a part", "apart", known={"a", "part"})
False
>>> artefacts_only("form", "from", known=set())
False
"""

from __future__ import annotations

import os
from collections.abc import Callable, Container
from dataclasses import dataclass

from redline.model import fold

__all__ = ["Noise", "artefacts_only", "walk"]

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))


# Short common words: a space that splits a word into two of these is a change even
# when a document lacks one of them (``within`` -> ``with in``, ``into`` -> ``in to``,
# ``cannot`` -> ``can not``); two words of the documents themselves are a change too.
_COMMON = frozenset(
    """a about above after all also an and any are as at be been before being below but
    by can could day did do does each either every for fore from had has have he her here
    him his how if in into is it its may me more most my no nor not now of off on once one
    only or other our out over own per same she should so some such than that the their
    them then there these they this those thus to too under until up upon us was we were
    what when where whereas which while who whom why will with within without would you
    your ever however thereof therein thereby herein hereby whereby body thing times
    way ways wise""".split()
)


_SPLIT_DIGITS = 2
"""The longest piece of a number a space may cut off as noise: 0 never, 9 any."""
_MARK_AFTER = frozenset(".,;:)\"'")
"""Besides a letter or digit, what a glued footnote number may follow (``Rights.2``)."""


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


def _gap_kind(gap: str) -> str:
    """A run of spaces and hyphens between two characters, by what it prints:
    ``""`` nothing, ``" "`` a space, ``"-"`` a hyphen (spaced on one side at most:
    ``non- governmental``, ``Secretary -General``), ``" - "`` a spaced dash, or the
    run itself, spaces collapsed (``--``).

    >>> [_gap_kind(g) for g in ("", "  ", "- ", " -", " - ", "--")]
    ['', ' ', '-', '-', ' - ', '--']
    """
    if not gap or gap.isspace():
        return " " if gap else ""
    core = gap.strip()
    if core != "-":
        return " ".join(gap.split())
    return " - " if gap[0].isspace() and gap[-1].isspace() else "-"


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
    # the shared start and end need no walk: start after the last character of the
    # common prefix that is no space or hyphen (where the walk would stand too), stop
    # once what is left of both texts is the same piece of the common suffix
    i = j = _shared_start(a, b)
    left = a[i - 1] if i else ""  # the last character both texts share
    tail = _shared_end(a, b, i)
    while i < len(a) or j < len(b):
        if len(a) - i == len(b) - j <= tail:
            break
        gi, gj = _gap_end(a, i), _gap_end(b, j)
        ga, gb = a[i:gi], b[j:gj]
        ca, cb = a[gi : gi + 1], b[gj : gj + 1]
        if ca != cb and (left.isalnum() or left in _MARK_AFTER):
            # a footnote number glued to what precedes it or standing alone, one side only
            sides = ((a, ga, gi, ca, gb + cb), (b, gb, gj, cb, ga + ca))
            for side, (s, g, k, c, other) in enumerate(sides):
                if not c.isdigit() or other[:1].isdigit():
                    continue  # "20143" against "20145": a number, not a mark
                stop = k
                while stop < len(s) and s[stop].isdigit():
                    stop += 1
                alone = g == " " and not s[stop : stop + 1].isalnum()
                if (not g or alone) and (old_mark if side == 0 else new_mark)(s[k:stop]):
                    marks[side].append(s[k:stop])
                    break
            else:
                return Noise(False)
            if side == 0:
                i = stop
            else:
                j = stop
            continue
        if ca != cb:
            return Noise(False)
        if ga != gb and not _gap_ok(a, i, gi, b, j, gj, left, ca, known):
            return Noise(False)
        left = ca
        i, j = gi + 1, gj + 1
    return Noise(True, tuple(marks[0]), tuple(marks[1]))


def _shared_start(a: str, b: str) -> int:
    """Where a walk of two texts may start: after their common prefix, backed off to
    the last character that is no space or hyphen.

    >>> _shared_start("the follow-up", "the followup")
    10
    """
    n = len(os.path.commonprefix((a, b)))
    while n and (a[n - 1].isspace() or a[n - 1] == "-"):
        n -= 1
    return n


def _shared_end(a: str, b: str, start: int) -> int:
    """The length of the common suffix of two texts, past ``start`` in both."""
    most = min(len(a), len(b)) - start
    n = len(os.path.commonprefix((a[::-1][:most], b[::-1][:most])))
    return n


def _gap_ok(
    a: str, i: int, gi: int, b: str, j: int, gj: int, left: str, right: str, known: Container[str]
) -> bool:
    """Whether two different gaps between the same two characters are noise.

    Between two letters a hyphen may be dropped, become a space or gain spaces
    (``followup``, ``follow up``, ``follow -up``, ``Disaster - Resilient`` for
    ``follow-up``); a space may split a word unless both pieces are words
    (``establis hing``, but ``with in`` for ``within`` is a change). Between two
    digits only the spacing of a dash may differ (``2025- 2034``); ``20172021``
    and ``2017 2021`` for ``2017-2021`` are changes. Between a letter and a digit,
    a space or hyphen may be dropped or added (``COVID -19related``). Between a lower-
    and an upper-case letter any of these gaps is noise: no word is printed in camel
    case, so ``SecretaryGeneral`` is ``Secretary-General`` with its hyphen lost, even
    against ``Secretary General`` (two words of the documents).

    >>> _gap_ok("Secretary General", 9, 10, "SecretaryGeneral", 9, 9, "y", "G", {"general"})
    True
    >>> _gap_ok("a part", 1, 2, "apart", 1, 1, "a", "p", {"a", "part"})
    False
    """
    x, y = _gap_kind(a[i:gi]), _gap_kind(b[j:gj])
    if x == y:
        return True
    pair = {x, y}
    if not left or not right:
        return pair <= {"", " "}  # a space at either end of a text
    if not (left.isalnum() and right.isalnum()):
        return pair == {"", " "}  # "( a)", "States ,"
    letters = left.isalpha(), right.isalpha()
    if left.islower() and right.isupper() and pair <= {"", " ", "-", " - "}:
        return True  # a lost hyphen glued a compound: "SecretaryGeneral", "DisasterResilient"
    if pair == {" ", ""}:
        if letters not in ((True, True), (False, False)):
            return True  # "Crime 5", "19 related": no word is made or split
        s, start, stop = (a, i, gi) if x == " " else (b, j, gj)
        pieces = (_word_at(s, start - 1, -1), _word_at(s, stop, 1))
        if letters == (False, False):
            # a space inside a number: pdftotext spaces out a digit or two ("1 7.3",
            # "20 30", a mark "21 6"); two longer numbers ("2017 2021") stay apart
            return min(len(p) for p in pieces) <= _SPLIT_DIGITS
        # a space inside a word: one of the pieces must not be a word on its own
        return any(p.casefold() not in known and p.casefold() not in _COMMON for p in pieces)
    if pair <= {"-", " - "}:
        return True  # a hyphen or dash spaced differently: "2025 -2034", "al -Ahmar"
    if "-" in pair and pair <= {"-", "", " "}:
        return letters != (False, False)  # a hyphen dropped or turned into a space
    return False


def artefacts_only(old: str, new: str, known: Container[str]) -> bool:
    """`walk` without footnote marks: True when old and new differ only by noise."""
    return walk(old, new, known).only
