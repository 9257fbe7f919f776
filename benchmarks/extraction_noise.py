"""Measure how often `redline check` calls two extractions of one text "differs".

Run by hand (the regression test ``tests/test_extraction_noise.py`` uses the same
functions)::

    python benchmarks/extraction_noise.py            # figures for the whole folder
    python benchmarks/extraction_noise.py --list     # and each document that differs

Over every PDF of ``tests/corpus/pdf`` (each has the ``.pymupdf.txt`` another
project extracted from it), ``pdftotext`` default-mode text is made in a cache
folder (``$TMPDIR/redline-extraction``) and checked against the PyMuPDF text of
the same document: (a) share of documents that ``match``; (d) the same for
redline's own reading of the PDF against the PyMuPDF text. Then the real
draft -> adopted pairs (``kind`` draft_adopted of ``tests/corpus/pdf/PAIRS.tsv``,
"draft -> adopted" rows of ``tests/fixtures/un/PAIRS.tsv``): (b) how many match.
Last, hostile edits: one substantive change (``from`` -> ``form``, a number, ``shall``
-> ``should``, a dropped ``may``, ...) made to the PyMuPDF text of each document and
checked against its noisy pdftotext text: (c) every one must be caught.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PDFS = ROOT / "tests" / "corpus" / "pdf"
UN = ROOT / "tests" / "fixtures" / "un"
CACHE = Path(
    os.environ.get("REDLINE_EXTRACTION_CACHE") or Path(tempfile.gettempdir()) / "redline-extraction"
)

sys.path.insert(0, str(ROOT))

from redline.check import Verdict, check  # noqa: E402
from redline.model import Document  # noqa: E402
from redline.parser import parse_document  # noqa: E402


def pdftotext(pdf: Path) -> str:
    """pdftotext's default-mode text of a PDF, made once into the cache folder."""
    out = CACHE / (pdf.stem + ".pdftotext.txt")
    if not out.exists() or out.stat().st_mtime < pdf.stat().st_mtime:
        if shutil.which("pdftotext") is None:
            raise SystemExit("pdftotext not found (apt-get install poppler-utils)")
        CACHE.mkdir(parents=True, exist_ok=True)
        tmp = out.with_suffix(".tmp")
        subprocess.run(["pdftotext", str(pdf), str(tmp)], check=True)
        tmp.replace(out)
    return out.read_text(encoding="utf-8")


def parse(text: str, source: str) -> Document:
    return parse_document(text, source=source)


def names() -> list[str]:
    """Every document of the PDF folder, by file stem (``A_RES_80_108``)."""
    return sorted(p.stem for p in PDFS.glob("*.pdf"))


@dataclass(frozen=True)
class Variants:
    """One document of the folder as two extractors read it."""

    name: str
    pymupdf: Document
    pdftotext: Document


def variants(name: str) -> Variants:
    pdf = PDFS / f"{name}.pdf"
    mu = (PDFS / f"{name}.pymupdf.txt").read_text(encoding="utf-8")
    return Variants(name, parse(mu, f"{name}.pymupdf.txt"), parse(pdftotext(pdf), f"{name}.txt"))


def pdf_verdicts(names: list[str]) -> dict[str, Verdict]:
    """check(redline's own reading of the PDF, PyMuPDF text) of each document."""
    from redline.parser.load import load

    out = {}
    for name in names:
        mu = (PDFS / f"{name}.pymupdf.txt").read_text(encoding="utf-8")
        out[name] = check(load(str(PDFS / f"{name}.pdf")), parse(mu, f"{name}.pymupdf.txt"))
    return out


def extractor_verdicts(docs: list[Variants]) -> dict[str, Verdict]:
    """check(pdftotext text, PyMuPDF text) of each document."""
    return {v.name: check(v.pdftotext, v.pymupdf) for v in docs}


