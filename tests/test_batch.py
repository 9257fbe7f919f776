"""``redline batch`` (issue 19): a folder against a folder, each pair found, compared
and listed in index.html / index.json / index.csv with the counts ``redline diff`` gives."""

from __future__ import annotations

import base64
import csv
import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest

from redline.batch import Options, collect, read_one, run
from redline.compare import compare
from redline.parser.load import load
from tests.test_cli import assert_one_line_error, redline_cli

UN = Path(__file__).parent / "fixtures" / "un"
EPOCH = "1767225600"  # 2026-01-01: every page prints this date, whatever the clock

SMALL = [  # a chain of versions and a text without predecessor, quick to compare
    "A_RES_78_6.txt", "A_RES_79_6.txt", "A_80_L.9.txt", "A_RES_80_6.txt",
    "A_C.2_80_L.2.txt", "A_C.2_80_L.43.txt", "A_RES_80_146.txt", "A_RES_78_186.txt",
]  # fmt: skip


@pytest.fixture()
def small(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in SMALL:
        shutil.copy(UN / name, folder / name)
    return folder


@pytest.fixture(autouse=True)
def _epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def un_index(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:  # type: ignore[type-arg]
    out = tmp_path_factory.mktemp("un") / "out"
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
    try:
        r = redline_cli("batch", UN, UN, "-o", out, "--jobs", "2")
    finally:
        mp.undo()
    assert r.exit_code == 0, r.output
    assert r.stderr.splitlines()[-1].startswith("redline batch: 43 new texts: 25 compared")
    return out, json.loads((out / "index.json").read_text("utf-8"))


def test_un_folder_against_itself(un_index: tuple[Path, dict]) -> None:  # type: ignore[type-arg]
    out, index = un_index
    assert index["schema"] == "redline-batch/1"
    # A/80/L.9 -> A/RES/80/6 differs only by extraction noise (eighty -first): typographic;
    # A/C.3/80/L.30 -> A/RES/80/222 only by 'so-called' / 'so called' (a hyphen as a space);
    # A/C.3/80/L.7 -> A/RES/80/225 only by 'Secretary General' / 'SecretaryGeneral' (camel)
    assert index["counts"] == {"texts": 43, "pairs": 25, "differ": 21, "check_differs": 0,
                               "unmatched": 18, "failed": 0}  # fmt: skip
    by_new = {p["new_symbol"]: p for p in index["pairs"]}
    assert by_new["A/RES/80/6"]["old_symbol"] == "A/80/L.9"
    assert by_new["A/RES/80/6"]["how"] == "header"
    assert by_new["A/C.3/80/L.30"]["how"] == "recalls"
    assert not by_new["A/RES/80/222"]["differs"]
    assert not by_new["A/RES/80/225"]["differs"]
    for p in index["pairs"]:
        assert set(p) >= {"old", "new", "old_symbol", "new_symbol", "how", "similarity",
                          "summary", "sponsors", "page"}  # fmt: skip
        assert (out / p["page"]).is_file()
    l2 = next(u for u in index["unmatched"] if u["new_symbol"] == "A/C.2/80/L.2")
    assert len(l2["candidates"]) == 3 and "< 0.3" in l2["detail"]
    rows = list(csv.DictReader((out / "index.csv").read_text("utf-8").splitlines()))
    assert len(rows) == 43 and sum(1 for r in rows if r["page"]) == 25


def test_counts_are_what_diff_says(un_index: tuple[Path, dict]) -> None:  # type: ignore[type-arg]
    """One truth: the index's summary is Comparison.summary, as `redline diff` prints it."""
    _out, index = un_index
    for p in index["pairs"]:
        c = compare(load(p["old"]), load(p["new"]))
        assert p["summary"] == c.summary(), p["new"]
        assert p["differs"] == c.differs
        assert p["sponsors"]["added"] == list(c.sponsors.added)
    p = next(p for p in index["pairs"] if p["new_symbol"] == "A/RES/80/6")
    diff = redline_cli("diff", p["old"], p["new"], "--format", "json")
    assert json.loads(diff.stdout)["summary"] == p["summary"]


def test_index_html_rows_and_script(un_index: tuple[Path, dict]) -> None:  # type: ignore[type-arg]
    out, index = un_index
    html = (out / "index.html").read_text("utf-8")
    assert html.count("<tr>") + html.count('<tr class="unmatched">') == 1 + 43
    assert 'href="pages/A_RES_80_6.html"' in html
    assert html.count("no predecessor found") == 18
    # the inline script runs under the page's policy: its hash is in the CSP
    script = re.search(r"<script>(.*?)</script>", html, re.S)
    assert script is not None
    digest = base64.b64encode(hashlib.sha256(script.group(1).encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in html


def test_output_does_not_depend_on_jobs(small: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    assert redline_cli("batch", small, small, "-o", one, "-j", "1").exit_code == 0
    assert redline_cli("batch", small, small, "-o", two, "-j", "2").exit_code == 0
    a, b = _tree(one), _tree(two)
    assert a == b and "pages/A_RES_80_6.html" in a


def test_docx_pages(small: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    r = redline_cli("batch", small, small, "-o", out, "--format", "docx", "-j", "1")
    assert r.exit_code == 0, r.output
    assert (out / "pages" / "A_RES_80_6.docx").read_bytes()[:2] == b"PK"
    assert 'href="pages/A_RES_80_6.docx"' in (out / "index.html").read_text("utf-8")


def test_a_failing_document_is_listed_and_the_batch_goes_on(small: Path, tmp_path: Path) -> None:
    (small / "broken.txt").write_bytes(b"\x00\x01\x02binary\xff" * 50)
    out = tmp_path / "out"
    r = redline_cli("batch", small, small, "-o", out, "-j", "2")
    assert r.exit_code == 2
    index = json.loads((out / "index.json").read_text("utf-8"))
    assert [f["new"] for f in index["failed"]] == [str(small / "broken.txt")]
    assert index["counts"]["pairs"] == 5
    assert "failed: " in (out / "index.html").read_text("utf-8")


def test_check_drafts_against_adopted(tmp_path: Path) -> None:
    drafts, adopted = tmp_path / "drafts", tmp_path / "adopted"
    drafts.mkdir()
    adopted.mkdir()
    shutil.copy(UN / "A_C.2_80_L.43.txt", drafts)
    shutil.copy(UN / "A_RES_80_146.txt", adopted)
    r = redline_cli("batch", drafts, adopted, "--check")
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[-1] == "match: 1 pair"
    shutil.copy(UN / "A_C.3_80_L.4.txt", drafts)
    shutil.copy(UN / "A_RES_80_228.txt", adopted)
    r = redline_cli("batch", drafts, adopted, "--check")
    assert r.exit_code == 1
    direct = redline_cli("check", drafts / "A_C.3_80_L.4.txt", adopted / "A_RES_80_228.txt")
    line = next(x for x in r.stdout.splitlines() if "A_RES_80_228" in x)
    assert line.endswith(direct.stdout.splitlines()[-1])
    assert r.stdout.splitlines()[-1] == "differs: 1 of 2 pairs"
    # an adopted resolution without its draft is named, not checked; a draft and its
    # predecessor are not a check's business
    shutil.copy(UN / "A_RES_79_6.txt", adopted)
    shutil.copy(UN / "A_RES_78_6.txt", drafts)
    r = redline_cli("batch", drafts, adopted, "--check")
    assert "A_RES_79_6.txt: no draft found (not checked)" in r.stdout
    assert (
        r.stdout.splitlines()[-1]
        == "differs: 1 of 2 pairs (1 adopted without a draft, not checked)"
    )
    r = redline_cli("batch", adopted, drafts, "--check")
    assert r.exit_code == 1
    assert r.stdout.splitlines()[-1].startswith("no draft -> adopted pair to check")


def test_pairs_file_overrides(small: Path, tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("# old\tnew\nA_RES_78_6.txt\tA_RES_78_186\n", "utf-8")
    out = tmp_path / "out"
    assert redline_cli("batch", small, small, "-o", out, "--pairs", pairs, "-j", "1").exit_code == 0
    index = json.loads((out / "index.json").read_text("utf-8"))
    p = next(p for p in index["pairs"] if p["new_symbol"] == "A/RES/78/186")
    assert (p["old_symbol"], p["how"]) == ("A/RES/78/6", "manifest")
    pairs.write_text("nosuch.txt\tA_RES_78_186\n", "utf-8")
    r = redline_cli("batch", small, small, "-o", out, "--pairs", pairs)
    assert_one_line_error(r, "pairs.tsv:1", "nosuch.txt is none of the old texts")


def test_input_text_is_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    evil = "<script>alert(1)</script> \u202eevil"
    text = (UN / "A_RES_79_6.txt").read_text("utf-8")
    (folder / "A_RES_79_6.txt").write_text(text, "utf-8")
    (folder / "A_RES_80_6.txt").write_text(
        text.replace("Report of the International Criminal Court", evil, 2), "utf-8"
    )
    out = tmp_path / "out"
    assert redline_cli("batch", folder, folder, "-o", out, "-j", "1").exit_code == 0
    for name in ("index.html", "index.json", "index.csv"):
        data = (out / name).read_text("utf-8")
        assert "\u202e" not in data, name
    html = (out / "index.html").read_text("utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)" in html


def test_bad_invocations(small: Path, tmp_path: Path) -> None:
    assert_one_line_error(redline_cli("batch", small, small), "needs -o OUT_DIR")
    assert_one_line_error(
        redline_cli("batch", small, small, "-o", small / "out"), "inside the input"
    )
    assert_one_line_error(redline_cli("batch", small, tmp_path / "nosuch", "-o", tmp_path / "o"),
                          "no such file or folder")  # fmt: skip
    (tmp_path / "empty").mkdir()
    assert_one_line_error(redline_cli("batch", small, tmp_path / "empty", "-o", tmp_path / "o"),
                          "no documents")  # fmt: skip


def test_report_resolutions_are_texts_of_their_own() -> None:
    texts = read_one(str(Path(__file__).parent / "fixtures" / "A_75_479.md"), Options())
    assert [t.key.rsplit("#", 1)[1] for t in texts] == ["I", "II", "III", "IV"]
    rows = run([str(UN / "A_RES_73_188.txt")], [texts[0].key.split("#")[0]], Options(formats=()))
    iv = next(r for r in rows if r.new.endswith("#IV"))
    assert iv.old_symbol == "A/RES/73/188" and iv.how in ("recalls", "title")
    assert len(rows) == 4


def test_each_file_is_read_from_disk_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A plain text, a committee report and a PDF: each read once, parsed once, and its
    header (the lines citing the draft) kept, as `redline diff` would parse it."""
    import redline.read

    reads: list[str] = []
    real = redline.read._read_at_most

    def counted(path: str, fifo: bool, n: int) -> bytes:
        reads.append(Path(path).name)
        return real(path, fifo, n)

    monkeypatch.setattr(redline.read, "_read_at_most", counted)
    adopted = read_one(str(UN / "A_RES_80_6.txt"), Options())
    report = read_one(str(Path(__file__).parent / "fixtures" / "A_75_479.md"), Options())
    pdf = read_one(str(Path(__file__).parent.parent / "examples" / "A_RES_79_16.pdf"), Options())
    assert reads == ["A_RES_80_6.txt", "A_75_479.md", "A_RES_79_16.pdf"]
    assert [x.doc and x.doc.source for x in adopted] == [str(UN / "A_RES_80_6.txt")]
    assert adopted[0].doc == load(str(UN / "A_RES_80_6.txt"))
    assert len(report) == 4 and pdf[0].doc and pdf[0].doc.symbol == "A/RES/79/16"


def test_collect_orders_numbers_naturally() -> None:
    names = [Path(p).name for p in collect([str(UN)], "A_RES_80_*")]
    assert names[:3] == ["A_RES_80_6.txt", "A_RES_80_146.txt", "A_RES_80_178.txt"]


def test_pdf_drafts_against_adopted(tmp_path: Path) -> None:
    pdf = Path(__file__).parent / "corpus" / "pdf"
    drafts, adopted = tmp_path / "drafts", tmp_path / "adopted"
    drafts.mkdir()
    adopted.mkdir()
    for name in ("A_80_L.14", "A_C.2_80_L.21", "A_C.2_80_L.44"):
        shutil.copy(pdf / f"{name}.pdf", drafts)
    for name in ("A_RES_80_108", "A_RES_80_125"):
        shutil.copy(pdf / f"{name}.pdf", adopted)
    out = tmp_path / "out"
    r = redline_cli("batch", drafts, adopted, "-o", out, "-j", "2")
    assert r.exit_code == 0, r.output
    pairs = {
        p["new_symbol"]: p for p in json.loads((out / "index.json").read_text("utf-8"))["pairs"]
    }
    # "[without reference to a Main Committee (A/80/L.14)]" on the PDF's first page
    assert (pairs["A/RES/80/108"]["old_symbol"], pairs["A/RES/80/108"]["how"]) == (
        "A/80/L.14",
        "header",
    )
    # L.44 was "on the basis of informal consultations on draft resolution A/C.2/80/L.21"
    assert pairs["A/RES/80/125"]["old_symbol"] == "A/C.2/80/L.44"
    assert "which replaced A/C.2/80/L.21" in pairs["A/RES/80/125"]["detail"]


def test_check_help_says_when_it_exits_1(tmp_path: Path) -> None:
    """--help says what --check exits on: a text without counterpart (an adopted
    resolution without its draft, a draft without predecessor) is no failure."""
    text = " ".join(redline_cli("batch", "--help").stdout.split())
    assert "no counterpart" not in text
    assert "exit 1 if any differs or no draft -> adopted pair is found" in text
    assert "without its draft is named, not checked" in text
    drafts, adopted = tmp_path / "drafts", tmp_path / "adopted"
    drafts.mkdir()
    adopted.mkdir()
    shutil.copy(UN / "A_C.2_80_L.43.txt", drafts)
    shutil.copy(UN / "A_RES_80_146.txt", adopted)
    shutil.copy(UN / "A_RES_79_6.txt", adopted)  # no draft of it among the drafts
    r = redline_cli("batch", drafts, adopted, "--check")
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[-1] == "match: 1 pair (1 adopted without a draft, not checked)"
