"""Find each new text's counterpart among the old ones, and say how it was found.

Pure functions over frozen dataclasses: `profile` reads what matters of a parsed
text (its symbol, title, the resolutions its preamble recalls, the drafts its
header cites), `find` picks the counterpart of one new text, `find_all` of many.
The rules, nearest version first (a draft before the resolution adopted from it,
that resolution before the next session's draft):

1. ``manifest``: a ``--pairs`` file names it;
2. ``header``: an adopted resolution's header cites its draft,
   ``[without reference to a Main Committee (A/80/L.9)]``;
3. ``based-on``: a draft submitted "on the basis of informal consultations on draft
   resolution A/C.2/80/L.2";
4. ``draft``: for an adopted resolution, a draft of the same session with the same
   title (of several, not one another replaced, then the most similar);
5. ``recalls``: the latest of the resolutions its preamble recalls
   (``Recalling its resolution 79/183 of 17 December 2024``) that is among the old
   texts and has the same title (unless a later one with the title is there: then
   ``title``); failing that, the most similar recalled one of the same `subject`
   at least `RECALL_MIN_SIMILARITY` alike;
6. ``title``: the latest earlier text with the same normalised title;
7. ``similar``: the most similar earlier text of the same `subject` (any, for a
   text without a title), if at least `MIN_SIMILARITY` alike.

Otherwise a new text has *no predecessor found*, with its best candidates: never a
wrong pair silently. Similarity alone never pairs two titles that name different
things: "Observer status for the International Coffee Organization" and "... for
the International Tropical Timber Organization" share 0.90 of their text.

>>> from redline.model import Document, DocKind
>>> old = profile(Document("78_220.txt", "plain", DocKind.RESOLUTION,
...     symbol="A/RES/78/220", title="Human rights in Iran"))
>>> new = profile(Document("L.30.txt", "plain", DocKind.DRAFT, symbol="A/C.3/80/L.30",
...     title="Human  rights in IRAN"))
>>> m = find(new, [old])
>>> m.old, m.how
('78_220.txt', 'title')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from redline.model import DocKind, Document, fold
from redline.worddiff import is_word, tokenize

__all__ = [
    "HOWS",
    "MIN_SIMILARITY",
    "Match",
    "Text",
    "find",
    "find_all",
    "header_text",
    "normalise_title",
    "profile",
    "shingles",
    "similarity",
    "subject",
]

SHINGLE = 3
"""Texts are compared as sets of runs of this many words: one word alone would make
any two resolutions alike ("Requests the Secretary-General to submit ...")."""

MIN_SIMILARITY = 0.3
"""Least `similarity` (0 no run of three words shared … 1 the same runs) for a pair
found by similarity alone. Measured on tests/fixtures/un: versions of one text 0.44
and up (two sessions apart), any two other texts at most 0.15."""

RECALL_MIN_SIMILARITY = 0.2
"""A recalled resolution with another title is the predecessor only if this alike
(0 … 1): "Recalling its resolution 70/1 (the 2030 Agenda)" names no predecessor."""

CANDIDATES = 3
"""How many best candidates an unmatched text lists."""

HOWS = {
    "manifest": "named by the --pairs file",
    "header": "the adopted resolution's header cites its draft",
    "based-on": "submitted on the basis of that draft",
    "draft": "a draft of the same session with the same title",
    "recalls": "the latest resolution it recalls",
    "title": "the latest earlier text with the same title",
    "similar": "the most similar earlier text",
}
"""Each way a counterpart is found, as the index explains it."""

_STAGE = {DocKind.DRAFT: 0, DocKind.REVISED_DRAFT: 1, DocKind.RESOLUTION: 2}

# "resolution 79/183", "resolutions 69/193 and 69/196", "78/229": a session/number pair
_RES_NUMBER = re.compile(r"(?<![\d/.])(\d{1,3})/(\d{1,4})(?![\d/])")
_RECALL = re.compile(r"\bresolutions?\b", re.IGNORECASE)
_SYMBOL = r"A/(?:C\.\d/)?\d+/L\.\d+(?:/Rev\.\d+)?"
# "[without reference to a Main Committee (A/80/L.9)]"; "(A/80/L.9 and Add.1)"
_HEADER_CITE = re.compile(r"\[without reference to a Main Committee \((" + _SYMBOL + r")")
_BASED_ON = re.compile(
    r"on the basis of (?:informal consultations on )?draft\s+resolutions?\s+(" + _SYMBOL + ")",
    re.IGNORECASE,
)
_YEARS = re.compile(r"\b(?:19|20)\d\d(?:\s*[-/]\s*(?:19|20)?\d\d)?\b")
_NOT_WORD = re.compile(r"[^\w]+")
_SESSION = re.compile(r"^A/(?:C\.\d/|RES/)?(\d+)/")
_NUMBER = re.compile(r"(\d+)(?:/Rev\.(\d+))?$")

HEADER_LINES = 40
"""Lines read as a text's header when its title's line is unknown."""


@dataclass(frozen=True)
class Text:
    """What the matcher knows of one text: who it is, what it recalls and cites."""

    key: str
    """Its name in the batch: the path, ``report.md#IV`` for a report's resolution."""
    symbol: str | None
    kind: DocKind
    title: str
    """The normalised title (`normalise_title`)."""
    subject: str = ""
    """The title without small words and ordinals (`subject`): what it is about."""
    recalls: tuple[str, ...] = ()
    """Resolution symbols its preambular paragraphs recall, ``A/RES/79/183``."""
    cites: tuple[str, ...] = ()
    """Draft symbols its header cites (``header``) or it was based on (``based-on``)."""
    cite_how: str = ""
    """``header`` or ``based-on``: how `cites` was found."""
    shingles: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    """Its runs of `SHINGLE` words, for `similarity`."""

    @property
    def order(self) -> tuple[int, int, int]:
        """(session, stage, number): a draft before its resolution, sessions in turn;
        (0, 0, 0) when the symbol says nothing.

        >>> Text("x", "A/C.3/80/L.30", DocKind.DRAFT, "t").order
        (80, 0, 30)
        """
        if not self.symbol:
            return (0, 0, 0)
        s = _SESSION.match(self.symbol)
        n = _NUMBER.search(self.symbol)
        number = int(n.group(1)) if n else 0
        return (int(s.group(1)) if s else 0, _STAGE.get(self.kind, 0), number)


