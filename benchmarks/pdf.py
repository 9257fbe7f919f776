"""PDF input against the route users take today: pdftotext, then redline on the text.

Run by hand (needs poppler-utils' pdftotext)::

    python benchmarks/pdf.py              # 9 interleaved runs of each, medians and ratios
    python benchmarks/pdf.py --runs 15

Two figures of issue 14, each a ratio measured in one run, A and B in turn (A B A B
…) so a drift of the machine's speed hits both:

1. **Reading** a 10-page resolution (A/RES/78/140): redline's PDF reader in process
   (PDFium, lines, marks, furniture, paragraphs: ``layout.parse_pdf``) against the
   ``pdftotext`` process on the same file. Target: at most 1. A second row times
   PDFium alone on the same file (load the document, each page and its text page,
   nothing read from them): the floor under any reader built on pypdfium2. A third
   adds to the floor redline's work once the lines are built (page furniture,
   footnotes, blocks, paragraphs), with the runs and lines read beforehand: the
   least a reader can cost that builds paragraphs in Python, even if reading the
   runs and building the lines were free.
2. **diff** of real pairs of tests/corpus/pdf: ``redline diff a.pdf b.pdf --format
   json`` against ``pdftotext`` on both files followed by ``redline diff`` on the two
   texts, whole processes. Target: at most 1.5.

Writes the table to ``benchmarks/pdf-results.md``.
"""

from __future__ import annotations

import argparse
import datetime
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "pdf"
RESULTS = ROOT / "benchmarks" / "pdf-results.md"
TEN_PAGES = CORPUS / "A_RES_78_140.pdf"
PAIRS = [
    ("A_C.1_80_L.1", "A_RES_80_17"),
    ("A_RES_78_168", "A_RES_79_227"),
    ("A_C.3_80_L.55", "A_RES_80_193"),
]
REDLINE = [sys.executable, "-m", "redline"]


def _time(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def interleaved(
    a: Callable[[], object], b: Callable[[], object], runs: int
) -> tuple[float, float, float]:
    """Median seconds of A, of B, and the median of the ratios A/B pair by pair."""
    a(), b()  # warm-up: file cache, byte-compiled modules
    ta, tb = [], []
    for _ in range(runs):
        ta.append(_time(a))
        tb.append(_time(b))
    ratios = [x / y for x, y in zip(ta, tb, strict=True)]
    return statistics.median(ta), statistics.median(tb), statistics.median(ratios)


def _run(cmd: list[str]) -> None:
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _pdfium_only(data: bytes) -> None:
    """Load the document, every page and its text page, and close them: no reading."""
    import ctypes

    from redline import pdf

    lib = pdf._lib()
    buf = ctypes.create_string_buffer(data, len(data))
    doc = lib.FPDF_LoadMemDocument64(buf, len(data), None)
    for k in range(lib.FPDF_GetPageCount(doc)):
        page = lib.FPDF_LoadPage(doc, k)
        lib.FPDFText_ClosePage(lib.FPDFText_LoadPage(page))
        lib.FPDF_ClosePage(page)
    lib.FPDF_CloseDocument(doc)


def _after_lines(data: bytes) -> Callable[[], object]:
    """PDFium's loads (the floor) and then redline's work once the lines are built
    (furniture, footnotes, blocks, paragraphs), with the runs and lines read beforehand:
    what a reader would cost if reading the runs and building the lines cost nothing."""
    from redline import pdf
    from redline.parser.layout import _size_mode, layout_of_lines, page_lines, parse_layout

    pages = pdf.read_pdf(data, "x.pdf")
    body = _size_mode(pages)
    lines = [page_lines(p, body) for p in pages]

    def run() -> None:
        _pdfium_only(data)
        parse_layout(*layout_of_lines(pages, lines), "x.pdf")

    return run


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args()
    if not shutil.which("pdftotext"):
        print("pdftotext is missing (apt-get install -y poppler-utils)", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    from redline.parser.layout import parse_pdf

    rows: list[tuple[str, float, float, float, float | None]] = []
    data = TEN_PAGES.read_bytes()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "x.txt"
        ra, rb, ratio = interleaved(
            lambda: parse_pdf(data, str(TEN_PAGES)),
            lambda: _run(["pdftotext", str(TEN_PAGES), str(out)]),
            args.runs,
        )
        rows.append(
            ("read A/RES/78/140 (10 pages): redline in process / pdftotext", ra, rb, ratio, 1.0)
        )
        fa, fb, fratio = interleaved(
            lambda: _pdfium_only(data),
            lambda: _run(["pdftotext", str(TEN_PAGES), str(out)]),
            args.runs,
        )
        rows.append(
            ("the floor: PDFium's page and text-page loads alone / pdftotext", fa, fb, fratio, None)
        )
        la, lb, lratio = interleaved(
            _after_lines(data),
            lambda: _run(["pdftotext", str(TEN_PAGES), str(out)]),
            args.runs,
        )
        rows.append(
            (
                "the bound: the floor + redline's work after the lines (runs and lines free)"
                " / pdftotext",
                la,
                lb,
                lratio,
                None,
            )
        )
        for old, new in PAIRS:
            a, b = CORPUS / f"{old}.pdf", CORPUS / f"{new}.pdf"
            ta, tb = Path(tmp) / "a.txt", Path(tmp) / "b.txt"

            def via_text(a: Path = a, b: Path = b, ta: Path = ta, tb: Path = tb) -> None:
                _run(["pdftotext", str(a), str(ta)])
                _run(["pdftotext", str(b), str(tb)])
                _run([*REDLINE, "diff", str(ta), str(tb), "--format", "json"])

            da, db, dratio = interleaved(
                lambda a=a, b=b: _run([*REDLINE, "diff", str(a), str(b), "--format", "json"]),
                via_text,
                args.runs,
            )
            rows.append(
                (f"diff {old} {new}: PDFs / pdftotext x2 + diff texts", da, db, dratio, 1.5)
            )
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"# PDF input benchmark ({stamp}; {platform.machine()}, {platform.python_version()}, "
        f"{args.runs} interleaved runs, medians)",
        "",
        "| comparison | A (s) | B (s) | A/B | target |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| {name} | {a:.3f} | {b:.3f} | {r:.2f} | {'—' if t is None else f'≤ {t:g}'} |"
        for name, a, b, r, t in rows
    ]
    text = "\n".join(lines) + "\n"
    RESULTS.write_text(text)
    print(text, end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
