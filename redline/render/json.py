"""JSON: the comparison as data, schema ``redline/1`` (see docs/json-schema.md).

A contract for scripts and CI: keys are always present, lists are never missing,
and the same comparison gives the same bytes. Standard library only (no jinja2
on this path).

>>> from redline.model import Comparison, Document, DocKind
>>> doc = Document(source="a.md", format="markdown", kind=DocKind.TEXT)
>>> out = render(Comparison(old=doc, new=doc, entries=()), RenderOptions())
>>> out.splitlines()[1]
'  "schema": "redline/1",'
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from typing import Any

from redline.model import Comparison, Document, Entry, MarkAt, Paragraph, Segment, SponsorChange
from redline.render import RenderOptions
from redline.render.safe import json_safe

SCHEMA = "redline/1"


def diff(segments: tuple[Segment, ...]) -> list[list[str]]:
    """A word diff as ``[op, text]`` pairs.

    >>> diff((Segment("=", "Urges "), Segment("+", "all")))
    [['=', 'Urges '], ['+', 'all']]
    """
    return [[s.op, s.text] for s in segments]


def _document(doc: Document) -> dict[str, Any]:
    return {
        "source": doc.source,
        "symbol": doc.symbol,
        "title": doc.title,
        "kind": doc.kind.value,
        "format": doc.format,
        "sponsors": list(doc.sponsors.names),
        "on_behalf_of": doc.sponsors.on_behalf_of,
    }


def _sponsors(s: SponsorChange) -> dict[str, Any]:
    """Canonical names and counts; the names as printed are in ``old``/``new`` ``sponsors``."""
    return {
        "added": list(s.added),
        "removed": list(s.removed),
        "unchanged": list(s.unchanged),
        "old_count": s.old_count,
        "new_count": s.new_count,
        # A set, not a sequence: sorted so the output is stable.
        "unrecognised": sorted(set(s.unrecognised)),
        "old_group": s.old_group,
        "new_group": s.new_group,
        "old_unlisted": s.old_unlisted,
        "new_unlisted": s.new_unlisted,
    }


def _lines(p: Paragraph | None) -> list[int] | None:
    return list(p.lines) if p is not None and p.lines != (0, 0) else None


def _marks(placed: tuple[MarkAt, ...] | None) -> list[dict[str, Any]] | None:
    """Where each cited footnote mark stands in the entry's ``diff``; None when unknown.

    >>> _marks((MarkAt("1", 0, 9),)), _marks(None)
    ([{'mark': '1', 'segment': 0, 'offset': 9}], None)
    """
    if placed is None:
        return None
    return [{"mark": m.mark, "segment": m.segment, "offset": m.offset} for m in placed]


def _entry(e: Entry) -> dict[str, Any]:
    para = e.new or e.old
    return {
        "status": e.status.value,
        "old": e.old.label if e.old else None,
        "new": e.new.label if e.new else None,
        "kind": para.kind.value if para else None,
        "group": e.group,
        # Rounded so the bytes do not depend on float noise in the engine.
        "similarity": round(e.similarity, 3),
        "diff": diff(e.segments),
        "footnotes": [
            {"old": f.old_mark, "new": f.new_mark, "diff": diff(f.segments)} for f in e.footnotes
        ],
        "marks": {"old": _marks(e.old_marks), "new": _marks(e.new_marks)},
        "words": {"inserted": e.words[0], "deleted": e.words[1]},
        "lines": {"old": _lines(e.old), "new": _lines(e.new)},
    }


def data(comparison: Comparison) -> dict[str, Any]:
    """The comparison as plain JSON-ready data, keys in documented order."""
    s = comparison.sponsors
    warnings = [
        f"{side}: {w}"
        for side, doc in (("old", comparison.old), ("new", comparison.new))
        for w in doc.warnings
    ]
    return {
        "schema": SCHEMA,
        "old": _document(comparison.old),
        "new": _document(comparison.new),
        "title": diff(comparison.title),
        "summary": comparison.summary(),
        "differs": comparison.differs,
        "sponsors": {
            **_sponsors(s),
            "by_resolution": [
                {"old": b.old, "new": b.new, **_sponsors(b.change)} for b in s.by_resolution
            ],
        },
        "paragraphs": [_entry(e) for e in comparison.entries],
        "footnotes": {
            "old": [{"mark": f.mark, "text": f.text} for f in comparison.old_footnotes],
            "new": [{"mark": f.mark, "text": f.text} for f in comparison.new_footnotes],
        },
        "warnings": warnings,
    }


# json.dumps(indent=2) runs the pure-Python encoder (the C one has no indent), which
# walks every value through generators. The same bytes are written here directly,
# with the C string encoder that json.dumps(ensure_ascii=False) uses for strings.
_STRING: Callable[[str], str] = json.encoder.encode_basestring
_OPS = frozenset(("=", "+", "-"))


def _pair(value: Sequence[Any]) -> bool:
    """An [op, text] pair or a [first, last] line pair, written on one line.

    The first element is an op or a whole number, the second a string or a whole
    number. (Newlines inside strings are always escaped, so these are the lists the
    layout can join without changing what the JSON says.)
    """
    if len(value) != 2:
        return False
    first, second = value
    if isinstance(first, str):
        if first not in _OPS:
            return False
    elif not _whole(first):
        return False
    return isinstance(second, str) or _whole(second)


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _scalar(value: Any) -> str:
    """A string, number, true, false or null, exactly as json.dumps writes it."""
    if isinstance(value, str):
        return _STRING(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float) and math.isfinite(value):
        return float.__repr__(value)
    return json.dumps(value)  # NaN, Infinity, or the error json.dumps gives


def _flat(value: Any) -> str | None:
    """A value that takes no lines of its own (a scalar, an empty or a pair list), as
    json.dumps(indent=2) and the one-line pairs write it; None for any other."""
    if isinstance(value, str):
        return _STRING(value)
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        if _pair(value):
            return "[" + _scalar(value[0]) + ", " + _scalar(value[1]) + "]"
        return None
    if isinstance(value, dict):
        return None if value else "{}"
    return _scalar(value)


def _write(value: dict[str, Any] | Sequence[Any], pad: str, out: list[str]) -> None:
    """Append a non-empty dict or list as json.dumps(indent=2) lays it out, one-line
    pairs apart; `pad` is its own indent. Keys are strings (`data` has no others)."""
    inner = pad + "  "
    if isinstance(value, dict):
        sep = "{\n"
        for k, v in value.items():
            flat = _flat(v)
            if flat is None:
                out.append(sep + inner + _STRING(k) + ": ")
                _write(v, inner, out)
            else:
                out.append(sep + inner + _STRING(k) + ": " + flat)
            sep = ",\n"
        out.append("\n" + pad + "}")
    else:
        sep = "[\n"
        for v in value:
            flat = _flat(v)
            if flat is None:
                out.append(sep + inner)
                _write(v, inner, out)
            else:
                out.append(sep + inner + flat)
            sep = ",\n"
        out.append("\n" + pad + "]")


def render(comparison: Comparison, options: RenderOptions) -> str:
    """The comparison as indented JSON with a trailing newline (options are unused).

    Diff pairs stay on one line (``["+", "all"]``), so a diff reads top to bottom.
    """
    out: list[str] = []
    _write(data(comparison), "", out)
    text = "".join(out)
    return json_safe(text) + "\n"
