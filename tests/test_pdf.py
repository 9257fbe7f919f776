"""PDF input on the whole real corpus: tests/corpus/pdf (131 UN PDFs, 78th-80th sessions).

Each PDF is read from the page (redline.pdf, redline.parser.layout) and checked
against the PyMuPDF extraction of the same file, an independent witness:
the operative sequence it prints, and every body word it holds. Exceptions, with
their reason, are in tests/corpus/pdf_known_exceptions.tsv.
"""

from __future__ import annotations

import functools
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redline.errors import InputError
from redline.model import Document, ParaKind
from redline.parser.load import load
from redline.pdf import Run

CORPUS = Path(__file__).parent / "corpus" / "pdf"
PDFS = sorted(CORPUS.glob("*.pdf"))
EXAMPLE = Path(__file__).parent.parent / "examples" / "A_RES_79_16.pdf"
KNOWN = {
    tuple(line.split("\t")[:2])
    for line in (Path(__file__).parent / "corpus" / "pdf_known_exceptions.tsv")
    .read_text()
    .splitlines()
    if line and not line.startswith("#")
}
_PLENARY = re.compile(r"(?m)^\s*\d+(?:st|nd|rd|th) (?:\(resumed\) )?plenary meeting")


@functools.cache
def parsed(path: Path) -> Document:
    return load(str(path))


def witness(path: Path) -> str:
    """The PyMuPDF text after "The General Assembly" (an amendment's: after its sponsor
    line), up to the closing plenary line."""
    text = path.with_suffix(".pymupdf.txt").read_text()
    ga = re.search(r"(?m)^\s*The General Assembly", text) or re.search(
        r":\s*\*?\s*amendment to draft resolution [AES]/\S+", text
    )
    body = text[ga.end() :] if ga else text
    end = _PLENARY.search(body)
    return body[: end.start()] if end else body


def _docs(doc: Document) -> tuple[Document, ...]:
    return doc.resolutions or (doc,)


def test_the_corpus_is_all_there():
    assert len(PDFS) == 131


_ROMANS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_NUMBER_OR_SECTION = re.compile(r"(?m)^\s*(?:(\d{1,3})\.\s|([IVX]+)\s*$)")


def printed_operative_count(text: str) -> int:
    """The numbers 1., 2., 3. … that the text prints in sequence, counted per section:
    after a line holding only the next section's numeral (``II``), the sequence may
    start again at 1 (or go on).

    >>> printed_operative_count("I\\n1. a\\n2. b\\n1. c\\nII\\n1. d\\n2. e\\n4. f\\n3. g\\n")
    5
    """
    count = last = section = 0
    restart = False
    for m in _NUMBER_OR_SECTION.finditer(text):
        if m.group(2):
            if m.group(2) in _ROMANS and _ROMANS.index(m.group(2)) == section:
                section, restart = section + 1, True
            continue
        n = int(m.group(1))
        if n == last + 1 or (restart and n == 1):
            count, last, restart = count + 1, n, False
    return count


@pytest.mark.parametrize("path", PDFS, ids=[p.stem for p in PDFS])
def test_operative_sequence_matches_the_printed_one(path):
    """As many operative paragraphs as the page numbers 1., 2., 3. in sequence (per
    section: a section's numbers may start again at 1)."""
    printed = printed_operative_count(witness(path))
    got = sum(p.kind == ParaKind.OPERATIVE for d in _docs(parsed(path)) for p in d.paragraphs)
    if (path.stem, "operative_count") in KNOWN:
        assert got != printed, "a known exception now passes: remove it from the list"
    else:
        assert got == printed


