"""The same text gives the same document whichever tool extracted it (issue 15).

Over every document of tests/corpus/pdf (131 real UN PDFs) the variants a user
produces: pdftotext default, ``-nopgbrk``, ``-layout`` and ``-raw``, the PyMuPDF text
(``.pymupdf.txt``), each also with trailing spaces stripped and with CRLF line
ends; over every text of tests/fixtures/un the variants a text allows (trailing
spaces stripped, CRLF, form feeds removed). Each variant is read as ``redline
check`` reads a text file, parsed once a session, and:

- ``check`` (default tolerance) says match, both ways, between it and the
  reference (the PyMuPDF text; a text of un/ as given), and between every two
  variants that match the reference;
- its PP/OP/sub-paragraph counts are the reference's;
- its OP count is the independent count of `benchmarks/text_variants.py`.

Known exceptions, each with the reason read in the texts, are the rows of
tests/corpus/extraction_noise_exceptions.tsv (shared with
tests/test_extraction_noise.py): ``file`` is the PDF's stem or ``un/`` and the
text's stem, ``variant`` a variant name (checked against the reference), two
names joined by ``~`` (checked against each other), or ``op-count`` (the parse
of the reference disagrees with the independent count). A row covers the
variants whose parse equals the listed one's (``pdftotext-strip`` when it parses
as ``pdftotext``). A listed exception must still be one, so a fixed one is taken
off the list. ``python benchmarks/text_variants.py --exceptions`` prints what
this file would fail on (stale rows, unlisted differences) in one go.

Equal parses are checked once: `check` sees only the documents as
`redline.check.normalise` makes them (and their source names), so two variants
whose normalised parses are equal get the same verdict against any third.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.text_variants import (  # noqa: E402
    EXCEPTIONS,
    PDF_VARIANTS,
    UN_VARIANTS,
    Corpus,
    op_problems,
    pdf_corpus,
    pdf_names,
    read_exceptions,
    un_corpus,
    un_names,
    variant_problems,
)

PDF_NAMES = pdf_names()
UN_NAMES = [f"un/{n}" for n in un_names()]
PDFTOTEXT = shutil.which("pdftotext")


KNOWN = read_exceptions(EXCEPTIONS)


class Corpora:
    """Every document's variants, made and parsed once a session."""

    def __init__(self, cache: Path) -> None:
        self.cache = cache
        self.made: dict[str, Corpus] = {}

    def get(self, name: str) -> Corpus:
        if name not in self.made:
            if name.startswith("un/"):
                self.made[name] = un_corpus(name[3:])
            else:
                if PDFTOTEXT is None:
                    pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")
                self.made[name] = pdf_corpus(name, self.cache)
        return self.made[name]


@pytest.fixture(scope="session")
def corpora(tmp_path_factory: pytest.TempPathFactory) -> Corpora:
    return Corpora(tmp_path_factory.mktemp("text-variants"))


def test_the_exceptions_name_real_documents_and_variants_and_give_a_reason() -> None:
    assert len(PDF_NAMES) == 131 and len(UN_NAMES) == 43
    for name, rows in KNOWN.items():
        un = name.startswith("un/")
        assert name in (UN_NAMES if un else PDF_NAMES), name
        allowed = (
            set(UN_VARIANTS if un else PDF_VARIANTS) | {"op-count"} | (set() if un else {"pdf"})
        )
        for variant, reason in rows.items():
            assert all(v in allowed for v in variant.split("~")), (name, variant)
            assert len(reason) > 30, (name, variant)


@pytest.mark.parametrize("name", PDF_NAMES + UN_NAMES)
def test_every_two_variants_match(name: str, corpora: Corpora) -> None:
    problems = variant_problems(corpora.get(name), KNOWN.get(name, {}))
    assert not problems, f"{name}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("name", PDF_NAMES + UN_NAMES)
def test_the_operative_count_is_the_independent_count(name: str, corpora: Corpora) -> None:
    problems = op_problems(corpora.get(name), KNOWN.get(name, {}))
    assert not problems, f"{name}: " + "; ".join(problems)
