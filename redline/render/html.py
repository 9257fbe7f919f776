"""HTML: one self-contained page, the product's face (see docs/design/redline-page.md).

This module turns the `Comparison` into plain view data (labels, ids, runs of
text with their lead-phrase parts) and hands it to ``templates/redline.html``;
all markup lives in the templates, rendered by jinja2 with autoescaping and
`StrictUndefined`. This is the only module that imports jinja2.

>>> from redline.model import Segment
>>> runs((Segment("-", "Welcomes"), Segment("+", "Recalls"), Segment("=", " the report")),
...      "Welcomes", "Recalls")[0]
Run(op='-', parts=(Part(text='Welcomes', lead=True),), before='', after='', marks=())
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import as_file, files

import jinja2

import redline
from redline.model import (
    DELETE,
    EQUAL,
    INSERT,
    Comparison,
    Entry,
    Footnote,
    FootnoteChange,
    MarkAt,
    Paragraph,
    ParaKind,
    Segment,
    Status,
    new_text,
    old_text,
)
from redline.render import RenderOptions
from redline.render.common import (
    changes,
    cut_at,
    heading,
    is_change,
    sponsor_rows,
    summary_counts,
    symbol,
    verdict,
    visible,
    words_noun,
)

# --- view data -------------------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    """A piece of a run: italic when it belongs to the lead phrase."""

    text: str
    lead: bool = False


@dataclass(frozen=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True)
class Run:
    """A diff segment as the page shows it: one ``<ins>``/``<del>``/plain element."""

    op: str
    parts: tuple[Part, ...]
    before: str = ""
    """Spaces at the edges of an insertion or deletion, shown outside the element so
    the underline or strike starts at the word."""
    after: str = ""
    marks: tuple[Link, ...] = ()
    """Footnote marks standing right after this run's text (before `after`)."""


def runs(
    segments: Sequence[Segment],
    old_lead: str = "",
    new_lead: str = "",
    side: str = "both",
    marks: Sequence[tuple[MarkAt, Link]] = (),
) -> list[Run]:
    """Segments split, as data, at the end of the lead phrase of their side.

    `side` is ``old`` (kept and deleted runs), ``new`` (kept and inserted) or
    ``both``. A kept run is italic where the new lead covers it (the old one
    when showing the old side). A segment is also cut where one of `marks`
    stands (`Entry.old_marks`, `Entry.new_marks`), the mark shown after the piece
    it follows.

    >>> [r.parts for r in runs((Segment("=", "Recalling also its"),), "", "Recalling also")]
    [(Part(text='Recalling also', lead=True), Part(text=' its', lead=False))]
    >>> runs((Segment("+", " in the region"),))[0]
    Run(op='+', parts=(Part(text='in the region', lead=False),), before=' ', after='', marks=())
    >>> [(r.parts[0].text, [m.text for m in r.marks])
    ...  for r in runs((Segment("=", "Recalling, its"),), marks=[(MarkAt("1", 0, 10), Link("1", ""))])]
    [('Recalling,', ['1']), (' its', [])]
    """
    out: list[Run] = []
    at_old = at_new = 0  # offsets into the old and the new text at each segment's start
    starts: list[tuple[int, int]] = []
    for s in segments:
        starts.append((at_old, at_new))
        if s.op != INSERT:
            at_old += len(s.text)
        if s.op != DELETE:
            at_new += len(s.text)
    for k, lo, piece, shown in cut_at(segments, marks):
        op = piece.op
        if (side == "old" and op == INSERT) or (side == "new" and op == DELETE):
            continue
        # Which lead decides a kept run's italics: the side being shown.
        if op == DELETE or (op == EQUAL and side == "old"):
            start, lead = starts[k][0], old_lead
        else:
            start, lead = starts[k][1], new_lead
        if piece.text:
            out.append(_run(op, piece.text, start + lo, lead, shown))
        else:
            out.append(Run(EQUAL, (), marks=shown))  # a mark before any text
    return out


