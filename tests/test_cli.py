"""The command line meets broken input: one line on stderr, exit 2, and files left whole.

Most runs go through `CliRunner`; a few start a real ``python -m redline`` so that
what a user sees (no traceback, the exit code) is checked end to end.
"""

from __future__ import annotations

import codecs
import importlib
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import redline
from redline.cli import EXIT_ERROR, main
from tests.test_align import check_lossless

FIXTURES = Path(__file__).parent / "fixtures"
RESOLUTION = FIXTURES / "un" / "A_RES_75_197.txt"
REPORT = FIXTURES / "A_75_479.md"


def redline_cli(*args: object, stdin: bytes | str | None = None) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], input=stdin)


def assert_one_line_error(result: Result, *words: str) -> str:
    """Exit 2, nothing on stdout, and one line on stderr holding every word."""
    assert result.exit_code == EXIT_ERROR, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("redline: error: ")
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0]
    return lines[0]


# --- bad input, clear errors ---------------------------------------------------

BAD_INPUTS = {
    # name: (bytes to write, or None for "no file"; words the message must hold)
    "missing": (None, "no such file"),
    "empty": (b"", "file is empty"),
    "whitespace": (b" \n\n\t\r\n  ", "file is empty"),
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >>\n", "not a readable PDF"),
    "zip": (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00notes.txt", "looks like a ZIP"),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "looks like a PNG"),
    "undecodable": (b"The General Assembly,\n\n1. Urges \x81\x8d\x8f;\n", "undecodable bytes"),
    "mixed-encodings": (
        "The General Assembly,\n\n1. Welcomes Côte d’Ivoire;\n".encode()
        + b"2. Notes \x93this\x94;\n",
        "mixed encodings",
    ),
    "binary": (bytes(range(256)) * 16, "looks like a binary file"),
}


@pytest.mark.parametrize("name", BAD_INPUTS)
@pytest.mark.parametrize("side", ["old", "new"])
def test_bad_input_to_diff_is_one_line_naming_the_file(tmp_path, name, side):
    data, problem = BAD_INPUTS[name]
    bad = tmp_path / f"{name}.txt"
    if data is not None:
        bad.write_bytes(data)
    args = (bad, RESOLUTION) if side == "old" else (RESOLUTION, bad)
    assert_one_line_error(redline_cli("diff", *args), str(bad), problem)


@pytest.mark.parametrize("command", ["show", "sponsors"])
@pytest.mark.parametrize("name", ["missing", "pdf", "mixed-encodings"])
def test_bad_input_to_show_and_sponsors(tmp_path, command, name):
    data, problem = BAD_INPUTS[name]
    bad = tmp_path / f"{name}.txt"
    if data is not None:
        bad.write_bytes(data)
    assert_one_line_error(redline_cli(command, bad), str(bad), problem)


def test_a_directory(tmp_path):
    assert_one_line_error(redline_cli("diff", tmp_path, RESOLUTION), str(tmp_path), "directory")


def test_permission_denied(tmp_path, monkeypatch):
    # root (as in CI containers) reads a chmod 000 file, so the refusal is simulated
    locked = tmp_path / "locked.txt"
    locked.write_bytes(RESOLUTION.read_bytes())

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("redline.read.open", refuse, raising=False)
    assert_one_line_error(redline_cli("diff", locked, RESOLUTION), str(locked), "permission denied")


def test_a_pick_that_names_no_resolution_lists_those_there_are():
    line = assert_one_line_error(redline_cli("diff", f"{REPORT}#IX", RESOLUTION), "#IX")
    assert "I (A/C.3/75/L.4/Rev.1)" in line and "IV (A/C.3/75/L.11)" in line


def test_a_text_without_resolution_structure_is_compared_as_paragraphs_with_a_warning(tmp_path):
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text("Dear colleagues,\n\nPlease find the text attached.\n", encoding="utf-8")
    new.write_text("Dear colleagues,\n\nPlease find the revised text attached.\n", encoding="utf-8")
    result = redline_cli("diff", old, new, "--format", "json")
    assert result.exit_code == 0, result.output
    assert "no resolution structure found" in result.stderr
    assert str(old) in result.stderr and str(new) in result.stderr
    assert '"+", "revised "' in result.stdout.replace("\n", "").replace("  ", "")


def test_a_bug_is_one_line_too_and_asks_for_debug(monkeypatch):
    def broken(old, new):
        raise ZeroDivisionError("division by zero")

    # the module, not the function `redline.compare` that the package binds
    monkeypatch.setattr(importlib.import_module("redline.compare"), "compare", broken)
    line = assert_one_line_error(redline_cli("diff", RESOLUTION, RESOLUTION))
    assert "internal error: ZeroDivisionError" in line and "--debug" in line


# --- the real program, as a user starts it --------------------------------------


def run_redline(*args: object, module: str = "redline") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", module, *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


@pytest.mark.parametrize("module", ["redline", "redline.cli"])
def test_python_dash_m_runs_the_tool(module):
    proc = run_redline("diff", RESOLUTION, RESOLUTION, "--exit-code", module=module)
    assert proc.returncode == 0, proc.stderr
    assert "no changes" in proc.stdout


def test_a_missing_file_is_one_line_and_exit_2_for_real(tmp_path):
    proc = run_redline("diff", tmp_path / "nope.txt", RESOLUTION)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr == f"redline: error: {tmp_path / 'nope.txt'}: no such file\n"


def test_a_damaged_pdf_is_one_line_and_exit_2_for_real(tmp_path):
    pdf = tmp_path / "L.11.pdf"
    pdf.write_bytes(BAD_INPUTS["pdf"][0])
    proc = run_redline("show", pdf, module="redline.cli")
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr.count("\n") == 1 and "not a readable PDF" in proc.stderr


def test_debug_shows_the_traceback(tmp_path):
    proc = run_redline("diff", tmp_path / "nope.txt", RESOLUTION, "--debug")
    assert proc.returncode != 0
    assert "Traceback (most recent call last)" in proc.stderr
    assert "InputError" in proc.stderr and "no such file" in proc.stderr


# --- encodings are read, not refused ------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
     ("utf-16-be", codecs.BOM_UTF16_BE)],
    ids=["utf8", "utf8-bom", "utf16-le", "utf16-be"],
)  # fmt: skip
def test_a_re_encoded_copy_shows_no_changes(tmp_path, encoding, bom):
    copy = tmp_path / "copy.txt"
    text = RESOLUTION.read_text(encoding="utf-8").replace("\n", "\r\n")
    copy.write_bytes(bom + text.encode(encoding))
    result = redline_cli("diff", RESOLUTION, copy, "--exit-code")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert "no changes" in result.stdout


