"""Pages of PDF text found from what every extractor keeps (issue 15).

Form feeds, trailing spaces and CR carry no meaning: pdftotext -nopgbrk, an
editor or e-mail drop them. Pages are found from the furniture the document
prints itself (its symbol, job number, barcode, page counters), recognised also
glued to body text, and a footnote area runs from the rule at a page's foot to
the next page's head. The snippets are real lines of the named documents.
"""

from __future__ import annotations

from redline.parser import parse_document
from redline.parser.pdftext import (
    Furniture,
    clean_pdf_text,
    columns,
    find_symbol,
    join_lines,
    normalise,
    split_pages,
)

# A/C.3/80/L.14 (Persons with albinism), the end of page 1 and the start of page 2
# as pdftotext prints them; the footnote mark 2 is printed after the bodies.
L14 = """A/C.3/80/L.14
Persons with albinism
The General Assembly,
Reaffirming the Universal Declaration of Human Rights, 1 and recalling relevant
international human rights treaties, including the International Covenant on Civil and
Political Rights, 2 the International Covenant on Economic, Social and Cultural
Rights,
Recalling also Human Rights Council resolutions 23/13 of 13 June 2013 on
attacks and discrimination against persons with albinism 3 and 24/33 of 27 September
2013 on technical cooperation for the prevention of attacks against persons with
__________________
1

Resolution 217 A (III).
See resolution 2200 A (XXI), annex.
3
Ibid.
2

25-16654 (E)

211025

*2516654*

\fA/C.3/80/L.14

albinism, as well as resolutions 28/6 of 26 March 2015 pertaining to the mandate of
the Independent Expert on the enjoyment of human rights by persons with albinism,
1. Urges Member States to continue to meet their obligations;
2. Decides to remain seized of the matter.
25-16654

2/5
"""


def _structure(text: str) -> tuple[list[str], list[tuple[str, str]]]:
    doc = parse_document(text)
    return [p.text for p in doc.paragraphs], [(f.mark, f.text) for f in doc.footnotes]


def test_form_feeds_trailing_spaces_and_cr_carry_no_meaning() -> None:
    assert normalise("Recalling \r\n\fA/C.3/80/L.14  \r\n") == "Recalling\nA/C.3/80/L.14\n"
    ref = _structure(L14)
    assert ref[1] == [
        ("1", "Resolution 217 A (III)."),
        ("2", "See resolution 2200 A (XXI), annex."),
        ("3", "Ibid."),
    ]
    assert ref[0][1].endswith("against persons with albinism, as well as resolutions 28/6 of"
                              " 26 March 2015 pertaining to the mandate of the Independent Expert"
                              " on the enjoyment of human rights by persons with albinism,")  # fmt: skip
    for variant in (
        L14.replace("\f", ""),  # pdftotext -nopgbrk
        L14.replace("\n", "\r\n"),
        L14.replace("\n", "  \n").replace("\f", ""),
    ):
        assert _structure(variant) == ref


def test_pages_are_found_from_the_documents_own_furniture() -> None:
    pages = split_pages(L14.replace("\f", ""))
    assert len(pages) == 2
    assert pages[1][0][1] == "A/C.3/80/L.14"  # page 2 starts at its running head


def test_furniture_glued_together_or_to_body_text_is_removed_but_never_a_body_word() -> None:
    # A/C.3/78/L.41 copied out of a PDF viewer: the page head glued to a body line
    furn = Furniture(symbol="A/C.3/78/L.41", jobs=("23-21227",), pages=9)
    assert furn.remove("2/9 23-21227A/C.3/78/L.41") == ("", True, True)
    assert furn.remove("to end violence against women 2/9 23-21227A/C.3/78/L.41")[0] == (
        "to end violence against women"
    )
    assert furn.remove("*2321227* Please recycle")[0] == ""
    # a lone counter-like number in the text is a body word (Human Rights Council 2/9)
    assert furn.remove("Recalling Human Rights Council resolution 2/9")[0] == (
        "Recalling Human Rights Council resolution 2/9"
    )
    assert furn.remove("resolution A/C.3/78/L.41")[0] == "resolution A/C.3/78/L.41"


def test_furniture_is_learnt_from_the_document() -> None:
    lines = normalise(L14).split("\n")
    furn = Furniture.learn(lines, "A/C.3/80/L.14")
    assert furn == Furniture(symbol="A/C.3/80/L.14", jobs=("25-16654",), pages=5)


