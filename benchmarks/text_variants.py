"""Does the same text give the same document whichever tool extracted it? (issue 15)

For every PDF of a folder (default ``tests/corpus/pdf``) the variants a user
produces are made (pdftotext default, ``-nopgbrk``, ``-layout``, the folder's
PyMuPDF ``*.pymupdf.txt``, each also with trailing spaces stripped, and CRLF line
ends), parsed once each, and their structure (paragraph labels, footnote count)
compared with the pdftotext default parse. A folder of text files (``--text``,
e.g. ``../shared/corpus/un``) gets the variants a text allows: trailing spaces
stripped, CRLF, form feeds removed.

The operative count is also compared with an independent count: the longest
run 1, 2, 3 … of lines after "The General Assembly," that begin with that
number (``5.``, ``5. Text``, ``5`` alone), in the pdftotext default text.

Example::

    python benchmarks/text_variants.py                      # tests/corpus/pdf
    python benchmarks/text_variants.py --text ../shared/corpus/un
    python benchmarks/text_variants.py --show A_RES_79_183  # one document's table

Generated texts are cached in /tmp/text-variants (``--cache``).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from redline.model import Document, ParaKind  # noqa: E402
from redline.parser import parse_document  # noqa: E402

PDFTOTEXT = {"default": [], "nopgbrk": ["-nopgbrk"], "layout": ["-layout"]}


def strip_trailing(text: str) -> str:
    """Every line without its trailing spaces (what editors and e-mail do)."""
    return "\n".join(line.rstrip(" \t") for line in text.split("\n"))


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def no_ff(text: str) -> str:
    return text.replace("\f", "")


def pdftotext(pdf: Path, mode: str, cache: Path) -> str:
    out = cache / f"{pdf.stem}.{mode}.txt"
    if not out.exists() or out.stat().st_mtime < pdf.stat().st_mtime:
        cache.mkdir(parents=True, exist_ok=True)
        cmd = ["pdftotext", "-enc", "UTF-8", *PDFTOTEXT[mode], str(pdf), str(out)]
        subprocess.run(cmd, check=True)
    return out.read_text(encoding="utf-8")


def pdf_variants(pdf: Path, cache: Path) -> dict[str, str]:
    """Variant name -> text, the pdftotext default first."""
    base = {mode: pdftotext(pdf, mode, cache) for mode in PDFTOTEXT}
    mu = pdf.with_name(pdf.stem + ".pymupdf.txt")
    if mu.exists():
        base["pymupdf"] = mu.read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for name, text in base.items():
        out[name] = text
        out[name + "-strip"] = strip_trailing(text)
    out["default-crlf"] = crlf(base["default"])
    if "pymupdf" in base:
        out["pymupdf-crlf"] = crlf(base["pymupdf"])
    return out


def text_variants(path: Path) -> dict[str, str]:
    text = path.read_text(encoding="utf-8")
    return {
        "default": text,
        "strip": strip_trailing(text),
        "crlf": crlf(text),
        "noff": no_ff(text),
        "noff-strip": strip_trailing(no_ff(text)),
    }


def structure(doc: Document) -> tuple[str, ...]:
    """What must not depend on the extractor: labels in order and footnote marks."""
    parts: list[str] = []
    for d in (doc, *doc.resolutions):
        parts.extend(p.label for p in d.paragraphs)
        parts.append("fn:" + ",".join(f.mark for f in d.footnotes))
    return tuple(parts)


def counts(doc: Document) -> tuple[int, int, int, int]:
    """(PP, OP, sub-paragraphs, footnotes), over a report's resolutions too."""
    pp = op = sub = fn = 0
    for d in (doc, *doc.resolutions):
        c = d.counts()
        pp += c[ParaKind.PREAMBULAR.value]
        op += c[ParaKind.OPERATIVE.value]
        sub += c[ParaKind.SUBPARAGRAPH.value]
        fn += len(d.footnotes)
    return pp, op, sub, fn


_GA = re.compile(r"^\s*The\s+General\s+Assembly,?\s*$", re.M)


def independent_op_count(text: str) -> int:
    """The longest run 1, 2, … of lines after "The General Assembly," beginning with
    that number: an operative count that does not use the parser."""
    m = _GA.search(text)
    if not m:
        return 0
    nums = [
        int(x.group(1))
        for x in re.finditer(r"^\s*(\d{1,3})(?:\.|\s*$|\.\s)", text[m.end() :], re.M)
    ]
    want = 1
    for n in nums:
        if n == want:
            want += 1
    return want - 1


def measure(
    names: list[str], make: Callable[[str], dict[str, str]], show: str | None
) -> dict[str, list[tuple[str, bool, bool]]]:
    """Per variant: (document, same structure as default, OP count = independent count)."""
    results: dict[str, list[tuple[str, bool, bool]]] = {}
    for name in names:
        variants = make(name)
        ref_text = variants["default"]
        indep = independent_op_count(ref_text)
        ref: tuple[str, ...] | None = None
        for vname, text in variants.items():
            doc = parse_document(text, source=f"{name}:{vname}")
            st = structure(doc)
            if ref is None:
                ref = st
            c = counts(doc)
            same = st == ref
            op_ok = c[1] == indep
            results.setdefault(vname, []).append((name, same, op_ok))
            if show and show in name:
                flag = "" if same else "  DIFFERS"
                print(f"{name:24} {vname:16} PP {c[0]:3} OP {c[1]:3} sub {c[2]:3} fn {c[3]:3}"
                      f" (independent OP {indep}){flag}")  # fmt: skip
    return results


def report(results: dict[str, list[tuple[str, bool, bool]]], verbose: bool) -> None:
    print(f"{'variant':16} {'same structure':>16} {'OP = independent':>18}")
    for vname, rows in results.items():
        n = len(rows)
        same = sum(1 for _, s, _ in rows if s)
        op = sum(1 for _, _, o in rows if o)
        print(
            f"{vname:16} {same:4}/{n:<4} {100 * same / n:5.1f}% {op:5}/{n:<4} {100 * op / n:5.1f}%"
        )
    allv = [r for rows in results.values() for r in rows]
    same = sum(1 for _, s, _ in allv if s)
    print(f"{'all variants':16} {same:4}/{len(allv):<4} {100 * same / len(allv):5.1f}%")
    if verbose:
        for vname, rows in results.items():
            bad = [n for n, s, _ in rows if not s]
            if bad:
                print(f"  {vname}: differs: {' '.join(bad)}")
        for vname, rows in results.items():
            bad = [n for n, _, o in rows if not o]
            if bad:
                print(f"  {vname}: OP count != independent: {' '.join(bad)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", nargs="?", default=str(ROOT / "tests/corpus/pdf"))
    ap.add_argument("--text", action="store_true", help="a folder of .txt files, not PDFs")
    ap.add_argument("--cache", default="/tmp/text-variants")
    ap.add_argument("--show", help="print the counts of documents whose name contains this")
    ap.add_argument("-v", "--verbose", action="store_true", help="name the documents that differ")
    args = ap.parse_args()
    folder = Path(args.folder)
    cache = Path(args.cache)
    if args.text:
        files = sorted(p for p in folder.glob("*.txt") if not p.name.endswith(".pymupdf.txt"))
        names = [p.stem for p in files]
        results = measure(names, lambda n: text_variants(folder / f"{n}.txt"), args.show)
    else:
        names = sorted(p.stem for p in folder.glob("*.pdf"))
        results = measure(names, lambda n: pdf_variants(folder / f"{n}.pdf", cache), args.show)
    report(results, args.verbose)


if __name__ == "__main__":
    main()
