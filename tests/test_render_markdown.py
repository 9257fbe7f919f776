"""The Markdown renderer: pull-request comments, hostile text inert."""

from __future__ import annotations

import re

import pytest
from comparisons import ALL, hostile, realistic, small
from golden import assert_golden

from redline.model import Segment
from redline.render import RenderOptions
from redline.render.markdown import escape, inline, render


@pytest.mark.parametrize("name", sorted(ALL))
def test_golden(name: str, request: pytest.FixtureRequest) -> None:
    assert_golden(f"{name}.md", render(ALL[name](), RenderOptions()), request)


def test_small() -> None:
    out = render(small(), RenderOptions())
    assert out.startswith("### A/C.3/75/L.8 → A/C.3/75/L.8/Rev.1\n")
    assert "> ~~Welcomes~~**Recalls** the report of the Secretary\\-General;" not in out
    assert "> ~~Welcomes~~**Recalls** the report of the Secretary-General;" in out
    assert "1 changed, 1 inserted, 1 deleted, 2 unchanged · +27 −14 words" in out
    assert "- **Added:** Japan" in out and "- **Removed:** none" in out
    assert "**OP2 \\(inserted\\)**" in out
    assert "- OP1 changed: Welcomes → Recalls" in out


def test_realistic_labels_and_glance() -> None:
    out = render(realistic(), RenderOptions())
    assert "**OP21 → PP15 \\(moved\\)**" in out
    assert "- OP22–23 → OP21–22 renumbered" in out
    assert "Takes note" not in out  # unchanged text is not repeated in a comment


def test_delimiters_hug_words() -> None:
    assert inline([Segment("=", "a "), Segment("+", "new "), Segment("=", "b")]) == "a **new** b"
    # "**;**" after a letter would stay literal in CommonMark: tags are used instead.
    assert inline([Segment("=", "x"), Segment("-", ";")]) == "x<del>;</del>"


def test_escape_block_starts() -> None:
    assert escape("1. Decides") == "1\\. Decides"
    assert escape("- item") == "\\- item"
    assert escape("# heading") == "\\# heading"


# Our own syntax: escapes, entities, and the few tags and delimiters we write.
_OURS = re.compile(
    r"\\.|&(?:lt|gt|amp);|</?(?:del|ins|sup|details|summary)>|\*\*|~~|^### |^> ?|^- ",
    re.M,
)


def test_hostile_text_is_inert() -> None:
    out = render(hostile(), RenderOptions())
    assert "<script" not in out and "<img" not in out
    assert "](" not in out  # no link can form
    assert "{{ 7\\*7 }}" in out  # literally, escaped for Markdown
    for raw in ("\x1b", "\u202e", "\x9b", "\x00"):
        assert raw not in out
    leftover = _OURS.sub("", out)
    for special in "<>*_~[]`|":
        assert special not in leftover, special
