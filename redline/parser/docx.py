"""Word input: a .docx to the Markdown-like text the Markdown cleaner reads.

Each Word paragraph becomes one block (blank lines between); italic text at the
start of a paragraph, after any printed number, is wrapped in ``*…*`` so the
cleaner sees the lead phrase. Tracked changes are read as accepted (inserted
text kept, deleted text dropped) or rejected (the opposite); a tracked
paragraph mark that the choice removes joins its paragraph with the next.
Word's automatic numbering is not rendered: a number is kept only when it is
part of the text, as in UN documents.

python-docx is imported here only, and only when a .docx is read.

>>> docx_to_text(b"PK\\x03\\x04 not really", "x.docx", "accept")
Traceback (most recent call last):
...
redline.errors.InputError: x.docx: not a readable Word document: File is not a zip file
"""

from __future__ import annotations

import io
import re
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

        body = Document(io.BytesIO(data)).element.body
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
        block = _markdown(pending)
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


def _markdown(pieces: list[tuple[str, bool]]) -> str:
    """One paragraph as one line: the italic lead (after any number) wrapped in ``*…*``.

    >>> _markdown([("5.\\t", False), ("Urges", True), (" States", False)])
    '5. *Urges* States'
    """
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
