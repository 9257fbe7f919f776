"""Resolutions printed in sections I, II, … (issue 14): every numbered paragraph kept,
labelled by its section (``II/OP3``), on the real sectioned documents of
tests/corpus/pdf; and the comparison of two versions section by section.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import redline
from redline.model import Document, ParaKind, Status
from redline.render import RenderOptions, renderer
from redline.sponsors import pair_resolutions

CORPUS = Path(__file__).parent / "corpus" / "pdf"
SECTIONED = [
    "A_C.3_80_L.55",
    "A_C.5_80_L.19",
    "A_RES_78_234",
    "A_RES_78_245",
    "A_RES_79_161",
    "A_RES_79_248",
    "A_RES_79_298",
    "A_RES_80_193",
    "A_RES_80_234",
]
_BARE_ROMAN = re.compile(r"(?m)^\s*([IVX]+)\s*$")


def parse(name: str) -> Document:
    return redline.parse(str(CORPUS / f"{name}.pdf"))


def test_a_budget_resolution_keeps_both_sections_and_their_own_numbers() -> None:
    doc = parse("A_RES_79_298")
    labels = [p.label for p in doc.paragraphs]
    assert labels[:6] == ["I", "I/PP1", "I/PP2", "I/PP3", "I/PP4", "I/PP5"]
    ops = [p.label for p in doc.paragraphs if p.kind is ParaKind.OPERATIVE]
    assert ops == [f"I/OP{n}" for n in range(1, 14)] + ["II/OP1", "II/OP2"]
    assert labels[-5:] == ["II", "II/PP1", "II/PP2", "II/OP1", "II/OP2"]
    assert len(set(labels)) == len(labels)
    ii = doc.paragraphs[labels.index("II")]
    assert (ii.kind, ii.section, ii.text) == (
        ParaKind.OTHER,
        "II",
        "II Support account and related funding issues",
    )
    # section II's own preamble is preambular, with its lead phrase
    pp1 = doc.paragraphs[labels.index("II/PP1")]
    assert (pp1.kind, pp1.lead, pp1.text) == (
        ParaKind.PREAMBULAR,
        "Recalling",
        "Recalling its resolution 77/304,",
    )
    subs = [p for p in doc.paragraphs if p.kind is ParaKind.SUBPARAGRAPH]
    assert [(p.label, p.parent) for p in subs][0] == ("I/OP13(a)", "I/OP13")
    # an unnumbered sub-heading inside a section is a plain paragraph of that section
    assert doc.paragraphs[labels.index("I/P1")].text.startswith("Budget performance report")
    assert doc.counts() == {"preambular": 7, "operative": 15, "sub-paragraph": 5, "other": 5}
    assert doc.warnings == ()  # II/OP1 after I/OP13 is a new section, not a break


@pytest.mark.parametrize("name", SECTIONED)
def test_every_sectioned_document_has_its_printed_sections(name: str) -> None:
    """As many sections as the PyMuPDF text prints numerals alone on a line (I, II, …),
    each paragraph from the first heading on in one, every label once."""
    doc = parse(name)
    printed = _BARE_ROMAN.findall(CORPUS.joinpath(f"{name}.pymupdf.txt").read_text())
    headings = [p.label for p in doc.paragraphs if p.section and p.label == p.section]
    assert headings == printed
    first = next(k for k, p in enumerate(doc.paragraphs) if p.section)
    assert all(
        p.section and (p.label == p.section or p.label.startswith(p.section + "/"))
        for p in doc.paragraphs[first + 1 :]
    )
    assert all(p.section is None for p in doc.paragraphs[:first])
    labels = [p.label for p in doc.paragraphs]
    assert len(set(labels)) == len(labels)
    assert not any("operative numbering breaks" in w for w in doc.warnings)


def test_no_other_document_of_the_folder_has_sections() -> None:
    """Nor any label qualified but an annex's (tests/test_annexes.py)."""
    others = [p for p in sorted(CORPUS.glob("*.pdf")) if p.stem not in SECTIONED]
    assert len(others) == 122
    for path in others:
        doc = redline.parse(str(path))
        for d in doc.resolutions or (doc,):
            assert all(
                p.section is None and ("/" not in p.label or p.label.startswith("Annex"))
                for p in d.paragraphs
            ), path.stem