@pytest.mark.parametrize("path", PDFS, ids=[p.stem for p in PDFS])
def test_every_body_word_is_in_a_paragraph_or_footnote(path):
    """Nothing lost: each word of the witness's body is in the parse as often."""
    doc = parsed(path)

    def words(text: str) -> Counter[str]:
        return Counter(
            w for w in re.findall(r"[^\W\d_]{3,}", text.lower()) if not re.fullmatch(r"[ivxl]+", w)
        )

    parts = [p.text for d in _docs(doc) for p in d.paragraphs] + [n.text for n in doc.footnotes]
    parts += [d.title for d in _docs(doc)] + ["the general assembly"]
    missing = (
        words(witness(path)) - words(" ".join(parts)) - words(" ".join(x.text for x in doc.dropped))
    )
    assert not missing


@pytest.mark.parametrize("path", PDFS, ids=[p.stem for p in PDFS])
def test_no_page_furniture_in_the_text_and_every_mark_has_its_note(path):
    doc = parsed(path)
    job = re.compile(r"\b\d\d-\d{5}\b|\*\d{7}\*|\bPlease recycle\b")
    for d in _docs(doc):
        for p in d.paragraphs:
            assert not job.search(p.text), (p.label, p.text)
    assert doc.dropped, "a UN PDF always has a job number and page numbers to leave out"
    notes = {n.mark for n in doc.footnotes}
    cited = {m for d in _docs(doc) for p in d.paragraphs for m in p.footnotes}
    assert cited <= notes
    for d in _docs(doc):
        for p in d.paragraphs:
            assert len(p.marks_at) == len(p.footnotes)
            assert all(0 <= at <= len(p.text) for at in p.marks_at)


def test_a_mark_stands_after_its_word_and_is_never_glued_to_a_number():
    doc = parsed(EXAMPLE)
    pp2 = next(p for p in doc.paragraphs if p.label == "PP2")
    assert pp2.footnotes == ("1",)
    assert pp2.text[: pp2.marks_at[0]].endswith(
        "of the Final Document of the Tenth Special Session of the General Assembly,"
    )
    assert doc.footnotes[0].text == "Resolution S-10/2."
    assert not re.search(r"\d{5}", " ".join(p.text for p in doc.paragraphs))


def test_the_example_reads_as_the_resolution_it_is():
    doc = parsed(EXAMPLE)
    assert (doc.symbol, doc.kind.value) == ("A/RES/79/16", "resolution")
    assert (
        doc.title == "Establishment of a nuclear-weapon-free zone in the region of the Middle East"
    )
    assert [p.label for p in doc.paragraphs][:2] == ["PP1", "PP2"]
    assert doc.counts()["operative"] == 12
    assert {d.reason for d in doc.dropped} == {"running head", "footer"}


# --- bad PDFs: one line, exit 2 ------------------------------------------------------


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "redline", *args], capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize(
    "data",
    [
        EXAMPLE.read_bytes()[:5000],  # truncated
        b"%PDF-1.7\n" + bytes(range(256)) * 20,  # garbage after the header
        b"%PDF-1.4\n%%EOF\n",
    ],
    ids=["truncated", "garbage", "empty-body"],
)
def test_a_broken_pdf_is_one_line_and_exit_2(tmp_path, data):
    bad = tmp_path / "L.11.pdf"
    bad.write_bytes(data)
    proc = _cli("show", str(bad))
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("redline: error: ")
    assert "PDF" in proc.stderr


def _pdf(*objs: bytes) -> bytes:
    """A PDF of these objects (1 0 obj the catalogue), with its cross-reference table."""
    out = b"%PDF-1.4\n"
    offsets = []
    for k, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


def test_a_pdf_without_text_is_refused_as_a_scan(tmp_path):
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(
        _pdf(
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
        )
    )
    with pytest.raises(InputError, match="no text layer"):
        load(str(scan))


