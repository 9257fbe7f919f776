"""Word-level diffs of two paragraph texts.

The only module that imports ``diff_match_patch``. Each distinct word token is
mapped to one character (the diff-match-patch "line mode" recipe, applied to
words), the character strings are diffed, cleaned up *in token space* so a
change never starts or ends inside a word, and decoded back to text.

>>> diff_words("Urges all States", "Urges some States")
(Segment(op='=', text='Urges '), Segment(op='-', text='all'), Segment(op='+', text='some'), \
Segment(op='=', text=' States'))
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections import Counter
from itertools import repeat

from diff_match_patch import diff_match_patch  # type: ignore[import-untyped]

from redline.model import DELETE, EQUAL, INSERT, Segment

# --- tokens -----------------------------------------------------------------------

# Ideographs are words of their own: Chinese has no spaces, and one "word" per
# sentence would turn every edit into a whole-sentence replacement.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Combining marks (decomposed accents, Cyrillic, Hebrew and Arabic vowel marks),
# the soft hyphen and zero-width (non-)joiners are not ``\w`` but belong to the
# word they sit in; without them an NFD "é" would split a word in two.
_MARKS = (
    "\u00ad\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    "\u06d6-\u06ed\u1ab0-\u1aff\u1dc0-\u1dff\u200c\u200d\u20d0-\u20ff\ufe20-\ufe2f"
)
# Marks that join two runs of letters or digits into one word, so that a
# reference changes as a whole: "money-laundering", "region’s", "e.g", "3.5",
# "73/188", "A/C.3/75/L.8/Rev.1", "2017–2021" (an en dash between years is a
# range, one date), "1,000" (a comma only between digits: "States,and" is a typo
# we still want to see as two words). Spaced dashes (" – ") stay punctuation.
_JOIN = "(?:[-\u2010\u2011'\u2019./\u2013]|(?<=\\d),)"
_CJK_FIRST = "\u3400"
"""No character of `_CJK` lies below this one."""


def _patterns(cjk: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The token and word patterns; `cjk` is the ideograph class, or "" for none.

    A run of letters is taken a stretch of plain letters at a time: no character
    is both a letter and a mark, so the run is the same, found in fewer steps.
    """
    letter = f"[^\\W{cjk}]" if cjk else "\\w"
    run = f"(?:{letter}+|[{_MARKS}])+"
    ideograph = f"|[{cjk}]" if cjk else ""
    token = re.compile(f"{run}(?:{_JOIN}{run})*{ideograph}|\\s+|.", re.DOTALL)
    return token, re.compile(f"{letter}|[{_MARKS}]{ideograph}")


# Text with no character at or above `_CJK_FIRST` (nearly every UN text in a
# Latin or Cyrillic script) is split by the plain patterns; they find the same
# tokens there, and compile in a tenth of the time (the ideograph ranges cost
# the regex compiler about 4 ms, at every start of the program).
_PLAIN_TOKEN, _PLAIN_WORD = _patterns("")