# A/RES/80/62, the foot of page 2 and the head of page 3 as pdftotext prints them:
# the page counter, then the footnote bodies, then the job number and the running title.
RES_80_62 = """A/RES/80/62
80/62. United Nations Regional Centre for Peace and Disarmament in Asia and the Pacific
The General Assembly,
Recalling the Global Framework for Through-life Conventional Ammunition
Management, 1 and the 2030 Agenda for Sustainable Development, 2
__________________
1
2

2/3

A/78/111, annex.
Resolution 70/1.
25-19997

United Nations Regional Centre for Peace
and Disarmament in Asia and the Pacific

A/RES/80/62

1. Appeals to Member States, in particular those within the Asia-Pacific region,
and foundations, to make voluntary contributions;
"""


def test_the_footnote_area_runs_from_the_page_foot_to_the_next_pages_head() -> None:
    doc = parse_document(RES_80_62.replace("\f", ""))
    assert [(f.mark, f.text) for f in doc.footnotes] == [
        ("1", "A/78/111, annex."),
        ("2", "Resolution 70/1."),
    ]
    assert [p.label for p in doc.paragraphs] == ["PP1", "OP1"]
    assert doc.paragraphs[1].text.startswith("Appeals to Member States")  # no running title


def test_a_running_title_is_removed_only_next_to_other_furniture() -> None:
    # A/RES/80/70: the title's words as a line of the body stay in the body
    text = """A/RES/80/70
80/70. Comprehensive Nuclear-Test-Ban Treaty
The General Assembly,
Stressing the vital importance and urgency of signature and ratification of the
Comprehensive Nuclear-Test-Ban Treaty
by all States,
1. Urges all States to sign it.
"""
    doc = parse_document(text)
    assert doc.title == "Comprehensive Nuclear-Test-Ban Treaty"
    assert "ratification of the Comprehensive Nuclear-Test-Ban Treaty by all States" in (
        doc.paragraphs[0].text
    )


def test_a_note_continued_on_the_next_page_is_one_note() -> None:
    # A/C.3/80/L.14, note 8, as if its second line were printed on the next page
    text = """A/C.3/80/L.14
Persons with albinism
The General Assembly,
Reaffirming also the Programme of Action of the World Summit for Social Development 8
and the further initiatives for social development,
__________________
8
Report of the World Summit for Social Development, Copenhagen, 6–12 March 1995 (United
25-16654
2/5
A/C.3/80/L.14
1. Urges Member States to continue to meet their obligations;
__________________
Nations publication, Sales No. E.96.IV.8), chap. I, resolution 1, annexes I and II.
"""
    doc = parse_document(text)
    assert [(f.mark, f.text) for f in doc.footnotes] == [
        (
            "8",
            "Report of the World Summit for Social Development, Copenhagen, 6–12 March 1995"
            " (United Nations publication, Sales No. E.96.IV.8), chap. I, resolution 1,"
            " annexes I and II.",
        )
    ]


def test_a_note_ending_inside_a_closing_quote_ends_there() -> None:
    # A/RES/79/18, notes 4 and 5 as PyMuPDF prints them
    area = """A/RES/79/18
The General Assembly,
Recalling article IV of the Outer Space Treaty, 4 and the Final Document, 5
__________________
4  Article IV also provides that “The use of any equipment or facility necessary for
peaceful exploration of the Moon and other celestial bodies shall also not be prohibited.”
5  Resolution S-10/2.
"""
    notes = clean_pdf_text(area, "", "A/RES/79/18").footnotes
    assert [f.mark for f in notes] == ["4", "5"]
    assert notes[1].text == "Resolution S-10/2."


def test_layout_columns_hold_the_symbol_and_the_running_title() -> None:
    # pdftotext -layout of A/C.3/80/L.14 and A/RES/80/62
    head = "                United Nations                                    A/C.3/80/L.14"
    assert columns(head) == ["United Nations", "A/C.3/80/L.14"]
    assert find_symbol([head, "General Assembly        Distr.: Limited"]) == "A/C.3/80/L.14"
    text = """A/RES/80/62
80/62. United Nations Regional Centre for Peace and Disarmament in Asia and the Pacific
The General Assembly,
Recalling the Global Framework for Through-life Conventional Ammunition
2/3                                                                     25-19997
United Nations Regional Centre for Peace
and Disarmament in Asia and the Pacific                              A/RES/80/62
Management,
1. Appeals to Member States to make voluntary contributions;
"""
    doc = parse_document(text)
    assert doc.paragraphs[0].text == (
        "Recalling the Global Framework for Through-life Conventional Ammunition Management,"
    )


def test_a_layout_hyphen_set_apart_at_a_line_end_joins_the_word() -> None:
    # A/C.3/80/L.14 in pdftotext -layout: "… at its twenty -" / "fourth special session"
    assert join_lines(["General Assembly at its twenty -", "fourth special session"]) == (
        "General Assembly at its twenty-fourth special session"
    )
    assert join_lines(["from 2015 -", "2030"]) == "from 2015 - 2030"  # not a word: left alone
