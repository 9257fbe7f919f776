"""Does the same text give the same document whichever tool extracted it? (issue 15)

For every PDF of ``tests/corpus/pdf`` the variants a user produces are made
(pdftotext default, ``-nopgbrk``, ``-layout``, ``-raw``, the folder's PyMuPDF
``*.pymupdf.txt``, each also with trailing spaces stripped, and CRLF line ends),
parsed once each, and checked with `redline.check.check` (the function
``redline check`` uses, default tolerance) against the PyMuPDF text, in both
directions, and against one another. Each text of ``tests/fixtures/un`` (the
real extracted texts of ``../shared/corpus/un``) gets the variants a text allows:
trailing spaces stripped, CRLF, form feeds removed; its reference is the text
as given. ``tests/test_text_variants.py`` asserts the same over every document,
with the known exceptions of ``tests/corpus/extraction_noise_exceptions.tsv``.

Two variants whose parses are equal once normalised as `check` compares them
(`redline.check.normalise`, source name aside) are one class: `check` sees only
the normalised documents (and names them by source), so a verdict on one member
holds for every member. Only one member of each class is checked.

The operative count of every variant is also compared with an independent
count: the run 1, 2, 3 … of lines after "The General Assembly," that
begin with that number (``5.``, ``5. Text``, ``5`` alone), and of each section
numbered afresh after its roman number (``II`` alone on a line), in the pdftotext
default text (a text of un/: the text itself).

Last, the draft -> adopted pairs (``kind`` draft_adopted of
``tests/corpus/pdf/PAIRS.tsv``, the "draft -> adopted" rows of
``tests/fixtures/un/PAIRS.tsv``): how many match, and how many differ only by
extraction noise (every differing paragraph's old and new words equal once
spaces and hyphens are removed and digits glued to a word dropped).

Example::

    python benchmarks/text_variants.py                      # the figures, as Markdown
    python benchmarks/text_variants.py -v                   # and the documents that differ
    python benchmarks/text_variants.py --show A_RES_79_183  # one document's variants

Generated texts are cached in ``$TMPDIR/text-variants`` (``--cache``).
"""

from __future__ import annotations

import argparse
import csv
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.extraction_noise import pdf_pairs, un_pairs  # noqa: E402
from redline.check import Verdict, check, normalise  # noqa: E402
from redline.model import DELETE, EQUAL, INSERT, Document, ParaKind  # noqa: E402
from redline.parser import parse_document  # noqa: E402
from redline.read import decode  # noqa: E402

PDFS = ROOT / "tests" / "corpus" / "pdf"
EXCEPTIONS = ROOT / "tests" / "corpus" / "extraction_noise_exceptions.tsv"
UN = ROOT / "tests" / "fixtures" / "un"
PDFTOTEXT = {
    "pdftotext": [],
    "nopgbrk": ["-nopgbrk"],
    "layout": ["-layout"],
    "raw": ["-raw"],
}
PDF_REFERENCE = "pymupdf"
UN_REFERENCE = "text"
PDF_VARIANTS = (
    "pymupdf",
    "pymupdf-strip",
    "pymupdf-crlf",
    "pdftotext",
    "pdftotext-strip",
    "pdftotext-crlf",
    "nopgbrk",
    "nopgbrk-strip",
    "layout",
    "layout-strip",
    "raw",
)
UN_VARIANTS = ("text", "strip", "crlf", "noff", "noff-strip")


def strip_trailing(text: str) -> str:
    """Every line without its trailing spaces (what editors and e-mail do)."""
    return "\n".join(line.rstrip(" \t") for line in text.split("\n"))


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def no_ff(text: str) -> str:
    return text.replace("\f", "")


def pdftotext(pdf: Path, mode: str, cache: Path) -> str:
    """pdftotext's text of a PDF in one mode, made once into the cache folder."""
    out = cache / f"{pdf.stem}.{mode}.txt"
    if not out.exists() or out.stat().st_mtime < pdf.stat().st_mtime:
        cache.mkdir(parents=True, exist_ok=True)
        tmp = out.with_suffix(".tmp")
        cmd = ["pdftotext", "-enc", "UTF-8", *PDFTOTEXT[mode], str(pdf), str(tmp)]
        subprocess.run(cmd, check=True)
        tmp.replace(out)
    return out.read_text(encoding="utf-8")