@functools.cache
def _full() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The patterns that split ideographs, compiled on first need."""
    return _patterns(_CJK)


def _token_pattern(text: str) -> re.Pattern[str]:
    return _PLAIN_TOKEN if not text or max(text) < _CJK_FIRST else _full()[0]


STOP_WORDS = frozenset(
    "a an and as at be by for from in into is its of on or that the their to which with".split()
)
"""Short words that do not deserve their own kept run between two changes."""


def tokenize(text: str) -> list[str]:
    """Split text into words, runs of whitespace and single punctuation marks.

    ``"".join(tokenize(t)) == t`` for every string.

    >>> tokenize("Decides to convene")
    ['Decides', ' ', 'to', ' ', 'convene']
    >>> tokenize("resolution 73/188 of 17 December 2018;")[2:5]
    ['73/188', ' ', 'of']
    """
    return _token_pattern(text).findall(text)


def is_word(token: str) -> bool:
    """True for a word token (letters, digits, ideographs), not space or punctuation.

    >>> is_word("73/188"), is_word(";"), is_word(" ")
    (True, False, False)
    """
    # The first character decides; below `_CJK_FIRST` the plain pattern does.
    if token < _CJK_FIRST:
        return _PLAIN_WORD.match(token) is not None
    return _full()[1].match(token) is not None


def word_bag(text: str) -> Counter[str]:
    """The words of a text as a multiset, case-folded, for `quick_similarity`.

    Precompute one per paragraph; comparing two bags is cheap.

    >>> sorted(word_bag("Urges States; urges all").items())
    [('all', 1), ('states', 1), ('urges', 2)]
    """
    return Counter(t.casefold() for t in tokenize(text) if is_word(t))


# --- tuning -----------------------------------------------------------------------

MAX_DIRECT_CELLS = 250_000
"""Largest old×new token product handed to diff-match-patch whole. Its cost grows
with the product for unrelated texts (about 25 ms here at this size); larger
inputs are first split at words that occur once on each side (patience anchors)."""

UNRELATED_BELOW = 0.3
"""Dice coefficient of the punctuation and words of a large stretch (over
`UNRELATED_MIN_CELLS`) under which it is shown as one deletion and one insertion
without diffing: 0 never, 1 always. Unrelated text is the costliest case for the
diff, and after semantic cleanup it would read as one replacement anyway."""

UNRELATED_MIN_CELLS = 10_000
"""old×new token product from which `UNRELATED_BELOW` applies (about 50 words a side)."""

MAX_ANCHOR_DEPTH = 3
"""How many times a large stretch is split at anchors before a stretch still too
large (and with no anchors) is shown as one deletion and one insertion."""

FOLD_MIN_WORDS = 2
"""A kept run of only stop words and punctuation between two changes is folded
into them when each change has at least this many words on one side: 1 folds
"-Urges+Encourages the -States+countries" into one change, 2 keeps it as two."""


# --- the diff ---------------------------------------------------------------------

# The code points that stand for tokens: private use first (easy to spot when
# debugging), then the supplementary planes, then the rest of the BMP. Never a
# surrogate. Python's diff-match-patch works on code points, so any of them is safe.
_CODE_RANGES = ((0xE000, 0xF900), (0x10000, 0x110000), (0x0, 0xD800), (0xF900, 0x10000))
# The codes of a codec shared by many diffs (`Words`): private use only. diff-match-
# patch's semantic cleanup scores a boundary by whether the characters there are
# alphanumeric or whitespace; a private-use character is neither, like every code of
# a diff with at most `_PRIVATE_BMP` distinct tokens, so the diffs come out the same.
_PRIVATE_RANGES = ((0xE000, 0xF900), (0xF0000, 0xFFFFE), (0x100000, 0x10FFFE))
_PRIVATE_BMP = 0xF900 - 0xE000


def _code_point(index: int, ranges: tuple[tuple[int, int], ...] = _CODE_RANGES) -> str:
    for start, stop in ranges:
        if index < stop - start:
            return chr(start + index)
        index -= stop - start
    raise ValueError("more distinct tokens than Unicode has code points")


class _Codec:
    """Tokens to characters and back, shared by the texts of one diff (or of many)."""

    def __init__(self, ranges: tuple[tuple[int, int], ...] = _CODE_RANGES) -> None:
        self.chars: dict[str, str] = {}
        self.tokens: dict[str, str] = {}
        self.words: set[str] = set()
        """The characters that stand for word tokens."""
        self.folded: dict[str, str] = {}
        """Word character -> its word case-folded, for word bags."""
        self._ranges = ranges

    def encode(self, tokens: list[str]) -> str:
        chars = self.chars
        # New tokens get codes in order of first appearance; then one pass in C.
        for t in dict.fromkeys(tokens):
            if t not in chars:
                c = _code_point(len(chars), self._ranges)
                chars[t] = c
                self.tokens[c] = t
                if is_word(t):
                    self.words.add(c)
                    self.folded[c] = t.casefold()
        return "".join(map(chars.__getitem__, tokens))

    def decode(self, chars: str) -> str:
        return "".join(map(self.tokens.__getitem__, chars))

    def count_words(self, chars: str) -> int:
        """How many of the characters stand for words."""
        return sum(map(self.words.__contains__, chars))


def _engine() -> diff_match_patch:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # never the clock: the same inputs give the same diff
    return dmp


_DMP = _engine()

_Diff = list[tuple[int, str]]  # diff-match-patch's own form: (-1|0|1, chars)


def _anchors(a: str, b: str) -> list[tuple[int, int]]:
    """Positions of characters found exactly once in each text, longest increasing chain."""
    count_a = Counter(a)
    count_b = Counter(b)
    where_b = {c: j for j, c in enumerate(b) if count_b[c] == 1}
    pairs = [(i, where_b[c]) for i, c in enumerate(a) if count_a[c] == 1 and c in where_b]
    return longest_chain(pairs)


def longest_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of `pairs` (sorted by their first place) increasing in the second
    too: patience sorting, O(k log k). Also `redline.align`'s anchors of paragraphs.

    >>> longest_chain([(0, 2), (1, 0), (2, 1), (3, 3)])
    [(1, 0), (2, 1), (3, 3)]
    """
    tails: list[int] = []  # smallest second place ending a run of each length
    tail_at: list[int] = []  # position in `pairs` of that run's last pair
    back: list[int] = []
    for k, (_, j) in enumerate(pairs):
        pos = bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[pos] = j
            tail_at[pos] = k
        back.append(tail_at[pos - 1] if pos else -1)
    chain = []
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        chain.append(pairs[k])
        k = back[k]
    return chain[::-1]


