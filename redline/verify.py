"""Does a Word submission show every change against its base as a tracked change?

The rule the General Assembly sets: rejecting all of SUBMITTED's tracked changes
must give BASE's text (words, footnotes and the title, paragraph by paragraph), so
its tracked changes cover every difference and nothing was edited with tracking
off. `verify` judges it and returns data; `redline.render.verify` prints it; the
CLI loads the files, prints and exits.

>>> from redline.model import Document, DocKind, Paragraph, ParaKind
>>> def doc(text, tracked=0):
...     p = Paragraph("OP1", ParaKind.OPERATIVE, "1", "", text)
...     return Document("x.docx", "docx", DocKind.DRAFT, paragraphs=(p,), tracked_changes=tracked)
>>> v = verify(doc("Praises all;", 1), doc("Commends all;"), doc("Commends all;"))
>>> v.ok, v.tracked_in
(True, ('OP1',))
>>> verify(doc("Praises all;", 1), doc("Praises all;"), doc("Commends all;")).untracked
('OP1: changed: -[Commends] +[Praises]',)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from redline.compare import compare
from redline.model import Document, Entry, Segment, Status


@dataclass(frozen=True)
class Verification:
    """What ``verify-tracked`` found: the tracked changes, and what they do not cover."""

    tracked_changes: int
    """How many tracked changes SUBMITTED holds."""
    tracked_in: tuple[str, ...]
    """The paragraphs they change, in order: ``PP1``, ``PP17 (typographic)``."""
    untracked: tuple[str, ...]
    """Each paragraph (the title first) where rejecting them does not give BASE:
    ``OP1: changed: -[Commends] +[Praises]``."""
    unverified: tuple[str, ...] = ()
    """What Word shows and is not compared (hidden text, headers, comments…)."""

    @property
    def ok(self) -> bool:
        """All changes are tracked, and nothing is left unverified (fail closed)."""
        return not self.untracked and not self.unverified


def verify(accepted: Document, rejected: Document, base: Document) -> Verification:
    """Judge SUBMITTED, read with its tracked changes accepted and rejected, against BASE.

    `base` is BASE as a .docx can hold it (`redline.render.docx.word_text`), the
    resolution of a report already picked.
    """
    tracked_in = tuple(
        label(e) + (" (typographic)" if e.status is Status.TYPOGRAPHIC else "")
        for e in compare(rejected, accepted).entries
        if changed(e) or e.status is Status.TYPOGRAPHIC
    )
    untracked = compare(base, rejected)
    problems: list[str] = []
    shown: list[Entry] = []
    for e in (e for e in untracked.entries if changed(e)):
        if shown and e.status is Status.MERGED and e.group == shown[0].group:
            shown.append(e)  # the pieces of one merged paragraph: one line
            problems[-1] = f"{label(e)}: {describe(*shown)}"
            continue
        shown = [e]
        problems.append(f"{label(e)}: {describe(e)}")
    if any(s.op != "=" for s in untracked.title):
        problems.insert(0, f"title: {describe_segments(untracked.title)}")
    return Verification(accepted.tracked_changes, tracked_in, tuple(problems), accepted.unverified)


def changed(e: Entry) -> bool:
    """A paragraph whose words or footnotes differ, or that was inserted, deleted, moved,
    split or merged. Renumbering follows from the others; quote and dash styles are not words.
    """
    moved = (Status.INSERTED, Status.DELETED, Status.MOVED, Status.SPLIT, Status.MERGED)
    return e.status in moved or bool(e.text_changed)


def label(e: Entry) -> str:
    """The paragraph's label in the later text (``OP5``), or in the earlier one if deleted."""
    return str(e.new.label if e.new is not None else f"{e.old.label if e.old else '?'} (deleted)")


def describe(*entries: Entry) -> str:
    """``changed: -[all] +[some]``, at most a few runs, long ones shortened; where a
    moved, split, merged or renumbered paragraph was in BASE: ``merged (was P1, P2)``,
    ``moved (was OP21): -[Notes] +[Recognizing]``.

    >>> from redline.model import Paragraph, ParaKind
    >>> def p(label): return Paragraph(label, ParaKind.OTHER, None, "", "x")
    >>> describe(Entry(Status.MERGED, p("P1"), p("P1"), (Segment("=", "Alpha."),)),
    ...          Entry(Status.MERGED, p("P2"), p("P1"), (Segment("+", " "), Segment("=", "Beta."))))
    'merged (was P1, P2)'
    """
    e = entries[0]
    head = e.status.value
    was = [x.old.label for x in entries if x.old is not None]
    moved = e.status in (Status.MOVED, Status.SPLIT, Status.MERGED)
    if was and (moved or e.new is not None and was != [e.new.label]):
        head += f" (was {', '.join(was)})"
    parts = [runs for x in entries if (runs := describe_segments(x.segments))]
    for f in (f for x in entries for f in x.footnotes):
        runs = describe_segments(f.segments)
        parts.append(f"footnote {f.new_mark or f.old_mark}" + (f": {runs}" if runs else ""))
    return f"{head}: {'; '.join(parts)}" if parts else head


def describe_segments(segments: Sequence[Segment], most: int = 4) -> str:
    """The changed runs of a diff: ``-[all] +[some]``.

    >>> describe_segments([Segment("=", "Urges "), Segment("-", "all"), Segment("+", "some")])
    '-[all] +[some]'
    """
    runs = [s for s in segments if s.op != "=" and not s.text.isspace()]  # no "+[]"
    parts = []
    for s in runs[:most]:
        text = " ".join(s.text.split())
        text = text if len(text) <= 60 else text[:57] + "..."
        parts.append(f"{s.op}[{text}]")
    if len(runs) > most:
        parts.append(f"... ({len(runs) - most} more)")
    return " ".join(parts)
