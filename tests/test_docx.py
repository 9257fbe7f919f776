"""Word output with tracked changes, and Word input read as accepted or rejected.

The round trip is the contract: write the redline as a .docx, read it back
with all changes accepted and get the new text, with all rejected and get the
old one, paragraph by paragraph.

The tests that need pandoc, LibreOffice or poppler-utils skip with the reason
when one is missing locally, and fail when ``CI`` is set: a missing tool on CI
is a failure, not a hidden gap (``.ci/run`` installs them).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import time
import zipfile
from pathlib import Path
from typing import NoReturn

import docx
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import redline
from redline.errors import InputError
from redline.model import Comparison, DocKind, Document, Status
from redline.parser import parse_cleaned
from redline.parser.docx import read_docx
from redline.render import RenderOptions
from redline.render.docx import render

EXAMPLES = Path(__file__).parent.parent / "examples"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OPTIONS = RenderOptions(author="Delegation of Testland", generated="2026-11-28 16:20 UTC")


PACKAGE = {  # the Debian package of each outside tool the tests run
    "pandoc": "pandoc",
    "soffice": "libreoffice-writer-nogui",
    "pdfinfo": "poppler-utils",
    "pdftoppm": "poppler-utils",
    "pdftotext": "poppler-utils",
}


def unavailable(reason: str) -> NoReturn:
    """Skip with the reason locally; fail under CI (``CI`` set), where nothing may be missing."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: .ci/run must provide it)", pytrace=False)
    pytest.skip(reason)


def require(*commands: str) -> None:
    """Each command must be on PATH, else :func:`unavailable`."""
    missing = [c for c in commands if shutil.which(c) is None]
    if missing:
        packages = " ".join(sorted({PACKAGE[c] for c in missing}))
        unavailable(f"{', '.join(missing)} not found (apt-get install {packages})")


def texts(doc: Document) -> list[tuple[str, str, str]]:
    """Label, lead and whitespace-normalised text of each paragraph."""
    return [(p.label, p.lead, " ".join(p.text.split())) for p in doc.paragraphs]


def cited(doc: Document) -> list[tuple[str, tuple[str, ...]]]:
    """Each paragraph's label and the text of each footnote it cites."""
    return [
        (p.label, tuple(f.text if (f := doc.footnote(m)) else "?" for m in p.footnotes))
        for p in doc.paragraphs
    ]


def read_word(data: bytes, tracked: str = "accept", name: str = "out.docx") -> Document:
    """The Document of a .docx (as `redline.read.load` builds it, without the warnings)."""
    return parse_cleaned(read_docx(data, name, tracked).cleaned, name, "docx")


def read_back(data: bytes, tracked: str) -> Document:
    return read_word(data, tracked)


def assert_round_trip(c: Comparison) -> bytes:
    data = render(c, OPTIONS)
    accepted, rejected = read_back(data, "accept"), read_back(data, "reject")
    assert texts(accepted) == texts(c.new)
    assert texts(rejected) == texts(c.old)
    assert cited(accepted) == cited(c.new)
    assert cited(rejected) == cited(c.old)
    return data


@pytest.fixture(scope="module")
def real() -> Comparison:
    old = redline.parse(str(EXAMPLES / "A_RES_73_188.txt"))
    new = redline.parse(str(EXAMPLES / "A_75_479.md") + "#IV")
    return redline.compare(old, new)


def document_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml").decode("utf-8")


# --- the bundled pair -----------------------------------------------------------------


def test_real_pair_round_trips(real: Comparison) -> None:
    assert real.summary()["moved"] == 1 and real.summary()["renumbered"] >= 1
    data = assert_round_trip(real)
    for tracked, doc in (("accept", real.new), ("reject", real.old)):
        assert read_back(data, tracked).title == doc.title


def test_constructed_revision_round_trips() -> None:
    """L.5 -> L.5/Rev.1: an inserted PP, a changed lead phrase, a deleted OP, renumbering."""
    old = redline.parse(str(EXAMPLES / "constructed" / "A_C.3_75_L.5.txt"))
    new = redline.parse(str(EXAMPLES / "constructed" / "A_C.3_75_L.5_Rev.1.txt"))
    c = redline.compare(old, new)
    summary = c.summary()
    assert (summary["inserted"], summary["deleted"]) == (1, 1) and summary["renumbered"] > 0
    data = assert_round_trip(c)
    for tracked, doc in (("accept", new), ("reject", old)):
        back = read_back(data, tracked)
        assert (back.symbol, back.title) == (doc.symbol, doc.title)


def test_draft_header_round_trips() -> None:
    """Symbol, sponsor line and title are tracked too (L.2 -> L.43 changes all three)."""
    old = redline.parse(str(EXAMPLES / "A_C.2_80_L.2.txt"))
    new = redline.parse(str(EXAMPLES / "A_C.2_80_L.43.txt"))
    data = assert_round_trip(redline.compare(old, new))
    for tracked, doc in (("accept", new), ("reject", old)):
        back = read_back(data, tracked)
        assert (back.symbol, back.title) == (doc.symbol, doc.title)
        assert (back.sponsors.text, back.sponsors.names) == (doc.sponsors.text, doc.sponsors.names)


def test_committee_report_round_trips() -> None:
    """Two reports: every draft resolution, its footnotes and the report's own text."""
    text = (EXAMPLES / "A_75_479.md").read_text(encoding="utf-8")
    at = text.index("Draft resolution IV**")
    head, iv = text[:at], text[at:]
    for a, b in (
        (
            "*Recognizing* the importance of promoting",
            "*Recognizing also* the importance of promoting",
        ),
        ("despite the resource constraints", "notwithstanding the resource constraints"),
        ("<sup>1</sup> [A/75/111](#).", "<sup>1</sup> [A/75/222](#)."),
    ):
        assert a in iv
        iv = iv.replace(a, b, 1)
    old = redline.parse_text(text, "old.md")
    new = redline.parse_text(head + iv, "new.md")
    c = redline.compare(old, new)
    assert c.summary()["changed"] == 3
    data = render(c, OPTIONS)
    for tracked, doc in (("accept", new), ("reject", old)):
        back = read_back(data, tracked)
        assert back.title == doc.title
        assert texts(back) == texts(doc)
        assert [r.name for r in back.resolutions] == [r.name for r in doc.resolutions]
        for got, want in zip(back.resolutions, doc.resolutions, strict=True):
            assert got.title == want.title
            assert texts(got) == texts(want)
            assert cited(got) == cited(want)


