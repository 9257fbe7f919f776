"""Pair the paragraphs of two versions: which old paragraph became which new one.

The cascade goes cheapest first, like difflib's ``Differ._fancy_replace``:

1. **Anchors.** Paragraphs identical after `normalize` are matched by hashing,
   patience-diff style: keys unique on both sides, longest increasing run, then
   the same inside each gap (with duplicates paired by occurrence), then grown
   forwards and backwards over equal neighbours.
2. **Gaps.** Between two anchors, the leftover paragraphs are paired by word
   similarity (a word-bag prefilter through an inverted index, then
   `worddiff.similarity` on the few candidates), best pair first, keeping
   order. A paragraph whose content went into a run of consecutive lone
   paragraphs of the other side is a split (or a merge).
3. **Sub-paragraphs** (a), (b) are aligned inside their parent once the
   parents are paired.
4. **Moves.** What is still alone is paired across the whole document
   (identical first, then similar above `MOVE_MIN_SIMILARITY`).
5. **Reworded.** What is still alone is paired when two paragraphs share
   enough distinctive wording (runs of words no other paragraph has).
6. **Which moved.** The fewest pairs (then the least alike, then the
   shortest) whose removal leaves every other pair in reading order are
   ``moved``; the rest are in place, renumbered or not.

>>> from redline.model import Paragraph, ParaKind
>>> def op(n, text):
...     return Paragraph(f"OP{n}", ParaKind.OPERATIVE, str(n), text.split()[0], text)
>>> old = [op(1, "Urges States to act;"), op(2, "Decides to remain seized of the matter.")]
>>> new = [op(1, "Welcomes the report;"), op(2, "Urges States to act;"),
...        op(3, "Decides to remain seized of the matter.")]
>>> [(e.status.value, e.old and e.old.label, e.new and e.new.label) for e in align(old, new)]
[('inserted', None, 'OP1'), ('renumbered', 'OP1', 'OP2'), ('renumbered', 'OP2', 'OP3')]
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left, insort
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain

from redline.model import (
    DELETE,
    INSERT,
    Entry,
    Paragraph,
    Segment,
    Status,
    fold,
    new_text,
    old_text,
)
from redline.worddiff import Words, longest_chain, quick_similarity

__all__ = [
    "MAX_CANDIDATES",
    "MOVE_MIN_SIMILARITY",
    "PAIR_MIN_SIMILARITY",
    "PREFILTER_MIN_SIMILARITY",
    "REWORD_MIN_SHARE",
    "REWORD_MIN_SHARED",
    "REWORD_MIN_SIMILARITY",
    "REWORD_SHINGLE",
    "SPLIT_MAX_PIECES",
    "SPLIT_MIN_CONTAINED",
    "SPLIT_MIN_SIMILARITY",
    "align",
    "normalize",
]

# --- tuning ------------------------------------------------------------------------
# Similarities are word-level, from `worddiff.similarity`: 0 unrelated, 1 identical.

PAIR_MIN_SIMILARITY = 0.5  # 0 pairs anything, 1 only identical: in-place edits
MOVE_MIN_SIMILARITY = 0.6  # 0 pairs anything, 1 only identical: a move needs more evidence
PREFILTER_MIN_SIMILARITY = 0.25  # word-bag overlap (0 none, 1 same words) below which
# two paragraphs are never compared, not even as the piece of a split
SPLIT_MIN_SIMILARITY = 0.7  # 0 … 1: old paragraph against the new pieces joined
SPLIT_MIN_CONTAINED = 0.5  # 0 … 1: share of a piece's words the diff against the whole
# keeps: a piece must come from the whole, not merely sit next to it
SPLIT_MAX_PIECES = 8  # most paragraphs one paragraph splits into (or merges from), 2 … ∞
MAX_CANDIDATES = 4  # candidates per paragraph scored with the refined similarity (1 … ∞)
POSTING_LIMIT = 32  # words found in more paragraphs than this (of one gap) are too
# common to propose candidates ("the", "of"): bounds the prefilter to ~linear work
ANCHOR_DEPTH = 4  # levels of patience recursion into gaps (1 … ∞); each level is linear

# A reworded paragraph (a move with edits, or edits in place beyond PAIR_MIN_SIMILARITY)
# is recognised by its distinctive wording: runs of words no other paragraph has.
REWORD_SHINGLE = 3  # words in a run (2 … ∞); one found in a single old and a single
# new paragraph is distinctive of that pair
REWORD_MIN_SHARED = 8  # distinctive runs a reworded pair shares at least (1 … ∞)
REWORD_MIN_SHARE = 0.25  # 0 … 1: those runs as a share of the shorter paragraph's runs
REWORD_MIN_SIMILARITY = 0.35  # 0 … 1: word similarity a reworded pair still needs
# (A/RES/79/183 OP2 -> A/C.3/80/L.30 OP5: 41 runs, 0.33 of them, similarity 0.45)

_RUN_WORD = re.compile(r"\w+")  # a word of a run of wording (`_run_words`)
_JOIN = " "  # what goes between the two pieces of a split (or merge) when joined

# --- normalising -------------------------------------------------------------------

# The folding lives in the model so the renderers can tell a typographic-only
# difference ("region’s" / "region's") from a change of words.
normalize = fold


# --- the work space ----------------------------------------------------------------


@dataclass
class _Work:
    """Both paragraph lists and everything learnt about them so far (indices only)."""

    old: Sequence[Paragraph]
    new: Sequence[Paragraph]
    old_keys: list[str]
    new_keys: list[str]
    o2n: dict[int, int] = field(default_factory=dict)
    """1:1 pairs, old index -> new index (in place and moved)."""
    n2o: dict[int, int] = field(default_factory=dict)
    moved: set[int] = field(default_factory=set)
    """Old indices of pairs that break reading order."""
    splits: dict[int, tuple[int, ...]] = field(default_factory=dict)
    """Old index -> the consecutive new indices (two or more) it became."""
    merges: dict[int, tuple[int, ...]] = field(default_factory=dict)
    """New index -> the consecutive old indices (two or more) it came from."""
    merged_old: set[int] = field(default_factory=set)
    split_new: set[int] = field(default_factory=set)
    words: Words = field(default_factory=Words)
    """Tokens, word bags and diffs, each made once per text (or pair of texts)."""
    # By text, not index: a text repeated many times is scored once.
    _sims: dict[tuple[str, str], float] = field(default_factory=dict)

    def old_used(self, i: int) -> bool:
        return i in self.o2n or i in self.splits or i in self.merged_old

    def new_used(self, j: int) -> bool:
        return j in self.n2o or j in self.merges or j in self.split_new

    def bag(self, is_old: bool, k: int) -> Counter[str]:
        """The word bag of old or new paragraph k, made once per text."""
        return self.words.bag((self.old if is_old else self.new)[k].text)

    def size(self, is_old: bool, k: int) -> int:
        """How many words old or new paragraph k has."""
        return self.words.count((self.old if is_old else self.new)[k].text)

    def sim(self, i: int, j: int) -> float:
        """Refined word similarity of old i and new j, computed once per pair of texts."""
        return self.text_sim(self.old[i].text, self.new[j].text)

    def text_sim(self, a: str, b: str) -> float:
        """`similarity` of two texts, computed once."""
        if a == b:
            return 1.0
        s = self._sims.get((a, b))
        if s is None:
            s = self._sims[(a, b)] = self.words.similarity(a, b)
        return s

    def pair(self, i: int, j: int, moved: bool = False) -> None:
        self.o2n[i] = j
        self.n2o[j] = i
        if moved:
            self.moved.add(i)


# --- 1. anchors --------------------------------------------------------------------


def _lis(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest run of pairs increasing in both indices; pairs sorted by the new one.

    >>> _lis([(2, 0), (0, 1), (1, 2), (3, 3)])
    [(0, 1), (1, 2), (3, 3)]
    """
    return [(i, j) for j, i in longest_chain([(j, i) for i, j in pairs])]


