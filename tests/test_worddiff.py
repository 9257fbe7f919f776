"""Tests for redline.worddiff: word tokens, word diffs, similarity."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redline.model import DELETE, EQUAL, INSERT, Segment, new_text, old_text
from redline.worddiff import (
    _CJK,
    _patterns,
    diff_words,
    is_word,
    quick_similarity,
    similarity,
    tokenize,
    word_bag,
)

CASES_FILE = Path(__file__).parent / "fixtures" / "worddiff_cases.txt"


def load_cases(path: Path) -> list[tuple[str, str, str, str]]:
    """(name, old, new, diff) for each block of the cases file."""
    cases = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields = {}
        for line in block.splitlines():
            if line.startswith("#") or not line:
                continue
            key, _, value = line.partition(": ")
            fields[key] = value.replace("\\n", "\n")
        if fields:
            cases.append((fields["name"], fields["old"], fields["new"], fields["diff"]))
    return cases


def wdiff(segments: tuple[Segment, ...]) -> str:
    """A diff in the cases file's notation: [-deleted-]{+inserted+}."""
    marks = {EQUAL: "{}", DELETE: "[-{}-]", INSERT: "{{+{}+}}"}
    return "".join(marks[s.op].format(s.text) for s in segments)


def changed_runs(segments: tuple[Segment, ...]) -> int:
    """Places where the text changed: a deletion, insertion, or both together."""
    runs, inside = 0, False
    for s in segments:
        if s.op != EQUAL and not inside:
            runs += 1
        inside = s.op != EQUAL
    return runs


def boundaries(segments: tuple[Segment, ...], side: str) -> set[int]:
    """Offsets in the old (or new) text where one segment ends and the next begins."""
    skip = INSERT if side == "old" else DELETE
    out, pos = set(), 0
    for s in segments:
        if s.op != skip:
            pos += len(s.text)
            out.add(pos)
    return out


def token_ends(text: str) -> set[int]:
    out, pos = {0}, 0
    for t in tokenize(text):
        pos += len(t)
        out.add(pos)
    return out


# --- tokenize ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Decides to convene", ["Decides", " ", "to", " ", "convene"]),
        ("resolution 73/188;", ["resolution", " ", "73/188", ";"]),
        ("money-laundering", ["money-laundering"]),
        ("the region’s", ["the", " ", "region’s"]),
        ("2017–2021", ["2017–2021"]),
        ("peace – security", ["peace", " ", "–", " ", "security"]),
        ("1,000 States,and", ["1,000", " ", "States", ",", "and"]),
        ("(a)  Urges", ["(", "a", ")", "  ", "Urges"]),
        ("Côte d’Ivoire", ["Côte", " ", "d’Ivoire"]),
        ("Co\u0302te", ["Co\u0302te"]),  # a decomposed accent stays inside its word
        ("大会决定", ["大", "会", "决", "定"]),
        ("", []),
    ],
)
def test_tokenize(text: str, tokens: list[str]) -> None:
    assert tokenize(text) == tokens


@given(st.text())
def test_tokenize_rebuilds_text(text: str) -> None:
    assert "".join(tokenize(text)) == text


# Below U+3400 (no ideograph) the cheap plain patterns stand in for the full ones.
_BELOW_CJK = st.text(st.characters(max_codepoint=0x33FF))


@given(_BELOW_CJK)
def test_plain_patterns_tokenize_as_the_full_ones_without_ideographs(text: str) -> None:
    full_token, full_word = _patterns(_CJK)
    assert tokenize(text) == full_token.findall(text)
    assert [is_word(t) for t in tokenize(text)] == [
        full_word.match(t) is not None for t in full_token.findall(text)
    ]


@given(st.text())
def test_tokenize_and_is_word_follow_the_full_patterns(text: str) -> None:
    full_token, full_word = _patterns(_CJK)
    assert tokenize(text) == full_token.findall(text)
    assert all(is_word(t) == (full_word.match(t) is not None) for t in tokenize(text))