def test_changes_are_tracked_not_coloured(real: Comparison) -> None:
    data = render(real, OPTIONS)
    body = docx.Document(io.BytesIO(data)).element.body
    changes = list(body.iter(W + "ins", W + "del"))
    assert changes
    authors = {c.get(W + "author") for c in changes}
    assert authors == {"Delegation of Testland", "Delegation of Testland (typographic)"}
    assert {c.get(W + "date") for c in changes} == {None}  # undated: see below
    assert len({c.get(W + "id") for c in changes}) == len(changes)  # ids are unique
    # deleted text is w:delText, never w:t; no colour anywhere
    for d in body.iter(W + "del"):
        assert not list(d.iter(W + "t"))
    assert "w:color" not in document_xml(data)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        notes = z.read("word/footnotes.xml").decode("utf-8")
        settings = z.read("word/settings.xml").decode("utf-8")
    assert '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>' in settings
    in_notes = notes.count("<w:ins ") + notes.count("<w:del ")
    assert in_notes > 0
    assert read_docx(data, "x.docx", "accept").tracked == len(changes) + in_notes


def test_layout(real: Comparison) -> None:
    doc = docx.Document(io.BytesIO(render(real, OPTIONS)))
    paras = doc.paragraphs
    title = next(p for p in paras if p.text == real.new.title)
    assert all(r.bold for r in title.runs)
    ga = next(p for p in paras if p.text == "The General Assembly,")
    assert all(r.italic for r in ga.runs)
    recalling = next(p for p in paras if p.text.startswith("Recalling its"))
    assert recalling.runs[0].text == "Recalling" and recalling.runs[0].italic
    assert '<w:t xml:space="preserve">1.</w:t><w:tab/>' in document_xml(render(real, OPTIONS))


def test_paper_is_a4_as_un_documents_are(real: Comparison) -> None:
    section = docx.Document(io.BytesIO(render(real, OPTIONS))).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.left_margin.mm) == round(section.right_margin.mm) == 25


def test_renumbering_changes_only_the_number(real: Comparison) -> None:
    xml = document_xml(render(real, OPTIONS))
    e = next(e for e in real.entries if e.status is Status.RENUMBERED and e.new and e.new.number)
    assert e.old is not None and e.new is not None and e.old.number != e.new.number
    number_change = (
        f'<w:delText xml:space="preserve">{e.old.number}.</w:delText></w:r></w:del>'
        f'<w:ins w:id="[0-9]+" w:author="[^"]+"><w:r>'
        f'<w:t xml:space="preserve">{e.new.number}.</w:t></w:r></w:ins><w:r><w:tab/>'
    )
    assert re.search(number_change, xml)


def test_moved_paragraph_is_deleted_and_inserted(real: Comparison) -> None:
    moved = next(e for e in real.entries if e.status is Status.MOVED)
    body = docx.Document(io.BytesIO(render(real, OPTIONS))).element.body
    marks = {"ins": 0, "del": 0}
    for p in body.iter(W + "p"):
        text = "".join(t.text or "" for t in p.iter(W + "t", W + "delText"))
        rpr = p.find(f"{W}pPr/{W}rPr")
        if rpr is None:
            continue
        if rpr.find(W + "del") is not None and moved.old.text in text:
            marks["del"] += 1
        if rpr.find(W + "ins") is not None and moved.new.text in text:
            marks["ins"] += 1
    assert marks == {"ins": 1, "del": 1}


def test_same_input_same_bytes(real: Comparison) -> None:
    assert render(real, OPTIONS) == render(real, OPTIONS)
    # the time of the run is not written: the tracked changes carry no w:date
    later = RenderOptions(author=OPTIONS.author, generated="2027-01-01 09:00 UTC")
    assert render(real, later) == render(real, OPTIONS)
    assert "w:date" not in document_xml(render(real, OPTIONS))


def test_two_runs_of_the_cli_write_the_same_file(tmp_path: Path) -> None:
    """``redline diff … -o redline.docx`` a day apart (SOURCE_DATE_EPOCH, or none: the
    clock) writes byte-identical files, document.xml and all."""
    from redline.cli import main

    outs = []
    for k, env in enumerate(({"SOURCE_DATE_EPOCH": "0"}, {"SOURCE_DATE_EPOCH": "86400"}, {})):
        out = tmp_path / f"r{k}.docx"
        args = ["diff", str(EXAMPLES / "A_RES_73_188.txt"), f"{EXAMPLES / 'A_75_479.md'}#IV",
                "-o", str(out)]  # fmt: skip
        result = CliRunner(env=env).invoke(main, args)
        assert result.exit_code == 0, result.output
        outs.append(out.read_bytes())
    assert document_xml(outs[0]) == document_xml(outs[1]) == document_xml(outs[2])
    assert outs[0] == outs[1] == outs[2]


def test_a_typographic_change_is_tracked_by_its_own_author(real: Comparison) -> None:
    """PP16 -> PP17's ``region’s`` -> ``region's`` (typographic, dimmed in the other
    outputs) is a real tracked change, by "Delegation of Testland (typographic)": Word
    and LibreOffice colour it apart and can hide or accept it apart. No other change is."""
    [typo] = [e for e in real.entries if e.status is Status.TYPOGRAPHIC]
    assert typo.new is not None and typo.new.label == "PP17"
    body = docx.Document(io.BytesIO(render(real, OPTIONS))).element.body
    by_typo = [
        (c.tag.removeprefix(W), "".join(t.text or "" for t in c.iter(W + "t", W + "delText")))
        for c in body.iter(W + "ins", W + "del")
        if c.get(W + "author") == "Delegation of Testland (typographic)"
    ]
    assert by_typo == [("del", "region’s"), ("ins", "region's")]
    # the paragraph holding them is PP17, and the rest of its text is kept
    [para] = [p for p in body.iter(W + "p") if any(
        c.get(W + "author", "").endswith("(typographic)") for c in p.iter(W + "ins"))]  # fmt: skip
    kept = "".join(t.text or "" for r in para.findall(W + "r") for t in r.iter(W + "t"))
    assert kept.replace(" ", "") == typo.new.text.replace("region's", "").replace(" ", "")
    # and still Accept All gives region's, Reject All region’s
    assert_round_trip(real)


