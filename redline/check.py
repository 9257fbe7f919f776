"""What "matches the adopted text" means: normalisation profiles, then a verdict.

Pure logic, no I/O: the CLI loads both documents, `check` normalises them
according to a `Profile`, runs the ordinary `compare` (adopted -> candidate) and
judges its entries; `redline.render.check` turns a `Verdict` into text, GitHub
Actions workflow commands or JUnit XML.

>>> from redline.model import Document, DocKind, Paragraph, ParaKind
>>> def doc(text):
...     p = Paragraph("OP1", ParaKind.OPERATIVE, "1", "Urges", text, lines=(7, 7))
...     return Document("<text>", "plain", DocKind.RESOLUTION, paragraphs=(p,))
>>> check(doc("Urges States\u2019 \u201cefforts\u201d \u2013 all"),
...       doc("Urges States' \\"efforts\\" - all")).line()
'match'
>>> check(doc("Urges some States;"), doc("Urges all States;")).line()
'differs: 1 paragraph (OP1), 1 word inserted, 1 deleted'
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace

from redline.compare import compare
from redline.errors import InputError
from redline.model import (
    DELETE,
    EQUAL,
    INSERT,
    Document,
    Entry,
    FootnoteChange,
    Paragraph,
    Segment,
    Sponsors,
    Status,
    count_words,
    fold,
    plural,
)
from redline.noise import walk

__all__ = [
    "Profile",
    "Result",
    "Verdict",
    "check",
    "normalise",
    "normalise_text",
    "parse_manifest",
]


@dataclass(frozen=True)
class Profile:
    """What a check ignores. The default ignores editorial noise only.

    >>> Profile(ignore_footnotes=True).ignored()[-1]
    'footnotes (their text and where they are cited)'
    """

    strict: bool = False
    """Compare paragraph and footnote texts exactly as parsed (after NFC)."""
    ignore_footnotes: bool = False
    """Leave footnotes out altogether."""
    ignore_numbering: bool = False
    """A paragraph that only got another number is not a difference."""

    def ignored(self) -> tuple[str, ...]:
        """What this profile ignores, in words (for --help, the README and reports)."""
        out = [
            "sponsors",
            "layout: line wrapping, page breaks, headers and footers, where footnotes are printed",
            "whitespace, including non-breaking spaces (the parser collapses it)",
            "soft hyphens and zero-width spaces (the parser drops them)",
            "Markdown emphasis (*Recalling*, **Urges**)",
            "footnote marker numbering (footnote text is compared)",
        ]
        if not self.strict:
            out[4:4] = [
                "straight vs typographic quotes and apostrophes",
                "hyphen vs en or em dash",
                "extraction noise: establis hing, Secretary -General, followup, Crime5 (see redline.noise)",
            ]
        if self.ignore_numbering:
            out.append("paragraph numbering (a renumbered paragraph is not a difference)")
        if self.ignore_footnotes:
            out.append("footnotes (their text and where they are cited)")
        return tuple(out)


# Characters that carry no words: soft hyphen, zero-width space and joiners,
# word joiner, byte-order mark. (Non-breaking spaces are whitespace to `fold`.)
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
# *x*, **x**, _x_, __x__ around a run that neither starts nor ends with a space;
# an underscore inside a word (snake_case) or a lone asterisk (a footnote "*") stays.
# the span is bounded: unbounded, an unclosed "*a *a …" scanned to the end from every * (issue 17)
# The run opens and closes on neither a space nor a marker, so the blanks of a
# placeholder are not emphasis ("resolution 80/___ of __ December" stays).
_EMPHASIS = re.compile(r"(?<![\w*_])(\*{1,3}|_{1,3})(?=[^\s*_])(.{1,300}?)(?<=[^\s*_])\1(?![\w*_])")


def normalise_text(text: str, profile: Profile = Profile()) -> str:  # noqa: B008 - frozen
    """The text as the profile compares it: NFC always; unless strict, editorial
    noise folded (whitespace, quotes, dashes, emphasis, invisible characters).

    >>> normalise_text("Member\u00a0States\u2019 *efforts* \u2014 all\u00ad ")
    "Member States' efforts - all"
    >>> normalise_text("resolution 80/___ of __ December, __x__")
    'resolution 80/___ of __ December, x'
    >>> normalise_text("Member\u00a0States\u2019", Profile(strict=True))
    'Member\u00a0States\u2019'
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if profile.strict:
        return text
    text = text.translate(_INVISIBLE).replace("\u2026", "...")
    text = _EMPHASIS.sub(r"\2", text)
    return fold(text)