def pdf_variants(pdf: Path, cache: Path) -> dict[str, str]:
    """Variant name -> text, in PDF_VARIANTS order (the reference, PyMuPDF, first)."""
    base = {"pymupdf": pdf.with_name(pdf.stem + ".pymupdf.txt").read_text(encoding="utf-8")}
    base.update((mode, pdftotext(pdf, mode, cache)) for mode in PDFTOTEXT)
    made = {}
    for name, text in base.items():
        made[name] = text
        made[name + "-strip"] = strip_trailing(text)
        made[name + "-crlf"] = crlf(text)
    return {v: made[v] for v in PDF_VARIANTS}


def text_variants(path: Path) -> dict[str, str]:
    """Variant name -> text of a text file, in UN_VARIANTS order (the text itself first)."""
    text = path.read_text(encoding="utf-8")
    return {
        "text": text,
        "strip": strip_trailing(text),
        "crlf": crlf(text),
        "noff": no_ff(text),
        "noff-strip": strip_trailing(no_ff(text)),
    }


def counts(doc: Document) -> tuple[int, int, int]:
    """(PP, OP, sub-paragraphs), over a report's resolutions too."""
    pp = op = sub = 0
    for d in (doc, *doc.resolutions):
        c = d.counts()
        pp += c[ParaKind.PREAMBULAR.value]
        op += c[ParaKind.OPERATIVE.value]
        sub += c[ParaKind.SUBPARAGRAPH.value]
    return pp, op, sub


_GA = re.compile(r"^\s*The\s+General\s+Assembly[,:]?\s*$", re.M)
_ANNEX = re.compile(r"^\s*Annex(?:\s+[IVXL]+)?\s*$", re.M)
# "5." at a line's start, alone or before text; or "5 Requests" (the full stop lost);
# not a number alone, which in extracted text is mostly a footnote mark
_SECTION = re.compile(r"^[ \t]*[IVX]{1,5}[ \t]*$", re.M)
_MONTH = "January|February|March|April|May|June|July|August|September|October|November|December"
_OP_NUMBER = re.compile(
    rf"^[ \t]*(\d{{1,3}})(?:\.(?=\s|$)|[ \t]+(?!(?:{_MONTH})\b)(?=[A-Z][a-z]))", re.M
)

# a line opening with a verb in the third person ("Adopts the", "Takes note"): preambular
# paragraphs open with a participle or adjective (Recalling, Convinced, Deeply concerned)
_SOLE_OP = re.compile(r"^[ \t]*[A-Z][a-z]{2,}s[ \t]+[a-z]", re.M)


def independent_op_count(text: str) -> int:
    """The run 1, 2, … of numbered lines (``5.``, ``5. Text``, ``5 Text``) after
    "The General Assembly," and before any annex: an operative count that does not use
    the parser.

    >>> independent_op_count("The General Assembly,\\n1\\n1.\\nUrges\\n2 Decides\\nAnnex\\n3. x")
    2
    >>> independent_op_count("The General Assembly,\\nRecalling x,\\nTakes note of y.\\nAnnex\\n1. z")
    1

    A section numbered afresh after its roman number alone on a line (A/RES/79/298:
    I, OP1-OP13, II, OP1-OP2) adds its run:

    >>> independent_op_count("The General Assembly,\\n1. a\\n2. b\\nII\\nTitle\\n1. c")
    3
    """
    m = _GA.search(text)
    if not m:
        return 0
    body = text[m.end() :]
    annex = _ANNEX.search(body)
    if annex:
        body = body[: annex.start()]
    want = 1
    done = 0  # the numbers of the sections before (I, II, … numbered afresh)
    end = 0
    for x in _OP_NUMBER.finditer(body):
        if int(x.group(1)) == want:
            want += 1
        elif x.group(1) == "1" and want > 2 and _SECTION.search(body, end, x.start()):
            done, want = done + want - 1, 2
        else:
            continue
        end = x.end()
    if want == 1 and not done and _SOLE_OP.search(body):
        return 1  # one unnumbered operative paragraph ("Adopts the …")
    return done + want - 1


