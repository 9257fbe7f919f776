"""The layering docs/ARCHITECTURE.md states, checked on the real imports.

`docs/import_graph.py` reads every ``import`` of the package (at the top or inside
a function); the rules below are the ones a change could break without noticing:

>>> graph = import_graph()
>>> sorted(graph["align"])
['model', 'worddiff']
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).parent.parent
ENGINE = (
    "align", "check", "compare", "errors", "model", "pdf", "predecessor", "read", "sponsors",
    "verify", "worddiff",
)  # fmt: skip
"""Modules that compute and return data: they never import a renderer."""


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("import_graph", ROOT / "docs/import_graph.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def import_graph() -> dict[str, dict[str, bool]]:
    """Module -> the redline modules it imports (name -> only inside a function)."""
    graph: dict[str, dict[str, bool]] = _script().graph()
    return graph


def test_the_graph_sees_top_level_and_lazy_imports() -> None:
    graph = import_graph()
    assert graph["compare"].keys() >= {"align", "model", "worddiff"}
    assert graph["cli"]["verify"] is True  # imported inside the command
    assert graph["render.text"]["render.common"] is False


def test_the_engine_imports_no_renderer() -> None:
    graph = import_graph()
    engine = [m for m in graph if m in ENGINE or m == "parser" or m.startswith("parser.")]
    assert "parser.markdown" in engine
    offenders = {m: sorted(d for d in graph[m] if d.split(".")[0] == "render") for m in engine}
    assert not any(offenders.values()), offenders


def test_no_module_imports_the_terminal_renderer() -> None:
    """Shared helpers live in render.common and render.wrap; render.text is reached
    through the registry (render.renderer) only."""
    users = [m for m, deps in import_graph().items() if "render.text" in deps]
    assert users == []


def test_the_documented_graph_is_the_real_one() -> None:
    """docs/ARCHITECTURE.md's import table is the one the imports give (regenerate it
    with ``python docs/import_graph.py --write``)."""
    doc = (ROOT / "docs/ARCHITECTURE.md").read_text(encoding="utf-8")
    table = _script().table()
    assert "| `render.docx` |" in table
    assert table.strip() in doc, "run: python docs/import_graph.py --write"