def normalise(doc: Document, profile: Profile = Profile()) -> Document:  # noqa: B008 - frozen
    """A copy of the document as the profile compares it: texts normalised, no
    sponsors (a check is about the text), footnotes dropped if ignored.

    >>> from redline.model import DocKind
    >>> d = Document("x", "plain", DocKind.TEXT, title="Human\u00a0rights")
    >>> normalise(d).title
    'Human rights'
    """

    def para(p: Paragraph) -> Paragraph:
        return replace(
            p,
            text=normalise_text(p.text, profile),
            lead=normalise_text(p.lead, profile),
            footnotes=() if profile.ignore_footnotes else p.footnotes,
        )

    return replace(
        doc,
        title=normalise_text(doc.title, profile),
        sponsors=Sponsors(),
        paragraphs=tuple(para(p) for p in doc.paragraphs),
        footnotes=()
        if profile.ignore_footnotes
        else tuple(replace(f, text=normalise_text(f.text, profile)) for f in doc.footnotes),
        resolutions=tuple(normalise(r, profile) for r in doc.resolutions),
    )


@dataclass(frozen=True)
class Result:
    """One paragraph (or the title) of the check: passed, or how it differs.

    A paragraph is one of the candidate's, or one of the adopted text's that the
    candidate lacks (`missing`); two adopted paragraphs merged into one of the
    candidate are that one paragraph, one result.
    """

    label: str
    """The candidate's label (``OP5``); the adopted one for a missing paragraph."""
    line: int
    """Source line in the candidate, 1 or more: for a missing paragraph, the line of the
    candidate's paragraph before it, or of the title when none is before it."""
    problem: str
    """Empty when it matches; else ``differs``, ``missing``, ``renumbered``, …"""
    segments: tuple[Segment, ...] = ()
    """Word diff, adopted -> candidate: ``-`` adopted words the candidate lacks."""
    footnotes: tuple[FootnoteChange, ...] = ()
    missing: bool = False
    """An adopted paragraph the candidate lacks: `label` is its adopted label."""

    @property
    def name(self) -> str:
        """The paragraph's name in the verdict and in JUnit: its label, or for a
        missing paragraph, which may share its label with one of the candidate's,
        ``PP15 (missing from the candidate)``."""
        return f"{self.label} (missing from the candidate)" if self.missing else self.label

    @property
    def differs(self) -> bool:
        """True when this paragraph does not match."""
        return bool(self.problem)

    def words(self) -> tuple[int, int]:
        """(inserted, deleted) words, footnotes included.

        >>> Result("OP1", 3, "differs", (Segment("-", "all"), Segment("+", "some States"))).words()
        (2, 1)
        """
        segs = list(self.segments) + [s for f in self.footnotes for s in f.segments]
        ins = sum(count_words(s.text) for s in segs if s.op == INSERT)
        dele = sum(count_words(s.text) for s in segs if s.op == DELETE)
        return ins, dele


