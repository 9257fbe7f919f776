"""Plain-text presentation helpers every renderer shares.

Labels and headings (`heading`, `titled`), the changes at a glance (`changes`),
word counts, the summary line, the sponsor summary (`sponsor_rows`) and the
verdict line; text from the input goes through `visible` first. Imports nothing
outside the standard library and redline, and no renderer.

>>> from redline.model import Paragraph, ParaKind
>>> p = Paragraph("PP2", ParaKind.PREAMBULAR, None, "", "x")
>>> titled(Entry(Status.INSERTED, None, p, ()))
'PP2 (inserted)'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from redline.model import (
    DELETE,
    EQUAL,
    INSERT,
    Comparison,
    Document,
    Entry,
    MarkAt,
    Segment,
    SponsorChange,
    Status,
    count_words,
)
from redline.render.safe import terminal_safe

# --- shared plain-text helpers -----------------------------------------------------


_EDGE = re.compile(r"^(\s*)(.*?)(\s*)$", re.S)


def edges(text: str) -> tuple[str, str, str]:
    """A changed run as (leading space, its words, trailing space): the markers of a
    change hug the words (``[-all-]``, ``~~all~~``), the spaces stay outside.

    >>> edges("  all States "), edges(" ")
    (('  ', 'all States', ' '), (' ', '', ''))
    """
    m = _EDGE.match(text)
    assert m is not None  # the pattern matches any text
    return m[1], m[2], m[3]


def visible(text: str) -> str:
    """The text with control characters and bidi controls made visible and inert:
    `redline.render.safe.terminal_safe`, the one policy for every output.

    Tabs and line ends become spaces: a paragraph is one line.

    >>> visible("red \\x1b[31m and \\u202eevil\\tend")
    'red ␛[31m and \\\\u202eevil end'
    """
    return terminal_safe(text)


def width_of(text: str) -> int:
    """Columns a string takes in a terminal: wide East Asian characters count two.

    >>> width_of("Urges"), width_of("决定")
    (5, 4)
    """
    if text.isascii() or max(text) < "\u0300":  # no combining or wide character so low
        return len(text)
    n = 0
    for c in text:
        if unicodedata.combining(c):
            continue
        n += 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
    return n


T = TypeVar("T")


def cut_at(
    segments: Sequence[Segment], marks: Sequence[tuple[MarkAt, T]]
) -> list[tuple[int, int, Segment, tuple[T, ...]]]:
    """The segments cut where footnote marks stand (`Entry.old_marks`, `Entry.new_marks`,
    decided by `redline.compare`): (segment index, offset of the piece in it, the piece,
    what stands right after it). A mark before any text of its segment gives an empty
    piece; a segment without text is left out. Every renderer places marks with this.

    >>> [(k, lo, s.text, after) for k, lo, s, after in
    ...  cut_at((Segment("=", "Recalling, its"),), [(MarkAt("1", 0, 10), "¹")])]
    [(0, 0, 'Recalling,', ('¹',)), (0, 10, ' its', ())]
    """
    at: dict[int, dict[int, list[T]]] = {}
    for m, value in marks:
        at.setdefault(m.segment, {}).setdefault(m.offset, []).append(value)
    out: list[tuple[int, int, Segment, tuple[T, ...]]] = []
    for k, s in enumerate(segments):
        here = at.get(k, {})
        if not here:
            if s.text:
                out.append((k, 0, s, ()))
            continue
        lo = 0
        for cut in sorted({*(c for c in here if 0 <= c <= len(s.text)), len(s.text)}):
            after = tuple(here.get(cut, ()))
            if cut > lo or after:
                out.append((k, lo, Segment(s.op, s.text[lo:cut]), after))
            lo = cut
    return out


def heading(e: Entry) -> str:
    """The entry's label, with an arrow when it changed (no status word).

    >>> from redline.model import Paragraph, ParaKind
    >>> p = lambda label: Paragraph(label, ParaKind.OPERATIVE, None, "", "x")
    >>> heading(Entry(Status.RENUMBERED, p("OP22"), p("OP21"), ()))
    'OP22 → OP21'
    """
    old = e.old.label if e.old else None
    new = e.new.label if e.new else None
    if old and new and old != new:
        return f"{visible(old)} → {visible(new)}"
    return visible(new or old or "")


# Statuses whose label alone (the arrow) does not say what happened.
_SUFFIXED = (
    Status.INSERTED,
    Status.DELETED,
    Status.MOVED,
    Status.SPLIT,
    Status.MERGED,
    Status.TYPOGRAPHIC,
)


def titled(e: Entry) -> str:
    """The heading with its status, as the text and markdown outputs show it.

    >>> from redline.model import Paragraph, ParaKind
    >>> p = Paragraph("PP2", ParaKind.PREAMBULAR, None, "", "x")
    >>> titled(Entry(Status.INSERTED, None, p, ()))
    'PP2 (inserted)'
    """
    if e.status in _SUFFIXED:
        return f"{heading(e)} ({e.status.value})"
    return heading(e)


def is_change(e: Entry) -> bool:
    """Whether an entry is worth showing: anything but an untouched paragraph."""
    return e.status is not Status.UNCHANGED or e.text_changed


def renumber_only(e: Entry) -> bool:
    """Renumbered and nothing else: the words and footnotes are the same."""
    return e.status is Status.RENUMBERED and not e.text_changed


_NUMBERED = re.compile(r"(.*?)(\d+)")


def _continues(prev: Entry, e: Entry) -> bool:
    """Whether `e` extends a run of renumbered paragraphs ending with `prev`."""
    if not (prev.old and prev.new and e.old and e.new):
        return False
    pairs = [
        (_NUMBERED.fullmatch(a.label), _NUMBERED.fullmatch(b.label))
        for a, b in ((prev.old, e.old), (prev.new, e.new))
    ]
    return all(
        a is not None and b is not None and a[1] == b[1] and int(b[2]) == int(a[2]) + 1
        for a, b in pairs
    )


def blocks(entries: Sequence[Entry]) -> list[tuple[int, ...]]:
    """Entry indices, consecutive renumbered-only paragraphs gathered into one block.

    Twelve preambular paragraphs moved down by one are one fact, not twelve.
    """
    out: list[list[int]] = []
    for i, e in enumerate(entries):
        if (
            out
            and renumber_only(e)
            and renumber_only(entries[out[-1][-1]])
            and _continues(entries[out[-1][-1]], e)
        ):
            out[-1].append(i)
        else:
            out.append([i])
    return [tuple(b) for b in out]


def _span(labels: list[str]) -> str:
    """``OP22–25`` for a run, ``OP22`` for one."""
    if len(labels) == 1:
        return visible(labels[0])
    first, last = _NUMBERED.fullmatch(labels[0]), _NUMBERED.fullmatch(labels[-1])
    if first and last and first[1] == last[1]:
        return visible(f"{labels[0]}–{last[2]}")
    return visible(f"{labels[0]}–{labels[-1]}")


def block_heading(entries: Sequence[Entry], block: Sequence[int]) -> str:
    """The heading of a block: the entry's own, or ``PP3–14 → PP4–15`` for a run."""
    if len(block) == 1:
        return heading(entries[block[0]])
    olds = [entries[i].old.label for i in block if entries[i].old]  # type: ignore[union-attr]
    news = [entries[i].new.label for i in block if entries[i].new]  # type: ignore[union-attr]
    return f"{_span(olds)} → {_span(news)}"


