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

from dataclasses import replace

from redline.align import align
from redline.model import (
    DELETE,
    INSERT,
    Comparison,
    Document,
    Entry,
    Footnote,
    FootnoteChange,
    Paragraph,
    Segment,
    Status,
    typographic_only,
)
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
    old_notes, new_notes = _notes(old), _notes(new)
    words = Words()  # each text tokenized and encoded once, for every diff below
    entries = _with_footnotes(align(old_flat, new_flat, words), old_notes, new_notes, words)
    entries = tuple(_typographic(e) for e in entries)
    return Comparison(
        old=old,
        new=new,
        entries=entries,
        title=words.diff(old.title, new.title),
        sponsors=compare_documents(
            old, new, ((e.old.label, e.new.label) for e in entries if e.old and e.new)
        ),
        old_footnotes=_all_footnotes(old),
        new_footnotes=_all_footnotes(new),
    )


def _all_footnotes(doc: Document) -> tuple[Footnote, ...]:
    """The document's footnotes, then those of each resolution it holds."""
    return doc.footnotes + tuple(f for res in doc.resolutions for f in res.footnotes)


def _key(p: Paragraph) -> _Key:
    return p.label, p.lines[0]


def _notes(doc: Document) -> _Notes:
    """Which footnote table each paragraph of ``doc.flat()`` cites into.

    A resolution's marks number its own footnotes, so "1" in II is not "1" in I.
    `Document.flat` copies and reorders paragraphs, hence the lookup by key.
    """
    out: _Notes = {}
    own = {f.mark: f for f in doc.footnotes}
    for p in doc.paragraphs:
        out[_key(p)] = own
    for res in doc.resolutions:
        table = {f.mark: f for f in res.footnotes}
        for p in res.paragraphs:
            out[(f"{res.name}/{p.label}", p.lines[0])] = table
    return out


def _cited(p: Paragraph | None, notes: _Notes, owner: int) -> list[tuple[str, str, int]]:
    """(mark, footnote text, owner) for each citation in the paragraph, in order."""
    if p is None:
        return []
    table = notes.get(_key(p), {})
    return [(m, table[m].text if m in table else "", owner) for m in p.footnotes]


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
    entries: tuple[Entry, ...], old_notes: _Notes, new_notes: _Notes, words: Words
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
    for group in _groups(entries):
        first = group[0]
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
            before, after = _cited(first.old, old_notes, 0), _cited(first.new, new_notes, 0)
        changes: list[list[FootnoteChange]] = [[] for _ in group]
        for k in range(max(len(before), len(after))):
            o = before[k] if k < len(before) else None
            n = after[k] if k < len(after) else None
            if o is not None and n is not None:
                if o[1] != n[1]:
                    changes[n[2]].append(FootnoteChange(o[0], n[0], words.diff(o[1], n[1])))
            elif o is not None:
                changes[o[2]].append(FootnoteChange(o[0], None, _one(DELETE, o[1])))
            elif n is not None:
                changes[n[2]].append(FootnoteChange(None, n[0], _one(INSERT, n[1])))
        for e, mine in zip(group, changes, strict=True):
            if not mine:
                out.append(e)
                continue
            status = e.status
            if status in (Status.UNCHANGED, Status.RENUMBERED):
                status = Status.CHANGED
            out.append(replace(e, status=status, footnotes=tuple(mine)))
    return tuple(out)


# Statuses a difference of style alone turns into TYPOGRAPHIC: a paragraph that
# moved, split or merged keeps that status, its style changes shown inside it.
_RESTYLED = (Status.UNCHANGED, Status.RENUMBERED, Status.CHANGED)


def _typographic(e: Entry) -> Entry:
    """The entry as TYPOGRAPHIC when only quote, dash or space style differs in it.

    >>> from redline.model import Paragraph, ParaKind
    >>> p = Paragraph("PP17", ParaKind.PREAMBULAR, None, "", "x")
    >>> segs = (Segment("=", "the region"), Segment("-", "\u2019s"), Segment("+", "'s"))
    >>> _typographic(Entry(Status.RENUMBERED, p, p, segs)).status.value
    'typographic'
    """
    if e.status not in _RESTYLED or e.text_changed:
        return e
    if typographic_only(e.segments) or any(typographic_only(f.segments) for f in e.footnotes):
        return replace(e, status=Status.TYPOGRAPHIC)
    return e


def _one(op: str, text: str) -> tuple[Segment, ...]:
    """The whole text as one run, none for an empty text."""
    return (Segment(op, text),) if text else ()