@dataclass(frozen=True)
class Match:
    """A new text and its counterpart (None: no predecessor found)."""

    new: str
    old: str | None
    how: str | None
    """A key of `HOWS`; None when nothing was found."""
    similarity: float
    """`similarity` of the two texts (0 … 1); of the best candidate when unmatched."""
    detail: str = ""
    """The evidence, as printed: ``recalls A/RES/79/183``."""
    candidates: tuple[tuple[str, float], ...] = ()
    """When unmatched (or several fitted): the best other candidates and their similarity."""


def normalise_title(title: str) -> str:
    """The title two versions share: case, quotes, dashes, punctuation and years
    (budget and biennium titles) do not count.

    >>> normalise_title("Programme budget for 2026: “Financing”")
    'programme budget for financing'
    """
    text = _YEARS.sub(" ", fold(title).casefold())
    return " ".join(_NOT_WORD.sub(" ", text).split())


_SMALL_WORDS = frozenset(
    "a an and at by for from in its of on or the to with".split()
    + "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth "
    "thirtieth fortieth fiftieth sixtieth seventieth eightieth twenty thirty forty fifty "
    "sixty seventy eighty ninety hundredth anniversary".split()
)


def subject(title: str) -> str:
    """What a title is about: `normalise_title` without small words, ordinals and numbers,
    so consecutive versions of a series share it and different things do not.

    >>> subject("Follow-up to the Fourteenth Congress"), subject("Follow-up to the Fifteenth Congress")
    ('follow up congress', 'follow up congress')
    >>> subject("Diplomatic protection") == subject("Expulsion of aliens")
    False
    """
    words = normalise_title(title).split()
    return " ".join(w for w in words if w not in _SMALL_WORDS and not w.isdigit())


