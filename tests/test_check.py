"""`redline check`: does a text match the adopted version?"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from redline.check import Profile, check, normalise_text
from redline.cli import main
from redline.read import load

FIX = Path(__file__).parent / "fixtures"
UN = FIX / "un"
REPORT_IV = f"{FIX / 'A_75_479.md'}#IV"
RES_75_197 = str(UN / "A_RES_75_197.txt")
L2, L43 = str(UN / "A_C.2_80_L.2.txt"), str(UN / "A_C.2_80_L.43.txt")


def run(*args: str) -> tuple[int, str, str]:
    """Exit code, stdout, stderr of ``redline check ARGS``."""
    r = CliRunner().invoke(main, ["check", *args])
    assert not isinstance(r.exception, Exception) or isinstance(r.exception, SystemExit), r.output
    return r.exit_code, r.stdout, r.stderr


def last_line(out: str) -> str:
    return out.rstrip("\n").rsplit("\n", 1)[-1]


# --- the real pairs ---------------------------------------------------------------


def test_adopted_unchanged_matches_across_layouts() -> None:
    """Draft IV of the report (Markdown) was adopted unchanged as 75/197 (PDF text):
    different layout, footnotes at page bottoms, ' in the report vs ’ in the resolution."""
    code, out, _ = run(REPORT_IV, RES_75_197)
    assert code == 0
    assert out == "match\n"
    code, out, _ = run(RES_75_197, REPORT_IV)  # and the other way round
    assert (code, last_line(out)) == (0, "match")


def test_strict_sees_the_apostrophe() -> None:
    code, out, _ = run("--strict", REPORT_IV, RES_75_197)
    assert code == 1
    assert "PP17 differs" in out
    # adopted -> candidate: the resolution prints ’, the report '
    assert "[-region’s-]{+region's+}" in out
    assert last_line(out) == "differs: 1 paragraph (PP17), 1 word inserted, 1 deleted"


def test_revised_draft_differs_in_op1_to_op4() -> None:
    """L.43 rewrote OP1-OP4 of L.2 ("deep concern" -> "its concern", "in accordance
    with the provisions set out in" -> "in line with", ...); the preamble is unchanged."""
    code, out, _ = run(L2, L43)
    assert code == 1
    assert last_line(out) == (
        "differs: 4 paragraphs (OP1, OP2, OP3, OP4), 19 words inserted, 12 deleted"
    )
    assert f"{L2}:23: OP1 differs" in out  # the line in the candidate
    assert "Expresses [-its-]{+deep+} concern" in out
    assert "2026[-, both within existing" in out
    assert "PP" not in out


def test_pick_by_number_and_symbol() -> None:
    report = str(FIX / "A_75_479.md")
    assert run(RES_75_197, f"{report}#A/C.3/75/L.11")[0] == 0
    code, out, _ = run(RES_75_197, f"{report}#III")
    assert code == 1 and last_line(out).startswith("differs: title, ")


def test_without_pick_the_best_draft_is_chosen() -> None:
    code, out, err = run(RES_75_197, str(FIX / "A_75_479.md"))
    assert (code, out) == (0, "match\n")
    assert "draft resolution IV" in err


# --- bad input --------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["missing", "empty", "binary", "bad-pick", "no-args"])
def test_bad_input_is_one_line_and_exit_2(kind: str, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "x.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    args = {
        "missing": [str(tmp_path / "nope.txt"), RES_75_197],
        "empty": [str(empty), RES_75_197],
        "binary": [RES_75_197, str(binary)],
        "bad-pick": [RES_75_197, f"{FIX / 'A_75_479.md'}#XIV"],
        "no-args": [],
    }[kind]
    code, out, err = run(*args)
    assert code == 2
    assert out == ""
    assert err.startswith("redline: error: ") and err.count("\n") == 1
    assert "Traceback" not in err


# --- profiles ---------------------------------------------------------------------


def test_normalise_text_folds_noise_only() -> None:
    noisy = "Member\u00a0States\u2019  **efforts** \u2014 2017\u20132021\u00ad and snake_case *"
    assert normalise_text(noisy) == "Member States' efforts - 2017-2021 and snake_case *"
    assert normalise_text(noisy, Profile(strict=True)) == noisy


def test_renumbering_counts_unless_ignored() -> None:
    from dataclasses import replace

    doc = load(L43)
    ops = [p for p in doc.paragraphs if p.label.startswith("OP")]
    # delete OP1: the others move up a number
    shifted = tuple(
        replace(p, label=f"OP{int(p.number or 0) - 1}", number=str(int(p.number or 0) - 1))
        for p in ops[1:]
    )
    cand = replace(doc, paragraphs=tuple(p for p in doc.paragraphs if p not in ops) + shifted)
    v = check(cand, doc)
    assert not v.matches
    assert v.differences[0].problem.startswith("missing")
    assert "renumbered" in v.differences[1].problem
    v = check(cand, doc, Profile(ignore_numbering=True))
    assert [r.problem.split(":")[0] for r in v.differences] == ["missing"]
