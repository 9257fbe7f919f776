"""`redline check`: does a text match the adopted version?"""

from __future__ import annotations

import re
import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Callable, Collection
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redline.check import Profile, check, normalise_text
from redline.cli import main
from redline.model import Document
from redline.parser import parse_document
from redline.parser.load import load
from redline.parser.pdftext import is_furniture, split_pages
from redline.render.check import render_text

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


# --- editorial noise must pass, one changed word must not --------------------------
#
# Noisy copies of real texts: lines re-wrapped, ’ and ' swapped, en dashes and
# hyphens swapped, non-breaking spaces, an extra page break, Markdown emphasis
# dropped. Only content lines are touched (never running heads or job numbers).

NOISE = ("rewrap", "quotes", "dashes", "nbsp", "page", "emphasis")
PDF_TEXTS = ["A_RES_75_197.txt", "A_C.3_80_L.46.txt", "A_C.2_80_L.2.txt"]


def _content_lines(doc: Document) -> list[tuple[int, int]]:
    """Source line ranges of paragraphs, footnotes and the title."""
    return [p.lines for p in doc.paragraphs] + [f.lines for f in doc.footnotes]


def _is_content(line: str, doc: Document) -> bool:
    """False for page furniture inside a paragraph's range: job number, page, running title."""
    s = " ".join(line.split())
    return bool(s) and not is_furniture(s, doc.symbol) and s not in " ".join(doc.title.split())


def _rewrap(lines: list[str], doc: Document, width: int) -> None:
    for lo, hi in sorted((p.lines for p in doc.paragraphs), reverse=True):
        chunk = [ln.strip() for ln in lines[lo - 1 : hi]]
        if not all(chunk):
            continue  # split by a page break: leave the page furniture alone
        # a line ending in a hyphen continues the word (PDF text), as the parser reads it
        joined = "".join(c + ("" if c.endswith("-") else " ") for c in chunk)
        lines[lo - 1 : hi] = textwrap.wrap(
            joined, width, break_on_hyphens=False, break_long_words=False
        )


def _each_content_line(lines: list[str], doc: Document, f: Callable[[str], str]) -> None:
    for lo, hi in _content_lines(doc):
        for i in range(max(lo - 1, 0), hi):
            if _is_content(lines[i], doc):
                lines[i] = f(lines[i])


def _page_break(lines: list[str], doc: Document, at: int) -> None:
    """A page break before a paragraph, as PyMuPDF or the Markdown converter writes it.

    In PDF text only where no footnote is cited earlier on the page: a footnote
    body prints on the page of its mark.
    """
    if doc.format == "markdown":
        first = doc.paragraphs[at % len(doc.paragraphs)].lines[0] - 1
        lines[first:first] = ["---", ""]
        return
    page_of = {no: k for k, page in enumerate(split_pages("\n".join(lines))) for no, _ in page}
    citing = [p.lines[0] for p in doc.paragraphs if p.footnotes]
    ok = [
        p.lines[0]
        for p in doc.paragraphs
        if not any(page_of[c] == page_of[p.lines[0]] and c < p.lines[0] for c in citing)
    ]
    first = ok[at % len(ok)] - 1
    lines[first:first] = ["", doc.symbol or "", " ", "20-17358", "9/9", " "]


def noisy(text: str, doc: Document, noise: Collection[str], width: int = 60, at: int = 0) -> str:
    """The text with editorial noise only; `doc` is its parse (for line numbers)."""
    lines = text.split("\n")
    if "quotes" in noise:
        _each_content_line(lines, doc, lambda s: s.translate({0x2019: "'", 0x27: "\u2019"}))
    if "dashes" in noise:
        _each_content_line(
            lines, doc, lambda s: re.sub(r"(?<=\d)-(?=\d)", "\u2013", s.replace("\u2013", "-"))
        )
    if "nbsp" in noise:
        _each_content_line(lines, doc, lambda s: re.sub(r"(?<=\w) (the|of) ", "\u00a0\\1\u00a0", s))
    if "emphasis" in noise and doc.format == "markdown":
        _each_content_line(lines, doc, lambda s: re.sub(r"\*([A-Z][a-z ]+)\*", r"\1", s))
    if "rewrap" in noise:
        _rewrap(lines, doc, width)  # line numbers change from here on
    out = "\n".join(lines)
    if "page" in noise:
        # after re-wrapping: find the paragraph again by its first words
        lines = out.split("\n")
        re_doc = parse_document(out, doc.source, "markdown" if doc.format == "markdown" else None)
        _page_break(lines, re_doc, at)
        out = "\n".join(lines)
    return out


