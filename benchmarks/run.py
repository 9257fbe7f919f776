"""Benchmark redline against other diff tools on realistic UN resolution revisions.

Run by hand (not part of the test suite)::

    python benchmarks/run.py            # all tiers, 5 to 21 timed runs each
    python benchmarks/run.py --runs 7 --timeout 60

Builds seeded revision pairs from the bundled corpus into ``benchmarks/work/``,
byte-compiles redline (as installing it does), times each tool as a fresh child
process (median wall time; peak RSS from GNU ``time -f %M``, else ``os.wait4``),
prints a table and writes it to ``benchmarks/results.md``.
"""

from __future__ import annotations

import argparse
import datetime
import math
import os
import platform
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / "work"
RESULTS = ROOT / "benchmarks" / "results.md"
REPORT = ROOT / "examples" / "A_75_479.md"

SEED = 479
GNU_TIME = "/usr/bin/time" if Path("/usr/bin/time").exists() else None
EDITS_PER_PARAGRAPH = 0.05  # word edits per paragraph: 0 none, 1 one in every paragraph
WARMUP_SLOW_S = 10.0  # a warm-up slower than this is measured once more, not `runs` times
# A fast command gets more runs, up to this many or about this many seconds of them:
# a 70 ms median of 5 moved by 10 ms between runs of this script on a busy 2-core machine.
MAX_RUNS = 21
FAST_BUDGET_S = 2.0

# Targets of issue 7 (seconds, exponents, ratios).
TARGET_REPORT_S = 0.15
TARGET_EXPONENT = 1.1
TARGET_BIG_VS_WDIFF = 3.5
TARGET_BIG_S = 1.0

PEER_REPLACEMENT_WORDS = ("further", "also", "strongly", "all", "relevant", "international")
NEW_SPONSORS = ("Iceland", "Fiji", "Nepal", "Uruguay")


# --------------------------------------------------------------------------- corpus


def resolution_text(report: str) -> str:
    """Draft resolution I of the report with its own introduction and sponsor paragraph.

    Keeps the report header and section II.A (the "submitted by" paragraph) so that
    the sponsors still parse: lines 1-61 and 90-415 of A/75/479.
    """
    lines = report.splitlines(keepends=True)
    return "".join(lines[:61] + lines[89:415])


def tiers(report: str) -> dict[str, str]:
    """The four sizes: one resolution, the report, 4 and 16 reports end to end."""
    return {
        "resolution": resolution_text(report),
        "report": report,
        "report x4": "\n\n".join([report] * 4),
        "report x16": "\n\n".join([report] * 16),
    }


def _edit_words(paragraph: str, rng: random.Random) -> str:
    """Replace, insert or delete one word of the paragraph."""
    words = paragraph.split(" ")
    if len(words) < 4:
        return paragraph
    i = rng.randrange(1, len(words) - 1)
    action = rng.choice(("replace", "insert", "delete"))
    if action == "replace":
        words[i] = rng.choice(PEER_REPLACEMENT_WORDS)
    elif action == "insert":
        words.insert(i, rng.choice(PEER_REPLACEMENT_WORDS))
    else:
        del words[i]
    return " ".join(words)


_SUBMITTED = re.compile(r"(submitted by )(.+?)(\. Subsequently|\)\.|\.$)")


def _edit_sponsors(paragraph: str, rng: random.Random) -> str:
    """Drop one sponsor from a "submitted by" list and add another."""

    def swap(match: re.Match[str]) -> str:
        names = re.split(r", | and ", match.group(2))
        if len(names) > 2:
            del names[rng.randrange(len(names))]
        names.insert(rng.randrange(len(names) + 1), rng.choice(NEW_SPONSORS))
        listed = ", ".join(names[:-1]) + " and " + names[-1]
        return match.group(1) + listed + match.group(3)

    return _SUBMITTED.sub(swap, paragraph, count=1)


_NUMBERED = re.compile(r"^(\d+)\. ")
_OPERATIVE_INTRO = "*The General Assembly,*"