def _unrelated(a: str, b: str, codec: _Codec) -> bool:
    """Do two encoded stretches share too few non-space tokens to be worth diffing?"""
    bag_a = Counter(c for c in a if not codec.tokens[c].isspace())
    bag_b = Counter(c for c in b if not codec.tokens[c].isspace())
    return quick_similarity(bag_a, bag_b) < UNRELATED_BELOW


def _diff_chars(a: str, b: str, codec: _Codec, depth: int = 0) -> _Diff:
    """diff-match-patch on encoded texts, split at anchors when too large to diff whole."""
    if len(a) * len(b) <= UNRELATED_MIN_CELLS:
        return list(_DMP.diff_main(a, b, False))
    n = _DMP.diff_commonPrefix(a, b)
    head, a, b = a[:n], a[n:], b[n:]
    n = _DMP.diff_commonSuffix(a, b)
    tail = a[len(a) - n :] if n else ""
    a, b = a[: len(a) - n], b[: len(b) - n]
    diffs: _Diff = [(0, head)] if head else []
    if len(a) * len(b) > UNRELATED_MIN_CELLS and _unrelated(a, b, codec):
        diffs += [(-1, a), (1, b)]
    elif len(a) * len(b) <= MAX_DIRECT_CELLS:
        diffs += _DMP.diff_main(a, b, False)
    elif depth >= MAX_ANCHOR_DEPTH or not (chain := _anchors(a, b)):
        diffs += [(-1, a), (1, b)]
    else:
        i0 = j0 = 0
        for i, j in chain:
            diffs += _diff_chars(a[i0:i], b[j0:j], codec, depth + 1)
            diffs.append((0, a[i]))
            i0, j0 = i + 1, j + 1
        diffs += _diff_chars(a[i0:], b[j0:], codec, depth + 1)
    if tail:
        diffs.append((0, tail))
    return [d for d in diffs if d[1]]


