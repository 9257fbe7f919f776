"""Markdown for pull-request comments: summary, sponsors, changed paragraphs.

Deletions are ``~~struck~~`` and insertions ``**bold**`` (GitHub's sanitizer
drops ``<ins>``/``<del>``). Every character from the input that Markdown or
HTML would act on is escaped, so a hostile paragraph stays text.

>>> escape("<b>*x*</b>")
'&lt;b&gt;\\\\*x\\\\*&lt;/b&gt;'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from redline.model import (
    DELETE,
    EQUAL,
    INSERT,
    Comparison,
    Entry,
    MarkAt,
    Segment,
    SponsorChange,
    Status,
)
from redline.render import RenderOptions
from redline.render.common import (
    changes,
    cut_at,
    edges,
    is_change,
    sponsor_rows,
    summary_line,
    symbol,
    titled,
    visible,
)

# ASCII punctuation that starts or ends a Markdown construct in running text
# (emphasis, strike, code, links, images, tables, escapes) or HTML.
_SPECIAL = re.compile(r"[\\`*_~\[\]()<>&|#!]")
_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
# What would start a list, heading or setext underline at the start of a block.
_BLOCK_START = re.compile(r"^(\d+)([.)])|^([-+=])")


def escape(text: str) -> str:
    """Input text made inert in Markdown: HTML characters as entities, the rest backslashed.

    Control characters are made visible first, as in the terminal output.

    >>> escape("[x](javascript:alert(1))")
    '\\\\[x\\\\]\\\\(javascript:alert\\\\(1\\\\)\\\\)'
    >>> escape("1. - x")
    '1\\\\. - x'
    """
    out = _SPECIAL.sub(lambda m: _ENTITIES.get(m.group(), "\\" + m.group()), visible(text))
    # A fragment may begin a line ("> 1. ..."): escape what would open a block there.
    return _BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", out)


_DELIMITERS = {DELETE: "~~", INSERT: "**"}
_TAGS = {DELETE: "del", INSERT: "ins"}


def _punct(c: str) -> bool:
    return unicodedata.category(c)[0] in "PS"


def _word(c: str) -> bool:
    return bool(c) and not c.isspace() and not _punct(c)


def marks(items: Sequence[str]) -> str:
    """Footnote marks as one superscript, separated so that notes 1 and 2 never read 12.

    >>> marks(["1", "2"]), marks([])
    ('<sup>1,2</sup>', '')
    """
    return f"<sup>{','.join(escape(m) for m in items)}</sup>" if items else ""


def inline(segments: Sequence[Segment], at: Sequence[MarkAt] = ()) -> str:
    """A word diff in Markdown, the delimiters hugging the words (as CommonMark needs);
    the footnote marks `at` stand right after the text they follow (`Entry.new_marks`).

    >>> inline([Segment("-", "Welcomes "), Segment("+", "Recalls "), Segment("=", "the")])
    '~~Welcomes~~ **Recalls** the'
    >>> inline([Segment("=", "prevention"), Segment("-", ";")])
    'prevention<del>;</del>'
    >>> inline([Segment("=", "Recalling, its")], [MarkAt("1", 0, 10)])
    'Recalling,<sup>1</sup> its'
    """
    out: list[str] = []
    pieces = cut_at(segments, [(m, m.mark) for m in at])
    for i, (_k, _lo, s, after_marks) in enumerate(pieces):
        text = s.text
        sup = marks(after_marks)
        if s.op == EQUAL:
            out.append(escape(text) + sup)
            continue
        lead, core, trail = edges(text)
        if not core:
            if s.op == INSERT:
                out.append(text)
            out.append(sup)
            continue
        before = "".join(out)[-1:] if not lead else " "
        if sup:
            after = sup[0]
        else:
            after = pieces[i + 1][2].text[:1] if i + 1 < len(pieces) and not trail else " "
        # CommonMark only opens "**" after a space or punctuation when the text
        # starts with punctuation (and likewise for closing); where that rule
        # would leave the delimiters literal, GitHub's allowed <del>/<ins> say it.
        if (_punct(core[0]) and _word(before)) or (_punct(core[-1]) and _word(after)):
            mark = f"<{_TAGS[s.op]}>{escape(core)}</{_TAGS[s.op]}>"
        else:
            mark = f"{_DELIMITERS[s.op]}{escape(core)}{_DELIMITERS[s.op]}"
        out.append(f"{lead}{mark}{sup if not trail else ''}{trail}{sup if trail else ''}")
    # Paragraphs are one line; collapsing spaces also keeps a stray newline from
    # starting a Markdown block.
    return " ".join("".join(out).split())


def _entry(e: Entry) -> list[str]:
    out = [f"**{escape(titled(e))}**", ""]
    # the marks of the side shown where compare placed them (PDF input), else at the end
    para = e.new or e.old
    placed = e.new_marks if e.new else e.old_marks
    body = inline(e.segments, placed or ())
    if placed is None and para is not None:
        body += marks(para.footnotes)
    out.append(f"> {body}" if body else ">")
    for f in e.footnotes:
        mark = escape(f.new_mark or f.old_mark or "")
        out += [">", f"> <sup>{mark}</sup> {inline(f.segments)}"]
    out.append("")
    return out


_MD_ROW = {
    "resolution": "- **Draft resolution** {}",
    "count": "- **Sponsors** {}",
    "behalf": "- Submitted by {}",
    "group": "- **On behalf of:** {}",
    "note": "- {}",
    "+": "- **Added:** {}",
    "−": "- **Removed:** {}",
    "?": "- **Not recognised:** {}",
}


def _sponsors(s: SponsorChange, old: str, new: str) -> list[str]:
    rows = sponsor_rows(s, old, new)
    if not rows:
        return []
    return [*(_MD_ROW[kind].format(escape(text)) for kind, text in rows), ""]


def render(comparison: Comparison, options: RenderOptions) -> str:
    """The comparison as Markdown: heading, summary, sponsors, changes at a glance, text.

    Example::

        ### A/C.3/75/L.8 → A/C.3/75/L.8/Rev.1

        **OP1**

        > ~~Welcomes~~ **Recalls** the report of the Secretary-General;
    """
    c = comparison
    out = [f"### {escape(symbol(c.old))} → {escape(symbol(c.new))}", ""]
    kinds = (
        f"{c.old.kind.value} → {c.new.kind.value}" if c.old.kind != c.new.kind else c.new.kind.value
    )
    title = inline(c.title) if c.title else escape(c.new.title)
    out += [escape(kinds) + (f" — {title}" if title else ""), ""]
    out += [escape(summary_line(c.summary())), ""]
    out += _sponsors(c.sponsors, symbol(c.old), symbol(c.new))
    for side, doc in (("old", c.old), ("new", c.new)):
        out += [f"- warning ({side}): {escape(w)}" for w in doc.warnings]
    if c.old.warnings or c.new.warnings:
        out.append("")
    glance = changes(c)
    if not glance:
        out += ["No changes.", ""]
        return "\n".join(out).rstrip("\n") + "\n"
    out += ["<details><summary>Changes at a glance</summary>", ""]
    # the words of each line, as --stat and the HTML glance count them
    out += [
        f"- {escape(ch.text)}" + (f" · {ch.words}" if ch.words and ch.words != ch.note else "")
        for ch in glance
    ]
    out += ["", "</details>", ""]
    for e in c.entries:
        # Renumbered paragraphs with the same words are in the list above, not here.
        if is_change(e) and (e.text_changed or e.status is not Status.RENUMBERED):
            out += _entry(e)
    return "\n".join(out).rstrip("\n") + "\n"
