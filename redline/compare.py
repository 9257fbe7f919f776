"""Compare two parsed documents: pure glue between align, worddiff and sponsors.

>>> from redline.model import Document, DocKind, Paragraph, ParaKind
>>> def doc(text):
...     p = Paragraph("OP1", ParaKind.OPERATIVE, "1", text.split()[0], text)
...     return Document("<text>", "plain", DocKind.RESOLUTION, paragraphs=(p,))
>>> c = compare(doc("Urges States to act;"), doc("Encourages States to act;"))
>>> [e.status.value for e in c.entries], c.summary()["words_inserted"]
(['changed'], 1)
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import replace

from redline.align import align
from redline.model import (
    DELETE,
    EQUAL,
    INSERT,
    Citation,
    Comparison,
    Document,
    Entry,
    Footnote,
    FootnoteChange,
    MarkAt,
    Paragraph,
    Segment,
    Status,
    new_text,
    old_text,
)
from redline.noise import Noise, walk
from redline.sponsors import compare_documents
from redline.worddiff import Words

__all__ = ["compare"]

_Key = tuple[str, int]
"""A paragraph as `Document.flat` lists it: qualified label, first source line."""
_Notes = dict[_Key, dict[str, Footnote]]
"""Paragraph -> the footnotes its marks refer to, by mark."""


def compare(old: Document, new: Document) -> Comparison:
    """Align the paragraphs of two documents and diff titles, footnotes and sponsors.

    >>> from redline.model import Document, DocKind
    >>> empty = Document("<text>", "plain", DocKind.TEXT, title="Human rights")
    >>> compare(empty, empty).differs
    False
    """
    old_flat, new_flat = old.flat(), new.flat()
    old_notes, new_notes = _notes(old, old_flat), _notes(new, new_flat)
    words = Words()  # each text tokenized and encoded once, for every diff below
    aligned = align(old_flat, new_flat, words)
    known = _Known(old_flat, new_flat, words)
    noise = [_text_noise(e, old_notes, new_notes, known) for e in aligned]
    entries = _with_footnotes(aligned, old_notes, new_notes, words, noise)
    entries = tuple(_typographic(e, n, known) for e, n in zip(entries, noise, strict=True))
    entries = _old_places(tuple(_placed(e) for e in entries), old_flat)
    return Comparison(
        old=old,
        new=new,
        entries=entries,
        title=words.diff(old.title, new.title),
        sponsors=compare_documents(
            old,
            new,
            (
                (e.old.resolution.name, e.new.resolution.name)
                for e in entries
                if e.old and e.new and e.old.resolution and e.new.resolution
            ),
        ),
        old_footnotes=_all_footnotes(old),
        new_footnotes=_all_footnotes(new),
    )


def _old_places(entries: tuple[Entry, ...], old_flat: tuple[Paragraph, ...]) -> tuple[Entry, ...]:
    """The entries with, for each moved one, the entry its old place follows
    (`Entry.stood_after`): the one holding the nearest earlier old paragraph that did
    not move itself (-1: none, the top)."""
    old_order = {p.label: i for i, p in enumerate(old_flat)}
    placed: list[tuple[int, int]] = []  # (old position, entry index), not moved
    for k, e in enumerate(entries):
        if e.old and e.status is not Status.MOVED and e.old.label in old_order:
            placed.append((old_order[e.old.label], k))
    # Sorted by old position, with the largest entry index up to each: the entry a
    # moved one follows is found by bisection, not by a pass over all placed entries.
    placed.sort()
    positions = [pos for pos, _ in placed]
    latest: list[int] = []
    for _, entry in placed:
        latest.append(max(entry, latest[-1]) if latest else entry)
    out = list(entries)
    for k, e in enumerate(entries):
        if e.status is Status.MOVED and e.old:
            n = bisect_left(positions, old_order.get(e.old.label, -1))  # placed before it
            out[k] = replace(e, stood_after=latest[n - 1] if n else -1)
    return tuple(out)


def _all_footnotes(doc: Document) -> tuple[Footnote, ...]:
    """The document's footnotes, then those of each resolution it holds."""
    return doc.footnotes + tuple(f for res in doc.resolutions for f in res.footnotes)


def _key(p: Paragraph) -> _Key:
    return p.label, p.lines[0]


def _notes(doc: Document, flat: tuple[Paragraph, ...]) -> _Notes:
    """Which footnote table each paragraph of ``flat`` (``doc.flat()``) cites into.

    A resolution's marks number its own footnotes, so "1" in II is not "1" in I:
    a paragraph cites into the table of its `Paragraph.resolution`, else the document's.
    `Document.flat` copies and reorders paragraphs, hence the lookup by key.
    """
    own = {f.mark: f for f in doc.footnotes}
    tables = {res.name: {f.mark: f for f in res.footnotes} for res in doc.resolutions}
    return {_key(p): tables.get(p.resolution.name, {}) if p.resolution else own for p in flat}


