"""Annexes (issue 14): the text after "Annex" is annex text, each paragraph labelled by
the annex and the number it prints (``Annex/12``, ``Annex I/7(a)``), on the real
annexed resolutions of tests/corpus/pdf.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import redline
from redline.model import Document, ParaKind, Status
from redline.parser import parse_document

CORPUS = Path(__file__).parent / "corpus" / "pdf"
FIXTURES = Path(__file__).parent / "fixtures" / "un"


def parse(name: str) -> Document:
    return redline.parse(str(CORPUS / f"{name}.pdf"))


def numbered(doc: Document, annex: str = "Annex") -> list[int]:
    return [
        int(p.label.rpartition("/")[2])
        for p in doc.paragraphs
        if re.fullmatch(re.escape(annex) + r"/\d+", p.label)
    ]


def test_an_annexed_declaration_keeps_its_own_numbered_paragraphs() -> None:
    """A/RES/79/2 adopts the political declaration printed in its annex: OP1, then the
    annex heading, its opening words and its 106 paragraphs, none of them operative."""
    doc = parse("A_RES_79_2")
    labels = [p.label for p in doc.paragraphs]
    assert labels[:5] == ["OP1", "Annex", "Annex/P1", "Annex/P2", "Annex/1"]
    assert doc.paragraphs[2].text == (
        "Political declaration of the high-level meeting on antimicrobial resistance"
    )  # the annex's title, a paragraph of its own after the heading
    assert numbered(doc) == list(range(1, 107))
    one = doc.paragraphs[labels.index("Annex/1")]
    assert (one.kind, one.number) == (ParaKind.OTHER, "1")
    assert one.text.startswith("Recognize that antimicrobial resistance is one of the most urgent")
    # its headings are plain annex paragraphs between the numbered ones
    assert doc.paragraphs[labels.index("Annex/17") - 1].text == "I. Governance"
    assert doc.counts()["operative"] == 1
    assert len(set(labels)) == len(labels)


def test_several_annexes_are_told_apart_and_numbers_taken_twice_stay_unique() -> None:
    """A/RES/78/128 has three annexes: an agenda (items 1-12, 7(a), 7(b)), an
    organization of work, and rules of procedure numbered afresh under each rule."""
    doc = parse("A_RES_78_128")
    labels = [p.label for p in doc.paragraphs]
    assert [x for x in labels if x.startswith("Annex") and "/" not in x] == [
        "Annex I",
        "Annex II",
        "Annex III",
    ]
    assert numbered(doc, "Annex I") == list(range(1, 13))
    sub = doc.paragraphs[labels.index("Annex I/7(a)")]
    assert (sub.parent, sub.text) == (
        "Annex I/7",
        "Appointment of the members of the Credentials Committee;",
    )
    assert len(set(labels)) == len(labels)  # rule 2's "1." is not rule 1's
    assert numbered(doc, "Annex III")[:2] == [1, 2]


def test_every_annex_of_the_folder_is_read_as_annex_text() -> None:
    """Wherever a PDF of the folder prints an annex heading, what follows is annex text,
    never operative or preambular; documents without one have no annex label."""
    annexed = {"A_RES_78_128", "A_RES_78_317", "A_RES_79_2", "A_RES_79_323"}
    for path in sorted(CORPUS.glob("*.pdf")):
        doc = redline.parse(str(path))
        paras = [p for d in doc.resolutions or (doc,) for p in d.paragraphs]
        first = next((k for k, p in enumerate(paras) if p.label.startswith("Annex")), None)
        assert (first is not None) == (path.stem in annexed), path.stem
        if first is not None:
            assert all(p.label.startswith("Annex") for p in paras[first:]), path.stem
            assert all(p.kind is ParaKind.OTHER for p in paras[first:]), path.stem


def test_the_annex_of_a_draft_read_from_its_text_is_annex_text_too() -> None:
    """A/C.3/80/L.8 (extracted text) annexes model strategies after OP5: not OP1 again."""
    doc = redline.parse(str(FIXTURES / "A_C.3_80_L.8.txt"))
    labels = [p.label for p in doc.paragraphs]
    k = labels.index("Annex")
    assert labels[k - 1] == "OP5" and labels[k + 1] == "Annex/P1"
    assert all(p.label.startswith("Annex") for p in doc.paragraphs[k:])


def test_an_edit_in_the_annex_names_the_annex_paragraph() -> None:
    doc = parse("A_RES_79_2")
    edited = tuple(
        replace(p, text=p.text.replace("Recognize", "Acknowledge", 1))
        if p.label == "Annex/1"
        else p
        for p in doc.paragraphs
    )
    c = redline.compare(doc, replace(doc, paragraphs=edited))
    assert [
        (e.status, e.new and e.new.label) for e in c.entries if e.status is not Status.UNCHANGED
    ] == [(Status.CHANGED, "Annex/1")]


# The same annex as PyMuPDF prints it (a number alone on its line, the text after it; an
# item with its number on one line; blank lines at the page's gaps) and as pdftotext
# does (no blank lines, a heading's number and title apart, an item's last line printed
# before its first): the paragraphs are the page's.
PYMUPDF = """\
The General Assembly,
1. Adopts the declaration annexed to the present resolution.