def test_the_summary_line_is_in_the_document_properties(real: Comparison) -> None:
    """The line every other output prints above the changes, typographic count and all,
    is the document's Comments property (dc:description), not text on the page."""
    doc = docx.Document(io.BytesIO(render(real, OPTIONS)))
    assert doc.core_properties.comments == (
        "A/RES/73/188 → A/C.3/75/L.11\n"
        "10 changed, 1 moved, 2 renumbered, 1 typographic, 28 unchanged · +29 −25 words"
    )
    assert not any("typographic" in p.text for p in doc.paragraphs)


AMENDMENTS = Path(__file__).parent / "corpus" / "pdf"


def test_an_amendment_has_no_general_assembly_line() -> None:
    """An amendment (A/80/L.20: "Delete operative paragraph 9.") is its header, the title
    of the draft it amends and its instructions: the Word redline of two of them writes
    no "The General Assembly,", keeps the sponsor line, and reads back as amendments."""
    old = redline.parse(str(AMENDMENTS / "A_80_L.20.pdf"))
    new = redline.parse(str(AMENDMENTS / "A_C.3_80_L.58.pdf"))
    assert (old.kind, new.kind) == (DocKind.AMENDMENT, DocKind.AMENDMENT)
    data = assert_round_trip(redline.compare(old, new))
    assert "General Assembly," not in document_xml(data)
    for tracked, doc in (("accept", new), ("reject", old)):
        back = read_back(data, tracked)
        assert back.kind is DocKind.AMENDMENT
        assert (back.symbol, back.title, back.sponsors.text) == (
            doc.symbol, doc.title, doc.sponsors.text)  # fmt: skip
    # a draft against an amendment: the line is tracked, inserted on the draft's side
    draft = redline.parse(str(EXAMPLES / "A_C.2_80_L.2.txt"))
    xml = document_xml(assert_round_trip(redline.compare(old, draft)))
    assert re.search(r'<w:ins [^>]*><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">'
                     r"The General Assembly,</w:t>", xml)  # fmt: skip


# --- generated pairs ------------------------------------------------------------------

VOCABULARY = (
    "Member States United Nations the of and to in its General Assembly Secretary-General "
    "report resolution Institute crime prevention criminal justice Africa cooperation "
    "support implementation programme regional international development session"
).split()
LEADS = {
    "pp": ["Recalling", "Reaffirming", "Noting", "Recognizing", "Bearing in mind", "Aware"],
    "op": ["Urges", "Encourages", "Requests", "Decides", "Welcomes", "Calls upon", "Invites"],
    "sub": ["To", "Provide", "Strengthen"],
}


@st.composite
def paragraph(draw: st.DrawFn, kind: str) -> tuple[str, str]:
    words = draw(st.lists(st.sampled_from(VOCABULARY), min_size=3, max_size=10))
    return kind, " ".join([draw(st.sampled_from(LEADS[kind])), *words]) + (
        "," if kind == "pp" else ";"
    )


@st.composite
def resolution(draw: st.DrawFn) -> list[tuple[str, str]]:
    pps = draw(st.lists(paragraph("pp"), max_size=4))
    ops = draw(st.lists(st.one_of(paragraph("op"), paragraph("sub")), min_size=1, max_size=6))
    if ops[0][0] == "sub":
        ops[0] = ("op", "Urges " + ops[0][1])
    return pps + ops


@st.composite
def revised(draw: st.DrawFn) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """A resolution and a revision: word edits, insertions, deletions, moves, splits, merges."""
    old = draw(resolution())
    new = list(old)
    for _ in range(draw(st.integers(0, 4))):
        what = draw(st.sampled_from(["word", "insert", "delete", "move", "split", "merge"]))
        k = draw(st.integers(0, len(new) - 1))
        kind, text = new[k]
        if what == "word":
            ws = text.split(" ")
            ws[draw(st.integers(1, len(ws) - 1))] = draw(st.sampled_from(VOCABULARY))
            new[k] = (kind, " ".join(ws))
        elif what == "insert":
            new.insert(k, draw(paragraph(kind)))
        elif what == "delete" and len(new) > 1:
            new.pop(k)
        elif what == "move" and len(new) > 1:
            new.insert(draw(st.integers(0, len(new) - 1)), new.pop(k))
        elif what == "split" and len(text.split(" ")) >= 6:
            ws = text.split(" ")
            cut = draw(st.integers(3, len(ws) - 3))
            second = draw(st.sampled_from(LEADS[kind]))
            new[k : k + 1] = [
                (kind, " ".join(ws[:cut]) + ";"),
                (kind, " ".join([second, *ws[cut:]])),
            ]
        elif what == "merge" and k + 1 < len(new) and new[k + 1][0] == kind:
            new[k : k + 2] = [(kind, text.rstrip(",;") + " and " + new[k + 1][1])]
    # the preamble comes first, and the operative part starts with a numbered paragraph
    pps = [t for t in new if t[0] == "pp"]
    ops = [t for t in new if t[0] != "pp"]
    if not ops or ops[0][0] == "sub":
        ops.insert(0, ("op", "Decides to remain seized;"))
    return old, pps + ops


def as_text(paras: list[tuple[str, str]], title: str) -> str:
    out = [title, "The General Assembly,"]
    op, sub = 0, 0
    for kind, text in paras:
        if kind == "op":
            op, sub = op + 1, 0
            out.append(f"{op}. {text}")
        elif kind == "sub":
            sub += 1
            out.append(f"({'abcdefghijklmnopqrstuvwxyz'[sub - 1]}) {text}")
        else:
            out.append(text)
    return "\n\n".join(out) + "\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(revised(), st.sampled_from(["Crime prevention", "Crime prevention in Africa"]))
def test_generated_pairs_round_trip(pair: tuple[list, list], title: str) -> None:
    old = redline.parse_text(as_text(pair[0], "Crime prevention"))
    new = redline.parse_text(as_text(pair[1], title))
    assert_round_trip(redline.compare(old, new))


NOTES = ["A/73/133.", "Resolution 70/1.", "A/75/111.", "Ibid., vol. 2349, No. 42146."]