def _run(op: str, raw: str, start: int, lead: str, marks: tuple[Link, ...]) -> Run:
    """One run of `runs`: `raw` starts `start` characters into its side's text."""
    text = visible(raw)
    n = len(text)
    cut = min(max(len(lead) - start, 0), n)
    lo, hi = 0, n
    if op != EQUAL and text.strip():
        lo, hi = n - len(text.lstrip()), len(text.rstrip())
    mid = max(cut, lo)
    italic, plain = text[lo:mid], text[mid:hi]
    parts: list[Part] = []
    if italic:
        parts.append(Part(italic, True))
    if plain:
        parts.append(Part(plain, False))
    return Run(op, tuple(parts), text[:lo], text[hi:], marks)


def _lead(segments: Sequence[Segment], para: Paragraph | None, side_text: str) -> str:
    """The lead phrase, if this entry's side of the diff starts its paragraph.

    The second piece of a split starts mid-paragraph: the old lead is not there.
    """
    if para is None or not para.lead or not side_text or not para.text.startswith(side_text):
        return ""
    return visible(para.lead)


@dataclass(frozen=True)
class Item:
    """One row of the page: an entry, or the stub left where a moved paragraph stood."""

    stub: bool
    id: str
    status: str
    """``changed``, ``inserted``…; the status of the moved entry for a stub."""
    label: str
    badge: str
    quiet: bool
    """Nothing to read here (unchanged or only renumbered): dimmed, hideable."""
    kind: str
    old_kind: str
    new_kind: str
    """Side by side, each cell is laid out as its own side's kind (a moved OP is a PP now)."""
    number: str
    old_number: str
    new_number: str
    runs: tuple[Run, ...]
    old_runs: tuple[Run, ...]
    new_runs: tuple[Run, ...]
    """Each side's own runs, for the side-by-side layout only (empty inline)."""
    notes: tuple[tuple[str, Link | None], ...]
    """Short remarks under the text, each with an optional link: ("moved from", OP21)."""
    footnotes: tuple[Link, ...]
    """The footnote marks the paragraph cites (the new side's; the old one's for a
    deleted paragraph), shown after its text, separated (``¹,²``)."""
    old_footnotes: tuple[Link, ...]
    """Side by side: the marks the old paragraph cites, in its own cell."""
    group: int | None


def _anchor(prefix: str, label: str) -> str:
    return prefix + (re.sub(r"[^A-Za-z0-9]+", "-", label).strip("-") or "x")


def _number(p: Paragraph | None) -> str:
    if p is None or not p.number:
        return ""
    return visible(p.number if p.kind is ParaKind.SUBPARAGRAPH else f"{p.number}.")


def _ids(entries: Sequence[Entry]) -> list[str]:
    """Stable, unique ids: by new label (old label for deleted paragraphs)."""
    taken: set[str] = set()
    out = []
    for e in entries:
        candidates = []
        if e.new:
            candidates.append(_anchor("p-", e.new.label))
            if e.old:
                candidates.append(_anchor("p-", f"{e.new.label}-from-{e.old.label}"))
        if e.old:
            candidates.append(_anchor("old-", e.old.label))
        chosen = next((c for c in candidates if c not in taken), None)
        n = 2
        while chosen is None or chosen in taken:
            chosen, n = f"{candidates[0]}-{n}", n + 1
        taken.add(chosen)
        out.append(chosen)
    return out


def _group_notes(entries: Sequence[Entry]) -> dict[int, str]:
    """For each split or merge group: ``OP4 split into OP4, OP5``."""
    members: dict[tuple[Status, int], list[Entry]] = {}
    for e in entries:
        if e.group is not None and e.status in (Status.SPLIT, Status.MERGED):
            members.setdefault((e.status, e.group), []).append(e)
    out = {}
    for (status, group), es in members.items():
        olds = ", ".join(dict.fromkeys(visible(e.old.label) for e in es if e.old))
        news = ", ".join(dict.fromkeys(visible(e.new.label) for e in es if e.new))
        verb = "split into" if status is Status.SPLIT else "merged into"
        out[group] = f"{olds} {verb} {news}"
    return out