def test_numbers_that_run_on_across_sections_keep_them() -> None:
    """A/RES/80/234 numbers on through its five sections: OP1 and OP2 before section I,
    then I/OP3 … V/OP110."""
    doc = parse("A_RES_80_234")
    ops = [p.label for p in doc.paragraphs if p.kind is ParaKind.OPERATIVE]
    assert ops[:3] == ["OP1", "OP2", "I/OP3"]
    assert ops[-1] == "V/OP110" and len(ops) == 110
    assert [p.label for p in doc.paragraphs if p.label == p.section] == [
        "I",
        "II",
        "III",
        "IV",
        "V",
    ]


# --- comparing two versions, through every reader that sees headings ------------------


def markdown(
    doc: Document, edit: dict[str, str] | None = None, insert: tuple[str, str] = ("", "")
) -> str:
    """The document written as Markdown (the headings as headings), the text of the
    labels in `edit` replaced, and the operative paragraph `insert[1]` put before the
    one labelled `insert[0]`; operative numbers are written in order, as a drafter would."""
    out = [doc.symbol or "", f"**{doc.title}**", "*The General Assembly,*"]
    n = 0
    for p in doc.paragraphs:
        text = (edit or {}).get(p.label, p.text)
        if p.section and p.label == p.section:
            out.append(f"## {text}")
            n = 0
            continue
        if p.label == insert[0]:
            n += 1
            out.append(f"{n}. {insert[1]}")
        body = f"*{p.lead}*{text[len(p.lead) :]}" if p.lead and text.startswith(p.lead) else text
        if p.kind is ParaKind.OPERATIVE:
            n += 1
            out.append(f"{n}. {body}")
        elif p.kind is ParaKind.SUBPARAGRAPH:
            out.append(f"{p.number} {text}")
        elif p.kind is ParaKind.OTHER:
            out.append(f"### {text}")
        else:
            out.append(body)
    return "\n\n".join(out) + "\n"


def test_markdown_of_a_sectioned_resolution_reads_as_its_pdf() -> None:
    doc = parse("A_RES_79_298")
    again = redline.parse_text(markdown(doc))
    assert [(p.label, p.kind, p.text) for p in again.paragraphs] == [
        (p.label, p.kind, p.text) for p in doc.paragraphs
    ]


def _cli(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "redline", *args], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_one_word_changed_in_section_two_is_that_paragraph_only(tmp_path: Path) -> None:
    doc = parse("A_RES_79_298")
    ii_op2 = next(p for p in doc.paragraphs if p.label == "II/OP2")
    changed = ii_op2.text.replace("Endorses", "Approves")
    old, new = tmp_path / "A_RES_79_298.md", tmp_path / "A_RES_79_298-edited.md"
    old.write_text(markdown(doc))
    new.write_text(markdown(doc, {"II/OP2": changed}))
    text = _cli("diff", str(old), str(new), "--format", "text", "--color", "never")
    assert "1 changed, 31 unchanged" in text
    assert re.findall(r"(?m)^(\S+/OP\d+)$", text) == ["II/OP2"]
    assert "[-Endorses-]{+Approves+}" in text

    data = json.loads(_cli("diff", str(old), str(new), "--format", "json"))
    moved = [
        (p["status"], p["old"], p["new"]) for p in data["paragraphs"] if p["status"] != "unchanged"
    ]
    assert moved == [("changed", "II/OP2", "II/OP2")]
    assert data["summary"]["changed"] == 1

    html = _cli("diff", str(old), str(new), "--format", "html")
    assert html.count("<del") == 1 and html.count("<ins") == 1
    assert 'id="p-II-OP2"' in html and 'id="p-I-OP2"' in html


def test_a_paragraph_inserted_in_section_one_renumbers_only_section_one() -> None:
    doc = parse("A_RES_79_298")
    c = redline.compare(
        redline.parse_text(markdown(doc)),
        redline.parse_text(
            markdown(doc, insert=("I/OP4", "Welcomes the report of the Advisory Committee;"))
        ),
    )
    changed = [
        (e.status, e.old and e.old.label, e.new and e.new.label)
        for e in c.entries
        if e.status is not Status.UNCHANGED
    ]
    assert changed == [(Status.INSERTED, None, "I/OP4")] + [
        (Status.RENUMBERED, f"I/OP{n}", f"I/OP{n + 1}") for n in range(4, 14)
    ] + [(Status.RENUMBERED, f"I/OP13({x})", f"I/OP14({x})") for x in "abcde"]
    # section II keeps its numbers: its OP1 is not "renumbered" from section I's
    text = renderer("text")(c, RenderOptions())
    assert "I/OP4–10 → I/OP5–11 (renumbered)" in text and "II/OP" not in text