def test_a_page_that_cannot_be_loaded_is_named_not_taken_for_a_scan(tmp_path):
    """A page tree whose only kid is itself: PDFium counts a page it cannot load."""
    loop = tmp_path / "loop.pdf"
    loop.write_bytes(
        _pdf(b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>")
    )
    proc = _cli("show", str(loop))
    assert (proc.returncode, proc.stdout) == (2, "")
    assert (
        proc.stderr
        == f"redline: error: {loop}: not a readable PDF: page 1 of 1 cannot be loaded (damaged?)\n"
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_damaged_real_pdf_reads_or_is_refused_never_crashes(data):
    raw = bytearray(EXAMPLE.read_bytes())
    for _ in range(data.draw(st.integers(1, 20))):
        at = data.draw(st.integers(0, len(raw) - 1))
        raw[at] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(len(raw) // 2, len(raw)))
    try:
        doc = load_bytes(bytes(raw[:cut]))
    except InputError as e:
        assert "\n" not in str(e)
    else:
        assert doc.format in ("pdf", "pdf-text", "plain", "markdown")


def load_bytes(data: bytes) -> Document:
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data)
        f.flush()
        return load(f.name)


def test_diff_of_two_real_pdfs(tmp_path):
    old, new = EXAMPLE, EXAMPLE.with_name("A_C.1_80_L.1.pdf")
    proc = _cli("diff", str(old), str(new), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    import json

    out = json.loads(proc.stdout)
    assert out["old"]["symbol"] == "A/RES/79/16" and out["new"]["symbol"] == "A/C.1/80/L.1"


def test_show_explain_lists_each_line_left_out_by_page_and_why():
    proc = _cli("show", str(EXAMPLE), "--explain")
    assert proc.returncode == 0, proc.stderr
    assert "left out as page furniture: 8 lines on 3 pages" in proc.stdout
    assert (
        "page 2   running head A/RES/79/16 Middle East  (above the rule under the running head)"
        in proc.stdout
    )
    assert "page 1   footer       24-21677 (E)  (in the bottom 6.6% of the page)" in proc.stdout
    plain = _cli("show", str(EXAMPLE))
    assert "(--explain lists them)" in plain.stdout and "page 1   footer" not in plain.stdout


def test_show_json_has_the_dropped_lines_and_where_each_mark_stands():
    import json

    out = json.loads(_cli("show", str(EXAMPLE), "--format", "json").stdout)
    barcode = {"page": 1, "reason": "footer", "text": "*2421677*"}
    assert {**barcode, "where": "in the bottom 6.6% of the page"} in out["dropped"]
    head = [d for d in out["dropped"] if d["reason"] == "running head"]
    assert {d["where"] for d in head} == {"above the rule under the running head"}
    pp2 = out["paragraphs"][1]
    assert pp2["footnotes"] == ["1"] and pp2["text"][: pp2["marks_at"][0]].endswith("Assembly,")


def test_a_star_note_beside_the_first_pages_barcode_is_a_note_not_footer():
    doc = parsed(CORPUS / "A_80_L.27.pdf")
    assert [n.mark for n in doc.footnotes][:1] == ["*"]
    assert not any(d.text.startswith("*") and "Any" in d.text for d in doc.dropped)


def test_a_two_digit_mark_printed_as_two_objects_is_one_mark():
    doc = parsed(CORPUS / "A_C.2_80_L.38.pdf")
    pp17 = next(p for p in doc.paragraphs if p.label == "PP17")
    assert "10" in pp17.footnotes and "0" not in pp17.footnotes
    at = pp17.marks_at[pp17.footnotes.index("10")]
    assert pp17.text[:at].endswith("Convention on Climate Change")


# --- every command takes a PDF --------------------------------------------------------

ADOPTED = CORPUS / "A_RES_80_17.pdf"  # adopted from the example draft, unchanged
DRAFT = EXAMPLE.with_name("A_C.1_80_L.1.pdf")


def test_check_a_pdf_draft_against_the_pdf_it_was_adopted_as():
    proc = _cli("check", str(DRAFT), str(ADOPTED))
    assert (proc.returncode, proc.stdout.strip().splitlines()[-1]) == (0, "match")


def test_check_manifest_pairs_may_be_pdfs(tmp_path):
    manifest = tmp_path / "m.toml"
    manifest.write_text(f'[[pair]]\ncandidate = "{DRAFT}"\nadopted = "{ADOPTED}"\n')
    proc = _cli("check", "--manifest", str(manifest))
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_sponsors_of_a_pdf_draft():
    proc = _cli("sponsors", str(DRAFT))
    assert proc.returncode == 0 and "original: Egypt" in proc.stdout


def test_verify_tracked_takes_a_pdf_base(tmp_path):
    out = tmp_path / "redline.docx"
    assert _cli("diff", str(EXAMPLE), str(DRAFT), "-f", "docx", "-o", str(out)).returncode == 0
    proc = _cli("verify-tracked", str(out), str(EXAMPLE))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "all changes are tracked" in proc.stdout


@pytest.mark.parametrize(
    ("name", "amends", "first"),
    [
        ("A_80_L.20", "A/80/L.18", "Delete operative paragraph 9."),
        ("A_C.3_80_L.58", "A/C.3/80/L.50", "In the twenty-eighth preambular paragraph, delete"),
    ],
)
def test_an_amendment_reads_as_its_header_title_and_instructions(name, amends, first):
    """No "The General Assembly,": the masthead and sponsor line are the header, the
    draft's title the title, and only the instructions are paragraphs."""
    doc = parsed(CORPUS / f"{name}.pdf")
    assert doc.kind.value == "amendment"
    assert doc.symbol == name.replace("_", "/")
    assert doc.sponsors.original == ("Russian Federation",)
    assert doc.sponsors.text.endswith(f"amendment to draft resolution {amends}")
    assert doc.warnings == ()
    assert [p.label for p in doc.paragraphs] == ["P1"]
    assert doc.paragraphs[0].text.startswith(first)
    assert not any("United Nations" in p.text or "Distr." in p.text for p in doc.paragraphs)


@pytest.mark.parametrize("name", ["A_80_L.20", "A_C.3_80_L.58"])
def test_an_amendment_reads_the_same_from_its_pdf_and_its_extracted_texts(name, tmp_path):
    pdf = parsed(CORPUS / f"{name}.pdf")
    plain = tmp_path / f"{name}.txt"
    subprocess.run(["pdftotext", str(CORPUS / f"{name}.pdf"), str(plain)], check=True)
    for path in (CORPUS / f"{name}.pymupdf.txt", plain):
        doc = load(str(path))
        assert (doc.kind, doc.symbol, doc.title) == (pdf.kind, pdf.symbol, pdf.title)
        assert doc.sponsors.original == pdf.sponsors.original
        assert [p.text for p in doc.paragraphs] == [p.text for p in pdf.paragraphs]
        assert [n.text for n in doc.footnotes] == [n.text for n in pdf.footnotes]


def test_a_list_item_wrapped_under_its_hanging_indent_is_one_paragraph():
    """A/C.2/80/L.60's programme of work and A/RES/79/323's lists print an item's
    wrapped lines indented under its text: they continue the item, not new paragraphs."""
    l60 = {p.label: p.text for p in parsed(CORPUS / "A_C.2_80_L.60.pdf").paragraphs}
    assert l60["OP2(d)"].endswith("on assets return to foster sustainable development;")
    assert l60["OP2(f)"].endswith("international tax cooperation at the United Nations;")
    assert l60["OP4(b)"].endswith("A Renewed Declaration for Resilient Prosperity;")
    assert not any(t in ("development;", "United Nations;", "Prosperity;") for t in l60.values())
    texts = [p.text for p in parsed(CORPUS / "A_RES_79_323.pdf").paragraphs]
    assert (
        "To focus on sustainable development impact as well as on quantity and degree of leverage;"
        in texts
    )
    assert "degree of leverage;" not in texts


def _numbers(*texts: str) -> list[str | None]:
    """The paragraph numbers the PDF reader gives lines printed a paragraph apart."""
    from redline.parser.layout import Line, _blocks

    lines = [Line(1, 72, 500, 100 + 30 * i, 12, t, False, number=i) for i, t in enumerate(texts)]
    return [b.number for b in _blocks(lines)]


def test_a_first_operative_number_printed_without_its_full_stop_is_still_op1():
    """ "1" without its full stop (the stop's glyph missing from the page) opens OP1
    when the next operative number is 2, as "6" does after 5."""
    assert _numbers("Recalling its resolutions,", "1 Urges all parties;", "2. Decides.") == [
        None,
        "1",
        "2",
    ]
    assert _numbers("1. Notes;", "2. Urges;", "3 Requests;", "4. Decides.")[2] == "3"
    # no "2." after it, or a date: not an operative number
    assert _numbers("Recalling its resolutions,", "1 Urges all parties.") == [None, None]
    assert _numbers("1 January 2025 marked the start,", "2. Decides.")[0] is None


RESOLUTIONS = [p for p in PDFS if p.name.startswith("A_RES_")]


@pytest.mark.parametrize("path", RESOLUTIONS, ids=lambda p: p.stem)
def test_an_adopted_resolution_shows_its_closing_line_read_alike_from_pdf_and_text(path):
    """The closing "81st plenary meeting" / "30 June 2025" is neither a paragraph nor furniture:
    `show` names it as the closing line, the same from the page and from PyMuPDF's text."""
    closing = parsed(path).closing
    assert _PLENARY.match(closing), closing
    assert load(str(path.with_suffix(".pymupdf.txt"))).closing == closing


def test_a_footnote_continued_at_the_foot_of_the_next_page_is_one_note():
    """The PDF reader's footnote areas, page by page: a line that opens with no mark
    goes on with the note before it, across the page break (no corpus PDF has one;
    the text reader's case is test_pdftext_pages.test_a_note_continued_on_the_next_page_is_one_note)."""
    from redline.parser.layout import Line, _footnotes, _Page

    def note(page: int, text: str, mark: str | None = None) -> Line:
        marks = [(0, mark)] if mark else []
        return Line(page, 72, 500, 700, 9, text, False, marks=marks)

    pages = [
        _Page([], [], [note(1, "A/79/1, annex, sect. II,", "8")], []),
        _Page([], [], [note(2, "para. 12."), note(2, "Resolution 217 A (III).", "9")], []),
    ]
    assert [(m, [ln.text for ln in lines]) for m, lines in _footnotes(pages)] == [
        ("8", ["A/79/1, annex, sect. II,", "para. 12."]),
        ("9", ["Resolution 217 A (III)."]),
    ]


@pytest.mark.parametrize("suffix", [".pdf", ".pymupdf.txt"])
def test_a_document_adopted_inline_keeps_its_own_labels(suffix):
    """A/RES/80/173 adopts an outcome document printed right after its one clause
    ("Adopts the following outcome document …:"): the clause is a plain paragraph, not
    PP1, and the document's paragraphs carry the labels its negotiators use: its
    preamble opens at PP1 ("We, the Ministers …"), its paragraph 127 is OP127."""
    doc = load(str(CORPUS / f"A_RES_80_173{suffix}"))
    first = doc.paragraphs[0]
    assert (first.label, first.kind) == ("P1", ParaKind.OTHER)
    assert first.text.startswith("Adopts the following outcome document")
    pp = [p for p in doc.paragraphs if p.kind == ParaKind.PREAMBULAR]
    assert pp[0].label == "PP1" and pp[0].text.startswith("We, the Ministers")
    assert [p.lead for p in pp[1:4]] == ["Recalling", "Reaffirming", "Welcoming"]
    ops = [p.label for p in doc.paragraphs if p.kind == ParaKind.OPERATIVE]
    assert ops == [f"OP{n}" for n in range(1, 128)]


@pytest.mark.parametrize("path", [EXAMPLE, *PDFS[::20]], ids=lambda p: p.stem)
def test_pdfium_keeps_each_text_objects_characters_together(path):
    """What `redline.pdf._runs` rests on to ask one text object a word: a word whose next
    word starts in its object lies wholly in it. PDFium appends an object's characters
    in one go; a PDFium that interleaved them would fail here, not misread words."""
    import ctypes

    from redline import pdf

    lib = pdf._lib()
    data = path.read_bytes()
    buf = ctypes.create_string_buffer(data, len(data))
    doc = lib.FPDF_LoadMemDocument64(buf, len(data), None)
    try:
        for k in range(lib.FPDF_GetPageCount(doc)):
            page = lib.FPDF_LoadPage(doc, k)
            tp = lib.FPDFText_LoadPage(page)
            objects = [
                lib.FPDFText_GetTextObject(tp, i) for i in range(lib.FPDFText_CountChars(tp))
            ]
            lib.FPDFText_ClosePage(tp)
            lib.FPDF_ClosePage(page)
            runs = [o for i, o in enumerate(objects) if o and (i == 0 or objects[i - 1] != o)]
            assert len(runs) == len(set(runs)), f"page {k + 1}: an object's characters are split"
    finally:
        lib.FPDF_CloseDocument(doc)


def _run(baseline: float, size: float, x0: float = 0.0) -> Run:
    return Run("5", x0, x0 + 3, baseline, size, False, False, " ")


_RUNS = st.lists(
    st.builds(
        _run,
        st.sampled_from([100.0, 101.0, 102.5, 110.0, 112.0, 130.0, 700.0]),
        st.sampled_from([6.0, 10.0, 12.0]),
        st.sampled_from([0.0, 50.0, 300.0]),
    ),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(_RUNS, _RUNS.filter(bool))
def test_regrouping_with_small_print_spares_the_lines_above_it_and_changes_none(normal, extra):
    """`layout._regroup` groups again only the lines from the highest small-print run down:
    the lines are those of grouping every run again, whatever the ties and sizes."""
    from redline.parser.layout import _extent, _group, _regroup

    groups = _group(normal)
    assert _regroup(groups, _extent(groups), extra) == (
        _group(normal + extra),
        _extent(_group(normal + extra)),
    )


@given(
    st.lists(st.tuples(st.sampled_from([9.96, 10.0, 10.04, 11.98, 12.0, 7.0]), st.integers(0, 9)))
)
def test_the_commonest_size_is_counted_per_run_rounded_to_a_tenth_first_seen_of_equals(runs):
    """`layout._commonest` counts by exact size, then rounds once a size: the same size as
    counting each run's characters at its size rounded to a tenth, ties to the first seen."""
    from redline.parser.layout import _commonest

    per_run: Counter[float] = Counter()
    by_size: dict[float, int] = {}
    for size, n in runs:
        per_run[round(size, 1)] += n
        by_size[size] = by_size.get(size, 0) + n
    if runs:
        assert _commonest(by_size) == per_run.most_common(1)[0][0]


@pytest.mark.parametrize("name", ["A_RES_80_246", "A_RES_78_256", "A_RES_79_261", "A_C.5_80_L.8"])
@pytest.mark.parametrize("suffix", [".pdf", ".pymupdf.txt"])
def test_resolves_that_introduces_the_numbered_provisions_and_is_no_preamble(name, suffix):
    """The Working Capital Fund resolutions have no preamble: "Resolves that:" opens the
    operative part, whose provisions are numbered 1, 2, … without verbs of their own."""
    doc = load(str(CORPUS / f"{name}{suffix}"))
    first = doc.paragraphs[0]
    assert (first.label, first.kind, first.text) == ("P1", ParaKind.OTHER, "Resolves that:")
    assert not [p for p in doc.paragraphs if p.kind == ParaKind.PREAMBULAR]
    assert doc.paragraphs[1].label == "OP1"