def words(segments: Iterable[Segment]) -> tuple[int, int]:
    """Words inserted and deleted in a diff.

    >>> words([Segment("-", "all"), Segment("+", "some of the")])
    (3, 1)
    """
    ins = dele = 0
    for s in segments:
        if s.op == INSERT:
            ins += count_words(s.text)
        elif s.op == DELETE:
            dele += count_words(s.text)
    return ins, dele


def entry_words(e: Entry) -> tuple[int, int]:
    """Words inserted and deleted in an entry, its footnotes included (`Entry.words`)."""
    return e.words


def word_counts(ins: int, dele: int) -> str:
    """``+3 −1 words``; empty when nothing changed. The noun counts every word shown:
    ``+1 word``, but ``+1 −1 words`` (one in, one out).

    >>> word_counts(3, 1), word_counts(1, 0), word_counts(0, 1), word_counts(1, 1)
    ('+3 −1 words', '+1 word', '−1 word', '+1 −1 words')
    >>> word_counts(0, 0)
    ''
    """
    parts = [f"+{ins}"] if ins else []
    parts += [f"−{dele}"] if dele else []
    return " ".join(parts) + " " + words_noun(ins, dele) if parts else ""


def words_noun(ins: int, dele: int) -> str:
    """``word`` when one word in all was inserted or deleted, else ``words``."""
    return "word" if ins + dele == 1 else "words"