def parse(text: str, source: str) -> Document:
    """The text as `redline.parser.load.load` parses a text file of these bytes (UTF-8)."""
    decoded, _ = decode(text.encode("utf-8"), source)
    return parse_document(decoded, source=source)


def _key(doc: Document) -> Document:
    """What `check` sees of a document: normalised, its source name and warnings aside."""
    return replace(normalise(doc), source="", warnings=())


@dataclass
class Corpus:
    """One document's variants, parsed once, and the verdicts between them, computed
    once and only for one member of each class of equal parses."""

    name: str
    texts: dict[str, str]
    reference: str
    docs: dict[str, Document] = field(default_factory=dict)
    cls: dict[str, str] = field(default_factory=dict)
    """Variant -> the first variant of its class (equal normalised parse)."""
    _verdicts: dict[tuple[str, str], Verdict] = field(default_factory=dict)

    def __post_init__(self) -> None:
        first: dict[Document, str] = {}
        for v, text in self.texts.items():
            doc = parse(text, f"{self.name}:{v}")
            self.docs[v] = doc
            self.cls[v] = first.setdefault(_key(doc), v)

    def verdict(self, candidate: str, adopted: str) -> Verdict:
        """check(candidate, adopted), through the class representatives."""
        k = (self.cls[candidate], self.cls[adopted])
        if k not in self._verdicts:
            self._verdicts[k] = check(self.docs[k[0]], self.docs[k[1]])
        return self._verdicts[k]

    def match(self, a: str, b: str) -> bool:
        """check says match both ways."""
        return self.verdict(a, b).matches and self.verdict(b, a).matches

    def counts(self, v: str) -> tuple[int, int, int]:
        return counts(self.docs[v])

    def independent_op(self) -> int:
        base = self.texts["pdftotext" if "pdftotext" in self.texts else self.reference]
        return independent_op_count(base)

    def classes(self) -> list[str]:
        return list(dict.fromkeys(self.cls.values()))


def pdf_names() -> list[str]:
    return sorted(p.stem for p in PDFS.glob("*.pdf"))


def un_names() -> list[str]:
    return sorted(p.stem for p in UN.glob("*.txt"))


def pdf_corpus(name: str, cache: Path) -> Corpus:
    return Corpus(name, pdf_variants(PDFS / f"{name}.pdf", cache), PDF_REFERENCE)


def un_corpus(name: str) -> Corpus:
    return Corpus(name, text_variants(UN / f"{name}.txt"), UN_REFERENCE)


# --- the known exceptions (tests/test_text_variants.py) -----------------------------


def read_exceptions(path: Path = EXCEPTIONS) -> dict[str, dict[str, str]]:
    """File (``A_RES_79_183``, ``un/A_RES_79_183``) -> variant -> reason."""
    out: dict[str, dict[str, str]] = {}
    with open(path, encoding="utf-8") as f:
        for r in csv.reader(f, delimiter="\t"):
            if r and not r[0].startswith("#") and r[0] != "file":
                out.setdefault(r[0], {})[r[1]] = r[2]
    return out


def variant_problems(c: Corpus, known: dict[str, str]) -> list[str]:
    """What is wrong with one document's variants, given its known exceptions: a
    variant that does not match the reference (both ways) or has other counts, two
    variants matching it that do not match each other, a listed one that now matches.
    A row covers the variants whose parse equals the listed variant's."""
    ref = c.reference
    problems: list[str] = []
    good = []
    for v in c.texts:
        if v == ref:
            continue
        ok = c.match(v, ref)
        if v not in known and any(c.cls[w] == c.cls[v] for w in known if w in c.cls):
            continue  # parses as a listed variant does: that row covers it
        if v in known:
            if ok:
                problems.append(f"{v}: now matches {ref}: take it off {EXCEPTIONS.name}")
            continue
        if not ok:
            bad = c.verdict(v, ref) if not c.verdict(v, ref).matches else c.verdict(ref, v)
            problems.append(f"{v} vs {ref}: {bad.line(5)}")
            continue
        good.append(v)
        if c.counts(v) != c.counts(ref):
            problems.append(f"{v}: PP/OP/sub {c.counts(v)}, {ref} {c.counts(ref)}")
    for i, a in enumerate(good):
        for b in good[i + 1 :]:
            pair = f"{a}~{b}"
            ok = c.match(a, b)
            if pair in known and ok:
                problems.append(f"{pair}: now match: take it off {EXCEPTIONS.name}")
            elif pair not in known and not ok:
                problems.append(f"{pair}: {c.verdict(a, b).line(5)} / {c.verdict(b, a).line(5)}")
    return problems


