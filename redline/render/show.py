"""What the parser understood of one document (``redline show``, ``redline sponsors``).

>>> from redline.parser import parse_document
>>> print(show_text(parse_document("The General Assembly,\\n\\n1. Urges States to act.\\n")))
... # doctest: +ELLIPSIS
<text>
  kind: draft ...
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from redline.model import Document, plural
from redline.parser.sanity import flagged
from redline.render.safe import terminal_safe


def _first_words(text: str, n: int = 10) -> str:
    words = text.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


def show_text(doc: Document, indent: str = "", explain: bool = False) -> str:
    """A readable outline: header facts, then one line per paragraph and footnote
    (``!`` in the margin when a warning names it); with `explain`, the lines a PDF's
    pages printed that were left out, and why."""
    s = terminal_safe
    out = [f"{indent}{s(doc.source)}"]
    c = doc.counts()
    out.append(
        f"{indent}  kind: {doc.kind.value}   format: {doc.format}   "
        f"symbol: {s(doc.symbol or '(none)')}"
    )
    if doc.title:
        out.append(f"{indent}  title: {s(doc.title)}")
    if not doc.resolutions:
        out.append(f"{indent}  sponsors: {s(_sponsor_summary(doc))}")
    out.append(
        f"{indent}  paragraphs: {c['preambular']} preambular, {c['operative']} operative, "
        f"{plural(c['sub-paragraph'], 'sub-paragraph')}, {c['other']} other; "
        f"{plural(len(doc.footnotes), 'footnote')}"
    )
    if doc.tracked_changes:
        out.append(f"{indent}  tracked changes: {doc.tracked_changes}")
    for w in doc.warnings:
        out.append(f"{indent}  warning: {s(w)}")
    marked = flagged(doc.warnings, doc.source)
    width = max([9] + [len(p.label) + 1 for p in doc.paragraphs])  # the label column
    for p in doc.paragraphs:
        notes = f"  [fn {','.join(p.footnotes)}]" if p.footnotes else ""
        bang = "!" if p.label in marked else " "
        out.append(
            f"{indent}{bang} {s(p.label):<{width}} l.{p.lines[0]:<5} {s(_first_words(p.text))}{notes}"
        )
    for f in doc.footnotes:
        bang = "!" if f"footnote {f.mark}" in marked else " "
        out.append(f"{indent}{bang} footnote {s(f.mark)}: {s(_first_words(f.text, 14))}")
    if doc.closing:
        out.append(f"{indent}  closing: {s(doc.closing)}")
    if doc.dropped:
        pages = len({d.page for d in doc.dropped})
        out.append(
            f"{indent}  left out as page furniture: {plural(len(doc.dropped), 'line')} on "
            f"{plural(pages, 'page')}" + ("" if explain else " (--explain lists them)")
        )
        if explain:
            for d in doc.dropped:
                where = f"  ({d.where})" if d.where else ""
                out.append(f"{indent}    page {d.page:<3} {d.reason:<12} {s(d.text)}{where}")
    for res in doc.resolutions:
        out.append("")
        # the report already listed its resolutions' warnings
        res = replace(res, warnings=tuple(w for w in res.warnings if w not in doc.warnings))
        out.append(show_text(res, indent + "  ", explain).rstrip("\n"))
    return "\n".join(out) + "\n"


def show_json(doc: Document) -> dict[str, Any]:
    """The same, as data (``redline show --format json``): every key always present, a
    value that does not apply null or [] (see docs/json-schema.md).

    >>> from redline.parser import parse_document
    >>> d = show_json(parse_document("The General Assembly,\\n\\n1. Urges States to act.\\n"))
    >>> d["closing"], d["dropped"], d["paragraphs"][-1]["section"], d["paragraphs"][-1]["marks_at"]
    (None, [], None, None)
    """
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
                "marks_at": list(p.marks_at) if p.marks_at else None,
                "section": p.section,
            }
            for p in doc.paragraphs
        ],
        "footnotes": [
            {"mark": f.mark, "text": f.text, "lines": list(f.lines)} for f in doc.footnotes
        ],
        "resolutions": [show_json(r) for r in doc.resolutions],
        "warnings": list(doc.warnings),
        "tracked_changes": doc.tracked_changes,
        "closing": doc.closing or None,
        "dropped": [
            {"page": d.page, "reason": d.reason, "where": d.where, "text": d.text}
            for d in doc.dropped
        ],
    }


def _sponsor_summary(doc: Document) -> str:
    """``8 (1 original, 7 subsequent); Uganda, on behalf of the Group of African States``,
    or ``none listed (adopted resolution)``: the count `diff` gives, the group not counted."""
    from redline import sponsors

    sp = doc.sponsors
    why = sponsors.doc_unlisted(doc)
    if why is not None:
        return f"none listed ({why})"
    n = sponsors.count(sp)
    original = sponsors.count(replace(sp, subsequent=()))
    text = f"{n} ({original} original, {n - original} subsequent)"
    behalf = sponsors.behalf_phrase(sp)
    first = sponsors.described(sp)[:1]
    return f"{text}; {first[0]}" if behalf and first else text


def sponsors_json(doc: Document) -> dict[str, Any]:
    """Sponsors of a document (and of each resolution of a report), canonicalised.

    ``original`` and ``subsequent`` are as printed; ``canonical`` the same
    names by their official short names, each once, the group left out
    (``group``); ``count`` is the number `diff` counts.
    """
    from redline import sponsors

    def one(d: Document) -> dict[str, Any]:
        names = d.sponsors.names
        canonical = [
            c
            for c in dict.fromkeys(sponsors.canonical(n) or n for n in names)
            if sponsors.status(c) != "other"
        ]
        return {
            "symbol": d.symbol,
            "name": d.name,
            "title": d.title,
            "count": sponsors.count(d.sponsors),
            "original": list(d.sponsors.original),
            "subsequent": list(d.sponsors.subsequent),
            "on_behalf_of": d.sponsors.on_behalf_of,
            "group": sponsors.group_of(d.sponsors.on_behalf_of)
            or next(
                (
                    n
                    for n in dict.fromkeys(map(sponsors.canonical, names))
                    if n and sponsors.status(n) == "other"
                ),
                None,
            ),
            "canonical": canonical,
            "canonical_original": [
                c
                for c in dict.fromkeys(sponsors.canonical(n) or n for n in d.sponsors.original)
                if sponsors.status(c) != "other"
            ],
            "unrecognised": list(sponsors.unrecognised(names)),
            "unlisted": sponsors.doc_unlisted(d),
        }

    docs = doc.resolutions or (doc,)
    return {"source": doc.source, "documents": [one(d) for d in docs]}


def sponsors_text(doc: Document) -> str:
    """One block per resolution: symbol, the count, then the sponsors by canonical name.

    >>> from redline.model import DocKind, Sponsors
    >>> d = Document("l.txt", "pdf-text", DocKind.DRAFT, symbol="A/C.3/80/L.12",
    ...              sponsors=Sponsors(original=("Iraq",), on_behalf_of="On behalf of the Group of 77"))
    >>> print(sponsors_text(d), end="")
    A/C.3/80/L.12: 1 sponsor
      original: Iraq, on behalf of the Group of 77 and China
    """
    from redline import sponsors

    s = terminal_safe
    out = []
    for d, res in zip(sponsors_json(doc)["documents"], doc.resolutions or (doc,), strict=True):
        head = d["symbol"] or d["name"] or doc.source
        if d["unlisted"]:
            out.append(f"{s(head)}: none listed ({s(d['unlisted'])})")
            continue
        out.append(f"{s(head)}: {plural(d['count'], 'sponsor')}")
        original = d["canonical_original"]
        later = [n for n in d["canonical"] if n not in original]
        behalf = sponsors.behalf_phrase(res.sponsors)
        if behalf:
            out.append(
                "  original: "
                + s(", ".join([f"{original[0]}, {behalf}", *original[1:]]) if original else behalf)
            )
        elif original:
            out.append("  original: " + s(", ".join(original)))
        if later:
            out.append("  subsequently joined: " + s(", ".join(later)))
        for n in d["unrecognised"]:
            out.append(f"  unrecognised: {s(n)}")
    return "\n".join(out) + "\n"
