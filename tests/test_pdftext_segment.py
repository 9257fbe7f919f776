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
from redline.parser.pdftext import clean_pdf_text
from redline.parser.vocab import GENERAL_ASSEMBLY, ROMAN_ITEMS

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


# A/RES/79/237 OP2(b), as printed: the items (i) to (iii) run on inside the sentence,
# and "(i)" only happens to be wrapped to the start of a line
_OP2B = "permanent mechanism; (ii) dedicated thematic groups of the future permanent\n"
_LIST = "permanent mechanism;\n(ii) dedicated thematic groups of the future permanent\n"


def test_a_roman_item_wrapped_to_a_line_start_inside_a_sentence_is_no_sub_paragraph() -> None:
    text = (PDF / "A_RES_79_237.pymupdf.txt").read_text(encoding="utf-8")
    assert "on: \n(i) modalities" in text and _OP2B in text.replace(" \n", "\n")
    doc = parse_document(text)
    pdf = load(str(PDF / "A_RES_79_237.pdf"))
    assert [p.label for p in doc.paragraphs if p.parent == "OP2"] == ["OP2(a)", "OP2(b)", "OP2(c)"]
    op2b = next(p.text for p in doc.paragraphs if p.label == "OP2(b)")
    assert "July 2025 on: (i) modalities on the participation" in op2b
    assert op2b.endswith("mechanism; and (iii) other elements as required;")
    assert op2b == next(p.text for p in pdf.paragraphs if p.label == "OP2(b)")


def test_letters_go_on_after_a_roman_list() -> None:
    # the same items set as a list, (ii) and (iii) at line starts (without the "and"
    # before (iii)): (b) holds (i) to (iii), and (c) follows
    text = (PDF / "A_RES_79_237.pymupdf.txt").read_text(encoding="utf-8")
    text = text.replace(" \n", "\n").replace(_OP2B, _LIST).replace("; and (iii)", ";\n(iii)")
    labels = [p.label for p in parse_document(text).paragraphs if p.parent == "OP2"]
    assert labels == ["OP2(a)", "OP2(b)", "OP2(b)(i)", "OP2(b)(ii)", "OP2(b)(iii)", "OP2(c)"]


def _blended_finance_items() -> list[str]:
    """A/RES/79/323 annex, para. 24(g): "We call for blended finance initiatives:" and
    its items (i) to (viii), the lines as PyMuPDF prints them, blank ones left out."""
    lines = (PDF / "A_RES_79_323.pymupdf.txt").read_text(encoding="utf-8").split("\n")
    start = next(k for k, x in enumerate(lines) if x.startswith("We call for blended finance"))
    end = next(k for k, x in enumerate(lines) if x.startswith("(viii) ")) + 1
    return [x for x in lines[start:end] if x.strip()]


def test_a_roman_list_goes_on_past_v() -> None:
    # the same sequence decides in the body and in an annex: (v) is a numeral in a
    # roman list, not the letter after (u), so (vi) follows it (before, the body
    # folded (vi) to (viii) into (v))
    text = "\n".join(["The General Assembly,", "1.", *_blended_finance_items(), ""])
    labels = [p.label for p in parse_document(text).paragraphs]
    assert labels == ["OP1"] + [f"OP1({x})" for x in ROMAN_ITEMS[:8]]


def test_a_roman_list_in_an_annex_outside_a_lettered_item() -> None:
    # (i) opens a roman list where no list is open, in an annex as in the body (before,
    # the annex took it for a letter and folded (ii) to (viii) into (i))
    lines = ["The General Assembly,", "1.", "Adopts the annex.", "88th plenary meeting", "Annex"]
    blocks = clean_pdf_text("\n".join([*lines, *_blended_finance_items(), ""]), "", None).blocks
    assert [b.number for b in blocks if b.number and b.number[0] == "("] == [
        f"({x})" for x in ROMAN_ITEMS[:8]
    ]


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


# --- headings: a block of their own, as the PDF's bold line is (issue 15) -----------


def _blocks(*lines: str) -> list[tuple[str, bool, str | None]]:
    """(text, heading, number) of the blocks of a body of real lines."""
    text = "\n".join(["The General Assembly,", *lines, ""])
    return [(b.text, b.heading, b.number) for b in clean_pdf_text(text, "", None).blocks]