def as_markdown(paras: list[tuple[str, str]], cites: list[int | None]) -> str:
    """A Markdown resolution whose paragraphs may cite a footnote (``<sup>n</sup>``)."""
    out, bodies = ["*The General Assembly,*"], []
    op = sub = 0
    for (kind, text), note in zip(paras, cites, strict=True):
        if note is not None:
            text += f"<sup>{len(bodies) + 1}</sup>"
            bodies.append(f"<sup>{len(bodies) + 1}</sup> {NOTES[note]}")
        if kind == "op":
            op, sub = op + 1, 0
            out.append(f"{op}. {text}")
        elif kind == "sub":
            sub += 1
            out.append(f"({'abcdefghijklmnopqrstuvwxyz'[sub - 1]}) {text}")
        else:
            out.append(text)
    return "\n\n".join(out + bodies) + "\n"


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(revised(), st.data())
def test_generated_pairs_with_footnotes_round_trip(
    pair: tuple[list, list], data: st.DataObject
) -> None:
    notes = st.one_of(st.none(), st.integers(0, len(NOTES) - 1))
    old_cites = [data.draw(notes) for _ in pair[0]]
    new_cites = [data.draw(notes) for _ in pair[1]]
    old = redline.parse_text(as_markdown(pair[0], old_cites))
    new = redline.parse_text(as_markdown(pair[1], new_cites))
    assert_round_trip(redline.compare(old, new))


def test_a_note_cited_after_a_kept_one_in_a_merged_paragraph_keeps_its_place() -> None:
    # Found by the property above: old PP1 and PP2 (which cites A/73/133) are merged into
    # new PP1, which cites A/73/133 and then Resolution 70/1; the inserted note went into
    # the first piece, before the kept one, so Accept All cited them in the wrong order.
    old = [("pp", "Recalling Member Member Member,"), ("pp", "Recalling Member Member Member,")]
    new = [("pp", "Recalling Member Member Member"), ("pp", "Recalling Member Member Member,")]
    ops = [("op", "Urges Member Member Member;")]
    c = redline.compare(
        redline.parse_text(as_markdown(old + ops, [None, 0, None])),
        redline.parse_text(as_markdown(new + ops, [0, 1, None])),
    )
    assert any(e.group is not None for e in c.entries)
    assert_round_trip(c)


def test_lead_phrase_that_grows_is_a_formatting_change() -> None:
    old = redline.parse_text(
        "The General Assembly,\n\nRecalling its resolution 73/188,\n\n1. Urges States;\n"
    )
    new = redline.parse_text(
        "The General Assembly,\n\nRecalling also its resolution 73/188,\n\n1. Urges States;\n"
    )
    assert (old.paragraphs[0].lead, new.paragraphs[0].lead) == ("Recalling", "Recalling also")
    data = assert_round_trip(redline.compare(old, new))
    assert "<w:rPrChange " in document_xml(data)


def test_split_and_merge_join_again() -> None:
    old = redline.parse_text(
        "The General Assembly,\n\n1. Urges Member States to support the Institute in its work "
        "on crime prevention and requests the Secretary-General to report on the implementation "
        "of the present resolution;\n\n2. Decides to remain seized of the matter;\n\n"
        "3. Invites States to strengthen international cooperation in criminal justice;\n\n"
        "4. Welcomes the report of the Secretary-General on the regional programme for Africa;\n"
    )
    new = redline.parse_text(
        "The General Assembly,\n\n1. Urges Member States to support the Institute in its work "
        "on crime prevention;\n\n2. Requests the Secretary-General to report on the "
        "implementation of the present resolution;\n\n3. Decides to remain seized of the "
        "matter;\n\n4. Invites States to strengthen international cooperation in criminal "
        "justice and welcomes the report of the Secretary-General on the regional programme "
        "for Africa;\n"
    )
    c = redline.compare(old, new)
    assert [e.status for e in c.entries] == [
        Status.SPLIT, Status.SPLIT, Status.RENUMBERED, Status.MERGED, Status.MERGED,
    ]  # fmt: skip
    data = assert_round_trip(c)
    # the split's new paragraph mark is inserted, the merge's old one deleted
    body = docx.Document(io.BytesIO(data)).element.body
    marks = [(m.tag.removeprefix(W)) for m in body.iterfind(f"{W}p/{W}pPr/{W}rPr/*")]
    assert marks == ["ins", "del"]


def test_literal_stars_are_not_emphasis() -> None:
    """``*`` and ``_`` typed in Word stay characters, never italics."""
    old = redline.parse_text("The General Assembly,\n\n1. Urges a*b and 2 * 3 and a_b_c;\n")
    new = redline.parse_text("The General Assembly,\n\n1. Urges a*b and 2 * 4 and a_b_c*;\n")
    assert_round_trip(redline.compare(old, new))


# --- reading Word ---------------------------------------------------------------------


def test_reader_lead_phrases_and_numbers() -> None:
    d = docx.Document()
    d.add_paragraph().add_run("Title of the draft").bold = True
    d.add_paragraph().add_run("The General Assembly,").italic = True
    p = d.add_paragraph()
    p.add_run("Bearing in mind").italic = True
    p.add_run(" the 2030 Agenda & its <goals>,")
    p = d.add_paragraph("1.\t")
    p.add_run("Urges").italic = True
    p.add_run(" States to act_now;")
    buf = io.BytesIO()
    d.save(buf)
    got = read_docx(buf.getvalue(), "d.docx", "accept")
    assert (got.warnings, got.tracked) == ((), 0)
    assert [(b.number, b.lead, b.text) for b in got.cleaned.blocks][2:] == [
        (None, "Bearing in mind", "Bearing in mind the 2030 Agenda & its <goals>,"),
        ("1", "Urges", "Urges States to act_now;"),
    ]
    doc = read_word(buf.getvalue())
    assert texts(doc) == [
        ("PP1", "Bearing in mind", "Bearing in mind the 2030 Agenda & its <goals>,"),
        ("OP1", "Urges", "Urges States to act_now;"),
    ]
    assert doc.title == "Title of the draft"


NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
AUTHOR = 'w:author="A" w:date="2026-01-01T00:00:00Z"'


def add_p(d: object, inner: str) -> None:
    """A body paragraph from WordprocessingML (the children of ``w:p``)."""
    from docx.oxml import parse_xml

    p = d.add_paragraph()._p  # type: ignore[attr-defined]
    for child in list(parse_xml(f"<w:p {NS}>{inner}</w:p>")):
        p.append(child)


def numbered(level: int) -> str:
    return f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr></w:pPr>'