def header_text(text: str, doc: Document) -> str:
    """The source lines above the document's title (where the header cites a draft), or
    the first `HEADER_LINES` when the title's line is unknown.

    >>> from redline.model import Document, DocKind
    >>> d = Document("x", "plain", DocKind.RESOLUTION, title="T", title_lines=(3, 3))
    >>> header_text("A/RES/80/6\\n[... (A/80/L.9)]\\nT\\nThe General Assembly,", d)
    'A/RES/80/6\\n[... (A/80/L.9)]'
    """
    lines = text.splitlines()
    end = doc.title_lines[0] - 1 if doc.title_lines[0] > 0 else HEADER_LINES
    return "\n".join(lines[:end])


def _recalled(doc: Document) -> tuple[str, ...]:
    """Resolution symbols its preambular paragraphs recall, in order.

    >>> from redline.model import Paragraph, ParaKind
    >>> p = Paragraph("PP1", ParaKind.PREAMBULAR, None, "Recalling",
    ...     "Recalling its resolutions 78/17 of 4 December 2023 and 79/16 of 2 December 2024,")
    >>> _recalled(Document("x", "plain", DocKind.DRAFT, paragraphs=(p,)))
    ('A/RES/78/17', 'A/RES/79/16')
    """
    out: list[str] = []
    for p in doc.paragraphs:
        if p.kind.value != "preambular":
            continue
        if not _RECALL.search(p.text):
            continue
        for m in _RES_NUMBER.finditer(p.text):
            sym = f"A/RES/{int(m.group(1))}/{int(m.group(2))}"
            if sym not in out:
                out.append(sym)
    return tuple(out)


def profile(doc: Document, head: str = "", key: str | None = None) -> Text:
    """What the matcher needs of `doc`; `head` is its source text before the title
    (where an adopted resolution cites its draft).

    >>> from redline.model import Document, DocKind
    >>> t = profile(Document("80_6.txt", "plain", DocKind.RESOLUTION, symbol="A/RES/80/6"),
    ...     head="[without reference to a Main Committee (A/80/L.9)]")
    >>> t.cites, t.cite_how
    (('A/80/L.9',), 'header')
    """
    cites: tuple[str, ...] = ()
    how = ""
    flat_head = " ".join(head.split())
    if m := _HEADER_CITE.search(flat_head):
        cites, how = (m.group(1),), "header"
    elif m := _BASED_ON.search(" ".join((flat_head + " " + doc.sponsors.text).split())):
        cites, how = (m.group(1),), "based-on"
    words = doc.title + " " + " ".join(p.text for p in doc.paragraphs)
    return Text(
        key=key or doc.source,
        symbol=doc.symbol,
        kind=doc.kind,
        title=normalise_title(doc.title),
        subject=subject(doc.title),
        recalls=_recalled(doc),
        cites=cites,
        cite_how=how,
        shingles=shingles(words),
    )


def shingles(text: str, n: int = 0) -> frozenset[str]:
    """The distinct runs of `n` (default `SHINGLE`) consecutive words, case folded.

    >>> sorted(shingles("Urges all States, urges ALL states", 3))
    ['all states urges', 'states urges all', 'urges all states']
    """
    n = n or SHINGLE
    words = [t.casefold() for t in tokenize(text) if is_word(t)]
    return frozenset(" ".join(words[k : k + n]) for k in range(max(len(words) - n + 1, 0)))