def _cited(
    p: Paragraph | None, notes: _Notes, owner: int, glued: tuple[str, ...] = ()
) -> list[tuple[str, str, int, bool]]:
    """(mark, footnote text, owner, glued) for each citation in the paragraph, in order;
    footnote numbers found glued to a word (``Crime5``) take their place by number."""
    if p is None:
        return []
    table = notes.get(_key(p), {})
    marks = [(m, False) for m in p.footnotes]
    for g in glued:
        at = len(marks)
        for k, (m, _) in enumerate(marks):
            if m.isdigit() and int(m) > int(g):
                at = k
                break
        marks.insert(at, (g, True))
    return [(m, table[m].text if m in table else "", owner, g) for m, g in marks]


def _groups(entries: tuple[Entry, ...]) -> list[list[Entry]]:
    """Entries one by one, except that the pieces of a split or merge go together."""
    out: list[list[Entry]] = []
    for e in entries:
        if e.group is not None and out and out[-1][0].group == e.group:
            out[-1].append(e)
        else:
            out.append([e])
    return out


def _with_footnotes(
    entries: tuple[Entry, ...],
    old_notes: _Notes,
    new_notes: _Notes,
    words: Words,
    noise: list[Noise | None],
) -> tuple[Entry, ...]:
    """The entries with a change for each cited footnote whose text differs.

    Citations are matched by position within the paragraph (the first footnote
    of old OP4 with the first of new OP5), not by mark: marks shift whenever a
    footnote is added earlier in the text. For a split, the old paragraph's
    citations are matched against those of its pieces in order (a merge the
    other way round), and each change goes to the piece that now cites it.
    A footnote change is a change of the paragraph: an unchanged or renumbered
    paragraph becomes ``changed``.
    """
    out: list[Entry] = []
    at = 0
    for group in _groups(entries):
        first, found = group[0], noise[at]
        at += len(group)
        glued_old, glued_new = (found.old_marks, found.new_marks) if found else ((), ())
        if len(group) == 1 and not (
            first.old and first.old.footnotes or first.new and first.new.footnotes
        ):
            out.append(first)  # cites no footnote on either side: most paragraphs
            continue
        if first.status is Status.SPLIT:
            before = _cited(first.old, old_notes, 0)
            after = [c for k, e in enumerate(group) for c in _cited(e.new, new_notes, k)]
        elif first.status is Status.MERGED:
            before = [c for k, e in enumerate(group) for c in _cited(e.old, old_notes, k)]
            after = _cited(first.new, new_notes, 0)
        else:
            before = _cited(first.old, old_notes, 0, glued_old)
            after = _cited(first.new, new_notes, 0, glued_new)
        changes: list[list[FootnoteChange]] = [[] for _ in group]
        cites: list[Citation] = []
        for k in range(max(len(before), len(after))):
            o = before[k] if k < len(before) else None
            n = after[k] if k < len(after) else None
            if o is not None and n is not None:
                segs = words.diff(o[1], n[1]) if o[1] != n[1] else _one(EQUAL, o[1])
                if o[1] != n[1]:
                    changes[n[2]].append(FootnoteChange(o[0], n[0], segs))
                cites.append(Citation(o[0], n[0], segs, o[2], n[2], o[3], n[3]))
            elif o is not None:
                segs = _one(DELETE, o[1])
                changes[o[2]].append(FootnoteChange(o[0], None, segs))
                cites.append(Citation(o[0], None, segs, old_piece=o[2], old_glued=o[3]))
            elif n is not None:
                segs = _one(INSERT, n[1])
                changes[n[2]].append(FootnoteChange(None, n[0], segs))
                cites.append(Citation(None, n[0], segs, new_piece=n[2], new_glued=n[3]))
        for e, mine in zip(group, changes, strict=True):
            status = e.status
            if mine and status in (Status.UNCHANGED, Status.RENUMBERED):
                status = Status.CHANGED
            out.append(replace(e, status=status, footnotes=tuple(mine), citations=tuple(cites)))
    return tuple(out)


# Statuses a difference of style alone turns into TYPOGRAPHIC: a paragraph that
# moved, split or merged keeps that status, its style changes shown inside it.
_RESTYLED = (Status.UNCHANGED, Status.RENUMBERED, Status.CHANGED)
# Statuses whose text differences may be extraction noise (not inserted or deleted).
_PAIRED = (*_RESTYLED, Status.MOVED, Status.SPLIT, Status.MERGED)


