"""Paragraphs of PDF text found from what survives every extractor (issue 15):
a sub-paragraph label alone on its line, an operative number without its full
stop, a single unnumbered operative paragraph (redline/parser/pdftext.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from redline.model import ParaKind
from redline.parser import parse_document
from redline.parser.load import load

ROOT = Path(__file__).resolve().parent
UN = ROOT / "fixtures" / "un"
PDF = ROOT / "corpus" / "pdf"


def _labels(doc: object) -> list[str]:
    paras = getattr(doc, "paragraphs")  # noqa: B009
    return [p.label for p in paras if p.kind != ParaKind.OTHER]


# PyMuPDF prints "(a)" alone on its line and the text on the next: before, these
# sub-paragraphs were words of their operative paragraph (1 sub-paragraph in all
# 131 PyMuPDF texts; the PDF reader finds 256).
LONE_LABELS = [
    "A_RES_78_206", "A_RES_79_175", "A_RES_79_189", "A_RES_78_195", "A_RES_78_130",
    "A_RES_79_295", "A_C.3_80_L.47", "A_RES_78_293", "A_RES_80_216",
]  # fmt: skip


@pytest.mark.parametrize("name", LONE_LABELS)
def test_a_label_alone_on_its_line_is_a_sub_paragraph(name: str) -> None:
    text = (PDF / f"{name}.pymupdf.txt").read_text(encoding="utf-8")
    assert re.search(r"(?m)^\([a-z]\) *$", text)
    mu = parse_document(text)
    pdf = load(str(PDF / f"{name}.pdf"))
    assert pdf.counts()["sub-paragraph"] > 0
    assert _labels(mu) == _labels(pdf)
    assert not any(re.match(r"\([a-z]{1,2}\)", p.text) for p in mu.paragraphs)


def test_the_paragraphs_last_line_printed_first_before_its_sub_paragraphs() -> None:
    # A/RES/78/256: "5." then "Fund:" (the end of OP5's first line) then the text
    text = (PDF / "A_RES_78_256.pymupdf.txt").read_text(encoding="utf-8")
    doc = parse_document(text)
    op5 = next(p for p in doc.paragraphs if p.label == "OP5")
    assert op5.text.endswith("Working Capital Fund:")
    assert [p.label for p in doc.paragraphs if p.parent == "OP5"] == [f"OP5({x})" for x in "abcde"]


def test_letters_go_on_after_a_roman_list() -> None:
    # A/RES/79/237: (b) holds "(i) modalities …" at a line start; (c) follows
    text = (PDF / "A_RES_79_237.pymupdf.txt").read_text(encoding="utf-8")
    labels = [p.label for p in parse_document(text).paragraphs]
    assert labels.index("OP2(c)") > labels.index("OP2(b)")


@pytest.mark.parametrize("n", ["6", "2", "8"])
def test_an_operative_number_without_its_full_stop(n: str) -> None:
    # A/RES/75/197 with "6." printed "6": OP6 must not run into OP5 with the rest
    text = (UN / "A_RES_75_197.txt").read_text(encoding="utf-8")
    broken = re.sub(rf"\n{n}\. *\n", f"\n{n}\n", text, count=1)
    assert broken != text
    doc, ref = parse_document(broken), parse_document(text)
    assert [p.label for p in doc.paragraphs] == [p.label for p in ref.paragraphs]
    assert doc.counts()["operative"] == 24 and not doc.warnings


def test_a_detached_footnote_mark_is_no_operative_number() -> None:
    # a footnote mark alone on its line before an operative number: "2" then "2."
    text = (UN / "A_RES_75_197.txt").read_text(encoding="utf-8")
    broken = re.sub(r"\n2\. *\n", "\n2\n\n2. \n", text, count=1)
    assert broken != text
    doc = parse_document(broken)
    assert doc.counts()["preambular"] == 18 and doc.counts()["operative"] == 24
    assert [p.number for p in doc.paragraphs if p.kind == ParaKind.OPERATIVE][:3] == ["1", "2", "3"]


def test_a_single_unnumbered_operative_paragraph() -> None:
    # A/RES/78/186: three preambular paragraphs and "Takes note of the report …"
    doc = parse_document((UN / "A_RES_78_186.txt").read_text(encoding="utf-8"))
    assert [p.label for p in doc.paragraphs] == ["PP1", "PP2", "PP3", "OP1"]
    op = doc.paragraphs[-1]
    assert op.kind == ParaKind.OPERATIVE and op.number is None and op.lead == "Takes note"
    assert op.text.startswith("Takes note of the report of the Human Rights Council")
    assert doc.paragraphs[-2].text.endswith("Human Rights Council,")


def test_an_adopting_paragraph_alone_is_operative() -> None:
    # A/RES/79/2 adopts a political declaration: its one paragraph is operative
    doc = parse_document((PDF / "A_RES_79_2.pymupdf.txt").read_text(encoding="utf-8"))
    assert _labels(doc) == ["OP1"] and doc.paragraphs[0].lead == "Adopts"


def test_a_lost_operative_number_does_not_swallow_the_rest() -> None:
    # A/RES/75/197 with the line "4." lost: OP5, OP6 … follow on (OP4's text joins
    # OP3), and the break is said
    text = (UN / "A_RES_75_197.txt").read_text(encoding="utf-8")
    broken = re.sub(r"\n4\. *\n", "\n", text, count=1)
    doc = parse_document(broken, "b.txt")
    numbers = [p.number for p in doc.paragraphs if p.kind == ParaKind.OPERATIVE]
    assert numbers == [str(n) for n in range(1, 25) if n != 4]
    assert any(
        w.startswith("b.txt: OP5, line ") and "OP3 is followed by OP5" in w for w in doc.warnings
    )
