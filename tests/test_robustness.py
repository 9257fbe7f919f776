"""Hostile and random input: never run it, never let it steer a terminal, never crash.

A resolution text may carry markup, template syntax, terminal escape sequences
and bidi overrides (pasted from a web page, or planted). Every output format
shows them as text. Then hypothesis feeds the reader and the parser anything at
all: the only acceptable failure is a `RedlineError`.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import redline
from redline.cli import main
from redline.errors import InputError, RedlineError
from redline.read import decode
from redline.render import RenderOptions, renderer
from tests.test_align import check_lossless

FIXTURES = Path(__file__).parent / "fixtures"
RESOLUTION = FIXTURES / "un" / "A_RES_75_197.txt"

HOSTILE = (
    '<script>alert(1)</script> "><img src=x onerror=alert(1)> {{ 7*7 }} {% for x in y %} '
    "[link](javascript:alert(1)) javascript:alert(1) \x1b[31mred\x1b[0m \x1b]0;title\x07 "
    "\u202egnp.exe \x01\x02\x0b\x7f\x08 \u2028 end"
)
RAW_TERMINAL = ("\x1b", "\x07", "\u202e", "\x08", "\x01", "\x7f")


@pytest.fixture(scope="module")
def hostile_pair(tmp_path_factory):
    """The real resolution, and a copy with the hostile text in a changed and an added paragraph."""
    text = RESOLUTION.read_text(encoding="utf-8")
    assert "Recalling its resolution" in text
    evil = text.replace("Recalling its resolution", f"Recalling {HOSTILE} its resolution", 1)
    evil = evil.replace("\n1. ", f"\n1. Requests {HOSTILE};\n\n2. ", 1)
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "old.txt").write_text(text, encoding="utf-8")
    (folder / "new.txt").write_text(evil, encoding="utf-8")
    return folder / "old.txt", folder / "new.txt"


def render(pair, fmt: str, *extra: str) -> str:
    result = CliRunner().invoke(main, ["diff", *map(str, pair), "--format", fmt, *extra])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_hostile_text_reaches_the_comparison(hostile_pair):
    doc = redline.parse(str(hostile_pair[1]))
    texts = [p.text for p in doc.paragraphs]
    assert any("<script>alert(1)</script>" in t and "\x1b]0;title\x07" in t for t in texts)
    assert any("\u202egnp.exe" in t for t in texts)


@pytest.mark.parametrize("extra", [(), ("--color", "always"), ("--context", "3")])
def test_text_output_shows_escapes_as_visible_characters(hostile_pair, extra):
    out = render(hostile_pair, "text", *extra)
    if extra == ("--color", "always"):
        # our own colours only: each ESC starts a plain SGR code
        assert "\x1b[" in out
        assert not re.search(r"\x1b(?!\[[0-9;]*m)", out)
        out = re.sub(r"\x1b\[[0-9;]*m", "", out)
    for c in RAW_TERMINAL:
        assert c not in out, repr(c)
    assert "␛[31mred" in out and "<script>alert(1)</script>" in out


@pytest.mark.parametrize("command", ["show", "sponsors"])
def test_show_and_sponsors_are_terminal_safe(hostile_pair, command):
    result = CliRunner().invoke(main, [command, str(hostile_pair[1])])
    assert result.exit_code == 0, result.output
    for c in RAW_TERMINAL:
        assert c not in result.output, repr(c)


def test_a_hostile_file_name_cannot_steer_the_terminal(tmp_path):
    name = tmp_path / "draft\x1b]0;pwned\x07\u202etxt.exe"
    result = CliRunner().invoke(main, ["diff", str(name), str(RESOLUTION)])
    assert result.exit_code == 2
    for c in RAW_TERMINAL:
        assert c not in result.stderr, repr(c)
    assert "no such file" in result.stderr


def test_json_is_valid_and_carries_the_text_exactly(hostile_pair):
    out = render(hostile_pair, "json")
    for c in RAW_TERMINAL:
        assert c not in out, repr(c)  # escaped as \u001b etc.
    data = json.loads(out)
    new_doc = redline.parse(str(hostile_pair[1]))
    by_label = {p.label: p.text for p in new_doc.paragraphs}
    shown = {p["new"]: new_text_of(p["diff"]) for p in data["paragraphs"] if p["new"]}
    hostile = [label for label, text in by_label.items() if HOSTILE.split()[0] in text]
    assert len(hostile) == 2
    for label in hostile:
        assert shown[label] == by_label[label]


def new_text_of(diff: list[list[str]]) -> str:
    return "".join(text for op, text in diff if op != "-")


def test_json_is_byte_identical_twice(hostile_pair):
    assert render(hostile_pair, "json") == render(hostile_pair, "json")


def test_html_is_byte_identical_twice_with_source_date_epoch(hostile_pair, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = render(hostile_pair, "html")
    assert "2023-11-14 22:13 UTC" in first
    assert render(hostile_pair, "html") == first


def test_html_escapes_markup_and_runs_no_template(hostile_pair):
    out = render(hostile_pair, "html")
    assert "<script>alert" not in out.lower()
    assert "<img" not in out.lower()
    assert not re.search(r"""(href|src)\s*=\s*["']?\s*javascript:""", out, re.I)
    # every onerror= sits inside escaped text, right after the escaped tag
    assert out.count("onerror=") == out.count("&lt;img src=x onerror=")
    assert out.count("onerror=") >= 2
    assert "{{ 7*7 }}" in out and "{% for x in y %}" in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    for c in RAW_TERMINAL:
        assert c not in out, repr(c)
    assert "alert(1)" in html.unescape(out)