def _anchor(w: _Work, olds: list[int], news: list[int], depth: int) -> None:
    """Pair identical paragraphs of one gap, patience style, then recurse into sub-gaps.

    Keys unique on both sides come first; when there are none (a document
    pasted twice) the k-th occurrence of a text on one side stands for the
    k-th on the other, so duplicates never cost more than a dictionary.
    """
    if not olds or not news or depth > ANCHOR_DEPTH:
        return
    where_old: dict[str, list[int]] = defaultdict(list)
    for i in olds:
        where_old[w.old_keys[i]].append(i)
    where_new: dict[str, list[int]] = defaultdict(list)
    for j in news:
        where_new[w.new_keys[j]].append(j)
    cands = [
        (where_old[k][0], js[0])
        for k, js in where_new.items()
        if len(js) == 1 and len(where_old.get(k, ())) == 1
    ]
    if not cands:
        cands = [
            (i, j)
            for k, js in where_new.items()
            if k in where_old
            for i, j in zip(where_old[k], js, strict=False)
        ]
    if not cands:
        return
    cands.sort(key=lambda p: p[1])
    chain = _lis(cands)
    for i, j in chain:
        w.pair(i, j)
    # Recurse into the gaps the chain leaves, each gap once per level: linear per level.
    for go, gn in _between(chain, olds, news, len(w.old), len(w.new)):
        if go and gn and len(go) + len(gn) < len(olds) + len(news):
            _anchor(w, go, gn, depth + 1)


def _extend(w: _Work, olds: list[int], news: list[int]) -> None:
    """Grow anchors over equal neighbours (within `olds`/`news`), forwards then backwards."""
    pos_o = {i: k for k, i in enumerate(olds)}
    pos_n = {j: k for k, j in enumerate(news)}
    for forward in (True, False):
        step = 1 if forward else -1
        for i in sorted((i for i in olds if i in w.o2n), reverse=not forward):
            ko, kn = pos_o[i], pos_n.get(w.o2n[i])
            if kn is None:
                continue
            while True:
                ko += step
                kn += step
                if not (0 <= ko < len(olds) and 0 <= kn < len(news)):
                    break
                a, b = olds[ko], news[kn]
                if a in w.o2n or b in w.n2o or w.old_keys[a] != w.new_keys[b]:
                    break
                w.pair(a, b)


