"""What the parser understood of one document (``redline show``, ``redline sponsors``).

>>> from redline.parser import parse_document
>>> print(show_text(parse_document("The General Assembly,\\n\\n1. Urges States to act.\\n")))
... # doctest: +ELLIPSIS
<text>
  kind: draft ...
"""

from __future__ import annotations

from typing import Any

from redline.model import Document
from redline.render.safe import terminal_safe


def _first_words(text: str, n: int = 10) -> str:
    words = text.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


def show_text(doc: Document, indent: str = "") -> str:
    """A readable outline: header facts, then one line per paragraph and footnote."""
    s = terminal_safe
    out = [f"{indent}{s(doc.source)}"]
    c = doc.counts()
    out.append(
        f"{indent}  kind: {doc.kind.value}   format: {doc.format}   "
        f"symbol: {s(doc.symbol or '(none)')}"
    )
    if doc.title:
        out.append(f"{indent}  title: {s(doc.title)}")
    names = doc.sponsors.names
    if names or doc.sponsors.text:
        extra = (
            f" (on behalf of: {s(doc.sponsors.on_behalf_of)})" if doc.sponsors.on_behalf_of else ""
        )
        out.append(
            f"{indent}  sponsors: {len(names)} ({len(doc.sponsors.original)} original, "
            f"{len(doc.sponsors.subsequent)} subsequent){extra}"
        )
    out.append(
        f"{indent}  paragraphs: {c['preambular']} preambular, {c['operative']} operative, "
        f"{c['sub-paragraph']} sub-paragraphs, {c['other']} other; "
        f"{len(doc.footnotes)} footnotes"
    )
    if doc.tracked_changes:
        out.append(f"{indent}  tracked changes: {doc.tracked_changes}")
    for w in doc.warnings:
        out.append(f"{indent}  warning: {s(w)}")
    for p in doc.paragraphs:
        notes = f"  [fn {','.join(p.footnotes)}]" if p.footnotes else ""
        out.append(f"{indent}  {p.label:<9} l.{p.lines[0]:<5} {s(_first_words(p.text))}{notes}")
    for f in doc.footnotes:
        out.append(f"{indent}  footnote {s(f.mark)}: {s(_first_words(f.text, 14))}")
    for res in doc.resolutions:
        out.append("")
        out.append(show_text(res, indent + "  ").rstrip("\n"))
    return "\n".join(out) + "\n"


def show_json(doc: Document) -> dict[str, Any]:
    """The same, as data (``redline show --format json``)."""
    return {
        "source": doc.source,
        "format": doc.format,
        "kind": doc.kind.value,
        "symbol": doc.symbol,
        "name": doc.name,
        "title": doc.title,
        "counts": doc.counts(),
        "sponsors": {
            "original": list(doc.sponsors.original),
            "subsequent": list(doc.sponsors.subsequent),
            "on_behalf_of": doc.sponsors.on_behalf_of,
        },
        "paragraphs": [
            {
                "label": p.label,
                "kind": p.kind.value,
                "number": p.number,
                "lead": p.lead,
                "text": p.text,
                "footnotes": list(p.footnotes),
                "lines": list(p.lines),
            }
            for p in doc.paragraphs
        ],
        "footnotes": [
            {"mark": f.mark, "text": f.text, "lines": list(f.lines)} for f in doc.footnotes
        ],
        "resolutions": [show_json(r) for r in doc.resolutions],
        "warnings": list(doc.warnings),
        "tracked_changes": doc.tracked_changes,
    }


def sponsors_json(doc: Document) -> dict[str, Any]:
    """Sponsors of a document (and of each resolution of a report), canonicalised."""
    from redline import sponsors

    def one(d: Document) -> dict[str, Any]:
        names = d.sponsors.names
        return {
            "symbol": d.symbol,
            "name": d.name,
            "title": d.title,
            "original": list(d.sponsors.original),
            "subsequent": list(d.sponsors.subsequent),
            "on_behalf_of": d.sponsors.on_behalf_of,
            "canonical": [sponsors.canonical(n) or n for n in names],
            "unrecognised": list(sponsors.unrecognised(names)),
        }

    docs = doc.resolutions or (doc,)
    return {"source": doc.source, "documents": [one(d) for d in docs]}


def sponsors_text(doc: Document) -> str:
    """One block per resolution: symbol, then the sponsors, original and subsequent."""
    s = terminal_safe
    out = []
    for d in sponsors_json(doc)["documents"]:
        head = d["symbol"] or d["name"] or doc.source
        total = len(d["original"]) + len(d["subsequent"])
        out.append(f"{s(head)}: {total} sponsors")
        if d["on_behalf_of"]:
            out.append(f"  on behalf of: {s(d['on_behalf_of'])}")
        if d["original"]:
            out.append("  original: " + s(", ".join(d["original"])))
        if d["subsequent"]:
            out.append("  subsequently joined: " + s(", ".join(d["subsequent"])))
        for n in d["unrecognised"]:
            out.append(f"  unrecognised: {s(n)}")
    return "\n".join(out) + "\n"
