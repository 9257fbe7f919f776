"""verify-tracked: what it says of each paragraph its tracked changes do not cover."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from redline.cli import main
from redline.parser import parse_document
from redline.verify import verify

ALPHA = "Alpha beta gamma delta epsilon zeta eta theta."
IOTA = "Iota kappa lambda mu nu xi omicron pi."


def untracked(base: str, submitted: str) -> tuple[str, ...]:
    """What `verify` names when SUBMITTED (read with its changes rejected) is not BASE."""
    sub = parse_document(submitted)
    return verify(sub, sub, parse_document(base)).untracked


def test_a_merge_names_the_paragraphs_it_joined_once() -> None:
    """Two paragraphs of BASE joined with tracking off: one line, saying which two."""
    assert untracked(f"{ALPHA}\n\n{IOTA}\n\nRho.\n", f"{ALPHA} {IOTA}\n\nRho.\n") == (
        "P1: merged (was P1, P2)",
    )


def test_a_split_says_where_each_piece_was() -> None:
    assert untracked(f"{ALPHA} {IOTA}\n", f"{ALPHA}\n\n{IOTA}\n") == (
        "P1: split (was P1)",
        "P2: split (was P1)",
    )


def test_a_moved_paragraph_says_where_it_was_and_what_changed() -> None:
    base = "The General Assembly,\n\n1. Urges States to act;\n\n2. Notes the report;\n"
    sub = "The General Assembly,\n\nNoting the report,\n\n1. Urges States to act;\n"
    assert untracked(base, sub) == ("PP1: moved (was OP2): -[Notes] +[Noting] -[;] +[,]",)


def test_one_tracked_change_is_counted_once(tmp_path: Path) -> None:
    """``sub.docx: 1 tracked change in OP1``, and no warning repeating the count."""
    base, new = tmp_path / "base.txt", tmp_path / "new.txt"
    base.write_text("The General Assembly,\n\n1. Urges States to act;\n", encoding="utf-8")
    new.write_text("The General Assembly,\n\n1. Urges all States to act;\n", encoding="utf-8")
    runner = CliRunner()
    sub = tmp_path / "sub.docx"
    assert runner.invoke(main, ["diff", str(base), str(new), "-o", str(sub)]).exit_code == 0
    r = runner.invoke(main, ["verify-tracked", str(sub), str(base)])
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[0] == f"{sub}: 1 tracked change in OP1"
    assert r.stderr == ""
