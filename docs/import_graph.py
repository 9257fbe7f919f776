#!/usr/bin/env python3
"""Print redline's import graph, as it really is, from the ``import`` statements.

Every module of the package and the redline modules it imports, at the top or
inside a function (lazily, marked ``*``), as a Markdown table; then the modules
that import each one. ``docs/ARCHITECTURE.md`` holds its output.

    python docs/import_graph.py            # the table
    python docs/import_graph.py --check    # exit 1 if ARCHITECTURE.md holds another one
    python docs/import_graph.py --write    # put it into ARCHITECTURE.md
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "redline"
DOC = ROOT / "docs" / "ARCHITECTURE.md"
BEGIN, END = "<!-- import graph: begin -->", "<!-- import graph: end -->"


def module_name(path: Path) -> str:
    """``redline/render/text.py`` -> ``render.text``; a package's ``__init__`` is the package."""
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts) or "redline"


def imports(path: Path, known: set[str]) -> dict[str, bool]:
    """The redline modules `path` imports: name -> whether only inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = {id(node) for node in tree.body}
    here = module_name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    found: dict[str, bool] = {}
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".") if package not in ("", "redline") else []
                base = base[: len(base) - node.level + 1] if node.level > 1 else base
                mod = ".".join([*base, *(node.module.split(".") if node.module else [])])
                names = [f"redline.{mod}" if mod else "redline"]
            else:
                names = [node.module or ""]
            names += [f"{names[0]}.{a.name}" for a in node.names]
        for name in names:
            if not (name == "redline" or name.startswith("redline.")):
                continue
            short = name.removeprefix("redline.") if name != "redline" else "redline"
            while short not in known and "." in short:
                short = short.rpartition(".")[0]
            if short in known and short != here:
                lazy = id(node) not in top and not _in_type_checking(tree, node)
                found[short] = found.get(short, True) and lazy
    return found


def _in_type_checking(tree: ast.Module, node: ast.AST) -> bool:
    for stmt in tree.body:
        if isinstance(stmt, ast.If) and "TYPE_CHECKING" in ast.unparse(stmt.test):
            if any(n is node for n in ast.walk(stmt)):
                return True
    return False


def graph() -> dict[str, dict[str, bool]]:
    files = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)
    known = {module_name(p) for p in files}
    return {module_name(p): imports(p, known) for p in files}


def table() -> str:
    g = graph()
    users: dict[str, list[str]] = {m: [] for m in g}
    for m, deps in g.items():
        for d in deps:
            users[d].append(m)
    rows = ["| module | imports (`*` only inside a function) | imported by |", "|---|---|---|"]
    for m, deps in g.items():
        shown = ", ".join(f"{d}{'*' if lazy else ''}" for d, lazy in sorted(deps.items()))
        rows.append(f"| `{m}` | {shown or '—'} | {', '.join(sorted(users[m])) or '—'} |")
    return "\n".join(rows) + "\n"


def main() -> int:
    text = table()
    if sys.argv[1:] in (["--check"], ["--write"]):
        doc = DOC.read_text(encoding="utf-8")
        before, rest = doc.split(BEGIN, 1)
        held, after = rest.split(END, 1)
        if sys.argv[1] == "--write":
            DOC.write_text(f"{before}{BEGIN}\n{text}{END}{after}", encoding="utf-8")
        elif held.strip("\n") + "\n" != text:
            print("docs/ARCHITECTURE.md: the import graph is out of date; run")
            print("python docs/import_graph.py --write")
            return 1
        return 0
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
