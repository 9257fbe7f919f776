"""README.md shows real output: its console blocks are run and compared.

A *console block* is a fenced block whose first line starts with ``$ ``. Each ``$ ``
line is a command; the lines under it, up to the next ``$ `` line or the end of the
block, are what the README says it prints (standard output and standard error
together, as a terminal shows them). Example::

    $ redline check A_75_479.md#IV A_RES_75_197.txt
    match

The commands run in README order, with ``python -m redline``, in one scratch folder
that holds a copy of ``examples/``: a block that writes ``redline.docx`` leaves it for
the blocks after it. ``cd DIR`` changes the folder for the rest of its block. Only
``redline`` and ``cd`` commands are allowed; a file the README says was made by hand
is made here the way the README says (``DERIVED``: ``edited.docx`` is ``redline.docx``
with OP1's *Commends* changed to *Praises*, tracking off).

The rule, per command:

- the printed lines equal the real output, line for line (trailing spaces aside);
- unless the block is abbreviated: a line ``...`` stands for lines left out. Then every
  other line of the block is a whole line of the real output, in the same order; so
  every number and label an abbreviated block shows is real, where it shows it;
- a command that prints nothing in the README prints nothing;
- the exit code is 0 or 1 (an error, 2, is never an example).

The quick start's two commands (install and run the main job on a bundled example;
install and run the tests) are checked for what can be checked without installing:
each ``redline`` run in them exits 0, writes what it names, and the test extra exists.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import struct
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.test_docx import untracked_edit

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 has the tomli backport
    import tomli as tomllib

ROOT = Path(__file__).parent.parent
README = ROOT / "README.md"
ELLIPSIS = "..."


def _edited(folder: Path) -> None:
    data = (folder / "redline.docx").read_bytes()
    (folder / "edited.docx").write_bytes(untracked_edit(data, ">Commends</w:t>", ">Praises</w:t>"))


# files a README block uses that no command of the README writes
DERIVED: dict[str, Callable[[Path], None]] = {"edited.docx": _edited}


@dataclass(frozen=True)
class Command:
    line: int  # in README.md
    argv: tuple[str, ...]
    expected: tuple[str, ...]


@dataclass(frozen=True)
class Block:
    line: int
    commands: tuple[Command, ...]


def fenced_blocks(text: str) -> list[tuple[int, list[str]]]:
    """Every fenced block as (line of its first content line, its lines)."""
    blocks: list[tuple[int, list[str]]] = []
    body: list[str] | None = None
    start = 0
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("```"):
            if body is None:
                body, start = [], number + 1
            else:
                blocks.append((start, body))
                body = None
        elif body is not None:
            body.append(line)
    assert body is None, "README.md has an unclosed fenced block"
    return blocks


def console_blocks(text: str) -> list[Block]:
    """The console blocks of a README, each command with the lines it should print."""
    found: list[Block] = []
    for start, lines in fenced_blocks(text):
        if not lines or not lines[0].startswith("$ "):
            continue
        commands: list[Command] = []
        for offset, line in enumerate(lines):
            if line.startswith("$ "):
                commands.append(Command(start + offset, tuple(shlex.split(line[2:])), ()))
            else:
                last = commands[-1]
                commands[-1] = Command(last.line, last.argv, (*last.expected, line))
        found.append(Block(start, tuple(commands)))
    return found


BLOCKS = console_blocks(README.read_text(encoding="utf-8"))


def _run(argv: tuple[str, ...], cwd: Path) -> tuple[int, list[str]]:
    env = {k: v for k, v in os.environ.items() if k not in {"FORCE_COLOR", "CLICOLOR_FORCE"}}
    done = subprocess.run(
        [sys.executable, "-m", "redline", *argv[1:]],
        cwd=cwd,
        env={**env, "NO_COLOR": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=120,
    )
    return done.returncode, [line.rstrip() for line in done.stdout.splitlines()]


@pytest.fixture(scope="module")
def real_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[int, tuple[int, list[str]]]:
    """Every README command run in order: exit code and printed lines, by README line."""
    root = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "examples", root / "examples")
    runs: dict[int, tuple[int, list[str]]] = {}
    for block in BLOCKS:
        cwd = root
        for command in block.commands:
            assert command.argv[0] in {"redline", "cd"}, f"README.md:{command.line}: not redline"
            if command.argv[0] == "cd":
                cwd = cwd / command.argv[1]
                runs[command.line] = (0, [])
                continue
            for arg in command.argv[1:]:
                name = arg.split("#")[0]
                if name in DERIVED and not (cwd / name).exists():
                    DERIVED[name](cwd)
            runs[command.line] = _run(command.argv, cwd)
    return runs


def matches(expected: tuple[str, ...], real: list[str]) -> bool:
    """The README's lines are the real ones, or, abbreviated, among them in order.

    >>> matches(("a", "...", "c"), ["a", "b", "c"])
    True
    """
    shown = [line.rstrip() for line in expected]
    if ELLIPSIS not in shown:
        return shown == real
    rest = iter(real)
    return all(any(line == other for other in rest) for line in shown if line != ELLIPSIS)


def test_the_readme_has_console_blocks_of_every_command() -> None:
    commands = {c.argv[1] for b in BLOCKS for c in b.commands if c.argv[0] == "redline"}
    assert {"diff", "check", "show", "verify-tracked"} <= commands


@pytest.mark.parametrize(
    "command",
    [c for b in BLOCKS for c in b.commands if c.argv[0] == "redline"],
    ids=lambda c: f"README.md:{c.line}",
)
def test_console_block_prints_the_real_output(
    command: Command, real_runs: dict[int, tuple[int, list[str]]]
) -> None:
    code, real = real_runs[command.line]
    assert code in {0, 1}, "\n".join(real)
    assert matches(command.expected, real), (
        f"README.md:{command.line}: $ {shlex.join(command.argv)}\n"
        + "--- README\n"
        + "\n".join(command.expected)
        + "\n--- real\n"
        + "\n".join(real)
    )


def test_matches_is_strict() -> None:
    assert matches(("a", "b"), ["a", "b"])
    assert not matches(("a", "b"), ["a", "b", "c"])
    assert not matches(("a",), ["a", "b"])
    assert matches(("a", ELLIPSIS, "c"), ["a", "b", "c"])
    assert not matches(("c", ELLIPSIS, "a"), ["a", "b", "c"])  # order counts
    assert not matches(("a", ELLIPSIS, "x"), ["a", "b", "c"])
    assert not matches(("a", ELLIPSIS), ["ab", "c"])  # whole lines only


def quick_start() -> list[str]:
    """The commands of the README's quick start, in order."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [lines[0] for _, lines in fenced_blocks(section) if lines]