class _Known:
    """The case-folded words of both documents, made on first need: a piece of a
    split word (``establis`` of ``establis hing``) that is one of them is a word."""

    def __init__(self, old: tuple[Paragraph, ...], new: tuple[Paragraph, ...], words: Words):
        self._sides = (old, new)
        self._words = words
        self._set: set[str] | None = None

    def __contains__(self, word: object) -> bool:
        if self._set is None:
            bags = [
                set[str]().union(*(self._words.bag(p.text) for p in side)) for side in self._sides
            ]
            self._set = bags[0] & bags[1]
        return word in self._set


def _lost(p: Paragraph, notes: _Notes, other: Paragraph) -> Callable[[str], bool]:
    """Whether digits glued to a word of ``p`` are a footnote citation the
    extractor glued there (``Crime5``, ``20143``): the document has that footnote,
    ``p`` does not cite it, and the paragraph on the other side cites more notes."""
    table = notes.get(_key(p), {})

    def lost(digits: str) -> bool:
        return (
            digits in table
            and digits not in p.footnotes
            and len(other.footnotes) > len(p.footnotes)
        )

    return lost


def _text_noise(e: Entry, old_notes: _Notes, new_notes: _Notes, known: _Known) -> Noise | None:
    """How the entry's texts differ by noise alone; None when they differ otherwise
    (or are not a pair)."""
    if e.status not in _PAIRED or e.old is None or e.new is None:
        return None
    if not any(s.op != EQUAL for s in e.segments):
        return Noise(True)
    old, new = old_text(e.segments), new_text(e.segments)
    n = walk(
        old,
        new,
        known,
        _lost(e.old, old_notes, e.new),
        _lost(e.new, new_notes, e.old),
    )
    return n if n.only else None


def _typographic(e: Entry, text: Noise | None, known: _Known) -> Entry:
    """The entry as TYPOGRAPHIC when only quote, dash or space style, or extraction
    noise (`redline.noise`), differs in it; a moved, split or merged one keeps its
    status and is marked as noise only.

    >>> from redline.model import Paragraph, ParaKind
    >>> p = Paragraph("PP17", ParaKind.PREAMBULAR, None, "", "x")
    >>> segs = (Segment("=", "the region"), Segment("-", "\u2019s"), Segment("+", "'s"))
    >>> _typographic(Entry(Status.RENUMBERED, p, p, segs), Noise(True), set()).status.value
    'typographic'
    """
    if text is None:
        return e
    notes_ok = all(
        walk(old_text(f.segments), new_text(f.segments), known).only
        if f.old_mark is not None and f.new_mark is not None
        else False
        for f in e.footnotes
    )
    differs = any(s.op != EQUAL for s in e.segments) or bool(e.footnotes)
    if not notes_ok or not differs:
        return e
    if e.status in _RESTYLED:
        return replace(e, status=Status.TYPOGRAPHIC, noise=True)
    return replace(e, noise=True)


def _one(op: str, text: str) -> tuple[Segment, ...]:
    """The whole text as one run, none for an empty text."""
    return (Segment(op, text),) if text else ()


def _placed(e: Entry) -> Entry:
    """The entry with where each side's marks stand in its segments, when the reader
    recorded their positions (`Paragraph.marks_at`)."""
    if not (e.old and e.old.marks_at or e.new and e.new.marks_at):
        return e
    return replace(
        e,
        old_marks=_marks_in(e.segments, e.old, INSERT),
        new_marks=_marks_in(e.segments, e.new, DELETE),
    )


def _marks_in(
    segments: tuple[Segment, ...], p: Paragraph | None, other: str
) -> tuple[MarkAt, ...] | None:
    """Each mark of ``p`` as (segment, offset) on its side (segments whose op is not
    ``other``), after the character it follows; a split or merge piece holds only the
    marks inside it. None when the positions are unknown or the piece is not found.

    >>> from redline.model import ParaKind
    >>> p = Paragraph("PP2", ParaKind.PREAMBULAR, None, "", "Recalling, x", ("1",), marks_at=(10,))
    >>> _marks_in((Segment("-", "Recalling, y"), Segment("=", "Recalling, x")), p, DELETE)
    (MarkAt(mark='1', segment=1, offset=10),)
    """
    if p is None or not p.footnotes or len(p.marks_at) != len(p.footnotes):
        return None
    side = [(k, s.text) for k, s in enumerate(segments) if s.op != other and s.text]
    text = "".join(t for _, t in side)
    start = 0 if text == p.text else p.text.find(text) if text else -1
    if start < 0:
        return None
    out = []
    for mark, at in zip(p.footnotes, p.marks_at, strict=True):
        x = at - start
        if x < 0 or x > len(text) or (x == 0 and start > 0):
            continue  # in another piece of the split or merge
        pos = 0
        for k, t in side:
            if pos < x <= pos + len(t) or x == 0:
                out.append(MarkAt(mark, k, x - pos))
                break
            pos += len(t)
    return tuple(out)