def test_markdown_escapes_markup_and_runs_no_template(hostile_pair):
    out = render(hostile_pair, "markdown")
    assert "<script" not in out.lower()
    assert "<img" not in out.lower()
    assert "](javascript:" not in out  # not a live link
    unescaped = re.sub(r"\\(.)", r"\1", out)
    assert "{{ 7*7 }}" in unescaped and "{% for x in y %}" in unescaped
    for c in RAW_TERMINAL:
        assert c not in out, repr(c)


# --- fuzzing -------------------------------------------------------------------

RESOLUTION_LINES = [
    "United Nations", "A/C.3/75/L.11", "General Assembly", "Distr.: Limited",
    "20-17358 (E)", "2/5", "\f", "____________________", "1 A/75/123.",
    "*The General Assembly,*", "The General Assembly,", "# Draft resolution IV",
    "Draft resolution II", "Recalling its resolution 73/188,",
    "*Noting* with concern the report,<sup>2</sup>", "1. Urges States to act;",
    "2. Decides to remain seized of the matter.", "(a) To strengthen cooperation;",
    "(b)", "3.", "Annex", "Uganda:* draft resolution", "78th plenary meeting",
    "16 December 2020", "[^1]: A/75/123.", "| a | b |", "", "",
]  # fmt: skip

resolution_like = st.lists(
    st.one_of(st.sampled_from(RESOLUTION_LINES), st.text(max_size=40)), max_size=40
).map("\n".join)


def parse_or_refuse(text: str):
    try:
        return redline.parse_text(text)
    except RedlineError:
        return None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_text_parses_or_is_refused(text):
    parse_or_refuse(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resolution_like)
def test_resolution_like_text_with_noise_parses_or_is_refused(text):
    parse_or_refuse(text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(), resolution_like.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_any_bytes_decode_or_are_refused(data):
    try:
        text, warnings = decode(data, "x.txt")
    except InputError as e:
        assert str(e).startswith("x.txt: ") and "\n" not in str(e)
        return
    assert "\r" not in text
    assert all(w.startswith("x.txt: ") for w in warnings)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resolution_like)
def test_parsing_is_deterministic(text):
    assert parse_or_refuse(text) == parse_or_refuse(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resolution_like, resolution_like)
def test_any_two_texts_compare_losslessly_and_render(old_text, new_text_):
    old, new = parse_or_refuse(old_text), parse_or_refuse(new_text_)
    if old is None or new is None:
        return
    if old.resolutions or new.resolutions:
        return  # a report is compared resolution by resolution, after a pick
    comparison = redline.compare(old, new)
    check_lossless(list(old.paragraphs), list(new.paragraphs), comparison.entries)
    options = RenderOptions(generated="2026-01-01 00:00 UTC")
    first = renderer("json")(comparison, options)
    assert first == renderer("json")(comparison, options)
    json.loads(first)
    for fmt in ("text", "markdown", "html"):
        renderer(fmt)(comparison, options)


