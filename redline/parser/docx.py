"""Word input: a .docx to the Markdown-like text the Markdown cleaner reads.

Each Word paragraph becomes one block (blank lines between); italic text at the
start of a paragraph, after any printed number, is wrapped in ``*…*`` so the
cleaner sees the lead phrase. Tracked changes are read as accepted (inserted
text kept, deleted text dropped) or rejected (the opposite); a tracked
paragraph mark that the choice removes joins its paragraph with the next.
Word's automatic numbering (``1.``, ``(a)``) is written out as text, as UN
documents print it, unless the paragraph's text already starts with a number.

python-docx is imported here only, and only when a .docx is read.

>>> docx_to_text(b"PK\\x03\\x04 not really", "x.docx", "accept")
Traceback (most recent call last):
...
redline.errors.InputError: x.docx: not a readable Word document: File is not a zip file
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import Any

from redline.errors import InputError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _R, _T, _DEL_TEXT = _W + "p", _W + "r", _W + "t", _W + "delText"
_INS, _DEL, _MOVE_TO, _MOVE_FROM = _W + "ins", _W + "del", _W + "moveTo", _W + "moveFrom"
_PPR, _RPR, _I = _W + "pPr", _W + "rPr", _W + "i"
_SPACES = {_W + "tab": "\t", _W + "br": " ", _W + "cr": " ", _W + "noBreakHyphen": "-"}
_NUMBER = re.compile(r"^(?:\d{1,3}\.|\([a-z]{1,3}\)|\([ivxl]+\))\s+")
_FALSE = {"0", "false", "off"}


def docx_to_text(data: bytes, path: str, tracked: str) -> tuple[str, list[str], int]:
    """Text, warnings and the number of tracked changes of a .docx.

    `tracked` is ``accept`` (the text with changes accepted) or ``reject``.
    ``docx_to_text(data, "draft.docx", "reject")`` -> ``("*The General Assembly,*\\n\\n…", [], 12)``
    """
    if tracked not in ("accept", "reject"):
        raise ValueError(f"tracked must be 'accept' or 'reject', not {tracked!r}")
    try:
        from docx import Document

        word = Document(io.BytesIO(data))
        body = word.element.body
        numbers = _Numbering(word)
    except Exception as e:  # zipfile, lxml, python-docx: all mean "not a Word file we can read"
        raise InputError(path, f"not a readable Word document: {e}") from None
    n_tracked = sum(
        1 for el in body.iter(_INS, _DEL, _MOVE_TO, _MOVE_FROM) if isinstance(el.tag, str)
    )
    blocks: list[str] = []
    pending: list[tuple[str, bool]] = []
    for p in body.iter(_P):
        if any(a.tag == _P for a in p.iterancestors()):
            continue  # a text box's paragraph: read with the paragraph holding it
        pending.extend(_pieces(p, tracked))
        if _mark_removed(p, tracked):
            continue  # its paragraph mark goes: the next paragraph continues it
        block = _markdown(pending, numbers.next(p))
        pending = []
        if block:
            blocks.append(block)
    if pending and (block := _markdown(pending)):
        blocks.append(block)
    warnings = []
    if n_tracked:
        how = "accepted" if tracked == "accept" else "rejected"
        warnings.append(f"{path}: {n_tracked} tracked changes, read with all of them {how}")
    return "\n\n".join(blocks) + "\n", warnings, n_tracked


def _kept(el: Any, p: Any, tracked: str) -> bool:
    """Whether text inside paragraph `p` survives accepting (or rejecting) all changes."""
    for a in el.iterancestors():
        if a is p:
            break
        if a.tag in (_DEL, _MOVE_FROM) and tracked == "accept":
            return False
        if a.tag in (_INS, _MOVE_TO) and tracked == "reject":
            return False
    return True


def _pieces(p: Any, tracked: str) -> list[tuple[str, bool]]:
    """The paragraph's text as (text, italic) pieces, in order."""
    out: list[tuple[str, bool]] = []
    for r in p.iter(_R):
        if next((a for a in r.iterancestors(_P)), None) is not p:
            continue  # a nested paragraph's run (text box)
        if not _kept(r, p, tracked):
            continue
        italic = _italic(r)
        for child in r:
            if child.tag in (_T, _DEL_TEXT):
                out.append((child.text or "", italic))
            elif child.tag in _SPACES:
                out.append((_SPACES[child.tag], italic))
    return out


def _italic(r: Any) -> bool:
    rpr = r.find(_RPR)
    if rpr is None:
        return False
    i = rpr.find(_I)
    return i is not None and (i.get(_W + "val") or "true").lower() not in _FALSE


def _mark_removed(p: Any, tracked: str) -> bool:
    """True when the paragraph mark is tracked and the choice removes it."""
    ppr = p.find(_PPR)
    rpr = ppr.find(_RPR) if ppr is not None else None
    if rpr is None:
        return False
    gone = (_DEL, _MOVE_FROM) if tracked == "accept" else (_INS, _MOVE_TO)
    return any(rpr.find(tag) is not None for tag in gone)