def test_a_section_heading_is_a_heading_block_not_the_end_of_the_paragraph() -> None:
    # A/C.5/80/L.19, pdftotext default: "I" and its title between OP2 and OP3
    assert _blocks(
        "1. Welcomes the report of the Committee on Conferences for 2025;",
        "2.",
        "Requests the Secretary-General to provide the annual report of the",
        "Committee on Conferences for information purposes only to the Advisory Committee",
        "on Administrative and Budgetary Questions;",
        "I",
        "Calendar of conferences and meetings",
        "3.",
        "Approves the draft calendar of conferences and meetings of the United",
    ) == [
        ("Welcomes the report of the Committee on Conferences for 2025;", False, "1"),
        (
            "Requests the Secretary-General to provide the annual report of the Committee on "
            "Conferences for information purposes only to the Advisory Committee on "
            "Administrative and Budgetary Questions;",
            False,
            "2",
        ),
        ("I Calendar of conferences and meetings", True, None),
        ("Approves the draft calendar of conferences and meetings of the United", False, "3"),
    ]


def test_a_heading_title_wrapped_after_a_comma() -> None:
    # A/C.3/80/L.55: "VII" and a title on two lines, the first ending in a comma
    # (OP47 and OP48 numbered 1 and 2 here)
    blocks = _blocks(
        "1. Strongly appeals to all Governments to contribute generously to the trust fund;",
        "VII",
        "Special Rapporteur on contemporary forms of racism, racial discrimination,",
        "xenophobia and related intolerance",
        "2. Takes note of the report of the Special Rapporteur on contemporary forms",
    )
    assert blocks[1] == (
        "VII Special Rapporteur on contemporary forms of racism, racial discrimination, "
        "xenophobia and related intolerance",
        True,
        None,
    )
    assert [n for _, _, n in blocks] == ["1", None, "2"]


def test_an_unnumbered_sub_heading_between_operative_paragraphs() -> None:
    # A/RES/78/293: the sub-headings of a budget resolution, the number alone (PyMuPDF;
    # OP10 and OP11 numbered 1 and 2 here)
    assert _blocks(
        "1. Decides to maintain, for the financial period from 1 July 2024 to 30 June",
        "2025, the funding mechanism for the support account used in the current period, from",
        "1 July 2023 to 30 June 2024, as approved in paragraph 3 of its resolution 50/221 B;",
        "Budget performance report for the period from 1 July 2022 to 30 June 2023",
        "2.",
        "Takes note of the report of the Secretary-General on the budget",
    )[1:] == [
        ("Budget performance report for the period from 1 July 2022 to 30 June 2023", True, None),
        ("Takes note of the report of the Secretary-General on the budget", False, "2"),
    ]


def test_a_section_numbered_afresh_has_its_own_preamble_and_numbers() -> None:
    # A/RES/79/298: section II after OP13(e) opens with preambular paragraphs and "1."
    # (OP12 and OP13 numbered 1 and 2 here)
    blocks = _blocks(
        "1. Approves the support account requirements;",
        "2. Decides that the requirements shall be financed as follows:",
        "(a)",
        "The net estimated staff assessment income of 37,196,900 dollars;",
        "II",
        "Support account and related funding issues",
        "Recalling its resolution 77/304,",
        "Having considered the report of the Secretary-General on the support account",
        "and related funding issues,",
        "1.",
        "Takes note of the report of the Secretary-General;",
    )
    assert [(n, h) for _, h, n in blocks] == [
        ("1", False), ("2", False), ("(a)", False), (None, True), (None, False), (None, False),
        ("1", False),
    ]  # fmt: skip
    assert blocks[3][0] == "II Support account and related funding issues"
    assert blocks[4][0] == "Recalling its resolution 77/304,"


def test_a_wrapped_line_that_looks_like_a_title_is_no_heading() -> None:
    # A/RES/80/216 PP19: a line with no final punctuation after one ending in a comma,
    # capitalised, goes on with the sentence on the next line
    blocks = _blocks(
        "Welcoming the fact that the percentage with access to basic hygiene services",
        "increased from 66 to 80 per cent, while, according to the report on Progress on "
        "Household Drinking Water,",
        "Sanitation and Hygiene 2020–2024: Special Focus on Inequalities, published by the",
        "United Nations Children’s Fund and the World Health Organization in 2025, the",
        "number of people without safely managed drinking water is 2.1 billion,",
        "Deeply concerned that 2.1 billion people still lack safely managed drinking water,",
    )
    assert [(h, t[:20]) for t, h, _ in blocks] == [
        (False, "Welcoming the fact t"), (False, "Deeply concerned tha")
    ]  # fmt: skip