def op_problems(c: Corpus, known: dict[str, str]) -> list[str]:
    """Variants whose OP count is not the independent count (those of a listed class
    aside); with an ``op-count`` row, the reference's count must still differ."""
    want = c.independent_op()
    if "op-count" in known:
        if c.counts(c.reference)[1] == want:
            return [f"OP count now {want}: take op-count off {EXCEPTIONS.name}"]
        return []
    listed = {c.cls[w] for w in known if w in c.cls}
    return [
        f"{v}: OP {c.counts(v)[1]}, independent count {want}"
        for v in c.texts
        if c.cls[v] not in listed and c.counts(v)[1] != want
    ]


# --- draft -> adopted pairs -------------------------------------------------------


_HYPHENS = re.compile(r"[\s\-\u00ad\u2010-\u2015\u2212]+")
_GLUED = re.compile(r"(?<=[^\W\d_])\d{1,3}\b")


def _bare(text: str) -> str:
    """Words with every space and hyphen removed and digits glued to a letter dropped."""
    return _GLUED.sub("", _HYPHENS.sub("", text))


def noise_only(v: Verdict) -> bool:
    """The verdict differs, and only by extraction noise: every differing paragraph's
    old and new words are equal once bared (`_bare`), and no paragraph is missing,
    added, moved, split, merged or renumbered."""
    if v.matches:
        return False
    for r in v.differences:
        if r.problem != "differs":
            return False
        segs = list(r.segments) + [s for f in r.footnotes for s in f.segments]
        old = "".join(s.text for s in segs if s.op in (EQUAL, DELETE))
        new = "".join(s.text for s in segs if s.op in (EQUAL, INSERT))
        if _bare(old) != _bare(new):
            return False
    return True


# --- figures ----------------------------------------------------------------------


def share(flags: Iterable[bool]) -> str:
    xs = list(flags)
    n = sum(xs)
    return f"{n}/{len(xs)} ({100 * n / max(len(xs), 1):.1f}%)"