@dataclass(frozen=True)
class Change:
    """One line of "changes at a glance": what happened, and where."""

    status: Status
    entries: tuple[int, ...]
    """Indices into `Comparison.entries`; the first is where to link."""
    head: str
    """The labels: ``OP2``, ``PP3–14 → PP4–15``, ``OP4 → OP4, OP5``."""
    what: str
    """``changed``, ``inserted``, ``renumbered and changed``…"""
    note: str = ""
    """A few words on what changed inside: ``Welcomes → Recalls``, ``+3 −1 words``."""
    inserted: int = 0
    deleted: int = 0
    """Words inserted and deleted in these entries, footnotes included (`Entry.words`):
    the counts ``--stat``, the HTML glance and the summary all show."""

    @property
    def words(self) -> str:
        """``+3 −1 words``; empty when no word changed."""
        return word_counts(self.inserted, self.deleted)

    @property
    def text(self) -> str:
        """``OP2 changed: Welcomes → Recalls``, ``OP21 → PP15 moved (Notes → Recognizing)``."""
        if not self.note:
            return f"{self.head} {self.what}"
        if self.status is Status.MOVED:
            return f"{self.head} {self.what} ({self.note})"
        return f"{self.head} {self.what}: {self.note}"


def _note(e: Entry) -> str:
    """What changed inside a paragraph, in a few words: its lead phrase, or a count."""
    if e.status is Status.TYPOGRAPHIC:
        return typographic_note(e)
    if e.old and e.new and e.old.lead and e.new.lead and e.old.lead != e.new.lead:
        return f"{visible(e.old.lead)} → {visible(e.new.lead)}"
    if any(s.op != EQUAL for s in e.segments):
        return word_counts(*e.words)
    if e.text_changed:
        marks = ", ".join(visible(f.new_mark or f.old_mark or "") for f in e.footnotes)
        return f"footnote {marks}"
    return ""


def typographic_note(e: Entry) -> str:
    """The first style change of a typographic entry, old → new (``region’s → region's``).

    >>> from redline.model import Paragraph, ParaKind
    >>> p = Paragraph("PP17", ParaKind.PREAMBULAR, None, "", "x")
    >>> segs = (Segment("=", "the "), Segment("-", "region\u2019s"), Segment("+", "region's"))
    >>> typographic_note(Entry(Status.TYPOGRAPHIC, p, p, segs))
    "region’s → region's"
    """
    for segs in (e.segments, *(f.segments for f in e.footnotes)):
        old = " ".join(s.text.strip() for s in segs if s.op == DELETE)
        new = " ".join(s.text.strip() for s in segs if s.op == INSERT)
        if old or new:
            return f"{visible(old)} → {visible(new)}"
    return ""


