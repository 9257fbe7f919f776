"""The batch's own outputs: index.html, index.json and index.csv, from its rows.

Every text from the inputs (symbols, titles, file names, errors) is made visible
by `redline.render.safe` before it is written: `terminal_safe` for the HTML (then
autoescaped) and the CSV, `json_safe` for the JSON. Numbers are the rows' own,
which are `Comparison.summary`'s: the counts ``redline diff`` prints.

>>> from redline.batch import Row
>>> files = index_files([Row("new.txt", "A/RES/80/6", "Report")], Meta())
>>> sorted(files)
['index.csv', 'index.html', 'index.json']
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import redline
from redline.batch import Row, row_json
from redline.predecessor import HOWS
from redline.render.safe import json_safe, terminal_safe

__all__ = ["CSV_COLUMNS", "SCHEMA", "Meta", "index_files"]

SCHEMA = "redline-batch/1"

CSV_COLUMNS = (
    "new", "new_symbol", "new_title", "old", "old_symbol", "how", "detail", "similarity",
    "changed", "inserted", "deleted", "moved", "words_inserted", "words_deleted",
    "sponsors_added", "sponsors_removed", "page", "check", "error",
)  # fmt: skip


@dataclass(frozen=True)
class Meta:
    """What the index says of the batch as a whole."""

    old: tuple[str, ...] = ()
    """OLD_DIR and NEW_DIR as given."""
    new: tuple[str, ...] = ()
    generated: str = ""
    check: bool = False
    formats: tuple[str, ...] = ("html",)


def _pages(row: Row, formats: Sequence[str]) -> list[dict[str, str]]:
    stem = row.page[: -len(".html")]
    return [{"name": f, "href": f"{stem}.{f}"} for f in formats if f != "html"]


def _changed(summary: Any) -> int:
    """Changed paragraphs as `redline diff` counts them: changed, split and merged."""
    return int(summary.get("changed", 0) + summary.get("split", 0) + summary.get("merged", 0))


def _base(key: str) -> str:
    """A file as the index shows it: its name, with any ``#pick``.

    >>> _base("tests/corpus/pdf/A_80_L.20.pdf"), _base("r/A_75_479.md#IV")
    ('A_80_L.20.pdf', 'A_75_479.md#IV')
    """
    path, sep, pick = key.partition("#")
    return os.path.basename(path) + sep + pick


def _counts(rows: Sequence[Row]) -> dict[str, int]:
    return {
        "texts": len(rows),
        "pairs": sum(1 for r in rows if r.page and not r.error),
        "differ": sum(1 for r in rows if r.page and not r.error and r.differs),
        "check_differs": sum(1 for r in rows if r.check and r.check != "match"),
        "unmatched": sum(1 for r in rows if not r.page and not r.error),
        "failed": sum(1 for r in rows if r.error),
    }


def _html(rows: Sequence[Row], meta: Meta) -> str:
    from redline.render.html import render_template, template_text

    script = template_text("index.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    v = terminal_safe
    shown = []
    for r in rows:
        s = r.summary
        shown.append({
            "new_symbol": v(r.new_symbol or _base(r.new)),
            "new_title": v(r.new_title or _base(r.new)),
            "old_symbol": v(r.old_symbol or _base(r.old or "")),
            "how": v(r.how or ""),
            "detail": v(r.detail),
            "check": v(r.check),
            "similarity": f"{r.similarity:.2f}",
            "candidates": v(", ".join(f"{_base(c)} ({s_:.2f})" for c, s_ in r.candidates)),
            "changed": _changed(s),
            "inserted": s.get("inserted", 0),
            "deleted": s.get("deleted", 0),
            "moved": s.get("moved", 0),
            "words_inserted": s.get("words_inserted", 0),
            "words_deleted": s.get("words_deleted", 0),
            "sponsors_added": len(r.sponsors_added),
            "sponsors_removed": len(r.sponsors_removed),
            "page": r.page if not r.error else "",
            "extra_pages": _pages(r, meta.formats) if r.page else [],
            "error": v(r.error),
        })  # fmt: skip
    return render_template("index.html", {
        "version": redline.__version__,
        "generated": v(meta.generated),
        "rows": shown,
        "counts": _counts(rows),
        "check": meta.check,
        "hows": [{"name": k, "text": t} for k, t in HOWS.items()],
        "script_hash": f"sha256-{digest}",
    })  # fmt: skip


def _json(rows: Sequence[Row], meta: Meta) -> str:
    data = {
        "schema": SCHEMA,
        "redline": redline.__version__,
        "generated": meta.generated,
        "old": list(meta.old),
        "new": list(meta.new),
        "counts": _counts(rows),
        "pairs": [row_json(r) for r in rows if r.page and not r.error],
        "unmatched": [
            {
                "new": r.new,
                "new_symbol": r.new_symbol,
                "new_title": r.new_title,
                "detail": r.detail,
                "candidates": [{"old": c, "similarity": s} for c, s in r.candidates],
            }
            for r in rows
            if not r.page and not r.error
        ],
        "failed": [{"new": r.new, "old": r.old, "error": r.error} for r in rows if r.error],
    }
    return json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


def _csv(rows: Sequence[Row]) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for r in rows:
        s = r.summary
        cells: dict[str, object] = {
            "new": r.new, "new_symbol": r.new_symbol or "", "new_title": r.new_title,
            "old": r.old or "", "old_symbol": r.old_symbol or "", "how": r.how or "",
            "detail": r.detail, "similarity": f"{r.similarity:.4f}",
            "changed": _changed(s) if s else "", "inserted": s.get("inserted", ""),
            "deleted": s.get("deleted", ""), "moved": s.get("moved", ""),
            "words_inserted": s.get("words_inserted", ""),
            "words_deleted": s.get("words_deleted", ""),
            "sponsors_added": len(r.sponsors_added) if s else "",
            "sponsors_removed": len(r.sponsors_removed) if s else "",
            "page": r.page if not r.error else "", "check": r.check, "error": r.error,
        }  # fmt: skip
        w.writerow([terminal_safe(str(cells[c])) for c in CSV_COLUMNS])
    return out.getvalue()


def index_files(rows: Sequence[Row], meta: Meta) -> dict[str, str]:
    """index.html, index.json and index.csv for the rows, by file name."""
    return {
        "index.csv": _csv(rows),
        "index.html": _html(rows, meta),
        "index.json": _json(rows, meta),
    }
