"""Footnote markers in PDF text, where they are bare numbers among the words.

pdftotext prints a superscript ``1`` as ``Declaration 1 under`` or
``Secretary-General,1``. Footnotes are cited in order, so the k-th marker is
searched only after the (k-1)-th, and only where a number cannot be part of the
sentence (not after "resolution", "paragraph", before a month …).

>>> attach_marks(["the Kyoto Declaration 1 under the item", "Secretary-General,2"], ["1", "2"])
(['the Kyoto Declaration under the item', 'Secretary-General,'], [('1',), ('2',)], [(21,), (18,)])
"""

from __future__ import annotations

import re

from redline.parser.blocks import collapse
from redline.parser.vocab import MONTHS

# Words after which a number is part of the sentence, not a footnote marker.
_BEFORE = {
    "paragraph", "paragraphs", "para.", "paras.", "resolution", "resolutions", "decision",
    "decisions", "article", "articles", "goal", "goals", "target", "targets", "chapter",
    "chap.", "section", "sect.", "rule", "rules", "principle", "principles", "annex", "no.",
    "nos.", "vol.", "vols.", "and", "to", "of", "from", "supplement", "protocol", "level",
    "phase", "page", "pages", "item", "items", "recommendation", "recommendations", "part",
    "volume", "number", "or", "under", "between", "than", "about", "over", "least", "by",
    "in", "on", "at", "with", "for", "the", "every", "all", "agenda", "sub-item", "group",
    "covid-19", "option", "options", "round", "session", "meeting", "cycle", "report",
}  # fmt: skip
# Words after which a bare number is a quantity, not a marker.
_AFTER = {
    "per", "percent", "%", "years", "year", "months", "month", "days", "day", "hours",
    "million", "billion", "trillion", "member", "states", "countries", "times", "weeks", "per cent",
}  # fmt: skip
# a year or a span of years ("2014–2024"), a resolution number
_NUMBER_BEFORE = re.compile(r"(?:19|20)\d\d(?:[–-](?:19|20)\d\d)?|(?:[a-z]+-)?\d+/\d+")
_SPAN_END = re.compile(r"(?:19|20)\d\d[–-](?:19|20)\d\d$")  # "Decade 2024–2034" + "16"
_MONTHS = {m.lower() for m in MONTHS}
_OPEN_BEFORE = "([{/–—-"
MARK_WINDOW = 8  # paragraphs a marker is sought past the previous one (about a page)


def _candidates(
    text: str, mark: str, start: int, bare: frozenset[int] = frozenset()
) -> re.Match[str] | None:
    pat = re.compile(
        r"(\s?)(?:(?<![\d/.])|(?<=[–-][12]\d{3}))" + re.escape(mark) + r"(?![\d/.\w–-])"
    )
    pos = start
    while True:
        m = pat.search(text, pos)
        if not m:
            return None
        pos = m.start() + 1
        a = m.start(1)
        before = text[:a]
        after = text[m.end() :]
        if not before:
            continue
        if m.group(1) and m.end(1) in bare:
            return m  # the mark sought, printed alone on its line inside the paragraph
        if before[-1] in _OPEN_BEFORE:
            continue
        if not m.group(1) and before[-1].isdigit():
            if _SPAN_END.search(before):
                return m  # glued to a span of years: "Decade 2024–203416" (note 16)
            continue
        prev_word = before.split()[-1].lower() if before.split() else ""
        next_word = after.split()[0].lower().strip(",;:.") if after.split() else ""
        if m.group(1):  # detached: "Declaration 1 under"
            punct_before = prev_word.endswith((",", ";", ":", ")", "”", "’", '"')) or (
                # a sentence's end ("in time. 7 When"), not an abbreviation ("No. 7")
                prev_word.endswith(".") and len(prev_word) > 5 and prev_word not in _BEFORE
            )
            if not punct_before:
                if prev_word in _BEFORE:
                    continue  # "paragraph 4", "resolution 1 of", "Group of 77"
                if prev_word[-1:].isdigit() and not _NUMBER_BEFORE.fullmatch(prev_word):
                    continue  # "1 2" is a list; "of 1961 1 as", "resolution 55/19 7 and" are marks
            if next_word in _MONTHS:
                continue  # "on 1 July"
            if next_word in _AFTER:
                continue  # "4 per cent", "15 Member States"
            nxt = after.lstrip()
            if nxt and not (nxt[0].islower() or nxt[0] in ",;:.)") and not punct_before:
                continue  # "Group of 20 Leaders": followed by a capital, not a marker
            return m
        # attached: "Secretary-General,1" / "thereto,4" / "General2"
        if before[-1].isalpha() or before[-1] in ',;:)]”’"':
            if before[-1].isalpha() and prev_word.rstrip(mark).lower() in ("g", "covid-"):
                continue
            return m


def take_mark(text: str, mark: str) -> tuple[str, int] | None:
    """`text` without the first place that cites `mark`, and that place (an offset);
    None when no place does.

    >>> take_mark("the International Criminal Court* that define", "*")
    ('the International Criminal Court that define', 32)
    >>> take_mark("*2518387* A/C.3/80/L.58", "*") is None
    True
    """
    m = _candidates(text, mark, 0)
    if m is None:
        return None
    return text[: m.start()] + text[m.end() :], m.start()


