"""A word diff as styled pieces, laid out in lines: what the terminal text and
``check`` outputs share.

Without colour, deletions and insertions carry wdiff markers (``[-old-]``,
``{+new+}``); with colour they are red and green, struck and underlined. Lines wrap
only at spaces, so a marker is never split, and with colour every line opens and
closes its own escape codes.

>>> wrap([("", "Urges "), ("del", "[-all-]"), ("ins", "{+some+}"), ("", " States")], 12)
['Urges', '[-all-]{+some+}', 'States']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from redline.model import (
    DELETE,
    EQUAL,
    INSERT,
    Segment,
    new_text,
    old_text,
)
from redline.render.common import edges, visible, width_of

# --- wrapping ------------------------------------------------------------------------

Piece = tuple[str, str]
"""(style, text): style is "" (plain), "del", "ins", "label", "dim", "dimdel" or "dimins"."""

_MARKERS = {DELETE: ("[-", "-]"), INSERT: ("{+", "+}")}
_STYLE = {DELETE: "del", INSERT: "ins"}
# Colour is not the only cue: deletions are also struck through and insertions
# underlined, so "Expresses deep[-its-]{+concern+}" never reads "deepits concern" to a
# reader who cannot tell red from green (or a terminal without colour support for it).
# In a dimmed paragraph (a typographic change) the changes are dimmed as well.
_ANSI = {
    "del": "\x1b[31;9m",
    "ins": "\x1b[32;4m",
    "label": "\x1b[1m",
    "dim": "\x1b[2m",
    "dimdel": "\x1b[2;9m",
    "dimins": "\x1b[2;4m",
}
_RESET = "\x1b[0m"


def pieces(segments: Iterable[Segment], color: bool, base: str = "") -> list[Piece]:
    """Styled pieces for a word diff, whitespace kept outside the markers.

    >>> pieces([Segment("=", "Urges "), Segment("-", "all "), Segment("+", "some")], False)
    [('', 'Urges '), ('del', '[-all-]'), ('', ' '), ('ins', '{+some+}')]
    """
    out: list[Piece] = []
    for s in whole_words(tuple(segments)):
        text = visible(s.text)
        if s.op == EQUAL:
            out.append((base, text))
            continue
        lead, core, trail = edges(text)
        if not core:
            # A change of spacing only: show the new spacing, there is no word to mark.
            if s.op == INSERT:
                out.append((base, text))
            continue
        if not color:
            core = _MARKERS[s.op][0] + core + _MARKERS[s.op][1]
        out += [(base, lead), (base + _STYLE[s.op], core), (base, trail)]
    return [p for p in out if p[1]]


_GLUE = re.compile(r"\S*\s*$")
_HEAD = re.compile(r"^\s*\S*")


def whole_words(segments: tuple[Segment, ...]) -> tuple[Segment, ...]:
    """The diff with a change of punctuation inside a word shown as the whole word
    changed: ``above [---]mentioned`` reads ``[-above -mentioned-]{+above mentioned+}``.

    >>> whole_words((Segment("=", "the above "), Segment("-", "-"),
    ...              Segment("=", "mentioned meetings")))  # doctest: +NORMALIZE_WHITESPACE
    (Segment(op='=', text='the '), Segment(op='-', text='above -mentioned'),
     Segment(op='+', text='above mentioned'), Segment(op='=', text=' meetings'))
    """
    out: list[Segment] = []
    k = 0
    while k < len(segments):
        s = segments[k]
        j = k
        while j < len(segments) and segments[j].op != EQUAL:
            j += 1
        run = segments[k:j]
        if not run:
            out.append(s)
            k += 1
            continue
        before = out[-1].text if out and out[-1].op == EQUAL else ""
        after = segments[j].text if j < len(segments) else ""
        glue_l = _GLUE.search(before)
        glue_r = _HEAD.match(after)
        left = glue_l.group() if glue_l else ""
        right = glue_r.group() if glue_r else ""
        wordless = not any(c.isalnum() for seg in run for c in seg.text)
        # At the start or inside of a word (a hyphen, an opening quote); a comma or
        # full stop after a word reads well alone (``Institute[-;-]{+,+}``), unless it
        # is a marker's own character (``word[---]``).
        glued = bool(right.strip()) and not after[:1].isspace()
        marker_like = left.strip() and set("".join(x.text for x in run).strip()) <= set("-+")
        if wordless and (glued or marker_like) and any(c.isalnum() for c in left + right):
            old = left + old_text(run) + right
            new = left + new_text(run) + right
            if left:
                out[-1] = Segment(EQUAL, before[: len(before) - len(left)])
                if not out[-1].text:
                    out.pop()
            out += [Segment(DELETE, old), Segment(INSERT, new)]
            if j < len(segments):
                rest = after[len(right) :]
                if rest:
                    out.append(Segment(EQUAL, rest))
                k = j + 1
            else:
                k = j
            continue
        out += run
        k = j
    return tuple(out)


def wrap(items: Sequence[Piece], width: int, indent: str = "") -> list[str]:
    """Lay styled pieces out in lines of at most `width` columns, breaking only at spaces.

    Returns the lines unstyled; `styled_wrap` gives the coloured form. A word longer
    than the line gets a line of its own rather than being cut.

    >>> wrap([("", "one two three")], 8, "  ")
    ['  one', '  two', '  three']
    """
    return ["".join(t for _, t in line) for line in _layout(items, width, indent)]


def _layout(items: Sequence[Piece], width: int, indent: str) -> list[list[Piece]]:
    # Words are runs of non-space characters, possibly spanning pieces
    # ("[-Welcomes-]{+Recalls+}" is one word): breaking only between words is what
    # keeps every marker whole.
    # Each word remembers the style of the space before it, so a space inside an
    # insertion is coloured with it and a run stays one escape sequence.
    # str.split() and str.isspace() know the same whitespace as the regex's \s.
    words_: list[tuple[str, list[Piece], int]] = []  # (space style, pieces, columns)
    current: list[Piece] = []
    columns = 0
    space = ""
    for style, text in items:
        if not text:
            continue
        if text[0].isspace():
            if current:
                words_.append((space, current, columns))
                current, columns = [], 0
            space = style
        chunks = text.split()
        for k, tok in enumerate(chunks):
            if k:  # the space between two chunks ends a word
                words_.append((space, current, columns))
                current, columns = [], 0
                space = style
            current.append((style, tok))
            columns += width_of(tok)
        if chunks and text[-1].isspace():
            words_.append((space, current, columns))
            current, columns = [], 0
            space = style
    if current:
        words_.append((space, current, columns))
    lines: list[list[Piece]] = []
    line: list[Piece] = []
    used = 0
    room = max(width - width_of(indent), 1)
    for space, w, w_width in words_:
        if line and used + 1 + w_width > room:
            lines.append(line)
            line, used = [], 0
        if line:
            line.append((space, " "))
            used += 1
        line += w
        used += w_width
    if line:
        lines.append(line)
    return [[("", indent), *ln] if indent else ln for ln in lines]


def render_line(line: Sequence[Piece], color: bool) -> str:
    """One laid-out line as text; with colour each styled run opens and resets.

    >>> render_line([("", "a "), ("del", "b")], True)
    'a \\x1b[31;9mb\\x1b[0m'
    """
    if not color:  # the styles make no difference
        return "".join([text for _, text in line]).rstrip(" ")
    out: list[str] = []
    for style, text in _merge(line):
        if style:
            out.append(_ANSI[style] + text + _RESET)
        else:
            out.append(text)
    return "".join(out).rstrip(" ")


def _merge(line: Sequence[Piece]) -> list[Piece]:
    out: list[Piece] = []
    for style, text in line:
        if out and out[-1][0] == style:
            out[-1] = (style, out[-1][1] + text)
        else:
            out.append((style, text))
    return out


def styled_wrap(items: Sequence[Piece], width: int, color: bool, indent: str = "") -> list[str]:
    """`wrap`, rendered with or without colour."""
    return [render_line(line, color) for line in _layout(items, width, indent)]
