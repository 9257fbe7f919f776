"""Extraction noise over the real corpus (issue 15): one PDF, read by redline, matches.

Every PDF of tests/corpus/pdf, read by redline itself (variant ``pdf``), is
checked against the PyMuPDF text made from it (``.pymupdf.txt``). Each must
match, except the documents listed with their reason in
tests/corpus/extraction_noise_exceptions.tsv; those must still differ, so a
fixed one is taken off the list. The text variants (pdftotext in its modes,
trailing spaces stripped, ...) and the rest of that file are
tests/test_text_variants.py's. Each text is parsed once a session.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest

from redline.check import check
from redline.model import Document
from redline.parser import parse_document
from redline.parser.load import load

PDFS = Path(__file__).parent / "corpus" / "pdf"
EXCEPTIONS = Path(__file__).parent / "corpus" / "extraction_noise_exceptions.tsv"
NAMES = sorted(p.stem for p in PDFS.glob("*.pdf"))
PDFTOTEXT = shutil.which("pdftotext")


def _exceptions() -> dict[tuple[str, str], str]:
    """The rows of variant ``pdf`` (the others are tests/test_text_variants.py's)."""
    with open(EXCEPTIONS, encoding="utf-8") as f:
        rows = [r for r in csv.reader(f, delimiter="\t") if r and not r[0].startswith("#")]
    return {(r[0], r[1]): r[2] for r in rows if r[1] == "pdf"}


KNOWN = _exceptions()


@cache
def _pymupdf(name: str) -> Document:
    text = (PDFS / f"{name}.pymupdf.txt").read_text(encoding="utf-8")
    return parse_document(text, source=f"{name}.pymupdf.txt")


@pytest.fixture(scope="session")
def pdftotext_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pdftotext")


def test_the_exceptions_name_real_documents_and_give_a_reason() -> None:
    assert len(NAMES) == 131
    for (name, _), reason in KNOWN.items():
        assert name in NAMES and len(reason) > 20


@pytest.mark.parametrize("name", NAMES)
def test_one_pdf_read_by_redline_matches_its_pymupdf_text(name: str) -> None:
    v = check(load(str(PDFS / f"{name}.pdf")), _pymupdf(name))
    if (name, "pdf") in KNOWN:
        assert not v.matches, f"{name} now matches: take it off {EXCEPTIONS.name}"
    else:
        assert v.matches, f"{name} (pdf vs PyMuPDF): {v.line(5)}"


def test_real_changes_among_the_noise_are_caught(pdftotext_dir: Path) -> None:
    """A/C.2/80/L.38, whose pdftotext text is full of spaced and dropped hyphens:
    one real change made to its PyMuPDF text is reported every time."""
    if PDFTOTEXT is None:
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")
    name = "A_C.2_80_L.38"
    subprocess.run([PDFTOTEXT, str(PDFS / f"{name}.pdf"), str(pdftotext_dir / "h.txt")], check=True)
    noisy = parse_document((pdftotext_dir / "h.txt").read_text(encoding="utf-8"), source="h.txt")
    text = (PDFS / f"{name}.pymupdf.txt").read_text(encoding="utf-8")
    assert check(_pymupdf(name), noisy).matches
    start = text.index("General Assembly,")
    edits = [
        ("Member States", "member States"),  # case
        ("2030", "2031"),  # a number
        ("not ", ""),  # a word dropped
        ("within", "with in"),  # a word split into two words
        ("non-", ""),  # a prefix dropped
        ("land degradation", "landdegradation"),  # two words joined
    ]
    for old, new in edits:
        at = text.index(old, start)
        edited = text[:at] + new + text[at + len(old) :]
        v = check(parse_document(edited, source=f"{name} ({old!r} -> {new!r})"), noisy)
        assert not v.matches, (old, new)