@dataclass(frozen=True)
class Verdict:
    """The outcome of checking a candidate against the adopted text."""

    candidate: str
    adopted: str
    results: tuple[Result, ...]
    """The title first, then every paragraph in the candidate's order."""
    profile: Profile = Profile()

    @property
    def differences(self) -> tuple[Result, ...]:
        """The results that do not match: every output lists, annotates or fails these,
        and the verdict counts them."""
        return tuple(r for r in self.results if r.differs)

    @property
    def matches(self) -> bool:
        """True when nothing differs."""
        return not self.differences

    def names(self) -> tuple[str, ...]:
        """Each result's name (`Result.name`), one of its own: a label the candidate
        gives twice (a numbering slip) is told apart by its line, then by a count.

        >>> Verdict("a", "b", (Result("OP1", 3, ""), Result("OP1", 9, ""),
        ...                    Result("OP1", 9, "missing", missing=True))).names()
        ('OP1 (line 3)', 'OP1 (line 9)', 'OP1 (missing from the candidate)')
        """
        names = [r.name for r in self.results]
        twice = {n for n, k in Counter(names).items() if k > 1}
        names = [f"{n} (line {r.line})" if n in twice else n
                 for n, r in zip(names, self.results, strict=True)]  # fmt: skip
        still = {n for n, k in Counter(names).items() if k > 1}
        seen: Counter[str] = Counter()
        out = []
        for n in names:
            seen[n] += 1
            out.append(f"{n} #{seen[n]}" if n in still else n)
        return tuple(out)

    def line(self, most: int = 10) -> str:
        """The one-line verdict: ``match`` or ``differs: …``, the title and the
        paragraphs counted being `differences`, each named as in `names`.

        >>> r = Result("OP5", 9, "differs", (Segment("+", "three new words"),))
        >>> Verdict("a", "b", (Result("title", 1, "differs"), r)).line()
        'differs: title, 1 paragraph (OP5), 3 words inserted, 0 deleted'
        """
        diffs = self.differences
        if not diffs:
            return "match"
        named = [(n, r) for n, r in zip(self.names(), self.results, strict=True) if r.differs]
        parts = [n for n, r in named if r.label == "title" and not r.missing]
        labels = [n for n, r in named if r.label != "title" or r.missing]
        if labels:
            shown = ", ".join(labels[:most]) + (
                f", … {len(labels) - most} more" if len(labels) > most else ""
            )
            parts.append(f"{plural(len(labels), 'paragraph')} ({shown})")
        ins = sum(r.words()[0] for r in diffs)
        dele = sum(r.words()[1] for r in diffs)
        parts.append(f"{plural(ins, 'word')} inserted, {dele} deleted")
        return "differs: " + ", ".join(parts)


def check(candidate: Document, adopted: Document, profile: Profile = Profile()) -> Verdict:  # noqa: B008
    """Judge whether the candidate's text matches the adopted text under a profile.

    Pick the resolution out of a report first (`redline.parser.load.pick_resolution`).

    >>> from redline.model import Document, DocKind
    >>> d = Document("x.txt", "plain", DocKind.TEXT, title="Oceans")
    >>> check(d, replace(d, title="Seas")).line()
    'differs: title, 1 word inserted, 1 deleted'
    """
    a, c = normalise(adopted, profile), normalise(candidate, profile)
    comparison = compare(a, c)
    results: list[Result] = []
    title_differs = any(s.op != EQUAL for s in comparison.title)
    if title_differs and not profile.strict:
        title_differs = not _noise_only(a.title, c.title)
    # where a missing paragraph is reported: the line of the candidate's paragraph
    # before it, else the title's, else the file's first (every output shows this line)
    line = candidate.title_lines[0] or 1
    results.append(
        Result("title", line, "differs" if title_differs else "",
               comparison.title if title_differs else ())
    )  # fmt: skip
    merges: dict[int | None, int] = {}  # a merge's group -> its result's index
    for e in comparison.entries:
        if e.new is not None:
            line = e.new.lines[0] or line
        problem = _problem(e, profile)
        segs = e.segments if problem else ()
        notes = e.footnotes if problem else ()
        if e.status is Status.MERGED and e.group in merges:
            # the next piece of the same candidate paragraph: its diff continues the first's
            k = merges[e.group]
            r = results[k]
            more = f", {e.old.label}" if e.old is not None else ""
            results[k] = replace(r, problem=r.problem + more, segments=_seam(r.segments, segs),
                                 footnotes=r.footnotes + notes)  # fmt: skip
            continue
        if e.status is Status.MERGED:
            merges[e.group] = len(results)
        label = e.new.label if e.new is not None else (e.old.label if e.old else "?")
        results.append(Result(label, line, problem, segs, notes, missing=e.new is None))
    return Verdict(candidate.source, adopted.source, tuple(results), profile)