# --- 2. gaps -----------------------------------------------------------------------


def _between(
    chain: list[tuple[int, int]], olds: list[int], news: list[int], n_old: int, n_new: int
) -> Iterable[tuple[list[int], list[int]]]:
    """Cut `olds` and `news` at the pairs of an increasing chain: the runs between.

    >>> list(_between([(1, 2)], [0, 1, 2], [0, 1, 2, 3], 3, 4))
    [([0], [0, 1]), ([2], [3])]
    """
    bounds = [(-1, -1), *chain, (n_old, n_new)]
    oi = ni = 0
    for (i0, j0), (i1, j1) in zip(bounds, bounds[1:], strict=False):
        go: list[int] = []
        while oi < len(olds) and olds[oi] < i1:
            if olds[oi] > i0:
                go.append(olds[oi])
            oi += 1
        gn: list[int] = []
        while ni < len(news) and news[ni] < j1:
            if news[ni] > j0:
                gn.append(news[ni])
            ni += 1
        yield go, gn


def _gaps(w: _Work, olds: list[int], news: list[int]) -> Iterable[tuple[list[int], list[int]]]:
    """The runs of unpaired paragraphs between consecutive pairs, as (olds, news)."""
    chain = sorted((i, w.o2n[i]) for i in olds if i in w.o2n)
    lone_o = [i for i in olds if not w.old_used(i)]
    lone_n = [j for j in news if not w.new_used(j)]
    for go, gn in _between(chain, lone_o, lone_n, len(w.old), len(w.new)):
        if go and gn:
            yield go, gn