def figures(
    pdf: dict[str, Corpus], un: dict[str, Corpus], verbose: bool = False
) -> list[tuple[str, str]]:
    """(measure, result) rows of the issue's figures."""
    rows: list[tuple[str, str]] = []

    def row(what: str, docs: dict[str, Corpus], a: str, b: str) -> None:
        rows.append((what, share(c.match(a, b) for c in docs.values())))
        if verbose:
            bad = [n for n, c in docs.items() if not c.match(a, b)]
            print(f"  {what}: differ: {' '.join(bad)}", file=sys.stderr)

    def every_two(corpus: str, docs: dict[str, Corpus]) -> None:
        every = (
            all(c.match(a, b) for a in c.classes() for b in c.classes()) for c in docs.values()
        )
        rows.append((f"{corpus}: every two variants of a document match", share(every)))

    row(
        "pdf: (a) PyMuPDF vs PyMuPDF with trailing spaces stripped", pdf, "pymupdf", "pymupdf-strip"
    )
    row("pdf: (b) PyMuPDF vs pdftotext default", pdf, "pymupdf", "pdftotext")
    row("pdf: (c) pdftotext default vs -layout", pdf, "pdftotext", "layout")
    row("pdf: PyMuPDF vs pdftotext -nopgbrk", pdf, "pymupdf", "nopgbrk")
    row("pdf: PyMuPDF vs pdftotext -raw", pdf, "pymupdf", "raw")
    row("pdf: PyMuPDF vs PyMuPDF with CRLF", pdf, "pymupdf", "pymupdf-crlf")
    every_two("pdf", pdf)
    row("un: (a) text vs text with trailing spaces stripped", un, "text", "strip")
    row("un: text vs text with CRLF", un, "text", "crlf")
    row("un: text vs text without form feeds", un, "text", "noff")
    every_two("un", un)
    for label, docs, variants in (("pdf", pdf, PDF_VARIANTS), ("un", un, UN_VARIANTS)):
        for v in variants:
            ok = [c.counts(v)[1] == c.independent_op() for c in docs.values()]
            rows.append((f"{label}: OP count = independent count, {v}", share(ok)))
            if verbose:
                bad = [f"{n}({c.counts(v)[1]}/{c.independent_op()})" for n, c in docs.items()
                       if c.counts(v)[1] != c.independent_op()]  # fmt: skip
                print(f"  OP {label} {v}: {' '.join(bad)}", file=sys.stderr)
    for label, docs, variants in (("pdf", pdf, PDF_VARIANTS), ("un", un, UN_VARIANTS)):
        ref = next(iter(docs.values())).reference if docs else ""
        for v in variants:
            subs = sum(c.counts(v)[2] for c in docs.values())
            same = sum(c.counts(v)[2] == c.counts(c.reference)[2] for c in docs.values())
            rows.append(
                (
                    f"{label}: sub-paragraphs, {v} (documents with the {ref} count)",
                    f"{subs} ({same}/{len(docs)})",
                )
            )
    for label, docs, pairs, variants in (
        ("pdf", pdf, pdf_pairs(), ("pymupdf", "pdftotext")),
        ("un", un, un_pairs(), ("text",)),
    ):
        for v in variants:
            verdicts = {
                f"{o} -> {n}": check(docs[n].docs[v], docs[o].docs[v])
                for o, n in pairs
                if o in docs and n in docs
            }
            rows.append(
                (
                    f"{label} draft -> adopted, {v}: match",
                    share(x.matches for x in verdicts.values()),
                )
            )
            noisy = [k for k, x in verdicts.items() if noise_only(x)]
            rows.append(
                (f"{label} draft -> adopted, {v}: differ only by extraction noise (want 0)",
                 f"{len(noisy)}/{len(verdicts)}" + (f" ({', '.join(noisy)})" if noisy else ""))
            )  # fmt: skip
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "text-variants"))
    ap.add_argument("--show", help="print the counts of documents whose name contains this")
    ap.add_argument("-v", "--verbose", action="store_true", help="name the documents that differ")
    ap.add_argument(
        "--exceptions",
        action="store_true",
        help=f"print what tests/test_text_variants.py would fail on: stale rows of {EXCEPTIONS.name}, "
        "unlisted differences",
    )
    args = ap.parse_args()
    cache = Path(args.cache)
    pdf = {n: pdf_corpus(n, cache) for n in pdf_names()}
    un = {n: un_corpus(n) for n in un_names()}
    if args.exceptions:
        known = read_exceptions()
        for key, c in [*pdf.items(), *((f"un/{n}", c) for n, c in un.items())]:
            for p in variant_problems(c, known.get(key, {})) + op_problems(c, known.get(key, {})):
                print(f"{key}\t{p}")
        return
    if args.show:
        for docs in (pdf, un):
            for n, c in docs.items():
                if args.show not in n:
                    continue
                for v in c.texts:
                    pp, op, sub = c.counts(v)
                    m = (
                        ""
                        if c.match(v, c.reference)
                        else "  DIFFERS: " + c.verdict(v, c.reference).line(5)
                    )
                    print(f"{n:24} {v:16} PP {pp:3} OP {op:3} sub {sub:3} (independent OP "
                          f"{c.independent_op()}) class {c.cls[v]}{m}")  # fmt: skip
        return
    print("| measure | result |\n| --- | --- |")
    for what, result in figures(pdf, un, args.verbose):
        print(f"| {what} | {result} |")


if __name__ == "__main__":
    main()
