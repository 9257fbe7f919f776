"""Warnings when a parse looks broken (redline/parser/sanity.py, issue 15).

Each warning is shown on a real UN text broken the way users' texts break (a
number lost, the page breaks lost, a footnote rule printed at the top of a
page), and no warning is given on any good parse: every PDF of tests/corpus/pdf
as redline reads it and every text of tests/fixtures/un. The few documents whose
parse does warn are listed with the reason in tests/corpus/sanity_exceptions.tsv.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from redline.parser import parse_document, sanity
from redline.parser.load import load
from redline.render.show import show_text

ROOT = Path(__file__).resolve().parent
UN = ROOT / "fixtures" / "un"
PDF = ROOT / "corpus" / "pdf"
EXCEPTIONS = ROOT / "corpus" / "sanity_exceptions.tsv"


def _un(name: str) -> str:
    return (UN / f"{name}.txt").read_text(encoding="utf-8")


def _exceptions() -> dict[str, str]:
    rows = [ln.split("\t") for ln in EXCEPTIONS.read_text(encoding="utf-8").splitlines()]
    return {r[0]: r[1] for r in rows if r and not r[0].startswith("#")}


def _structure(text: str) -> tuple[str, ...]:
    doc = parse_document(text)
    return tuple(p.label for p in doc.paragraphs) + tuple(f.mark for f in doc.footnotes)


def test_a_lost_operative_number_is_named() -> None:
    # A/RES/75/197 with the line "4." lost: OP4 and the paragraphs after it run into OP3.
    text = _un("A_RES_75_197")
    broken = re.sub(r"\n4\. *\n", "\n", text, count=1)
    assert broken != text
    assert not parse_document(text, "a.txt").warnings
    doc = parse_document(broken, "a.txt")
    assert any(
        re.match(r"a\.txt: OP[35], line \d+: operative (numbering breaks|paragraph 5 seems)", w)
        for w in doc.warnings
    ), doc.warnings


def test_a_numbering_jump_is_named_in_a_plain_text() -> None:
    text = _un("A_RES_75_197")
    # the same resolution as paragraphs separated by blank lines, OP4 left out
    ops = re.findall(r"\n(\d+)\. *\n(.*?)(?=\n *\n)", text, re.S)
    assert len(ops) >= 6
    plain = "The General Assembly,\n\n" + "\n\n".join(
        f"{n}. {' '.join(body.split())}" for n, body in ops[:6] if n != "4"
    )
    doc = parse_document(plain, "p.txt")
    assert "p.txt: OP5, line 9: operative numbering breaks: OP3 is followed by OP5" in doc.warnings
    assert sanity.flagged(doc.warnings, "p.txt") == {"OP5"}
    shown = show_text(doc)
    assert re.search(r"^! OP5 ", shown, re.M) and re.search(r"^  OP3 ", shown, re.M)


def test_a_section_starting_again_at_1_is_not_a_break() -> None:
    text = "The General Assembly,\n\nI\n\n1. Urges States;\n\n2. Decides;\n\nII\n\n1. Calls upon States.\n"
    assert not parse_document(text).warnings


def test_a_paragraph_of_thousands_of_words_is_named() -> None:
    # The PyMuPDF text of A/RES/80/173 with its paragraph numbers from 15 on lost:
    # the outcome document it adopts runs from OP14 on into one paragraph (as the
    # whole text did before section headings were read: 'Information and
    # communications technologies for development' glued to OP14 stopped the sequence).
    text = (PDF / "A_RES_80_173.pymupdf.txt").read_text(encoding="utf-8")
    broken = re.sub(r"(?m)^(?:1[5-9]|[2-9]\d|1[0-2]\d)\. ?(?=\S|$)", "", text)
    assert broken != text
    doc = parse_document(broken, "wsis.txt")
    long = [w for w in doc.warnings if "words: paragraphs were probably not separated" in w]
    assert long and re.match(
        r"wsis\.txt: (PP|OP|P)\d+, line \d+: a paragraph of \d{4,} words", long[0]
    ), doc.warnings


def test_operative_paragraphs_without_their_numbers_are_named() -> None:
    # A/C.3/80/L.12 with its paragraph numbers lost: the operative paragraphs read as
    # preambular ones.
    text = _un("A_C.3_80_L.12")
    broken = re.sub(r"(?m)^\d{1,3}\. *(?=\S|$)", "", text)
    doc = parse_document(broken, "l12.txt")
    assert any(
        re.match(r"l12\.txt: PP\d+, line \d+: \d+ preambular paragraphs open with an operative", w)
        for w in doc.warnings
    ), doc.warnings


def _rule_on_top(text: str, first_page: int = 1, last_page: int = 1) -> str:
    """The footnote rule printed before the page's body on these pages (0-based), as
    some extractors do: the page's body then reads as footnote text. The rule goes
    after the page's running head (the symbol line): before it, the head would end
    the footnote area as it ends any page's."""
    pages = text.split("\f")
    for k in range(first_page, min(last_page, len(pages) - 1) + 1):
        lines = pages[k].split("\n")
        rule = next((j for j, ln in enumerate(lines) if ln.strip().startswith("_____")), None)
        head = next((j for j, ln in enumerate(lines) if ln.strip().startswith("A/")), 1)
        if rule is not None:
            lines.insert(head + 1, lines.pop(rule))
            pages[k] = "\n".join(lines)
    return "\f".join(pages)