def test_quick_start_installs_and_runs_the_main_job(tmp_path: Path) -> None:
    first, second = quick_start()[:2]
    steps = [step.strip() for step in first.split("&&")]
    assert steps[:3] == ["python3 -m venv .venv", ". .venv/bin/activate", "pip install ."]
    runs = [shlex.split(step) for step in steps[3:]]
    assert runs and all(argv[:2] == ["redline", "diff"] for argv in runs), steps
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    for argv in runs:
        code, out = _run(tuple(argv), tmp_path)
        assert code == 0, "\n".join(out)
        if "-o" in argv:
            written = tmp_path / argv[argv.index("-o") + 1]
            assert written.stat().st_size > 0 and out == []
        else:
            assert re.search(r"\d+ changed", "\n".join(out)), out
    assert second == (
        'python3 -m venv .venv && . .venv/bin/activate && pip install -e ".[test]" '
        "&& python -m pytest"
    )
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "test" in project["project"]["optional-dependencies"]


def test_what_the_readme_writes_is_git_ignored() -> None:
    """`-o redline.html`, `-o redline.docx`: run where the README says, in a checkout, the
    outputs are not left as untracked files."""
    from fnmatch import fnmatch

    first = quick_start()[0]
    argvs = [shlex.split(step) for step in first.split("&&")]
    argvs += [c.argv for b in BLOCKS for c in b.commands]
    written = {argv[argv.index("-o") + 1] for argv in argvs if "-o" in argv}
    assert {"redline.html", "redline.docx"} <= written
    lines = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    patterns = [line for line in lines if line and not line.startswith("#")]
    for name in written:
        assert any(fnmatch(name, pattern) for pattern in patterns), name


