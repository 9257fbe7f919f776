"""Many pairs at once: read every text once, find each new text's counterpart, compare
every pair in a process pool, and describe the whole batch as index rows.

The stages are the one-pair pipeline's (`redline.read`, `redline.predecessor`,
`redline.compare`, `redline.render`), run over folders: `collect` lists the input
files, `read_all` parses each once (a report gives one text per resolution),
`plan` pairs them, `compare_all` compares and renders each pair, and
`redline.batch_index` writes index.html, index.json and index.csv. Results come
back in input order whatever the pool's timing, so the output bytes do not depend
on ``--jobs``. A document that fails is a row of the index, never the end of the
batch.

>>> names = collect(["tests/fixtures/un"])
>>> names[0].rsplit("/", 1)[1], len(names)
('A_80_L.9.txt', 43)
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from redline.errors import InputError, RedlineError
from redline.model import Comparison, DocKind, Document
from redline.predecessor import HEADER_LINES, Match, Text, find_all, header_text, profile
from redline.read import DEFAULT_MAX_SIZE

__all__ = [
    "INPUT_EXTENSIONS",
    "Loaded",
    "Options",
    "Pair",
    "Row",
    "check_verdicts",
    "draft_adopted",
    "collect",
    "compare_all",
    "natural",
    "page_names",
    "parse_pairs",
    "plan",
    "read_all",
    "run",
]

INPUT_EXTENSIONS = (".txt", ".md", ".markdown", ".docx", ".pdf")
"""The files a folder is read for; others (PAIRS.tsv, README, images) are left alone."""

_SKIP = frozenset({"readme.md", "sources.md", "conventions.md", "readme.txt"})

Progress = Callable[[int], None]
"""Called with how many items were just done (a progress bar's ``update``)."""

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Options:
    """How each document is read and each pair rendered."""

    max_size: int = DEFAULT_MAX_SIZE
    tracked: str = "accept"
    formats: tuple[str, ...] = ("html",)
    """Page formats written per pair: ``html``, and ``docx`` with ``--format docx``."""
    generated: str = ""
    """The date printed on every page (one for the batch: the bytes do not depend on timing)."""
    check: bool = False
    """Also run ``redline check`` (candidate old, adopted new) on each pair."""
    layout: str = "inline"


@dataclass(frozen=True)
class Loaded:
    """One text of the batch, parsed, or why it could not be."""

    key: str
    """The file as given, ``report.md#IV`` for a resolution of a report."""
    doc: Document | None
    text: Text | None
    """What `redline.predecessor` needs of it."""
    error: str = ""
    """The one-line error when reading or parsing failed."""


@dataclass(frozen=True)
class Pair:
    """A new text and its counterpart, to compare; `old` None when none was found."""

    new: Loaded
    old: Loaded | None
    match: Match
    page: str = ""
    """The pair's page, relative to OUT_DIR (``pages/A_RES_80_6.html``); its .docx beside."""


@dataclass(frozen=True)
class Row:
    """One row of the index: a pair's outcome, counted as ``redline diff`` counts it."""

    new: str
    new_symbol: str | None
    new_title: str
    new_kind: str = ""
    """`DocKind` value: ``resolution``, ``draft``, …"""
    old: str | None = None
    old_symbol: str | None = None
    old_title: str = ""
    old_kind: str = ""
    how: str | None = None
    detail: str = ""
    similarity: float = 0.0
    candidates: tuple[tuple[str, float], ...] = ()
    summary: Mapping[str, int] = field(default_factory=dict, hash=False)
    """`Comparison.summary`: paragraphs per status, words inserted and deleted."""
    differs: bool = False
    """`Comparison.differs`: what ``redline diff --exit-code`` says."""
    sponsors_added: tuple[str, ...] = ()
    sponsors_removed: tuple[str, ...] = ()
    sponsors_old: int = 0
    sponsors_new: int = 0
    page: str = ""
    pages: Mapping[str, bytes] = field(default_factory=dict, hash=False, repr=False)
    """Rendered pages by path relative to OUT_DIR, written by the caller."""
    check: str = ""
    """With `Options.check`, for a draft -> adopted pair: ``match`` or ``differs: …``."""
    error: str = ""
    warnings: tuple[str, ...] = ()


# --- inputs ----------------------------------------------------------------------------


def natural(name: str) -> tuple[tuple[int, str], ...]:
    """Sort key that puts numbers in order: ``A_RES_80_6`` before ``A_RES_80_146``.

    >>> sorted(["A_RES_80_146.txt", "A_RES_80_6.txt"], key=natural)
    ['A_RES_80_6.txt', 'A_RES_80_146.txt']
    """
    parts = re.split(r"(\d+)", name)
    return tuple((int(p), p) if p.isdigit() else (-1, p.casefold()) for p in parts) + ((0, name),)


def collect(sources: Iterable[str], pattern: str | None = None) -> list[str]:
    """The input files: each file named, and the documents of each folder named (sorted,
    not recursing; `pattern` a glob on the file name, else `INPUT_EXTENSIONS`).

    >>> collect(["tests/fixtures/un"], "A_RES_80_6*")[0].endswith("A_RES_80_6.txt")
    True
    """
    import fnmatch

    out: list[str] = []
    for src in sources:
        if os.path.isdir(src):
            for name in sorted(os.listdir(src), key=natural):
                path = os.path.join(src, name)
                if not os.path.isfile(path) or name.lower() in _SKIP:
                    continue
                if pattern is not None and not fnmatch.fnmatch(name, pattern):
                    continue
                if pattern is None and not name.lower().endswith(INPUT_EXTENSIONS):
                    continue
                out.append(path)
        elif os.path.exists(src):
            out.append(src)
        else:
            raise InputError(src, "no such file or folder")
    return list(dict.fromkeys(out))


def _read_text(path: str, options: Options) -> tuple[Document, str]:
    """Parse one file as `redline.parser.load.load` does, with the lines above its title
    (where an adopted resolution cites its draft): read once, parsed once."""
    from redline.parser.load import load_bytes
    from redline.read import decode, is_docx, is_pdf, read_bytes

    data = read_bytes(path, options.max_size)
    if is_pdf(data):
        from redline.parser.layout import parse_layout, read_layout

        cleaned, dropped = read_layout(data, path)
        doc = parse_layout(cleaned, dropped, path)
        top = doc.title_lines[0] or HEADER_LINES
        return doc, "\n".join(b.text for b in cleaned.blocks if b.lines[0] < top)
    doc = load_bytes(data, path, max_size=options.max_size, tracked=options.tracked)
    if is_docx(data):
        return doc, ""  # a Word draft's header is its sponsors' line, read by the parser
    return doc, header_text(decode(data, path)[0], doc)


def read_one(path: str, options: Options) -> list[Loaded]:
    """The texts of one file: itself, or each resolution of a committee report.

    >>> [x.doc.symbol for x in read_one("tests/fixtures/un/A_RES_80_6.txt", Options())]
    ['A/RES/80/6']
    """
    try:
        doc, head = _read_text(path, options)
    except RedlineError as e:
        return [Loaded(path, None, None, str(e))]
    except Exception as e:  # noqa: BLE001 - a bug in one document must not end the batch
        return [Loaded(path, None, None, f"{path}: internal error: {type(e).__name__}: {e}")]
    if not doc.resolutions:
        return [Loaded(path, doc, profile(doc, head, path))]
    out = []
    for res in doc.resolutions:
        key = f"{path}#{res.name}"
        res = replace(res, source=key, warnings=doc.warnings + res.warnings)
        out.append(Loaded(key, res, profile(res, "", key)))
    return out


def _pool_map(
    fn: Callable[[T], R], items: Sequence[T], jobs: int, progress: Progress | None
) -> Iterator[R]:
    """`fn` over `items` in order, in `jobs` processes (in this one for 1)."""
    if jobs <= 1 or len(items) <= 1:
        for item in items:
            yield fn(item)
            if progress:
                progress(1)
        return
    import multiprocessing

    # fork: a worker starts with redline imported, nothing to pay again
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ctx.Pool(min(jobs, len(items))) as pool:
        for result in pool.imap(fn, items, chunksize=1):
            yield result
            if progress:
                progress(1)


class _Reader:
    """`read_one` with the options bound: a picklable callable for the pool."""

    def __init__(self, options: Options) -> None:
        self.options = options

    def __call__(self, path: str) -> list[Loaded]:
        return read_one(path, self.options)


def read_all(
    paths: Sequence[str], options: Options, jobs: int = 1, progress: Progress | None = None
) -> list[Loaded]:
    """Every text of every file, in the order of `paths`, each file parsed once."""
    out: list[Loaded] = []
    for texts in _pool_map(_Reader(options), list(paths), jobs, progress):
        out.extend(texts)
    return out


# --- pairing ---------------------------------------------------------------------------


def plan(
    olds: Sequence[Loaded], news: Sequence[Loaded], pairs: Mapping[str, str] | None = None
) -> list[Pair]:
    """Each readable new text with its counterpart (`redline.predecessor.find_all`);
    a text that failed is a pair with neither match nor page."""
    old_texts = [x.text for x in olds if x.text is not None]
    new_ok = [x for x in news if x.text is not None]
    matches = {m.new: m for m in find_all([x.text for x in new_ok if x.text], old_texts, pairs)}
    by_key = {x.key: x for x in olds}
    names = page_names([x.key for x in news])
    out = []
    for x in news:
        if x.text is None:
            out.append(Pair(x, None, Match(x.key, None, None, 0.0, x.error)))
            continue
        m = matches[x.key]
        old = by_key.get(m.old) if m.old else None
        out.append(Pair(x, old, m, names[x.key] if old is not None else ""))
    return out


_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def page_names(keys: Sequence[str]) -> dict[str, str]:
    """A page path per new text, ``pages/<file name>.html``, unique in the order given.

    >>> page_names(["a/A_RES_80_6.txt", "b/A_RES_80_6.txt", "r.md#IV"])
    {'a/A_RES_80_6.txt': 'pages/A_RES_80_6.html', 'b/A_RES_80_6.txt': 'pages/A_RES_80_6-2.html', 'r.md#IV': 'pages/r_IV.html'}
    """
    out: dict[str, str] = {}
    taken: set[str] = set()
    for key in keys:
        path, _, pick = key.partition("#")
        stem = os.path.splitext(os.path.basename(path))[0]
        stem = _UNSAFE_NAME.sub("_", stem + (f"_{pick}" if pick else "")).strip("._") or "text"
        name, k = stem, 1
        while name.lower() in taken:
            k += 1
            name = f"{stem}-{k}"
        taken.add(name.lower())
        out[key] = f"pages/{name}.html"
    return out


# --- comparing -------------------------------------------------------------------------


def _base_row(pair: Pair) -> Row:
    new, m = pair.new, pair.match
    doc = new.doc
    old_doc = pair.old.doc if pair.old is not None else None
    return Row(
        new=new.key,
        new_symbol=doc.symbol if doc else None,
        new_title=doc.title if doc else "",
        new_kind=doc.kind.value if doc else "",
        old=m.old,
        old_symbol=old_doc.symbol if old_doc else None,
        old_title=old_doc.title if old_doc else "",
        old_kind=old_doc.kind.value if old_doc else "",
        how=m.how,
        detail=m.detail,
        similarity=m.similarity,
        candidates=m.candidates,
        error=new.error,
        warnings=doc.warnings if doc else (),
    )


def compare_one(pair: Pair, options: Options) -> Row:
    """Compare and render one pair; a failure is the row's `error`, not an exception."""
    row = _base_row(pair)
    if pair.old is None or pair.old.doc is None or pair.new.doc is None:
        return row
    from redline.compare import compare
    from redline.render import RenderOptions, renderer

    try:
        c: Comparison = compare(pair.old.doc, pair.new.doc)
        opts = RenderOptions(layout=options.layout, generated=options.generated)
        pages: dict[str, bytes] = {}
        stem = pair.page[: -len(".html")]
        for fmt in options.formats:
            data = renderer(fmt)(c, opts)
            pages[f"{stem}.{fmt}"] = data.encode("utf-8") if isinstance(data, str) else data
        verdict = ""
        if options.check and draft_adopted(row):
            from redline.check import check

            verdict = check(pair.old.doc, pair.new.doc).line()
    except RedlineError as e:
        return replace(row, error=str(e))
    except Exception as e:  # noqa: BLE001 - one pair's bug must not end the batch
        return replace(row, error=f"{pair.new.key}: internal error: {type(e).__name__}: {e}")
    s = c.sponsors
    return replace(
        row,
        summary=c.summary(),
        differs=c.differs,
        sponsors_added=s.added,
        sponsors_removed=s.removed,
        sponsors_old=s.old_count,
        sponsors_new=s.new_count,
        page=pair.page,
        pages=pages,
        check=verdict,
        warnings=row.warnings + pair.old.doc.warnings,
    )


class _Comparer:
    def __init__(self, options: Options) -> None:
        self.options = options

    def __call__(self, pair: Pair) -> Row:
        return compare_one(pair, self.options)


def compare_all(
    pairs: Sequence[Pair], options: Options, jobs: int = 1, progress: Progress | None = None
) -> Iterator[Row]:
    """A row per pair, in the order of `pairs`; matched pairs are compared in the pool."""
    todo = [p for p in pairs if p.old is not None]
    done = _pool_map(_Comparer(options), todo, jobs, progress)
    for p in pairs:
        yield next(done) if p.old is not None else _base_row(p)


_DRAFTS = (DocKind.DRAFT.value, DocKind.REVISED_DRAFT.value)


def draft_adopted(row: Row) -> bool:
    """Whether a row is an adopted resolution and the draft it was found to come from.

    >>> draft_adopted(Row("n", None, "", new_kind="resolution", old="o", old_kind="draft"))
    True
    """
    return row.new_kind == DocKind.RESOLUTION.value and row.old_kind in _DRAFTS


def check_verdicts(rows: Sequence[Row]) -> list[tuple[Row, str]]:
    """``batch --check``: each adopted resolution's verdict against its draft (``match``,
    ``differs: …``, the error), or ``no draft found (not checked)``; other rows (a draft
    and its predecessor) are not a check's business and left out."""
    out = []
    for r in rows:
        if r.error and (r.new_kind in ("", DocKind.RESOLUTION.value)):
            out.append((r, r.error))
        elif draft_adopted(r):
            out.append((r, r.check))
        elif r.new_kind == DocKind.RESOLUTION.value:  # none, or a predecessor
            out.append((r, "no draft found (not checked)"))
    return out


def row_json(row: Row) -> dict[str, Any]:
    """A pair's entry of index.json (schema in the README)."""
    return {
        "old": row.old,
        "new": row.new,
        "old_symbol": row.old_symbol,
        "new_symbol": row.new_symbol,
        "old_title": row.old_title,
        "new_title": row.new_title,
        "old_kind": row.old_kind,
        "new_kind": row.new_kind,
        "how": row.how,
        "detail": row.detail,
        "similarity": row.similarity,
        "summary": dict(row.summary),
        "differs": row.differs,
        "sponsors": {
            "added": list(row.sponsors_added),
            "removed": list(row.sponsors_removed),
            "old_count": row.sponsors_old,
            "new_count": row.sponsors_new,
        },
        "page": row.page,
        "check": row.check or None,
        "warnings": list(row.warnings),
    }


# --- the manifest ----------------------------------------------------------------------


def parse_pairs(
    text: str, where: str, olds: Sequence[Loaded], news: Sequence[Loaded]
) -> dict[str, str]:
    """A ``--pairs`` file: one ``OLD<TAB>NEW`` (or two names parted by spaces) a line,
    ``#`` comments; a name is a path (relative to the file's folder), a file name
    with or without its extension, or a symbol. Returns new key -> old key.

    >>> a = Loaded("o/A_RES_79_6.txt", None, None); b = Loaded("n/A_80_L.9.txt", None, None)
    >>> parse_pairs("# old new\\nA_RES_79_6 A_80_L.9.txt\\n", "p.tsv", [a], [b])
    {'n/A_80_L.9.txt': 'o/A_RES_79_6.txt'}
    """
    folder = os.path.dirname(where)

    def index(texts: Sequence[Loaded]) -> dict[str, set[str]]:
        names: dict[str, set[str]] = {}
        for x in texts:
            path = x.key.partition("#")[0]
            base = os.path.basename(path)
            pick = x.key[len(path) :]
            spelled = {x.key, os.path.normpath(x.key), base + pick,
                       os.path.splitext(base)[0] + pick, os.path.realpath(path) + pick}  # fmt: skip
            if x.doc is not None and x.doc.symbol:
                spelled.add(x.doc.symbol.upper())
            for s in spelled:
                names.setdefault(s, set()).add(x.key)
        return names

    def resolve(name: str, names: dict[str, set[str]], line: int, side: str) -> str:
        tries = [name, name.upper(), os.path.normpath(name)]
        if not os.path.isabs(name):
            joined = os.path.join(folder, name)
            path, _, pick = joined.partition("#")
            tries += [
                os.path.normpath(joined),
                os.path.realpath(path) + (f"#{pick}" if pick else ""),
            ]
        for t in tries:
            found = names.get(t)
            if found and len(found) == 1:
                return next(iter(found))
            if found:
                raise InputError(f"{where}:{line}", f"{name} names {len(found)} {side} texts")
        raise InputError(f"{where}:{line}", f"{name} is none of the {side} texts")

    olds_by, news_by = index(olds), index(news)
    out: dict[str, str] = {}
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0] if raw.lstrip().startswith("#") else raw
        cells = line.split("\t") if "\t" in line else line.split()
        cells = [c.strip() for c in cells if c.strip()]
        if not cells:
            continue
        if len(cells) != 2:
            raise InputError(f"{where}:{n}", "a line names two texts: OLD and NEW")
        old = resolve(cells[0], olds_by, n, "old")
        new = resolve(cells[1], news_by, n, "new")
        if new in out:
            raise InputError(f"{where}:{n}", f"{cells[1]} is paired twice")
        out[new] = old
    return out


