"""Sponsor lists: split them into names, name them canonically, say who joined and who left.

UN documents print sponsors in a few fixed shapes: the header of an L-document
(``Albania, Angola and Zimbabwe: draft resolution``), a committee report
(``which was submitted by A and B. Subsequently, C joined in sponsoring``) and
UN Digital Library metadata. Names are matched against ``data/member_states.tsv``
(official short names, aliases and former names); a name that is not in the
table is kept exactly as written and reported, never dropped or guessed.

>>> split_names("Albania, Bosnia and Herzegovina and the Russian Federation")
('Albania', 'Bosnia and Herzegovina', 'the Russian Federation')
>>> canonical("Turkey")
'Türkiye'
"""

from __future__ import annotations

import csv
import functools
import os
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from redline.model import DocKind, Document, ResolutionSponsors, SponsorChange, Sponsors

# read with open(), not importlib.resources: that import alone cost ~3 ms a run,
# and the package is always installed as files (the wheel is not zip-safe)
_DATA = os.path.join(os.path.dirname(__file__), "data")

__all__ = [
    "behalf_phrase",
    "canonical",
    "compare_documents",
    "compare_sponsors",
    "count",
    "described",
    "doc_unlisted",
    "group_of",
    "heading",
    "pair_resolutions",
    "parse_header",
    "parse_list",
    "parse_report_paragraph",
    "split_names",
    "status",
    "un_join",
    "un_sort_key",
    "unlisted",
    "unrecognised",
]

# Characters that may trail a name in a list: punctuation and footnote asterisks.
_TRIM = " \t.,;:*"
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_ARTICLE = "the "