def test_ideographs_are_words_of_their_own_among_latin_words() -> None:
    assert tokenize("Decides 决定 to") == ["Decides", " ", "决", "定", " ", "to"]


def test_is_word() -> None:
    assert [is_word(t) for t in ["Urges", "73/188", "决"]] == [True, True, True]
    assert [is_word(t) for t in [" ", ";", "–"]] == [False, False, False]


# --- the cases file ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [case[1:] for case in load_cases(CASES_FILE)],
    ids=[case[0] for case in load_cases(CASES_FILE)],
)
def test_case(old: str, new: str, expected: str) -> None:
    diff = diff_words(old, new)
    assert wdiff(diff) == expected
    assert old_text(diff) == old
    assert new_text(diff) == new


def test_cases_file_has_the_cases_we_rely_on() -> None:
    names = {case[0] for case in load_cases(CASES_FILE)}
    assert {"lead-phrase-changed", "rewritten-clause-one-replacement", "punctuation-only"} <= names


def test_identical_and_empty() -> None:
    assert diff_words("Urges States", "Urges States") == (Segment(EQUAL, "Urges States"),)
    assert diff_words("", "") == ()
    assert diff_words("", "Urges") == (Segment(INSERT, "Urges"),)
    assert diff_words("Urges", "") == (Segment(DELETE, "Urges"),)


def test_no_empty_or_repeated_segments() -> None:
    diff = diff_words("a b c d e f", "a x c y e z")
    assert all(s.text for s in diff)
    assert all(x.op != y.op for x, y in zip(diff, diff[1:], strict=False))


# --- a real paragraph -------------------------------------------------------------

# OP9 of A/RES/73/188 (African Institute for the Prevention of Crime), and OP9 of
# draft resolution IV in the Third Committee report A/75/479 (adopted as A/RES/75/197).
OP9_73_188 = (
    "Urges States members of the Institute that have failed to meet their financial "
    "pledges to the Institute to pay all or part of those outstanding arrears, taking into "
    "consideration that member States are to fund 73 per cent of the approved budget, and "
    "in this regard encourages all member States and organizations to fully honour their "
    "financial obligations;"
)
OP9_75_479_IV = (
    "Urges States members of the Institute that have failed to meet their annual assessed "
    "financial contributions to the Institute to pay all or part of their outstanding "
    "arrears, taking into consideration that member States are to fund 80 per cent of the "
    "approved budget, and in this regard encourages all member States and organizations to "
    "fully honour their financial obligations;"
)


def test_real_paragraph_reads_as_a_few_phrase_changes() -> None:
    diff = diff_words(OP9_73_188, OP9_75_479_IV)
    assert old_text(diff) == OP9_73_188
    assert new_text(diff) == OP9_75_479_IV
    assert changed_runs(diff) == 4
    inserted = [s.text for s in diff if s.op == INSERT]
    assert inserted == ["annual assessed ", "contributions", "their", "80"]
    assert [s.text for s in diff if s.op == DELETE] == ["pledges", "those", "73"]


def test_real_paragraph_similarity() -> None:
    score = similarity(OP9_73_188, OP9_75_479_IV)
    assert 0.85 < score < 1
    assert quick_similarity(word_bag(OP9_73_188), word_bag(OP9_75_479_IV)) >= score


def test_output_does_not_depend_on_hash_seed() -> None:
    script = (
        "from tests.test_worddiff import OP9_73_188 as a, OP9_75_479_IV as b\n"
        "from redline.worddiff import diff_words\n"
        "print(repr(diff_words(a, b)) + repr(diff_words(a * 40, (b + ' ') * 40)))\n"
    )
    root = Path(__file__).parent.parent
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("0", "1", "12345")
    }
    assert len(outputs) == 1


# --- large inputs -----------------------------------------------------------------


def test_more_distinct_tokens_than_the_basic_plane() -> None:
    old = " ".join(f"w{i}" for i in range(70_000))
    new = old.replace("w35000", "changed").replace(" w69000 ", " ")
    diff = diff_words(old, new)
    assert old_text(diff) == old and new_text(diff) == new
    assert [s.text for s in diff if s.op != EQUAL] == ["w35000", "changed", "w69000 "]


