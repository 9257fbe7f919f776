"""Paragraph alignment: which old paragraph became which new one, and how.

Unit tests read like examples, one behaviour each; the hypothesis property at
the end checks that no text is ever lost, whatever the edits.
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from redline.align import (
    MOVE_MIN_SIMILARITY,
    PAIR_MIN_SIMILARITY,
    align,
    normalize,
)
from redline.model import Entry, Paragraph, ParaKind, Segment, Status, new_text, old_text

# --- builders ----------------------------------------------------------------------


def pp(n: int, text: str) -> Paragraph:
    """Preambular paragraph n."""
    return Paragraph(f"PP{n}", ParaKind.PREAMBULAR, None, text.split(" ")[0], text)


def op(n: int, text: str) -> Paragraph:
    """Operative paragraph n."""
    return Paragraph(f"OP{n}", ParaKind.OPERATIVE, str(n), text.split(" ")[0], text)


def sub(n: int, letter: str, text: str) -> Paragraph:
    """Sub-paragraph (letter) of operative paragraph n."""
    return Paragraph(
        f"OP{n}({letter})", ParaKind.SUBPARAGRAPH, f"({letter})", "", text, parent=f"OP{n}"
    )


def number(texts: Sequence[tuple[str, str]]) -> list[Paragraph]:
    """Paragraphs from (kind, text) pairs, "pp" or "op", numbered as printed."""
    out: list[Paragraph] = []
    n_pp = n_op = 0
    for kind, text in texts:
        if kind == "pp":
            n_pp += 1
            out.append(pp(n_pp, text))
        else:
            n_op += 1
            out.append(op(n_op, text))
    return out


def segs(*runs: tuple[str, str]) -> tuple[Segment, ...]:
    """Segments from (op, text) pairs."""
    return tuple(Segment(op, text) for op, text in runs)


def row(e: Entry) -> tuple[str, str | None, str | None]:
    """An entry as (status, old label, new label)."""
    return e.status.value, e.old.label if e.old else None, e.new.label if e.new else None


def changes(entries: Sequence[Entry]) -> list[tuple[str, str | None, str | None]]:
    """Rows of every entry that is not unchanged."""
    return [row(e) for e in entries if e.status is not Status.UNCHANGED]


PREAMBLE = [
    "Recalling its resolutions 70/180 of 17 December 2015 and 71/207 of 19 December 2016,",
    "Taking note of the report of the Secretary-General,",
    "Bearing in mind the urgent need to establish effective crime prevention strategies,",
    "Aware of the devastating impact of new and more dynamic crime trends on economies,",
]
OPERATIVE = [
    "Commends the Institute for its efforts to promote and coordinate regional cooperation;",
    "Welcomes the decision of the Governing Board to adopt the strategic plan for 2017–2021;",
    "Acknowledges the progress made by African States in the implementation of the Plan;",
    "Encourages Member States to raise awareness of the work of the Institute;",
    "Reaffirms the need to further strengthen the capacity of the Institute;",
    "Urges all Member States to continue to adopt concrete practical measures of support;",
    "Requests the Secretary-General to submit a report at its seventy-fifth session.",
]


def resolution() -> list[Paragraph]:
    return number([("pp", t) for t in PREAMBLE] + [("op", t) for t in OPERATIVE])


# --- unit tests --------------------------------------------------------------------


def test_identical_documents_are_all_unchanged() -> None:
    doc = resolution()
    entries = align(doc, doc)
    assert [e.status for e in entries] == [Status.UNCHANGED] * len(doc)
    assert all(e.segments == segs(("=", e.old.text)) for e in entries if e.old)


def test_whitespace_quotes_and_dashes_do_not_break_an_anchor() -> None:
    assert normalize("States\u2019  plan \u2013 2017\u20132021") == "States' plan - 2017-2021"


def test_inserted_operative_paragraph_renumbers_those_after_it() -> None:
    old = resolution()
    texts = [("pp", t) for t in PREAMBLE] + [("op", t) for t in OPERATIVE]
    texts.insert(len(PREAMBLE) + 4, ("op", "Invites Member States to provide resources;"))
    entries = align(old, number(texts))
    assert changes(entries) == [
        ("inserted", None, "OP5"),
        ("renumbered", "OP5", "OP6"),
        ("renumbered", "OP6", "OP7"),
        ("renumbered", "OP7", "OP8"),
    ]
    assert entries[len(PREAMBLE) + 5].segments == segs(("=", OPERATIVE[4]))


def test_lead_phrase_urges_to_encourages_is_changed() -> None:
    old = [op(1, "Urges Member States to ratify the Convention;")]
    new = [op(1, "Encourages Member States to ratify the Convention;")]
    (e,) = align(old, new)
    assert row(e) == ("changed", "OP1", "OP1")
    assert e.segments == segs(
        ("-", "Urges"),
        ("+", "Encourages"),
        ("=", " Member States to ratify the Convention;"),
    )
    assert PAIR_MIN_SIMILARITY <= e.similarity < 1


def test_changed_and_renumbered_paragraph_is_changed_with_both_labels() -> None:
    old = resolution()
    texts = [("pp", t) for t in PREAMBLE] + [("op", t) for t in OPERATIVE]
    texts.insert(len(PREAMBLE), ("op", "Takes note of the report;"))
    texts[len(PREAMBLE) + 3] = ("op", OPERATIVE[2].replace("African States", "States"))
    entries = align(old, number(texts))
    assert ("changed", "OP3", "OP4") in changes(entries)
    assert sum(e.status is Status.CHANGED for e in entries) == 1


def test_identical_paragraph_moved_within_operative_part() -> None:
    old = resolution()
    texts = [("pp", t) for t in PREAMBLE] + [("op", t) for t in OPERATIVE]
    first = texts.pop(len(PREAMBLE))
    texts.insert(len(texts) - 1, first)  # OP1 goes before the last
    entries = align(old, number(texts))
    moved = [e for e in entries if e.status is Status.MOVED]
    assert [row(e) for e in moved] == [("moved", "OP1", "OP6")]
    assert moved[0].segments == segs(("=", OPERATIVE[0]))
    # Placed where it now stands: after new OP5, before new OP7.
    labels = [e.new.label for e in entries if e.new]
    assert labels.index("OP6") == labels.index("OP5") + 1
    assert not any(e.status in (Status.INSERTED, Status.DELETED) for e in entries)


def test_edited_paragraph_moved_from_operative_part_into_preamble() -> None:
    note = "Notes the ongoing efforts by the Governing Board to mobilize States members;"
    old = number(
        [("pp", t) for t in PREAMBLE]
        + [("op", t) for t in OPERATIVE[:5]]
        + [("op", note)]
        + [("op", t) for t in OPERATIVE[5:]]
    )
    recognizing = note.replace("Notes", "Recognizing").replace(";", ",")
    new = number(
        [("pp", t) for t in PREAMBLE] + [("pp", recognizing)] + [("op", t) for t in OPERATIVE]
    )
    entries = align(old, new)
    (moved,) = [e for e in entries if e.status is Status.MOVED]
    assert row(moved) == ("moved", "OP6", "PP5")
    assert segs(("-", "Notes"), ("+", "Recognizing")) == moved.segments[:2]
    assert moved.similarity >= MOVE_MIN_SIMILARITY
    # In reading order of the new text: right after PP4.
    assert entries.index(moved) == len(PREAMBLE)
    assert changes(entries) == [
        ("moved", "OP6", "PP5"),
        ("renumbered", "OP7", "OP6"),
        ("renumbered", "OP8", "OP7"),
    ]


def test_one_paragraph_moved_up_past_edited_ones_is_the_only_move() -> None:
    # A/RES/78/228 -> A/C.3/80/L.4: old PP25 moved up to PP20; the edited paragraphs
    # between kept their order and are renumbered (or changed), not moved.
    old = resolution()
    texts = [("pp", t.replace(",", ", further,", 1)) for t in PREAMBLE[:3]] + [
        ("op", t) for t in OPERATIVE
    ]
    texts.insert(0, ("pp", PREAMBLE[3]))  # old PP4 is new PP1, unchanged
    assert changes(align(old, number(texts))) == [
        ("moved", "PP4", "PP1"),
        ("changed", "PP1", "PP2"),
        ("changed", "PP2", "PP3"),
        ("changed", "PP3", "PP4"),
    ]


def test_of_two_swapped_paragraphs_the_shorter_moved() -> None:
    long_text, short_text = OPERATIVE[5], OPERATIVE[4]  # 12 words, 9 words
    old = [op(1, OPERATIVE[0]), op(2, long_text), op(3, short_text)]
    new = [op(1, OPERATIVE[0]), op(2, short_text), op(3, long_text)]
    assert changes(align(old, new)) == [("moved", "OP3", "OP2"), ("renumbered", "OP2", "OP3")]
    assert changes(align(new, old)) == [("renumbered", "OP3", "OP2"), ("moved", "OP2", "OP3")]


def test_split_paragraph_gives_two_entries_sharing_the_old_one() -> None:
    whole = (
        "Requests the Secretary-General to continue his efforts to mobilize the financial "
        "resources necessary, and requests the Institute to provide the annual report on "
        "its activities to the Office and to the Conference of African Ministers;"
    )
    first = (
        "Requests the Secretary-General to continue his efforts to mobilize the financial "
        "resources necessary;"
    )
    second = (
        "Also requests the Institute to provide the annual report on its activities to the "
        "Office and to the Conference of African Ministers;"
    )
    old = [op(1, OPERATIVE[0]), op(2, whole), op(3, OPERATIVE[6])]
    new = [op(1, OPERATIVE[0]), op(2, first), op(3, second), op(4, OPERATIVE[6])]
    entries = align(old, new)
    split = [e for e in entries if e.status is Status.SPLIT]
    assert [row(e) for e in split] == [("split", "OP2", "OP2"), ("split", "OP2", "OP3")]
    assert split[0].group == split[1].group is not None
    assert [new_text(e.segments) for e in split] == [first, second]
    assert old_text(split[0].segments) + old_text(split[1].segments) == whole
    assert entries.index(split[1]) == entries.index(split[0]) + 1
    assert row(entries[-1]) == ("renumbered", "OP3", "OP4")


def test_split_at_and_requests_into_a_paragraph_beginning_requests() -> None:
    # The second piece is short next to the first: one piece alone already fits the
    # old paragraph well, yet the joined pieces fit it better and both came from it.
    whole = (
        "Urges all Member States to continue to adopt concrete practical measures of support "
        "to the Institute and to strengthen its capacity to deliver its mandate, and requests "
        "the Secretary-General to report thereon;"
    )
    first = (
        "Urges all Member States to continue to adopt concrete practical measures of support "
        "to the Institute and to strengthen its capacity to deliver its mandate;"
    )
    second = "Requests the Secretary-General to report thereon;"
    old = [op(1, OPERATIVE[0]), op(2, whole), op(3, OPERATIVE[6])]
    new = [op(1, OPERATIVE[0]), op(2, first), op(3, second), op(4, OPERATIVE[6])]
    entries = align(old, new)
    assert changes(entries) == [
        ("split", "OP2", "OP2"),
        ("split", "OP2", "OP3"),
        ("renumbered", "OP3", "OP4"),
    ]
    check_lossless(old, new, entries)


def test_split_into_three_pieces_each_edited() -> None:
    # A/RES/79/183 OP14 -> A/C.3/80/L.30 OP12, OP13, OP14, in miniature.
    whole = (
        "Condemns the intensified, targeted repression of women and girls, both online and "
        "offline, and strongly urges the Government to eliminate all forms of discrimination "
        "against women and girls; acknowledges the bill to protect women against violence, "
        "and calls for its revision to ensure alignment with international human rights law; "
        "and calls upon the Government to promote the full, equal and meaningful "
        "participation of women in political and other decision-making processes;"
    )
    pieces = [
        "Condemns the targeted repression of women and girls, both online and offline, and "
        "strongly urges the Government to eliminate all forms of discrimination against "
        "women and girls;",
        "Notes the withdrawal and reversal of the bill to protect women against violence, "
        "and calls for its revision to ensure alignment with international human rights law;",
        "Calls upon the Government to promote the full, equal and meaningful participation "
        "of women in political and other decision-making processes;",
    ]
    old = [op(1, OPERATIVE[0]), op(2, whole), op(3, OPERATIVE[6])]
    new = [op(1, OPERATIVE[0]), *(op(k + 2, t) for k, t in enumerate(pieces)), op(5, OPERATIVE[6])]
    entries = align(old, new)
    split = [e for e in entries if e.status is Status.SPLIT]
    assert [row(e) for e in split] == [("split", "OP2", f"OP{k}") for k in (2, 3, 4)]
    assert len({e.group for e in split}) == 1
    assert [new_text(e.segments) for e in split] == pieces
    assert "".join(old_text(e.segments) for e in split) == whole
    check_lossless(old, new, entries)


def test_new_paragraph_repeating_an_unchanged_neighbour_is_not_a_split() -> None:
    kept = OPERATIVE[3]  # Encourages Member States to raise awareness of the work of the Institute;
    also = "Also encourages Member States to raise awareness of the work of the Office;"
    old = [op(1, OPERATIVE[0]), op(2, kept), op(3, OPERATIVE[6])]
    new = [op(1, OPERATIVE[0]), op(2, kept), op(3, also), op(4, OPERATIVE[6])]
    assert changes(align(old, new)) == [("inserted", None, "OP3"), ("renumbered", "OP3", "OP4")]


def test_merged_paragraphs_give_two_entries_sharing_the_new_one() -> None:
    first = "Urges all States to consider ratifying the Convention against Corruption;"
    second = "Also urges States parties to inform the Office of any impediments they encounter;"
    merged = (
        "Urges all States to consider ratifying the Convention against Corruption, and "
        "urges States parties to inform the Office of any impediments they encounter;"
    )
    old = [op(1, OPERATIVE[0]), op(2, first), op(3, second), op(4, OPERATIVE[6])]
    new = [op(1, OPERATIVE[0]), op(2, merged), op(3, OPERATIVE[6])]
    entries = align(old, new)
    merge = [e for e in entries if e.status is Status.MERGED]
    assert [row(e) for e in merge] == [("merged", "OP2", "OP2"), ("merged", "OP3", "OP2")]
    assert merge[0].group == merge[1].group is not None
    assert [old_text(e.segments) for e in merge] == [first, second]
    assert new_text(merge[0].segments) + new_text(merge[1].segments) == merged


def test_unrelated_paragraphs_are_not_paired() -> None:
    old = [op(1, OPERATIVE[0]), op(2, "Decides to include in the provisional agenda the item;")]
    new = [op(1, OPERATIVE[0]), op(2, "Welcomes the adoption of the Kampala Declaration;")]
    assert changes(align(old, new)) == [("deleted", "OP2", None), ("inserted", None, "OP2")]


def test_unrelated_paragraph_elsewhere_is_not_a_move() -> None:
    old = resolution()
    new = resolution()[:-1] + [op(8, "Decides to remain seized of the matter.")]
    new = [pp(5, "Convinced of the value of regional cooperation in Africa,"), *new]
    assert not [e for e in align(old, new) if e.status is Status.MOVED]


def test_deleted_paragraph_stands_where_it_stood_in_the_old_text() -> None:
    old = resolution()
    kept = [t for t in OPERATIVE if t != OPERATIVE[2]]
    new = number([("pp", t) for t in PREAMBLE] + [("op", t) for t in kept])
    rows = [row(e) for e in align(old, new)]
    assert rows.index(("deleted", "OP3", None)) == rows.index(("unchanged", "OP2", "OP2")) + 1


def test_sub_paragraphs_are_aligned_within_their_parent() -> None:
    # New OP1(a) reads more like old OP2(a) than like old OP1(a); it stays in OP1.
    old = [
        op(1, "Requests the Institute:"),
        sub(1, "a", "To report on its activities to the Office;"),
        op(2, "Requests the Secretary-General:"),
        sub(2, "a", "To report on its activities to the Assembly at its next session;"),
    ]
    new = [
        op(1, "Requests the Institute, within existing resources:"),
        sub(1, "a", "To report on its activities to the Assembly at its session;"),
        op(2, "Requests the Secretary-General, within existing resources:"),
        sub(2, "a", "To report on its activities to the Office at its next session;"),
    ]
    assert [row(e) for e in align(old, new)] == [
        ("changed", "OP1", "OP1"),
        ("changed", "OP1(a)", "OP1(a)"),
        ("changed", "OP2", "OP2"),
        ("changed", "OP2(a)", "OP2(a)"),
    ]


def test_sub_paragraph_moved_to_another_parent() -> None:
    old = [
        op(1, "Requests the Institute:"),
        sub(1, "a", "To report on its activities to the Office;"),
        sub(1, "b", "To strengthen cooperation with regional entities;"),
        op(2, "Requests the Secretary-General:"),
        sub(2, "a", "To submit a report to the General Assembly at its next session;"),
    ]
    new = [
        op(1, "Requests the Institute:"),
        sub(1, "a", "To strengthen cooperation with regional entities;"),
        op(2, "Requests the Secretary-General:"),
        sub(2, "a", "To report on its activities to the Office;"),
        sub(2, "b", "To submit a report to the General Assembly at its next session;"),
    ]
    assert [row(e) for e in align(old, new)] == [
        ("unchanged", "OP1", "OP1"),
        ("renumbered", "OP1(b)", "OP1(a)"),
        ("unchanged", "OP2", "OP2"),
        ("moved", "OP1(a)", "OP2(a)"),
        ("renumbered", "OP2(a)", "OP2(b)"),
    ]


def test_duplicated_paragraphs_pair_in_order() -> None:
    doc = resolution() * 3  # labels repeat too: each copy pairs with its copy
    entries = align(doc, doc)
    assert all(e.status is Status.UNCHANGED for e in entries)
    assert [e.old for e in entries] == doc


def test_same_input_same_output() -> None:
    old = resolution()
    new = list(reversed(resolution()))
    assert align(old, new) == align(old, new)


def test_reworded_paragraph_moved_is_one_move_with_edits() -> None:
    # A/RES/79/183 OP2 -> A/C.3/80/L.30 OP5, in miniature: Welcomes -> Notes, half the
    # words changed, the distinctive ones ("largest refugee populations") kept.
    welcomes = (
        "Welcomes the efforts of the Government to host one of the largest refugee "
        "populations in the world, including over 3.7 million Afghan refugees and "
        "asylum-seekers according to figures reported by the High Commissioner, "
        "acknowledges efforts to provide them with access to basic services, "
        "acknowledges planned efforts for further protection of certain categories of migrants, "
        "and notes with concern the reports of deportation of many undocumented foreign nationals;"
    )
    notes = (
        "Notes the efforts of the Government in hosting one of the largest refugee "
        "populations in the world, including approximately 3.49 million refugees, "
        "acknowledges efforts to provide them with access to basic services, while "
        "expressing serious concern about the withdrawal of temporary legal protections and "
        "the forced return of more than 1.65 million Afghans in 2025, including "
        "unaccompanied children, putting returnees at serious risk of persecution;"
    )
    old = [op(1, OPERATIVE[0]), op(2, welcomes), op(3, OPERATIVE[3]), op(4, OPERATIVE[4])]
    new = [op(1, OPERATIVE[0]), op(2, OPERATIVE[3]), op(3, notes), op(4, OPERATIVE[4])]
    entries = align(old, new)
    assert changes(entries) == [("renumbered", "OP3", "OP2"), ("moved", "OP2", "OP3")]
    (moved,) = [e for e in entries if e.status is Status.MOVED]
    assert moved.similarity < PAIR_MIN_SIMILARITY  # below what a move needed before
    assert moved.segments[:2] == segs(("-", "Welcomes"), ("+", "Notes"))
    check_lossless(old, new, entries)


def test_paragraphs_sharing_only_boilerplate_are_not_paired() -> None:
    # "the Islamic Republic of Iran" is in every paragraph: it tells nothing.
    iran = "the Islamic Republic of Iran"
    old = [
        op(1, f"Urges {iran} to release all persons arbitrarily detained;"),
        op(2, f"Calls upon {iran} to cooperate with the special procedures of {iran};"),
        op(3, f"Welcomes the directive of {iran} on human rights in judicial decisions;"),
    ]
    new = [
        op(1, f"Urges {iran} to release all persons arbitrarily detained;"),
        op(2, f"Takes note of the outcome of the elections in {iran} and encourages {iran};"),
        op(3, f"Calls upon {iran} to cooperate with the special procedures of {iran};"),
    ]
    assert changes(align(old, new)) == [
        ("inserted", None, "OP2"),
        ("renumbered", "OP2", "OP3"),
        ("deleted", "OP3", None),
    ]


# --- property: nothing is ever lost -------------------------------------------------

VOCABULARY = (
    "Member States United Nations the of and to in its General Assembly Secretary-General "
    "report resolution Institute crime prevention criminal justice Africa cooperation "
    "support implementation programme regional international development session "
    "financial resources relevant mandate capacity efforts strengthen human rights"
).split()
LEADS_PP = ["Recalling", "Reaffirming", "Noting", "Recognizing", "Bearing in mind", "Aware"]
LEADS_OP = ["Urges", "Encourages", "Requests", "Decides", "Welcomes", "Calls upon", "Invites"]

words = st.lists(st.sampled_from(VOCABULARY), min_size=3, max_size=14)


@st.composite
def paragraph_texts(draw: st.DrawFn, kind: str) -> tuple[str, str]:
    lead = draw(st.sampled_from(LEADS_PP if kind == "pp" else LEADS_OP))
    return kind, " ".join([lead, *draw(words)]) + ("," if kind == "pp" else ";")


@st.composite
def documents(draw: st.DrawFn) -> list[tuple[str, str]]:
    pps = draw(st.lists(paragraph_texts("pp"), min_size=0, max_size=6))
    ops = draw(st.lists(paragraph_texts("op"), min_size=1, max_size=9))
    return pps + ops


@st.composite
def edited(draw: st.DrawFn) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """A document and a revision of it: word edits and paragraph-level edits."""
    old = draw(documents())
    new = list(old)
    for _ in range(draw(st.integers(0, 5))):
        what = draw(st.sampled_from(["word", "insert", "delete", "move", "split", "merge"]))
        k = draw(st.integers(0, max(0, len(new) - 1)))
        if not new:
            new.append(draw(paragraph_texts("op")))
        elif what == "word":
            kind, text = new[k]
            ws = text.split(" ")
            ws[draw(st.integers(0, len(ws) - 1))] = draw(st.sampled_from(VOCABULARY))
            new[k] = (kind, " ".join(ws))
        elif what == "insert":
            new.insert(k, draw(paragraph_texts(new[k][0])))
        elif what == "delete":
            new.pop(k)
        elif what == "move":
            item = new.pop(k)
            new.insert(draw(st.integers(0, len(new))), item)
        elif what == "split":
            kind, text = new[k]
            ws = text.split(" ")
            if len(ws) >= 4:
                cut = draw(st.integers(2, len(ws) - 2))
                new[k : k + 1] = [(kind, " ".join(ws[:cut]) + ";"), (kind, " ".join(ws[cut:]))]
        elif k + 1 < len(new):
            new[k : k + 2] = [(new[k][0], new[k][1] + " and " + new[k + 1][1])]
    # Keep preamble before operative part, as a resolution prints it.
    new.sort(key=lambda t: t[0] == "op")
    return old, new


def check_lossless(old: list[Paragraph], new: list[Paragraph], entries: Sequence[Entry]) -> None:
    """Each paragraph is rebuilt exactly, by one entry or by one split/merge group."""
    for side, paras, text_of, group_status in (
        ("old", old, old_text, Status.SPLIT),
        ("new", new, new_text, Status.MERGED),
    ):
        pieces: dict[int, list[Entry]] = {}
        for e in entries:
            p = getattr(e, side)
            if p is not None:
                pieces.setdefault(id(p), []).append(e)
        assert set(pieces) == {id(p) for p in paras}, f"some {side} paragraph is missing"
        for p in paras:
            mine = pieces[id(p)]
            if len(mine) > 1:
                assert {e.status for e in mine} == {group_status}
                assert len({e.group for e in mine}) == 1 and mine[0].group is not None
            assert "".join(text_of(e.segments) for e in mine) == p.text
    for e in entries:
        if e.old is not None and e.status is not Status.SPLIT:
            assert old_text(e.segments) == e.old.text
        if e.new is not None and e.status is not Status.MERGED:
            assert new_text(e.segments) == e.new.text
        assert (e.old is None) == (e.status is Status.INSERTED)
        assert (e.new is None) == (e.status is Status.DELETED)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited())
def test_every_paragraph_is_rebuilt_exactly(pair: tuple[list, list]) -> None:
    old, new = number(pair[0]), number(pair[1])
    entries = align(old, new)
    check_lossless(old, new, entries)
    # Reading order of the new text.
    seen = [id(e.new) for e in entries if e.new is not None]
    assert list(dict.fromkeys(seen)) == [id(p) for p in new]


@settings(max_examples=100, deadline=None)
@given(documents())
def test_identical_documents_property(texts: list[tuple[str, str]]) -> None:
    doc = number(texts)
    assert all(e.status is Status.UNCHANGED for e in align(doc, list(doc)))


@settings(max_examples=100, deadline=None)
@given(documents(), paragraph_texts("op"))
def test_insertion_before_op5_renumbers_only(
    texts: list[tuple[str, str]], extra: tuple[str, str]
) -> None:
    ops = [t for t in texts if t[0] == "op"]
    while len(ops) < 6:
        ops.append(("op", f"Decides to continue consideration of item {len(ops)};"))
    texts = [t for t in texts if t[0] == "pp"] + ops
    assume(extra not in texts)
    at = len(texts) - len(ops) + 4
    new_texts = texts[:at] + [extra] + texts[at:]
    old, new = number(texts), number(new_texts)
    entries = align(old, new)
    check_lossless(old, new, entries)
    assert not [e for e in entries if e.status is Status.CHANGED]
    after = [
        e
        for e in entries
        if e.old is not None and e.old.kind is ParaKind.OPERATIVE and int(e.old.number or 0) >= 5
    ]
    assert after and all(e.status is Status.RENUMBERED for e in after)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(words, min_size=2, max_size=5),
    st.lists(st.sampled_from(VOCABULARY), min_size=0, max_size=3),
    st.booleans(),
)
def test_a_paragraph_split_into_many_is_rebuilt_exactly(
    clauses: list[list[str]], extra: list[str], as_merge: bool
) -> None:
    # One paragraph of clauses joined by ", and " against each clause as a paragraph
    # of its own, a few words added to the last: whatever is found, nothing is lost.
    whole = ", and ".join(" ".join(c) for c in clauses) + ";"
    pieces = [" ".join(c) + ";" for c in clauses]
    pieces[-1] = " ".join([*clauses[-1], *extra]) + ";"
    one = [op(1, OPERATIVE[0]), op(2, whole), op(3, OPERATIVE[6])]
    many = [op(1, OPERATIVE[0]), *(op(k + 2, t) for k, t in enumerate(pieces))]
    many.append(op(len(many) + 1, OPERATIVE[6]))
    old, new = (many, one) if as_merge else (one, many)
    check_lossless(old, new, align(old, new))