# "Draft resolution submitted by the Chair / the Rapporteur / the President ...":
# an officer's text, sponsored by nobody.
_OFFICER_DRAFT = re.compile(r"^draft (?:resolution|decision)s? submitted by\b", re.IGNORECASE)
_OFFICER = re.compile(
    r"^the (?:Chair|Vice-Chair|Rapporteur|President|Secretary-General|Bureau)\b", re.IGNORECASE
)
# "Draft resolution" alone where the sponsor line would be (A/C.6/80/L.19): nobody named.
_BARE_KIND = re.compile(r"^(?:revised )?draft (?:resolution|decision)\W*$", re.IGNORECASE)
# The end of an L-document sponsor line: ":* draft resolution", ": revised draft resolution",
# ": amendment to revised draft resolution A/C.3/78/L.4".
_HEADER_END = re.compile(
    r"(?P<star1>\*+)?\s*:\s*(?P<star2>\*+)?\s*"
    r"(?P<kind>(?:revised\s+)?draft\s+(?:resolution|decision)|amendments?\b.*)\s*$",
    re.IGNORECASE,
)
_ON_BEHALF = re.compile(r"\(\s*(on behalf of [^()]*(?:\([^()]*\)[^()]*)*)\)", re.IGNORECASE)
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_SUBMITTED = re.compile(r"\bsubmitted by (?P<names>.+?)\.(?=\s|$)", re.IGNORECASE)
_JOINED = re.compile(
    r"(?:^|(?<=[.;]\s))(?P<names>[^.;]+?)\s+joined in (?:the )?sponsoring\b", re.IGNORECASE
)
# What may open a "... joined in sponsoring" sentence before the names begin.
_JOINED_OPENER = re.compile(
    r"^(?:Subsequently|Later|In addition|Also|"
    r"At (?:the same|that|its [\w-]+) meeting(?:, on \d{1,2} \w+(?: \d{4})?)?),\s*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Table:
    """The name table, indexed for lookup."""

    by_key: dict[str, str]
    """Folded name or alias -> official short name."""
    by_letters: dict[str, str]
    """The same, spaces removed: PDF text and metadata split words ("Ir eland", L.11)."""
    status: dict[str, str]
    """Official short name -> ``member``, ``observer`` or ``other``."""


@functools.cache
def _table() -> _Table:
    """Load ``redline/data/member_states.tsv`` once.

    >>> _table().by_key["turkey"]
    'Türkiye'
    """
    with open(os.path.join(_DATA, "member_states.tsv"), encoding="utf-8") as f:
        text = f.read()
    by_key: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for row in csv.DictReader(text.splitlines(), delimiter="\t"):
        name = row["official_short_name"].strip()
        kinds[name] = row["status"].strip()
        for form in [name, *row["aliases"].split("|")]:
            if form.strip():
                by_key.setdefault(_fold(form), name)
    by_letters = {key.replace(" ", ""): name for key, name in by_key.items()}
    return _Table(by_key=by_key, by_letters=by_letters, status=kinds)


def _flatten(text: str) -> str:
    """One line, single spaces; a line broken after a hyphen joins without a space.

    >>> _flatten("Timor-\\nLeste, Republic of\\n  Korea")
    'Timor-Leste, Republic of Korea'
    """
    text = re.sub(r"-[ \t]*\r?\n\s*", "-", text)
    return " ".join(text.split())


def _fold(name: str) -> str:
    """A lookup key: accents, apostrophes, case and spacing folded.

    >>> _fold("  Côte d’Ivoire ")
    "cote d'ivoire"
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).translate(_APOSTROPHES)
    text = " ".join(text.split()).casefold()
    # pdftotext prints "(Islamic Republic of Iran )"
    return text.replace("( ", "(").replace(" )", ")")


def canonical(name: str) -> str | None:
    """The table's official short name for a name as written, or None.

    Case, spacing, accents, apostrophes and a leading "the" do not matter.

    >>> canonical("the Russian Federation"), canonical("Côte d'Ivoire"), canonical("Atlantis")
    ('Russian Federation', 'Côte d’Ivoire', None)
    """
    table = _table()
    key = _fold(name.strip(_TRIM))
    bare = key[len(_ARTICLE) :] if key.startswith(_ARTICLE) else key
    return (
        table.by_key.get(key)
        or table.by_key.get(bare)
        or table.by_letters.get(key.replace(" ", ""))
        or table.by_letters.get(bare.replace(" ", ""))
    )


def status(name: str) -> str | None:
    """``member``, ``observer`` or ``other`` (EU, groups) for a known name, else None.

    >>> status("Holy See"), status("Group of 77")
    ('observer', 'other')
    """
    official = canonical(name)
    return None if official is None else _table().status[official]


def _split_outside_parens(text: str, sep: str) -> list[str]:
    """Split on ``sep`` where it is not inside parentheses.

    >>> _split_outside_parens("Iran (a, b), Iraq", ", ")
    ['Iran (a, b)', 'Iraq']
    """
    parts: list[str] = []
    depth = start = i = 0
    while i < len(text):
        c = text[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and text.startswith(sep, i):
            parts.append(text[start:i])
            i = start = i + len(sep)
            continue
        i += 1
    parts.append(text[start:])
    return parts


def _split_and(chunk: str) -> list[str]:
    """Split one comma-free chunk at the " and " that separate names.

    Known names are taken longest first from the left, so "Trinidad and Tobago"
    stays whole; a run of unknown words is kept whole, as written.

    >>> _split_and("Trinidad and Tobago and Atlantis and Zambia")
    ['Trinidad and Tobago', 'Atlantis', 'Zambia']
    """
    parts = _split_outside_parens(chunk, " and ")
    out: list[str] = []
    pending: list[str] = []
    i = 0
    while i < len(parts):
        for j in range(len(parts), i, -1):
            candidate = " and ".join(parts[i:j])
            if canonical(candidate) is not None:
                break
        else:
            pending.append(parts[i])
            i += 1
            continue
        if pending:
            out.append(" and ".join(pending))
            pending = []
        out.append(candidate)
        i = j
    if pending:
        out.append(" and ".join(pending))
    return out


def split_names(text: str) -> tuple[str, ...]:
    """Split a UN list ("A, B and C") into names as written, hard-wrapped or not.

    >>> split_names("Antigua and Barbuda, Saint Vincent and the\\nGrenadines and Zambia:*")
    ('Antigua and Barbuda', 'Saint Vincent and the Grenadines', 'Zambia')
    """
    names: list[str] = []
    for chunk in _split_outside_parens(_flatten(text), ","):
        chunk = chunk.strip(_TRIM)
        if chunk.startswith("and "):  # "A, B, and C"
            chunk = chunk[4:].strip(_TRIM)
        if chunk:
            names.extend(n for n in (p.strip(_TRIM) for p in _split_and(chunk)) if n)
    return tuple(names)


def un_join(names: Iterable[str]) -> str:
    """Write names the way the UN lists them.

    >>> un_join(["Albania", "Angola", "Zimbabwe"])
    'Albania, Angola and Zimbabwe'
    """
    items = list(names)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def un_sort_key(name: str) -> str:
    """A key that sorts names as UN lists do: accents folded, a running-text "the" ignored.

    Only a lower-case "the" is an article: "The former Yugoslav Republic of
    Macedonia" was listed under T (A/RES/73/271).

    >>> sorted(["Türkiye", "the Bahamas", "Côte d’Ivoire", "Turkmenistan"], key=un_sort_key)
    ['the Bahamas', 'Côte d’Ivoire', 'Türkiye', 'Turkmenistan']
    """
    name = _flatten(name)
    if name.startswith(_ARTICLE):
        name = name[len(_ARTICLE) :]
    return _fold(name)


def unrecognised(names: Iterable[str]) -> tuple[str, ...]:
    """The names that are not in the table, as written, each once, in order.

    >>> unrecognised(["Albania", "Atlantis", "the Gambia", "Atlantis"])
    ('Atlantis',)
    """
    out: dict[str, None] = {}
    for name in names:
        if canonical(name) is None:
            out.setdefault(name, None)
    return tuple(out)


def group_of(on_behalf_of: str | None) -> str | None:
    """The sponsoring group an "on behalf of" text names, by its official name.

    >>> group_of("on behalf of the States Members of the United Nations that are "
    ...          "members of the Group of African States")
    'Group of African States'
    """
    if not on_behalf_of:
        return None
    text = _flatten(on_behalf_of)
    text = re.sub(r"^\*?\s*on behalf of\s+", "", text, flags=re.IGNORECASE)
    text = text.split(",")[0].rstrip(" .")  # "..., taking into account also ..."
    for start in [0, *(m.end() for m in re.finditer(r"\bmembers of\s+", text))]:
        official = canonical(text[start:])
        if official is not None:
            return official
    return None


def _on_behalf(footnote: str | None) -> str | None:
    """The footnote's text when it says "On behalf of ...", else None.

    >>> _on_behalf("* On behalf of the Group of 77 and China."), _on_behalf("* Any changes ...")
    ('On behalf of the Group of 77 and China', None)
    """
    if not footnote:
        return None
    text = _flatten(footnote).lstrip("* ").rstrip(" .")
    return text if text.lower().startswith("on behalf of") else None


def parse_header(text: str, footnote: str | None = None) -> Sponsors:
    """Sponsors from an L-document header line, with the footnote its asterisk points to.

    >>> s = parse_header("Iraq:* draft resolution", "* On behalf of the Group of 77 and China.")
    >>> s.original, s.on_behalf_of
    (('Iraq',), 'On behalf of the Group of 77 and China')
    >>> parse_header("Draft resolution").original
    ()
    """
    raw = text.strip()
    flat = _flatten(raw)
    if _OFFICER_DRAFT.match(flat) or _BARE_KIND.match(flat):
        return Sponsors(text=raw)
    end = _HEADER_END.search(flat)
    names = flat[: end.start()] if end else flat
    starred = bool(end and (end["star1"] or end["star2"])) or names.rstrip().endswith("*")
    return Sponsors(
        original=_unglued(split_names(names)),
        on_behalf_of=_on_behalf(footnote) if starred else None,
        text=raw,
    )


def _unglued(names: tuple[str, ...]) -> tuple[str, ...]:
    """The names without the words glued before the first: the agenda item's title,
    when it was joined with the sponsor line (a Markdown paragraph ending in a
    lower-case word, an amendment's header in a text without blank lines).

    The first name that is known or ends in a known name decides: when it ends
    in one, everything before that is title. Unknown names before a known one
    that stands alone are kept as written.

    >>> _unglued(("Crime prevention and criminal justice Antigua and Barbuda", "Italy"))
    ('Antigua and Barbuda', 'Italy')
    >>> _unglued(("Agenda item 71 (b) Promotion of human rights: questions",
    ...           "including approaches for fundamental freedoms Russian Federation"))
    ('Russian Federation',)
    >>> _unglued(("Atlantis", "Italy"))
    ('Atlantis', 'Italy')
    """
    for i, name in enumerate(names):
        if canonical(name) is not None:
            return names
        words = name.split()
        for k in range(1, len(words)):
            tail = " ".join(words[k:])
            if canonical(tail) is not None:
                return (tail, *names[i + 1 :])
    return names


def parse_report_paragraph(text: str) -> Sponsors:
    """Sponsors from a committee report's "submitted by ... joined in sponsoring" paragraph.

    >>> s = parse_report_paragraph("(A/C.3/75/L.5), which was submitted by Austria and Spain. "
    ...                            "Subsequently, Chile and Peru joined in sponsoring the draft.")
    >>> s.original, s.subsequent
    (('Austria', 'Spain'), ('Chile', 'Peru'))
    """
    raw = text.strip()
    flat = _flatten(_MD_LINK.sub(r"\1", raw))
    original: tuple[str, ...] = ()
    on_behalf_of = None
    submitted = _SUBMITTED.search(flat)
    if submitted and not _OFFICER.match(submitted["names"]):
        names = submitted["names"]
        behalf = _ON_BEHALF.search(names)
        if behalf:
            on_behalf_of = " ".join(behalf[1].split())
            names = names[: behalf.start()] + names[behalf.end() :]
        original = split_names(names)
    subsequent: list[str] = []
    rest = flat[submitted.end() :] if submitted else flat
    for joined in _JOINED.finditer(rest):
        subsequent.extend(split_names(_JOINED_OPENER.sub("", joined["names"].strip())))
    return Sponsors(
        original=original, subsequent=tuple(subsequent), on_behalf_of=on_behalf_of, text=raw
    )


def parse_list(text: str) -> Sponsors:
    """Sponsors from a user's file: one name per line, or a UN comma list.

    Blank lines, ``#`` comments and list bullets are ignored.

    >>> parse_list("# old sponsors\\n- Albania\\nTrinidad and Tobago\\n").original
    ('Albania', 'Trinidad and Tobago')
    """
    lines = [re.sub(r"^\s*(?:[-*•]|\d+[.)])\s+", "", line) for line in text.splitlines()]
    lines = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    body = "\n".join(lines)
    if "," in body:
        names = split_names(body)
    else:
        names = tuple(n for line in lines for n in split_names(line))
    return Sponsors(original=names, text=text.strip())


def _compare_key(name: str) -> str:
    """Canonical name when known, else the name folded for case, spacing and article.

    >>> _compare_key("the Netherlands"), _compare_key("The  Atlantis")
    ('Netherlands (Kingdom of the)', 'atlantis')
    """
    official = canonical(name)
    if official is not None:
        return official
    key = _fold(name.strip(_TRIM))
    return key[len(_ARTICLE) :] if key.startswith(_ARTICLE) else key


def _entities(sponsors: Sponsors) -> tuple[dict[str, str], str | None]:
    """Compare key -> display name for every sponsor, and the group they act for.

    The group is not a sponsor: "Uganda, on behalf of the Group of African
    States" is one sponsor. A group listed among the names (UNDL records list
    ``UN. Group of African States``) is taken as the group acted for.

    >>> _entities(Sponsors(original=("Turkey",), on_behalf_of="on behalf of the Group of 77"))
    ({'Türkiye': 'Türkiye'}, 'Group of 77 and China')
    """
    out: dict[str, str] = {}
    group = group_of(sponsors.on_behalf_of)
    for name in sponsors.names:
        official = canonical(name)
        if official is not None and _table().status[official] == "other":
            group = group or official
            continue
        out.setdefault(_compare_key(name), official or name)
    return out, group


def count(sponsors: Sponsors) -> int:
    """How many sponsors, each once by canonical name, a group acted for not counted.

    >>> count(Sponsors(original=("Uganda",), subsequent=("Turkey", "Türkiye"),
    ...                on_behalf_of="on behalf of the Group of African States"))
    2
    """
    return len(_entities(sponsors)[0])


def described(sponsors: Sponsors) -> tuple[str, ...]:
    """The sponsors by canonical name, in the document's order, each once; the group
    acted for shown with the first ("Uganda, on behalf of the Group of African States").

    >>> described(Sponsors(original=("Uganda", "the Russian Federation"),
    ...                    on_behalf_of="On behalf of the Group of African States"))
    ('Uganda, on behalf of the Group of African States', 'Russian Federation')
    """
    names, group = _entities(sponsors)
    out = list(names.values())
    behalf = behalf_phrase(sponsors)
    if out and behalf:
        out[0] = f"{out[0]}, {behalf}"
    elif behalf and group is not None:
        out = [behalf]
    return tuple(out)


def behalf_phrase(sponsors: Sponsors) -> str | None:
    """``on behalf of the Group of African States``: the group by its official name
    when known, else the footnote's words; None when no group is acted for.

    >>> behalf_phrase(Sponsors(on_behalf_of="* On behalf of the States that are members "
    ...                        "of the Group of 77 and China, taking into account ..."))
    'on behalf of the Group of 77 and China'
    """
    group = _entities(sponsors)[1]
    if group is not None:
        return f"on behalf of the {group}"
    if not sponsors.on_behalf_of:
        return None
    text = re.sub(r"^\*?\s*on behalf of\s+", "", _flatten(sponsors.on_behalf_of), flags=re.I)
    return f"on behalf of {text.rstrip(' .')}"


def unlisted(sponsors: Sponsors) -> str | None:
    """Why a text lists no sponsors, or None when it lists some.

    >>> unlisted(Sponsors(text="Draft resolution submitted by the Chair on the recommendation"))
    'submitted by the Chair'
    >>> unlisted(Sponsors()), unlisted(Sponsors(original=("Chile",)))
    ('no sponsor list', None)
    """
    names, group = _entities(sponsors)
    if names or group:
        return None
    officer = re.search(
        r"\bsubmitted by (the (?:Vice-)?(?:Chair|Rapporteur|President|Secretary-General|Bureau))\b",
        _flatten(sponsors.text),
        re.IGNORECASE,
    )
    return f"submitted by {officer[1]}" if officer else "no sponsor list"


def compare_sponsors(
    old: Sponsors,
    new: Sponsors,
    old_unlisted: str | None = None,
    new_unlisted: str | None = None,
) -> SponsorChange:
    """Who joined and who left, by canonical name, in UN order.

    A group a sponsor acts for ("on behalf of the Group of African States") is
    kept apart (``old_group``, ``new_group``) and not counted. When one side
    lists no sponsors (an adopted resolution, a Chair's text; the reason may be
    given), nobody is added or removed: that text says nothing about who sponsors.

    >>> c = compare_sponsors(Sponsors(original=("Turkey", "Sudan")),
    ...                      Sponsors(original=("Türkiye", "Chile")))
    >>> c.added, c.removed, c.unchanged
    (('Chile',), ('Sudan',), ('Türkiye',))
    >>> c = compare_sponsors(Sponsors(original=("Chile",)), Sponsors(), None, "adopted resolution")
    >>> c.removed, c.old_count, c.new_unlisted
    ((), 1, 'adopted resolution')
    """
    (before, old_group), (after, new_group) = _entities(old), _entities(new)
    why_old = (old_unlisted or unlisted(old)) if not before and not old_group else None
    why_new = (new_unlisted or unlisted(new)) if not after and not new_group else None

    def ordered(keys: Iterable[str], names: dict[str, str]) -> tuple[str, ...]:
        return tuple(sorted((names[k] for k in keys), key=un_sort_key))

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    if not (why_old or why_new):  # a text that lists none says nothing about who left
        added = ordered((k for k in after if k not in before), after)
        removed = ordered((k for k in before if k not in after), before)
        unchanged = ordered((k for k in after if k in before), after)
    return SponsorChange(
        added=added,
        removed=removed,
        unchanged=unchanged,
        old_count=len(before),
        new_count=len(after),
        unrecognised=unrecognised(old.names + new.names),
        old_group=old_group,
        new_group=new_group,
        old_behalf=_acting(old) if old_group else None,
        new_behalf=_acting(new) if new_group else None,
        old_unlisted=why_old,
        new_unlisted=why_new,
    )


def _acting(sponsors: Sponsors) -> str | None:
    """``Uganda, on behalf of the Group of African States`` (the first sponsor and the group)."""
    first = described(sponsors)
    return first[0] if first else None


def doc_unlisted(doc: Document) -> str | None:
    """Why a document lists no sponsors, from its kind when the text does not say.

    >>> doc_unlisted(Document("r.txt", "pdf-text", DocKind.RESOLUTION))
    'adopted resolution'
    """
    if unlisted(doc.sponsors) is None:
        return None
    if doc.kind is DocKind.RESOLUTION:
        return "adopted resolution"
    if doc.kind is DocKind.REPORT:
        return "committee report"
    return unlisted(doc.sponsors)


def heading(doc: Document) -> str:
    """How a resolution of a report is named: ``IV (A/C.3/75/L.11)``.

    >>> heading(Document("r.md#IV", "markdown", DocKind.DRAFT, symbol="A/C.3/75/L.11", name="IV"))
    'IV (A/C.3/75/L.11)'
    """
    if doc.name and doc.symbol:
        return f"{doc.name} ({doc.symbol})"
    return doc.name or doc.symbol or doc.title or doc.source


def _base_symbol(symbol: str | None) -> str | None:
    return re.sub(r"/Rev\.\d+$", "", symbol) if symbol else None


def pair_resolutions(
    old: Document, new: Document, links: Iterable[tuple[str, str]] = ()
) -> list[tuple[Document | None, Document | None]]:
    """Pair the draft resolutions of two reports, as their paragraphs were aligned.

    ``links`` holds, for each pair of aligned paragraphs of the two reports'
    resolutions, the names of their resolutions (``II``, ``III``: `Paragraph.resolution`):
    a resolution goes with the one most of its paragraphs went to. Those left are paired by symbol without ``/Rev.N``, then by title, then
    by number; the rest stand alone, in the new report's order.

    >>> def res(n, s): return Document("r", "markdown", DocKind.DRAFT, symbol=s, name=n)
    >>> a = Document("a", "markdown", DocKind.REPORT, resolutions=(res("I", "L.4"), res("II", "L.5")))
    >>> b = Document("b", "markdown", DocKind.REPORT, resolutions=(res("I", "L.5/Rev.1"),))
    >>> [(o and o.name, n and n.name) for o, n in pair_resolutions(a, b)]
    [('II', 'I'), ('I', None)]
    """
    olds, news = list(old.resolutions), list(new.resolutions)
    votes: dict[tuple[int, int], int] = {}
    index_old = {r.name: k for k, r in enumerate(olds)}
    index_new = {r.name: k for k, r in enumerate(news)}
    for old_name, new_name in links:
        i, j = index_old.get(old_name), index_new.get(new_name)
        if i is not None and j is not None:
            votes[(i, j)] = votes.get((i, j), 0) + 1
    pairs: dict[int, int] = {}  # new index -> old index
    for (i, j), _n in sorted(votes.items(), key=lambda kv: -kv[1]):
        if j not in pairs and i not in pairs.values():
            pairs[j] = i
    keys: list[Callable[[Document], object]] = [
        lambda r: _base_symbol(r.symbol),
        lambda r: " ".join(r.title.casefold().split()) or None,
        lambda r: r.name,
    ]
    for key in keys:
        for j, b in enumerate(news):
            if j in pairs or key(b) is None:
                continue
            for i, a in enumerate(olds):
                if i not in pairs.values() and key(a) == key(b):
                    pairs[j] = i
                    break
    out: list[tuple[Document | None, Document | None]] = []
    for j, b in enumerate(news):
        out.append((olds[pairs[j]] if j in pairs else None, b))
    for i, a in enumerate(olds):
        if i not in pairs.values():
            out.append((a, None))
    return out


def compare_documents(
    old: Document, new: Document, links: Iterable[tuple[str, str]] = ()
) -> SponsorChange:
    """The sponsor change between two documents; for two reports, one per resolution.

    >>> old = Document("a", "plain", DocKind.DRAFT, sponsors=Sponsors(original=("Chile",)))
    >>> new = Document("b", "plain", DocKind.RESOLUTION)
    >>> c = compare_documents(old, new)
    >>> c.removed, c.new_unlisted
    ((), 'adopted resolution')
    """
    top = compare_sponsors(old.sponsors, new.sponsors, doc_unlisted(old), doc_unlisted(new))
    if not (old.resolutions and new.resolutions):
        return top
    blocks = []
    for a, b in pair_resolutions(old, new, links):
        empty = Document("", "", DocKind.DRAFT)
        change = compare_sponsors(
            (a or empty).sponsors,
            (b or empty).sponsors,
            None if a else "not in the old report",
            None if b else "not in the new report",
        )
        blocks.append(
            ResolutionSponsors(heading(a) if a else None, heading(b) if b else None, change)
        )
    return replace(top, by_resolution=tuple(blocks))