def test_reader_automatic_numbering_and_tracked_paragraphs() -> None:
    from docx.oxml import parse_xml

    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {NS} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:lvlText w:val="%1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
            '<w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum>'
        ),
    )
    numbering.append(parse_xml(f'<w:num {NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    d.add_paragraph("The General Assembly,")
    d.add_paragraph("Recalling its resolution 73/188,")
    add_p(d, numbered(0) + "<w:r><w:t>Requests the Secretary-General:</w:t></w:r>")
    add_p(d, numbered(1) + "<w:r><w:t>To report;</w:t></w:r>")
    add_p(d, numbered(1) + "<w:r><w:t>To act;</w:t></w:r>")
    # a whole numbered paragraph deleted with tracked changes, its mark too
    add_p(
        d,
        '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'
        f'<w:rPr><w:del w:id="1" {AUTHOR}/></w:rPr></w:pPr>'
        f'<w:del w:id="2" {AUTHOR}><w:r><w:delText>Decides to act;</w:delText></w:r></w:del>',
    )
    add_p(
        d,
        numbered(0)
        + f'<w:r><w:t xml:space="preserve">Invites </w:t></w:r><w:ins w:id="3" {AUTHOR}>'
        "<w:r><w:t>all </w:t></w:r></w:ins><w:r><w:t>States;</w:t></w:r>",
    )
    buf = io.BytesIO()
    d.save(buf)
    assert read_docx(buf.getvalue(), "n.docx", "accept").tracked == 3
    accepted, rejected = read_word(buf.getvalue()), read_word(buf.getvalue(), "reject")
    assert [(p.label, p.text) for p in accepted.paragraphs] == [
        ("PP1", "Recalling its resolution 73/188,"),
        ("OP1", "Requests the Secretary-General:"),
        ("OP1(a)", "To report;"),
        ("OP1(b)", "To act;"),
        ("OP2", "Invites all States;"),
    ]
    assert [(p.label, p.text) for p in rejected.paragraphs][-2:] == [
        ("OP2", "Decides to act;"),
        ("OP3", "Invites States;"),
    ]


def test_reader_headings_bold_titles_and_superscript_markers() -> None:
    d = docx.Document()
    d.add_paragraph("Crime prevention and criminal justice", style="Heading 1")
    d.add_paragraph().add_run("United Nations African Institute").bold = True
    d.add_paragraph("The General Assembly,")
    p = d.add_paragraph("Taking note of the report of the Secretary-General,")
    p.add_run("1").font.superscript = True
    d.add_paragraph().add_run("1.\tUrges States in bold;").bold = True
    p = d.add_paragraph()
    p.add_run("1").font.superscript = True
    p.add_run(" A/75/111.")
    buf = io.BytesIO()
    d.save(buf)
    cleaned = read_docx(buf.getvalue(), "h.docx", "accept").cleaned
    assert [(b.heading, b.number, b.text, b.footnotes) for b in cleaned.blocks] == [
        (True, None, "Crime prevention and criminal justice", ()),
        (True, None, "United Nations African Institute", ()),
        (False, None, "The General Assembly,", ()),
        (False, None, "Taking note of the report of the Secretary-General,", ("1",)),
        (False, "1", "Urges States in bold;", ()),
    ]
    assert [(f.mark, f.text) for f in cleaned.footnotes] == [("1", "A/75/111.")]
    doc = read_word(buf.getvalue())
    assert doc.title == "United Nations African Institute"
    assert [p.label for p in doc.paragraphs] == ["PP1", "OP1"]
    assert doc.paragraphs[0].footnotes == ("1",) and doc.footnotes[0].text == "A/75/111."


def test_a_paragraphs_lines_are_its_place_among_words_paragraphs(tmp_path: Path) -> None:
    """For a .docx, ``l.9`` (show) and "line 9" (warnings) name the 9th paragraph of the
    main text, counting every paragraph mark Word holds there (empty, table cells',
    hidden, tracked): ``ActiveDocument.Paragraphs(9)`` in Word, the 9th ¶ shown."""
    box = (
        '<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>'
        "<w:txbxContent><w:p><w:r><w:t>Noting the text box,</w:t></w:r></w:p>"
        "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    d = docx.Document()
    d.add_paragraph("A/C.3/80/L.5")  # 1
    d.add_paragraph("")  # 2: empty, still a paragraph mark
    d.add_paragraph("Crime prevention")  # 3
    d.add_paragraph("The General Assembly,")  # 4
    add_p(d, "<w:r><w:t>Recalling its resolution 73/188,</w:t></w:r>" + box)  # 5, and its box
    d.add_table(rows=2, cols=1).cell(0, 0).text = "Bearing in mind the table,"  # 6, 7
    add_p(d, "<w:r><w:rPr><w:vanish/></w:rPr><w:t>Hidden</w:t></w:r>")  # 8: not read
    deleted_mark = f'<w:pPr><w:rPr><w:del w:id="1" {AUTHOR}/></w:rPr></w:pPr>'
    add_p(d, deleted_mark + '<w:r><w:t xml:space="preserve">1. Urges States </w:t></w:r>')  # 9
    d.add_paragraph("to act;")  # 10: joined to 9, as its mark is deleted
    d.add_paragraph("3. Decides to remain seized.")  # 11
    path = tmp_path / "x.docx"
    d.save(str(path))
    doc = redline.parse(str(path))
    assert [(p.label, p.lines) for p in doc.paragraphs] == [
        ("PP1", (5, 5)), ("PP2", (5, 5)), ("PP3", (6, 6)), ("OP1", (9, 10)), ("OP3", (11, 11)),
    ]  # fmt: skip
    assert doc.title_lines == (3, 3)
    # an independent count: the main text's w:p in document order, text boxes left out
    body = docx.Document(str(path)).element.body
    main = [
        "".join(t.text or "" for t in p.iter(W + "t"))
        for p in body.iter(W + "p")
        if not any(a.tag == W + "txbxContent" for a in p.iterancestors())
    ]
    assert len(main) == 11
    for p in doc.paragraphs:  # a box's text is inside the paragraph holding it
        assert p.text.split()[0] in main[p.lines[0] - 1], p
    from redline.cli import main as cli_main

    result = CliRunner().invoke(cli_main, ["show", str(path)])
    assert re.search(r"OP1 +l\.9 +Urges States to act;", result.output), result.output
    assert f"{path}: OP3, line 11: operative numbering breaks" in result.output


def test_a_footnotes_lines_are_those_of_the_paragraph_citing_it(real: Comparison) -> None:
    back = read_back(render(real, OPTIONS), "accept")
    assert back.footnotes
    for f in back.footnotes:
        citing = [p for p in back.paragraphs if f.mark in p.footnotes]
        assert citing and f.lines == (citing[0].lines[1], citing[0].lines[1])


def test_reads_a_report_pandoc_wrote(tmp_path: Path) -> None:
    """A Word file from another writer: styles, list numbering, superscript markers."""
    from redline.model import fold

    require("pandoc")

    md = (EXAMPLES / "A_75_479.md").read_text(encoding="utf-8")
    source = tmp_path / "report.md"
    source.write_text(re.sub(r"<sup>([^<]*)</sup>", r"^\1^", md), encoding="utf-8")
    out = tmp_path / "report.docx"
    subprocess.run(["pandoc", str(source), "-f", "markdown", "-o", str(out)], check=True)
    for name in ("III", "IV"):
        want = redline.parse(f"{EXAMPLES / 'A_75_479.md'}#{name}")
        got = redline.parse(f"{out}#{name}")
        assert [(p.label, p.lead, fold(p.text)) for p in got.paragraphs] == [
            (p.label, p.lead, fold(p.text)) for p in want.paragraphs
        ]
        assert [fold(f.text) for f in got.footnotes] == [fold(f.text) for f in want.footnotes]


# --- what makes a report ------------------------------------------------------------

TITLES = ["Draft resolution II", "Draft resolution IV", "Crime prevention and criminal justice"]
HEADINGS = ["Draft resolution II", "Draft resolution III", "Annex", "Regional programmes"]


def word_draft(
    title: str, bold_title: bool, paras: list[tuple[str, str]], headings: dict[int, str]
) -> bytes:
    """A Word draft as a delegate types it (python-docx): symbol, sponsor line, the title
    (bold or not), "The General Assembly,", the paragraphs, and bold lines before some."""
    d = docx.Document()
    d.add_paragraph("A/C.3/80/L.5")
    d.add_paragraph("Chile and Peru: draft resolution")
    d.add_paragraph().add_run(title).bold = bold_title
    d.add_paragraph("The General Assembly,")
    op = sub = 0
    for k, (kind, text) in enumerate(paras):
        if k in headings:
            d.add_paragraph().add_run(headings[k]).bold = True
        if kind == "op":
            op, sub = op + 1, 0
            text = f"{op}.\t{text}"
        elif kind == "sub":
            sub += 1
            text = f"({'abcdefghijklmnopqrstuvwxyz'[sub - 1]})\t{text}"
        d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def shape(doc: Document) -> tuple[object, ...]:
    """What a round trip keeps: kind, title, labels, leads and texts (a report's too)."""
    return (
        doc.kind, doc.title, texts(doc),
        [(r.name, r.title, r.kind, texts(r)) for r in doc.resolutions],
    )  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(revised(), st.sampled_from(TITLES), st.booleans(), st.data())
def test_a_draft_titled_draft_resolution_ii_stays_a_draft(
    pair: tuple[list, list], title: str, bold: bool, data: st.DataObject
) -> None:
    """Only a report's structure makes a report: a draft whose title, bold or not, or a
    bold line of whose body reads "Draft resolution II" is a draft, in its source and
    in redline's .docx of it read back, with the same paragraphs and labels."""
    spots = st.dictionaries(st.integers(0, 9), st.sampled_from(HEADINGS), max_size=2)
    old_src = word_draft(title, bold, pair[0], data.draw(spots))
    new_src = word_draft(title, bold, pair[1], data.draw(spots))
    old, new = read_word(old_src, name="old.docx"), read_word(new_src, name="new.docx")
    assert (old.kind, new.kind) == (DocKind.DRAFT, DocKind.DRAFT)
    assert (old.title, new.title) == (title, title)
    out = render(redline.compare(old, new), OPTIONS)
    assert shape(read_back(out, "accept")) == shape(new)
    assert shape(read_back(out, "reject")) == shape(old)


def test_a_heading_before_a_preambular_paragraph_that_became_operative_stays_a_heading() -> None:
    """Old: PP1, PP2, a bold heading, OP1; new: PP2 became OP1 and the heading went. In
    the redline the deleted heading stands after the new OP1, yet in the old text it is
    still in the preamble: it is written bold, and Reject All reads it back as P1, not
    PP3 (a case hypothesis found)."""
    pp, op = ("pp", "Recalling Member States,"), ("op", "Urges Member States;")
    old = read_word(word_draft("Human rights", False, [pp, pp, op], {2: "Draft resolution II"}))
    new = read_word(word_draft("Human rights", False, [pp, op, op], {}))
    assert [p.label for p in old.paragraphs] == ["PP1", "PP2", "P1", "OP1"]
    out = render(redline.compare(old, new), OPTIONS)
    assert shape(read_back(out, "reject")) == shape(old)
    assert shape(read_back(out, "accept")) == shape(new)


def test_a_bold_title_draft_resolution_ii_is_the_title_not_a_report() -> None:
    source = word_draft("Draft resolution II", True, [("op", "Urges States to act;")], {})
    doc = read_word(source)
    assert (doc.kind, doc.title, [p.label for p in doc.paragraphs]) == (
        DocKind.DRAFT, "Draft resolution II", ["OP1"],
    )  # fmt: skip


def test_a_report_keeps_its_draft_resolutions_through_word() -> None:
    """A report's structure does make a report: its own header, then each "Draft
    resolution N" heading followed by its title; kept by a round trip."""
    text = (EXAMPLES / "A_75_479.md").read_text(encoding="utf-8")
    changed = text.replace("despite the resource constraints", "notwithstanding them", 1)
    old, new = redline.parse_text(text, "old.md"), redline.parse_text(changed, "new.md")
    assert [r.name for r in new.resolutions] == ["I", "II", "III", "IV"]
    out = render(redline.compare(old, new), OPTIONS)
    for tracked, want in (("accept", new), ("reject", old)):
        back = read_back(out, tracked)
        assert back.kind == DocKind.REPORT
        assert shape(back)[1:] == shape(want)[1:]


def test_corrupt_docx_is_an_input_error() -> None:
    data = b"PK\x03\x04" + b"word/" + b"\x00" * 100
    with pytest.raises(InputError, match="not a readable Word document"):
        read_docx(data, "bad.docx", "accept")


def test_parse_reads_a_docx_file(real: Comparison, tmp_path: Path) -> None:
    path = tmp_path / "redline.docx"
    path.write_bytes(render(real, OPTIONS))
    accepted = redline.parse(str(path))
    rejected = redline.parse(str(path), tracked="reject")
    assert accepted.format == "docx" and accepted.tracked_changes > 0
    assert accepted.counts()["preambular"] == 18 and accepted.counts()["operative"] == 24
    assert texts(accepted) == texts(real.new)
    assert texts(rejected) == texts(real.old)


def test_cli_writes_a_docx(tmp_path: Path) -> None:
    from redline.cli import main

    out = tmp_path / "out.docx"
    result = CliRunner().invoke(
        main,
        [
            "diff", str(EXAMPLES / "A_RES_73_188.txt"), str(EXAMPLES / "A_75_479.md") + "#IV",
            "-o", str(out), "--author", "Tester",
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    d = docx.Document(str(out))
    assert any(p.text == "The General Assembly," for p in d.paragraphs)
    authors = {el.get(W + "author") for el in d.element.body.iter(W + "ins", W + "del")}
    assert authors == {"Tester", "Tester (typographic)"}


def test_cli_show_reports_tracked_changes(real: Comparison, tmp_path: Path) -> None:
    from redline.cli import main

    path = tmp_path / "redline.docx"
    path.write_bytes(render(real, OPTIONS))
    n = read_docx(path.read_bytes(), str(path), "accept").tracked
    assert n > 0
    result = CliRunner().invoke(main, ["show", str(path)])
    assert result.exit_code == 0, result.output
    assert f"tracked changes: {n}" in result.output


# --- verify-tracked -------------------------------------------------------------------


def untracked_edit(data: bytes, old: str, new: str, part: str = "word/document.xml") -> bytes:
    """The same .docx with `old` replaced by `new` in plain (untracked) text."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == part:
                assert old.encode() in blob
                blob = blob.replace(old.encode(), new.encode(), 1)
            dst.writestr(info, blob)
    return out.getvalue()


def verify(submitted: Path, base: Path) -> tuple[int, str]:
    from redline.cli import main

    result = CliRunner().invoke(main, ["verify-tracked", str(submitted), str(base)])
    return result.exit_code, result.output


def test_verify_tracked(real: Comparison, tmp_path: Path) -> None:
    base = EXAMPLES / "A_RES_73_188.txt"
    good = tmp_path / "good.docx"
    good.write_bytes(render(real, OPTIONS))
    code, out = verify(good, base)
    assert code == 0, out
    # PP17's apostrophe (region’s -> region's) is a tracked change too, named as such
    assert re.search(
        r"\d+ tracked changes in PP1, PP2, PP9, PP15, PP16, PP17 \(typographic\), OP2", out
    ), out
    assert "all changes are tracked" in out

    bad = tmp_path / "bad.docx"
    bad.write_bytes(untracked_edit(good.read_bytes(), ">Commends</w:t>", ">Praises</w:t>"))
    code, out = verify(bad, base)
    assert code == 1, out
    assert "1 untracked change " in out
    assert "  OP1: changed: -[Commends] +[Praises]" in out

    bad.write_bytes(
        untracked_edit(
            good.read_bytes(), ">Resolution 70/1.<", ">Resolution 70/2.<", "word/footnotes.xml"
        )
    )
    code, out = verify(bad, base)
    assert code == 1, out
    assert "  OP4: changed: footnote 2: -[70/1] +[70/2]" in out

    code, out = verify(good, EXAMPLES / "A_RES_75_197.txt")  # not the base it was made from
    assert code == 1 and "untracked changes" in out


def test_verify_tracked_needs_a_docx(tmp_path: Path) -> None:
    base = EXAMPLES / "A_RES_73_188.txt"
    code, _ = verify(base, base)
    assert code == 2
    corrupt = tmp_path / "corrupt.docx"
    corrupt.write_bytes(b"PK\x03\x04word/" + b"\x00" * 64)
    code, _ = verify(corrupt, base)
    assert code == 2


# --- an independent reader: pandoc ---------------------------------------------------


def pandoc_paragraphs(path: Path, tracked: str) -> tuple[list[str], list[str]]:
    """Paragraphs (footnote references dropped) and footnote texts, as pandoc reads them."""
    out = subprocess.run(
        ["pandoc", f"--track-changes={tracked}", "-t", "plain", "--wrap=none", str(path)],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    blocks = [" ".join(b.split()) for b in out.split("\n\n") if b.strip()]
    notes = [re.sub(r"^\[\d+\]\s*", "", b) for b in blocks if re.match(r"\[\d+\]", b)]
    paras = [re.sub(r"\[\d+\]", "", b) for b in blocks if not re.match(r"\[\d+\]", b)]
    return paras, notes


def printed(doc: Document) -> tuple[list[str], list[str]]:
    """Each paragraph as printed (``5. Urges …``), and the footnotes they cite."""
    paras = []
    for p in doc.paragraphs:
        number = f"{p.number}." if (p.number or "").isdigit() else (p.number or "")
        paras.append(" ".join(f"{number} {p.text}".split()))
    notes = [f.text for p in doc.paragraphs for m in p.footnotes if (f := doc.footnote(m))]
    return paras, notes


def printed_with_marks(doc: Document) -> list[str]:
    """Each paragraph as printed, as a pattern with a footnote number where each of its
    marks stands (at the end when the reader did not say): what LibreOffice's text shows.

    >>> from redline.model import ParaKind, Paragraph
    >>> p = Paragraph("OP5", ParaKind.OPERATIVE, "5", "", "Urges States, all", ("1",), marks_at=(13,))
    >>> [w] = printed_with_marks(Document("x", "text", DocKind.RESOLUTION, paragraphs=(p,)))
    >>> bool(re.fullmatch(w, "5. Urges States,1 all")), bool(re.fullmatch(w, "5. Urges States, all"))
    (True, False)
    """
    out = []
    for p in doc.paragraphs:
        number = f"{p.number}." if (p.number or "").isdigit() else (p.number or "")
        at = p.marks_at or (len(p.text),) * len(p.footnotes)
        pieces, last = [], 0
        for o in at:
            pieces.append(re.escape(p.text[last:o]))
            last = o
        pieces.append(re.escape(p.text[last:]))
        out.append(re.escape(f"{number} " if number else "") + r"\d+".join(pieces))
    return out


def test_pandoc_accepts_and_rejects_the_same(real: Comparison, tmp_path: Path) -> None:
    require("pandoc")
    path = tmp_path / "redline.docx"
    path.write_bytes(render(real, OPTIONS))
    for tracked, doc in (("accept", real.new), ("reject", real.old)):
        paras, notes = pandoc_paragraphs(path, tracked)
        want_paras, want_notes = printed(doc)
        assert paras[-len(want_paras) :] == want_paras
        assert notes == want_notes


# --- LibreOffice, with its Python bridge ----------------------------------------------

UNO_CLIENT = """
import os, sys, time
import uno
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p

pipe, src, mode, out = sys.argv[1:5]
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
for _ in range(120):
    try:
        ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        break
    except Exception:
        time.sleep(0.5)
else:
    sys.exit(3)
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
url = uno.systemPathToFileUrl(os.path.abspath(src))
doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
helper = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
verb = "Accept" if mode == "accept" else "Reject"
helper.executeDispatch(doc.getCurrentController().getFrame(), f".uno:{verb}AllTrackedChanges", "", 0, ())
target = uno.systemPathToFileUrl(os.path.abspath(out))
doc.storeToURL(target, (prop("FilterName", "Text (encoded)"), prop("FilterOptions", "UTF8,LF")))
doc.close(True)
print("done")
"""
UNO_PATH = "/usr/lib/python3/dist-packages:/usr/lib/libreoffice/program"


def test_libreoffice_accept_all_and_reject_all(real: Comparison, tmp_path: Path) -> None:
    """Word's twin: LibreOffice's Accept All gives the new text, Reject All the old one."""
    require("soffice")
    if not Path("/usr/lib/python3/dist-packages/uno.py").exists():
        unavailable("LibreOffice's Python bridge not found (apt-get install python3-uno)")
    path = tmp_path / "redline.docx"
    path.write_bytes(render(real, OPTIONS))
    client = tmp_path / "client.py"
    client.write_text(UNO_CLIENT, encoding="utf-8")
    pipe = f"redline{os.getpid()}"
    office = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo",
         f"-env:UserInstallation=file://{tmp_path}/profile", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for tracked, doc in (("accept", real.new), ("reject", real.old)):
            out = tmp_path / f"{tracked}.txt"
            for _ in range(3):  # the bridge sometimes dies on exit, after writing
                try:
                    run = subprocess.run(
                        ["/usr/bin/python3", str(client), pipe, str(path), tracked, str(out)],
                        env={**os.environ, "PYTHONPATH": UNO_PATH}, capture_output=True,
                        timeout=120,
                    )  # fmt: skip
                except subprocess.TimeoutExpired:
                    continue
                if out.exists() and b"done" in run.stdout:
                    break
            else:
                unavailable("LibreOffice did not answer")
            lines = [" ".join(ln.split()) for ln in out.read_text("utf-8-sig").split("\n")]
            lines = [ln for ln in lines if ln]
            want = printed_with_marks(doc)
            got = lines[-len(want) :]
            assert [g for w, g in zip(want, got, strict=True) if not re.fullmatch(w, g)] == []
    finally:
        office.terminate()
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


def colour_pixels(ppm: bytes) -> int:
    """Pixels of a binary PPM that are clearly coloured, not black, grey or white."""
    head = re.match(rb"P6\s+(\d+)\s+(\d+)\s+255\s", ppm)
    assert head, ppm[:20]
    data = ppm[head.end() :]
    assert len(data) == int(head[1]) * int(head[2]) * 3
    return sum(
        max(rgb) - min(rgb) > 80 for rgb in zip(data[0::3], data[1::3], data[2::3], strict=True)
    )


def test_libreoffice_prints_the_redline_to_pdf(real: Comparison, tmp_path: Path) -> None:
    """The Word redline opens in LibreOffice and prints, its tracked changes shown."""
    require("soffice", "pdfinfo", "pdftotext", "pdftoppm")
    path = tmp_path / "redline.docx"
    path.write_bytes(render(real, OPTIONS))
    start = time.monotonic()
    try:
        run = subprocess.run(
            ["soffice", "--headless", "--norestore", "--nologo",
             f"-env:UserInstallation=file://{tmp_path}/profile",
             "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
            capture_output=True, text=True, timeout=180,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        unavailable("LibreOffice did not answer in 180 s")
    seconds = time.monotonic() - start
    pdf = tmp_path / "redline.pdf"
    assert run.returncode == 0 and pdf.exists(), run.stdout + run.stderr
    assert pdf.read_bytes().startswith(b"%PDF-")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(re.search(r"^Pages:\s+(\d+)$", info.stdout, re.M)[1])  # type: ignore[index]
    print(f"LibreOffice: {pages} pages in {seconds:.1f} s")
    assert pages >= 4
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = " ".join(text.split())
    assert "United Nations African Institute" in text
    # both sides of the changes are printed: OP21 of 73/188 (Lilongwe), deleted, and the
    # new PP15 (Addis Ababa), inserted; the new symbol next to the old one
    assert "Addis Ababa on 18 February 2020" in text
    assert "Lilongwe on 29 May 2015" in text
    assert "A/RES/73/188A/C.3/75/L.11" in text
    # page 1 as a picture, and its change marks in colour
    subprocess.run(
        ["pdftoppm", "-r", "60", "-f", "1", "-l", "1", "-png", "-singlefile", str(pdf),
         str(tmp_path / "page1")],
        check=True,
    )  # fmt: skip
    png = (tmp_path / "page1.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 5_000
    ppm = subprocess.run(
        ["pdftoppm", "-r", "60", "-f", "1", "-l", "1", str(pdf)], capture_output=True, check=True
    ).stdout
    assert colour_pixels(ppm) > 200


def test_a_title_longer_than_the_core_properties_hold_is_cut() -> None:
    """A/RES/79/190's title runs past 255 characters, python-docx's limit for the
    document's title property (it raised ValueError): the .docx is written, the
    property cut with an ellipsis, the title in the body whole."""
    from redline import compare

    un = Path(__file__).parent / "fixtures" / "un"
    old, new = (
        redline.parse(str(un / "A_RES_79_189.txt")),
        redline.parse(str(un / "A_RES_79_190.txt")),
    )
    assert len(new.title) > 255
    data = render(compare(old, new), RenderOptions())
    package = zipfile.ZipFile(io.BytesIO(data))
    core = package.read("docProps/core.xml").decode()
    assert "<dc:title>Preventing and combating corrupt practices" in core and "…</dc:title>" in core
    assert new.title[-60:] in package.read("word/document.xml").decode()