class Words:
    """Tokens, word counts and diffs shared by all the diffs of one comparison.

    Each text is tokenized and encoded once however many times it is scored or
    diffed, one codec serving them all; the diff `similarity` makes of a pair is
    kept for `diff` of the same pair. The results are those of `similarity` and
    `diff_words`, which use a fresh one each call.
    """

    def __init__(self) -> None:
        self._codec = _Codec(_PRIVATE_RANGES)
        self._encoded: dict[str, str | None] = {}
        self._counts: dict[str, int] = {}
        self._bags: dict[str, Counter[str]] = {}
        self._raw: dict[tuple[str, str], tuple[_Diff, _Codec]] = {}
        self._diffs: dict[tuple[str, str], tuple[Segment, ...]] = {}

    def _encode(self, text: str) -> str | None:
        """The text in the shared codec; None once the codec has no codes left."""
        if text in self._encoded:
            return self._encoded[text]
        try:
            enc: str | None = self._codec.encode(tokenize(text))
        except ValueError:
            enc = None
        self._encoded[text] = enc
        return enc

    def count(self, text: str) -> int:
        """How many words the text has."""
        n = self._counts.get(text)
        if n is None:
            enc = self._encode(text)
            if enc is None:
                n = sum(1 for t in tokenize(text) if is_word(t))
            else:
                n = self._codec.count_words(enc)
            self._counts[text] = n
        return n

    def bag(self, text: str) -> Counter[str]:
        """`word_bag` of the text, made once."""
        bag = self._bags.get(text)
        if bag is None:
            enc = self._encode(text)
            if enc is None:
                bag = word_bag(text)
            else:
                codec = self._codec
                bag = Counter(map(codec.folded.__getitem__, filter(codec.words.__contains__, enc)))
            self._bags[text] = bag
        return bag

    def _raw_diff(self, old: str, new: str) -> tuple[_Diff, _Codec]:
        """The diff of the encoded texts (before any cleanup) and the codec it is in."""
        hit = self._raw.get((old, new))
        if hit is None:
            a, b = self._encode(old), self._encode(new)
            codec = self._codec
            if (
                a is None
                or b is None
                or (len(codec.chars) > _PRIVATE_BMP and len(set(a).union(b)) > _PRIVATE_BMP)
            ):
                # Codes past the private-use block, as a diff of this pair alone has them.
                codec = _Codec()
                a, b = codec.encode(tokenize(old)), codec.encode(tokenize(new))
            hit = self._raw[(old, new)] = (_diff_chars(a, b, codec), codec)
        return hit

    def diff(self, old: str, new: str) -> tuple[Segment, ...]:
        """`diff_words` of the two texts."""
        segments = self._diffs.get((old, new))
        if segments is not None:
            return segments
        if old == new:
            segments = (Segment(EQUAL, old),) if old else ()
        else:
            raw, codec = self._raw_diff(old, new)
            diffs = list(raw)  # the cleanups work in place; the raw diff stays as it was
            _DMP.diff_cleanupSemantic(diffs)
            _fold_confetti(diffs, codec)
            _DMP.diff_cleanupMerge(diffs)
            _slide(diffs, codec)
            segments = _segments(diffs, codec)
        self._diffs[(old, new)] = segments
        return segments

    def similarity(self, old: str, new: str) -> float:
        """`similarity` of the two texts."""
        if old == new:
            return 1.0
        total = self.count(old) + self.count(new)
        if not total:
            return 1.0 if old.split() == new.split() else 0.0
        diffs, codec = self._raw_diff(old, new)
        kept = sum(codec.count_words(chars) for op, chars in diffs if op == 0)
        return 2 * kept / total


def diff_words(old: str, new: str) -> tuple[Segment, ...]:
    """Word diff of two texts: kept, deleted and inserted runs of whole words.

    ``old_text(diff) == old`` and ``new_text(diff) == new`` for all inputs.

    >>> diff_words("Welcomes the decision", "Recalls the decision")
    (Segment(op='-', text='Welcomes'), Segment(op='+', text='Recalls'), \
Segment(op='=', text=' the decision'))
    """
    return Words().diff(old, new)


def _is_minor(chars: str, codec: _Codec) -> bool:
    """Only whitespace, punctuation and stop words."""
    tokens = (codec.tokens[c] for c in chars)
    return all(not is_word(t) or t.casefold() in STOP_WORDS for t in tokens)


def _fold_confetti(diffs: _Diff, codec: _Codec) -> None:
    """Fold minor kept runs between two substantial changes into one change, in place.

    "-strongly urges+calls upon = the -Member States+Governments" becomes one
    deletion "strongly urges the Member States" and one insertion.
    """
    i = 1
    while i < len(diffs) - 1:
        if diffs[i][0] != 0 or not _is_minor(diffs[i][1], codec):
            i += 1
            continue
        lo = i
        while lo > 0 and diffs[lo - 1][0] != 0:
            lo -= 1
        hi = i + 1
        while hi < len(diffs) and diffs[hi][0] != 0:
            hi += 1
        left, right = diffs[lo:i], diffs[i + 1 : hi]

        def big(group: _Diff) -> bool:
            return any(codec.count_words(t) >= FOLD_MIN_WORDS for _, t in group)

        ops = {op for op, _ in left + right}
        if not left or not right or ops != {-1, 1} or not (big(left) and big(right)):
            i += 1
            continue
        kept = diffs[i][1]
        deleted = "".join(t for op, t in left if op == -1) + kept
        deleted += "".join(t for op, t in right if op == -1)
        inserted = "".join(t for op, t in left if op == 1) + kept
        inserted += "".join(t for op, t in right if op == 1)
        diffs[lo:hi] = [(-1, deleted), (1, inserted)]
        i = lo + 2