def test_long_paragraph_with_a_moved_sentence() -> None:
    words = [f"word{i % 997}" for i in range(3000)]
    old = " ".join(words)
    new = " ".join(words[1000:1500] + words[:1000] + words[1500:])
    diff = diff_words(old, new)
    assert old_text(diff) == old and new_text(diff) == new
    assert changed_runs(diff) <= 2


def test_long_unrelated_paragraphs_are_one_replacement() -> None:
    old = " ".join(f"alpha{i}" for i in range(3000))
    new = " ".join(f"beta{i}" for i in range(3000))
    assert diff_words(old, new) == (Segment(DELETE, old), Segment(INSERT, new))


# --- properties -------------------------------------------------------------------

UN_WORDS = (
    "Urges Encourages Recalls Welcomes Decides Requests the of and to in all Member States "
    "Institute Secretary-General resolution 73/188 75/197 seventy-fifth session region’s "
    "financial contributions arrears cooperation Côte d’Ivoire 2017–2021 大会 , ; . ( )"
).split()


@st.composite
def un_text(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(UN_WORDS), max_size=40))
    spaces = draw(st.lists(st.sampled_from([" ", " ", " ", "", "  ", "\n"]), min_size=len(words)))
    return "".join(w + s for w, s in zip(words, spaces, strict=False))


@st.composite
def edited_pair(draw: st.DrawFn) -> tuple[str, str]:
    """A UN-like text and a copy with words inserted, deleted and substituted."""
    old = draw(un_text())
    tokens = tokenize(old)
    for _ in range(draw(st.integers(0, 6))):
        i = draw(st.integers(0, len(tokens)))
        j = draw(st.integers(i, min(len(tokens), i + 6)))
        tokens[i:j] = tokenize(draw(un_text()))[:6]
    return old, "".join(tokens)


def assert_good_diff(old: str, new: str) -> None:
    diff = diff_words(old, new)
    assert old_text(diff) == old
    assert new_text(diff) == new
    assert diff == diff_words(old, new)
    # Never mid-word: every boundary is a token boundary on both sides.
    assert boundaries(diff, "old") <= token_ends(old)
    assert boundaries(diff, "new") <= token_ends(new)


@settings(max_examples=300)
@given(st.text(), st.text())
def test_any_texts_rebuild(old: str, new: str) -> None:
    assert_good_diff(old, new)


@settings(max_examples=300)
@given(edited_pair())
def test_edited_un_texts_rebuild(pair: tuple[str, str]) -> None:
    assert_good_diff(*pair)


@given(edited_pair())
def test_quick_similarity_bounds_similarity(pair: tuple[str, str]) -> None:
    old, new = pair
    score = similarity(old, new)
    assert 0 <= score <= 1
    assert quick_similarity(word_bag(old), word_bag(new)) >= score - 1e-12


# --- similarity -------------------------------------------------------------------


def test_similarity_scale() -> None:
    assert similarity("Urges all States", "Urges all States") == 1.0
    assert similarity("Urges all States", "Welcomes the report") == 0.0
    assert similarity("Urges all States", "Urges some States") == pytest.approx(2 / 3)
    assert similarity(";", ";") == 1.0
    assert similarity(";", ".") == 0.0


def test_similarity_counts_order() -> None:
    # Same words, different order: the bag says identical, the diff does not.
    old, new = "Urges States to act", "act to States Urges"
    assert quick_similarity(word_bag(old), word_bag(new)) == 1.0
    assert similarity(old, new) < 0.6


def test_word_bag_ignores_case_space_and_punctuation() -> None:
    assert word_bag("Urges  States; urges") == Counter({"urges": 2, "states": 1})
    assert quick_similarity(Counter(), Counter()) == 1.0
    assert quick_similarity(word_bag("Urges"), Counter()) == 0.0
