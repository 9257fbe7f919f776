"""`redline show`: what the parser understood, as text and as JSON (redline/render/show.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.test_cli import redline_cli


def _show_json(path: Path) -> dict[str, Any]:
    import json

    result = redline_cli("show", path, "--format", "json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_show_json_has_every_key_always() -> None:
    """``show --format json`` is a stable schema: a key that does not apply is null or
    [], never left out (a text without closing line, page furniture, sections or known
    mark positions has the keys a PDF that has them has)."""
    root = Path(__file__).parent
    pdf = _show_json(root / "corpus" / "pdf" / "A_RES_79_298.pdf")  # sections, closing
    text = _show_json(root / "fixtures" / "un" / "A_C.2_80_L.43.txt")
    assert pdf["closing"] and pdf["dropped"]
    assert list(text) == list(pdf)
    assert (text["closing"], text["dropped"]) == (None, [])
    keys = {tuple(p) for d in (pdf, text) for p in d["paragraphs"]}
    assert len(keys) == 1, keys
    p = text["paragraphs"][0]
    assert p["section"] is None and p["marks_at"] is None and p["footnotes"] == []


def test_every_show_json_key_is_documented() -> None:
    doc = (Path(__file__).parent.parent / "docs" / "json-schema.md").read_text(encoding="utf-8")
    section = doc.split("## `redline show --format json`", 1)[1].split("\n## ", 1)[0]
    data = _show_json(Path(__file__).parent / "corpus" / "pdf" / "A_RES_79_16.pdf")
    keys = set(data) | set(data["paragraphs"][0]) | set(data["sponsors"]) | set(data["counts"])
    keys |= set(data["footnotes"][0]) | set(data["dropped"][0])
    missing = sorted(k for k in keys if f"`{k}`" not in section and f'"{k}"' not in section)
    assert missing == []
