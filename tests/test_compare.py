"""compare(): paragraphs, titles, footnotes and sponsors of two documents together."""

from __future__ import annotations

from redline.compare import compare
from redline.model import (
    DocKind,
    Document,
    Footnote,
    FootnoteChange,
    Paragraph,
    ParaKind,
    Segment,
    Sponsors,
    Status,
)


def op(n: int, text: str, footnotes: tuple[str, ...] = (), line: int = 0) -> Paragraph:
    return Paragraph(
        f"OP{n}", ParaKind.OPERATIVE, str(n), text.split()[0], text, footnotes, (line, line)
    )


def resolution(*paragraphs: Paragraph, footnotes: tuple[Footnote, ...] = (), **kw) -> Document:
    return Document(
        "<text>", "plain", DocKind.RESOLUTION, paragraphs=paragraphs, footnotes=footnotes, **kw
    )


CONVENTION = "Urges all States to consider ratifying the Convention against Corruption;"
REPORT = "Takes note of the report of the Secretary-General;"


def test_changed_footnote_is_reported_on_the_citing_paragraph() -> None:
    old = resolution(op(1, REPORT, ("1",)), footnotes=(Footnote("1", "A/73/133."),))
    new = resolution(op(1, REPORT, ("1",)), footnotes=(Footnote("1", "A/75/111."),))
    (e,) = compare(old, new).entries
    assert e.status is Status.CHANGED  # the words are the same, the reference is not
    assert e.segments == (Segment("=", REPORT),)
    assert e.footnotes == (
        FootnoteChange(
            "1", "1", (Segment("-", "A/73/133"), Segment("+", "A/75/111"), Segment("=", "."))
        ),
    )
    assert e.text_changed


def test_footnotes_are_matched_by_citation_position_not_by_number() -> None:
    # A footnote added to OP1 renumbers OP2's footnote 1 -> 2; its text is the same.
    old = resolution(
        op(1, REPORT), op(2, CONVENTION, ("1",)), footnotes=(Footnote("1", "Resolution 70/1."),)
    )
    new = resolution(
        op(1, REPORT, ("1",)),
        op(2, CONVENTION, ("2",)),
        footnotes=(Footnote("1", "A/75/111."), Footnote("2", "Resolution 70/1.")),
    )
    first, second = compare(old, new).entries
    assert first.status is Status.CHANGED
    assert first.footnotes == (FootnoteChange(None, "1", (Segment("+", "A/75/111."),)),)
    assert second.status is Status.UNCHANGED and second.footnotes == ()


def test_footnotes_of_each_resolution_in_a_report_are_its_own() -> None:
    def report(note_ii: str) -> Document:
        i = resolution(op(1, REPORT, ("1",), line=10), footnotes=(Footnote("1", "A/75/111."),))
        ii = resolution(op(1, CONVENTION, ("1",), line=20), footnotes=(Footnote("1", note_ii),))
        return Document(
            "<report>",
            "markdown",
            DocKind.REPORT,
            resolutions=(
                Document(
                    "<report>",
                    "markdown",
                    DocKind.DRAFT,
                    name="I",
                    paragraphs=i.paragraphs,
                    footnotes=i.footnotes,
                ),
                Document(
                    "<report>",
                    "markdown",
                    DocKind.DRAFT,
                    name="II",
                    paragraphs=ii.paragraphs,
                    footnotes=ii.footnotes,
                ),
            ),
        )

    c = compare(report("Resolution 70/1."), report("Resolution 75/1."))
    assert [(e.new.label, e.status.value) for e in c.entries] == [
        ("I/OP1", "unchanged"),
        ("II/OP1", "changed"),
    ]
    assert [f.text for f in c.new_footnotes] == ["A/75/111.", "Resolution 75/1."]


def test_title_is_diffed_word_by_word() -> None:
    old = resolution(op(1, REPORT), title="Human rights and extreme poverty")
    new = resolution(op(1, REPORT), title="Human rights and poverty")
    c = compare(old, new)
    assert c.title == (
        Segment("=", "Human rights and "),
        Segment("-", "extreme "),
        Segment("=", "poverty"),
    )
    assert c.differs


def test_sponsors_who_joined_and_who_left() -> None:
    old = resolution(op(1, REPORT), sponsors=Sponsors(original=("Uganda", "Turkey")))
    new = resolution(op(1, REPORT), sponsors=Sponsors(original=("Türkiye", "Chile")))
    s = compare(old, new).sponsors
    assert (s.added, s.removed, s.unchanged) == (("Chile",), ("Uganda",), ("Türkiye",))


def test_same_document_does_not_differ() -> None:
    doc = resolution(
        op(1, REPORT, ("1",)), op(2, CONVENTION), footnotes=(Footnote("1", "A/75/111."),)
    )
    c = compare(doc, doc)
    assert not c.differs
    assert c.old_footnotes == c.new_footnotes == doc.footnotes
