"""The UN's drafting vocabulary: how preambular and operative paragraphs open, and
the fixed words of a document's frame (symbols, sponsor lines, "Agenda item",
"Draft resolution IV", the closing line, Roman numerals), in one place.

PDF text has no italics, so the lead phrase of a paragraph is recognised from
these lists (mined from the italic lead phrases of A/75/479 and extended with
the openers the UN Editorial Manual describes: participles, participial
phrases and adjectives for the preamble, verbs in the present tense for the
operative part).

>>> preambular_lead("Bearing in mind that weaknesses in crime prevention")
'Bearing in mind'
>>> operative_lead("Also reiterates its request, made to the Secretary-General")
'Also reiterates its request'
>>> preambular_lead("the Treatment of Offenders for its efforts") is None
True
"""

from __future__ import annotations

import re

PLENARY = re.compile(r"^\d+(?:st|nd|rd|th)\s+(?:\(\w+\)\s+)?plenary meeting\b")
"""The closing line of an adopted resolution: "62nd plenary meeting", "50th (resumed)
plenary meeting" (its date follows, on the same line or the next)."""

GENERAL_ASSEMBLY = re.compile(r"^\W*The\s+General\s+Assembly\W*$")
"""The line that opens a resolution's or decision's body: "The General Assembly," (a
draft decision: "The General Assembly:"; Markdown: "*The General Assembly,*")."""

AMENDMENT_INSTRUCTION = re.compile(
    r"^(?:In|Delete|Insert|Add|Replace|Amend|After|Before|Move|Renumber|Reword)\b"
)
"""How an amendment's instructions open ("Delete operative paragraph 9.", "In the
twenty-eighth preambular paragraph, delete …"): in text with no blank line after the
title of the amended draft, the first such line ends that title."""

# Multi-word leads first matched longest-first; single words are covered by the
# patterns below as well, these lists only make the phrase boundaries right.
PREAMBULAR_LEADS = (
    "Acknowledging", "Acknowledging also", "Acknowledging further", "Acknowledging with appreciation",
    "Affirming", "Affirming also", "Alarmed", "Alarmed also", "Appreciating", "Aware", "Aware also",
    "Bearing in mind", "Bearing in mind also", "Believing", "Calling upon", "Cognizant",
    "Commending", "Concerned", "Concerned also", "Condemning", "Conscious", "Considering",
    "Considering also", "Convinced", "Convinced also", "Deeply alarmed", "Deeply concerned",
    "Deeply concerned also", "Deploring", "Desiring", "Determined", "Emphasizing",
    "Emphasizing also", "Encouraged", "Encouraging", "Expressing concern",
    "Expressing deep concern", "Expressing its appreciation", "Expressing its concern",
    "Expressing its deep concern", "Expressing its grave concern", "Expressing appreciation",
    "Fully aware", "Further recalling", "Gravely concerned", "Guided", "Guided also",
    "Having considered", "Having examined", "Having heard", "Highlighting", "Highlighting also",
    "Keeping in mind", "Looking forward", "Mindful", "Mindful also", "Noting", "Noting also",
    "Noting further", "Noting with appreciation", "Noting with appreciation also",
    "Noting with concern", "Noting with concern also", "Noting with deep concern",
    "Noting with grave concern", "Noting with interest", "Noting with satisfaction",
    "Observing", "Reaffirming", "Reaffirming also", "Reaffirming further",
    "Reaffirming its commitment", "Reaffirming its commitment and strong political will",
    "Reaffirming its concern", "Realizing", "Recalling", "Recalling also", "Recalling further",
    "Recognizing", "Recognizing also", "Recognizing further", "Recognizing with appreciation",
    "Reiterating", "Reiterating also", "Reiterating its concern", "Reiterating its condemnation",
    "Reiterating its strong condemnation", "Reiterating its commitment", "Seriously concerned",
    "Stressing", "Stressing also", "Stressing further", "Strongly condemning",
    "Taking into account", "Taking into account also", "Taking into consideration",
    "Taking note", "Taking note also", "Taking note further", "Taking note with appreciation",
    "Taking note with interest", "Underlining", "Underlining also", "Underscoring",
    "Underscoring also", "Welcoming", "Welcoming also", "Welcoming further",
    "Welcoming with appreciation",
)  # fmt: skip