def _candidates(
    w: _Work, olds: list[int], news: list[int], floor: float
) -> list[tuple[float, int, int]]:
    """Pairs worth a closer look, as (word-bag overlap, old, new), largest overlap first.

    An inverted index over word bags proposes at most `MAX_CANDIDATES` new
    paragraphs per old one with an overlap of at least `floor`, never through
    words too common to tell anything: no all-pairs pass, however large the gap.
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for j in news:
        for word in w.bag(False, j):
            postings[word].append(j)
    out: list[tuple[float, int, int]] = []
    for i in olds:
        bag_i, size_i = w.bag(True, i), w.size(True, i)
        # Rank by distinct words shared (counted in C), then measure the best few exactly.
        hits = [postings.get(word, ()) for word in bag_i]
        shared = Counter(chain.from_iterable(js for js in hits if len(js) <= POSTING_LIMIT))
        quick = []
        best = heapq.nsmallest(MAX_CANDIDATES * 2, shared.items(), key=lambda t: (-t[1], t[0]))
        for j, _ in best:
            if not _could_reach(size_i, w.size(False, j), floor):
                continue
            q = quick_similarity(bag_i, w.bag(False, j))
            if q >= floor:
                quick.append((q, i, j))
        quick.sort(key=lambda t: (-t[0], t[2]))
        out += quick[:MAX_CANDIDATES]
    out.sort(key=lambda t: (-t[0], t[1], t[2]))
    return out


def _could_reach(size_a: int, size_b: int, floor: float) -> bool:
    """Whether texts of these word counts could be `floor` similar: the length filter.

    >>> _could_reach(30, 5000, 0.5), _could_reach(30, 40, 0.5)
    (False, True)
    """
    total = size_a + size_b
    return not total or 2 * min(size_a, size_b) / total >= floor


def _scored(
    w: _Work, cands: list[tuple[float, int, int]], floor: float
) -> list[tuple[float, int, int]]:
    """Candidates whose refined similarity reaches `floor`, most similar first.

    The bag overlap never falls below `similarity`, so only candidates whose
    overlap reaches `floor` are scored: the costly diff runs on few pairs.
    """
    out = [(w.sim(i, j), i, j) for q, i, j in cands if q >= floor]
    out = [t for t in out if t[0] >= floor]
    out.sort(key=lambda t: (-t[0], t[1], t[2]))
    return out


class _Chain:
    """Pairs that keep reading order, to test whether another pair would too."""

    def __init__(self, pairs: Iterable[tuple[int, int]] = ()) -> None:
        self.olds: list[int] = []
        self.news: dict[int, int] = {}
        for i, j in sorted(pairs):
            self.add(i, j)

    def fits(self, i: int, j_lo: int, j_hi: int | None = None) -> bool:
        """Would old `i` paired with new `j_lo`…`j_hi` keep every pair in order?"""
        j_hi = j_lo if j_hi is None else j_hi
        pos = bisect_left(self.olds, i)
        if pos < len(self.olds) and self.olds[pos] == i:
            return False
        if pos and self.news[self.olds[pos - 1]] >= j_lo:
            return False
        return not (pos < len(self.olds) and self.news[self.olds[pos]] <= j_hi)

    def add(self, i: int, j: int) -> None:
        if i not in self.news:
            insort(self.olds, i)
        self.news[i] = j


def _pair_gap(w: _Work, olds: list[int], news: list[int]) -> None:
    """Pair the paragraphs of one gap by similarity, in order, then look for splits/merges."""
    cands = _candidates(w, olds, news, PREFILTER_MIN_SIMILARITY)
    chain = _Chain()
    for _, i, j in _scored(w, cands, PAIR_MIN_SIMILARITY):
        if i in w.o2n or j in w.n2o or not chain.fits(i, j):
            continue
        chain.add(i, j)
        w.pair(i, j)
    _splits_and_merges(w, olds, news, cands, chain)


def _splits_and_merges(
    w: _Work,
    olds: list[int],
    news: list[int],
    cands: list[tuple[float, int, int]],
    chain: _Chain,
) -> None:
    """Turn a pair plus lone neighbours into a split (one old, several new) or a merge."""
    in_gap_old, in_gap_new = set(olds), set(news)
    for _, i, j in cands:
        # Only a lone pair, or one paired together, may become a split or a merge.
        if w.o2n.get(i, j) != j or w.n2o.get(j, i) != i:
            continue
        if i in w.splits or i in w.merged_old or j in w.merges or j in w.split_new:
            continue
        # Split: old i -> new j and its lone neighbours.
        _try(w, True, i, j, in_gap_new, chain)
        # Merge: old i and its lone neighbours -> new j.
        if i not in w.splits:
            _try(w, False, j, i, in_gap_old, chain)


def _pieces_fit(
    w: _Work, is_split: bool, one: int, pieces: list[int], floor: float
) -> tuple[float, bool]:
    """How similar `one` is to its `pieces` joined, and whether each piece came from it.

    Word bags first: the joined texts are diffed only when their words could
    beat `floor`. A piece came from the whole when the diff keeps at least
    `SPLIT_MIN_CONTAINED` of its words.
    """
    size_one = w.size(is_split, one)
    size_all = sum(w.size(not is_split, k) for k in pieces)
    if not _could_reach(size_one, size_all, floor):
        return 0.0, False
    bag_all: Counter[str] = Counter()
    for k in pieces:
        bag_all.update(w.bag(not is_split, k))
    if quick_similarity(w.bag(is_split, one), bag_all) <= floor:
        return 0.0, False
    texts = [(w.new if is_split else w.old)[k].text for k in pieces]
    whole = (w.old if is_split else w.new)[one].text
    joined = _JOIN.join(texts)
    s = w.text_sim(whole, joined) if is_split else w.text_sim(joined, whole)
    if s <= floor:
        return s, False
    segs = w.words.diff(whole, joined) if is_split else w.words.diff(joined, whole)
    for text, part in zip(texts, _cut(segs, [len(t) for t in texts], at_new=is_split), strict=True):
        kept = sum(w.words.count(seg.text) for seg in part if seg.op == "=")
        if kept < SPLIT_MIN_CONTAINED * w.words.count(text):
            return s, False
    return s, True


def _try(
    w: _Work,
    is_split: bool,
    one: int,
    other: int,
    in_gap: set[int],
    chain: _Chain,
) -> None:
    """Grow `other` into a run of neighbours that `one` split into (or merged from).

    A neighbour joins the run while it is lone, came from `one` (see
    `_pieces_fit`) and the joined run fits `one` better than before; the run
    becomes a split (or merge) when it has two pieces or more and fits at least
    `SPLIT_MIN_SIMILARITY`.
    """
    paired = w.o2n if is_split else w.n2o
    if paired.get(one) == other:
        current = w.sim(one, other) if is_split else w.sim(other, one)
    else:
        current = 0.0
    used = w.new_used if is_split else w.old_used
    run = [other]
    while len(run) < SPLIT_MAX_PIECES:
        best: tuple[float, list[int]] | None = None
        for grown in ([run[0] - 1, *run], [*run, run[-1] + 1]):
            lone = grown[0] if grown[0] != run[0] else grown[-1]
            if lone not in in_gap or used(lone):
                continue
            # The pieces must keep reading order with every other pair.
            if is_split and not _fits_without(chain, one, grown[0], grown[-1], w.o2n.get(one)):
                continue
            if not is_split and not _fits_merge(chain, grown, one):
                continue
            s, ok = _pieces_fit(w, is_split, one, grown, current)
            if ok and (best is None or s > best[0]):
                best = (s, grown)
        if best is None:
            break
        current, run = best
    if len(run) < 2 or current < SPLIT_MIN_SIMILARITY:
        return
    pieces = tuple(run)
    if is_split:
        if one in w.o2n:
            del w.n2o[w.o2n.pop(one)]
        w.splits[one] = pieces
        w.split_new.update(pieces)
        chain.add(one, pieces[-1])
    else:
        if one in w.n2o:
            del w.o2n[w.n2o.pop(one)]
        w.merges[one] = pieces
        w.merged_old.update(pieces)
        for k in pieces:
            chain.add(k, one)


def _fits_without(chain: _Chain, i: int, a: int, b: int, current: int | None) -> bool:
    """Would old i over new a…b keep order, ignoring i's own current pair?"""
    if current is not None:
        del chain.news[i]
        chain.olds.remove(i)
    ok = chain.fits(i, a, b)
    if current is not None:
        chain.add(i, current)
    return ok


