"""The parser on real UN documents: what a delegate would count by hand."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

import redline
from redline.errors import PickError
from redline.model import DocKind, ParaKind
from redline.parser import parse_document, sniff
from redline.parser.markdown import inline

FIX = Path(__file__).parent / "fixtures"
REPORT = FIX / "A_75_479.md"
UN = FIX / "un"


def counts(doc: redline.model.Document) -> tuple[int, int, int]:
    c = doc.counts()
    return c["preambular"], c["operative"], c["sub-paragraph"]


def test_report_holds_four_resolutions_with_their_symbols() -> None:
    doc = redline.parse(str(REPORT))
    assert doc.kind == DocKind.REPORT
    assert [r.name for r in doc.resolutions] == ["I", "II", "III", "IV"]
    assert [r.symbol for r in doc.resolutions] == [
        "A/C.3/75/L.4/Rev.1",
        "A/C.3/75/L.5",
        "A/C.3/75/L.8/Rev.1",
        "A/C.3/75/L.11",
    ]
    assert [counts(r) for r in doc.resolutions] == [
        (50, 67, 0),
        (20, 17, 14),
        (77, 66, 0),
        (18, 24, 0),
    ]


def test_draft_resolution_ii_cut_out_of_the_report_is_the_reports_draft_ii(
    tmp_path: Path,
) -> None:
    """A/75/479 from its "Draft resolution II" heading to III's: an excerpt of a report,
    so a report holding II, its title under the heading read (a draft numbered II exists
    only in a report: A/75/479 numbers the drafts it recommends, I to IV); the whole
    report's II, word for word. Compared with a single text, the one draft is taken
    without a note choosing the "best match"."""
    text = REPORT.read_text(encoding="utf-8")
    ii = tmp_path / "ii.md"
    ii.write_text(text[text.index("**Draft resolution II**") : text.index("### **Draft resolution III**")],
                  encoding="utf-8")  # fmt: skip
    excerpt, whole = redline.parse(str(ii)), redline.parse(f"{REPORT}#II")
    assert excerpt.kind is DocKind.REPORT and [r.name for r in excerpt.resolutions] == ["II"]
    [res] = excerpt.resolutions
    assert res.title == whole.title and res.title.startswith("Strengthening and promoting")
    assert [p.text for p in res.paragraphs] == [p.text for p in whole.paragraphs]
    from redline.parser.load import pick_counterpart

    _, picked, note = pick_counterpart(whole, excerpt)
    assert (picked.source, note) == (f"{ii}#II", None)


def test_sub_paragraphs_of_draft_ii_sit_under_op3_and_op10() -> None:
    doc = redline.parse(f"{REPORT}#II")
    subs = [p for p in doc.paragraphs if p.kind == ParaKind.SUBPARAGRAPH]
    assert {p.parent for p in subs} == {"OP3", "OP10"}
    assert [p.label for p in subs if p.parent == "OP3"] == [f"OP3({c})" for c in "abcdefghi"]
    assert [p.label for p in subs if p.parent == "OP10"] == [f"OP10({c})" for c in "abcde"]


def test_every_word_of_the_report_lands_in_exactly_one_place() -> None:
    raw = REPORT.read_text(encoding="utf-8")
    source: Counter[str] = Counter()
    for line in raw.split("\n"):
        s = line.strip()
        if not s or re.fullmatch(r"-{3,}", s):
            continue
        s = re.sub(r"^<sup>\s*\S+?\s*</sup>", "", s)  # a footnote body's own mark
        s = re.sub(r"^#+\s+|^-\s+", "", s)
        s = re.sub(r"^(\d{1,3}\.|\([a-z]{1,3}\))\s+", "", s)  # paragraph numbers
        text, _ = inline(s)
        if text == "The General Assembly,":
            continue  # the fixed opening of every resolution: structure, not a paragraph
        source.update(text.split())
    doc = redline.parse(str(REPORT))
    model: Counter[str] = Counter(doc.title.split())
    for d in (doc, *doc.resolutions):
        if d is not doc:
            model.update(d.title.split())
        for p in d.paragraphs:
            model.update(p.text.split())
        for f in d.footnotes:
            model.update(f.text.split())
    assert source - model == Counter(), "words lost"
    assert model - source == Counter(), "words invented or doubled"


def _norm(text: str) -> str:
    return text.replace("\u2019", "'")


def test_pdf_text_of_75_197_equals_draft_iv_of_the_report_word_for_word() -> None:
    pdf = redline.parse(str(UN / "A_RES_75_197.txt"))
    draft = redline.parse(f"{REPORT}#IV")
    assert pdf.symbol == "A/RES/75/197" and pdf.kind == DocKind.RESOLUTION
    assert counts(pdf) == (18, 24, 0)
    assert [p.label for p in pdf.paragraphs] == [p.label for p in draft.paragraphs]
    assert [_norm(p.text) for p in pdf.paragraphs] == [_norm(p.text) for p in draft.paragraphs]
    assert [p.lead for p in pdf.paragraphs] == [p.lead for p in draft.paragraphs]
    assert [p.footnotes for p in pdf.paragraphs] == [p.footnotes for p in draft.paragraphs]
    assert [f.text for f in pdf.footnotes] == [_norm(f.text) for f in draft.footnotes]
    assert pdf.title == draft.title


def test_73_188_has_25_operative_paragraphs() -> None:
    doc = redline.parse(str(UN / "A_RES_73_188.txt"))
    assert counts(doc) == (17, 25, 0)
    assert doc.paragraphs[17].label == "OP1" and doc.paragraphs[17].lead == "Commends"


# Job numbers (20-17358), barcodes (*2017358*), footnote rules, header lines.
# (Page numbers like 2/5 cannot be told from resolution numbers inside a sentence.)
FURNITURE = re.compile(r"\b\d\d-\d{5}\b|\*\d{7}\*|_{4}|Distr\.:|plenary meeting$")


@pytest.mark.parametrize("path", sorted(UN.glob("*.txt")), ids=lambda p: p.name)
def test_every_corpus_pdf_text_parses_cleanly(path: Path) -> None:
    doc = redline.parse(str(path))
    assert doc.format == "pdf-text"
    assert doc.symbol and doc.symbol.replace("/", "_") == path.stem
    assert doc.title and not re.search(r"Distr\.|Resolution adopted|draft resolution", doc.title)
    ops = [p for p in doc.paragraphs if p.kind == ParaKind.OPERATIVE]
    if len(ops) == 1 and ops[0].number is None:  # a single unnumbered one (A/RES/78/186)
        assert ops[0].label == "OP1" and ops[0] is doc.paragraphs[-1]
    else:
        assert [int(p.number or 0) for p in ops] == list(range(1, len(ops) + 1))
    for p in doc.paragraphs:
        assert not FURNITURE.search(p.text), f"{p.label} holds page furniture: {p.text[:120]}"
        assert doc.symbol not in p.text or "resolution" in p.text
        if p.kind == ParaKind.PREAMBULAR:
            assert p.lead and p.text.startswith(p.lead), p.label
        if p.kind == ParaKind.OPERATIVE:
            assert p.text[:1].isupper(), p.label
    assert all(f.text for f in doc.footnotes)


def test_l_document_header_gives_symbol_kind_title_and_sponsors() -> None:
    doc = redline.parse(str(UN / "A_C.2_80_L.2.txt"))
    assert (doc.symbol, doc.kind) == ("A/C.2/80/L.2", DocKind.DRAFT)
    assert doc.title == "Multidimensional vulnerability index"
    assert doc.sponsors.original == ("Palau",)
    assert "Alliance of Small Island States" in (doc.sponsors.on_behalf_of or "")
    assert counts(doc) == (1, 5, 0)


def test_a_rapporteurs_draft_has_no_sponsors() -> None:
    doc = redline.parse(str(UN / "A_C.2_80_L.43.txt"))
    assert doc.sponsors.names == ()
    assert doc.title == "Multidimensional vulnerability index"


def test_pick_by_number_and_by_symbol() -> None:
    by_number = redline.parse(f"{REPORT}#III")
    by_symbol = redline.parse(f"{REPORT}#A/C.3/75/L.8/Rev.1")
    assert by_number.paragraphs == by_symbol.paragraphs
    assert by_number.symbol == "A/C.3/75/L.8/Rev.1"
    assert by_number.kind == DocKind.REVISED_DRAFT


def test_a_pick_that_names_nothing_lists_what_is_there() -> None:
    with pytest.raises(PickError, match=r"#V names no resolution; the file holds I \(A/C.3/75"):
        redline.parse(f"{REPORT}#V")


def test_text_without_structure_is_plain_paragraphs_with_a_warning() -> None:
    doc = parse_document("First thought.\n\nSecond thought,\nwrapped.\n", source="notes.txt")
    assert doc.kind == DocKind.TEXT
    assert [(p.label, p.text) for p in doc.paragraphs] == [
        ("P1", "First thought."),
        ("P2", "Second thought, wrapped."),
    ]
    assert doc.warnings and "no resolution structure" in doc.warnings[0]


def test_format_is_sniffed_from_content_not_extension() -> None:
    assert sniff(REPORT.read_text(encoding="utf-8")) == "markdown"
    assert sniff((UN / "A_RES_75_197.txt").read_text(encoding="utf-8")) == "pdf-text"
    assert sniff("Hello.\n\nWorld.\n") == "plain"


def test_page_split_paragraph_is_joined_and_its_footnotes_kept() -> None:
    doc = redline.parse(f"{REPORT}#I")
    pp6 = doc.paragraphs[5]
    assert pp6.label == "PP6" and pp6.lead == "Reaffirming"
    assert "its recognition that eradicating poverty in all its forms" in pp6.text
    assert "Official Records" not in pp6.text


def test_markdown_lead_phrases_come_from_italics() -> None:
    doc = redline.parse(f"{REPORT}#I")
    leads = {p.lead for p in doc.paragraphs}
    assert {
        "Noting with appreciation also",
        "Reaffirming also",
        "Also notes with appreciation",
    } <= leads


@pytest.mark.parametrize("name", ["A_C.3_80_L.8.txt", "A_RES_80_226.txt"])
def test_an_annex_is_kept_as_plain_paragraphs_not_operative_ones(name: str) -> None:
    doc = redline.parse(str(UN / name))
    assert counts(doc) == (2, 5, 3)
    others = [p for p in doc.paragraphs if p.kind == ParaKind.OTHER]
    assert others[0].text.startswith("Annex")
    assert any(p.text.startswith("The Model Strategies are aimed at") for p in others)


def test_concatenated_resolutions_lose_no_paragraph() -> None:
    one = (UN / "A_RES_80_225.txt").read_text(encoding="utf-8")
    doc = parse_document(one + "\n" + one, source="twice.txt")
    single = parse_document(one, source="once.txt")
    words = sum(len(p.text.split()) for p in doc.paragraphs)
    assert words >= 2 * sum(len(p.text.split()) for p in single.paragraphs) - 60


def test_footnote_markers_in_pdf_text_are_found_and_removed() -> None:
    """pdftotext detaches superscripts ("Declaration 1 under"); nearly all are found."""
    total = cited = 0
    for path in sorted(UN.glob("*.txt")):
        doc = redline.parse(str(path))
        marks = {m for p in doc.paragraphs for m in p.footnotes}
        numbered = [f.mark for f in doc.footnotes if f.mark.isdigit()]
        total += len(numbered)
        cited += sum(1 for m in numbered if m in marks)
    assert total > 700
    assert cited / total > 0.95, f"{cited}/{total} footnote markers found"


def test_a_number_that_belongs_to_the_sentence_is_not_a_marker() -> None:
    from redline.parser.footnotes import attach_marks

    texts = ["paragraph 1 of resolution 2 and on 3 July, 4 per cent of the Group of 5 Leaders"]
    out, marks, _ = attach_marks(texts, ["1", "2", "3", "4", "5"])
    assert out == texts and marks == [()]


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "  "])
def test_a_non_breaking_space_in_the_structural_lines_changes_nothing(space: str) -> None:
    """Converters often write "The General\u00a0Assembly,": it still opens the body."""
    text = (UN / "A_RES_75_197.txt").read_text(encoding="utf-8")
    assert "The General Assembly," in text
    odd = parse_document(
        text.replace("The General Assembly,", f"The{space}General{space}Assembly,")
    )
    plain = parse_document(text)
    assert odd.warnings == plain.warnings
    assert [(p.label, p.text) for p in odd.paragraphs] == [
        (p.label, p.text) for p in plain.paragraphs
    ]
    assert counts(odd) == (18, 24, 0)


def test_a_non_breaking_space_in_a_report_heading_still_finds_the_resolution() -> None:
    text = REPORT.read_text(encoding="utf-8")
    assert "Draft resolution IV" in text
    doc = parse_document(text.replace("Draft resolution IV", "Draft resolution\u00a0IV"))
    assert [r.name for r in doc.resolutions] == ["I", "II", "III", "IV"]
    assert counts(doc.resolutions[3]) == (18, 24, 0)


# A/C.3/80/L.58's sponsor line and title as a delegate pastes them (from an e-mail, a
# web page), with instructions like the ones amendments carry.
_AMENDMENT_HEAD = (
    "Russian Federation: amendment to draft resolution A/C.3/80/L.50",
    "Protection of and assistance to internally displaced persons",
)
_INSTRUCTIONS = (
    "In the twenty-eighth preambular paragraph, delete “and recalling the relevant "
    "provisions of the Rome Statute”.",
    "Delete operative paragraph 9.",
    "In operative paragraph 12, replace “urges” with “encourages”.",
)


@pytest.mark.parametrize("gap", ["\n\n", "\n"], ids=["blank lines", "single lines"])
@pytest.mark.parametrize("n", [1, 3])
def test_a_pasted_amendment_reads_as_sponsor_line_title_and_each_instruction(gap, n):
    """Pasted without its masthead: the title stops where the first instruction opens,
    every instruction is one paragraph, and the draft it amends (A/C.3/80/L.50) is not
    taken for the amendment's own symbol, which the text does not give."""
    doc = parse_document(gap.join([*_AMENDMENT_HEAD, *_INSTRUCTIONS[:n]]) + "\n", "pasted.txt")
    assert doc.kind == DocKind.AMENDMENT
    assert doc.title == _AMENDMENT_HEAD[1]
    assert doc.symbol is None
    assert doc.sponsors.original == ("Russian Federation",)
    assert [p.text for p in doc.paragraphs] == list(_INSTRUCTIONS[:n])
    assert doc.warnings == ()


def test_a_quoted_passage_inside_an_instruction_is_not_cut():
    """A full stop and "In" inside quotation marks belong to the quoted text."""
    quoted = "In operative paragraph 3, replace “goals. In all cases” with “aims”."
    doc = parse_document("\n".join([*_AMENDMENT_HEAD, quoted, "Delete operative paragraph 9."]))
    assert [p.text for p in doc.paragraphs] == [quoted, "Delete operative paragraph 9."]
