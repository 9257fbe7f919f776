"""``redline batch`` over a whole folder: pairs found against PAIRS.tsv, and wall time
with --jobs 1 and --jobs 2 against ``redline diff`` run on each pair one by one.

Run by hand (not part of the test suite)::

    python benchmarks/batch.py                      # tests/corpus/pdf, its PDFs
    python benchmarks/batch.py --glob '*.pymupdf.txt' --runs 3

Each run is a fresh ``python -m redline`` child process, as a user would start it;
the one-by-one baseline runs ``redline diff OLD NEW -o page.html`` for exactly the
pairs the batch found. Prints a Markdown table (medians over --runs) and the
found / missed / wrong counts per kind of PAIRS.tsv.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}


def redline(*args: str) -> tuple[float, float, int]:
    """Wall and CPU seconds (children included) of one ``python -m redline`` run."""
    before = os.times()
    t = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "redline", *args], env=ENV, capture_output=True)
    wall = time.perf_counter() - t
    after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return wall, cpu, p.returncode


def stem(path: str) -> str:
    return Path(path).name.split(".pymupdf")[0].removesuffix(".pdf").removesuffix(".txt")


def linked(folder: Path, files: list[Path]) -> Path:
    folder.mkdir()
    for f in files:
        (folder / f.name).symlink_to(f)
    return folder


def score(folder: Path, pattern: str, work: Path) -> list[str]:
    """found / missed / wrong for each kind of PAIRS.tsv, each in its natural batch:
    predecessor = the resolutions against every text, draft_adopted = the drafts
    against the 80th session's resolutions."""
    files = sorted(folder.glob(pattern))
    res = [f for f in files if f.name.startswith("A_RES_")]
    sides = {
        "predecessor": (res, files),
        "draft_adopted": ([f for f in files if f not in res],
                          [f for f in res if f.name.startswith("A_RES_80_")]),
    }  # fmt: skip
    rows = list(csv.DictReader(open(folder / "PAIRS.tsv", encoding="utf-8"), delimiter="\t"))
    lines = []
    for kind, (olds, news) in sides.items():
        base = work / kind
        base.mkdir()
        old_dir, new_dir = linked(base / "old", olds), linked(base / "new", news)
        subprocess.run([sys.executable, "-m", "redline", "batch", str(old_dir), str(new_dir),
                        "-o", str(base / "out")], env=ENV, capture_output=True)  # fmt: skip
        index = json.loads((base / "out" / "index.json").read_text("utf-8"))
        got = {stem(p["new"]): stem(p["old"]) for p in index["pairs"]}
        listed = [(r["old"], r["new"]) for r in rows if r["kind"] == kind]
        olds_of: dict[str, set[str]] = {}
        for o, n in listed:
            olds_of.setdefault(n, set()).add(o)
        found = missed = 0
        wrong = []
        for o, n in listed:
            g = got.get(n)
            if g == o:
                found += 1
            elif g is None or g in olds_of[n]:
                missed += 1
            else:
                wrong.append(f"{o} -> {n} (paired with {g})")
        extra = sum(1 for n in got if n not in olds_of)
        lines.append(f"- {kind}: {len(listed)} listed, {found} found, {missed} missed, "
                     f"{len(wrong)} wrong{': ' + '; '.join(wrong) if wrong else ''}; "
                     f"{extra} more pairs of texts the list pairs with nothing")  # fmt: skip
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(ROOT / "tests" / "corpus" / "pdf"))
    ap.add_argument("--glob", default="*.pdf")
    ap.add_argument("--runs", type=int, default=1)
    args = ap.parse_args()
    folder = Path(args.folder)
    work = Path(tempfile.mkdtemp(prefix="redline-batch-"))
    try:
        timings: dict[str, list[tuple[float, float]]] = {"1": [], "2": [], "each": []}
        pairs: list[tuple[str, str]] = []
        for _ in range(args.runs):
            for jobs in ("1", "2"):
                out = work / f"out{jobs}"
                shutil.rmtree(out, ignore_errors=True)
                wall, cpu, _rc = redline("batch", str(folder), str(folder), "--glob", args.glob,
                                         "-o", str(out), "--jobs", jobs)  # fmt: skip
                timings[jobs].append((wall, cpu))
            index = json.loads((work / "out1" / "index.json").read_text("utf-8"))
            pairs = [(p["old"], p["new"]) for p in index["pairs"]]
            same = all((work / "out1" / f.relative_to(work / "out2")).read_bytes() == f.read_bytes()
                       for f in (work / "out2").rglob("*") if f.is_file())  # fmt: skip
            total = [0.0, 0.0]
            for k, (old, new) in enumerate(pairs):
                wall, cpu, _rc = redline("diff", old, new, "-o", str(work / f"p{k}.html"))
                total[0] += wall
                total[1] += cpu
            timings["each"].append((total[0], total[1]))
        n_files = len(list(folder.glob(args.glob)))
        med = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v))
               for k, v in timings.items()}  # fmt: skip
        print(f"{folder} ({args.glob}): {n_files} files against themselves, {len(pairs)} pairs "
              f"found; -j 1 and -j 2 output identical: {same}; load average "
              f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores\n")  # fmt: skip
        print("| run | wall s | CPU s | wall / one by one |")
        print("|---|---:|---:|---:|")
        for k, label in (("each", f"redline diff x {len(pairs)}, one by one"),
                         ("1", "redline batch --jobs 1"), ("2", "redline batch --jobs 2")):  # fmt: skip
            w, c = med[k]
            print(f"| {label} | {w:.1f} | {c:.1f} | {w / med['each'][0]:.2f} |")
        print()
        header = (folder / "PAIRS.tsv").read_text("utf-8").split("\n", 1)[0].split("\t")
        if "kind" in header:  # tests/corpus/pdf's form: kind, old, new
            for line in score(folder, args.glob, work):
                print(line)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