def _fits_merge(chain: _Chain, olds: list[int], j: int) -> bool:
    """Would the old paragraphs `olds` over new j keep order, ignoring their current pairs?"""
    held = [(i, chain.news[i]) for i in olds if i in chain.news]
    for i, _ in held:
        del chain.news[i]
        chain.olds.remove(i)
    ok = all(chain.fits(i, j) for i in olds)
    for i, jj in held:
        chain.add(i, jj)
    return ok


def _core(w: _Work, olds: list[int], news: list[int]) -> None:
    """Align two runs of paragraphs in place: anchors, extension, then each gap.

    Paragraphs already paired (the common head and tail) only bound the gaps.
    """
    _anchor(w, [i for i in olds if not w.old_used(i)], [j for j in news if not w.new_used(j)], 1)
    _extend(w, olds, news)
    for go, gn in list(_gaps(w, olds, news)):
        _pair_gap(w, go, gn)


def _trim(old: Sequence[Paragraph], new: Sequence[Paragraph]) -> tuple[int, int]:
    """How many paragraphs the two texts share, word for word, at the head and the tail.

    >>> from redline.model import Paragraph, ParaKind
    >>> a, b, c = (Paragraph("P1", ParaKind.OTHER, None, "", t) for t in "abc")
    >>> _trim([a, b, c], [a, c])
    (1, 1)
    """
    n = min(len(old), len(new))
    head = 0
    while head < n and old[head].text == new[head].text:
        head += 1
    tail = 0
    while tail < n - head and old[-1 - tail].text == new[-1 - tail].text:
        tail += 1
    return head, tail


# --- 4. moves ----------------------------------------------------------------------


def _moves(w: _Work, olds: list[int], news: list[int], chain: _Chain) -> None:
    """Pair what is still alone across the whole document; out of order means moved."""
    lone_o = [i for i in olds if not w.old_used(i)]
    lone_n = [j for j in news if not w.new_used(j)]
    if not lone_o or not lone_n:
        return
    found: list[tuple[float, int, int]] = []
    by_key: dict[str, deque[int]] = defaultdict(deque)
    for j in lone_n:
        by_key[w.new_keys[j]].append(j)
    taken_o: set[int] = set()
    taken_n: set[int] = set()
    for i in lone_o:
        js = by_key.get(w.old_keys[i])
        if js:
            j = js.popleft()
            found.append((w.sim(i, j), i, j))
            taken_o.add(i)
            taken_n.add(j)
    rest_o = [i for i in lone_o if i not in taken_o]
    rest_n = [j for j in lone_n if j not in taken_n]
    cands = _candidates(w, rest_o, rest_n, MOVE_MIN_SIMILARITY)
    for s, i, j in _scored(w, cands, MOVE_MIN_SIMILARITY):
        if i in taken_o or j in taken_n:
            continue
        found.append((s, i, j))
        taken_o.add(i)
        taken_n.add(j)
    # Most similar first: they claim their place in reading order before weaker ones.
    for _, i, j in sorted(found, key=lambda t: (-t[0], t[1], t[2])):
        in_order = chain.fits(i, j)
        if in_order:
            chain.add(i, j)
        w.pair(i, j, moved=not in_order)


# --- 5. reworded ---------------------------------------------------------------------


def _run_words(text: str) -> list[str]:
    """The words of a text for runs of wording: letters and digits, case-folded.

    >>> _run_words("Urges States, in 2025, to act;")
    ['urges', 'states', 'in', '2025', 'to', 'act']
    """
    return _RUN_WORD.findall(text.lower())


def _shingles(text: str) -> set[tuple[str, ...]]:
    """The runs of `REWORD_SHINGLE` consecutive words of a text.

    >>> sorted(_shingles("Urges all States to act"))
    [('all', 'states', 'to'), ('states', 'to', 'act'), ('urges', 'all', 'states')]
    """
    words = _run_words(text)
    n = REWORD_SHINGLE
    return {tuple(words[k : k + n]) for k in range(len(words) - n + 1)}