def _renumber(paragraphs: list[str], rng: random.Random) -> list[str]:
    """In each resolution, insert an operative paragraph after OP1 and renumber the rest."""
    out: list[str] = []
    in_resolution = False
    shift = 0
    for p in paragraphs:
        if _OPERATIVE_INTRO in p:
            in_resolution, shift = True, 0
        elif p.startswith("#") or p.startswith("**Draft resolution"):
            in_resolution, shift = False, 0
        m = _NUMBERED.match(p)
        if in_resolution and m:
            number = int(m.group(1)) + shift
            out.append(f"{number}. {p[m.end() :]}")
            if number == 1 and shift == 0:
                shift = 1
                verb = rng.choice(("Decides", "Requests", "Encourages"))
                out.append(f"2. *{verb}* Member States to continue to cooperate in this regard;")
            continue
        out.append(p)
    return out


def revise(text: str, seed: int) -> str:
    """A realistic revision of `text`: word edits, paragraphs inserted, deleted and moved,
    operative paragraphs renumbered, sponsor lists changed. Deterministic for a seed."""
    rng = random.Random(seed)
    paragraphs = text.split("\n\n")
    paragraphs = [_edit_sponsors(p, rng) if "submitted by" in p else p for p in paragraphs]
    paragraphs = [
        _edit_words(p, rng) if rng.random() < EDITS_PER_PARAGRAPH * 4 else p for p in paragraphs
    ]
    paragraphs = _renumber(paragraphs, rng)
    events = max(1, len(paragraphs) // 60)
    for _ in range(events):
        del paragraphs[rng.randrange(10, len(paragraphs))]
        at = rng.randrange(10, len(paragraphs))
        paragraphs.insert(
            at, "*Noting with appreciation* the work of the regional commissions in this area,"
        )
        src = rng.randrange(10, len(paragraphs))
        moved = paragraphs.pop(src)
        paragraphs.insert(rng.randrange(10, len(paragraphs)), moved)
    return "\n\n".join(paragraphs)


def build_pairs() -> dict[str, tuple[Path, Path, int]]:
    """Write old/new pairs to benchmarks/work/; return tier -> (old, new, bytes of old)."""
    WORK.mkdir(parents=True, exist_ok=True)
    report = REPORT.read_text(encoding="utf-8")
    pairs: dict[str, tuple[Path, Path, int]] = {}
    for n, (name, text) in enumerate(tiers(report).items()):
        slug = name.replace(" ", "")
        old, new = WORK / f"{slug}-old.md", WORK / f"{slug}-new.md"
        old.write_text(text, encoding="utf-8")
        new.write_text(revise(text, SEED + n), encoding="utf-8")
        pairs[name] = (old, new, len(text.encode("utf-8")))
    return pairs


# --------------------------------------------------------------------------- peers

DIFFLIB_WORDS = """
import difflib, sys
a = open(sys.argv[1], encoding="utf-8").read().split()
b = open(sys.argv[2], encoding="utf-8").read().split()
out = []
for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
    if tag == "equal":
        out.append(" ".join(a[i1:i2]))
    else:
        out.append("[-" + " ".join(a[i1:i2]) + "-]{+" + " ".join(b[j1:j2]) + "+}")
sys.stdout.write(" ".join(out))
"""

DIFFLIB_HTML = """
import difflib, sys
a = open(sys.argv[1], encoding="utf-8").read().splitlines()
b = open(sys.argv[2], encoding="utf-8").read().splitlines()
sys.stdout.write(difflib.HtmlDiff().make_file(a, b))
"""

DMP_WORDS = """
import re, sys
from diff_match_patch import diff_match_patch
a = open(sys.argv[1], encoding="utf-8").read()
b = open(sys.argv[2], encoding="utf-8").read()
table = {}
words = []
def encode(text):
    chars = []
    for w in re.findall(r"\\s+|\\w+|[^\\w\\s]", text):
        if w not in table:
            table[w] = len(words)
            words.append(w)
        chars.append(chr(table[w] + 0x100))
    return "".join(chars)
dmp = diff_match_patch()
dmp.Diff_Timeout = 0
diffs = dmp.diff_main(encode(a), encode(b), False)
dmp.diff_cleanupSemantic(diffs)
out = []
for op, chars in diffs:
    text = "".join(words[ord(c) - 0x100] for c in chars)
    out.append(text if op == 0 else ("{+" if op > 0 else "[-") + text + ("+}" if op > 0 else "-]"))
sys.stdout.write("".join(out))
"""

REDLINES = """
import sys
from redlines import Redlines
a = open(sys.argv[1], encoding="utf-8").read()
b = open(sys.argv[2], encoding="utf-8").read()
sys.stdout.write(Redlines(a, b).output_markdown)
"""


@dataclass(frozen=True)
class Tool:
    """One command line to time; `argv(old, new)` builds it, `missing` says why it cannot run."""

    name: str
    argv: Callable[[Path, Path], list[str]]
    python_peer: bool = False
    missing: str | None = None


def _python_has(module: str) -> bool:
    probe = [sys.executable, "-c", f"import {module}"]
    return subprocess.run(probe, capture_output=True).returncode == 0


def tools() -> list[Tool]:
    """redline's three formats, then the peers (marked missing when not installed)."""
    redline = shutil.which("redline", path=str(Path(sys.executable).parent)) or shutil.which(
        "redline"
    )
    py = sys.executable

    def redline_format(fmt: str) -> Callable[[Path, Path], list[str]]:
        extra = ["--color", "never"] if fmt == "text" else []
        return lambda o, n: [str(redline), "diff", str(o), str(n), "--format", fmt, *extra]

    def script(code: str) -> Callable[[Path, Path], list[str]]:
        return lambda o, n: [py, "-c", code, str(o), str(n)]

    no_redline = None if redline else "redline not on PATH"
    git = shutil.which("git")
    wdiff = shutil.which("wdiff")
    return [
        Tool("redline json", redline_format("json"), missing=no_redline),
        Tool("redline text", redline_format("text"), missing=no_redline),
        Tool("redline html", redline_format("html"), missing=no_redline),
        Tool(
            "git diff --word-diff",
            lambda o, n: [str(git), "diff", "--no-index", "--word-diff", str(o), str(n)],
            missing=None if git else "git not installed",
        ),
        Tool(
            "GNU wdiff",
            lambda o, n: [str(wdiff), str(o), str(n)],
            missing=None if wdiff else "wdiff not installed",
        ),
        Tool("difflib words", script(DIFFLIB_WORDS), python_peer=True),
        Tool("difflib HtmlDiff", script(DIFFLIB_HTML), python_peer=True),
        Tool(
            "diff-match-patch words",
            script(DMP_WORDS),
            python_peer=True,
            missing=None if _python_has("diff_match_patch") else "diff_match_patch missing",
        ),
        Tool(
            "redlines (PyPI)",
            script(REDLINES),
            python_peer=True,
            missing=None if _python_has("redlines") else "redlines not installed",
        ),
    ]


# --------------------------------------------------------------------------- timing


def compile_redline() -> None:
    """Byte-compile the redline package that the timed runs import, as installing it does.

    pip writes .pyc files when it installs a wheel; an editable checkout has none, and
    with PYTHONDONTWRITEBYTECODE set (or a read-only checkout) every timed run would
    compile redline's modules from source again (about 25 ms a run), which no installed
    copy does. The Python peers' modules are already compiled.
    """
    code = (
        "import compileall, os, redline\n"
        "compileall.compile_dir(os.path.dirname(redline.__file__), quiet=1)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@dataclass(frozen=True)
class Measure:
    """Median wall seconds and peak resident MB of a tool on one pair, or why there is none."""

    seconds: float | None = None
    peak_mb: float | None = None
    runs: int = 0
    note: str = ""


def _kill_group(pid: int) -> None:
    """End a child and everything it started (its process group)."""
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def run_once(argv: list[str], timeout: float) -> tuple[float, float] | None:
    """Run argv as a fresh child; (wall seconds, peak MB), or None past the timeout.

    Raises RuntimeError when the command fails (exit status other than 0 or 1).
    """
    rss_file = WORK / "maxrss.txt"
    if GNU_TIME:  # forking from our ~35 MB process would count our pages as the child's
        argv = [GNU_TIME, "-q", "-f", "%M", "-o", str(rss_file), *argv]
    with open(os.devnull, "wb") as sink, open(WORK / "stderr.log", "wb") as err:
        start = time.perf_counter()
        # A session of its own, so that a timeout ends the timed command too, not only
        # GNU time above it: a command left running would slow every later measurement.
        proc = subprocess.Popen(argv, stdout=sink, stderr=err, start_new_session=True)
        timer = threading.Timer(timeout, _kill_group, (proc.pid,))
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
    if elapsed >= timeout:
        return None
    if proc.returncode not in (0, 1):
        message = (WORK / "stderr.log").read_text(errors="replace").strip().splitlines()
        raise RuntimeError(message[-1] if message else f"exit {proc.returncode}")
    kib = int(rss_file.read_text().split()[-1]) if GNU_TIME else usage.ru_maxrss
    return elapsed, kib / 1024


def measure(tool: Tool, old: Path, new: Path, runs: int, timeout: float) -> Measure:
    """One warm-up, then `runs` timed runs (one when the warm-up is already slow; up
    to `MAX_RUNS` when it is fast, within about `FAST_BUDGET_S`)."""
    if tool.missing:
        return Measure(note=f"skipped: {tool.missing}")
    argv = tool.argv(old, new)
    try:
        warm = run_once(argv, timeout)
        if warm is None:
            return Measure(note=f"timeout >{timeout:g} s")
        if warm[0] > WARMUP_SLOW_S:
            count = 1
        else:
            count = max(runs, min(MAX_RUNS, int(FAST_BUDGET_S / max(warm[0], 1e-3))))
        samples = [run_once(argv, timeout) for _ in range(count)]
    except RuntimeError as error:
        return Measure(note=f"failed: {error}")
    done = [s for s in samples if s is not None]
    if len(done) < len(samples):
        return Measure(note=f"timeout >{timeout:g} s")
    return Measure(
        seconds=statistics.median(s for s, _ in done),
        peak_mb=max(m for _, m in done),
        runs=len(done),
    )


# --------------------------------------------------------------------------- report


def exponent(t1: float | None, t2: float | None, s1: int, s2: int) -> float | None:
    """Growth exponent of time with size: exponent(1, 16, 1, 16) -> 1.0."""
    if not t1 or not t2:
        return None
    return math.log(t2 / t1) / math.log(s2 / s1)


def machine() -> str:
    """CPU model, cores, Python version and date, one line."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}, {datetime.date.today().isoformat()}"
    )


def _cell(m: Measure, base: Measure) -> str:
    if m.seconds is None:
        return m.note
    ratio = f" ({m.seconds / base.seconds:.1f}×)" if base.seconds else ""
    return f"{m.seconds:.3f} s{ratio}, {m.peak_mb:.0f} MB"


def table(
    names: list[str],
    pairs: dict[str, tuple[Path, Path, int]],
    results: dict[tuple[str, str], Measure],
) -> str:
    """Markdown table: tool × tier → median s (ratio to redline json), peak MB; exponents."""
    sizes = list(pairs)
    small, mid, big = sizes[0], sizes[1], sizes[-1]
    head = ["tool"] + [f"{s} ({pairs[s][2] / 1000:.0f} KB)" for s in sizes]
    head += [f"exp {small}→{big}", f"exp {mid}→{big}"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name in names:
        row = [name]
        for size in sizes:
            row.append(_cell(results[name, size], results["redline json", size]))
        for lo in (small, mid):
            e = exponent(
                results[name, lo].seconds,
                results[name, big].seconds,
                pairs[lo][2],
                pairs[big][2],
            )
            row.append("—" if e is None else f"{e:.2f}")
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def targets(
    all_tools: list[Tool],
    pairs: dict[str, tuple[Path, Path, int]],
    results: dict[tuple[str, str], Measure],
) -> list[str]:
    """The issue-7 targets, each with met / missed and the numbers behind it."""
    sizes = list(pairs)
    mid, big = sizes[1], sizes[-1]
    ours = {s: results["redline json", s] for s in sizes}
    out: list[str] = []

    def verdict(ok: bool | None, text: str) -> None:
        word = "n/a" if ok is None else ("met" if ok else "MISSED")
        out.append(f"- **{word}**: {text}")

    t = ours[mid].seconds
    verdict(
        None if t is None else t < TARGET_REPORT_S,
        f"report tier under {TARGET_REPORT_S} s (redline json: {t and f'{t:.3f}'} s)",
    )
    e = exponent(ours[mid].seconds, ours[big].seconds, pairs[mid][2], pairs[big][2])
    verdict(
        None if e is None else e <= TARGET_EXPONENT,
        f"time exponent {mid}→{big} at most {TARGET_EXPONENT} (redline json: {e and f'{e:.2f}'})",
    )
    losses = []
    for tool in all_tools:
        if not tool.python_peer:
            continue
        for size in sizes:
            peer, us = results[tool.name, size], ours[size]
            if peer.seconds is not None and (us.seconds is None or peer.seconds <= us.seconds):
                losses.append(f"{tool.name} at {size} ({peer.seconds:.3f} s)")
    verdict(
        not losses,
        "faster than every Python peer at every size"
        + (f" (slower than: {'; '.join(losses)})" if losses else ""),
    )
    wd, t = results["GNU wdiff", big].seconds, ours[big].seconds
    verdict(
        None if wd is None or t is None else t <= TARGET_BIG_VS_WDIFF * wd,
        f"at {big} within {TARGET_BIG_VS_WDIFF}× of GNU wdiff "
        f"(redline json {t and f'{t:.3f}'} s, wdiff {wd and f'{wd:.3f}'} s"
        + (f", {t / wd:.1f}×)" if wd and t else ")"),
    )
    verdict(None if t is None else t < TARGET_BIG_S, f"at {big} under {TARGET_BIG_S} s")
    return out


def main(argv: list[str] | None = None) -> int:
    """Build the pairs, time every tool on every tier, print and write the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--runs", type=int, default=5, help="least number of timed runs after a warm-up"
    )
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per run")
    args = parser.parse_args(argv)

    pairs = build_pairs()
    compile_redline()
    all_tools = tools()
    results: dict[tuple[str, str], Measure] = {}
    for tool in all_tools:
        gave_up = ""
        for size, (old, new, _) in pairs.items():
            if gave_up:  # a tool past the bound at one size is past it at larger ones
                results[tool.name, size] = Measure(note=gave_up)
                continue
            m = measure(tool, old, new, args.runs, args.timeout)
            results[tool.name, size] = m
            if m.note.startswith("timeout"):
                gave_up = m.note
            shown = f"{m.seconds:.3f} s, {m.peak_mb:.0f} MB" if m.seconds else m.note
            print(f"{tool.name:24} {size:12} {shown}", file=sys.stderr, flush=True)

    names = [t.name for t in all_tools]
    body = table(names, pairs, results)
    goals = "\n".join(targets(all_tools, pairs, results))
    about = machine()
    print(f"\nMachine: {about}\n\n{body}\n\nTargets:\n{goals}")
    RESULTS.write_text(
        "# redline benchmark results\n\n"
        f"Machine: {about}.\n\n"
        f"Median of {args.runs} to {MAX_RUNS} runs after a warm-up (as many as fit in about "
        f"{FAST_BUDGET_S:g} s; 1 run when the warm-up took over {WARMUP_SLOW_S:g} s); wall time of the whole process; peak RSS of the child. "
        "redline's modules are byte-compiled first, as installing it does. "
        "Ratios are to `redline diff --format json` on the same pair.\n\n"
        f"{body}\n\n## Targets\n\n{goals}\n",
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