def _seam(first: tuple[Segment, ...], then: tuple[Segment, ...]) -> tuple[Segment, ...]:
    """The word diff of a merge's pieces as one: the space the candidate put between
    them is the adopted paragraphs' break, not an inserted space (no word either way).

    >>> _seam((Segment("=", "Urges;"),), (Segment("+", " "), Segment("=", "Notes;")))
    (Segment(op='=', text='Urges;'), Segment(op='=', text=' '), Segment(op='=', text='Notes;'))
    """
    if then and then[0].op == INSERT and then[0].text.isspace():
        then = (Segment(EQUAL, then[0].text), *then[1:])
    return first + then


def _noise_only(old: str, new: str) -> bool:
    """Whether two titles differ by extraction noise alone (`redline.noise`); a
    piece of a split word is a word when it is one of either title.

    >>> _noise_only("Nuclear-Weapon-Free World", "Nuclear-WeaponFree World")
    True
    >>> _noise_only("Nuclear-Weapon-Free World", "Nuclear-Weapon-Free Worlds")
    False
    """
    known = {w.casefold() for w in re.findall(r"\w+", old + " " + new)}
    return walk(old, new, known).only


def _problem(e: Entry, profile: Profile) -> str:
    """What is wrong with one aligned pair, empty when nothing is."""
    old, new = e.old, e.new
    if new is None:
        return f"missing: adopted {old.label if old else '?'} is not in the candidate"
    if old is None:
        return "not in the adopted text"
    if e.status is Status.MOVED:
        return f"moved: it is adopted {old.label}"
    if e.status in (Status.SPLIT, Status.MERGED):
        return f"{e.status.value}: adopted {old.label}"
    # footnotes are matched by position, not mark: renumbered marks are no difference;
    # extraction noise (redline.noise, decided by compare) is none either, unless strict
    if profile.strict:
        texts_differ = any(s.op != EQUAL for s in e.segments) or bool(e.footnotes)
    else:
        texts_differ = e.text_changed
    renumbered = old.label != new.label or (old.number or "") != (new.number or "")
    if texts_differ:
        if renumbered and not profile.ignore_numbering:
            return f"differs (and is adopted {old.label})"
        return "differs"
    if renumbered and not profile.ignore_numbering:
        return f"renumbered: it is adopted {old.label}"
    return ""


# --- manifest ---------------------------------------------------------------------


def parse_manifest(text: str, where: str) -> list[tuple[str, str]]:
    """(candidate, adopted) pairs of a TOML manifest, paths relative to its folder.

    >>> parse_manifest('[[pair]]\\ncandidate = "a.txt"\\nadopted = "../b.txt#IV"', "ci/m.toml")
    [('ci/a.txt', 'b.txt#IV')]
    """
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10 needs the tomli backport
        import tomli as tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise InputError(where, f"not a valid TOML manifest: {e}") from None
    except RecursionError:  # arrays or tables nested thousands deep (issue 17: 9)
        raise InputError(where, "not a valid TOML manifest: nested too deeply") from None
    pairs = data.get("pair")
    if not isinstance(pairs, list) or not pairs:
        raise InputError(where, "no [[pair]] tables (candidate = …, adopted = …)")
    folder = os.path.dirname(where)
    out = []
    for k, p in enumerate(pairs, 1):
        if not isinstance(p, dict) or not all(
            isinstance(p.get(key), str) and p.get(key) for key in ("candidate", "adopted")
        ):
            raise InputError(where, f'pair {k} needs candidate = "…" and adopted = "…"')
        out.append((_relative(folder, p["candidate"]), _relative(folder, p["adopted"])))
    return out


def _relative(folder: str, source: str) -> str:
    """A manifest path joined to the manifest's folder, its ``#pick`` kept.

    >>> _relative("ci", "../texts/report.md#A/C.3/75/L.11")
    'texts/report.md#A/C.3/75/L.11'
    """
    path, sep, pick = source.partition("#")
    return os.path.normpath(os.path.join(folder, path)) + sep + pick