def changes(comparison: Comparison) -> list[Change]:
    """The changes at a glance, in reading order; one line per run, split or merge.

    Lines read like ``PP2 inserted``, ``OP2 changed: Welcomes → Recalls``,
    ``OP21 → PP15 moved (Notes → Recognizing)``, ``PP3–14 → PP4–15 renumbered``,
    ``OP4 → OP4, OP5 split``.
    """
    entries = comparison.entries
    out: list[Change] = []
    for block in blocks(entries):
        e = entries[block[0]]
        if not is_change(e):
            continue
        prev = out[-1] if out else None
        if (
            prev is not None
            and e.group is not None
            and e.status in (Status.SPLIT, Status.MERGED)
            and entries[prev.entries[-1]].group == e.group
            and entries[prev.entries[-1]].status is e.status
        ):
            idx = (*prev.entries, block[0])
            olds = _unique(entries[i].old.label for i in idx if entries[i].old)  # type: ignore[union-attr]
            news = _unique(entries[i].new.label for i in idx if entries[i].new)  # type: ignore[union-attr]
            head = f"{visible(', '.join(olds))} → {visible(', '.join(news))}"
            ins, dele = _sum_words(entries, idx)
            out[-1] = Change(e.status, idx, head, e.status.value, "", ins, dele)
            continue
        head = block_heading(entries, block)
        status = e.status.value
        if e.status is Status.UNCHANGED:
            status = "changed"  # only its footnotes did
        if e.status is Status.RENUMBERED and e.text_changed:
            status = "renumbered and changed"
        # An inserted or deleted paragraph is all new or all gone: a count adds nothing.
        plain = len(block) > 1 or e.status in (Status.INSERTED, Status.DELETED)
        note = "" if plain else _note(e)
        ins, dele = _sum_words(entries, block)
        out.append(Change(e.status, block, head, status, note, ins, dele))
    return out


def _sum_words(entries: Sequence[Entry], idx: Iterable[int]) -> tuple[int, int]:
    ins = dele = 0
    for i in idx:
        a, b = entries[i].words
        ins, dele = ins + a, dele + b
    return ins, dele


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


_ORDER = (
    Status.CHANGED,
    Status.INSERTED,
    Status.DELETED,
    Status.MOVED,
    Status.SPLIT,
    Status.MERGED,
    Status.RENUMBERED,
    Status.TYPOGRAPHIC,
    Status.UNCHANGED,
)


def summary_counts(summary: dict[str, int]) -> list[tuple[Status, int]]:
    """Non-zero paragraph counts, changes first, unchanged last."""
    return [(s, summary[s.value]) for s in _ORDER if summary[s.value]]


def summary_line(summary: dict[str, int]) -> str:
    """``2 changed, 1 inserted, 17 unchanged · +42 −18 words``.

    >>> summary_line({s.value: 0 for s in Status} | {"changed": 2, "unchanged": 3,
    ...               "words_inserted": 4, "words_deleted": 0})
    '2 changed, 3 unchanged · +4 words'
    """
    counts = ", ".join(f"{n} {s.value}" for s, n in summary_counts(summary)) or "no paragraphs"
    w = word_counts(summary["words_inserted"], summary["words_deleted"])
    return f"{counts} · {w}" if w else counts


def symbol(doc: Document) -> str:
    """How a document is named in headings: its symbol, or where it came from."""
    return visible(doc.symbol or doc.source)


def names(items: Sequence[str]) -> str:
    """A list of sponsor names for one line.

    >>> names(["France", "Italy"]), names([])
    ('France, Italy', 'none')
    """
    return visible(", ".join(items)) if items else "none"


