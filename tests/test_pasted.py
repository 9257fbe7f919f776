"""Text that reaches redline through common tools: typed, pasted, or converted by pandoc.

A delegate saves redline's .docx as plain text or Markdown with pandoc, or types a
resolution with a blank line between paragraphs; each must read as the resolution it
is: its title, its preamble and operative part, its footnotes cited where they stand.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

import redline
from redline.check import check
from redline.model import DocKind, Document
from redline.render.docx import render
from tests.test_docx import OPTIONS, require

EXAMPLES = Path(__file__).parent.parent / "examples"


def structure(doc: Document) -> list[tuple[str, str, str]]:
    return [(p.label, p.lead, p.text) for p in doc.paragraphs]


def cited(doc: Document) -> list[tuple[str, tuple[str, ...], tuple[int, ...]]]:
    """Each paragraph that cites a note: its label, the notes' texts, where each stands."""
    return [
        (p.label, tuple(f.text if (f := doc.footnote(m)) else "?" for m in p.footnotes), p.marks_at)
        for p in doc.paragraphs
        if p.footnotes
    ]


# --- typed -----------------------------------------------------------------------------


def test_a_title_typed_above_the_general_assembly_stays_a_title() -> None:
    doc = redline.parse_text(
        "Oceans and the law of the sea\n\nThe General Assembly,\n\n"
        "Recalling its resolution 79/1,\n\n1. Decides to act;\n\n"
        "2. Decides to remain seized of the matter.\n"
    )
    assert doc.kind == DocKind.DRAFT and doc.warnings == ()
    assert doc.title == "Oceans and the law of the sea"
    assert structure(doc) == [
        ("PP1", "Recalling", "Recalling its resolution 79/1,"),
        ("OP1", "Decides", "Decides to act;"),
        ("OP2", "Decides", "Decides to remain seized of the matter."),
    ]


def test_a_sponsor_line_ending_in_lower_case_is_not_glued_to_the_title() -> None:
    """A sponsor line ("…: draft resolution") then a title in capitals looked like a split
    paragraph ("… against Transnational", a page break, "Organized Crime")."""
    doc = redline.parse_text(
        "A/C.2/80/L.9\n\nNorway: draft resolution\n\nOceans and the law of the sea\n\n"
        "The General Assembly,\n\nRecalling its resolution 79/1,\n\n1. Decides to act.\n"
    )
    assert doc.title == "Oceans and the law of the sea"
    assert doc.sponsors.original == ("Norway",)
    assert [p.label for p in doc.paragraphs] == ["PP1", "OP1"]


def test_a_page_split_paragraph_is_still_joined() -> None:
    doc = redline.parse_text(
        "Title\n\nThe General Assembly,\n\n"
        "1. Urges States to ratify the United Nations Convention against Transnational\n\n"
        "Organized Crime;\n\n2. Decides to remain seized.\n"
    )
    assert [p.text for p in doc.paragraphs][0] == (
        "Urges States to ratify the United Nations Convention against Transnational "
        "Organized Crime;"
    )


def test_one_paragraph_per_line_keeps_its_title() -> None:
    doc = redline.parse_text(
        "Oceans and the law of the sea\nThe General Assembly,\n"
        "Recalling its resolution 79/1,\nRecalling also its resolution 78/1,\n"
        "Noting the report,\n1. Decides to act;\n"
        "2. Requests the Secretary-General to report;\n"
        "3. Decides to remain seized of the matter.\n"
    )
    assert doc.format == "pdf-text"
    assert doc.title == "Oceans and the law of the sea"
    assert [p.label for p in doc.paragraphs] == ["PP1", "PP2", "PP3", "OP1", "OP2", "OP3"]
    adopted = redline.parse_text(
        "A/RES/79/300\n\n79/300. Oceans and the law of the sea\n\nThe General Assembly,\n\n"
        "Recalling its resolution 79/1,\n\nRecalling also its resolution 78/1,\n\n"
        "Noting the report,\n\n1. Decides to act;\n\n"
        "2. Requests the Secretary-General to report;\n\n"
        "3. Decides to remain seized of the matter.\n"
    )
    assert check(doc, adopted).line() == "match"


def test_a_header_line_above_a_one_line_title_is_not_the_title() -> None:
    doc = redline.parse_text(
        "A/C.3/75/L.11\nAgenda item 27\nCrime prevention\nThe General Assembly,\n"
        "Recalling its resolution 73/188,\nNoting the report,\n1. Decides to act;\n"
        "2. Decides to remain seized of the matter.\n"
    )
    assert doc.format == "pdf-text"
    assert (doc.symbol, doc.title) == ("A/C.3/75/L.11", "Crime prevention")