def _reworded(w: _Work) -> None:
    """Pair what is still alone when it shares enough distinctive wording, anywhere.

    A run of `REWORD_SHINGLE` words found in exactly one old and one new
    paragraph of the two texts is distinctive ("one of the largest refugee
    populations"); one found in several is boilerplate ("the Islamic Republic
    of Iran"). A lone old and a lone new paragraph are the same content
    reworded when each is the other's best match by distinctive runs shared,
    they share at least `REWORD_MIN_SHARED` of them, that is `REWORD_MIN_SHARE`
    of the shorter one's runs, and their word similarity is at least
    `REWORD_MIN_SIMILARITY`. Linear: runs are made for the lone paragraphs
    only, the others are scanned once for the runs those share.
    """
    lone = (
        [i for i in range(len(w.old)) if not w.old_used(i)],
        [j for j in range(len(w.new)) if not w.new_used(j)],
    )
    if not lone[0] or not lone[1]:
        return
    runs: dict[str, set[tuple[str, ...]]] = {}
    owners: tuple[dict[tuple[str, ...], int], ...] = ({}, {})  # run -> its paragraph, or -1
    for side, paras in enumerate((w.old, w.new)):
        owner = owners[side]
        for k in lone[side]:
            text = paras[k].text
            if text not in runs:
                runs[text] = _shingles(text)
            for r in runs[text]:
                owner[r] = k if owner.get(r, k) == k else -1
    owner_n = owners[1]
    both = {r for r, i in owners[0].items() if i >= 0 and owner_n.get(r, -1) >= 0}
    # A run shared by two lone paragraphs is not distinctive if any other paragraph has it.
    firsts = {r[0] for r in both}
    n = REWORD_SHINGLE
    others = {p.text for k, p in enumerate(w.old) if w.old_used(k)}
    others.update(p.text for k, p in enumerate(w.new) if w.new_used(k))
    for text in others:
        if not both:
            return
        words = _run_words(text)
        for k in [k for k, word in enumerate(words[: len(words) - n + 1]) if word in firsts]:
            both.discard(tuple(words[k : k + n]))
    shared: Counter[tuple[int, int]] = Counter((owners[0][r], owner_n[r]) for r in both)
    best_o: dict[int, tuple[int, int]] = {}  # old -> (runs shared, new), the most
    best_n: dict[int, tuple[int, int]] = {}
    for (i, j), m in sorted(shared.items()):
        if m > best_o.get(i, (0, -1))[0]:
            best_o[i] = (m, j)
        if m > best_n.get(j, (0, -1))[0]:
            best_n[j] = (m, i)
    for i, (m, j) in sorted(best_o.items()):
        if best_n[j][1] != i or m < REWORD_MIN_SHARED:
            continue
        if m < REWORD_MIN_SHARE * min(len(runs[w.old[i].text]), len(runs[w.new[j].text])):
            continue
        if w.sim(i, j) < REWORD_MIN_SIMILARITY:
            continue
        w.pair(i, j)


# --- 6. which pairs moved ------------------------------------------------------------


def _heaviest_chain(items: list[tuple[int, int, int]]) -> set[int]:
    """The old indices of the heaviest run of (old, new, weight) increasing in both.

    A weighted longest increasing subsequence, O(n log n) with a Fenwick tree of
    prefix maxima over old indices; `items` need distinct new indices.

    >>> sorted(_heaviest_chain([(0, 1, 1), (1, 2, 1), (2, 0, 1), (3, 3, 1)]))
    [0, 1, 3]
    >>> sorted(_heaviest_chain([(0, 1, 1), (1, 2, 1), (2, 0, 5), (3, 3, 1)]))
    [2, 3]
    """
    if not items:
        return set()
    items = sorted(items, key=lambda t: t[1])
    rank = {i: r + 1 for r, i in enumerate(sorted({t[0] for t in items}))}
    size = len(rank)
    tree: list[tuple[int, int]] = [(0, -1)] * (size + 1)  # (best weight, item) per node
    back = [-1] * len(items)
    best_end = (0, -1)
    for k, (i, _, weight) in enumerate(items):
        r = rank[i] - 1  # best run ending at an old index strictly below i
        prev = (0, -1)
        while r > 0:
            if tree[r][0] > prev[0]:
                prev = tree[r]
            r -= r & -r
        back[k] = prev[1]
        here = (prev[0] + weight, k)
        if here[0] > best_end[0]:
            best_end = here
        r = rank[i]
        while r <= size:
            if here[0] > tree[r][0]:
                tree[r] = here
            r += r & -r
    out: set[int] = set()
    k = best_end[1]
    while k >= 0:
        out.add(items[k][0])
        k = back[k]
    return out


def _settle_moves(w: _Work) -> None:
    """Call moved the fewest pairs whose removal leaves the others in reading order.

    Among as few, those least alike move (a pair kept almost word for word
    stays where the reader finds it; a reworded one is the move with edits),
    and among those, the shortest. Each 1:1 pair weighs one unit of a tier
    that outweighs everything below it: being a pair, then its similarity in
    thousandths, then its words; the heaviest chain in order stays, what is
    left out moved. A split or merge stays in order (it was found in order),
    and a sub-paragraph moves with its parent.
    """
    n = len(w.o2n)
    words = sum(w.size(True, i) for i in w.o2n) + 1  # more than all words together
    alike = words * (1000 * n + 1)  # more than all similarities and words together
    heavy = 2 * alike * (n + 1)  # more than all 1:1 pairs together
    items = [
        (i, j, alike + round(1000 * w.sim(i, j)) * words + w.size(True, i))
        for i, j in w.o2n.items()
    ]
    items += [(i, js[0], heavy) for i, js in w.splits.items()]
    items += [(min(w.merges[j]), j, heavy) for j in w.merges]
    kept = _heaviest_chain(items)
    w.moved = {i for i in w.o2n if i not in kept}
    # A sub-paragraph whose parent moved moved with it.
    label_at = {p.label: k for k, p in enumerate(w.old)}
    for i in list(w.o2n):
        parent = w.old[i].parent
        while parent is not None and parent in label_at:
            k = label_at[parent]
            if k in w.moved:
                w.moved.add(i)
                break
            parent = w.old[k].parent