def attach_marks(
    texts: list[str],
    marks: list[str],
    spans: list[tuple[int, int]] | None = None,
    windows: list[tuple[int, int]] | None = None,
    bare: list[tuple[int, ...]] | None = None,
) -> tuple[list[str], list[tuple[str, ...]], list[tuple[int, ...]]]:
    """Remove footnote markers from paragraph texts; return texts, marks cited, and
    where each text's marks stood (`redline.parser.blocks.Block.marks_at`: right after
    the word before the marker; none for a text one of whose marks was a number
    printed alone on its line, whose place is not known).

    Marks are sought in order, each after the previous one. With `spans` (each
    text's source lines) and `windows` (for each mark, the source lines of the
    page that prints its body), a mark is sought only on its own page. With
    `bare` (for each text, where a number printed alone on a line stands, see
    `redline.parser.blocks.Block.bare`), such a number is the mark sought, whatever
    the words around it.

    >>> attach_marks(["the Johannesburg 5 Declaration"], ["5"], bare=[(17,)])
    (['the Johannesburg Declaration'], [('5',)], [()])
    """
    out = list(texts)
    cited: list[list[str]] = [[] for _ in texts]
    at: list[list[int] | None] = [[] for _ in texts]  # None: a place is not known
    alone = [list(b) for b in bare] if bare is not None else [[] for _ in texts]
    bi, pos = 0, 0
    for k, mark in enumerate(marks):
        if spans is not None and windows is not None:
            lo, hi = windows[k]
            eligible = [b for b in range(bi, len(out)) if spans[b][1] >= lo and spans[b][0] <= hi]
        else:
            eligible = list(range(bi, min(len(out), bi + MARK_WINDOW + 1)))
        for b in eligible:
            m = _candidates(out[b], mark, pos if b == bi else 0, frozenset(alone[b]))
            if m:
                out[b] = out[b][: m.start()] + out[b][m.end() :]
                cited[b].append(mark)
                cut = m.end() - m.start()
                placed = at[b]
                if placed is not None:
                    s = m.start()
                    at[b] = [*(o if o <= s else max(s, o - cut) for o in placed), s]
                if m.end(1) in alone[b]:
                    # where the mark stood is not known (the line above, or anywhere
                    # on the page): the next mark is sought from the last one on
                    alone[b] = [o - cut if o > m.start() else o for o in alone[b] if o != m.end(1)]
                    at[b] = None
                    break
                alone[b] = [o - cut if o > m.start() else o for o in alone[b]]
                bi, pos = b, m.start()
                break
    _cited_again(out, cited, at, marks)
    done = [collapse(t, a or ()) for t, a in zip(out, at, strict=True)]
    return [t for t, _ in done], [tuple(c) for c in cited], [a for _, a in done]


def _cited_again(
    out: list[str], cited: list[list[str]], at: list[list[int] | None], marks: list[str]
) -> None:
    """A note cited again further on, by the number it already has ("Takes note of the
    report of the Committee on Contributions;1" after PP4 cited note 1: A/RES/73/271):
    after its first place, a mark glued to a lower-case word or to the punctuation before
    it is that note again (not one a space apart: "paragraphs 1, 2 and 3", nor glued to
    a capital: "U4"). Only in texts whose marks' places are known; in place, like
    `attach_marks`.

    >>> texts, cited, at = ["the report, and", "on it;1 and on 1 July"], [["1"], []], [[11], []]
    >>> _cited_again(texts, cited, at, ["1"]); texts, cited, at
    (['the report, and', 'on it; and on 1 July'], [['1'], ['1']], [[11], [6]])
    """
    first = {m: b for b in range(len(cited) - 1, -1, -1) for m in cited[b]}
    if not first:
        return
    for b, text in enumerate(out):
        placed = at[b]
        if placed is None:
            continue
        spans = []
        for m in _AGAIN.finditer(text):  # one pass a text: linear in the document
            mark, s = m.group(1), m.start()
            f = first.get(mark)
            if f is None or f > b or not (text[s - 1].islower() or text[s - 1] in _GLUE):
                continue
            if f == b and not any(
                c == mark and o < s for o, c in zip(placed, cited[b], strict=True)
            ):
                continue  # before the note's first place
            spans.append((s, m.end()))
        if not spans:
            continue
        kept, last = [], 0
        for s, e in spans:
            kept.append(text[last:s])
            last = e
        out[b] = "".join(kept) + text[last:]

        def shift(o: int, spans: list[tuple[int, int]] = spans) -> int:
            return o - sum(e - s for s, e in spans if s < o)

        pairs = [(shift(o), c) for o, c in zip(placed, cited[b], strict=True)]
        pairs += [(shift(s), text[s:e]) for s, e in spans]
        pairs.sort(key=lambda x: x[0])
        at[b] = [o for o, _ in pairs]
        cited[b] = [c for _, c in pairs]


# a number glued to what it follows (a lower-case letter or punctuation: checked by
# `_cited_again`), not part of a longer number, a symbol or a word
_AGAIN = re.compile(r"(?<=[^\s\d/.])(\d{1,3})(?![\d/.\w–-])")
_GLUE = ',;:)]”’"'