18th plenary meeting
7 October 2024

Annex
Political declaration of the high-level meeting

We, Heads of State and Government, assembled at the United Nations, in
this regard we:

1.
Recognize that antimicrobial resistance is one of the most urgent global
health threats;

2. Reaffirm the commitment to General Assembly resolution 71/3;

I.
Governance

3.
Note the need to strengthen national and regional regulatory bodies to
adopt effective regulatory frameworks;
Commitments

4.
Commit to act, by:

(a)
Ensuring access;

(b)
Reporting on progress.
"""

PDFTOTEXT = """\
The General Assembly,
1. Adopts the declaration annexed to the present resolution.
18th plenary meeting
7 October 2024
Annex
Political declaration of the high-level meeting
We, Heads of State and Government, assembled at the United Nations, in
this regard we:
1.
Recognize that antimicrobial resistance is one of the most urgent global
health threats;
2.
Reaffirm the commitment to General Assembly resolution 71/3;
I.

Governance

3. Note the need to strengthen national and regional regulatory bodies to
adopt effective regulatory frameworks;
Commitments
4.
by:
Commit to act,
(a)

Ensuring access;
(b) Reporting on progress.
"""


def annex(text: str) -> list[tuple[str, str]]:
    """The annex paragraphs of `text`, read as text extracted from a PDF."""
    doc = parse_document(text, "annex.txt", "pdf-text")
    return [(p.label, p.text) for p in doc.paragraphs if p.label.startswith("Annex")]


def test_an_annex_in_either_line_break_style_parses_to_the_pages_paragraphs() -> None:
    """The number opens its paragraph (also when it stands alone on its line or at the
    start of the line after a finished item), a heading is a paragraph of its own, the
    annex's name apart from its title."""
    want = [
        ("Annex", "Annex"),
        ("Annex/P1", "Political declaration of the high-level meeting"),
        ("Annex/P2", "We, Heads of State and Government, assembled at the United Nations, "
                     "in this regard we:"),
        ("Annex/1", "Recognize that antimicrobial resistance is one of the most urgent "
                    "global health threats;"),
        ("Annex/2", "Reaffirm the commitment to General Assembly resolution 71/3;"),
        ("Annex/P3", "I. Governance"),
        ("Annex/3", "Note the need to strengthen national and regional regulatory bodies "
                    "to adopt effective regulatory frameworks;"),
        ("Annex/P4", "Commitments"),
        ("Annex/4", "Commit to act, by:"),
        ("Annex/4(a)", "Ensuring access;"),
        ("Annex/4(b)", "Reporting on progress."),
    ]  # fmt: skip
    assert annex(PYMUPDF) == want
    assert annex(PDFTOTEXT) == want


def test_a_sentence_ending_at_a_full_line_does_not_end_the_paragraph() -> None:
    """Only a line that ended early (its next word would have fit) or a blank line ends
    an unnumbered annex paragraph; a wrapped line ending in a full stop does not."""
    full = "x" * 60
    text = (
        "The General Assembly,\n1. Adopts the rules annexed.\n18th plenary meeting\n"
        "Annex\nRules of procedure\nRule 1\nComposition\n"
        f"The delegation of each State shall consist of a head {full}.\n"
        f"The head of delegation may designate {full} an alternate.\n"
        "Rule 2\nAlternates\nAn alternate may act as a representative.\n"
    )
    assert annex(text) == [
        ("Annex", "Annex"),
        ("Annex/P1", "Rules of procedure"),
        ("Annex/P2", "Rule 1 Composition"),
        ("Annex/P3", f"The delegation of each State shall consist of a head {full}. "
                     f"The head of delegation may designate {full} an alternate."),
        ("Annex/P4", "Rule 2 Alternates"),
        ("Annex/P5", "An alternate may act as a representative."),
    ]  # fmt: skip
