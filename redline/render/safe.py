"""Make text from the input inert wherever it goes: a terminal, GitHub, XML, JSON.

One policy, one list of characters (`UNSAFE`): C0 and C1 controls, DEL, the bidi
embeddings, overrides and isolates (the "Trojan Source" characters), the line
and paragraph separators, invisible format characters that could hide a
change (zero-width space, word joiner, BOM, tag characters), lone surrogates
(a file name with a byte that is not UTF-8) and the noncharacters U+FFFE and
U+FFFF. Each output shows them visibly and the same way:

- `terminal_safe`: tab and line ends become a space (a message is one line), other
  C0 controls their Control Picture (ESC -> ␛), DEL ␡, the others ``\\uXXXX``;
- `xml_safe`: only what XML 1.0 cannot hold (C0 controls but tab, newline and CR,
  lone surrogates, U+FFFE, U+FFFF), shown the same way: for a .docx, whose
  text is the document's own (right-to-left marks and all);
- `json_safe`: JSON text with the same characters as ``\\uXXXX`` escapes (still
  the exact data: a JSON reader gets the character back);
- `github_data`, `github_property`: GitHub workflow-command escaping, on top of
  `terminal_safe`; `no_workflow_commands` makes sure no printed line starts
  with ``::`` (or the old ``##[``), which the Actions runner would obey.

Right-to-left text, accents, CJK, soft hyphens and zero-width (non-)joiners are
ordinary text and pass unchanged.

>>> terminal_safe("a\\x1b[31mred\\u202e\\tend")
'a␛[31mred\\\\u202e end'
>>> xml_safe("tab\\tok \\x01 \\uffff")
'tab\\tok ␁ \\\\uffff'
>>> json_safe('"\\u202e"')
'"\\\\u202e"'
>>> github_property("a,b:c%")
'a%2Cb%3Ac%25'
>>> no_workflow_commands("fine\\n  ::warning::x")
'fine\\n  \\\\::warning::x'
"""

from __future__ import annotations

import re

__all__ = [
    "UNSAFE",
    "github_data",
    "github_property",
    "json_safe",
    "no_workflow_commands",
    "terminal_safe",
    "xml_safe",
]

_C0 = "\x00-\x1f"
_BEYOND_C0 = (
    "\x7f-\x9f"  # DEL, C1 (CSI U+009B starts an escape sequence on its own)
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidi marks, embeddings, overrides, isolates
    "\u2028\u2029"  # line and paragraph separators
    "\u180e\u200b\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb"  # invisible format characters
    "\U000e0000-\U000e007f"  # tag characters: invisible ASCII
    "\ud800-\udfff"  # lone surrogates: a file name's undecodable byte
    "\ufffe\uffff"  # noncharacters, not allowed in XML
)
UNSAFE = _C0 + _BEYOND_C0
"""The characters no output carries raw (a regular-expression character class body)."""

_UNSAFE = re.compile(f"[{UNSAFE}]")
_UNSAFE_IN_JSON = re.compile(f"[{_BEYOND_C0}]")  # json.dumps escapes C0 itself
_WHITESPACE = frozenset("\t\n\r\v\f")


def _picture(c: str) -> str:
    o = ord(c)
    if o < 0x20:
        return chr(0x2400 + o)  # the Control Pictures block: ESC -> ␛, NUL -> ␀
    if o == 0x7F:
        return "\u2421"  # ␡
    return f"\\u{o:04x}" if o <= 0xFFFF else f"\\U{o:08x}"


def _terminal_char(m: re.Match[str]) -> str:
    c = m.group()
    return " " if c in _WHITESPACE else _picture(c)


def terminal_safe(text: str) -> str:
    """The text with every `UNSAFE` character visible; tabs and line ends become spaces.

    >>> terminal_safe("x\\u009b31m \\u2028 \\u200b \\udcff")
    'x\\\\u009b31m \\\\u2028 \\\\u200b \\\\udcff'
    """
    if text.isprintable():  # every UNSAFE character is a control, format, separator,
        return text  # surrogate or unassigned character: none is printable
    return _UNSAFE.sub(_terminal_char, text)


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """The text as XML 1.0 can hold it: the characters it cannot (C0 controls but tab,
    newline and CR; lone surrogates; U+FFFE, U+FFFF) shown as `terminal_safe` shows
    them, never dropped. Use `terminal_safe` first for text a person reads in a CI report.

    >>> xml_safe("a\\tb\\x1b \\ud800 \\u202e")
    'a\\tb␛ \\\\ud800 \\u202e'
    """
    if text.isprintable():
        return text
    return _NOT_XML.sub(lambda m: _picture(m.group()), text)


def json_safe(json_text: str) -> str:
    """JSON text (from ``json.dumps(…, ensure_ascii=False)``) with `UNSAFE` characters
    as ``\\uXXXX`` escapes: the same data, but nothing a terminal or editor acts on.

    They can only occur inside strings (json.dumps escapes C0 itself), so the JSON
    stays valid; a character beyond U+FFFF becomes its surrogate pair.

    >>> json_safe('["\\u009b", "\\U000e0041"]')
    '["\\\\u009b", "\\\\udb40\\\\udc41"]'
    """
    return _UNSAFE_IN_JSON.sub(_json_char, json_text)


def _json_char(m: re.Match[str]) -> str:
    o = ord(m.group())
    if o <= 0xFFFF:
        return f"\\u{o:04x}"
    o -= 0x10000
    return f"\\u{0xD800 + (o >> 10):04x}\\u{0xDC00 + (o & 0x3FF):04x}"


def github_data(text: str) -> str:
    """The message of a workflow command: ``%``, CR and LF escaped as GitHub's runner
    unescapes them (``%25``, ``%0D``, ``%0A``), the rest `terminal_safe` (the Actions
    log shows ANSI colours).

    >>> github_data("100% sure\\nnext\\x1b[2J")
    '100%25 sure%0Anext␛[2J'
    """
    lines = text.replace("%", "%25").replace("\r", "%0D").split("\n")
    return "%0A".join(terminal_safe(line) for line in lines)


def github_property(text: str) -> str:
    """A property value (``file=…``): `github_data` plus ``:`` and ``,`` escaped."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


_COMMAND_START = re.compile(r"^([ \t]*(?:\x1b\[[0-9;]*m)*)(?=::|##\[)", re.MULTILINE)


def no_workflow_commands(text: str) -> str:
    """Put a backslash before ``::`` or ``##[`` that starts a line (after indent or a
    colour code): printed in a GitHub Actions job, that line would be a command."""
    if "::" not in text and "##[" not in text:
        return text
    return _COMMAND_START.sub(lambda m: m.group(1) + "\\", text)
