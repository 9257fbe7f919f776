"""Signs that a parse went wrong, as warnings naming the place (issue 15).

A text whose structure was not found still parses: its operative paragraphs end
up inside one paragraph, inside a footnote, or nowhere. Silence is the worst
outcome, so the parsed document is checked for what a resolution never looks
like: an operative numbering that jumps (per section: sectioned resolutions
start again at 1), a number of the sequence left inside a paragraph's text, a
paragraph of thousands of words, a footnote longer than the whole body, most of
the file's words in no paragraph, operative paragraphs without their numbers.

>>> from redline.parser import parse_document
>>> doc = parse_document("The General Assembly,\\n\\n1. Urges States to act;\\n\\n"
...                      "2. Calls upon States to act;\\n\\n4. Decides to remain seized.\\n")
>>> doc.warnings
('<text>: OP4, line 7: operative numbering breaks: OP2 is followed by OP4',)
>>> sorted(flagged(doc.warnings, doc.source))
['OP4']
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from redline.model import DocKind, Document, Paragraph, ParaKind, plural
from redline.parser.vocab import (
    GENERAL_ASSEMBLY,
    ROMAN_NUMBER,
    known_operative_lead,
    preambular_lead,
)

LONG_PARAGRAPH_WORDS = 2000  # the longest real paragraph in the corpus has 610 words
FOOTNOTE_BODY_SHARE = 1.0  # a footnote longer than this share of the body (1: the whole body)
FOOTNOTE_MIN_WORDS = 150  # shorter footnotes are never suspect (a one-paragraph text's note)
LONG_FOOTNOTE_WORDS = 250  # whatever the body: the longest real footnote in the corpus has 93
PARAGRAPH_WORDS_SHARE = 0.5  # below this share of a file's words in paragraphs: most is lost
UNNUMBERED_OPERATIVE_MIN = 2  # a single unnumbered operative paragraph is a real form
MIN_FILE_WORDS = 200  # a shorter file is not judged by its share (a header weighs too much)

INNER_NUMBERS_AHEAD = 2  # the next number and this many after it are sought (one or two lost)
# A number of the operative sequence inside a paragraph's text: after the end of a
# sentence or clause, a number (its full stop may be lost) and a capitalised word.
_INNER_NUMBER = r"(?:^|[.;:]\s+)({n})\.?\s+(?=[A-Z][a-z])"


def _inner(want: int) -> re.Pattern[str]:
    """The next operative number `want` (or one of the few after it) inside a text."""
    alts = "|".join(str(want + k) for k in range(INNER_NUMBERS_AHEAD + 1))
    return re.compile(_INNER_NUMBER.format(n=alts))


# The place a warning names, after "<source>: ": "OP4, line 7: …"
_PLACE = re.compile(
    rf"((?:{ROMAN_NUMBER}/)?(?:OP|PP|P)\d+(?:\([a-z0-9]+\))*|{ROMAN_NUMBER}|footnote \S+), line \d+: "
)


def check(doc: Document, text: str | None = None) -> tuple[str, ...]:
    """Warnings about `doc` (and the resolutions of a report), each naming the place.

    `text` is the source text, when there is one, for the share of its words that
    ended up in paragraphs.
    """
    out: list[str] = []
    for d in (doc, *doc.resolutions):
        where = d.source
        out.extend(f"{where}: {w}" for w in _sequence(d.paragraphs))
        out.extend(f"{where}: {w}" for w in _unnumbered(d.paragraphs))
        out.extend(f"{where}: {w}" for w in _long(d.paragraphs))
        out.extend(f"{where}: {w}" for w in _footnotes(d))
        out.extend(f"{where}: {w}" for w in _cut_short(d))
        out.extend(f"{where}: {w}" for w in _second_document(d))
    if text is not None:
        words = len(text.split())
        kept = sum(len(p.text.split()) for d in (doc, *doc.resolutions) for p in d.paragraphs)
        if words >= MIN_FILE_WORDS and kept < PARAGRAPH_WORDS_SHARE * words:
            out.append(
                f"{doc.source}: only {kept} of the file's {words} words are in paragraphs: "
                "the structure was probably not found"
            )
    return tuple(out)


def flagged(warnings: Iterable[str], source: str) -> set[str]:
    """The paragraph labels (and ``footnote 3``) that the warnings about `source` name.

    >>> sorted(flagged(["a.txt: OP5, line 40: operative paragraph 6 inside it",
    ...                 "a.txt#II: OP1, line 9: …", "a.txt: other"], "a.txt"))
    ['OP5']
    """
    head = source + ": "
    return {
        m.group(1) for w in warnings if w.startswith(head) and (m := _PLACE.match(w[len(head) :]))
    }


def _at(p: Paragraph) -> str:
    return f"{p.label}, line {p.lines[0]}"


def _sequence(paragraphs: tuple[Paragraph, ...]) -> list[str]:
    """Operative numbers that do not follow on, per section (a section may start again
    at 1; without sections found, any restart at 1 is taken for one), and the next
    number of the sequence found inside a paragraph's text.

    >>> from redline.parser import parse_document
    >>> doc = parse_document("The General Assembly,\\n\\n# I\\n\\n1. Urges States;\\n\\n"
    ...     "# II\\n\\n1. Decides to act;\\n\\n3. Decides to remain seized.\\n", fmt="markdown")
    >>> [p.label for p in doc.paragraphs], doc.warnings
    (['I', 'I/OP1', 'II', 'II/OP1', 'II/OP3'], \
('<text>: II/OP3, line 11: operative numbering breaks: II/OP1 is followed by II/OP3',))
    """
    out: list[str] = []
    prev: Paragraph | None = None
    last = 0  # the last operative number seen
    sectioned = any(p.section for p in paragraphs)
    for p in paragraphs:
        if p.kind == ParaKind.OPERATIVE and p.number and p.number.isdigit():
            n = int(p.number)
            # a section may start again at 1 or go on; inside one the numbers follow on
            # (a text whose section headings were not found may start again anywhere)
            restart = not sectioned or (prev is not None and prev.section != p.section)
            if prev is not None and n != last + 1 and not (restart and n == 1):
                out.append(
                    f"{_at(p)}: operative numbering breaks: {prev.label} is followed by {p.label}"
                )
            prev, last = p, n
        if p.kind in (ParaKind.OPERATIVE, ParaKind.PREAMBULAR) and (
            p.kind == ParaKind.OPERATIVE or last == 0
        ):
            m = _inner(last + 1).search(p.text)
            if m:
                out.append(
                    f"{_at(p)}: operative paragraph {m.group(1)} seems to be inside its text "
                    "(its number not recognised)"
                )
    return out


def _unnumbered(paragraphs: tuple[Paragraph, ...]) -> list[str]:
    """Preambular paragraphs that open with an operative verb when there is no
    operative paragraph: the operative numbers were lost."""
    if any(p.kind == ParaKind.OPERATIVE for p in paragraphs):
        return []
    odd = [
        p
        for p in paragraphs
        if p.kind == ParaKind.PREAMBULAR
        and known_operative_lead(p.text)
        and not preambular_lead(p.text)
    ]
    if len(odd) < UNNUMBERED_OPERATIVE_MIN:
        return []
    return [
        f"{_at(odd[0])}: {len(odd)} preambular paragraphs open with an operative verb "
        f"({odd[0].label}–{odd[-1].label}) and none is numbered: the operative numbers "
        "were probably lost"
    ]


_RESOLUTION_KINDS = (DocKind.DRAFT, DocKind.REVISED_DRAFT, DocKind.RESOLUTION)
_ENDS = (".", ";", ":", ",", ")", "”", "’", '"', "»")  # how a paragraph can end


def _cut_short(doc: Document) -> list[str]:
    """A resolution that stops in its preamble (no operative paragraph at all), or
    whose last paragraph stops in the middle of a sentence: a text cut short (the first
    pages of a PDF, a truncated file).

    >>> from redline.parser import parse_document
    >>> parse_document("The General Assembly,\\n\\nRecalling its resolution 79/1,\\n\\n"
    ...                "Noting the report of the high-level").warnings
    ('<text>: PP2, line 5: the text stops in the middle of a sentence: it may be cut short', '<text>: PP2, line 5: no operative paragraph after the preamble: the text may be cut short')
    """
    if doc.kind not in _RESOLUTION_KINDS:
        return []
    body = [
        p
        for p in doc.paragraphs
        if p.kind in (ParaKind.PREAMBULAR, ParaKind.OPERATIVE, ParaKind.SUBPARAGRAPH)
    ]
    if not body:
        return []
    last = body[-1]
    out = []
    if not last.text.rstrip().endswith(_ENDS):
        out.append(f"{_at(last)}: the text stops in the middle of a sentence: it may be cut short")
    if all(p.kind == ParaKind.PREAMBULAR for p in body):
        out.append(
            f"{_at(last)}: no operative paragraph after the preamble: the text may be cut short"
        )
    return out


_MASTHEAD = re.compile(r"\bDistr\.:\s*(?:General|Limited|Restricted)\b")


def _second_document(doc: Document) -> list[str]:
    """A second document after the first's body (files or PDFs put together): its
    masthead ("Distr.: General") or its "The General Assembly," in a plain paragraph.

    >>> from redline.parser import parse_document
    >>> one = "The General Assembly,\\n\\n1. Decides to act.\\n\\n"
    >>> parse_document(one + "Distr.: General\\n\\n" + one).warnings
    ('<text>: P1, line 5: a second document seems to start here: the file holds more \
than one, and only the first is read as one',)
    """
    started = False  # the first document's own masthead comes before its body
    for p in doc.paragraphs:
        started = started or p.kind != ParaKind.OTHER
        if (
            started
            and p.kind == ParaKind.OTHER
            and (_MASTHEAD.search(p.text) or GENERAL_ASSEMBLY.match(p.text))
        ):
            return [
                f"{_at(p)}: a second document seems to start here: the file holds more "
                "than one, and only the first is read as one"
            ]
    return []


def _long(paragraphs: tuple[Paragraph, ...]) -> list[str]:
    return [
        f"{_at(p)}: a paragraph of {n} words: paragraphs were probably not separated"
        for p in paragraphs
        if (n := len(p.text.split())) > LONG_PARAGRAPH_WORDS
    ]


def _footnotes(doc: Document) -> list[str]:
    """Footnotes that hold body text: too long, or holding the next operative number
    (the first such footnote named, the others counted)."""
    body = sum(len(p.text.split()) for p in doc.paragraphs)
    ops = [p for p in doc.paragraphs if p.kind == ParaKind.OPERATIVE and (p.number or "").isdigit()]
    inner = _inner(int(ops[-1].number or 0) + 1 if ops else 1)
    found: list[str] = []
    for f in doc.footnotes:
        n = len(f.text.split())
        at = f"footnote {f.mark}, line {f.lines[0]}"
        if n > LONG_FOOTNOTE_WORDS or (n >= FOOTNOTE_MIN_WORDS and n > FOOTNOTE_BODY_SHARE * body):
            found.append(
                f"{at}: a footnote of {n} words (the body has {body}): "
                "paragraphs were probably read as footnote text"
            )
        elif m := inner.search(f.text):
            found.append(f"{at}: operative paragraph {m.group(1)} seems to be inside this footnote")
    if len(found) > 1:
        return [f"{found[0]} (and {plural(len(found) - 1, 'more footnote')} alike)"]
    return found
