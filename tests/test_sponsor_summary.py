"""The sponsor summary of a comparison on real documents: one count, canonical names,
nobody added or removed when one side lists none, a block per resolution of a report.

Fixtures are real UN texts (``tests/fixtures/``): A/75/479 (Third Committee report,
Markdown), and pdftotext output of L-documents and adopted resolutions.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from redline.cli import main
from redline.model import DocKind, Document, Sponsors
from redline.sponsors import compare_documents, pair_resolutions

FIX = Path(__file__).parent / "fixtures"
UN = FIX / "un"
REPORT = FIX / "A_75_479.md"


def run(*args: str) -> str:
    result = CliRunner().invoke(main, [*args])
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def diff_json(old: str, new: str) -> dict:  # type: ignore[type-arg]
    return json.loads(run("diff", old, new, "--format", "json"))["sponsors"]


@pytest.mark.parametrize(
    ("old", "new", "count", "why"),
    [
        ("A_C.3_80_L.20.txt", "A_RES_80_190.txt", 66, "adopted resolution"),
        ("A_C.3_80_L.12.txt", "A_RES_80_178.txt", 1, "adopted resolution"),
        ("A_C.2_80_L.2.txt", "A_C.2_80_L.43.txt", 1, "submitted by the Rapporteur"),
        ("A_80_L.9.txt", "A_RES_80_6.txt", 60, "adopted resolution"),
    ],
)
def test_draft_to_a_text_listing_none_adds_and_removes_nobody(
    old: str, new: str, count: int, why: str
) -> None:
    s = diff_json(str(UN / old), str(UN / new))
    assert (s["added"], s["removed"], s["unchanged"]) == ([], [], [])
    assert (s["old_count"], s["new_count"]) == (count, 0)
    assert (s["old_unlisted"], s["new_unlisted"]) == (None, why)
    text = run("diff", str(UN / old), str(UN / new), "--format", "text", "--color", "never")
    assert f"Sponsors {count} → none listed" in text
    assert "nobody added or removed" in " ".join(text.split())
    assert "\n− " not in text.split("\n\n")[1]  # no "removed:" line in the summary


def test_previous_resolution_to_draft_lists_none_on_the_old_side() -> None:
    s = diff_json(str(UN / "A_RES_73_188.txt"), f"{REPORT}#IV")
    assert s["added"] == [] and s["old_unlisted"] == "adopted resolution"
    assert s["new_count"] == 8 and s["new_group"] == "Group of African States"


def test_chair_draft_to_resolution_says_nothing_about_sponsors() -> None:
    s = diff_json(str(UN / "A_C.3_80_L.7.txt"), str(UN / "A_RES_80_225.txt"))
    assert (s["old_unlisted"], s["new_unlisted"]) == (
        "submitted by the Chair",
        "adopted resolution",
    )
    text = run(
        "diff", str(UN / "A_C.3_80_L.7.txt"), str(UN / "A_RES_80_225.txt"), "--color", "never"
    )
    assert "Sponsors" not in text


def test_one_count_and_canonical_names_in_show_sponsors_and_diff() -> None:
    draft = f"{REPORT}#IV"
    show = run("show", draft)
    assert (
        "sponsors: 8 (1 original, 7 subsequent); Uganda, on behalf of the Group of African States"
        in show
    )
    assert "On behalf of" not in show
    listed = run("sponsors", draft)
    assert listed.startswith("A/C.3/75/L.11: 8 sponsors\n")
    assert "  original: Uganda, on behalf of the Group of African States\n" in listed
    assert diff_json(str(UN / "A_RES_73_188.txt"), draft)["new_count"] == 8
    # Canonical names in every command, the printed ones in JSON.
    report = run("sponsors", str(REPORT))
    assert "Türkiye" in report and "Turkey" not in report
    assert "Netherlands (Kingdom of the)" in report and "the Netherlands" not in report
    assert "the Russian Federation" not in report and "Russian Federation" in report
    docs = json.loads(run("sponsors", str(REPORT), "--format", "json"))["documents"]
    assert "Turkey" in docs[2]["original"] and "Türkiye" in docs[2]["canonical"]
    assert [d["count"] for d in docs] == [64, 66, 108, 8]
    assert docs[3]["group"] == "Group of African States"
    assert "Group of African States" not in docs[3]["canonical"]
    one = run("sponsors", str(UN / "A_C.3_80_L.12.txt"))
    assert (
        one
        == "A/C.3/80/L.12: 1 sponsor\n  original: Iraq, on behalf of the Group of 77 and China\n"
    )


def test_report_against_report_gives_sponsors_per_resolution(tmp_path: Path) -> None:
    text = REPORT.read_text(encoding="utf-8")
    # A later version of the report: Tuvalu joins L.5, Pakistan leaves L.11.
    text = text.replace(
        "Tunisia, Turkey, the United Kingdom", "Tunisia, Türkiye, Tuvalu, the United Kingdom"
    )
    text = text.replace("Italy, Pakistan and Venezuela", "Italy and Venezuela")
    new = tmp_path / "A_75_479_later.md"
    new.write_text(text, encoding="utf-8")
    s = diff_json(str(REPORT), str(new))
    blocks = s["by_resolution"]
    assert [(b["old"], b["new"]) for b in blocks] == [
        ("I (A/C.3/75/L.4/Rev.1)", "I (A/C.3/75/L.4/Rev.1)"),
        ("II (A/C.3/75/L.5)", "II (A/C.3/75/L.5)"),
        ("III (A/C.3/75/L.8/Rev.1)", "III (A/C.3/75/L.8/Rev.1)"),
        ("IV (A/C.3/75/L.11)", "IV (A/C.3/75/L.11)"),
    ]
    assert [(b["old_count"], b["new_count"]) for b in blocks] == [
        (64, 64),
        (66, 67),
        (108, 108),
        (8, 7),
    ]
    assert blocks[1]["added"] == ["Tuvalu"] and blocks[1]["removed"] == []
    assert blocks[3]["removed"] == ["Pakistan"] and blocks[3]["added"] == []
    out = run("diff", str(REPORT), str(new), "--color", "never")
    assert "Draft resolution II (A/C.3/75/L.5)\nSponsors 66 → 67\n+ Tuvalu\n− none\n" in out
    html = run("diff", str(REPORT), str(new), "--format", "html")
    assert html.count('<dt class="resolution">draft resolution</dt>') == 4
    assert "<dd>Tuvalu</dd>" in html


def _res(name: str, symbol: str, title: str = "") -> Document:
    return Document("r.md", "markdown", DocKind.DRAFT, symbol=symbol, title=title, name=name)


def test_resolutions_pair_as_their_paragraphs_did_then_by_symbol() -> None:
    old = Document(
        "a",
        "markdown",
        DocKind.REPORT,
        resolutions=(_res("I", "L.4"), _res("II", "L.5"), _res("III", "L.9")),
    )
    new = Document(
        "b", "markdown", DocKind.REPORT, resolutions=(_res("I", "L.5/Rev.1"), _res("II", "L.7"))
    )
    # no paragraph links: by symbol without Rev.; L.7 and L.4 are different drafts
    pairs = [(a and a.name, b and b.name) for a, b in pair_resolutions(old, new)]
    assert pairs == [("II", "I"), (None, "II"), ("I", None), ("III", None)]
    # paragraphs of old III went to new II (two of them, one of I): that decides
    # before the symbol; a link names the two paragraphs' resolutions
    links = [("III", "II"), ("III", "II"), ("I", "II")]
    pairs = [(a and a.name, b and b.name) for a, b in pair_resolutions(old, new, links)]
    assert pairs == [("II", "I"), ("III", "II"), ("I", None)]
    change = compare_documents(old, new)
    assert change.by_resolution[1].old is None
    assert change.by_resolution[1].change.old_unlisted == "not in the old report"
    assert change.by_resolution[-1].new is None
    assert change.by_resolution[-1].change.new_unlisted == "not in the new report"
    assert Sponsors() == old.resolutions[0].sponsors