def test_title_words_after_a_comma_do_not_open_a_preambular_paragraph() -> None:
    # A/RES/80/62 and A/C.1/80/L.49 (PyMuPDF): "Stockpiling" looks like a lead
    blocks = _blocks(
        "Recalling the Convention on the Prohibition of the Development, Production",
        "and Stockpiling of Bacteriological (Biological) and Toxin Weapons and on Their",
        "Destruction2 and the Convention on the Prohibition of the Development, Production,",
        "Stockpiling and Use of Chemical Weapons and on Their Destruction 3  and the",
        "implementation of the Global Framework for Through-life Conventional Ammunition",
        "Management,",
        "Taking note of the report of the Secretary-General,",
    )
    assert [t[:20] for t, _, _ in blocks] == ["Recalling the Conven", "Taking note of the r"]
    # A/RES/78/168 (PyMuPDF): a title wrapped after its colon
    blocks = _blocks(
        "Taking note also of the publication entitled A Multi-Billion-Dollar Opportunity:",
        "Repurposing Agricultural Support to Transform Food Systems, issued by the Food",
        "and Agriculture Organization of the United Nations,",
    )
    assert len(blocks) == 1


def test_a_paragraph_never_opens_in_lower_case_in_the_pdf() -> None:
    # A/C.5/80/L.19 OP69: its text goes on after the sub-paragraphs, at the margin and
    # after a gap; the PDF's block joins (c), as the text's line does
    def tail(doc: object) -> str:
        paras = getattr(doc, "paragraphs")  # noqa: B009
        return next(p.text for p in paras if p.text.startswith("Relevant background"))

    pdf = load(str(PDF / "A_C.5_80_L.19.pdf"))
    text = parse_document((PDF / "A_C.5_80_L.19.pymupdf.txt").read_text(encoding="utf-8"))
    assert tail(pdf) == tail(text)
    assert tail(pdf).startswith("Relevant background information; and its request that all")


# --- a draft decision, and lists at a page top or after a colon ---------------------


def test_a_draft_decision_opening_with_a_colon() -> None:
    # A/C.2/80/L.60: "The General Assembly:" then its items (a), (b) and a programme
    # of work; the text parser knew only "The General Assembly,"
    doc = parse_document((PDF / "A_C.2_80_L.60.pymupdf.txt").read_text(encoding="utf-8"))
    assert doc.title == (
        "Draft programme of work of the Second Committee for the eighty-first session "
        "of the General Assembly"
    )
    assert [(p.number, p.text[:30]) for p in doc.paragraphs[:2]] == [
        ("(a)", "Approves the draft programme o"), ("(b)", "Invites the Bureau of the Seco")
    ]  # fmt: skip
    assert doc.counts()["operative"] == 13 and not doc.warnings


def test_one_line_opens_the_body_of_a_resolution_or_a_decision() -> None:
    assert all(
        GENERAL_ASSEMBLY.match(s)
        for s in ("The General Assembly,", "The General Assembly:", "*The General Assembly,*")
    )
    assert not GENERAL_ASSEMBLY.match("The General Assembly, recalling")


def test_a_label_atop_a_page_opens_a_paragraph_in_the_pdf() -> None:
    # A/C.2/80/L.60: "(e)" and "3." at the top of a page, at the margin, after an item
    # that ended; the PDF reader took them for the rest of (d) and (g)
    doc = load(str(PDF / "A_C.2_80_L.60.pdf"))
    items = {p.text: p.number for p in doc.paragraphs}
    assert items["Human resources development;"] == "(d)"
    assert items["Eradicating rural poverty to implement the 2030 Agenda for Sustainable Development."] == "(e)"  # fmt: skip
    assert items["Creative economy and sustainable development."] == "(g)"


def test_an_unlabelled_list_after_a_colon_is_part_of_its_paragraph_in_the_pdf() -> None:
    # A/RES/78/128 OP10: "… held as follows:" then a day per line, the last with ";"
    pdf = load(str(PDF / "A_RES_78_128.pdf"))
    text = parse_document((PDF / "A_RES_78_128.pymupdf.txt").read_text(encoding="utf-8"))
    op10 = next(p.text for p in pdf.paragraphs if p.label == "OP10")
    assert op10 == next(p.text for p in text.paragraphs if p.label == "OP10")
    assert "as follows: Monday, 9 June: from 9 a.m. to 1 p.m." in op10
    assert op10.endswith("Friday, 13 June: from 10 a.m. to 1 p.m. and from 4 to 7 p.m.;")
