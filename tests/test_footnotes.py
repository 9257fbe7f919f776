"""Footnote marks in PDF text (redline/parser/footnotes.py), with real lines of the
corpus (issue 15): the same document gives the same marks whichever tool extracted it."""

from __future__ import annotations

from redline.parser.footnotes import attach_marks
from redline.parser.pdftext import bare_numbers, join_lines

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
    texts, cited = attach_marks([text], marks, bare=[bare_numbers(lines, text)])
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
    assert attach_marks([text], ["7"], bare=[()]) == ([text], [()])
