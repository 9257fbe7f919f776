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

import re
from bisect import bisect_left
from collections import Counter

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
_LETTER = f"(?:[^\\W{_CJK}]|[{_MARKS}])"
# Marks that join two runs of letters or digits into one word, so that a
# reference changes as a whole: "money-laundering", "region’s", "e.g", "3.5",
# "73/188", "A/C.3/75/L.8/Rev.1", "2017–2021" (an en dash between years is a
# range, one date), "1,000" (a comma only between digits: "States,and" is a typo
# we still want to see as two words). Spaced dashes (" – ") stay punctuation.
_JOIN = "(?:[-\u2010\u2011'\u2019./\u2013]|(?<=\\d),)"
_TOKEN = re.compile(
    f"{_LETTER}+(?:{_JOIN}{_LETTER}+)*|[{_CJK}]|\\s+|.",
    re.DOTALL,
)
_WORD = re.compile(f"{_LETTER}|[{_CJK}]")

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
    return _TOKEN.findall(text)


def is_word(token: str) -> bool:
    """True for a word token (letters, digits, ideographs), not space or punctuation.

    >>> is_word("73/188"), is_word(";"), is_word(" ")
    (True, False, False)
    """
    return _WORD.match(token) is not None


def word_bag(text: str) -> Counter[str]:
    """The words of a text as a multiset, case-folded, for `quick_similarity`.

    Precompute one per paragraph; comparing two bags is cheap.

    >>> sorted(word_bag("Urges States; urges all").items())
    [('all', 1), ('states', 1), ('urges', 2)]
    """
    return Counter(t.casefold() for t in _TOKEN.findall(text) if _WORD.match(t))


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


def _code_point(index: int) -> str:
    for start, stop in _CODE_RANGES:
        if index < stop - start:
            return chr(start + index)
        index -= stop - start
    raise ValueError("more distinct tokens than Unicode has code points")


class _Codec:
    """Tokens to characters and back, shared by the two texts of one diff."""

    def __init__(self) -> None:
        self.chars: dict[str, str] = {}
        self.tokens: dict[str, str] = {}

    def encode(self, tokens: list[str]) -> str:
        out = []
        for t in tokens:
            c = self.chars.get(t)
            if c is None:
                c = _code_point(len(self.chars))
                self.chars[t] = c
                self.tokens[c] = t
            out.append(c)
        return "".join(out)

    def decode(self, chars: str) -> str:
        return "".join(self.tokens[c] for c in chars)


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
    # Patience sorting: longest chain increasing in b, in O(k log k).
    tails: list[int] = []
    tail_at: list[int] = []
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


def diff_words(old: str, new: str) -> tuple[Segment, ...]:
    """Word diff of two texts: kept, deleted and inserted runs of whole words.

    ``old_text(diff) == old`` and ``new_text(diff) == new`` for all inputs.

    >>> diff_words("Welcomes the decision", "Recalls the decision")
    (Segment(op='-', text='Welcomes'), Segment(op='+', text='Recalls'), \
Segment(op='=', text=' the decision'))
    """
    if old == new:
        return (Segment(EQUAL, old),) if old else ()
    codec = _Codec()
    diffs = _diff_chars(codec.encode(tokenize(old)), codec.encode(tokenize(new)), codec)
    _DMP.diff_cleanupSemantic(diffs)
    _fold_confetti(diffs, codec)
    _DMP.diff_cleanupMerge(diffs)
    _slide(diffs, codec)
    return _segments(diffs, codec)


def _words_in(chars: str, codec: _Codec) -> int:
    return sum(1 for c in chars if _WORD.match(codec.tokens[c]))


def _is_minor(chars: str, codec: _Codec) -> bool:
    """Only whitespace, punctuation and stop words."""
    tokens = (codec.tokens[c] for c in chars)
    return all(not _WORD.match(t) or t.casefold() in STOP_WORDS for t in tokens)


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
            return any(_words_in(t, codec) >= FOLD_MIN_WORDS for _, t in group)

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
    if not _WORD.match(left) and _WORD.match(right):
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
    shared = sum(min(n, large[w]) for w, n in small.items() if w in large)
    return 2 * shared / total


def similarity(old: str, new: str) -> float:
    """Share of words kept in order: 2·kept / (old words + new words), 0 … 1.

    Texts with no words at all count as identical when their punctuation is.

    >>> similarity("Urges all States", "Urges some States")
    0.6666666666666666
    """
    if old == new:
        return 1.0
    old_tokens, new_tokens = tokenize(old), tokenize(new)
    total = sum(1 for t in old_tokens if _WORD.match(t))
    total += sum(1 for t in new_tokens if _WORD.match(t))
    if not total:
        return 1.0 if old.split() == new.split() else 0.0
    codec = _Codec()
    diffs = _diff_chars(codec.encode(old_tokens), codec.encode(new_tokens), codec)
    kept = sum(_words_in(chars, codec) for op, chars in diffs if op == 0)
    return 2 * kept / total