def similarity(a: Text, b: Text) -> float:
    """Dice coefficient of two texts' shingles: 0 no run of words shared … 1 the same.

    >>> from redline.model import DocKind
    >>> t = Text("t", None, DocKind.TEXT, "", shingles=frozenset({"a b c", "b c d"}))
    >>> similarity(t, t), similarity(t, Text("u", None, DocKind.TEXT, ""))
    (1.0, 0.0)
    """
    total = len(a.shingles) + len(b.shingles)
    return 2 * len(a.shingles & b.shingles) / total if total else 0.0


def _bare(symbol: str | None) -> str:
    """A symbol without its revision, upper case: ``A/C.3/80/L.8/Rev.1`` -> ``A/C.3/80/L.8``."""
    return re.sub(r"/REV\.\d+$", "", (symbol or "").upper())


def _series(symbol: str | None) -> str:
    """The committee and session a draft's number counts in: ``A/C.2/80/L.43`` -> ``A/C.2/80/L``."""
    return _NUMBER.sub("", _bare(symbol))


def _revision(symbol: str | None) -> int:
    """``A/C.3/80/L.8/Rev.1`` -> 1, 0 without a revision."""
    m = re.search(r"/Rev\.(\d+)$", symbol or "", re.IGNORECASE)
    return int(m.group(1)) if m else 0


def _earlier(old: Text, new: Text) -> bool:
    """Whether `old` can be an earlier version of `new`: not itself, not later.

    Texts whose symbol says nothing of their order are allowed either way.
    """
    if old.key == new.key or (old.symbol and old.symbol == new.symbol):
        return False
    a, b = old.order, new.order
    if a[0] == 0 or b[0] == 0:
        return True
    if a[:2] != b[:2]:
        return a[:2] < b[:2]
    if a[1] == 2:  # two resolutions of one session are not versions of each other
        return False
    if _series(old.symbol) != _series(new.symbol):
        return True  # drafts of two committees: their numbers say nothing of order
    return (a[2], _revision(old.symbol)) < (b[2], _revision(new.symbol))


def _best(new: Text, pool: Sequence[Text]) -> list[tuple[float, Text]]:
    """The pool by similarity to `new`, best first; ties by latest then key."""
    scored = [(similarity(new, t), t) for t in pool]
    scored.sort(key=lambda st: (-st[0], tuple(-x for x in st[1].order), st[1].key))
    return scored


def _same_subject(a: Text, b: Text) -> bool:
    """Whether two texts may be versions of one another by their titles: the same
    `subject`, or one of them has no title to tell."""
    return not a.subject or not b.subject or a.subject == b.subject


def _match(new: Text, best: list[tuple[float, Text]], how: str, detail: str) -> Match:
    sim, old = best[0]
    others = tuple((t.key, round(s, 4)) for s, t in best[1:CANDIDATES])
    return Match(new.key, old.key, how, round(sim, 4), detail, others)