def _escape(text: str) -> str:
    """Characters the Markdown cleaner would take for markup, escaped.

    >>> _escape("a*b & <c>")
    'a\\\\*b &amp; &lt;c>'
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("*", "\\*").replace("_", "\\_")


def _markdown(pieces: list[tuple[str, bool]], number: str = "") -> str:
    """One paragraph as one line: the italic lead (after any number) wrapped in ``*…*``.

    `number` is Word's automatic number, used when the text has none of its own.

    >>> _markdown([("5.\\t", False), ("Urges", True), (" States", False)])
    '5. *Urges* States'
    >>> _markdown([("Urges", True), (" States", False)], "(a)")
    '(a) *Urges* States'
    """
    if number and not _NUMBER.match("".join(t for t, _ in pieces).lstrip()):
        pieces = [(number + " ", False), *pieces]
    text = "".join(t for t, _ in pieces)
    mask = [it for t, it in pieces for _ in t]
    # whitespace runs to one space, keeping the italic mask aligned
    chars: list[tuple[str, bool]] = []
    for ch, it in zip(text, mask, strict=True):
        if ch.isspace():
            if chars and chars[-1][0] != " ":
                chars.append((" ", it))
        else:
            chars.append((ch, it))
    while chars and chars[-1][0] == " ":
        chars.pop()
    text = "".join(c for c, _ in chars)
    if not text:
        return ""
    m = _NUMBER.match(text)
    start = m.end() if m else 0
    end = start
    while end < len(chars) and chars[end][1]:
        end += 1
    lead = text[start:end].rstrip()
    if not any(c.isalnum() for c in lead):
        return _escape(text)
    end = start + len(lead)
    return _escape(text[:start]) + "*" + _escape(lead) + "*" + _escape(text[end:])


# --- Word's automatic numbering -------------------------------------------------------

_NUM_PR, _NUM_ID, _ILVL = _W + "numPr", _W + "numId", _W + "ilvl"
_VAL = _W + "val"
_LEVEL = re.compile(r"%([1-9])")


def _roman(n: int) -> str:
    """``_roman(14)`` -> ``'xiv'``."""
    out = ""
    for value, letters in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):  # fmt: skip
        while n >= value:
            out, n = out + letters, n - value
    return out


def _letters(n: int) -> str:
    """Word's letter numbering: a … z, aa … zz. ``_letters(27)`` -> ``'aa'``."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "lowerLetter": _letters,
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
    "decimalZero": lambda n: f"{n:02d}",
}


class _Numbering:
    """Counts Word's numbered paragraphs and prints their numbers (``5.``, ``(a)``).

    Levels come from the paragraph (``w:numPr``) or its style; counters are kept
    per list definition, and a level's count restarts when a higher level moves on.
    Bullets and unknown formats give no number.
    """

    def __init__(self, word: Any) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # abstract -> ilvl -> …
        self.num_to_abstract: dict[str, str] = {}
        self.starts: dict[tuple[str, int], int] = {}  # (numId, ilvl) -> startOverride
        self.styles: dict[str, Any] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            numbering = word.part.numbering_part.element
        except Exception:  # no numbering part: nothing is numbered
            numbering = None
        if numbering is not None:
            for a in numbering.iterfind(_W + "abstractNum"):
                lv: dict[int, tuple[int, str, str]] = {}
                for lvl in a.iterfind(_W + "lvl"):
                    lv[int(lvl.get(_ILVL, "0"))] = (
                        int(_child_val(lvl, "start") or "1"),
                        _child_val(lvl, "numFmt") or "decimal",
                        _child_val(lvl, "lvlText") or "",
                    )
                self.levels[a.get(_W + "abstractNumId", "")] = lv
            for num in numbering.iterfind(_W + "num"):
                nid = num.get(_W + "numId", "")
                self.num_to_abstract[nid] = _child_val(num, "abstractNumId") or ""
                for o in num.iterfind(_W + "lvlOverride"):
                    start = _child_val(o, "startOverride")
                    if start:
                        self.starts[(nid, int(o.get(_ILVL, "0")))] = int(start)
        for st in word.styles.element.iterfind(_W + "style"):
            self.styles[st.get(_W + "styleId", "")] = st

    def _num_pr(self, p: Any) -> tuple[str, int] | None:
        ppr = p.find(_PPR)
        num_pr = ppr.find(_NUM_PR) if ppr is not None else None
        style = _child_val(ppr, "pStyle") if ppr is not None else None
        ilvl: str | None = None
        for _ in range(10):  # the basedOn chain, bounded
            if num_pr is not None:
                ilvl = ilvl or _child_val(num_pr, "ilvl")
                nid = _child_val(num_pr, "numId")
                if nid is not None:
                    return nid, int(ilvl or "0")
            st = self.styles.get(style or "")
            if st is None:
                return None
            sppr = st.find(_PPR)
            num_pr = sppr.find(_NUM_PR) if sppr is not None else None
            style = _child_val(st, "basedOn")
        return None

    def next(self, p: Any) -> str:
        """The number Word prints before paragraph `p`, counting it; empty if none."""
        found = self._num_pr(p)
        if found is None or found[0] == "0":
            return ""
        nid, ilvl = found
        abstract = self.num_to_abstract.get(nid)
        levels = self.levels.get(abstract or "")
        if not levels or ilvl not in levels:
            return ""
        counts = self.counters.setdefault(abstract or "", [0] * 10)
        if not 0 <= ilvl < len(counts):
            return ""
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, len(counts)):
            counts[deeper] = 0
        numbers: list[str] = []
        for k in range(ilvl + 1):
            start, fmt, _ = levels.get(k, (1, "decimal", ""))
            start = self.starts.get((nid, k), start)
            show = _FORMATS.get(fmt)
            numbers.append(show(start + max(counts[k], 1) - 1) if show else "")
        _, fmt, text = levels[ilvl]
        if fmt not in _FORMATS:
            return ""
        return _LEVEL.sub(
            lambda m: numbers[int(m.group(1)) - 1] if int(m.group(1)) <= len(numbers) else "", text
        ).strip()


def _child_val(el: Any, name: str) -> str | None:
    """``w:val`` of the child ``w:<name>``, if there is one."""
    child = el.find(_W + name)
    return None if child is None else child.get(_VAL)