_BADGED = (
    Status.MOVED,
    Status.INSERTED,
    Status.DELETED,
    Status.SPLIT,
    Status.MERGED,
    Status.TYPOGRAPHIC,
)


def _item(
    e: Entry,
    id_: str,
    stub_ids: dict[int, str],
    k: int,
    group_notes: dict[int, str],
    fn_ids: dict[tuple[str, str], str],
    sides: bool,
) -> Item:
    old_side, new_side = old_text(e.segments), new_text(e.segments)
    old_lead = _lead(e.segments, e.old, old_side)
    new_lead = _lead(e.segments, e.new, new_side)
    para = e.new or e.old
    assert para is not None
    notes: list[tuple[str, Link | None]] = []
    if e.status is Status.MOVED and e.old:
        notes.append(("moved from", Link(visible(e.old.label), stub_ids[k])))
    if e.group is not None and e.group in group_notes and e.status in (Status.SPLIT, Status.MERGED):
        notes.append((group_notes[e.group], None))
    for f in e.footnotes:
        if any(s.op != EQUAL for s in f.segments):
            mark = f.new_mark or f.old_mark or ""
            side = "new" if f.new_mark else "old"
            notes.append(("footnote changed:", Link(visible(mark), fn_ids[(side, mark)])))
    fn_side = "new" if e.new else "old"
    placed = e.new_marks if e.new else e.old_marks

    def new_link(m: str) -> Link:
        return Link(visible(m), fn_ids.get((fn_side, m), ""))

    def old_link(m: str) -> Link:
        return Link(visible(m), _old_fn_id(fn_ids, e, m))

    # marks where they stand, when compare placed them; else all after the text
    inline = [(m, new_link(m.mark)) for m in placed or ()]
    new_at = [(m, new_link(m.mark)) for m in e.new_marks or ()]
    old_at = [(m, old_link(m.mark)) for m in e.old_marks or ()]
    marks = para.footnotes if placed is None else ()
    old_marks = e.old.footnotes if sides and e.old and e.old_marks is None else ()
    return Item(
        stub=False,
        id=id_,
        status=e.status.value,
        label=heading(e),
        badge=e.status.value if e.status in _BADGED else "",
        # dimmed: nothing to read (unchanged, only renumbered) or only style changed,
        # its marks still shown
        quiet=not is_change(e)
        or (e.status is Status.RENUMBERED and not e.text_changed)
        or e.status is Status.TYPOGRAPHIC,
        kind=para.kind.value,
        old_kind=e.old.kind.value if e.old else "",
        new_kind=e.new.kind.value if e.new else "",
        number=_number(para),
        old_number=_number(e.old),
        new_number=_number(e.new),
        runs=tuple(runs(e.segments, old_lead, new_lead, marks=inline)),
        old_runs=tuple(runs(e.segments, old_lead, new_lead, "old", old_at))
        if sides and e.old
        else (),
        new_runs=tuple(runs(e.segments, old_lead, new_lead, "new", new_at))
        if sides and e.new
        else (),
        notes=tuple(notes),
        footnotes=tuple(new_link(m) for m in marks),
        old_footnotes=tuple(old_link(m) for m in old_marks),
        group=e.group,
    )


def _old_fn_id(fn_ids: dict[tuple[str, str], str], e: Entry, mark: str) -> str:
    """Where an old paragraph's footnote mark links: the old footnote when the new text
    no longer has it, else the footnote it became (paired by `compare`)."""
    if ("old", mark) in fn_ids:
        return fn_ids[("old", mark)]
    for f in e.footnotes:
        if f.old_mark == mark and f.new_mark is not None:
            return fn_ids.get(("new", f.new_mark), "")
    return fn_ids.get(("new", mark), "")


