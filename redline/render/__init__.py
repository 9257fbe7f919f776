"""Renderers: one module per output format, chosen from `RENDERERS`.

Each renderer reads a `Comparison` (and `RenderOptions`) and returns text or
bytes. None of them changes the comparison.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from redline.model import Comparison


@dataclass(frozen=True)
class RenderOptions:
    """How the user asked for the output to look."""

    layout: str = "inline"
    """HTML: ``inline`` or ``side-by-side``."""
    color: bool = False
    """Text: ANSI colours (decided by the CLI from ``--color`` / NO_COLOR / tty)."""
    context: int = 0
    """Text: unchanged neighbours shown around each change."""
    stat: bool = False
    """Text: summary only."""
    width: int = 80
    """Text: wrap width."""
    generated: str = ""
    """When the comparison was made, as it should be printed (from SOURCE_DATE_EPOCH)."""
    author: str = "redline"
    """docx: author of the tracked changes."""


# format name -> "module:function"; modules are imported only when used, so the
# JSON path never imports jinja2. The order is the one ``--format`` lists.
RENDERERS: dict[str, str] = {
    "text": "redline.render.text:render",
    "json": "redline.render.json:render",
    "html": "redline.render.html:render",
    "markdown": "redline.render.markdown:render",
    "docx": "redline.render.docx:render",
}

# file extension of ``-o`` -> the format it names; every one is a key of RENDERERS
EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".docx": "docx",
}


def renderer(fmt: str) -> Callable[[Comparison, RenderOptions], str | bytes]:
    """The render function for a format name."""
    module, func = RENDERERS[fmt].split(":")
    fn: Callable[[Comparison, RenderOptions], str | bytes] = getattr(
        importlib.import_module(module), func
    )
    return fn
