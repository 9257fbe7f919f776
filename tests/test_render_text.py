"""The terminal renderer: markers, colour, wrapping, and nothing raw reaching the tty."""

from __future__ import annotations

import re

import pytest
from comparisons import ALL, hostile, realistic, small
from golden import assert_golden
from hypothesis import given, settings
from hypothesis import strategies as st

from redline.model import Segment
from redline.render import RenderOptions
from redline.render.common import visible, width_of
from redline.render.text import render
from redline.render.wrap import pieces, styled_wrap, whole_words

# the codes the renderer itself writes: reset, bold, dim, red struck, green underlined
ANSI = re.compile(r"\x1b\[(?:0|1|2|31;9|32;4|2;9|2;4)m")


@pytest.mark.parametrize("name", sorted(ALL))
def test_golden(name: str, request: pytest.FixtureRequest) -> None:
    assert_golden(f"{name}.txt", render(ALL[name](), RenderOptions()), request)


def test_golden_colour_and_stat(request: pytest.FixtureRequest) -> None:
    assert_golden("small.color.txt", render(small(), RenderOptions(color=True)), request)
    assert_golden("realistic.stat.txt", render(realistic(), RenderOptions(stat=True)), request)


def test_markers_without_colour() -> None:
    out = render(small(), RenderOptions())
    assert "[-Welcomes-]{+Recalls+} the report of the Secretary-General;" in out
    assert "\x1b" not in out
    assert out.startswith("A/C.3/75/L.8 → A/C.3/75/L.8/Rev.1\n")
    assert "OP2 (inserted)" in out and "OP2 (deleted)" in out
    assert "Sponsors 1 → 2" in out and "+ Japan" in out


def test_colour_instead_of_markers() -> None:
    out = render(small(), RenderOptions(color=True))
    assert "\x1b[31;9mWelcomes\x1b[0m\x1b[32;4mRecalls\x1b[0m" in out
    assert "[-" not in out and "{+" not in out
    assert "\x1b[1mOP1\x1b[0m" in out


def test_labels_for_each_kind_of_change() -> None:
    out = render(realistic(), RenderOptions())
    for label in (
        "\nOP21 → PP15 (moved)\n",
        "\nPP2 (inserted)\n",
        "\nOP7 (deleted)\n",
        "\nOP22–23 → OP21–22 (renumbered)\n",
        "\nPP2–13 → PP3–14 (renumbered)\n",
        "\nOP4 → OP5 (split)\n",
        "\nOP5 → OP6 (merged)\n",
        "\nOP3(a)\n",
    ):
        assert label in out
    assert "footnote 1: A/[-73/123.-]{+75/123 and Corr.1.+}" in out
    assert "Takes note of the report" not in out  # unchanged paragraphs are left out


def test_context_shows_unchanged_neighbours() -> None:
    plain = render(small(), RenderOptions())
    wide = render(small(), RenderOptions(context=1))
    assert "Recalling its resolution 74/175" not in plain
    assert "Recalling its resolution 74/175" in wide
    assert "Decides to remain seized" in wide
    far = render(realistic(), RenderOptions(context=1))
    assert "⋯" in far
    assert "Takes note of the report" in far  # OP1 sits next to the moved PP15


def test_stat_is_only_the_summary() -> None:
    out = render(realistic(), RenderOptions(stat=True))
    assert "2 changed, 2 inserted, 1 deleted, 1 moved" in out
    assert " OP2 changed" in out and "+5 −1 words" in out
    assert "Sponsors 2 → 8" in out
    assert "[-" not in out and "with appreciation" not in out


def test_no_changes() -> None:
    out = render(ALL["identical"](), RenderOptions())
    assert out.endswith("no changes\n")


@pytest.mark.parametrize("color", [False, True])
@pytest.mark.parametrize("stat", [False, True])
def test_hostile_input_never_reaches_the_terminal_raw(color: bool, stat: bool) -> None:
    out = render(hostile(), RenderOptions(color=color, stat=stat, context=3))
    rest = ANSI.sub("", out)
    controls = [c for c in rest if (ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) < 0xA0]
    assert controls == []
    for c in "\u202e\u202c\u2066\u2069\u200f":
        assert c not in rest
    assert "␛[2J" in out  # the symbol's escape shown, not obeyed
    assert "\\u202eevil\\u202c" in out or stat


def test_visible() -> None:
    assert visible("a\x1b[31mb") == "a␛[31mb"
    assert visible("x\u202ey") == "x\\u202ey"
    assert visible("tab\there\nnext") == "tab here next"
    assert visible("csi\x9b del\x7f") == "csi\\u009b del␡"
    assert visible("مرحبا 决定") == "مرحبا 决定"


# --- wrapping: a marker is never split, lines fit, nothing is lost ----------------------

_text = st.text(alphabet="abcdefghij ,;.()'\u00e9\u51b3", min_size=1, max_size=40)
_segments = st.lists(st.tuples(st.sampled_from(["=", "-", "+"]), _text), min_size=1, max_size=12)
_MARKED = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}")


def _expected_marks(segs: list[tuple[str, str]]) -> int:
    # a change of punctuation at the start of a word is shown as the word changed
    shown = whole_words(tuple(Segment(op, t) for op, t in segs))
    return sum(1 for s in shown if s.op != "=" and s.text.strip())


@settings(max_examples=300, deadline=None)
@given(_segments, st.integers(min_value=8, max_value=100), st.sampled_from(["", "    "]))
def test_wrap_never_splits_a_marker(segs: list[tuple[str, str]], width: int, indent: str) -> None:
    items = pieces([Segment(op, t) for op, t in segs], color=False)
    lines = styled_wrap(items, width, color=False, indent=indent)
    flat = "".join(t for _, t in items)
    # Only whitespace changed: the words, markers included, are all there in order.
    assert " ".join(line.strip() for line in lines).split() == flat.split()
    # Every marker pair is intact: as many [-…-] / {+…+} as there are marked segments.
    joined = " ".join(line.strip() for line in lines)
    assert len(_MARKED.findall(joined)) == _expected_marks(segs)
    for line in lines:
        assert line.startswith(indent)
        body = line[len(indent) :]
        # A line is too long only when it is a single word that cannot be broken.
        assert width_of(line) <= width or " " not in body
        assert not body.endswith(("[", "{")) and not body.startswith(("]", "}"))


@settings(max_examples=200, deadline=None)
@given(_segments, st.integers(min_value=8, max_value=100))
def test_colour_lines_open_and_close_their_codes(segs: list[tuple[str, str]], width: int) -> None:
    items = pieces([Segment(op, t) for op, t in segs], color=True)
    lines = styled_wrap(items, width, color=True)
    plain = [ANSI.sub("", line) for line in lines]
    assert " ".join(p.strip() for p in plain).split() == "".join(t for _, t in items).split()
    for line, p in zip(lines, plain, strict=True):
        # Codes alternate open, reset, open, reset…: every styled run is closed on
        # its own line, so a line printed alone never leaks colour into the next.
        codes = ["reset" if c == "\x1b[0m" else "open" for c in ANSI.findall(line)]
        assert codes == ["open", "reset"] * (len(codes) // 2)
        assert width_of(p) <= width or " " not in p.strip()
