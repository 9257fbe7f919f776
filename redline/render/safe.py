"""Make input text inert on a terminal: no escape sequences, no bidi overrides.

>>> terminal_safe("a\\x1b[31mred\\u202e")
'a␛[31mred\\\\u202e'
"""

from __future__ import annotations

import unicodedata

_BIDI = {"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
         "\u200e", "\u200f", "\u061c"}  # fmt: skip


def _visible(c: str) -> str:
    if c == "\x1b":
        return "␛"
    if c in _BIDI or unicodedata.category(c) in ("Cc", "Cf"):
        return f"\\u{ord(c):04x}" if ord(c) > 0xFF else f"\\x{ord(c):02x}"
    return c


def terminal_safe(text: str, keep: str = "") -> str:
    """Replace control and format characters (except those in `keep`) by visible escapes."""
    return "".join(
        c if (c in keep or (c.isprintable() and c not in _BIDI)) or c == " " else _visible(c)
        for c in text
    )
