"""Behaviour golden cases: one folder per behaviour under ``tests/cases/``.

Each folder ``tests/cases/<behaviour>/`` holds ``old.<ext>`` and ``new.<ext>`` (any input
redline reads: ``.txt``, ``.md``, ``.docx``, ``.pdf`` …), ``expected.txt`` (exactly what
``redline diff old.<ext> new.<ext> --format text --color never`` prints, run inside the
folder) and optionally ``expected.json`` (``--format json``, same run). A ``README.md``
says what behaviour the case pins and where its text comes from.

Rewrite the expected files with ``python -m pytest tests/test_cases.py --update-golden``
(to add an ``expected.json``, create it empty first, then update).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from redline.cli import EXIT_OK, main
from tests.golden import assert_golden

CASES = Path(__file__).parent / "cases"
FIXED_TIME = "1767225600"  # SOURCE_DATE_EPOCH for the run: 2026-01-01 00:00 UTC
ALLOWED_FILES = {"README.md", "expected.txt", "expected.json"}


def case_folders() -> list[Path]:
    """Every folder under tests/cases/ that holds a case (at least one file)."""
    return sorted(p for p in CASES.iterdir() if p.is_dir() and any(p.iterdir()))


def inputs(folder: Path) -> tuple[str, str]:
    """The names of the folder's ``old.*`` and ``new.*`` files; exactly one of each."""
    olds = sorted(p.name for p in folder.glob("old.*"))
    news = sorted(p.name for p in folder.glob("new.*"))
    assert len(olds) == 1, f"{folder}: needs exactly one old.<ext>, has {olds}"
    assert len(news) == 1, f"{folder}: needs exactly one new.<ext>, has {news}"
    return olds[0], news[0]


def run_diff(folder: Path, old: str, new: str, fmt: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """What ``redline diff old new --format fmt --color never`` prints, run in `folder`."""
    monkeypatch.chdir(folder)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXED_TIME)
    monkeypatch.delenv("NO_COLOR", raising=False)
    args = ["diff", old, new, "--format", fmt, "--color", "never"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == EXIT_OK, f"{folder.name}: exit {result.exit_code}\n{result.output}"
    return result.stdout


def test_there_are_cases() -> None:
    """The runner is not vacuous: the cases of issue 16 are there."""
    names = {p.name for p in case_folders()}
    assert {"reworded-move", "split-with-edits", "fewest-moves"} <= names


@pytest.mark.parametrize("folder", case_folders(), ids=lambda p: p.name)
def test_case_folder_holds_only_known_files(folder: Path) -> None:
    old, new = inputs(folder)
    extra = {p.name for p in folder.iterdir()} - ALLOWED_FILES - {old, new}
    assert not extra, f"{folder.name}: unexpected files {sorted(extra)}"
    assert (folder / "expected.txt").exists(), f"{folder.name}: no expected.txt"


@pytest.mark.parametrize("folder", case_folders(), ids=lambda p: p.name)
def test_case_text_diff_is_as_expected(
    folder: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = inputs(folder)
    actual = run_diff(folder, old, new, "text", monkeypatch)
    assert_golden(f"{folder.name}/expected.txt", actual, request, folder=CASES)


@pytest.mark.parametrize(
    "folder", [p for p in case_folders() if (p / "expected.json").exists()], ids=lambda p: p.name
)
def test_case_json_diff_is_as_expected(
    folder: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = inputs(folder)
    actual = run_diff(folder, old, new, "json", monkeypatch)
    assert_golden(f"{folder.name}/expected.json", actual, request, folder=CASES)
