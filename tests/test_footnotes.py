"""Footnote marks in PDF text (redline/parser/footnotes.py), with real lines of the
corpus (issue 15): the same document gives the same marks whichever tool extracted it."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.parser.footnotes import attach_marks
from redline.parser.load import load
from redline.parser.pdftext import bare_numbers, clean_pdf_text, join_lines, parse_footnotes

ROOT = Path(__file__).resolve().parent.parent

# A/C.2/80/L.29, PP7, as `pdftotext -layout` prints it: mark 5 (after "Agenda 21,")
# is set on a line of its own under its line, inside the paragraph.
LAYOUT = [
    "      Recalling also the Rio Declaration on Environment and Development, 4 Agenda",
    "21, the Programme for the Further Implementation of Agenda 21, 6 the Johannesburg",
    "   5",
    "",
    "Declaration on Sustainable Development 7 and the Plan of Implementation of the",
]
PLAIN = (
    "Recalling also the Rio Declaration on Environment and Development, Agenda 21, the"
    " Programme for the Further Implementation of Agenda 21, the Johannesburg Declaration"
    " on Sustainable Development and the Plan of Implementation of the"
)


def _marks(lines: list[str], marks: list[str]) -> tuple[str, tuple[str, ...]]:
    text = join_lines(lines)
    texts, cited, _ = attach_marks([text], marks, bare=[bare_numbers(lines, text)])
    return texts[0], cited[0]


def test_a_mark_alone_on_its_line_inside_a_paragraph_is_the_mark() -> None:
    assert _marks(LAYOUT, ["4", "5", "6", "7"]) == (PLAIN, ("4", "5", "6", "7"))


def test_the_marks_after_a_mark_alone_are_still_found() -> None:
    # A/C.2/80/L.29 in pdftotext's default mode: mark 5 printed at the page's foot,
    # after the paragraph's last line; marks 6 and 7 stand before it
    lines = [*LAYOUT[:2], LAYOUT[4], "5"]
    assert _marks(lines, ["4", "5", "6", "7"]) == (PLAIN, ("4", "5", "6", "7"))


def test_a_number_alone_is_a_word_when_the_document_has_no_such_footnote() -> None:
    text, cited = _marks(LAYOUT, ["4", "6", "7"])
    assert "the Johannesburg 5 Declaration" in text
    assert cited == ("4", "6", "7")


def test_a_number_alone_is_a_word_when_it_is_not_the_mark_sought() -> None:
    lines = [LAYOUT[0], "9", LAYOUT[1]]
    text, cited = _marks(lines, ["4", "5"])
    assert "Development, Agenda 9 21," in text
    assert cited == ("4",)


def test_a_number_in_a_sentence_or_an_operative_number_is_never_a_bare_mark() -> None:
    lines = [
        "Recalling its resolution",
        "7 of 20 December 2010,",  # "resolution 7": a line with words
        "7.",  # an operative number: its full stop
        "Decides to include",
    ]
    text = join_lines(lines)
    assert bare_numbers(lines, text) == ()
    assert attach_marks([text], ["7"], bare=[()]) == ([text], [()], [()])


# A/RES/78/168 in pdftotext's default mode: mark 5 (PP5's "Agenda 21,5") printed alone
# after the paragraph's last line, which ends in mark 14
def test_a_paragraph_ending_in_two_marks_ends_there() -> None:
    lines = [
        "The General Assembly,",
        "Recalling also the Rio Declaration on Environment and Development, 4 Agenda",
        "Accelerated Modalities of Action (SAMOA) Pathway, 14",
        "5",
        "",
        "Reaffirming the Paris Agreement, 15 and encouraging all its parties to fully",
    ]
    blocks = clean_pdf_text("\n".join(lines), "", None).blocks
    assert [b.text.split()[0] for b in blocks] == ["Recalling", "Reaffirming"]


# A/RES/79/18 page 1 in pdftotext's default mode: the marks, the first page's job
# number, then the bodies
FIRST_PAGE = [
    "The General Assembly,",
    "Recalling that in article I of the Outer Space Treaty it is stated that the exploration",
    "economic or scientific development, and shall be the province of all humankind, 2",
    "",
    "__________________",
    "1",
    "2",
    "",
    "24-23016 (E)",
    "",
    "United Nations, Treaty Series, vol. 610, No. 8843.",
    "Article I also provides that “Outer space, including the Moon and other celestial bodies, shall be",
    "free for exploration and use by all States without discrimination of any kind, on a basis of equality",
    "and in accordance with international law, and there shall be free access to all areas of celestial",
    "bodies. There shall be freedom of scientific investigation in outer space, including the Moon and",
    "other celestial bodies, and States shall facilitate and encourage international cooperation in such",
    "investigation.”",
    "",
    "*2423016*",
    "",
    "A/RES/79/18",
    "",
    "Weapons of mass destruction in outer space",
    "",
    "Convinced that space science and technology and their applications, including",
]


def test_the_first_pages_job_number_does_not_end_its_footnotes() -> None:
    title = "Weapons of mass destruction in outer space"
    cleaned = clean_pdf_text("\n".join(FIRST_PAGE), title, "A/RES/79/18")
    notes = [(f.mark, f.text[:50]) for f in cleaned.footnotes]
    assert notes == [
        ("1", "United Nations, Treaty Series, vol. 610, No. 8843."),
        ("2", "Article I also provides that “Outer space, includi"),
    ]
    assert [b.text.split()[0] for b in cleaned.blocks] == ["Recalling", "Convinced"]


# A/C.6/80/L.19 in pdftotext's default mode: the rule printed at the end of the page's
# last body line
def test_a_rule_at_the_end_of_a_body_line_opens_the_footnotes() -> None:
    lines = [
        "The General Assembly,",
        "1.",
        "Commends once again the articles on diplomatic protection 5 to the",
        "attention of Governments, and invites them to submit in writing to the Secretary __________________",
        "1",
        "",
        "Official Records of the General Assembly, Sixty-first Session, Supplement No. 10 (A/61/10),",
        "para. 46.",
    ]
    cleaned = clean_pdf_text("\n".join(lines), "", None)
    assert [(f.mark, f.text) for f in cleaned.footnotes] == [
        (
            "1",
            "Official Records of the General Assembly, Sixty-first Session, Supplement No. 10"
            " (A/61/10), para. 46.",
        )
    ]
    assert cleaned.blocks[0].text.endswith("to submit in writing to the Secretary")


# un/A/RES/79/190 (pdftotext's default mode): the bodies of notes 30 and 31, then their
# marks; note 30 goes on after a semicolon on a line that opens in lower case
def test_a_note_line_in_lower_case_goes_on_with_the_note() -> None:
    area = [
        "Resolution 10/1, entitled “Atlanta 2023: promoting integrity, accountability and transparency in",
        "the fight against corruption”; resolution 10/2, entitled “Strengthening the implementation of the",
        "United Nations Convention against Corruption in small island developing States”; resolution",
        "10/3, entitled “Follow-up to the Marrakech declaration on the prevention of corruption”;",
        "resolution 10/4, entitled “Methodologies and indicators for measuring corruption and the",
        "effectiveness of anti-corruption frameworks”.",
        "31",
        "Decision 10/1, entitled “Venue for the eleventh session of the Conference of the States Parties to",
        "the United Nations Convention against Corruption”.",
        "30",
    ]
    notes = parse_footnotes(list(enumerate(area, 1)), None)
    assert [(f.mark, f.text[:15], f.text[-12:]) for f in notes] == [
        ("30", "Resolution 10/1", "frameworks”."),
        ("31", "Decision 10/1, ", "Corruption”."),
    ]


# A/C.2/80/L.29 note 7 with a page break after its first line (its real lines): the
# next page's footnote area opens with the note's second line, a date, not note 26
def test_a_note_continued_on_a_line_that_opens_with_a_date() -> None:
    lines = [
        "The General Assembly,",
        "Declaration on Sustainable Development 7 and the Plan of Implementation of the",
        "World Summit on Sustainable Development (Johannesburg Plan of Implementation), 8",
        "__________________",
        "7 Report of the World Summit on Sustainable Development, Johannesburg, South Africa,",
        "A/C.2/80/L.29",
        "the Monterrey Consensus of the International Conference on Financing for",
        "__________________",
        "26 August–4 September 2002 (United Nations publication, Sales No. E.03.II.A.1 and",
        "corrigendum), chap. I, resolution 1, annex.",
        "8 Ibid., resolution 2, annex.",
    ]
    notes = clean_pdf_text("\n".join(lines), "", "A/C.2/80/L.29").footnotes
    assert [f.mark for f in notes] == ["7", "8"]
    assert notes[0].text.endswith(
        "South Africa, 26 August–4 September 2002 (United Nations"
        " publication, Sales No. E.03.II.A.1 and corrigendum), chap. I,"
        " resolution 1, annex."
    )


# A mark after a span of years, in every extractor's text: A/RES/78/168 PP5 (set apart)
# and A/C.2/80/L.29 PP7 (glued)
def test_a_mark_after_a_span_of_years_is_a_mark() -> None:
    apart = (
        "for the Decade 2014–2024 13 and the SIDS Accelerated Modalities of Action (SAMOA)"
        " Pathway, 14"
    )
    assert attach_marks([apart], ["13", "14"]) == (
        ["for the Decade 2014–2024 and the SIDS Accelerated Modalities of Action (SAMOA) Pathway,"],
        [("13", "14")],
        [(24, 87)],  # after "2014–2024" and after "Pathway,"
    )
    glued = (
        "A Renewed Declaration for Resilient Prosperity, 13 the Awaza Programme of Action for"
        " Landlocked Developing Countries for the Decade 2024–203414 and Agenda 2063"
    )
    out, cited, _ = attach_marks([glued], ["13", "14"])
    assert cited == [("13", "14")]
    assert out[0].endswith("for the Decade 2024–2034 and Agenda 2063")


def test_a_number_glued_to_a_year_alone_stays() -> None:
    # a year alone is no span: "16 May 20143" is left to check's tolerance
    assert attach_marks(["on 16 May 20143 in Geneva"], ["3"]) == (
        ["on 16 May 20143 in Geneva"],
        [()],
        [()],
    )


# A/C.3/80/L.58, an amendment: its note * (the Rome Statute's treaty reference) is cited
# by a star glued to a word
L58 = ROOT / "tests" / "corpus" / "pdf" / "A_C.3_80_L.58"


@pytest.mark.parametrize("source", ["pymupdf.txt", "pdf"])
def test_a_star_glued_to_a_word_is_the_star_notes_mark(source: str) -> None:
    doc = load(f"{L58}.{source}")
    assert [f.mark for f in doc.footnotes] == ["*"]
    assert doc.paragraphs[0].footnotes == ("*",)
    p = doc.paragraphs[0]
    assert "the International Criminal Court that define the" in p.text
    assert len(p.marks_at) == 1 and p.text[: p.marks_at[0]].endswith("Criminal Court")


def test_a_star_the_sponsor_line_cites_stays_the_sponsors() -> None:
    # A/80/L.20: "Russian Federation:* amendment to draft resolution A/80/L.18"
    doc = load(str(ROOT / "tests" / "corpus" / "pdf" / "A_80_L.20.pymupdf.txt"))
    assert doc.sponsors.text.startswith("Russian Federation:* amendment")
    assert all(p.footnotes == () for p in doc.paragraphs)


# A/RES/79/39 in pdftotext's default mode: the running title between the first page's
# footnotes and the next page's body; the title as printed lost a line-end hyphen
def test_a_running_title_ends_the_footnotes_whatever_its_hyphens() -> None:
    lines = [
        "The General Assembly,",
        "the legality of the threat or use of nuclear weapons, issued on 8 July 1996, 3 in which",
        "",
        "__________________",
        "",
        "3",
        "A/51/218, annex.",
        "",
        "24-23057 (E)",
        "",
        "*2423057*",
        "",
        "Universal Declaration on the Achievement of a",
        "Nuclear-Weapon-Free World",
        "",
        "A/RES/79/39",
        "",
        "the Court concluded unanimously that there exists an obligation to pursue in good",
    ]
    title = "Universal Declaration on the Achievement of a Nuclear-WeaponFree World"
    cleaned = clean_pdf_text("\n".join(lines), title, "A/RES/79/39")
    assert [(f.mark, f.text) for f in cleaned.footnotes] == [("3", "A/51/218, annex.")]
    assert cleaned.blocks[0].text.endswith(
        "3 in which the Court concluded unanimously that"
        " there exists an obligation to pursue in good"
    )


def test_a_note_cited_again_by_its_number_is_cited_where_it_stands_again() -> None:
    """A/RES/73/271 cites note 1 (the Committee on Contributions' report) in PP4, and
    again in OP1 and OP12 by the same number, glued to the semicolon: each citation is
    the note, not a "1" left in the text."""
    doc = load(str(ROOT / "tests" / "fixtures" / "un" / "A_RES_73_271.txt"))
    para = {p.label: p for p in doc.paragraphs}
    assert para["PP4"].footnotes == ("1", "2")
    assert para["OP1"].text.endswith("Committee on Contributions;")
    assert para["OP1"].footnotes == ("1",)
    assert para["OP12"].footnotes == ("2", "1")
    assert "plans2" not in para["OP12"].text and not para["OP12"].text.endswith("1")


def test_a_number_a_space_apart_or_glued_to_a_capital_is_no_note_cited_again() -> None:
    """After note 1 is cited, "paragraphs 1, 2 and 3" and "the U4 Centre" keep their
    numbers: only a mark glued to a lower-case word or to punctuation is a citation."""
    texts, cited, _ = attach_marks(
        ["the report,1 and", "Recalls paragraphs 1, 2 and 3, and the U4 Centre;1"], ["1"]
    )
    assert texts == ["the report, and", "Recalls paragraphs 1, 2 and 3, and the U4 Centre;"]
    assert cited == [("1",), ("1",)]


def test_trillion_after_a_number_makes_it_a_quantity() -> None:
    """A/RES/80/125 PP18, PyMuPDF's text: "an estimated 4 trillion dollars" is no note 4."""
    texts, cited, _ = attach_marks(["reaching an estimated 4 trillion dollars"], ["4"])
    assert cited == [()]


def test_a_year_and_its_mark_alone_on_a_line_is_no_print_date() -> None:
    """pdftotext -raw prints A/RES/80/216's "June 1992" + note 16 as "199216" on a line
    of its own: no print date (DDMMYY, beside the job number: "211125"), so the year and
    its note stay in PP15."""
    from redline.parser.pdftext import is_furniture

    assert is_furniture("211125", None) and is_furniture("010126", None)
    assert not is_furniture("199216", None) and not is_furniture("201534", None)
