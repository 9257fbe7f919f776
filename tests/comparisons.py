"""Hand-built `Comparison` objects for the renderer tests.

The renderers only read a `Comparison`, so they can be tested before (and
independently of) the parser and the engine. Each builder returns a realistic
comparison; `ALL` names them for parametrised tests and golden files.

>>> realistic().summary()["moved"]
1
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from redline.compare import _old_places
from redline.model import (
    Comparison,
    DocKind,
    Document,
    Entry,
    Footnote,
    FootnoteChange,
    Paragraph,
    ParaKind,
    Segment,
    SponsorChange,
    Sponsors,
    Status,
    new_text,
    old_text,
)

Segs = Sequence[tuple[str, str]]

_LABEL = re.compile(r"(?:(?P<res>[IVX]+)/)?(?P<prefix>PP|OP|P)(?P<num>\d+)(?P<sub>\([a-z]+\))?")


def para(
    label: str, text: str, lead: str | None = None, footnotes: tuple[str, ...] = ()
) -> Paragraph:
    """A paragraph whose kind, number and parent follow from its label.

    >>> para("OP3(a)", "Provide support;").number
    '(a)'
    """
    m = _LABEL.fullmatch(label)
    assert m, label
    if m["sub"]:
        kind, number, parent = ParaKind.SUBPARAGRAPH, m["sub"], label[: -len(m["sub"])]
    elif m["prefix"] == "OP":
        kind, number, parent = ParaKind.OPERATIVE, m["num"], None
    elif m["prefix"] == "PP":
        kind, number, parent = ParaKind.PREAMBULAR, None, None
    else:
        kind, number, parent = ParaKind.OTHER, None, None
    if lead is None:
        lead = text.split(" ", 1)[0] if kind in (ParaKind.PREAMBULAR, ParaKind.OPERATIVE) else ""
    assert text.startswith(lead), (label, lead, text)
    return Paragraph(
        label=label,
        kind=kind,
        number=number,
        lead=lead,
        text=text,
        footnotes=footnotes,
        parent=parent,
    )


def _segments(segs: Segs) -> tuple[Segment, ...]:
    return tuple(Segment(op, text) for op, text in segs)


def _similarity(segments: tuple[Segment, ...]) -> float:
    same = sum(len(s.text) for s in segments if s.op == "=")
    total = len(old_text(segments)) + len(new_text(segments))
    return round(2 * same / total, 2) if total else 1.0


def entry(
    status: Status,
    old: str | Paragraph | None,
    new: str | Paragraph | None,
    segs: Segs,
    *,
    old_lead: str | None = None,
    new_lead: str | None = None,
    old_fn: tuple[str, ...] = (),
    new_fn: tuple[str, ...] = (),
    footnotes: tuple[FootnoteChange, ...] = (),
    group: int | None = None,
) -> Entry:
    """An entry whose paragraphs are rebuilt from its diff (labels given as strings).

    A `Paragraph` may be passed instead, for the whole side of a split or merge.
    """
    segments = _segments(segs)
    if isinstance(old, str):
        old = para(old, old_text(segments), old_lead, old_fn)
    if isinstance(new, str):
        new = para(new, new_text(segments), new_lead, new_fn)
    return Entry(
        status=status,
        old=old,
        new=new,
        segments=segments,
        footnotes=footnotes,
        group=group,
        similarity=_similarity(segments),
    )


def same(label: str, text: str, lead: str | None = None, *, new_label: str | None = None) -> Entry:
    """An unchanged (or, with `new_label`, renumbered) paragraph."""
    if new_label is None:
        return entry(Status.UNCHANGED, label, label, [("=", text)], old_lead=lead, new_lead=lead)
    return entry(Status.RENUMBERED, label, new_label, [("=", text)], old_lead=lead, new_lead=lead)


def _label_key(label: str) -> tuple[str, int, int, str]:
    m = _LABEL.fullmatch(label)
    assert m, label
    return (m["res"] or "", {"PP": 0, "P": 1, "OP": 2}[m["prefix"]], int(m["num"]), m["sub"] or "")


def comparison(
    entries: Sequence[Entry],
    *,
    old_symbol: str | None = "A/RES/73/188",
    new_symbol: str | None = "A/C.3/75/L.11",
    old_kind: DocKind = DocKind.RESOLUTION,
    new_kind: DocKind = DocKind.DRAFT,
    title: Segs = (),
    sponsors: SponsorChange | None = None,
    old_sponsors: tuple[str, ...] = (),
    new_sponsors: tuple[str, ...] = (),
    old_footnotes: tuple[Footnote, ...] = (),
    new_footnotes: tuple[Footnote, ...] = (),
    warnings: tuple[str, ...] = (),
) -> Comparison:
    """Two documents built from the entries: old in label order, new in entry order."""
    title_segs = _segments(title)
    olds = {e.old.label: e.old for e in entries if e.old is not None}
    news = {e.new.label: e.new for e in entries if e.new is not None}
    old = Document(
        source="tests/examples/old.md",
        format="markdown",
        kind=old_kind,
        symbol=old_symbol,
        title=old_text(title_segs),
        sponsors=Sponsors(original=old_sponsors),
        paragraphs=tuple(olds[k] for k in sorted(olds, key=_label_key)),
        footnotes=old_footnotes,
    )
    new = Document(
        source="tests/examples/new.md",
        format="markdown",
        kind=new_kind,
        symbol=new_symbol,
        title=new_text(title_segs),
        sponsors=Sponsors(original=new_sponsors),
        paragraphs=tuple(news.values()),
        footnotes=new_footnotes,
        warnings=warnings,
    )
    return Comparison(
        old=old,
        new=new,
        # where each moved paragraph stood is compare's to say (Entry.stood_after)
        entries=_old_places(tuple(entries), old.flat()),
        title=title_segs,
        sponsors=sponsors or SponsorChange(),
        old_footnotes=old_footnotes,
        new_footnotes=new_footnotes,
    )


# --- the comparisons -------------------------------------------------------------

TITLE = (
    "United Nations African Institute for the Prevention of Crime and the Treatment of Offenders"
)

_PP_FILLER = [
    ("Recognizing", "the importance of the Institute for the countries of the African region,"),
    ("Bearing in mind", "the difficult financial situation of the Institute,"),
    ("Noting", "the efforts of the Institute to mobilize resources,"),
    ("Concerned", "about the impact of crime on the development of African States,"),
    ("Aware", "of the limited resources available to the Institute,"),
    ("Mindful", "of the need to strengthen the capacity of the Institute,"),
    ("Taking into account", "the 2030 Agenda for Sustainable Development,"),
    ("Recalling also", "its resolution 71/209 of 19 December 2016,"),
    ("Welcoming", "the cooperation between the Institute and the African Union,"),
    ("Stressing", "the role of the Institute in crime prevention,"),
    ("Noting with appreciation", "the work of the Board of Directors,"),
    ("Emphasizing", "the need for predictable funding,"),
]

_OP_FILLER = [
    ("Commends", "the Institute for its efforts to promote crime prevention;"),
    ("Requests", "the Institute to continue its cooperation with Member States;"),
    ("Calls upon", "Member States to take measures against organized crime;"),
    ("Encourages", "the Institute to work with regional organizations;"),
    ("Invites", "donors to support the programmes of the Institute;"),
    ("Stresses", "the importance of technical assistance;"),
    ("Requests also", "the Secretary-General to support the Institute;"),
    ("Urges", "the Institute to strengthen its networking activities;"),
    ("Welcomes", "the progress made in the implementation of the programme;"),
    ("Encourages also", "the exchange of information among States;"),
    ("Notes", "the importance of training programmes;"),
    ("Recommends", "that the Institute continue its research;"),
]


def _filler(kind: str, n: int) -> tuple[str, str]:
    lead, rest = (_PP_FILLER if kind == "PP" else _OP_FILLER)[n % 12]
    return lead, f"{lead} {rest}"


JOINED = (
    "Austria",
    "France",
    "Hungary",
    "India",
    "Italy",
    "Pakistan",
    "Venezuela (Bolivarian Republic of)",
)
"""The sponsors who joined the revision in `realistic` (listed after Uganda)."""


def realistic() -> Comparison:
    """A/RES/73/188 → A/C.3/75/L.11 with one of every kind of change."""
    split_old = para(
        "OP4",
        "Requests the Secretary-General to continue his efforts to mobilize financial "
        "resources and to provide the Institute with the core funding it needs;",
    )
    merged_new = para(
        "OP6",
        "Calls upon the Institute to report regularly and to publish its work;",
        "Calls upon",
    )
    fn_change = FootnoteChange(
        old_mark="1",
        new_mark="1",
        segments=_segments([("=", "A/"), ("-", "73/123."), ("+", "75/123 and Corr.1.")]),
    )
    entries: list[Entry] = [
        entry(
            Status.UNCHANGED,
            "PP1",
            "PP1",
            [
                (
                    "=",
                    "Recalling its resolution 72/193 of 19 December 2017 and all its "
                    "other relevant resolutions,",
                )
            ],
            old_fn=("1",),
            new_fn=("1",),
            footnotes=(fn_change,),
        ),
        entry(
            Status.INSERTED,
            None,
            "PP2",
            [
                (
                    "+",
                    "Recalling also the Kyoto Declaration on Advancing Crime Prevention, "
                    "Criminal Justice and the Rule of Law,",
                )
            ],
            new_lead="Recalling also",
        ),
    ]
    for n in range(2, 14):
        lead, text = _filler("PP", n)
        entries.append(same(f"PP{n}", text, lead, new_label=f"PP{n + 1}"))
    entries += [
        entry(
            Status.MOVED,
            "OP21",
            "PP15",
            [
                ("-", "Notes"),
                ("+", "Recognizing"),
                (
                    "=",
                    " with appreciation the work of the Institute in the field of crime prevention",
                ),
                ("-", ";"),
                ("+", " and criminal justice,"),
            ],
        ),
        same("OP1", "Takes note of the report of the Secretary-General;", "Takes note"),
        entry(
            Status.CHANGED,
            "OP2",
            "OP2",
            [
                ("-", "Welcomes"),
                ("+", "Recalls"),
                ("=", " the efforts of the Institute to strengthen cooperation with Member States"),
                ("+", " in the African region"),
                ("=", ";"),
            ],
        ),
        same("OP3", "Urges Member States to:"),
        entry(
            Status.CHANGED,
            "OP3(a)",
            "OP3(a)",
            [
                ("=", "Provide "),
                ("-", "financial"),
                ("+", "voluntary financial and technical"),
                ("=", " support to the Institute;"),
            ],
        ),
        same("OP3(b)", "Share expertise with the Institute;"),
        entry(
            Status.SPLIT,
            split_old,
            "OP4",
            [
                (
                    "=",
                    "Requests the Secretary-General to continue his efforts to mobilize "
                    "financial resources",
                ),
                ("-", " and"),
                ("+", ";"),
            ],
            group=1,
        ),
        entry(
            Status.SPLIT,
            split_old,
            "OP5",
            [
                ("+", "Also requests the Secretary-General"),
                ("=", " to provide the Institute with the core funding it needs;"),
            ],
            new_lead="Also requests",
            group=1,
        ),
        entry(
            Status.MERGED,
            "OP5",
            merged_new,
            [("=", "Calls upon the Institute to report regularly"), ("-", ";"), ("+", " and")],
            old_lead="Calls upon",
            group=2,
        ),
        entry(
            Status.MERGED,
            "OP6",
            merged_new,
            [("-", "Encourages the Institute"), ("=", " to publish its work;")],
            old_lead="Encourages",
            group=2,
        ),
        entry(
            Status.INSERTED,
            None,
            "OP7",
            [
                (
                    "+",
                    "Requests the Institute to submit a report on its activities to the "
                    "Commission on Crime Prevention and Criminal Justice;",
                )
            ],
        ),
        entry(
            Status.DELETED,
            "OP7",
            None,
            [("-", "Invites the Institute to consider relocating its headquarters;")],
        ),
    ]
    for n in range(8, 21):
        lead, text = _filler("OP", n)
        entries.append(same(f"OP{n}", text, lead))
    entries += [
        same(
            "OP22",
            "Requests the Secretary-General to report to the General Assembly at "
            "its seventy-seventh session;",
            "Requests",
            new_label="OP21",
        ),
        same("OP23", "Decides to remain seized of the matter.", "Decides", new_label="OP22"),
    ]
    return comparison(
        entries,
        title=[("=", TITLE)],
        sponsors=SponsorChange(
            added=JOINED,
            removed=("Kenya",),
            unchanged=("Uganda",),
            old_count=2,
            new_count=8,
        ),
        old_sponsors=("Kenya", "Uganda"),
        new_sponsors=("Uganda", *JOINED),
        old_footnotes=(Footnote("1", "A/73/123."),),
        new_footnotes=(Footnote("1", "A/75/123 and Corr.1."),),
    )


def small() -> Comparison:
    """A short draft and its revision: a new lead phrase, an inserted and a deleted OP."""
    return comparison(
        [
            same("PP1", "Recalling its resolution 74/175 of 18 December 2019,"),
            entry(
                Status.CHANGED,
                "OP1",
                "OP1",
                [
                    ("-", "Welcomes"),
                    ("+", "Recalls"),
                    ("=", " the report of the Secretary-General;"),
                ],
            ),
            entry(
                Status.INSERTED,
                None,
                "OP2",
                [
                    (
                        "+",
                        "Urges Member States to provide technical assistance to the programme, "
                        "in particular to developing countries, upon request, in order to "
                        "strengthen their capacity to prevent crime;",
                    )
                ],
            ),
            entry(
                Status.DELETED,
                "OP2",
                None,
                [
                    (
                        "-",
                        "Decides to include the item in the provisional agenda of its "
                        "seventy-sixth session.",
                    )
                ],
            ),
            same("OP3", "Decides to remain seized of the matter."),
        ],
        old_symbol="A/C.3/75/L.8",
        new_symbol="A/C.3/75/L.8/Rev.1",
        old_kind=DocKind.DRAFT,
        new_kind=DocKind.REVISED_DRAFT,
        title=[
            (
                "=",
                "Strengthening the United Nations crime prevention and criminal justice programme",
            ),
            ("+", ", in particular its technical cooperation capacity"),
        ],
        sponsors=SponsorChange(
            added=("Japan",),
            unchanged=("Italy",),
            old_count=1,
            new_count=2,
        ),
        old_sponsors=("Italy",),
        new_sponsors=("Italy", "Japan"),
    )


HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<script>document.title='pwned'</script>",
    "<img src=x onerror=\"document.title='pwned'\">",
    "{{ 7*7 }}",
    "{% raw %}",
    "[click](javascript:alert(1))",
    "javascript:alert(1)",
    "\x1b[31mred\x1b[0m",
    "\u202eevil\u202c",
    "bell\x07 nul\x00 del\x7f csi\x9b",
    "*bold* _it_ ~~s~~ `code` | # &amp; \\",
]


def hostile() -> Comparison:
    """Input that tries to break out of every output format."""
    bad = " ".join(HOSTILE)
    return comparison(
        [
            entry(
                Status.CHANGED,
                "PP1",
                "PP1",
                [
                    ("=", "Recalling "),
                    ("-", HOSTILE[0]),
                    ("+", HOSTILE[1]),
                    ("=", " " + HOSTILE[4] + " "),
                    ("+", HOSTILE[8]),
                ],
            ),
            entry(Status.INSERTED, None, "OP1", [("+", "Decides " + bad)]),
            entry(Status.DELETED, "OP1", None, [("-", "Urges " + bad)]),
            entry(
                Status.CHANGED,
                "OP2",
                "OP2",
                [
                    ("=", "Requests " + HOSTILE[2]),
                    ("-", HOSTILE[9]),
                    ("+", HOSTILE[3]),
                    ("=", " " + HOSTILE[5] + " " + HOSTILE[6]),
                ],
                new_fn=("1",),
                old_fn=("1",),
                footnotes=(
                    FootnoteChange(
                        "1", "1", _segments([("=", "See "), ("-", HOSTILE[0]), ("+", HOSTILE[7])])
                    ),
                ),
            ),
        ],
        old_symbol="A/C.3/75/L.9<script>alert(1)</script>",
        new_symbol="{{ 7*7 }}\x1b[2J",
        title=[("=", "On " + HOSTILE[4] + " "), ("-", HOSTILE[0]), ("+", HOSTILE[9])],
        sponsors=SponsorChange(
            added=(HOSTILE[1], "\x1b]0;owned\x07Evil"),
            removed=(HOSTILE[6],),
            unchanged=("France",),
            old_count=2,
            new_count=3,
            unrecognised=(HOSTILE[4],),
        ),
        old_footnotes=(Footnote("1", "See " + HOSTILE[0]),),
        new_footnotes=(Footnote("1", "See " + HOSTILE[7]),),
        warnings=("symbol " + HOSTILE[0] + " not recognised \x1b[31m",),
    )


def identical() -> Comparison:
    """Nothing changed: every renderer must still say so clearly."""
    return comparison(
        [
            same("PP1", "Recalling its resolution 74/175 of 18 December 2019,"),
            same("OP1", "Decides to remain seized of the matter."),
        ],
        old_symbol="A/C.3/75/L.8",
        new_symbol="A/C.3/75/L.8",
        old_kind=DocKind.DRAFT,
        new_kind=DocKind.DRAFT,
        title=[("=", "Crime prevention")],
    )


def plain() -> Comparison:
    """Texts without resolution structure: plain paragraphs, no symbols, no leads."""
    return comparison(
        [
            same("P1", "The meeting was called to order at 10 a.m."),
            entry(
                Status.CHANGED,
                "P2",
                "P2",
                [("=", "The Chair "), ("-", "made"), ("+", "delivered"), ("=", " a statement.")],
            ),
        ],
        old_symbol=None,
        new_symbol=None,
        old_kind=DocKind.TEXT,
        new_kind=DocKind.TEXT,
    )


ALL: dict[str, Callable[[], Comparison]] = {
    "realistic": realistic,
    "small": small,
    "hostile": hostile,
    "identical": identical,
    "plain": plain,
}