def test_windows_1252_is_read_with_a_warning_on_stderr(tmp_path):
    copy = tmp_path / "cp1252.txt"
    copy.write_bytes(RESOLUTION.read_text(encoding="utf-8").encode("cp1252"))
    result = redline_cli("diff", RESOLUTION, copy, "--exit-code")
    assert result.exit_code == 0, result.output
    assert result.stderr == f"redline: warning: {copy}: not UTF-8; read as Windows-1252\n"


# --- standard input ------------------------------------------------------------


def test_standard_input_for_either_side():
    data = RESOLUTION.read_bytes()
    for args in (("-", RESOLUTION), (RESOLUTION, "-")):
        result = redline_cli("diff", *args, "--exit-code", stdin=data)
        assert result.exit_code == 0, result.output
        assert "no changes" in result.stdout


def test_standard_input_is_checked_like_a_file():
    assert_one_line_error(redline_cli("show", "-", stdin=b""), "-: file is empty")
    assert_one_line_error(redline_cli("show", "-", stdin=b"%PDF-1.4\n"), "-: not a readable PDF")


# --- large input ---------------------------------------------------------------


def test_max_size_refuses_with_a_clear_message():
    assert_one_line_error(
        redline_cli("diff", RESOLUTION, RESOLUTION, "--max-size", "1000"),
        str(RESOLUTION), "too large", "the limit is 1000 bytes, raise it with --max-size",
    )  # fmt: skip


def test_max_size_applies_to_standard_input():
    result = redline_cli("show", "-", "--max-size", "1000", stdin=RESOLUTION.read_bytes())
    assert_one_line_error(result, "-: file is too large")