OPERATIVE_LEADS = (
    "Acknowledges", "Acknowledges also", "Adopts", "Affirms", "Also acknowledges",
    "Also affirms", "Also calls for", "Also calls upon", "Also commends", "Also decides",
    "Also emphasizes", "Also encourages", "Also expresses", "Also invites", "Also notes",
    "Also notes with appreciation", "Also reaffirms", "Also recalls", "Also recognizes",
    "Also reiterates its request", "Also requests", "Also stresses", "Also urges",
    "Also welcomes", "Appeals", "Approves", "Authorizes", "Calls for", "Calls upon",
    "Commends", "Condemns", "Decides", "Declares", "Demands", "Deplores", "Emphasizes",
    "Encourages", "Endorses", "Expresses concern", "Expresses deep concern",
    "Expresses its appreciation", "Expresses its concern", "Expresses its deep concern",
    "Expresses appreciation", "Further calls upon", "Further decides", "Further encourages",
    "Further invites", "Further requests", "Further urges", "Invites", "Notes",
    "Notes with appreciation", "Notes with concern", "Notes with satisfaction",
    "Reaffirms", "Recalls", "Recognizes", "Recommends", "Reiterates",
    "Reiterates its call", "Reiterates its call upon", "Reiterates its invitation",
    "Reiterates its request", "Renews", "Requests", "Resolves", "Stresses", "Strongly condemns",
    "Strongly encourages", "Strongly urges", "Supports", "Takes note",
    "Takes note with appreciation", "Takes note with interest", "Underlines", "Underscores",
    "Urges", "Welcomes", "Welcomes with appreciation",
)  # fmt: skip

# Adjectives that open preambular paragraphs (the Editorial Manual allows them).
_PP_ADJECTIVES = {
    "Aware", "Cognizant", "Concerned", "Conscious", "Convinced", "Desirous", "Determined",
    "Mindful", "Confident", "Fully", "Deeply", "Gravely", "Seriously", "Further", "Guided",
    "Alarmed", "Encouraged", "Dismayed", "Shocked", "Outraged",
}  # fmt: skip
_PP_WORD = re.compile(r"[A-Z][a-z]+(?:ing|ed)\b")
_OP_ADVERBS = ("Also", "Further", "Again", "Strongly", "Once again", "Firmly", "Emphatically")
_OP_WORD = re.compile(r"[A-Z][a-z]+(?:s|es)\b")
# Capitalised words ending in -s that open ordinary sentences, not operative paragraphs.
_NOT_VERBS = {"This", "Its", "His", "Nations", "States", "Parties", "Members", "As", "Thus"}


def _longest(text: str, leads: tuple[str, ...]) -> str | None:
    best = None
    for lead in leads:
        if text.startswith(lead) and (len(text) == len(lead) or not text[len(lead)].isalnum()):
            if best is None or len(lead) > len(best):
                best = lead
    return best


_PP_SORTED = tuple(sorted(PREAMBULAR_LEADS, key=len, reverse=True))
_OP_SORTED = tuple(sorted(OPERATIVE_LEADS, key=len, reverse=True))


def preambular_lead(text: str) -> str | None:
    """The lead phrase if `text` opens like a preambular paragraph, else None."""
    known = _longest(text, _PP_SORTED)
    if known:
        return known
    m = re.match(r"(Having )?([A-Z][a-z]+)\b", text)
    if not m:
        return None
    word = m.group(2)
    if m.group(1) and _PP_WORD.fullmatch(word):
        return m.group(0)
    if word in _PP_ADJECTIVES or (_PP_WORD.fullmatch(word) and len(word) > 5):
        rest = text[m.end() :]
        for tail in (" also", " further"):
            if rest.startswith(tail) and (len(rest) == len(tail) or not rest[len(tail)].isalnum()):
                return word + tail
        return word
    return None


def operative_lead(text: str) -> str:
    """The lead phrase of an operative paragraph's text (after its number).

    Falls back to the first word (with a leading adverb) when the verb is not known.
    """
    known = _longest(text, _OP_SORTED)
    if known:
        return known
    for adv in _OP_ADVERBS:
        if text.startswith(adv + " "):
            m = re.match(r"[a-z]+s\b", text[len(adv) + 1 :])
            if m:
                return f"{adv} {m.group(0)}"
    m = _OP_WORD.match(text)
    if m and m.group(0) not in _NOT_VERBS:
        return m.group(0)
    return ""