def sponsor_rows(s: SponsorChange, old: str, new: str) -> list[tuple[str, str]]:
    """The sponsor summary as (kind, text) rows, for every format; none when nothing to say.

    Kinds: ``resolution`` (which pair of a report's resolutions), ``count``,
    ``behalf`` (who submits for a group), ``group`` (the group changed), ``note``, ``+``, ``−``, ``?``. ``old`` and ``new`` name the texts.

    >>> sponsor_rows(SponsorChange(old_count=66, old_unlisted=None, new_unlisted="adopted "
    ...              "resolution"), "L.20", "80/190")  # doctest: +NORMALIZE_WHITESPACE
    [('count', '66 → none listed'),
     ('note', '80/190 lists no sponsors (adopted resolution): nobody added or removed')]
    """
    if not s.shown:
        return []
    if s.by_resolution and not (s.old_count or s.new_count):
        rows: list[tuple[str, str]] = []
        for b in s.by_resolution:
            pair = b.old if b.old == b.new else f"{b.old or 'none'} → {b.new or 'none'}"
            rows.append(("resolution", visible(pair or "")))
            rows += _change_rows(b.change, b.old or b.new or old, b.new or b.old or new)
        return rows
    return _change_rows(s, old, new)


def _change_rows(s: SponsorChange, old: str, new: str) -> list[tuple[str, str]]:
    def count(n: int, why: str | None) -> str:
        return "none listed" if why else str(n)

    rows = [
        ("count", f"{count(s.old_count, s.old_unlisted)} → {count(s.new_count, s.new_unlisted)}")
    ]
    one_side = s.old_unlisted or s.new_unlisted
    if s.old_behalf and (s.old_behalf == s.new_behalf or one_side):
        rows.append(("behalf", visible(s.old_behalf)))
    elif s.new_behalf and one_side:
        rows.append(("behalf", visible(s.new_behalf)))
    elif s.old_group or s.new_group:
        groups = f"{s.old_group or 'no group'} → {s.new_group or 'no group'}"
        rows.append(("group", visible(groups)))
    whys = [
        # "II (A/C.3/75/L.5) is not in the new report", "A/RES/80/190 lists no sponsors (…)"
        f"{side} is {why}" if why.startswith("not in ") else f"{side} lists no sponsors ({why})"
        for side, why in ((old, s.old_unlisted), (new, s.new_unlisted))
        if why
    ]
    if whys:
        rows.append(("note", visible("; ".join(whys)) + ": nobody added or removed"))
    else:
        rows += [("+", names(s.added)), ("−", names(s.removed))]
    if s.unrecognised:
        rows.append(("?", names(sorted(s.unrecognised))))
    return rows


_ROW_TEXT = {
    "resolution": "Draft resolution {}",
    "count": "Sponsors {}",
    "behalf": "Submitted by {}",
    "group": "On behalf of: {}",
    "note": "  {}",
    "+": "+ {}",
    "−": "− {}",
    "?": "? not in the list of Member States: {}",
}


def sponsor_lines(s: SponsorChange, old: str = "old", new: str = "new") -> list[str]:
    """The sponsor summary: counts, who joined, who left; empty when there are none.

    >>> sponsor_lines(SponsorChange(added=("Chile",), old_count=1, new_count=2))
    ['Sponsors 1 → 2', '+ Chile', '− none']
    """
    return [_ROW_TEXT[kind].format(text) for kind, text in sponsor_rows(s, old, new)]


def verdict(c: Comparison) -> str:
    """The closing line when the texts do not differ (`Comparison.differs`, as
    ``diff --exit-code`` and ``check`` see it); empty when they do.

    >>> from redline.model import Document, DocKind
    >>> d = Document("a.txt", "plain", DocKind.TEXT)
    >>> verdict(Comparison(d, d, ()))
    'no changes'
    """
    if c.differs:
        return ""
    also = []
    n = c.summary()[Status.TYPOGRAPHIC.value]
    if n:
        also.append(f"{n} typographic only")
    s = c.sponsors
    if s.added or s.removed:
        also.append(f"sponsors {s.old_count} → {s.new_count}")
    return "no changes" + (f" in the text ({'; '.join(also)})" if also else "")
