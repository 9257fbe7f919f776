"""The wheel carries the templates: build it, install it in a fresh venv, render HTML."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_wheel_ships_templates_and_renders_html_from_the_installed_copy(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
        check=True,
    )
    (wheel,) = dist.glob("redline-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "redline/templates/redline.html" in names
    assert "redline/data/member_states.tsv" in names

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", str(wheel)], check=True)
    out = tmp_path / "redline.html"
    # run from an empty folder so the checkout's own package cannot be imported
    done = subprocess.run(
        [
            str(py), "-m", "redline.cli", "diff",
            str(ROOT / "examples" / "A_RES_73_188.txt"),
            str(ROOT / "examples" / "A_75_479.md") + "#IV",
            "-o", str(out),
        ],
        cwd=tmp_path, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    where = subprocess.run(
        [str(py), "-c", "import redline, sys; sys.stdout.write(redline.__file__)"],
        cwd=tmp_path, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert str(env_dir) in where
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<del>" in html and "Recalls" in html
