"""The bundled examples compare the way their README entries promise."""

from __future__ import annotations

from pathlib import Path

import redline
from redline.model import Status

EX = Path(__file__).parent.parent / "examples"


def changes(old: str, new: str) -> dict[str, list[str]]:
    comparison = redline.compare(redline.parse(old), redline.parse(new))
    out: dict[str, list[str]] = {}
    for e in comparison.entries:
        if e.status is not Status.UNCHANGED:
            label = e.new.label if e.new else e.old.label if e.old else "?"
            out.setdefault(e.status.value, []).append(label)
    return out


def test_constructed_revision_shows_its_four_edits() -> None:
    old = str(EX / "constructed" / "A_C.3_75_L.5.txt")
    new = str(EX / "constructed" / "A_C.3_75_L.5_Rev.1.txt")
    found = changes(old, new)
    assert found["inserted"] == ["PP4"]
    assert found["changed"] == ["OP2"]
    assert [e for e in found["deleted"]] == ["OP9"]
    assert "OP9" in found["renumbered"] and "changed" in found
    comparison = redline.compare(redline.parse(old), redline.parse(new))
    assert comparison.sponsors.added == ("Albania", "Canada", "Italy")
    assert comparison.sponsors.removed == ()
    assert comparison.new.kind.value == "revised draft"


def test_real_replacement_draft_changes_four_operative_paragraphs() -> None:
    found = changes(str(EX / "A_C.2_80_L.2.txt"), str(EX / "A_C.2_80_L.43.txt"))
    assert found == {"changed": ["OP1", "OP2", "OP3", "OP4"]}


def test_draft_iv_was_adopted_unchanged() -> None:
    comparison = redline.compare(
        redline.parse(str(EX / "A_75_479.md#IV")), redline.parse(str(EX / "A_RES_75_197.txt"))
    )
    # word for word; PP17's apostrophe is typographic (region's -> region’s), not a change
    typographic = [e.new.label for e in comparison.entries if e.status is Status.TYPOGRAPHIC]
    assert typographic == ["PP17"]
    assert {e.status for e in comparison.entries} == {Status.UNCHANGED, Status.TYPOGRAPHIC}
    assert not comparison.differs