REAL_TEXTS = [RESOLUTION, FIXTURES / "un" / "A_RES_73_188.txt", FIXTURES / "A_C.2_80_L.2.txt"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(REAL_TEXTS),
    st.lists(
        st.tuples(
            st.floats(0, 1),
            st.sampled_from(["drop", "repeat", "noise", "join"]),
            st.text(max_size=30),
        ),
        max_size=8,
    ),
)
def test_a_damaged_copy_of_a_real_resolution_compares_losslessly(path, damage):
    """Lines dropped, repeated, joined or noise put in, as a converter might."""
    original = path.read_text(encoding="utf-8")
    lines = original.split("\n")
    for where, how, noise in damage:
        i = int(where * (len(lines) - 1))
        if how == "drop":
            del lines[i]
        elif how == "repeat":
            lines.insert(i, lines[i])
        elif how == "noise":
            lines.insert(i, noise)
        elif i + 1 < len(lines):
            lines[i : i + 2] = [f"{lines[i]} {lines[i + 1]}"]
    old, new = redline.parse_text(original), parse_or_refuse("\n".join(lines))
    if new is None:
        return
    comparison = redline.compare(old, new)
    check_lossless(list(old.paragraphs), list(new.paragraphs), comparison.entries)


@pytest.mark.parametrize(
    "text",
    [
        "The General Assembly,\n\n" + "1.\n" * 20000,
        "The General Assembly,\n\n1. Urges\n" + "the States\n" * 20000,
        "The General Assembly,\n\n"
        + "".join(f"{i}.\nsession.\nUrges\n" for i in range(1, 1000))
        + "x\n" * 20000,
        "The General Assembly,\n\n1. Urges:\n" + "(a) States;\n" * 20000,
    ],
    ids=["numbers-alone", "one-long-paragraph", "numbered-then-long", "sub-paragraphs"],
)
def test_long_pdf_text_shapes_finish(text):
    """Each took a minute or more (quadratic in lines) before the parser looked only
    at a paragraph's last lines to tell whether it had ended."""
    doc = redline.parse_text(text)
    assert doc.paragraphs


@pytest.mark.parametrize(
    "tail",
    ["[a](" * 50000, "[" * 50000 + "a" + "](" * 50000, "<a" * 50000, "<http:a" * 50000],
    ids=["open-links", "nested-link", "open-tags", "open-autolinks"],
)
def test_unclosed_markdown_links_and_tags_finish(tail):
    """Unbounded [^)]* and [^>]* scanned to the end from every [ or <: 25 s for 300 KB."""
    doc = redline.parse_text("*The General Assembly,*\n\n1. Urges " + tail)
    assert doc.format == "markdown" and len(doc.paragraphs) == 1


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=300),
        resolution_like.map(lambda t: t.encode("utf-8", "surrogatepass")),
        resolution_like.map(lambda t: t.encode("utf-16", "surrogatepass")),
    ),
    st.sampled_from(["show", "sponsors", "diff-json", "diff-html", "check"]),
)
def test_any_file_through_the_cli_is_an_answer_or_one_line(tmp_path_factory, data, command):
    path = str(tmp_path_factory.mktemp("fuzz") / "x.txt")
    Path(path).write_bytes(data)
    args = {
        "show": ["show", path],
        "sponsors": ["sponsors", path],
        "diff-json": ["diff", str(RESOLUTION), path, "-f", "json"],
        "diff-html": ["diff", path, str(RESOLUTION), "-f", "html"],
        "check": ["check", path, str(RESOLUTION)],
    }[command]
    result = CliRunner().invoke(main, args)
    assert result.exit_code in (0, 1, 2), result.exception
    assert "internal error" not in result.stderr
    if result.exit_code == 2:
        assert len(result.stderr.splitlines()) == 1 and result.stdout == ""
