"""`redline sponsors` and the sponsor options of `redline diff`."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from redline.cli import main

EX = Path(__file__).parent.parent / "examples"


def test_sponsors_lists_each_draft_of_the_report() -> None:
    result = CliRunner().invoke(main, ["sponsors", str(EX / "A_75_479.md"), "--format", "json"])
    assert result.exit_code == 0, result.output
    docs = json.loads(result.output)["documents"]
    assert [d["symbol"] for d in docs][-1] == "A/C.3/75/L.11"
    l11 = docs[-1]
    assert l11["original"] == ["Uganda"] and "African States" in l11["on_behalf_of"]
    assert len(l11["subsequent"]) == 7 and l11["unrecognised"] == []


def test_user_given_sponsor_lists_replace_the_documents_own(tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text("Albania, Bosnia and Herzegovina and the Russian Federation\n", encoding="utf-8")
    new.write_text("Albania\nRussian Federation\nAtlantis\n", encoding="utf-8")
    result = CliRunner().invoke(
        main,
        [
            "diff", str(EX / "A_C.2_80_L.2.txt"), str(EX / "A_C.2_80_L.43.txt"),
            "--format", "json", "--old-sponsors", str(old), "--new-sponsors", str(new),
        ],
    )  # fmt: skip
    assert result.exit_code == 0
    sponsors = json.loads(result.stdout)["sponsors"]
    assert sponsors["removed"] == ["Bosnia and Herzegovina"]
    assert sponsors["added"] == ["Atlantis"]
    assert sponsors["unchanged"] == ["Albania", "Russian Federation"]
    assert sponsors["unrecognised"] == ["Atlantis"]
    assert "sponsor not in the names table: Atlantis" in result.stderr
