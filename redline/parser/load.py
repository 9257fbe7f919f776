"""A path to a parsed document: read it, parse it, pick a resolution of a report.

`redline.read` turns bytes into text; here the text (or the PDF or Word file)
becomes a `Document`, and a ``#pick`` or the other side of a comparison chooses
one draft resolution of a committee report.

>>> doc = load("examples/A_75_479.md#iv")
>>> doc.name, doc.symbol
('IV', 'A/C.3/75/L.11')
"""

from __future__ import annotations

from dataclasses import replace

from redline.errors import PickError
from redline.model import Document
from redline.parser.vocab import roman_value
from redline.read import (
    DEFAULT_MAX_SIZE,
    decode,
    is_docx,
    is_pdf,
    read_bytes,
    refuse_misnamed,
    refuse_zip_bomb,
    split_pick,
)

__all__ = ["load", "load_bytes", "pick_counterpart", "pick_resolution"]


def load(
    source: str,
    *,
    max_size: int = DEFAULT_MAX_SIZE,
    tracked: str = "accept",
    pick: str | None = None,
) -> Document:
    """Read and parse `source` (a path, ``-``, or ``path#pick``) into a `Document`."""
    path, inline_pick = split_pick(source)
    # the report is named by its path: its resolutions are path#IV, not path#IV#IV
    name = path if inline_pick else source
    data = read_bytes(path, max_size)
    return load_bytes(
        data, path, name, max_size=max_size, tracked=tracked, pick=pick or inline_pick
    )


def load_bytes(
    data: bytes,
    path: str,
    name: str | None = None,
    *,
    max_size: int = DEFAULT_MAX_SIZE,
    tracked: str = "accept",
    pick: str | None = None,
) -> Document:
    """`load` of a file's bytes, read once by the caller; `name` (default `path`) is the
    document's source.

    >>> from pathlib import Path
    >>> load_bytes(Path("examples/A_RES_75_197.txt").read_bytes(), "a.txt").symbol
    'A/RES/75/197'
    """
    name = name or path
    if is_pdf(data):
        from redline.parser.layout import parse_pdf

        doc = parse_pdf(data, name)
        return pick_resolution(doc, pick) if pick else doc
    if is_docx(data):
        from redline.parser import parse_cleaned
        from redline.parser.docx import read_docx

        refuse_zip_bomb(data, path, max_size)
        word = read_docx(data, path, tracked, max_size)
        doc = parse_cleaned(word.cleaned, name, "docx")
        warnings, n_tracked, unverified = list(word.warnings), word.tracked, word.unverified
    else:
        from redline.parser import parse_document

        refuse_misnamed(data, path)  # a .pdf or .docx that is not one is not compared as text
        text, warnings = decode(data, path)
        doc = parse_document(text, source=name)
        n_tracked, unverified = 0, ()
    if warnings or n_tracked or unverified:
        doc = replace(
            doc,
            warnings=tuple(warnings) + doc.warnings,
            tracked_changes=n_tracked,
            unverified=unverified,
        )
    if pick:
        doc = pick_resolution(doc, pick)
        if unverified:  # a part of the file is picked: what is not compared is still there
            doc = replace(doc, unverified=unverified)
    return doc


def pick_resolution(doc: Document, pick: str) -> Document:
    """The resolution of a report named by its number (``II``, ``ii`` or ``2``) or symbol.

    >>> from redline.model import DocKind
    >>> names = "I II III IV".split()
    >>> res = tuple(Document(f"r.md#{n}", "markdown", DocKind.DRAFT, name=n) for n in names)
    >>> report = Document("r.md", "markdown", DocKind.REPORT, resolutions=res)
    >>> [pick_resolution(report, p).name for p in ("IV", "iv", "4")]
    ['IV', 'IV', 'IV']
    """
    want = pick.strip().upper()
    for res in doc.resolutions:
        if (res.name or "").upper() == want or (res.symbol or "").upper() == want:
            return res
    if want.isdigit() and doc.resolutions:  # #4: the fourth, when it is named IV
        by_number = [r for r in doc.resolutions if roman_value(r.name or "") == int(want)]
        if len(by_number) == 1:
            return by_number[0]
    if not doc.resolutions and (doc.symbol or "").upper() == want:
        return doc
    have = ", ".join(f"{r.name} ({r.symbol})" if r.symbol else str(r.name) for r in doc.resolutions)
    where = split_pick(doc.source)[0]
    if not have:
        raise PickError(where, f"#{pick} names no resolution: the file holds a single text")
    raise PickError(where, f"#{pick} names no resolution; the file holds {have}")


def pick_counterpart(old: Document, new: Document) -> tuple[Document, Document, str | None]:
    """When one side is a report and the other a single resolution, the report's
    resolution most like the single one (by words), and a note that names it; None
    for the note when nothing was picked (a report of one resolution: an excerpt).

    >>> from redline.model import DocKind
    >>> res = tuple(Document(f"r.md#{n}", "markdown", DocKind.DRAFT, name=n, title=t)
    ...             for n, t in (("I", "Rights of the child"), ("II", "Crime prevention")))
    >>> report = Document("r.md", "markdown", DocKind.REPORT, resolutions=res)
    >>> single = Document("s.txt", "plain", DocKind.RESOLUTION, title="Crime prevention")
    >>> _, picked, note = pick_counterpart(single, report)
    >>> picked.name, note.split(";")[0]
    ('II', 'r.md holds 2 resolutions')
    """

    def best(report: Document, single: Document) -> tuple[Document, str | None]:
        from redline.worddiff import quick_similarity, word_bag

        if len(report.resolutions) == 1:
            return pick_resolution(report, report.resolutions[0].name or ""), None

        target = word_bag(single.title + " " + " ".join(p.text for p in single.paragraphs))
        scored = [
            (quick_similarity(word_bag(r.title + " " + " ".join(p.text for p in r.paragraphs)),
                              target), k)
            for k, r in enumerate(report.resolutions)
        ]  # fmt: skip
        _score, k = max(scored)
        res = pick_resolution(report, report.resolutions[k].name or "")
        return res, (
            f"{report.source} holds {len(report.resolutions)} resolutions; "
            f"comparing draft resolution {res.name} ({res.symbol or 'no symbol'}), "
            f"the best match (pick another with #II or #SYMBOL)"
        )

    if old.resolutions and not new.resolutions:
        old, note = best(old, new)
        return old, new, note
    if new.resolutions and not old.resolutions:
        new, note = best(new, old)
        return old, new, note
    return old, new, None
