"""A real revision: resolution 73/188 against its successor, draft resolution IV of A/75/479.

Draft IV (A/C.3/75/L.11, adopted unchanged as 75/197) revises 73/188: the old
OP21 (*Notes* the ongoing efforts …) moves into the preamble as *Recognizing*
the ongoing efforts …, which adds one preambular paragraph and renumbers OP22–25
as OP21–24; OP2 *Welcomes* becomes *Recalls*; OP9 is reworded; the rest are
technical updates (resolution numbers, dates, session ordinals, the plan period,
the report cited). Nothing else may show up as a change.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import redline
from redline.compare import compare
from redline.model import Comparison, Entry, ParaKind, Segment, Status

FIXTURES = Path(__file__).parent / "fixtures"
OLD = str(FIXTURES / "un" / "A_RES_73_188.txt")  # A/RES/73/188, PDF text
NEW = str(FIXTURES / "A_75_479.md") + "#IV"  # A/75/479, draft resolution IV, Markdown


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    # Not redline.compare: once redline/compare.py is imported, that name is the module.
    return compare(redline.parse(OLD), redline.parse(NEW))


def by_old(c: Comparison, label: str) -> Entry:
    (e,) = [e for e in c.entries if e.old is not None and e.old.label == label]
    return e


def edits(e: Entry) -> list[tuple[str, str]]:
    """The deleted and inserted runs, with the spaces a PDF line join may leave squeezed
    ("(2013–\n2017)" reads "(2013– 2017)" in the PDF text of PP9)."""
    return [
        (s.op, _DASH_SPACE.sub(r"\1", " ".join(s.text.split()))) for s in e.segments if s.op != "="
    ]


_DASH_SPACE = re.compile(r"(\d[–-]) (?=\d)")


def test_old_op21_moves_into_the_preamble_as_recognizing(comparison: Comparison) -> None:
    (moved,) = [e for e in comparison.entries if e.status is Status.MOVED]
    assert (moved.old.label, moved.new.label) == ("OP21", "PP15")
    assert moved.new.kind is ParaKind.PREAMBULAR
    assert moved.old.text.startswith("Notes the ongoing efforts")
    assert moved.new.text.startswith("Recognizing the ongoing efforts")
    assert edits(moved) == [
        ("-", "Notes"),
        ("+", "Recognizing"),
        ("-", "Lilongwe on 29 May 2015"),
        ("+", "Addis Ababa on 18 February 2020"),
        ("-", ";"),
        ("+", ","),
    ]
    # It stands where the new text has it: after PP14, before the old PP15 (now PP16).
    labels = [e.new.label for e in comparison.entries if e.new is not None]
    assert labels.index("PP15") == labels.index("PP14") + 1


def test_the_preamble_gains_one_paragraph_and_nothing_is_lost(comparison: Comparison) -> None:
    count = {
        side: sum(p.kind is ParaKind.PREAMBULAR for p in doc.paragraphs)
        for side, doc in (("old", comparison.old), ("new", comparison.new))
    }
    assert count["new"] == count["old"] + 1  # the added paragraph is the moved OP21
    statuses = {e.status for e in comparison.entries}
    assert Status.INSERTED not in statuses and Status.DELETED not in statuses
    assert Status.SPLIT not in statuses and Status.MERGED not in statuses


def test_welcomes_becomes_recalls_in_op2(comparison: Comparison) -> None:
    e = by_old(comparison, "OP2")
    assert (e.status, e.new.label) == (Status.CHANGED, "OP2")
    assert e.segments[:2] == (Segment("-", "Welcomes"), Segment("+", "Recalls"))
    assert edits(e) == [("-", "Welcomes"), ("+", "Recalls")]


def test_op9_is_reworded(comparison: Comparison) -> None:
    e = by_old(comparison, "OP9")
    assert (e.status, e.new.label) == (Status.CHANGED, "OP9")
    assert edits(e) == [
        ("+", "annual assessed"),
        ("-", "pledges"),
        ("+", "contributions"),
        ("-", "those"),
        ("+", "their"),
        ("-", "73"),
        ("+", "80"),
    ]


def test_op22_to_op25_are_renumbered_op21_to_op24(comparison: Comparison) -> None:
    assert [(by_old(comparison, f"OP{n}").new.label) for n in (22, 23, 24, 25)] == [
        "OP21",
        "OP22",
        "OP23",
        "OP24",
    ]
    assert by_old(comparison, "OP24").status is Status.RENUMBERED
    # OP22, OP23 and OP25 also carry technical updates (below), so they are changed.


# Every other change is a technical update, listed exactly: (old label, new label) ->
# runs deleted and inserted, and footnote changes as (old mark, new mark, runs).
TECHNICAL = {
    ("PP1", "PP1"): [
        ("-", "resolutions 70/180"),
        ("+", "resolution 73/188"),
        ("-", "2015 and 71/207 of 19 December 2016"),
        ("+", "2018"),
    ],
    ("PP9", "PP9"): [("-", "(2013–2017"), ("+", "and Crime Prevention (2019–2023")],
    ("OP3", "OP3"): [("-", "(2013–2017"), ("+", "and Crime Prevention (2019–2023")],
    ("OP22", "OP21"): [("-", "71/207"), ("+", "73/188")],
    ("OP23", "OP22"): [("-", "71/207"), ("+", "73/188")],
    ("OP25", "OP24"): [("-", "seventy-fifth"), ("+", "seventy-seventh")],
}
FOOTNOTES = {
    # The Secretary-General's report cited is the new one, A/75/111 …
    ("PP2", "PP2"): [("1", "1", [("-", "A/73/133"), ("+", "A/75/111"), ("=", ".")])],
    # … and the old one, A/73/133, is now cited where its funding findings are recalled.
    ("PP15", "PP16"): [(None, "2", [("+", "A/73/133.")])],
}
# Same words, other numbers: renumbered only; PP16 -> PP17 also changes ’ to ' in
# "region's" (PDF text against Markdown: the same words), so it is typographic (issue 18).
RENUMBERED = {("PP16", "PP17"), ("PP17", "PP18"), ("OP24", "OP23")}
TYPOGRAPHIC = {("PP16", "PP17")}
PARSER_ARTEFACT = "OP12"  # see test_op12_footnote_marks_are_not_words


def test_no_other_changes_than_the_technical_updates(comparison: Comparison) -> None:
    seen_text, seen_notes, renumbered = {}, {}, set()
    for e in comparison.entries:
        if e.status in (Status.UNCHANGED, Status.MOVED):
            assert e.status is Status.MOVED or not e.text_changed, e.old.label
            continue
        if e.old.label == PARSER_ARTEFACT:
            continue
        key = (e.old.label, e.new.label)
        if e.status in (Status.RENUMBERED, Status.TYPOGRAPHIC):
            assert (e.status is Status.TYPOGRAPHIC) == (key in TYPOGRAPHIC), key
            renumbered.add(key)
            continue
        if key in {("OP2", "OP2"), ("OP9", "OP9")}:
            continue
        assert e.status is Status.CHANGED, key
        if any(s.op != "=" for s in e.segments):
            seen_text[key] = edits(e)
        if e.footnotes:
            seen_notes[key] = [
                (f.old_mark, f.new_mark, [(s.op, s.text) for s in f.segments]) for f in e.footnotes
            ]
    assert seen_text == TECHNICAL
    assert seen_notes == FOOTNOTES
    assert renumbered == RENUMBERED


def test_op12_footnote_marks_are_not_words(comparison: Comparison) -> None:
    e = by_old(comparison, PARSER_ARTEFACT)
    assert e.status is Status.UNCHANGED