def _stub(e: Entry, id_: str, target: str) -> Item:
    assert e.old is not None and e.new is not None
    return Item(
        stub=True,
        id=id_,
        status=e.status.value,
        label=visible(e.old.label),
        badge="moved",
        quiet=False,
        kind=e.old.kind.value,
        old_kind=e.old.kind.value,
        new_kind="",
        number=_number(e.old),
        old_number=_number(e.old),
        new_number="",
        runs=(),
        old_runs=(),
        new_runs=(),
        notes=(("moved to", Link(visible(e.new.label), target)),),
        footnotes=(),
        old_footnotes=(),
        group=None,
    )


@dataclass(frozen=True)
class FootnoteView:
    id: str
    mark: str
    side: str
    """``new``, or ``old`` for a footnote the new text no longer has."""
    runs: tuple[Run, ...]
    changed: bool


def _footnotes(c: Comparison) -> tuple[list[FootnoteView], dict[tuple[str, str], str]]:
    """The footnotes section: new footnotes with their changes, then removed ones."""
    diffs: dict[tuple[str | None, str | None], FootnoteChange] = {}
    for e in c.entries:
        for f in e.footnotes:
            diffs.setdefault((f.old_mark, f.new_mark), f)
    by_new = {f.new_mark: f for f in diffs.values() if f.new_mark is not None}
    views: list[FootnoteView] = []
    ids: dict[tuple[str, str], str] = {}

    def add(side: str, mark: str, segments: Sequence[Segment]) -> None:
        id_ = _anchor(f"fn-{side}-", mark)
        ids[(side, mark)] = id_
        changed = any(s.op != EQUAL for s in segments)
        views.append(FootnoteView(id_, visible(mark), side, tuple(runs(segments)), changed))

    new_marks = set()
    for fn in c.new_footnotes:
        new_marks.add(fn.mark)
        change = by_new.get(fn.mark)
        add("new", fn.mark, change.segments if change else (Segment(EQUAL, fn.text),))
    for (old_mark, new_mark), change in diffs.items():
        if new_mark is None and old_mark is not None:
            add("old", old_mark, change.segments)
        elif new_mark is not None and new_mark not in new_marks:
            add("new", new_mark, change.segments)
    removed: list[Footnote] = [
        f for f in c.old_footnotes if f.mark not in new_marks and ("old", f.mark) not in ids
    ]
    for fn in removed:
        add("old", fn.mark, (Segment(EQUAL, fn.text),))
    return views, ids


def _css_string(text: str) -> str:
    """Text as the inside of a CSS string: anything but letters, digits and spaces escaped.

    >>> _css_string('A/75 "x"')
    'A\\\\2f 75 \\\\22 x\\\\22 '
    """
    return "".join(c if c.isalnum() and c.isascii() or c == " " else f"\\{ord(c):x} " for c in text)