def pdf_pairs() -> list[tuple[str, str]]:
    """(draft, adopted) stems of the real draft -> adopted pairs of the PDF folder."""
    with open(PDFS / "PAIRS.tsv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return [(r["old"], r["new"]) for r in rows if r["kind"] == "draft_adopted"]


def un_pairs() -> list[tuple[str, str]]:
    """(draft, adopted) file stems of the "draft -> adopted" rows of tests/fixtures/un."""
    with open(UN / "PAIRS.tsv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    out = []
    for r in rows:
        if "adopted" not in r["relation"] or r["relation"].startswith("previous"):
            continue
        old = r["older"].split(" ")[0].replace("/", "_")
        new = r["newer"].split(" ")[0].replace("/", "_")
        if (UN / f"{old}.txt").exists() and (UN / f"{new}.txt").exists():
            out.append((old, new))
    return out


def pair_verdicts(docs: dict[str, Variants]) -> dict[str, dict[str, Verdict]]:
    """check(adopted, draft) of every pair, per extractor (``pdf``: redline reading
    the PDFs, ``pymupdf``, ``pdftotext``, ``un``)."""
    from redline.parser.load import load

    out: dict[str, dict[str, Verdict]] = {"pdf": {}, "pymupdf": {}, "pdftotext": {}, "un": {}}
    read: dict[str, Document] = {}
    for old, new in pdf_pairs():
        key = f"{old} -> {new}"
        for name in (old, new):
            if name not in read:
                read[name] = load(str(PDFS / f"{name}.pdf"))
        out["pdf"][key] = check(read[new], read[old])
        out["pymupdf"][key] = check(docs[new].pymupdf, docs[old].pymupdf)
        out["pdftotext"][key] = check(docs[new].pdftotext, docs[old].pdftotext)
    for old, new in un_pairs():
        a = parse((UN / f"{old}.txt").read_text(encoding="utf-8"), f"{old}.txt")
        b = parse((UN / f"{new}.txt").read_text(encoding="utf-8"), f"{new}.txt")
        out["un"][f"{old} -> {new}"] = check(b, a)
    return out


# --- hostile edits ----------------------------------------------------------------

# (name, pattern, replacement): one substantive change a check must always report.
HOSTILE: tuple[tuple[str, str, str | Callable[[re.Match[str]], str]], ...] = (
    ("from -> form", r"\bfrom\b", "form"),
    ("shall -> should", r"\bshall\b", "should"),
    ("a number changed", r"\b(\d+/)(\d+)\b", lambda m: f"{m[1]}{int(m[2]) + 1}"),
    ("a year changed", r"\b(20[012])(\d)(?=,)", lambda m: m[1] + str((int(m[2]) + 1) % 10)),
    ("may dropped", r"\bmay ", ""),
    ("Member -> member", r"\bMember\b", "member"),
    ("non- dropped", r"\bnon-(\w)", r"\1"),
    ("a hyphenated word's first part dropped", r"\b(well|long|short)-(\w+)", r"\2"),
    ("a word split into two words", r"\bwithin\b", "with in"),
    ("two words joined", r"\ba part\b", "apart"),
    ("an -> a", r"\ban\b", "a"),
    ("not dropped", r"\bnot ", ""),
    ("a word doubled", r"\bthe\b", "the the"),
    ("a comma dropped between words", r"(\w), (\w)", r"\1 \2"),
)


def hostile_edits(text: str) -> Iterator[tuple[str, str]]:
    """(what, edited text) for each hostile edit that applies: the first
    occurrence after the preamble starts ("The General Assembly,") is changed; in
    an amendment, which has none, after its sponsor line ("…: amendment to draft
    resolution A/C.3/80/L.50"), as a resolution's header is not compared either."""
    start = max(text.find("General Assembly,"), 0)
    amendment = re.search(r"amendment to draft resolution \S+", text)
    if start == 0 and amendment is not None:
        start = amendment.end()
    for what, pattern, repl in HOSTILE:
        rx = re.compile(pattern)
        m = rx.search(text, start)
        if m is None:
            continue
        new = m.expand(repl) if isinstance(repl, str) else repl(m)
        yield what, text[: m.start()] + new + text[m.end() :]


def hostile_misses(name: str, noisy: Document) -> list[str]:
    """The hostile edits of the document's PyMuPDF text that check(edited, noisy) misses."""
    mu = (PDFS / f"{name}.pymupdf.txt").read_text(encoding="utf-8")
    misses = []
    for what, edited in hostile_edits(mu):
        if check(parse(edited, f"{name} ({what})"), noisy).matches:
            misses.append(what)
    return misses


# --- report -----------------------------------------------------------------------


def share(verdicts: dict[str, Verdict]) -> str:
    n = sum(v.matches for v in verdicts.values())
    return f"{n}/{len(verdicts)} match ({100 * n / max(len(verdicts), 1):.1f}%)"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--list", action="store_true", help="print each differing document")
    ap.add_argument("--no-hostile", action="store_true", help="skip the hostile edits")
    args = ap.parse_args(argv)
    say: Callable[[str], None] = print
    docs = {n: variants(n) for n in names()}
    ex = extractor_verdicts(list(docs.values()))
    say(f"(a) pdftotext vs PyMuPDF text of the same PDF: {share(ex)}")
    if args.list:
        for n, v in ex.items():
            if not v.matches:
                say(f"    {n}: {v.line(3)}")
    pdf = pdf_verdicts(list(docs))
    say(f"(d) redline reading the PDF vs its PyMuPDF text: {share(pdf)}")
    if args.list:
        for n, v in pdf.items():
            if not v.matches:
                say(f"    {n}: {v.line(3)}")
    pairs = pair_verdicts(docs)
    kinds = (("pdf", "PDFs"), ("pymupdf", "PyMuPDF"), ("pdftotext", "pdftotext"), ("un", "un/"))
    for kind, label in kinds:
        say(f"(b) draft -> adopted pairs, {label} texts: {share(pairs[kind])}")
        if args.list:
            for n, v in pairs[kind].items():
                if not v.matches:
                    say(f"    {n}: {v.line(3)}")
    if not args.no_hostile:
        tried = missed = 0
        for n, v in docs.items():
            edits = sum(1 for _ in hostile_edits((PDFS / f"{n}.pymupdf.txt").read_text("utf-8")))
            misses = hostile_misses(n, v.pdftotext)
            tried += edits
            missed += len(misses)
            if misses and args.list:
                say(f"    {n}: missed {', '.join(misses)}")
        say(f"(c) hostile edits (PyMuPDF text edited vs pdftotext text): "
            f"{tried - missed}/{tried} caught")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