def test_a_footnote_longer_than_the_body_is_named() -> None:
    broken = _rule_on_top(_un("A_RES_79_183"))
    doc = parse_document(broken, "f.txt")
    fn = [w for w in doc.warnings if "paragraphs were probably read as footnote text" in w]
    assert fn and re.match(r"f\.txt: footnote \d+, line \d+: a footnote of \d+ words", fn[0]), (
        doc.warnings
    )
    mark = fn[0].split("footnote ")[1].split(",")[0]
    assert re.search(rf"^! footnote {mark}: ", show_text(doc), re.M)


def test_most_words_in_no_paragraph_is_said() -> None:
    broken = _rule_on_top(_un("A_RES_79_183"), 1, 99)  # on every page from the second
    doc = parse_document(broken, "f.txt")
    assert any(
        re.match(r"f\.txt: only \d+ of the file's \d+ words are in paragraphs", w)
        for w in doc.warnings
    )


@pytest.mark.parametrize("name", ["A_RES_79_183", "A_RES_78_187", "A_C.3_80_L.8", "A_RES_78_223"])
@pytest.mark.parametrize("variant", ["no form feeds", "trailing spaces stripped"])
def test_a_broken_variant_is_never_silent(name: str, variant: str) -> None:
    # The variants users make of a real text: either it parses as the original does,
    # or it says so (A/RES/79/183 without form feeds: OP2-OP35 inside footnote 17).
    text = _un(name)
    if variant == "no form feeds":
        other = text.replace("\f", "")
    else:
        other = "\n".join(ln.rstrip() for ln in text.split("\n"))
    assert other != text
    if _structure(other) != _structure(text):
        assert parse_document(other).warnings


GOOD = sorted(PDF.glob("*.pdf")) + sorted(UN.glob("*.txt"))


def test_no_warning_on_any_good_parse() -> None:
    known = _exceptions()
    warned: dict[str, tuple[str, ...]] = {}
    for path in GOOD:
        doc = load(str(path))
        found = sanity.check(
            doc, None if path.suffix == ".pdf" else path.read_text(encoding="utf-8")
        )
        if found:
            warned[path.name] = found
    assert len(GOOD) > 170
    assert set(warned) == set(known), {k: v for k, v in warned.items() if k not in known}


def test_a_text_cut_in_its_preamble_is_named() -> None:
    """The first 60 lines of A/RES/75/197 (a file cut short, a page copied alone): the
    preamble stops and no operative paragraph follows."""
    text = "\n".join((ROOT.parent / "examples" / "A_RES_75_197.txt").read_text().splitlines()[:60])
    doc = parse_document(text)
    assert [w for w in doc.warnings if "cut short" in w] == [
        f"<text>: {doc.paragraphs[-1].label}, line {doc.paragraphs[-1].lines[0]}: no operative "
        "paragraph after the preamble: the text may be cut short"
    ]


def test_the_first_pages_of_a_pdf_alone_are_named_cut_short(tmp_path: Path) -> None:
    """A/RES/79/227's first three pages, saved alone: its last paragraph stops mid-
    sentence ("… the high-level") and no operative paragraph follows."""
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(str(PDF / "A_RES_79_227.pdf"))
    part = pdfium.PdfDocument.new()
    part.import_pages(src, [0, 1, 2])
    path = tmp_path / "A_RES_79_227-pages-1-3.pdf"
    part.save(str(path))
    part.close()
    src.close()
    warnings = [w for w in load(str(path)).warnings if "cut short" in w]
    assert [w.split(": ", 2)[2] for w in warnings] == [
        "the text stops in the middle of a sentence: it may be cut short",
        "no operative paragraph after the preamble: the text may be cut short",
    ]


def test_a_whole_resolution_is_not_named_cut_short() -> None:
    """Its last operative paragraph ends with a full stop."""
    doc = load(str(ROOT.parent / "examples" / "A_RES_75_197.txt"))
    assert not [w for w in doc.warnings if "cut short" in w]


def test_two_resolutions_in_one_file_are_named(tmp_path: Path) -> None:
    """A/RES/75/197 and A/RES/73/188 saved in one text file: the second's masthead and
    its paragraphs would be plain paragraphs of the first, without a word."""
    both = tmp_path / "both.txt"
    both.write_text(
        (ROOT.parent / "examples" / "A_RES_75_197.txt").read_text()
        + (ROOT.parent / "examples" / "A_RES_73_188.txt").read_text()
    )
    doc = load(str(both))
    second = [w for w in doc.warnings if "a second document" in w]
    assert len(second) == 1 and "P1, line" in second[0]


def test_pdfs_put_together_are_named(tmp_path: Path) -> None:
    """A/RES/80/17 and A/RES/79/16 as one PDF (pages imported one after the other)."""
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    for name in ("A_RES_80_17", "A_RES_79_16"):
        src = pdfium.PdfDocument(str(PDF / f"{name}.pdf"))
        out.import_pages(src)
        src.close()
    path = tmp_path / "two.pdf"
    out.save(str(path))
    out.close()
    doc = load(str(path))
    assert doc.symbol == "A/RES/80/17"
    assert [w.split(": ", 2)[2] for w in doc.warnings if "a second document" in w] == [
        "a second document seems to start here: the file holds more than one, and only "
        "the first is read as one"
    ]