def known_operative_lead(text: str) -> str | None:
    """The operative lead phrase `text` opens with, from the known list only.

    >>> known_operative_lead("Takes note of the report"), known_operative_lead("Nations")
    ('Takes note', None)
    """
    return _longest(text, _OP_SORTED)


def known_preambular_lead(text: str) -> str | None:
    """The preambular lead phrase `text` opens with, from the known list only.

    >>> known_preambular_lead("Noting with concern that"), known_preambular_lead("Stockpiling")
    ('Noting with concern', None)
    """
    return _longest(text, _PP_SORTED)


def looks_operative(text: str) -> bool:
    """True when `text` (after a paragraph number) opens with an operative verb."""
    return bool(operative_lead(text))


# --- the frame of a document: symbols, header lines, headings --------------------

SYMBOL = re.compile(r"^[AES]/(?:[A-Z0-9.\-]+/)*[A-Z0-9.\-]+(?:/Rev\.\d+|/Add\.\d+|/Corr\.\d+)*$")
"""A line (or a column of a line) that is a document symbol: ``A/C.3/80/L.4/Rev.1``,
``A/RES/80/6``, ``A/75/479/Add.2``: the masthead and every page's running head."""

_SYMBOL_IN_TEXT = re.compile(r"\b([AES]/(?:RES/)?(?:[A-Z0-9.\-]+/)*[A-Z0-9.\-]*\d(?:/Rev\.\d+)?)\b")


def find_symbol(text: str) -> str | None:
    """The first document symbol written in a text (a header, a masthead).

    >>> find_symbol("United Nations A/C.3/75/L.11/Rev.1 General Assembly")
    'A/C.3/75/L.11/Rev.1'
    >>> find_symbol("Agenda item 72 (a)") is None
    True
    """
    m = _SYMBOL_IN_TEXT.search(text)
    return m.group(1) if m else None


SPONSOR_END = re.compile(r":\s*\*?\s*(?:revised )?draft (?:resolution|decision)\s*$")
"""How a draft's sponsor line ends: ``Palau:* draft resolution``, ``Chile and Spain:
revised draft resolution``, ``Iraq: draft decision``."""

AGENDA_ITEM = re.compile(r"^Agenda items? \d+")
"""The agenda line of a header: ``Agenda item 72 (a)``, ``Agenda items 13 and 75``."""

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
"""The months, as dates in resolutions print them ("10 December 1948")."""

ROMAN_NUMBER = r"[IVXLC]+"
"""The number of a draft resolution in a report, as a pattern: ``IV``."""

ANNEX_NAME = r"Annex(?:es)?(?:\s+[IVX]+)?"
"""An annex's name as printed, as a pattern: ``Annex``, ``Annex II``, ``Annexes``."""

ANNEX = re.compile(rf"^{ANNEX_NAME}$")
"""A line or heading that is an annex's name alone.

>>> bool(ANNEX.match("Annex II")), bool(ANNEX.match("Annex to it"))
(True, False)
"""

RESOLUTION_HEADING = re.compile(rf"^Draft\s+resolution\s+({ROMAN_NUMBER})$")
"""A committee report's heading of one of its draft resolutions: ``Draft resolution IV``
(the group: its number in the report)."""


# --- Roman numerals: draft resolution IV, sub-paragraph (iii) ---------------------

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_value(name: str) -> int:
    """``XIV`` -> 14; 0 for anything that is not a Roman numeral.

    >>> roman_value("IV"), roman_value("ix"), roman_value("A")
    (4, 9, 0)
    """
    name = name.upper()
    if not name or any(c not in _ROMAN for c in name):
        return 0
    total = 0
    for k, c in enumerate(name):
        v = _ROMAN[c]
        total += -v if k + 1 < len(name) and _ROMAN[name[k + 1]] > v else v
    return total


def roman(n: int) -> str:
    """``roman(14)`` -> ``'xiv'``; from 4000 on (no Roman numeral), decimal.

    >>> roman(1994), roman(4000), roman(0)
    ('mcmxciv', '4000', '')
    """
    if n <= 0:
        return ""
    if n >= 4000:
        return str(n)
    out = []
    for value, letters in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):  # fmt: skip
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


ROMAN_ITEMS = tuple(roman(n) for n in range(1, 15))
"""Sub-paragraph numbers in Roman numerals, as far as resolutions count them:
``i`` … ``xiv`` (OP3(a)(iv))."""
