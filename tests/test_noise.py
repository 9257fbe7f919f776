"""Extraction noise (redline.noise): folded by compare and check, never a real change."""

from __future__ import annotations

import pytest

from redline.check import Profile, check
from redline.compare import compare
from redline.model import DocKind, Document, Footnote, Paragraph, ParaKind, Status
from redline.noise import walk

KNOWN = {
    "a",
    "part",
    "the",
    "of",
    "and",
    "long",
    "term",
    "two",
    "state",
    "follow",
    "up",
    "in",
    "action",
    "with",
    "states",
    "all",
}


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("the establishing of", "the establis hing of"),
        ("religious", "r eligious"),
        ("sub-item", "sub -item"),
        ("eighty-first", "eighty -first"),
        ("Secretary-General", "Secretary -General"),
        ("follow-up", "followup"),
        ("non-governmental", "non- governmental"),
        ("pre-1967", "pre\u20111967"),
        ("pre-1967", "pre\u20101967"),
        ("Member States", "Mem\u00adber States"),
        ("(a)", "( a)"),
        ("burden- and responsibility-sharing", "burden - and responsibility-sharing"),
        ("Secr etary-General", "Secretary -General"),
        # a hyphen between letters dropped, turned into a space or spaced (issue 15)
        ("Secretary-General", "SecretaryGeneral"),
        ("Secretary-General", "Secretary General"),
        ("follow-up", "follow up"),
        ("two-State", "two State"),
        ("short- and long-term", "short-and long-term"),
        ("short- and long-term", "short and long-term"),
        ("Disaster-Resilient", "Disaster - Resilient"),
        # two extractions that each lost the hyphen their own way: a compound glued in
        # camel case is never a word (A/C.3/80/L.7 in tests/fixtures/un against
        # A/RES/80/225; A/C.2/80/L.54 -> A/RES/80/139 as pdftotext prints them)
        ("Secretary General", "SecretaryGeneral"),
        ("Disaster - Resilient", "DisasterResilient"),
        # a range dash spaced differently, a space or hyphen between letter and digit
        ("2025-2034", "2025- 2034"),
        ("2025-2034", "2025 -2034"),
        ("2021-2031", "2021 - 2031"),
        ("COVID-19-related", "COVID -19related"),
        ("target 17.3", "target 1 7.3"),  # a digit or two spaced out of a number
        ("by 2030 by", "by 20 30 by"),
    ],
)
def test_artefacts_are_noise(old: str, new: str) -> None:
    assert walk(old, new, KNOWN).only
    assert walk(new, old, KNOWN).only


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("form", "from"),
        ("187", "189"),
        ("member", "Member"),
        ("non-conviction", "conviction"),
        ("a part", "apart"),  # two real words
        ("in action", "inaction"),
        ("shall", "should"),
        ("States may act", "States act"),
        ("within", "with in"),  # two real words
        ("the States - all", "the States all"),  # a spaced dash is punctuation
        ("SecretaryGeneral", "Secretarygeneral"),  # glued in camel case, but a case changed
        ("Secretary General", "Secretary"),
        ("2017-2021", "20172021"),  # digits: not a dropped line-end hyphen
        ("2017-2021", "2017 2021"),
        ("the 2017 2021 plan", "the 20172021 plan"),  # two numbers, or one
        ("16 May 2014", "16 May 20143"),  # no footnote 3 said to be lost
    ],
)
def test_real_changes_are_not_noise(old: str, new: str) -> None:
    assert not walk(old, new, KNOWN).only
    assert not walk(new, old, KNOWN).only


def test_glued_footnote_number_only_when_that_note_is_lost() -> None:
    lost = {"3"}.__contains__
    assert walk("16 May 20143 in", "16 May 2014 in", KNOWN, old_mark=lost).old_marks == ("3",)
    assert walk("the Crime3, and", "the Crime, and", KNOWN, old_mark=lost).only
    assert not walk("16 May 20145 in", "16 May 2014 in", KNOWN, old_mark=lost).only
    assert not walk("16 May 20143", "16 May 20145", KNOWN, old_mark=lost).only


def _doc(text: str, marks: tuple[str, ...] = (), notes: tuple[Footnote, ...] = ()) -> Document:
    p = Paragraph("PP1", ParaKind.PREAMBULAR, None, "Recalling", text, marks, (3, 3))
    return Document("<t>", "plain", DocKind.RESOLUTION, paragraphs=(p,), footnotes=notes)


def test_compare_calls_a_noisy_paragraph_typographic_and_check_a_match() -> None:
    clean = _doc("Recalling the establishing of the follow-up mechanism,")
    noisy = _doc("Recalling the establis hing of the followup mechanism,")
    c = compare(clean, noisy)
    (e,) = c.entries
    assert e.status is Status.TYPOGRAPHIC and not e.text_changed and e.words == (0, 0)
    assert not c.differs
    assert check(noisy, clean).matches
    assert not check(noisy, clean, Profile(strict=True)).matches


def test_a_real_word_among_noise_is_still_a_change() -> None:
    clean = _doc("Recalling the establishing of the follow-up mechanism from 2014,")
    noisy = _doc("Recalling the establis hing of the followup mechanism form 2014,")
    (e,) = compare(clean, noisy).entries
    assert e.status is Status.CHANGED and e.text_changed
    assert not check(noisy, clean).matches


def test_a_glued_footnote_number_is_the_lost_citation() -> None:
    note = Footnote("3", "Resolution 70/1.")
    clean = _doc("Recalling its resolution of 16 May 2014, and", ("3",), (note,))
    glued = _doc("Recalling its resolution of 16 May 20143, and", (), (note,))
    (e,) = compare(clean, glued).entries
    assert e.status is Status.TYPOGRAPHIC and not e.footnotes
    assert check(glued, clean).matches
    # without that footnote in the document, 20143 is a number
    bare = _doc("Recalling its resolution of 16 May 20143, and")
    assert not check(bare, clean).matches


def test_a_real_draft_that_differs_only_by_noise_matches() -> None:
    """A/80/L.9 -> A/RES/80/6: the same words; pdftotext printed `eighty -first` twice."""
    from pathlib import Path

    from redline.parser.load import load

    un = Path(__file__).parent / "fixtures" / "un"
    draft, adopted = load(str(un / "A_80_L.9.txt")), load(str(un / "A_RES_80_6.txt"))
    c = compare(draft, adopted)
    noisy = [e for e in c.entries if e.status is Status.TYPOGRAPHIC]
    assert [e.new.label for e in noisy if e.new] == ["OP20", "OP32"] and not c.differs
    assert check(adopted, draft).matches
    strict = check(adopted, draft, Profile(strict=True))
    assert [r.label for r in strict.differences] == ["OP20", "OP32"]