# --- Markdown as pandoc writes it ---------------------------------------------------------


def test_backslash_escapes_are_text_and_numbers_stay_numbers() -> None:
    doc = redline.parse_text(
        "*The General Assembly,*\n\n*Recalling* its resolution 73/188 \\[the \\*first\\*\\],\n\n"
        "1\\. *Urges* States to act:\n\n\\(a\\) By ratifying it;\n\n"
        "2\\. *Decides* to remain seized of the matter 2017--2021 --- and after.\n"
    )
    assert structure(doc) == [
        ("PP1", "Recalling", "Recalling its resolution 73/188 [the *first*],"),
        ("OP1", "Urges", "Urges States to act:"),
        ("OP1(a)", "", "By ratifying it;"),
        (
            "OP2",
            "Decides",
            "Decides to remain seized of the matter 2017\u20132021 \u2014 and after.",
        ),
    ]


def test_pandoc_footnotes_are_cited_where_they_stand() -> None:
    doc = redline.parse_text(
        "The General Assembly,\n\n*Taking note* of the report,[^1] and of its annex,[^a]\n\n"
        "[^1]: United Nations, *Treaty Series*, vols. 2225,\n    No. 39574.\n\n"
        "    Second paragraph of the note.\n\n[^a]: A/75/111.\n\n1\\. *Decides* to act.\n"
    )
    assert doc.format == "markdown"  # from the definitions: no italics, no <sup>
    assert cited(doc) == [
        (
            "PP1",
            ("United Nations, Treaty Series, vols. 2225, No. 39574. Second paragraph of the note.",
             "A/75/111."),
            (26, 44),
        )
    ]  # fmt: skip
    assert [p.label for p in doc.paragraphs] == ["PP1", "OP1"]


def test_a_bracketed_number_is_a_mark_only_when_the_text_defines_it() -> None:
    defined = redline.parse_text(
        "Title\n\nThe General Assembly,\n\nNoting the report,[1]\n\n1. Decides to act.\n\n"
        "[1] A/75/111.\n"
    )
    assert cited(defined) == [("PP1", ("A/75/111.",), (18,))]
    assert [p.label for p in defined.paragraphs] == ["PP1", "OP1"]
    undefined = redline.parse_text(
        "Title\n\nThe General Assembly,\n\nNoting the report [1],\n\n1. Decides to act.\n"
    )
    assert undefined.paragraphs[0].text == "Noting the report [1]," and undefined.footnotes == ()


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """redline's .docx of A/RES/73/188 against draft resolution IV of A/75/479 (the text
    adopted as A/RES/75/197)."""
    old = redline.parse(str(EXAMPLES / "A_RES_73_188.txt"))
    new = redline.parse(str(EXAMPLES / "A_75_479.md") + "#IV")
    path = tmp_path_factory.mktemp("pasted") / "redline.docx"
    path.write_bytes(render(redline.compare(old, new), OPTIONS))
    return path


@pytest.mark.parametrize("to", ["plain", "gfm", "markdown", "commonmark"])
def test_redlines_docx_through_pandoc_reads_as_the_adopted_text(
    written: Path, tmp_path: Path, to: str
) -> None:
    """``pandoc redline.docx -t TO``: each of pandoc's text formats reads as the draft
    did, and matches the adopted resolution."""
    require("pandoc")
    out = tmp_path / f"r.{'txt' if to == 'plain' else 'md'}"
    subprocess.run(["pandoc", str(written), "-t", to, "-o", str(out)], check=True)
    doc = redline.parse(str(out))
    draft = redline.parse(str(EXAMPLES / "A_75_479.md") + "#IV")
    assert doc.title == draft.title
    c = doc.counts()
    assert (c["preambular"], c["operative"], len(doc.footnotes)) == (18, 24, 5)
    assert [(p.label, p.lead) for p in doc.paragraphs] == [
        (p.label, p.lead) for p in draft.paragraphs
    ]
    assert cited(doc) == cited(draft)
    adopted = redline.parse(str(EXAMPLES / "A_RES_75_197.txt"))
    assert check(doc, adopted).line() == "match"


def test_pandoc_plain_text_on_one_line_a_paragraph_keeps_its_title(
    written: Path, tmp_path: Path
) -> None:
    require("pandoc")
    text = subprocess.run(
        ["pandoc", str(written), "-t", "plain", "--wrap=none"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    out = tmp_path / "r.txt"
    out.write_text("\n".join(ln for ln in text.split("\n") if ln.strip()) + "\n")
    doc = redline.parse(str(out))
    assert doc.title == (
        "United Nations African Institute for the Prevention of Crime and the Treatment of "
        "Offenders"
    )
    assert doc.symbol == "A/C.3/75/L.11"