def find(new: Text, olds: Iterable[Text], min_similarity: float = MIN_SIMILARITY) -> Match:
    """The counterpart of `new` among `olds` (see the module's rules).

    >>> from redline.model import DocKind
    >>> a = Text("a", "A/RES/79/6", DocKind.RESOLUTION, "icc", shingles=shingles("the court is"))
    >>> b = Text("b", "A/RES/80/6", DocKind.RESOLUTION, "icc report", shingles=shingles("the court is"))
    >>> find(b, [a]).how, find(a, [b]).old
    ('similar', None)
    """
    pool = [t for t in olds if _earlier(t, new)]
    if not pool:
        return Match(new.key, None, None, 0.0, "no earlier text")
    by_symbol: dict[str, list[Text]] = {}
    for t in pool:
        by_symbol.setdefault(_bare(t.symbol), []).append(t)

    for cited in new.cites:
        found = by_symbol.get(_bare(cited))
        if found:
            return _match(new, _best(new, found), new.cite_how, f"cites {cited}")

    if new.kind is DocKind.RESOLUTION:
        session = new.order[0]
        drafts = [
            t for t in pool
            if t.kind is not DocKind.RESOLUTION and t.title == new.title and t.title
            and t.order[0] == session
        ]  # fmt: skip
        # a draft another one replaced ("on the basis of informal consultations on
        # draft resolution A/C.2/80/L.21") is not the text adopted
        replaced = {_bare(c) for t in drafts if t.cite_how == "based-on" for c in t.cites}
        current = [t for t in drafts if _bare(t.symbol) not in replaced] or drafts
        if drafts:
            best = _best(new, current) + [st for st in _best(new, drafts) if st[1] not in current]
            sim, top = best[0]
            if sim >= RECALL_MIN_SIMILARITY:
                note = f" (which replaced {', '.join(sorted(replaced))})" if replaced else ""
                return _match(new, best, "draft", f"same title, {top.symbol}{note}")

    recalled = [t for sym in new.recalls for t in by_symbol.get(sym.upper(), ())]
    titled = [t for t in recalled if t.title and t.title == new.title]
    if titled:
        latest = max(titled, key=lambda t: (t.order, t.key))
        later = [t for t in pool if t.title == new.title and t.order > latest.order]
        if not later:  # a later version it does not recall is nearer (see ``title``)
            best = [(similarity(new, latest), latest)]
            return _match(new, best, "recalls", f"recalls {latest.symbol}")
    passed: list[str] = []
    if recalled and not titled:
        best = _best(new, recalled)
        sim, top = best[0]
        if sim >= RECALL_MIN_SIMILARITY and _same_subject(new, top):
            return _match(new, best, "recalls", f"recalls {top.symbol}")
        passed = [f"recalls {top.symbol}, of another title (similarity {sim:.2f})"]

    same = [t for t in pool if t.title and t.title == new.title]
    if same:
        latest = max(same, key=lambda t: (t.order, t.key))
        rest = [st for st in _best(new, same) if st[1] is not latest]
        best = [(similarity(new, latest), latest), *rest]
        if best[0][0] >= RECALL_MIN_SIMILARITY:
            return _match(new, best, "title", f"same title, {latest.symbol or latest.key}")

    best = _best(new, pool)
    alike = [st for st in best if _same_subject(new, st[1])]
    if alike and alike[0][0] >= min_similarity:
        return _match(new, alike, "similar", f"similarity {alike[0][0]:.2f}")
    others = tuple((t.key, round(s, 4)) for s, t in best[:CANDIDATES])
    if best[0][0] >= min_similarity:
        passed.insert(0, f"the most similar ({best[0][0]:.2f}) is about something else")
    else:
        passed.insert(0, f"best similarity {best[0][0]:.2f} < {min_similarity}")
    why = "; ".join(passed)
    return Match(new.key, None, None, round(best[0][0], 4), why, others)


def find_all(
    news: Sequence[Text],
    olds: Sequence[Text],
    pairs: Mapping[str, str] | None = None,
    min_similarity: float = MIN_SIMILARITY,
) -> tuple[Match, ...]:
    """The counterpart of each new text, in the order given; `pairs` (new key -> old
    key, from a ``--pairs`` file) overrides the rules.

    >>> from redline.model import DocKind
    >>> a = Text("a", None, DocKind.TEXT, "x")
    >>> b = Text("b", None, DocKind.TEXT, "y")
    >>> [m.how for m in find_all([b], [a], pairs={"b": "a"})]
    ['manifest']
    """
    by_key = {t.key: t for t in olds}
    out = []
    for new in news:
        named = (pairs or {}).get(new.key)
        if named is not None and named in by_key:
            sim = round(similarity(new, by_key[named]), 4)
            out.append(Match(new.key, named, "manifest", sim, "--pairs"))
        else:
            out.append(find(new, olds, min_similarity))
    return tuple(out)