def _boundary(left: str | None, right: str | None) -> int:
    """How well a change boundary reads between two tokens: 4 best … 0 worst."""
    if left is None or right is None:
        return 4  # the edge of the text
    if left.isspace() and not right.isspace():
        return 3  # the change starts at a word: "Urges [all ]States"
    if right.isspace() and not left.isspace():
        return 2  # the change ends at a word
    if not is_word(left) and is_word(right):
        return 1  # after an opening bracket or quote
    return 0


def _slide(diffs: _Diff, codec: _Codec) -> None:
    """Shift each lone insertion or deletion sideways to where it reads best, in place.

    Between "a " and "c", inserting "b" may be " b" or "b "; "b " reads better.
    Shifting keeps both texts: the change moves along a repeat of itself.
    """
    tok = codec.tokens
    for i in range(1, len(diffs) - 1):
        (op_l, eq_l), (op, edit), (op_r, eq_r) = diffs[i - 1], diffs[i], diffs[i + 1]
        if op_l != 0 or op_r != 0 or op == 0:
            continue
        # Leftmost position first, then try every shift to the right.
        while eq_l and eq_l[-1] == edit[-1]:
            eq_l, edit, eq_r = eq_l[:-1], eq_l[-1] + edit[:-1], edit[-1] + eq_r
        best = None
        while True:
            score = _boundary(tok[eq_l[-1]] if eq_l else None, tok[edit[0]])
            score += _boundary(tok[edit[-1]], tok[eq_r[0]] if eq_r else None)
            if best is None or score > best[0]:
                best = (score, eq_l, edit, eq_r)
            if not eq_r or eq_r[0] != edit[0]:
                break
            eq_l, edit, eq_r = eq_l + edit[0], edit[1:] + eq_r[0], eq_r[1:]
        _, eq_l, edit, eq_r = best
        diffs[i - 1], diffs[i], diffs[i + 1] = (0, eq_l), (op, edit), (0, eq_r)


def _segments(diffs: _Diff, codec: _Codec) -> tuple[Segment, ...]:
    """Decode to text, merging neighbours of the same op and dropping empty runs."""
    ops = {0: EQUAL, -1: DELETE, 1: INSERT}
    out: list[Segment] = []
    for op, chars in diffs:
        if not chars:
            continue
        text = codec.decode(chars)
        if out and out[-1].op == ops[op]:
            out[-1] = Segment(ops[op], out[-1].text + text)
        else:
            out.append(Segment(ops[op], text))
    return tuple(out)


# --- similarity -------------------------------------------------------------------


def quick_similarity(old_bag: Counter[str], new_bag: Counter[str]) -> float:
    """Dice coefficient of two word bags: 0 no word shared … 1 same words.

    Never below `similarity` of the same texts, so a pair under a threshold here
    is under it there too (a cheap prefilter). Two empty bags give 1.0.

    >>> quick_similarity(word_bag("Urges all States"), word_bag("Urges some States"))
    0.6666666666666666
    """
    total = sum(old_bag.values()) + sum(new_bag.values())
    if not total:
        return 1.0
    small, large = (old_bag, new_bag) if len(old_bag) <= len(new_bag) else (new_bag, old_bag)
    shared = sum(map(min, small.values(), map(large.get, small, repeat(0))))
    return 2 * shared / total


def similarity(old: str, new: str) -> float:
    """Share of words kept in order: 2·kept / (old words + new words), 0 … 1.

    Texts with no words at all count as identical when their punctuation is.

    >>> similarity("Urges all States", "Urges some States")
    0.6666666666666666
    """
    return Words().similarity(old, new)