def _report_iv() -> tuple[str, Document]:
    """Draft resolution IV alone, cut out of the report (Markdown)."""
    text = (FIX / "A_75_479.md").read_text(encoding="utf-8")
    start = text.index("### **United Nations African Institute")
    part = text[start : text.index("**Annex**")]  # the last draft of the report
    return part, parse_document(part, "IV.md", "markdown")


def _pdf(name: str) -> tuple[str, Document]:
    text = (UN / name).read_text(encoding="utf-8")
    return text, parse_document(text, name)


SOURCES = {name: (lambda n=name: _pdf(n)) for name in PDF_TEXTS} | {"report-IV.md": _report_iv}

noise_sets = st.sets(st.sampled_from(NOISE), min_size=1)


@pytest.mark.parametrize("name", sorted(SOURCES))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(noise=noise_sets, width=st.integers(40, 110), at=st.integers(0, 200))
def test_editorial_noise_matches(name: str, noise: set[str], width: int, at: int) -> None:
    text, doc = SOURCES[name]()
    candidate = parse_document(noisy(text, doc, noise, width, at), "candidate", doc.format)
    v = check(candidate, doc)
    assert v.matches, render_text(v)


Target = tuple[str, str, int, int]
"""(where: paragraph, footnote or title; label the check must name; line index; word start)"""


def _targets(text: str, doc: Document) -> list[Target]:
    """Every substantive word of the text, with the label a change to it must name."""
    lines = text.split("\n")
    ranges = [("paragraph", p.label, p.lines) for p in doc.paragraphs]
    for f in doc.footnotes:
        citing = [p.label for p in doc.paragraphs if f.mark in p.footnotes]
        if citing:
            ranges.append(("footnote", citing[0], f.lines))
    ranges.append(("title", "title", doc.title_lines))
    out = []
    for where, label, (lo, hi) in ranges:
        for i in range(max(lo - 1, 0), hi):
            if where != "title" and not _is_content(lines[i], doc):
                continue
            for m in re.finditer(r"\b[a-z]{4,}\b", lines[i]):
                if i == lo - 1 and m.start() < 25:
                    continue  # keep the lead phrase: a changed word, not a changed structure
                out.append((where, label, i, m.start()))
    return out


def _change_word(text: str, target: Target) -> str:
    """The text with the target word replaced by "quetzal"."""
    _, _, i, start = target
    lines = text.split("\n")
    word = re.match(r"[a-z]+", lines[i][start:])
    assert word is not None
    lines[i] = lines[i][:start] + "quetzal" + lines[i][start + word.end() :]
    return "\n".join(lines)


@pytest.mark.parametrize("name", sorted(SOURCES))
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), noise=noise_sets, width=st.integers(40, 110))
def test_one_changed_word_among_noise_differs(
    name: str, data: st.DataObject, noise: set[str], width: int
) -> None:
    text, doc = SOURCES[name]()
    target = data.draw(st.sampled_from(_targets(text, doc)), label="target")
    label = target[1]
    changed = _change_word(text, target)
    candidate = parse_document(noisy(changed, doc, noise, width), "candidate", doc.format)
    v = check(candidate, doc)
    assert not v.matches
    assert label in [r.label for r in v.differences], render_text(v)
    assert "quetzal" in render_text(v)