# --- the whole batch -------------------------------------------------------------------


def run(
    old_sources: Sequence[str],
    new_sources: Sequence[str],
    options: Options,
    jobs: int = 1,
    pattern: str | None = None,
    manifest: tuple[str, str] | None = None,
    progress: Callable[[str, int], Progress] | None = None,
) -> list[Row]:
    """Read, pair and compare: a row per new text, in the order of the new files.

    `manifest` is a ``--pairs`` file's (name, text); `progress` makes a progress
    callback from a label and a total. A file on both sides is read once.
    """
    old_paths, new_paths = collect(old_sources, pattern), collect(new_sources, pattern)
    if not new_paths:
        raise InputError(" ".join(new_sources), "no documents to compare")
    every = list(dict.fromkeys(old_paths + new_paths))
    tick = progress("reading", len(every)) if progress else None
    texts: dict[str, list[Loaded]] = {}
    for path, loaded in zip(every, _pool_map(_Reader(options), every, jobs, tick), strict=True):
        texts[path] = loaded
    olds = [x for p in old_paths for x in texts[p]]
    news = [x for p in new_paths for x in texts[p]]
    named = parse_pairs(manifest[1], manifest[0], olds, news) if manifest else None
    pairs = plan(olds, news, named)
    todo = sum(1 for p in pairs if p.old is not None)
    tick = progress("comparing", todo) if progress else None
    return list(compare_all(pairs, options, jobs, tick))
