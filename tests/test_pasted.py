"""Text that reaches redline through common tools: typed, pasted, or converted by pandoc.

A delegate saves redline's .docx as plain text or Markdown with pandoc, or types a
resolution with a blank line between paragraphs; each must read as the resolution it
is: its title, its preamble and operative part, its footnotes cited where they stand.
"""

from __future__ import annotations

from pathlib import Path

import redline
from redline.check import check
from redline.model import DocKind, Document

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