@pytest.mark.parametrize("kind", ["PP", "OP", "OP(a)", "footnote", "title"])
def test_a_changed_word_in_each_part_is_named(kind: str) -> None:
    """The same, deterministically, once in each part of a resolution with them all."""
    text, doc = _pdf("A_C.3_80_L.46.txt")
    targets = [
        t
        for t in _targets(text, doc)
        if {"PP": t[0] == "paragraph" and t[1].startswith("PP"),
            "OP": t[0] == "paragraph" and t[1].startswith("OP") and "(" not in t[1],
            "OP(a)": t[0] == "paragraph" and "(" in t[1],
            "footnote": t[0] == "footnote",
            "title": t[0] == "title"}[kind]
    ]  # fmt: skip
    target = targets[len(targets) // 2]
    noise = parse_document(noisy(_change_word(text, target), doc, set(NOISE), 55, 3), "c")
    v = check(noise, doc)
    assert target[1] in [r.label for r in v.differences], render_text(v)
    assert v.line().startswith("differs: ") and "1 word inserted, 1 deleted" in v.line()


def test_strict_sees_the_noise_the_default_ignores() -> None:
    text, doc = _pdf("A_RES_75_197.txt")
    all_noise = noisy(text, doc, set(NOISE), width=50, at=7)
    assert all_noise != text and "\u00a0" in all_noise
    candidate = parse_document(all_noise, "candidate")
    assert check(candidate, doc).matches
    strict = check(candidate, doc, Profile(strict=True))
    # region’s -> region's; non-breaking spaces the parser already reads as spaces
    assert [r.label for r in strict.differences] == ["PP17"]


def test_markdown_emphasis_is_noise() -> None:
    text, doc = _report_iv()
    plain = noisy(text, doc, {"emphasis"})
    assert "*Recalling*" in text and "*Recalling*" not in plain
    assert check(parse_document(plain, "c.md", "markdown"), doc).matches


def test_footnotes_ignored_on_request() -> None:
    text, doc = _pdf("A_RES_75_197.txt")
    changed = parse_document(text.replace("1 A/75/111.", "1 A/75/999."), "candidate")
    v = check(changed, doc)
    assert v.line() == "differs: 1 paragraph (PP2), 1 word inserted, 1 deleted"
    assert "footnote 1: [-A/75/111-]{+A/75/999+}." in render_text(v)
    assert check(changed, doc, Profile(ignore_footnotes=True)).matches


def test_sponsors_do_not_count_the_title_does() -> None:
    from dataclasses import replace

    from redline.model import Sponsors

    doc = load(L2)
    assert check(replace(doc, sponsors=Sponsors(original=("Palau",))), doc).matches
    v = check(replace(doc, title=doc.title + " and resilience"), doc)
    assert v.line() == "differs: title, 2 words inserted, 0 deleted"


# --- CI outputs -------------------------------------------------------------------


def test_github_workflow_commands() -> None:
    code, out, _ = run("--format", "github", L2, L43)
    assert code == 1
    errors = [ln for ln in out.splitlines() if ln.startswith("::error ")]
    assert len(errors) == 4
    props, _, message = errors[0].removeprefix("::error ").partition("::")
    assert props == f"file={L2},line=23,title=redline check"
    assert message.startswith("OP1 differs from the adopted text%0AExpresses [-its-]{+deep+}")
    assert "\n" not in message
    assert last_line(out).startswith("differs: 4 paragraphs")
    code, out, _ = run("--format", "github", REPORT_IV, RES_75_197)
    assert (code, out) == (0, "match\n")


def test_junit_xml(tmp_path: Path) -> None:
    xml = tmp_path / "check.xml"
    code, out, _ = run("--junit", str(xml), L2, L43)
    assert code == 1 and last_line(out).startswith("differs: ")
    root = ET.parse(xml).getroot()
    assert root.tag == "testsuites"
    cases = root.findall("./testsuite/testcase")
    assert [c.get("name") for c in cases][:2] == ["title", "PP1"]
    failed = {c.get("name"): c.find("failure") for c in cases if c.find("failure") is not None}
    assert sorted(failed) == ["OP1", "OP2", "OP3", "OP4"]
    assert root.get("tests") == str(len(cases)) and root.get("failures") == "4"
    assert "[-its-]{+deep+}" in (failed["OP1"].text or "")
    assert failed["OP1"].get("message") == "OP1 differs"


def test_junit_escapes_markup_and_control_characters() -> None:
    from redline.check import Result, Verdict
    from redline.model import Segment
    from redline.render.check import render_junit

    bad = Result("OP1", 3, "differs", (Segment("+", "<b>&\x0c\x1b]8;;x"),))
    root = ET.fromstring(render_junit([Verdict("a&b.txt", "c.txt", (bad,))]).encode())
    failure = root.find("./testsuite/testcase/failure")
    assert failure is not None and "<b>&" in (failure.text or "")
    assert root.find("./testsuite/testcase").get("file") == "a&b.txt"  # type: ignore[union-attr]


# --- manifest ---------------------------------------------------------------------


def test_manifest_checks_every_pair(tmp_path: Path) -> None:
    manifest = tmp_path / "ci" / "redline-check.toml"
    manifest.parent.mkdir()
    manifest.write_text(
        f'[[pair]]\ncandidate = "{RES_75_197}"\nadopted = "{REPORT_IV}"\n\n'
        f'[[pair]]\ncandidate = "{L2}"\nadopted = "{L43}"\n',
        encoding="utf-8",
    )
    code, out, _ = run("--manifest", str(manifest))
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == f"[1/2] {RES_75_197} vs {REPORT_IV}: match"
    assert lines[1].startswith(f"[2/2] {L2} vs {L43}: differs: 4 paragraphs")
    assert lines[-1] == f"differs: 1 of 2 pairs ({L2})"
    # paths relative to the manifest's folder
    (tmp_path / "a.txt").write_text((UN / "A_RES_75_197.txt").read_text(encoding="utf-8"))
    manifest.write_text('[[pair]]\ncandidate = "../a.txt"\nadopted = "../a.txt"\n')
    a = tmp_path / "a.txt"
    assert run("--manifest", str(manifest))[:2] == (0, f"[1/1] {a} vs {a}: match\nmatch\n")


@pytest.mark.parametrize(
    "body", ["", "pair = 3", "[[pair]]\ncandidate = 'a.txt'", "[[pair]\n", "[[pair]]\ncandidate = "]
)
def test_bad_manifest_is_exit_2(body: str, tmp_path: Path) -> None:
    manifest = tmp_path / "m.toml"
    manifest.write_text(body + "\n", encoding="utf-8")
    code, out, err = run("--manifest", str(manifest))
    assert code == 2 and out == "" and err.count("\n") == 1 and str(manifest) in err


def test_manifest_fixture_and_its_junit(tmp_path: Path) -> None:
    manifest = FIX / "check" / "redline-check.toml"
    xml = tmp_path / "out.xml"
    code, out, _ = run("--manifest", str(manifest), "--junit", str(xml))
    assert code == 1
    assert last_line(out) == f"differs: 1 of 2 pairs ({L2})"
    suites = ET.parse(xml).getroot().findall("testsuite")
    assert [s.get("failures") for s in suites] == ["0", "4"]
    assert suites[0].get("name") == f"{REPORT_IV} vs {RES_75_197}"


def test_pre_commit_hook_runs_redline_check() -> None:
    hooks = (Path(__file__).parent.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "- id: redline-check" in hooks
    assert "entry: redline check" in hooks and "pass_filenames: false" in hooks


def test_help_states_what_is_ignored_with_an_example_each() -> None:
    out = CliRunner().invoke(main, ["check", "--help"]).stdout
    rows = {
        "sponsors": "Chile and Peru",
        "line wrapping": "Urges all States",
        "page breaks": "20-17358 3/9",
        "whitespace": "non-breaking space",
        "Markdown emphasis": "*Recalling* vs Recalling",
        "footnote numbers": "footnote 3 vs footnote 1",
        "typographic quotes": 'States\u2019 \u201cefforts\u201d vs States\' "efforts"',
        "en or em dash": "2017\u20132021 vs 2017-2021",
        "extraction noise": "establis hing, Secretary -General, followup vs",
        "invisible marks": "soft hyphen",
        "--ignore-numbering": "OP6 that became OP5",
        "--ignore-footnotes": "A/75/111. vs A/75/999.",
    }
    lines = [" ".join(ln.split()) for ln in out.splitlines()]
    for name, example in rows.items():
        assert any(ln.startswith(name) and example in ln for ln in lines), name
    assert "--strict" in out and "--manifest" in out and "--junit" in out


def test_colour_only_when_asked() -> None:
    assert "\x1b[" not in run(L2, L43)[1]
    # click strips escapes when it thinks the output is no terminal: color=True keeps them
    out = CliRunner().invoke(main, ["check", "--color", "always", L2, L43], color=True).stdout
    assert "\x1b[31;9mits\x1b[0m" in out and "[-its-]" not in out
    assert last_line(out).startswith("differs: ")


def test_colour_survives_a_pipe() -> None:
    """--color always through a real pipe: click would strip the escapes, and
    with them the only mark of what was deleted."""
    import subprocess
    import sys

    r = subprocess.run(
        [sys.executable, "-m", "redline", "check", "--color", "always", L2, L43],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert r.returncode == 1
    assert "\x1b[31;9mits\x1b[0m" in r.stdout
    assert last_line(r.stdout).startswith("differs: 4 paragraphs")


def test_github_escapes_data_and_properties() -> None:
    from redline.check import Result, Verdict
    from redline.model import Segment
    from redline.render.check import render_github

    bad = Result("OP1", 3, "differs", (Segment("-", "50%"), Segment("+", "a\r\nb")))
    out = render_github(Verdict("dir,x/a:b%\r\n.txt#IV", "c.txt", (bad,)))
    first, verdict = out.splitlines()
    props = "file=dir%2Cx/a%3Ab%25%0D%0A.txt,line=3,title=redline check"
    assert first.startswith(f"::error {props}::")
    # a paragraph is one line: its line ends are already spaces; the diff follows a %0A
    assert first.endswith("::OP1 differs from the adopted text%0A[-50%25-]{+a  b+}")
    assert verdict == "differs: 1 paragraph (OP1), 2 words inserted, 1 deleted"


def _renumber_marks(doc: Document, shift: int) -> Document:
    from dataclasses import replace

    def m(mark: str) -> str:
        return str(int(mark) + shift)

    paras = tuple(replace(p, footnotes=tuple(m(k) for k in p.footnotes)) for p in doc.paragraphs)
    notes = tuple(replace(f, mark=m(f.mark)) for f in doc.footnotes)
    return replace(doc, paragraphs=paras, footnotes=notes)


def test_footnote_marker_numbering_is_ignored_even_strict() -> None:
    doc = load(RES_75_197)
    renumbered = _renumber_marks(doc, 26)  # as in a report whose footnotes run on
    assert [f.mark for f in renumbered.footnotes][:2] == ["27", "28"]
    assert check(renumbered, doc).matches
    assert check(renumbered, doc, Profile(strict=True)).matches


def test_a_footnote_cited_elsewhere_differs() -> None:
    from dataclasses import replace

    doc = load(RES_75_197)
    ps = list(doc.paragraphs)
    k = next(i for i, p in enumerate(ps) if p.footnotes)
    ps[k + 1], ps[k] = replace(ps[k + 1], footnotes=ps[k].footnotes), replace(ps[k], footnotes=())
    moved = replace(doc, paragraphs=tuple(ps))
    assert [r.label for r in check(moved, doc).differences] == [ps[k].label, ps[k + 1].label]
    assert check(moved, doc, Profile(ignore_footnotes=True)).matches


@pytest.mark.parametrize(
    ("old", "new", "strict_differs"),
    [
        ("9\u201324 November", "9-24 November", True),  # en dash vs hyphen
        ("human rights", "hu\u00adman rights", False),  # the parser drops soft hyphens
        ("human rights", "hu\u200bman rights", False),  # and zero-width spaces
        ("human rights", "human\u00a0rights", False),  # and reads a no-break space as a space
    ],
)
def test_what_strict_counts(old: str, new: str, strict_differs: bool) -> None:
    """--strict counts what --help says it counts, and nothing the parser drops."""
    text, doc = _pdf("A_C.3_80_L.46.txt")
    assert old in text
    candidate = parse_document(text.replace(old, new, 1), "c.txt")
    assert check(candidate, doc).matches
    assert check(candidate, doc, Profile(strict=True)).matches is not strict_differs


def test_a_placeholder_of_blanks_is_shown_as_written_not_read_as_emphasis() -> None:
    """A/C.5/80/L.8 OP5(b) leaves the resolution's number and day blank ("80/___ of
    __ December 2025"); the adopted A/RES/80/246 fills them in. The check prints the
    draft's blanks as the draft has them."""
    corpus = Path(__file__).parent / "corpus" / "pdf"
    result = CliRunner().invoke(
        main, ["check", str(corpus / "A_C.5_80_L.8.pdf"), str(corpus / "A_RES_80_246.pdf")]
    )
    assert result.exit_code == 1
    assert "[-80/245-]{+80/___+} of [-30-]{+__+}" in result.output
    assert (
        result.output.splitlines()[-1]
        == "differs: 1 paragraph (OP5(b)), 1 word inserted, 2 deleted"
    )


# --- one count, one line, every output ----------------------------------------------

CORPUS = Path(__file__).parent / "corpus" / "pdf"


def _outputs(tmp_path: Path, *pair: str) -> tuple[str, str, ET.Element]:
    """The text, ``--format github`` and JUnit outputs of one check."""
    xml = tmp_path / "check.xml"
    code, text, _ = run("--junit", str(xml), *pair)
    assert code == 1
    code, github, _ = run("--format", "github", *pair)
    assert code == 1
    return text, github, ET.parse(xml).getroot()


def _verdict_count(line: str) -> int:
    """``differs: title, 3 paragraphs (…), …`` -> 4: what the verdict says differs."""
    m = re.match(r"differs: (title, )?(?:(\d+) paragraphs? \()?", line)
    assert m, line
    return (1 if m[1] else 0) + int(m[2] or 0)


def test_every_output_counts_the_same_differences(tmp_path: Path) -> None:
    """A/C.2/80/L.21 against A/RES/80/125: a candidate PP15 (adopted PP14) and the
    adopted PP15, missing from the candidate, share a label; so do PP19 and the missing
    PP19. The verdict, the listed paragraphs, the annotations and the JUnit failures
    are one number, and each JUnit test case has a name of its own."""
    cand = str(CORPUS / "A_C.2_80_L.21.pdf")
    text, github, root = _outputs(tmp_path, cand, str(CORPUS / "A_RES_80_125.pdf"))
    listed = [ln for ln in text.splitlines() if ln.startswith(f"{cand}:")]
    errors = [ln for ln in github.splitlines() if ln.startswith("::error ")]
    failed = [c for c in root.iter("testcase") if c.find("failure") is not None]
    assert len(listed) == len(errors) == len(failed) == int(root.get("failures") or "")
    assert _verdict_count(last_line(text)) == len(listed) == 28
    assert last_line(github) == last_line(text)
    names = [c.get("name") for c in root.iter("testcase")]
    assert len(names) == len(set(names))
    assert {"PP15", "PP15 (missing from the candidate)", "PP19"} <= set(names)
    assert "PP19 (missing from the candidate)" in names


def test_a_missing_paragraph_has_one_line_in_every_output(tmp_path: Path) -> None:
    """A missing paragraph stands at the line of the candidate's paragraph before it,
    or at the title's line when none is before it: in text, GitHub and JUnit alike."""
    from dataclasses import replace

    doc = load(L43)
    assert doc.title_lines[0] == 21 and doc.paragraphs[0].label == "PP1"
    first = tmp_path / "no-pp1.txt"  # the adopted PP1 gone
    first.write_text(_without_lines(L43, doc.paragraphs[0].lines), encoding="utf-8")
    op2 = doc.paragraphs[2]
    later = tmp_path / "no-op2.txt"
    later.write_text(_without_lines(L43, op2.lines), encoding="utf-8")
    for cand, label, line in [(first, "PP1", 21), (later, "OP2", doc.paragraphs[1].lines[0])]:
        text, github, root = _outputs(tmp_path, str(cand), L43)
        assert f"{cand}:{line}: {label} missing" in text
        assert f"::error file={cand},line={line},title=redline check::{label} missing" in github
        case = next(c for c in root.iter("testcase")
                    if c.get("name") == f"{label} (missing from the candidate)")  # fmt: skip
        assert case.get("line") == str(line)
    v = check(replace(doc, paragraphs=doc.paragraphs[1:]), doc)
    assert [(r.label, r.line) for r in v.differences] == [("PP1", 21)]


def _without_lines(path: str, lines: tuple[int, int]) -> str:
    """The file's text without the lines `lines` (first, last; 1-based) and the blank after."""
    text = Path(path).read_text(encoding="utf-8").split("\n")
    return "\n".join(text[: lines[0] - 1] + text[lines[1] :])


def test_a_merged_paragraph_is_one_difference() -> None:
    """Two adopted paragraphs merged into one of the candidate: one paragraph differs,
    named once, listed once, one failure; its word diff covers both pieces."""
    from dataclasses import replace

    from redline.model import new_text, old_text
    from redline.render.check import render_github, render_junit

    doc = load(L43)
    ps = list(doc.paragraphs)
    merged = replace(ps[1], text=ps[1].text + " " + ps[2].text)
    v = check(replace(doc, paragraphs=(ps[0], merged, *ps[3:])), doc)
    assert [(r.label, r.problem) for r in v.differences] == [("OP1", "merged: adopted OP1, OP2")]
    (r,) = v.differences
    assert new_text(r.segments) == merged.text
    assert old_text(r.segments) == ps[1].text + " " + ps[2].text
    assert v.line() == "differs: 1 paragraph (OP1), 0 words inserted, 0 deleted"
    assert render_text(v).count(": OP1 merged") == 1
    assert render_github(v).count("::error ") == 1
    assert 'failures="1"' in render_junit([v])