def context(comparison: Comparison, options: RenderOptions) -> dict[str, object]:
    """Everything the template shows, as plain data (no markup)."""
    c = comparison
    entries = c.entries
    sides = options.layout == "side-by-side"  # the only layout showing each side's runs
    ids = _ids(entries)
    stub_ids = {
        k: _anchor("old-", e.old.label)
        for k, e in enumerate(entries)
        if e.status is Status.MOVED and e.old
    }
    taken = set(ids)
    for k, sid in stub_ids.items():
        while sid in taken:
            sid += "-stub"
        stub_ids[k] = sid
        taken.add(sid)
    fn_views, fn_ids = _footnotes(c)
    group_notes = _group_notes(entries)
    after = {k: e.stood_after for k, e in enumerate(entries) if e.stood_after is not None}
    items: list[Item] = []
    stubs_after: dict[int, list[int]] = {}
    for k, pos in after.items():
        stubs_after.setdefault(pos, []).append(k)
    for k in stubs_after.get(-1, []):
        items.append(_stub(entries[k], stub_ids[k], ids[k]))
    for k, e in enumerate(entries):
        items.append(_item(e, ids[k], stub_ids, k, group_notes, fn_ids, sides))
        for m in stubs_after.get(k, []):
            items.append(_stub(entries[m], stub_ids[m], ids[m]))

    summary = c.summary()
    first: dict[str, str] = {}
    for k, e in enumerate(entries):
        first.setdefault(e.status.value, ids[k])
    counts = [
        {"status": s.value, "count": n, "href": first.get(s.value, "")}
        for s, n in summary_counts(summary)
    ]
    glance = []
    for ch in changes(c):
        glance.append(
            {
                "status": ch.status.value,
                "head": ch.head,
                "what": ch.what,
                "note": ch.note,
                "href": ids[ch.entries[0]],
                # The note may already be the word count; say it once.
                "words": "" if ch.note == ch.words else ch.words,
            }
        )
    s = c.sponsors
    old_symbol, new_symbol = symbol(c.old), symbol(c.new)
    title_changed = any(seg.op != EQUAL for seg in c.title)
    return {
        "layout": "side-by-side" if options.layout == "side-by-side" else "inline",
        "version": redline.__version__,
        "generated": visible(options.generated),
        "old": {"symbol": old_symbol, "kind": c.old.kind.value, "title": visible(c.old.title)},
        "new": {"symbol": new_symbol, "kind": c.new.kind.value, "title": visible(c.new.title)},
        "page_heading": _css_string(f"{old_symbol} → {new_symbol}"),
        "title_runs": runs(c.title) if title_changed else [],
        "counts": counts,
        "words_inserted": summary["words_inserted"],
        "words_deleted": summary["words_deleted"],
        "words_noun": words_noun(summary["words_inserted"], summary["words_deleted"]),
        "sponsors": {
            "shown": s.shown,
            "rows": [
                {"label": _SPONSOR_LABEL[kind], "cls": _SPONSOR_CLASS.get(kind, ""), "text": text}
                for kind, text in sponsor_rows(s, old_symbol, new_symbol)
            ],
        },
        "warnings": [
            f"{side}: {visible(w)}"
            for side, d in (("old", c.old), ("new", c.new))
            for w in d.warnings
        ],
        "glance": glance,
        "items": items,
        "footnotes": fn_views,
        "differs": c.differs,
        "verdict": verdict(c),
    }


_SPONSOR_LABEL = {
    "resolution": "draft resolution",
    "count": "Sponsors",
    "behalf": "submitted by",
    "group": "on behalf of",
    "note": "note",
    "+": "added",
    "−": "removed",
    "?": "not recognised",
}
_SPONSOR_CLASS = {"resolution": "resolution", "+": "plus", "−": "minus"}


# --- rendering --------------------------------------------------------------------------


def _environment(folder: str) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        # The templates put one block element per line; these keep the output so.
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(comparison: Comparison, options: RenderOptions) -> str:
    """The comparison as a self-contained HTML page (CSS inline, no script).

    >>> from redline.model import Comparison, Document, DocKind
    >>> doc = Document(source="a.md", format="markdown", kind=DocKind.TEXT)
    >>> render(Comparison(old=doc, new=doc, entries=()), RenderOptions())[:15]
    '<!DOCTYPE html>'
    """
    # as_file gives a real folder for FileSystemLoader whether the package is an
    # editable checkout or an installed wheel.
    with as_file(files("redline.templates")) as folder:
        template = _environment(str(folder)).get_template("redline.html")
        return template.render(context(comparison, options))


def render_template(name: str, values: Mapping[str, object]) -> str:
    """Another page of redline.templates, as autoescaped and strict (the batch's index.html).

    >>> render_template("index.html", {})[:5]
    Traceback (most recent call last):
    jinja2.exceptions.UndefinedError: 'script_hash' is undefined
    """
    with as_file(files("redline.templates")) as folder:
        return _environment(str(folder)).get_template(name).render(values)


def template_text(name: str) -> str:
    """The text of a file of redline.templates (the index script, to hash it)."""
    return files("redline.templates").joinpath(name).read_text("utf-8")
