"""The data redline works on: parsed documents and their comparison.

Everything here is a frozen dataclass of strings, numbers and tuples. No I/O,
no markup: the parser builds a `Document`, the engine builds a `Comparison`,
and the renderers only read them.

>>> p = Paragraph(label="OP1", kind=ParaKind.OPERATIVE, number="1", lead="Urges",
...               text="Urges Member States to act;", footnotes=(), lines=(10, 11))
>>> p.label, p.lead
('OP1', 'Urges')
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum


class DocKind(str, Enum):
    """What kind of UN document a text is."""

    DRAFT = "draft"
    REVISED_DRAFT = "revised draft"
    RESOLUTION = "resolution"
    REPORT = "committee report"
    AMENDMENT = "amendment"
    """An amendment to a draft: a header naming its sponsors and the draft it amends
    ("Russian Federation: amendment to draft resolution A/C.3/80/L.50"), then plain
    instructions ("Delete operative paragraph 9."), with no "The General Assembly,"."""
    TEXT = "text"
    """No resolution structure was found: compared as plain paragraphs."""


class ParaKind(str, Enum):
    """The part of a resolution a paragraph belongs to."""

    PREAMBULAR = "preambular"
    OPERATIVE = "operative"
    SUBPARAGRAPH = "sub-paragraph"
    OTHER = "other"


@dataclass(frozen=True)
class Footnote:
    """A footnote body, kept apart from the paragraph that cites it."""

    mark: str
    """The marker as printed: ``"1"``, ``"*"``."""
    text: str
    """The footnote's clean text, without its marker."""
    lines: tuple[int, int] = (0, 0)
    """First and last source line (1-based, inclusive); (0, 0) when unknown."""


@dataclass(frozen=True)
class ResolutionRef:
    """A draft resolution of a committee report, as the report names it: its number
    there and its symbol (None when the report does not give it).

    >>> ResolutionRef("IV", "A/C.3/75/L.11").name
    'IV'
    """

    name: str
    """Its number in the report: ``"IV"`` (draft resolution IV)."""
    symbol: str | None = None
    """``A/C.3/75/L.11``, as the report's "submitted by" passage names it."""


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a resolution: PP3, OP5, OP5(a), or a plain paragraph."""

    label: str
    """What delegates call it: ``PP3``, ``OP5``, ``OP5(a)``; ``P4`` for other text;
    in a sectioned resolution qualified by its section (``II/OP3``, the heading ``II``)."""
    kind: ParaKind
    number: str | None
    """The number as printed (``"5"``, ``"(a)"``); None for preambular paragraphs."""
    lead: str
    """The lead phrase (``Recalling``, ``Urges``); empty when there is none."""
    text: str
    """Clean text: no printed number, no footnote markers, no markup, one line."""
    footnotes: tuple[str, ...] = ()
    """Marks of the footnotes this paragraph cites, in order."""
    lines: tuple[int, int] = (0, 0)
    """First and last source line (1-based, inclusive)."""
    parent: str | None = None
    """For a sub-paragraph, the label of its operative paragraph (``OP3``)."""
    marks_at: tuple[int, ...] = ()
    """Where each mark of `footnotes` stands: an offset into `text`, right after the
    character the mark follows (every reader records it: PDF, text, Markdown, Word);
    empty when the reader does not know (a mark pdftotext printed on a line alone)."""
    resolution: ResolutionRef | None = None
    """In a committee report: the draft resolution the paragraph belongs to, set by
    `Document.flat` as it qualifies the label (``IV/OP5``); None for the report's own
    text and in a single resolution. Read this, never a label's parts: a ``/`` in a
    label does not say which resolution."""
    section: str | None = None
    """In a resolution printed in sections I, II, … (budget resolutions, whose operative
    numbers may start again at 1): the section this paragraph is in (``"II"``), its
    heading included; the label then carries it too (``II/OP3``). None elsewhere."""


@dataclass(frozen=True)
class Dropped:
    """A printed line left out as page furniture (running head, page number, job number)."""

    page: int
    text: str
    reason: str
    """``running head`` or ``footer``."""
    where: str = ""
    """What placed it there: ``above the rule under the running head``, ``in the top 9%
    of the page``, ``in the bottom 6.6% of the page``, ``beside the barcode at the first
    page's foot``."""


