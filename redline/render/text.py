"""Terminal text: the changed paragraphs under their labels, word diff inline.

Without colour, deletions and insertions carry wdiff markers (``[-old-]``,
``{+new+}``); with colour they are red and green. Lines wrap at
``options.width`` only at spaces, so a marker is never split (`redline.render.wrap`).

Nothing from the input reaches the terminal unfiltered: control characters and
bidi overrides become visible escapes (`visible`). The helpers other renderers
share live in `redline.render.common`; no other renderer imports this module.

>>> from redline.model import Segment
>>> styled_wrap(pieces([Segment("=", "Urges "), Segment("-", "all")], False), 80, False)
['Urges [-all-]']
"""

from __future__ import annotations

from redline.model import EQUAL, Comparison, Status
from redline.render import RenderOptions
from redline.render.common import (
    block_heading,
    blocks,
    changes,
    is_change,
    renumber_only,
    sponsor_lines,
    summary_line,
    symbol,
    titled,
    verdict,
    visible,
    width_of,
)
from redline.render.wrap import Piece, pieces, render_line, styled_wrap

# --- the renderer --------------------------------------------------------------------

_INDENT = "    "


def render(comparison: Comparison, options: RenderOptions) -> str:
    """The comparison as terminal text.

    Example (the header, then each change under its label)::

        A/C.3/75/L.8 → A/C.3/75/L.8/Rev.1
        draft → revised draft
        ...
        OP1
            [-Welcomes-]{+Recalls+} the report of the Secretary-General;
    """
    out = _header(comparison, options)
    if options.stat:
        out += _stat(comparison, options)
    else:
        out += _body(comparison, options)
    return "\n".join(out).rstrip("\n") + "\n"


def _bold(text: str, options: RenderOptions) -> str:
    return render_line([("label", text)], options.color)


def _header(c: Comparison, options: RenderOptions) -> list[str]:
    width, color = options.width, options.color
    out = [_bold(f"{symbol(c.old)} → {symbol(c.new)}", options)]
    if c.old.kind != c.new.kind:
        out.append(f"{c.old.kind.value} → {c.new.kind.value}")
    else:
        out.append(c.new.kind.value)
    if any(s.op != EQUAL for s in c.title):
        out += styled_wrap(pieces(c.title, color), width, color)
    elif c.new.title:
        out += styled_wrap([("", visible(c.new.title))], width, color)
    out.append("")
    out += styled_wrap([("", summary_line(c.summary()))], width, color)
    for line in sponsor_lines(c.sponsors, symbol(c.old), symbol(c.new)):
        out += _hanging(line, width, color)
    for w in _warnings(c):
        out += styled_wrap([("", f"warning: {w}")], width, color)
    out.append("")
    return out


def _hanging(text: str, width: int, color: bool) -> list[str]:
    """A long line wrapped with its continuation lines indented."""
    lines = styled_wrap([("", text)], width, color, "  ")
    return [line[2:] if i == 0 else line for i, line in enumerate(lines)]


def _warnings(c: Comparison) -> list[str]:
    return [
        f"{side}: {visible(w)}" for side, d in (("old", c.old), ("new", c.new)) for w in d.warnings
    ]


def _stat(c: Comparison, options: RenderOptions) -> list[str]:
    rows = []
    for ch in changes(c):
        counts = ch.note if ch.status is Status.TYPOGRAPHIC else ch.words
        rows.append((f"{ch.head} {ch.what}", counts))
    size = max((width_of(t) for t, _ in rows), default=0)
    out = [f" {t}{' ' * (size - width_of(t))} | {w}".rstrip(" |") for t, w in rows]
    return out + _verdict(c, bool(rows))


def _verdict(c: Comparison, gap: bool) -> list[str]:
    """The closing line, if any: the verdict, after a blank line when `gap`."""
    line = verdict(c)
    if not line:
        return []
    return ["", line] if gap else [line]


def _body(c: Comparison, options: RenderOptions) -> list[str]:
    entries = c.entries
    all_blocks = blocks(entries)
    wanted = [any(is_change(entries[i]) for i in b) for b in all_blocks]
    shown: set[int] = set()
    context = max(min(options.context, len(all_blocks)), 0)  # --context 1e20 is everything
    for k, want in enumerate(wanted):
        if want:
            shown.update(range(max(k - context, 0), k + context + 1))
    out: list[str] = []
    last = -1
    for k, block in enumerate(all_blocks):
        if k not in shown:
            continue
        if options.context and last >= 0 and k != last + 1:
            out += ["⋯", ""]
        last = k
        out += _block(c, block, wanted[k], options)
    return out + _verdict(c, False)  # each block ends with its blank line


def _block(
    c: Comparison, block: tuple[int, ...], changed: bool, options: RenderOptions
) -> list[str]:
    color, width = options.color, options.width
    e = c.entries[block[0]]
    if len(block) > 1:
        return [_bold(f"{block_heading(c.entries, block)} (renumbered)", options), ""]
    dim = not changed or e.status is Status.TYPOGRAPHIC
    base = "dim" if dim else ""
    out = [render_line([("dim", titled(e))], color) if dim else _bold(titled(e), options)]
    if renumber_only(e) and not options.context:
        return [*out, ""]
    out += styled_wrap(pieces(e.segments, color, base), width, color, _INDENT)
    for f in e.footnotes:
        mark = visible(f.new_mark or f.old_mark or "")
        items: list[Piece] = [(base, f"footnote {mark}: ")]
        out += styled_wrap(items + pieces(f.segments, color, base), width, color, _INDENT)
    out.append("")
    return out
