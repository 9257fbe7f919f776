"""Where sponsor lines are found: Markdown L-documents, report excerpts, amendments, and
every L-document of the corpus against the UN Digital Library's sponsor blocks.

Fixtures are real UN texts copied unchanged: ``tests/fixtures/un/`` (pdftotext),
``tests/corpus/pdf/*.pymupdf.txt`` (PyMuPDF), ``tests/fixtures/A_75_479.md`` and
``tests/fixtures/session80_L_documents_index.tsv`` (UNDL first-page sponsor blocks of
the 80th-session L-documents, from ``../shared/corpus/meta``).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from redline import sponsors
from redline.model import DocKind
from redline.parser import parse_document

ROOT = Path(__file__).parent
FIX = ROOT / "fixtures"
REPORT = (FIX / "A_75_479.md").read_text(encoding="utf-8")


def parse(path: Path) -> object:
    return parse_document(path.read_text(encoding="utf-8"), str(path))


def markdown_l_document(pdf_text: str) -> str:
    """The first page of an L-document laid out as Markdown: one paragraph per header
    item (the agenda item's title on its own), the sponsor line's wrapped lines joined,
    then the first preambular paragraph whole; the wording is the PDF text's."""
    lines = [ln.strip() for ln in pdf_text.split("\n")]
    ga = lines.index("The General Assembly,")
    end = next(
        i for i, ln in enumerate(lines) if re.search(r":\*? (?:revised )?draft resolution$", ln)
    )
    item = next(i for i in range(end, 0, -1) if lines[i - 1].startswith("Agenda item"))
    first = parse_document(pdf_text, "l.txt").paragraphs[0].text
    return "\n\n".join([
        lines[0], "# General Assembly", "Eightieth session", lines[item - 1], lines[item],
        " ".join(lines[item + 1 : end + 1]), f"**{' '.join(lines[end + 1 : ga])}**",
        "*The General Assembly,*", first,
    ]) + "\n"  # fmt: skip


@pytest.mark.parametrize("name", ["A_C.3_80_L.20.txt", "A_80_L.9.txt", "A_C.3_80_L.3.txt"])
def test_markdown_l_document_agenda_title_is_not_glued_to_the_first_sponsor(name: str) -> None:
    text = (FIX / "un" / name).read_text(encoding="utf-8")
    md = markdown_l_document(text)
    from_pdf = parse_document(text, name).sponsors
    from_md = parse_document(md, "l.md", fmt="markdown").sponsors
    assert from_md.original == from_pdf.original
    assert sponsors.unrecognised(from_md.names) == ()


def test_markdown_l3_italy_alone() -> None:
    md = markdown_l_document((FIX / "un" / "A_C.3_80_L.3.txt").read_text(encoding="utf-8"))
    assert "Crime prevention and criminal justice\n\nItaly: draft resolution" in md
    assert parse_document(md, "l.md", fmt="markdown").sponsors.original == ("Italy",)


def _paragraph(start: str) -> str:
    return next(p for p in REPORT.split("\n\n") if p.startswith(start))


@pytest.mark.parametrize("markdown", [True, False])
def test_report_excerpt_with_submitted_by_has_sponsors(markdown: bool) -> None:
    p17 = _paragraph("17. At its 13th meeting")
    text = p17 if markdown else re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", p17)[4:]
    doc = parse_document(text + "\n", "excerpt")
    assert doc.kind is DocKind.TEXT
    assert sponsors.count(doc.sponsors) == 8
    assert sponsors.group_of(doc.sponsors.on_behalf_of) == "Group of African States"
    assert doc.sponsors.subsequent[-1] == "Venezuela (Bolivarian Republic of)"


def test_report_excerpt_before_the_resolution_text_has_its_sponsors() -> None:
    # paragraph 9 (L.5's sponsors), then draft resolution II from "The General Assembly,"
    resolution = REPORT[REPORT.index("**Draft resolution II**") :]
    body = resolution[resolution.index("*The General Assembly,*") :]
    body = body[: body.index("### **Draft resolution III**")]
    doc = parse_document(_paragraph("9. At its 11th meeting") + "\n\n" + body, "excerpt.md")
    assert doc.counts()["operative"] > 0
    assert sponsors.count(doc.sponsors) == 66
    assert doc.sponsors.original == ("Austria", "Ecuador", "Guatemala", "Spain")


def test_report_excerpt_with_several_passages_takes_the_first_and_says_so() -> None:
    text = _paragraph("6. At its 10th meeting") + "\n\n" + _paragraph("9. At its 11th meeting")
    doc = parse_document(text + "\n", "two.md")
    assert sponsors.count(doc.sponsors) == 64
    assert any("2 sponsor passages" in w and "A/C.3/75/L.4/Rev.1" in w for w in doc.warnings)


def test_a_resolution_citing_a_report_submitted_by_an_officer_has_no_sponsors() -> None:
    for path in sorted((FIX / "un").glob("A_RES_*.txt")):
        doc = parse_document(path.read_text(encoding="utf-8"), str(path))
        assert doc.sponsors.names == (), path.name


@pytest.mark.parametrize(
    ("name", "names"),
    [("A_C.3_80_L.58", ("Russian Federation",)), ("A_80_L.20", ("Russian Federation",))],
)
def test_amendment_header_glued_to_the_agenda_title(name: str, names: tuple[str, ...]) -> None:
    doc = parse_document(
        (ROOT / "corpus" / "pdf" / f"{name}.pymupdf.txt").read_text(encoding="utf-8"), name
    )
    assert doc.sponsors.original == names


def test_draft_resolution_line_alone_names_nobody() -> None:
    # A/C.6/80/L.19 prints "Draft resolution" where a sponsor line would be.
    text = (ROOT / "corpus" / "pdf" / "A_C.6_80_L.19.pymupdf.txt").read_text(encoding="utf-8")
    doc = parse_document(text, "A_C.6_80_L.19")
    assert doc.sponsors.names == ()
    assert sponsors.doc_unlisted(doc) == "no sponsor list"


# --- the whole corpus against the UN Digital Library --------------------------------


def _meta() -> dict[str, str]:
    with (FIX / "session80_L_documents_index.tsv").open(encoding="utf-8") as f:
        return {
            r["symbol"]: r["first_page_sponsor_block_raw"]
            for r in csv.DictReader(f, delimiter="\t")
        }


def _meta_names(raw: str) -> set[str]:
    """Canonical names in a UNDL block ("Third Committee Agenda item 67 <title> A, B and C")."""
    if re.match(r"^Draft (?:resolution|decision) submitted by", raw):
        return set()
    names = sponsors._unglued(sponsors.split_names(raw))
    return {c for c in map(sponsors.canonical, names) if c}


L_DOCS = sorted(
    [*(FIX / "un").glob("*_L.*.txt"), *(ROOT / "corpus" / "pdf").glob("*_L.*.pymupdf.txt")]
)


def test_every_l_document_has_the_sponsors_the_digital_library_records() -> None:
    meta = _meta()
    found = expected = compared = 0
    wrong = []
    for path in L_DOCS:
        symbol = path.name.split(".pymupdf")[0].removesuffix(".txt").replace("_", "/")
        raw = meta.get(symbol, "")
        if not raw:
            continue  # no record (A/80/L.20, A/C.3/80/L.58, A/C.6/80/L.19)
        doc = parse_document(path.read_text(encoding="utf-8"), str(path))
        ours = {sponsors.canonical(n) or n for n in doc.sponsors.names}
        ours -= {n for n in ours if sponsors.status(n) == "other"}
        want = _meta_names(raw)
        compared += 1
        found += len(ours & want)
        expected += len(want)
        if ours != want:
            wrong.append((symbol, sorted(want - ours), sorted(ours - want)))
    assert (compared, len(L_DOCS)) == (41, 44)
    assert wrong == []
    assert (found, expected) == (473, 473)


@pytest.mark.parametrize("kind", ["draft resolution", "revised draft resolution", "draft decision"])
def test_a_markdown_drafts_sponsor_line_ends_in_its_kind(kind: str) -> None:
    """``Chile and Peru: draft decision`` is a sponsor line as a draft resolution's is
    (the header reader's own copy of the ending forgot draft decisions: no sponsors)."""
    text = (
        "United Nations A/C.2/80/L.99\n\nAgenda item 18\n\n"
        f"Chile and Peru: {kind}\n\n# Some title\n\n*The General Assembly*,\n\n"
        "1. *Decides* to act;\n"
    )
    doc = parse_document(text, "x.md")
    assert doc.sponsors.original == ("Chile", "Peru")
    assert doc.title == "Some title"