def test_a_50_mb_file_is_refused_by_default(tmp_path):
    big = tmp_path / "big.txt"
    paragraph = (
        b"Recalling its resolution 73/188 of 17 December 2018 and all other resolutions,\n\n"
    )
    with big.open("wb") as f:
        f.write(b"The General Assembly,\n\n" + paragraph)
        f.truncate(50_000_000)  # sparse: the size check must fire before any reading
    assert big.stat().st_size == 50_000_000
    result = redline_cli("diff", big, RESOLUTION)
    assert_one_line_error(result, str(big), "too large (50.0 MB", "--max-size")


def _numbered(paragraphs: list[str]) -> str:
    body = "\n\n".join(f"{k}. {p}" for k, p in enumerate(paragraphs, 1))
    return f"The General Assembly,\n\n{body}\n"


@pytest.mark.parametrize("shuffled", [False, True], ids=["in-order", "shuffled"])
def test_two_thousand_near_identical_paragraphs_all_changed_finish_losslessly(shuffled):
    import random

    old = [f"Requests the Secretary-General to report on item {i} of the agenda;" for i in
           range(2000)]  # fmt: skip
    new = [p.replace("Requests", "Invites") for p in old]
    if shuffled:
        random.Random(8).shuffle(new)
    a, b = redline.parse_text(_numbered(old)), redline.parse_text(_numbered(new))
    assert len(a.paragraphs) == len(b.paragraphs) == 2000
    comparison = redline.compare(a, b)
    check_lossless(list(a.paragraphs), list(b.paragraphs), comparison.entries)
    assert comparison.differs


# --- files are safe ------------------------------------------------------------


def test_output_is_written_with_no_temporary_file_left(tmp_path):
    out = tmp_path / "diff.html"
    result = redline_cli("diff", RESOLUTION, RESOLUTION, "-o", out)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    assert [p.name for p in tmp_path.iterdir()] == ["diff.html"]


def test_a_failing_renderer_leaves_the_old_output_untouched(tmp_path, monkeypatch):
    out = tmp_path / "diff.html"
    out.write_text("yesterday's redline", encoding="utf-8")

    def broken(fmt):
        def render(comparison, options):
            raise RuntimeError("renderer crashed")

        return render

    monkeypatch.setattr("redline.render.renderer", broken)
    assert_one_line_error(
        redline_cli("diff", RESOLUTION, RESOLUTION, "-o", out), "renderer crashed"
    )
    assert out.read_text(encoding="utf-8") == "yesterday's redline"
    assert [p.name for p in tmp_path.iterdir()] == ["diff.html"]


def test_a_failing_write_leaves_the_old_output_untouched(tmp_path, monkeypatch):
    out = tmp_path / "diff.json"
    out.write_text("{}", encoding="utf-8")

    def disk_full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("redline.cli.os.replace", disk_full)
    line = assert_one_line_error(redline_cli("diff", RESOLUTION, RESOLUTION, "-o", out), str(out))
    assert "No space left on device" in line
    assert "internal error" not in line
    assert out.read_text(encoding="utf-8") == "{}"
    assert [p.name for p in tmp_path.iterdir()] == ["diff.json"]


