"""Golden outputs of the bundled examples, and the lossless property on the real report.

The goldens make a change to a template or a renderer show up as a reviewable diff;
rewrite them with ``python -m pytest --update-golden``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import redline
from redline.model import Document, new_text, old_text
from redline.render import RenderOptions, renderer
from tests.golden import assert_golden

EX = Path(__file__).parent.parent / "examples"
PAIRS = {
    "73-188_to_L11": (EX / "A_RES_73_188.txt", f"{EX / 'A_75_479.md'}#IV"),
    "L2_to_L43": (EX / "A_C.2_80_L.2.txt", EX / "A_C.2_80_L.43.txt"),
    "L5_to_Rev1": (
        EX / "constructed" / "A_C.3_75_L.5.txt",
        EX / "constructed" / "A_C.3_75_L.5_Rev.1.txt",
    ),
}
OUTPUTS = {"text": "txt", "markdown": "md", "html": "html", "json": "json"}


@pytest.mark.parametrize("fmt", sorted(OUTPUTS))
@pytest.mark.parametrize("pair", sorted(PAIRS))
def test_bundled_example_renders_as_its_golden_file(
    pair: str, fmt: str, request: pytest.FixtureRequest
) -> None:
    old, new = PAIRS[pair]
    comparison = redline.compare(redline.parse(str(old)), redline.parse(str(new)))
    # sources as relative paths and a fixed time, so the goldens do not depend on the machine
    comparison = replace(
        comparison,
        old=replace(comparison.old, source=_rel(comparison.old.source)),
        new=replace(comparison.new, source=_rel(comparison.new.source)),
    )
    out = renderer(fmt)(comparison, RenderOptions(generated="2026-01-01 00:00 UTC"))
    assert isinstance(out, str)
    assert_golden(f"examples/{pair}.{OUTPUTS[fmt]}", out, request)


def _rel(source: str) -> str:
    return source.replace(str(EX.parent) + "/", "")


# --- nothing lost, on the real report against edited copies of itself --------------

REPORT = redline.parse(str(EX / "A_75_479.md"))


EDITS = st.tuples(
    st.integers(0, len(REPORT.resolutions) - 1),
    st.lists(
        st.tuples(
            st.sampled_from(["word", "drop", "move", "add", "split"]),
            st.integers(0, 10_000),
            st.integers(0, 10_000),
            st.sampled_from(["urges", "decides", "States", "73/188", ""]),
        ),
        min_size=1,
        max_size=6,
    ),
)


def edited_report(edits: tuple[int, list[tuple[str, int, int, str]]]) -> Document:
    """The report with a few paragraphs of one resolution edited, dropped, moved, added, split."""
    k, steps = edits
    resolutions = list(REPORT.resolutions)
    paras = list(resolutions[k].paragraphs)
    for action, a, b, word in steps:
        i = a % len(paras)
        p = paras[i]
        words = p.text.split(" ")
        if action == "word" and len(words) > 2:
            words[b % len(words)] = word
            paras[i] = replace(p, text=" ".join(words))
        elif action == "drop" and len(paras) > 2:
            paras.pop(i)
        elif action == "move":
            paras.insert(b % len(paras), paras.pop(i))
        elif action == "add":
            paras.insert(i, replace(p, text="Decides to remain seized of the matter."))
        elif action == "split" and len(words) > 6:
            cut = len(words) // 2
            paras[i : i + 1] = [
                replace(p, text=" ".join(words[:cut])),
                replace(p, text=" ".join(words[cut:]), lines=(p.lines[0] + 1, p.lines[1] + 1)),
            ]
    resolutions[k] = replace(resolutions[k], paragraphs=tuple(paras))
    return replace(REPORT, resolutions=tuple(resolutions))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(EDITS)
def test_report_against_an_edited_copy_loses_nothing(
    edits: tuple[int, list[tuple[str, int, int, str]]],
) -> None:
    edited = edited_report(edits)
    comparison = redline.compare(REPORT, edited)
    old_flat, new_flat = REPORT.flat(), edited.flat()
    old_by_key = {(p.label, p.lines): p for p in old_flat}
    # an added paragraph may be added twice, identical in label, text and lines: such
    # twins are one key, and their pieces must join to the text once per twin
    twins: dict[tuple[str, str, tuple[int, int]], int] = defaultdict(int)
    for p in new_flat:
        twins[(p.label, p.text, p.lines)] += 1
    old_pieces: dict[tuple[str, tuple[int, int]], list[str]] = defaultdict(list)
    new_pieces: dict[tuple[str, str, tuple[int, int]], list[str]] = defaultdict(list)
    for e in comparison.entries:
        if e.old is not None:
            old_pieces[(e.old.label, e.old.lines)].append(old_text(e.segments))
        if e.new is not None:
            new_pieces[(e.new.label, e.new.text, e.new.lines)].append(new_text(e.segments))
    for key, p in old_by_key.items():
        assert "".join(old_pieces[key]) == p.text, key
    for (label, text, lines), n in twins.items():
        assert "".join(new_pieces[(label, text, lines)]) == text * n, label
