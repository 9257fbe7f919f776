"""The JSON renderer: the ``redline/1`` contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from comparisons import ALL, HOSTILE, hostile, identical, realistic
from golden import assert_golden

from redline.model import Status
from redline.render import RenderOptions, renderer
from redline.render.json import SCHEMA, render

TESTS = Path(__file__).parent


def load(name: str) -> dict:
    return json.loads(render(ALL[name](), RenderOptions()))


@pytest.mark.parametrize("name", sorted(ALL))
def test_golden(name: str, request: pytest.FixtureRequest) -> None:
    assert_golden(f"{name}.json", render(ALL[name](), RenderOptions()), request)


@pytest.mark.parametrize("name", sorted(ALL))
def test_keys_are_always_there(name: str) -> None:
    data = load(name)
    assert data["schema"] == SCHEMA
    assert list(data) == [
        "schema",
        "old",
        "new",
        "title",
        "summary",
        "differs",
        "sponsors",
        "paragraphs",
        "footnotes",
        "warnings",
    ]
    for side in ("old", "new"):
        assert {"source", "symbol", "title", "kind", "format", "sponsors"} <= set(data[side])
    assert set(data["sponsors"]) == {
        "added",
        "removed",
        "unchanged",
        "old_count",
        "new_count",
        "unrecognised",
        "old_group",
        "new_group",
        "old_unlisted",
        "new_unlisted",
        "by_resolution",
    }
    for p in data["paragraphs"]:
        assert p["status"] in {s.value for s in Status}
        assert all(op in ("=", "-", "+") and isinstance(text, str) for op, text in p["diff"])


@pytest.mark.parametrize("name", sorted(ALL))
def test_diff_rebuilds_both_texts(name: str) -> None:
    comparison = ALL[name]()
    data = json.loads(render(comparison, RenderOptions()))
    assert len(data["paragraphs"]) == len(comparison.entries)
    for p, e in zip(data["paragraphs"], comparison.entries, strict=True):
        old = "".join(t for op, t in p["diff"] if op != "+")
        new = "".join(t for op, t in p["diff"] if op != "-")
        assert p["old"] == (e.old.label if e.old else None)
        assert p["new"] == (e.new.label if e.new else None)
        if e.old:
            # A split entry holds one piece of the old paragraph.
            assert old in e.old.text if e.status is Status.SPLIT else old == e.old.text
        else:
            assert old == ""
        if e.new:
            assert new in e.new.text if e.status is Status.MERGED else new == e.new.text
        else:
            assert new == ""
    title = data["title"]
    assert "".join(t for op, t in title if op != "+") == comparison.old.title
    assert "".join(t for op, t in title if op != "-") == comparison.new.title


@pytest.mark.parametrize("name", sorted(ALL))
def test_summary_is_the_comparisons(name: str) -> None:
    assert load(name)["summary"] == ALL[name]().summary()


def test_sponsors_present_when_there_are_none() -> None:
    assert load("identical")["sponsors"] == {
        "added": [],
        "removed": [],
        "unchanged": [],
        "old_count": 0,
        "new_count": 0,
        "unrecognised": [],
        "old_group": None,
        "new_group": None,
        "old_unlisted": None,
        "new_unlisted": None,
        "by_resolution": [],
    }
    assert identical().sponsors.added == ()


def test_byte_identical_and_formatted() -> None:
    a = render(realistic(), RenderOptions())
    b = render(realistic(), RenderOptions(color=True, width=40, generated="x"))
    assert a == b
    assert a.endswith("}\n") and not a.endswith("\n\n")
    assert a.startswith('{\n  "schema": "redline/1",\n')
    assert '["-", "Welcomes"]' in a  # diff pairs on one line
    assert "Venezuela (Bolivarian Republic of)" in a  # ensure_ascii=False keeps text


def test_hostile_text_is_kept_exactly_but_escaped() -> None:
    out = render(hostile(), RenderOptions())
    for raw in ("\x1b", "\u202e", "\x9b", "\x00", "\x07"):
        assert raw not in out
    data = json.loads(out)
    texts = [t for p in data["paragraphs"] for _, t in p["diff"]]
    assert any(HOSTILE[8] in t for t in texts)  # the ESC survives as data
    assert any(HOSTILE[9] in t for t in texts)
    assert data["warnings"] == ["new: " + hostile().new.warnings[0]]


def test_json_path_does_not_import_jinja2() -> None:
    code = (
        "import sys\n"
        f"sys.path.insert(0, {str(TESTS)!r})\n"
        "from comparisons import realistic\n"
        "from redline.render import RenderOptions, renderer\n"
        "renderer('json')(realistic(), RenderOptions())\n"
        "assert 'jinja2' not in sys.modules, 'jinja2 imported'\n"
        "assert 'markupsafe' not in sys.modules, 'markupsafe imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_registered() -> None:
    assert renderer("json") is render


def test_every_key_is_documented() -> None:
    doc = (TESTS.parent / "docs" / "json-schema.md").read_text(encoding="utf-8")
    data = load("realistic")
    keys = set(data) | set(data["old"]) | set(data["paragraphs"][0]) | set(data["sponsors"])
    keys |= set(data["summary"]) | set(data["paragraphs"][0]["lines"])
    keys |= set(data["paragraphs"][0]["words"])
    missing = sorted(k for k in keys if f"`{k}`" not in doc and f'"{k}"' not in doc)
    assert missing == []