# --- entries -----------------------------------------------------------------------


def _family(paras: Sequence[Paragraph]) -> tuple[list[int], dict[str, list[int]]]:
    """Top-level paragraph indices, and child indices by parent label."""
    labels = {p.label for p in paras}
    top: list[int] = []
    kids: dict[str, list[int]] = defaultdict(list)
    for k, p in enumerate(paras):
        if p.parent and p.parent in labels:
            kids[p.parent].append(k)
        else:
            top.append(k)
    return top, kids


def _cut(
    segments: tuple[Segment, ...], lengths: Sequence[int], at_new: bool
) -> list[tuple[Segment, ...]]:
    """Cut a diff against joined pieces into the diff of each piece.

    `lengths` are those of the pieces on the joined side (new for a split, old
    for a merge), joined by `_JOIN`; a joining space belongs to no piece, so
    where both sides share it, it goes to the other side of the piece before it.

    >>> _cut((Segment("=", "Urges States to act and decides"),), [19, 11], True)
    [(Segment(op='=', text='Urges States to act'), Segment(op='-', text=' ')), \
(Segment(op='=', text='and decides'),)]
    """
    joined_op = INSERT if at_new else DELETE  # present only on the joined side
    lone_op = DELETE if at_new else INSERT  # present only on the whole side
    # Where each piece starts on the joined side, and where its joining space ends.
    starts: list[int] = []
    pos = 0
    for n in lengths:
        starts.append(pos)
        pos += n + len(_JOIN)
    parts: list[list[Segment]] = [[] for _ in lengths]
    last = len(lengths) - 1

    def piece_at(p: int) -> int:
        """The piece a position belongs to, a joining space counting with the one before."""
        return max(0, bisect_left(starts, p + 1) - 1)

    pos = 0
    for seg in segments:
        if seg.op == lone_op:
            # Text only the whole has goes to the piece it stands in, or after.
            parts[min(piece_at(pos), last)].append(seg)
            continue
        text, start = seg.text, pos
        pos += len(text)
        cut = start
        while cut < pos:
            k = piece_at(cut)
            piece_end = starts[k] + lengths[k]
            sep_end = piece_end + len(_JOIN) if k < last else piece_end
            if cut < piece_end:
                stop = min(pos, piece_end)
                parts[k].append(Segment(seg.op, text[cut - start : stop - start]))
            else:
                stop = min(pos, sep_end)
                if seg.op != joined_op:  # a joining space only inserted is dropped
                    parts[k].append(Segment(lone_op, text[cut - start : stop - start]))
            if stop == cut:  # past the last piece: nothing left to cut
                parts[last].append(Segment(seg.op, text[cut - start :]))
                break
            cut = stop
    return [_tidy(p) for p in parts]


def _piece_diffs(w: _Work, whole: str, texts: list[str], at_new: bool) -> list[tuple[Segment, ...]]:
    """The diff of each piece of a split (`at_new`) or merge against its share of the whole.

    The diff against the joined pieces says where each piece's share of the
    whole begins and ends; each share is then diffed with its piece alone, so
    the shares rebuild the whole exactly and no change spills over a cut.
    """
    joined = _JOIN.join(texts)
    segs = w.words.diff(whole, joined) if at_new else w.words.diff(joined, whole)
    cuts = _cut(segs, [len(t) for t in texts], at_new)
    shares = [old_text(c) if at_new else new_text(c) for c in cuts]
    # The space between two shares opens the next one, where a change usually is
    # (a new lead, a capital), rather than trailing kept text as a lone deletion.
    for k in range(len(shares) - 1):
        kept = shares[k].rstrip()
        shares[k + 1] = shares[k][len(kept) :] + shares[k + 1]
        shares[k] = kept
    return [
        w.words.diff(share, text) if at_new else w.words.diff(text, share)
        for share, text in zip(shares, texts, strict=True)
    ]


def _tidy(segments: list[Segment]) -> tuple[Segment, ...]:
    """Join neighbouring runs of one kind, drop empty ones."""
    out: list[Segment] = []
    for s in segments:
        if not s.text:
            continue
        if out and out[-1].op == s.op:
            out[-1] = Segment(s.op, out[-1].text + s.text)
        else:
            out.append(s)
    return tuple(out)


def _one(op: str, text: str) -> tuple[Segment, ...]:
    """The whole text as one run (none for an empty text, as `diff_words` does)."""
    return (Segment(op, text),) if text else ()