def test_sections_of_a_resolution_in_a_report_are_qualified_by_both() -> None:
    """A sectioned draft resolution IV inside a committee report: IV/II/OP1, its
    resolution IV and section II in their own fields; two reports' resolutions pair."""
    body = markdown(parse("A_RES_79_298"))
    body = body[body.index("*The General Assembly,*") :]
    report = (
        "A/80/999\n\n## Draft resolution I\n\n**Other matters**\n\n*The General Assembly,*\n\n"
        "1. *Decides* to remain seized of the matter.\n\n"
        "## Draft resolution IV\n\n**Support account for peacekeeping operations**\n\n" + body
    )
    doc = redline.parse_text(report)
    assert [r.name for r in doc.resolutions] == ["I", "IV"]
    flat = [p.label for p in doc.flat()]
    assert "IV/II/OP1" in flat and "IV/I/OP13(a)" in flat and "I/OP1" in flat
    sub = next(p for p in doc.flat() if p.label == "IV/I/OP13(a)")
    assert (sub.parent, sub.section, sub.resolution and sub.resolution.name) == (
        "IV/I/OP13",
        "I",
        "IV",
    )
    c = redline.compare(doc, doc)
    assert all(e.status is Status.UNCHANGED for e in c.entries)
    links = [
        (e.old.resolution.name, e.new.resolution.name)
        for e in c.entries
        if e.old and e.new and e.old.resolution and e.new.resolution
    ]
    assert ("IV", "IV") in links
    assert [(a and a.name, b and b.name) for a, b in pair_resolutions(doc, doc, links)] == [
        ("I", "I"),
        ("IV", "IV"),
    ]


def test_numbers_that_break_inside_a_section_are_still_named() -> None:
    doc = redline.parse_text(
        "*The General Assembly,*\n\n## I\n\n1. *Urges* States;\n\n2. *Calls upon* States;\n\n"
        "1. *Decides* to act;\n\n## II\n\n1. *Decides* to remain seized.\n"
    )
    assert [p.label for p in doc.paragraphs] == ["I", "I/OP1", "I/OP2", "I/OP1", "II", "II/OP1"]
    assert [w.split(": ", 1)[1] for w in doc.warnings] == [
        "I/OP1, line 9: operative numbering breaks: I/OP2 is followed by I/OP1"
    ]


def test_show_names_each_paragraphs_section() -> None:
    shown = json.loads(_cli("show", str(CORPUS / "A_RES_79_298.pdf"), "--format", "json"))
    by_label = {p["label"]: p for p in shown["paragraphs"]}
    assert by_label["II/OP1"]["section"] == "II" and by_label["II"]["section"] == "II"
    assert by_label["I/OP13(a)"]["section"] == "I"
    plain = json.loads(_cli("show", str(CORPUS / "A_RES_79_16.pdf"), "--format", "json"))
    assert all(p["section"] is None for p in plain["paragraphs"])


def test_show_keeps_its_columns_when_section_labels_are_long() -> None:
    """``V/OP100`` is longer than the 9 characters a plain label needs: the column
    widens for the whole document, so every line number still stands under the others."""
    shown = _cli("show", str(CORPUS / "A_RES_80_234.pdf")).splitlines()
    rows = [ln for ln in shown if re.match(r"^[ !] \S+\s+l\.\d", ln)]
    assert any(re.match(r"^. V/OP100 ", ln) for ln in rows)
    assert len({ln.index(" l.") for ln in rows}) == 1


@pytest.mark.parametrize("name", ["A_C.5_80_L.19", "A_RES_78_245", "A_RES_79_248", "A_RES_80_234"])
def test_a_chapeau_closing_after_its_items_stays_with_them(name: str) -> None:
    """'… include the following elements in their reports: (a) …; (c) Relevant
    background information;' then, at the left margin, 'and its request that all
    documents …': the closing words join the last item, as every extracted text prints
    them, instead of standing alone as a plain paragraph of section IV."""
    paras = parse(name).paragraphs
    closing = [p for p in paras if "and its request that all documents submitted" in p.text]
    assert len(closing) == 1
    assert closing[0].kind == ParaKind.SUBPARAGRAPH and closing[0].label.endswith("(c)")
    assert closing[0].text.startswith("Relevant background information; and its request")
