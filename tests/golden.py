"""Golden files: compare output with a stored copy, show a diff, save the actual.

>>> # in a test:  assert_golden("small.html", render(...), request)

On a mismatch the test fails with a unified diff and the actual output is written
to ``tests/golden-actual/`` (git-ignored) for a closer look; ``pytest
--update-golden`` rewrites the stored copies instead. An HTML page is compared without
the text of its ``<style>`` (`page_body`), so a CSS edit rewrites no golden file;
tests/test_render_html.py checks the CSS itself.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"
ACTUAL = Path(__file__).parent / "golden-actual"
MAX_DIFF_LINES = 200  # enough to see what went wrong, short enough to read in a log
STYLE = re.compile(r"(<style>).*?(</style>)", re.S)


def page_body(html: str) -> str:
    """An HTML page with its stylesheet left out, what a golden file holds.

    >>> page_body("<head><style>p { color: red }</style></head><p>x</p>")
    '<head><style>/* templates/redline.css */</style></head><p>x</p>'
    """
    return STYLE.sub(r"\1/* templates/redline.css */\2", html)


def assert_golden(
    name: str, actual: str, request: pytest.FixtureRequest, folder: Path = GOLDEN
) -> None:
    """Fail with a diff unless `actual` equals the golden file `folder/name`.

    `name` may contain sub-folders (``examples/l11.html``).
    """
    path = folder / name
    if name.endswith(".html"):
        actual = page_body(actual)
    if request.config.getoption("--update-golden"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="")
        return
    if not path.exists():
        pytest.fail(f"no golden file {path}; run pytest --update-golden to create it")
    with path.open(encoding="utf-8", newline="") as f:  # newline="": compare bytes as written
        expected = f.read()
    if actual == expected:
        return
    saved = ACTUAL / path.relative_to(folder)
    saved.parent.mkdir(parents=True, exist_ok=True)
    saved.write_text(actual, encoding="utf-8", newline="")
    diff = list(
        difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=str(path),
            tofile=str(saved),
        )
    )
    shown = "".join(diff[:MAX_DIFF_LINES])
    cut = len(diff) - MAX_DIFF_LINES
    more = f"\n... {cut} more diff lines" if cut > 0 else ""
    pytest.fail(
        f"{name} differs from its golden file (actual saved to {saved}; "
        f"pytest --update-golden accepts it):\n{shown}{more}",
        pytrace=False,
    )
