"""The layering docs/ARCHITECTURE.md states, checked on the real imports.

`docs/import_graph.py` reads every ``import`` of the package (at the top or inside
a function); the rules below are the ones a change could break without noticing:

>>> graph = import_graph()
>>> sorted(graph["align"])
['model', 'worddiff']
"""

from __future__ import annotations

import ast
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


_SPLITTERS = {"split", "rsplit", "partition", "rpartition", "index", "rindex", "find", "rfind"}


def _label_splits(tree: ast.AST, slash_anywhere: bool) -> list[int]:
    """Lines that take a label apart at "/": a split, partition or search for "/" in
    ``x.label`` (or ``x.parent``), or ``"/" in x.label``; with ``slash_anywhere``, in
    anything."""

    def is_label(node: ast.AST) -> bool:
        return any(
            isinstance(n, ast.Attribute) and n.attr in ("label", "parent") for n in ast.walk(node)
        )

    def is_slash(node: ast.AST) -> bool:
        return isinstance(node, ast.Constant) and node.value == "/"

    out = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in _SPLITTERS
        ):
            if node.args and is_slash(node.args[0]):
                if slash_anywhere or is_label(node.func.value):
                    out.append(node.lineno)
        elif isinstance(node, ast.Compare) and isinstance(node.ops[0], (ast.In, ast.NotIn)):
            if is_slash(node.left) and (slash_anywhere or is_label(node.comparators[0])):
                out.append(node.lineno)
    return sorted(out)


def test_no_code_takes_a_label_apart() -> None:
    """The resolution a paragraph of a report belongs to is `Paragraph.resolution`, set
    once by `Document.flat`: no module recovers it from the label (``IV/OP5``), whose
    ``/`` may also stand between a section and a paragraph (``IV/II/OP3``). The
    renderers, batch, compare and sponsors do not split anything on "/"."""
    package = ROOT / "redline"
    strict = {"compare.py", "sponsors.py", "batch.py", "batch_index.py", "verify.py"}
    found = {}
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(package).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        lines = _label_splits(tree, rel.startswith("render/") or rel in strict)
        if lines:
            found[rel] = lines
    assert found == {}
    sample = (
        'a = e.old.label.partition("/")[0]\nb = "/" in p.label\nc = s.split("/")\n'
        'd = p.label.rindex("(")'
    )
    assert _label_splits(ast.parse(sample), False) == [1, 2]
    assert _label_splits(ast.parse(sample), True) == [1, 2, 3]


def test_the_cli_decides_nothing() -> None:
    """The CLI parses arguments, calls, prints and exits: which resolution of a report
    answers a single text is picked by `redline.parser.load`, not scored in the CLI."""
    cli = import_graph()["cli"]
    assert cli.keys() & {"align", "noise", "worddiff"} == set()
    assert "parser.load" in cli


_FRAME_WORDS = ("Agenda item", "draft (?:resolution|decision)\\s*$", "[IVXLC]+")


def _code_strings(tree: ast.AST) -> list[str]:
    """The string constants of a module that are not docstrings."""
    docs = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs
    ]


def test_the_words_of_a_documents_frame_are_written_once() -> None:
    """ "Agenda item", the end of a sponsor line (``Palau:* draft resolution``, also a
    draft decision) and a report's "Draft resolution IV" are known to `parser.vocab`
    only: the copies in the parser and the Word writer had drifted (one forgot "draft
    decision")."""
    found = {}
    for path in sorted((ROOT / "redline").rglob("*.py")):
        rel = path.relative_to(ROOT / "redline").as_posix()
        strings = _code_strings(ast.parse(path.read_text(encoding="utf-8")))
        hits = [w for w in _FRAME_WORDS if any(w in s for s in strings)]
        if hits:
            found[rel] = hits
    assert found.pop("parser/vocab.py") == list(_FRAME_WORDS)
    assert found == {}