@dataclass(frozen=True)
class Sponsors:
    """Sponsor names as the document writes them, in order."""

    original: tuple[str, ...] = ()
    """Sponsors named in the header line or as having submitted the draft."""
    subsequent: tuple[str, ...] = ()
    """Those who "subsequently joined in sponsoring" (committee reports)."""
    on_behalf_of: str | None = None
    """"on behalf of the States Members … of the Group of African States", as written."""
    text: str = ""
    """The sponsor passage as found in the source (empty when there is none)."""

    @property
    def names(self) -> tuple[str, ...]:
        """All sponsors, original first."""
        return self.original + self.subsequent


@dataclass(frozen=True)
class Document:
    """A parsed UN document: one resolution, or a report holding several."""

    source: str
    """Where it came from, as given (a path, ``-``, with any ``#pick``)."""
    format: str
    """``pdf``, ``markdown``, ``pdf-text``, ``docx`` or ``plain``."""
    kind: DocKind
    symbol: str | None = None
    """``A/C.3/75/L.8/Rev.1`` when the text states it."""
    title: str = ""
    sponsors: Sponsors = field(default_factory=Sponsors)
    paragraphs: tuple[Paragraph, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    resolutions: tuple[Document, ...] = ()
    """For a committee report: the draft resolutions it recommends, in order."""
    name: str | None = None
    """For a resolution inside a report: its number there (``"IV"``)."""
    title_lines: tuple[int, int] = (0, 0)
    warnings: tuple[str, ...] = ()
    """Things the parser wants the user to know (stderr, JSON)."""
    tracked_changes: int = 0
    """For a .docx input: how many tracked changes it held."""
    unverified: tuple[str, ...] = ()
    """For a .docx input: what Word shows that is not compared (headers, footers,
    comments, endnotes, hidden text); ``verify-tracked`` fails on any of it."""
    dropped: tuple[Dropped, ...] = ()
    """For a PDF input: the page furniture left out, by page (``show --dropped``)."""
    closing: str = ""
    """The closing line of an adopted resolution, where it was adopted and when
    (``"81st plenary meeting 30 June 2025"``): shown, not compared."""

    def counts(self) -> dict[str, int]:
        """Paragraph counts by kind, e.g. ``{"preambular": 18, "operative": 24, ...}``."""
        out = {k.value: 0 for k in ParaKind}
        for p in self.paragraphs:
            out[p.kind.value] += 1
        return out

    def footnote(self, mark: str) -> Footnote | None:
        """The footnote with this mark, if the document has it."""
        for f in self.footnotes:
            if f.mark == mark:
                return f
        return None

    def flat(self) -> tuple[Paragraph, ...]:
        """Every paragraph, those of contained resolutions qualified: the label
        (``II/OP5``) and `Paragraph.resolution` (``II``, its symbol).

        A single resolution is returned unchanged.

        >>> res = Document("r.md#II", "markdown", DocKind.DRAFT, symbol="A/C.3/75/L.5", name="II",
        ...                paragraphs=(Paragraph("OP5", ParaKind.OPERATIVE, "5", "", "x"),))
        >>> p = Document("r.md", "markdown", DocKind.REPORT, resolutions=(res,)).flat()[0]
        >>> p.label, p.resolution
        ('II/OP5', ResolutionRef(name='II', symbol='A/C.3/75/L.5'))
        """
        if not self.resolutions:
            return self.paragraphs
        out = list(self.paragraphs)
        for res in self.resolutions:
            q = f"{res.name}/"
            ref = ResolutionRef(res.name or "", res.symbol)
            out.extend(
                replace(
                    p,
                    label=q + p.label,
                    parent=(q + p.parent) if p.parent else None,
                    resolution=ref,
                )
                for p in res.paragraphs
            )
        # in source order: the report's own text, resolution I, …, the annex
        return tuple(sorted(out, key=lambda p: p.lines[0]))


# Typographic quotes, apostrophes and dashes, folded to their ASCII forms.
_FOLD = (
    ("\u2018", "'"),
    ("\u2019", "'"),
    ("\u201a", "'"),
    ("\u2032", "'"),
    ("\u02bc", "'"),
    ("\u201c", '"'),
    ("\u201d", '"'),
    ("\u201e", '"'),
    ("\u2033", '"'),
    ("\u2010", "-"),
    ("\u2011", "-"),
    ("\u2012", "-"),
    ("\u2013", "-"),
    ("\u2014", "-"),
    ("\u2015", "-"),
    ("\u2212", "-"),
)


def fold(text: str) -> str:
    """The text two paragraphs must share to count as identical.

    Whitespace runs, quote, apostrophe and dash styles are folded; case is kept.

    >>> fold("  Member  States\u2019 \u201cefforts\u201d \u2013 2017\u20132021 ")
    'Member States\\' "efforts" - 2017-2021'
    """
    if not text.isascii():  # most paragraphs are ASCII: nothing to fold
        for typographic, plain in _FOLD:
            if typographic in text:
                text = text.replace(typographic, plain)
    return " ".join(text.split())


# --- the comparison ---------------------------------------------------------------


class Status(str, Enum):
    """What happened to a paragraph between the old and the new text."""

    UNCHANGED = "unchanged"
    CHANGED = "changed"
    INSERTED = "inserted"
    DELETED = "deleted"
    MOVED = "moved"
    SPLIT = "split"
    MERGED = "merged"
    RENUMBERED = "renumbered"
    TYPOGRAPHIC = "typographic"
    """The same words; only quote, apostrophe, dash or space style differs
    (``region’s`` → ``region's``), or extraction noise (``establis hing``,
    ``followup``, ``Crime5``: see `redline.noise`), in the text or a cited
    footnote. Decided once, by
    `redline.compare`; every output shows it dimmed but visible, the old and new
    labels saying whether it was renumbered too."""


EQUAL, DELETE, INSERT = "=", "-", "+"


@dataclass(frozen=True)
class Segment:
    """A run of text that is kept (``=``), deleted (``-``) or inserted (``+``)."""

    op: str
    text: str


def old_text(segments: tuple[Segment, ...]) -> str:
    """The old text a diff was made from: its kept and deleted runs.

    >>> old_text((Segment("=", "Urges "), Segment("-", "all"), Segment("+", "some")))
    'Urges all'
    """
    return "".join(s.text for s in segments if s.op != INSERT)


def new_text(segments: tuple[Segment, ...]) -> str:
    """The new text a diff leads to: its kept and inserted runs.

    >>> new_text((Segment("=", "Urges "), Segment("-", "all"), Segment("+", "some")))
    'Urges some'
    """
    return "".join(s.text for s in segments if s.op != DELETE)


@dataclass(frozen=True)
class FootnoteChange:
    """A footnote cited by a paragraph whose text differs between old and new."""

    old_mark: str | None
    new_mark: str | None
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class Citation:
    """One footnote citation of an entry, paired across the texts by `redline.compare`:
    the n-th note cited by the old paragraph with the n-th cited by the new one (marks
    shift when a note is added earlier), one side None for a note added or dropped.

    >>> Citation("1", "2", (Segment("=", "A/75/111."),)).kept
    True
    """

    old_mark: str | None
    new_mark: str | None
    segments: tuple[Segment, ...]
    """The footnote's text as a word diff (one kept run when it is the same)."""
    old_piece: int = 0
    """For a split or merge: which entry of the group cites it in the old text."""
    new_piece: int = 0
    """Likewise in the new text."""
    old_glued: bool = False
    """The old side is a footnote number the extractor glued to a word (``Crime5``):
    compared as a citation, but not one the old paragraph makes."""
    new_glued: bool = False

    @property
    def kept(self) -> bool:
        """Cited by a paragraph on both sides."""
        return (
            self.old_mark is not None
            and self.new_mark is not None
            and not self.old_glued
            and not self.new_glued
        )


@dataclass(frozen=True)
class MarkAt:
    """Where a cited footnote mark stands in an entry's word diff: right after the
    first `offset` characters of segment `segment` (decided by `redline.compare`).

    >>> MarkAt("1", 0, 9)  # "Recalling,¹ …": after "Recalling," of the first segment
    MarkAt(mark='1', segment=0, offset=9)
    """

    mark: str
    segment: int
    """Index into `Entry.segments`: a kept or deleted run (old side), kept or inserted (new)."""
    offset: int


@dataclass(frozen=True)
class Entry:
    """One aligned pair (or a lone old / new paragraph) with its word diff."""

    status: Status
    old: Paragraph | None
    new: Paragraph | None
    segments: tuple[Segment, ...]
    """Word diff: old side (``=`` and ``-``) is the old text (or its piece, for a
    split), new side (``=`` and ``+``) the new text (or its piece, for a merge)."""
    footnotes: tuple[FootnoteChange, ...] = ()
    group: int | None = None
    """Entries of one split or merge share a group number."""
    similarity: float = 1.0
    """0 unrelated … 1 identical (word-level)."""
    noise: bool = False
    """Every difference in it is extraction noise (``establis hing``, ``followup``,
    a glued footnote number; see `redline.noise`), decided by `redline.compare`."""
    old_marks: tuple[MarkAt, ...] | None = None
    """Where the old paragraph's marks stand in `segments` (those of this piece, for a
    split); None when the reader did not record positions: shown at the end."""
    new_marks: tuple[MarkAt, ...] | None = None
    """The same for the new paragraph's marks (a merge: those of this piece)."""
    stood_after: int | None = None
    """For a moved entry: the index of the entry after which it stood in the old text
    (-1: before them all), where its old place is shown; None for any other entry."""
    citations: tuple[Citation, ...] = ()
    """Every footnote citation of the entry's paragraphs, old paired with new (changed
    or not; `footnotes` holds the changed ones); the pieces of a split or merge share
    one list, each citation naming its pieces."""

    @property
    def text_changed(self) -> bool:
        """True when the words differ, footnotes included; a difference only in
        quote, apostrophe, dash or space style, or only extraction noise, is not
        a change of words."""
        if self.noise:
            return False

        def differs(segs: tuple[Segment, ...]) -> bool:
            return any(s.op != EQUAL for s in segs) and fold(old_text(segs)) != fold(new_text(segs))

        return differs(self.segments) or any(differs(f.segments) for f in self.footnotes)

    @property
    def words(self) -> tuple[int, int]:
        """Words (inserted, deleted), footnotes included: the one count every output shows.

        A deletion and insertion that differ only in quote, dash or space style
        (``above‑mentioned`` → ``above-mentioned``) count no word, as in `check`.

        >>> e = Entry(Status.CHANGED, None, None, (Segment("-", "all"), Segment("+", "some of the")))
        >>> e.words
        (3, 1)
        """
        if not self.text_changed:
            return (0, 0)  # only quote or dash style differs
        ins, dele = _words(self.segments)
        for f in self.footnotes:
            a, b = _words(f.segments)
            ins, dele = ins + a, dele + b
        return ins, dele


def typographic_only(segments: tuple[Segment, ...]) -> bool:
    """Whether a diff has changes, all of them in quote, dash or space style only.

    >>> typographic_only((Segment("=", "the region"), Segment("-", "\u2019s"), Segment("+", "'s")))
    True
    >>> typographic_only((Segment("=", "the region"),))
    False
    """
    return any(s.op != EQUAL for s in segments) and fold(old_text(segments)) == fold(
        new_text(segments)
    )


def _words(segments: tuple[Segment, ...]) -> tuple[int, int]:
    """Words inserted and deleted, a delete/insert pair equal but for style not counted."""
    ins = dele = 0
    skip = -1
    for k, s in enumerate(segments):
        if k == skip or s.op == EQUAL:
            continue
        nxt = segments[k + 1] if k + 1 < len(segments) else None
        if (
            nxt is not None
            and {s.op, nxt.op} == {INSERT, DELETE}
            and fold(s.text) == fold(nxt.text)
        ):
            skip = k + 1
            continue
        if s.op == INSERT:
            ins += count_words(s.text)
        else:
            dele += count_words(s.text)
    return ins, dele


@dataclass(frozen=True)
class SponsorChange:
    """Who joined and who left, by canonical name, in UN order."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    old_count: int = 0
    new_count: int = 0
    unrecognised: tuple[str, ...] = ()
    """Names found in either list that are not in the table, kept as written."""
    old_group: str | None = None
    """The group the old text's sponsor acts for (``Group of African States``); not counted."""
    new_group: str | None = None
    old_behalf: str | None = None
    """``Uganda, on behalf of the Group of African States``: who acts for the group."""
    new_behalf: str | None = None
    old_unlisted: str | None = None
    """Why the old text lists no sponsors (``adopted resolution``); None when it lists some."""
    new_unlisted: str | None = None
    by_resolution: tuple[ResolutionSponsors, ...] = ()
    """For two committee reports: one change per pair of draft resolutions."""

    @property
    def shown(self) -> bool:
        """Whether there is anything to say: a sponsor on either side, or a report's blocks."""
        return bool(self.old_count or self.new_count or self.by_resolution)


@dataclass(frozen=True)
class ResolutionSponsors:
    """The sponsors of one draft resolution of a report, paired with its other version."""

    old: str | None
    """The old resolution's heading, ``IV (A/C.3/75/L.11)``; None when it is new."""
    new: str | None
    change: SponsorChange


@dataclass(frozen=True)
class Comparison:
    """Everything a renderer needs: both documents, the aligned entries, sponsors."""

    old: Document
    new: Document
    entries: tuple[Entry, ...]
    """In reading order of the new text, deleted paragraphs where they stood."""
    title: tuple[Segment, ...] = ()
    """Word diff of the titles."""
    sponsors: SponsorChange = field(default_factory=SponsorChange)
    old_footnotes: tuple[Footnote, ...] = ()
    new_footnotes: tuple[Footnote, ...] = ()

    def summary(self) -> dict[str, int]:
        """Counts per status plus words inserted and deleted."""
        out = {s.value: 0 for s in Status}
        counted_groups: set[tuple[str, int]] = set()
        ins = dele = 0
        for e in self.entries:
            if e.group is not None:
                key = (e.status.value, e.group)
                if key not in counted_groups:
                    counted_groups.add(key)
                    out[e.status.value] += 1
            else:
                out[e.status.value] += 1
            a, b = e.words
            ins, dele = ins + a, dele + b
        out["words_inserted"] = ins
        out["words_deleted"] = dele
        return out

    @property
    def differs(self) -> bool:
        """True when the texts differ as ``redline check`` sees it: a word of the title,
        a paragraph or a footnote, or a paragraph inserted, deleted, moved, split, merged
        or renumbered. Typography (quote, dash, space style) and sponsors do not count:
        a committee draft and the adopted resolution differ in sponsors by nature.
        ``diff --exit-code`` and the printed verdict (``no changes …``) follow this."""
        return any(
            e.status not in (Status.UNCHANGED, Status.TYPOGRAPHIC) or e.text_changed
            for e in self.entries
        ) or any(s.op != EQUAL for s in self.title)


def count_words(text: str) -> int:
    """Number of words in a run of text.

    >>> count_words("Urges all States,")
    3
    """
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))


def plural(n: int, word: str) -> str:
    """A count and its noun, which agrees with it.

    >>> plural(1, "sponsor"), plural(2, "footnote"), plural(0, "tracked change")
    ('1 sponsor', '2 footnotes', '0 tracked changes')
    """
    return f"{n} {word}" + ("" if n == 1 else "s")