# --- the hero screenshot -------------------------------------------------------------

SCREENSHOT = ROOT / "docs" / "screenshot.png"
SCRIPT = ROOT / "docs" / "make-screenshot.sh"


def png_text(data: bytes) -> dict[str, str]:
    """The iTXt and tEXt chunks of a PNG, by keyword."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks: dict[str, str] = {}
    at = 8
    while at < len(data):
        (size,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + size]
        if kind == b"tEXt":
            key, _, value = body.partition(b"\0")
            chunks[key.decode("latin-1")] = value.decode("latin-1")
        elif kind == b"iTXt":
            key, _, rest = body.partition(b"\0")
            # compression flag and method, then language tag and translated keyword
            _, _, rest = rest[2:].partition(b"\0")
            _, _, value = rest.partition(b"\0")
            chunks[key.decode("latin-1")] = value.decode("utf-8")
        at += 12 + size
    return chunks


def glance(html: str) -> tuple[str, int]:
    """The page's word counts (``+29 −25``) and how many changes its glance lists."""
    words = re.search(
        r'<span class="words"><span class="ins-sample">(\+\d+)</span> '
        r'<span class="del-sample">(−\d+)</span> words?</span>',
        html,
    )
    assert words, "no word counts on the page"
    return f"{words[1]} {words[2]}", len(re.findall(r'<li class="glance-', html))


def test_the_screenshot_is_the_readme_command_and_shows_real_numbers(tmp_path: Path) -> None:
    text = README.read_text(encoding="utf-8")
    caption = re.search(
        r"`(redline diff [^`]+ -o redline\.html)`[^`]*?\((\+\d+ −\d+) words, (\d+) changes at a "
        r"glance[^)]*\):\n\n!\[[^]]+\]\(docs/screenshot\.png\)",
        text,
    )
    assert caption, "README.md: the screenshot has no caption with its command and numbers"
    command, words, items = shlex.split(caption[1]), caption[2], int(caption[3])
    # the quick start's command, and what the script draws without arguments
    assert shlex.split(quick_start()[0].split("&&")[3]) == command
    default = re.search(r"^\s+set -- (.+)$", SCRIPT.read_text(encoding="utf-8"), re.M)
    assert default and shlex.split(default[1]) == command[2:4]
    # what the picture was made from, as the script wrote it into the PNG
    made = dict(
        line.split("=", 1) for line in png_text(SCREENSHOT.read_bytes())["redline"].splitlines()
    )
    assert shlex.split(made["command"]) == command
    assert (made["words"], int(made["items"])) == (words, items)
    # and what the command prints today
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    code, out = _run(tuple(command), tmp_path)
    assert code == 0, out
    real = glance((tmp_path / "redline.html").read_text(encoding="utf-8"))
    assert real == (words, items), f"run docs/make-screenshot.sh: the page now shows {real}"


def test_png_text_reads_what_the_script_writes() -> None:
    body = b"redline\0\0\0\0\0words=+1 \xe2\x88\x921\n"
    chunk = struct.pack(">I", len(body)) + b"iTXt" + body + b"\0\0\0\0"
    png = b"\x89PNG\r\n\x1a\n" + chunk + struct.pack(">I", 0) + b"IEND\0\0\0\0"
    assert png_text(png) == {"redline": "words=+1 −1\n"}


def test_the_readme_pins_a_commit_not_a_tag_that_does_not_exist() -> None:
    """No release is tagged: ``rev:`` and ``git+https://…@`` name a commit SHA."""
    text = README.read_text(encoding="utf-8")
    revs = re.findall(r"^\s*rev:\s*(.+?)\s*$", text, re.M)
    pins = re.findall(r"git\+https://[^\s\"@]+(@[^\"\n]+)?", text)
    assert revs and pins
    assert all(rev == "<commit sha>" or re.fullmatch(r"[0-9a-f]{40}", rev) for rev in revs)
    assert all(pin == "@<commit sha>" for pin in pins), pins