def test_an_unwritable_output_folder_is_one_line(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", refuse)
    line = assert_one_line_error(
        redline_cli("diff", RESOLUTION, RESOLUTION, "-o", tmp_path / "out.txt"), "out.txt"
    )
    assert "Permission denied" in line and "internal error" not in line


def test_a_missing_output_folder_is_one_line(tmp_path):
    out = tmp_path / "no" / "such" / "out.txt"
    assert_one_line_error(redline_cli("diff", RESOLUTION, RESOLUTION, "-o", out), "does not exist")


@pytest.mark.parametrize("spelling", ["same", "dotted", "pick"])
def test_an_output_that_is_an_input_is_refused_and_the_input_kept(tmp_path, monkeypatch, spelling):
    monkeypatch.chdir(tmp_path)
    report = tmp_path / "report.md"
    report.write_bytes(REPORT.read_bytes())
    old = {"same": "report.md", "dotted": "./sub/../report.md", "pick": "report.md#IV"}[spelling]
    (tmp_path / "sub").mkdir()
    result = redline_cli("diff", old, RESOLUTION, "-o", "report.md")
    assert_one_line_error(result, "one of the inputs")
    assert report.read_bytes() == REPORT.read_bytes()


def test_an_output_reached_through_a_linked_folder_is_refused(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    draft = real / "draft.txt"
    draft.write_bytes(RESOLUTION.read_bytes())
    (tmp_path / "link").symlink_to(real)
    result = redline_cli("diff", draft, RESOLUTION, "-o", tmp_path / "link" / "draft.txt")
    assert_one_line_error(result, "one of the inputs")
    assert draft.read_bytes() == RESOLUTION.read_bytes()


@pytest.mark.parametrize(
    "args",
    [
        ("diff", "-", "-"),
        ("check", "-", "-"),
        ("check", "--", "-", "-#II"),
        ("verify-tracked", "-", "-"),
    ],
)
def test_standard_input_cannot_be_both_sides(args):
    result = redline_cli(*args, stdin=RESOLUTION.read_bytes())
    assert_one_line_error(result, "-: standard input can be read once")


@pytest.mark.parametrize("limit", ["0", "-5"])
def test_a_size_limit_below_one_byte_is_a_usage_error(limit):
    result = redline_cli("diff", RESOLUTION, RESOLUTION, "--max-size", limit)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Invalid value for '--max-size'" in result.stderr


# --- exit codes: carried by the error, mapped in one place ---------------------


def test_an_error_ends_every_command_with_the_code_it_carries(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`RedlineError.exit_code` decides the exit status, for every command alike: the
    CLI maps errors to their line and code once (`_Redline.invoke`), not per command."""
    from redline import errors

    class Refused(errors.RedlineError):
        exit_code = 3

    def refuse(source: str, **_kwargs: object) -> None:
        raise Refused(source, "refused for the test")

    monkeypatch.setattr("redline.parser.load.load", refuse)
    assert errors.InputError("x", "y").exit_code == errors.PickError("x", "y").exit_code == 2
    for args in (
        ["diff", RESOLUTION, REPORT],
        ["check", RESOLUTION, REPORT],
        ["show", RESOLUTION],
        ["sponsors", RESOLUTION],
        ["verify-tracked", RESOLUTION, REPORT],
    ):
        result = redline_cli(*args)
        assert result.exit_code == 3, (args, result.output)
        assert result.stderr == f"redline: error: {RESOLUTION}: refused for the test\n"
        # --debug, wherever it stands, lets the error through with its traceback
        result = redline_cli(*args, "--debug")
        assert isinstance(result.exception, Refused), args


@pytest.mark.parametrize(
    "command", ["diff", "check", "show", "sponsors", "batch", "verify-tracked"]
)
def test_every_command_that_reads_documents_says_it_takes_a_pdf(command: str) -> None:
    """A PDF is the recommended input (issue 14): each command's help says it reads one."""
    text = redline_cli(command, "--help").output
    assert "PDF" in text, text


def test_no_command_prints_the_help_not_a_one_line_error() -> None:
    """``redline`` alone: the help as ``redline --help`` prints it, on stderr (nothing
    was asked for, so nothing on stdout), exit 2 as for any usage error."""
    result = redline_cli()
    assert result.exit_code == EXIT_ERROR
    assert result.stdout == ""
    assert result.stderr == redline_cli("--help").stdout
    assert result.stderr.startswith("Usage: redline [OPTIONS] COMMAND [ARGS]...\n")
    assert "redline: error" not in result.stderr


@pytest.mark.parametrize(
    "args", [["--format", "text"], [], ["--format", "json"], ["--format", "markdown"],
             ["-o", "out.docx"]],
)  # fmt: skip
def test_side_by_side_outside_html_is_a_usage_error(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--layout side-by-side lays out HTML only: asked of another format it is refused,
    not silently ignored (and nothing is written)."""
    monkeypatch.chdir(tmp_path)
    result = redline_cli("diff", RESOLUTION, f"{REPORT}#IV", "--layout", "side-by-side", *args)
    line = assert_one_line_error(
        result, "--layout side-by-side", "HTML only", "redline diff --help"
    )
    assert "Usage:" not in line
    assert list(tmp_path.iterdir()) == []
    page = redline_cli("diff", RESOLUTION, f"{REPORT}#IV", "--layout", "side-by-side", "-f", "html")
    assert page.exit_code == 0 and "side-by-side" in page.stdout