def _entries(w: _Work) -> tuple[Entry, ...]:
    """Turn the pairing into entries in reading order of the new text."""
    old, new = w.old, w.new
    keyed: list[tuple[tuple[int, int, int], Entry]] = []
    where: dict[int, int] = {}  # old index (in place) -> new index its entry sits at
    group = 0
    split_of = {j: i for i, pieces in w.splits.items() for j in pieces}
    merged_into = {i: j for j, pieces in w.merges.items() for i in pieces}
    for j, p in enumerate(new):
        if j in w.n2o:
            i = w.n2o[j]
            o = old[i]
            s = w.sim(i, j)
            if i in w.moved:
                status = Status.MOVED
            elif w.old_keys[i] != w.new_keys[j]:
                # Texts equal but for quote, dash or space styles (PDF against
                # Markdown) keep their status; the segments still show the difference.
                status = Status.CHANGED
            elif o.label != p.label:
                status = Status.RENUMBERED
            else:
                status = Status.UNCHANGED
            if i not in w.moved:
                where[i] = j
            segments = w.words.diff(o.text, p.text)
            keyed.append(((j, 0, i), Entry(status, o, p, segments, similarity=s)))
        elif j in split_of:
            i = split_of[j]
            pieces = w.splits[i]
            if j != pieces[0]:
                continue
            group += 1
            texts = [new[k].text for k in pieces]
            s = w.text_sim(old[i].text, _JOIN.join(texts))
            cuts = _piece_diffs(w, old[i].text, texts, at_new=True)
            for jj, piece in zip(pieces, cuts, strict=True):
                keyed.append(
                    (
                        (jj, 0, i),
                        Entry(Status.SPLIT, old[i], new[jj], piece, group=group, similarity=s),
                    )
                )
            where[i] = pieces[-1]
        elif j in w.merges:
            pieces = w.merges[j]
            group += 1
            texts = [old[k].text for k in pieces]
            s = w.text_sim(_JOIN.join(texts), p.text)
            cuts = _piece_diffs(w, p.text, texts, at_new=False)
            for ii, piece in zip(pieces, cuts, strict=True):
                keyed.append(
                    ((j, 0, ii), Entry(Status.MERGED, old[ii], p, piece, group=group, similarity=s))
                )
                where[ii] = j
        else:
            keyed.append(
                ((j, 0, -1), Entry(Status.INSERTED, None, p, _one(INSERT, p.text), similarity=0.0))
            )
    # A deleted paragraph follows the entry of the nearest old paragraph before it
    # that stayed in place (a moved one now stands elsewhere).
    after = -1
    for i, o in enumerate(old):
        if i in where:
            after = where[i]
        elif i not in w.o2n and i not in w.splits and i not in merged_into:
            keyed.append(
                (
                    (after, 1, i),
                    Entry(Status.DELETED, o, None, _one(DELETE, o.text), similarity=0.0),
                )
            )
    keyed.sort(key=lambda t: t[0])
    return tuple(e for _, e in keyed)


def align(
    old: Sequence[Paragraph], new: Sequence[Paragraph], words: Words | None = None
) -> tuple[Entry, ...]:
    """Pair old paragraphs with new ones and diff each pair word by word.

    Entries come in reading order of the new text; a deleted paragraph comes
    after the entry of the old paragraph before it. `words` may be shared with
    other diffs of the same texts (footnotes, titles) so each text is encoded once.

    >>> from redline.model import Paragraph, ParaKind
    >>> pp = Paragraph("PP1", ParaKind.PREAMBULAR, None, "Recalling", "Recalling its resolutions,")
    >>> [e.status.value for e in align([pp], [pp])]
    ['unchanged']
    """
    # The common head and tail need no key: most revisions touch a few paragraphs.
    head, tail = _trim(old, new)
    old_keys = [p.text for p in old]
    new_keys = [p.text for p in new]
    folded: dict[str, str] = {}  # a text repeated many times is folded once
    for keys, n in ((old_keys, len(old)), (new_keys, len(new))):
        for k in range(head, n - tail):
            text = keys[k]
            key = folded.get(text)
            if key is None:
                key = folded[text] = normalize(text)
            keys[k] = key
    w = _Work(old, new, old_keys, new_keys, words=words or Words())
    for k in range(head):
        w.pair(k, k)
    for k in range(1, tail + 1):
        w.pair(len(old) - k, len(new) - k)
    top_o, kids_o = _family(old)
    top_n, kids_n = _family(new)
    _core(w, top_o, top_n)
    chain = _Chain(w.o2n.items())
    for i, pieces in w.splits.items():
        chain.add(i, pieces[-1])
    for j, pieces in w.merges.items():
        for i in pieces:
            chain.add(i, j)
    _moves(w, top_o, top_n, chain)
    # Sub-paragraphs within their paired parents, grandchildren after children.
    seen: set[int] = set()
    todo = deque(sorted(w.o2n.items()))
    while todo:
        i, j = todo.popleft()
        if i in seen:
            continue
        seen.add(i)
        ko, kn = kids_o.get(old[i].label, []), kids_n.get(new[j].label, [])
        if not ko and not kn:
            continue
        _core(w, ko, kn)
        for c in ko:
            if c in w.o2n:
                if i in w.moved:
                    w.moved.add(c)
                else:
                    chain.add(c, w.o2n[c])
                todo.append((c, w.o2n[c]))
    all_kids_o = [k for ks in kids_o.values() for k in ks]
    all_kids_n = [k for ks in kids_n.values() for k in ks]
    _moves(w, sorted(set(top_o + all_kids_o)), sorted(set(top_n + all_kids_n)), chain)
    _reworded(w)
    _settle_moves(w)
    return _entries(w)
