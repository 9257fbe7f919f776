"""Sponsor lists as real UN documents print them.

Fixtures in ``tests/fixtures/`` are copied unchanged from the project corpus:
``A_75_479.md`` (Third Committee report A/75/479, 2020), the first pages of the
L-documents A/80/L.9, A/C.3/80/L.12, A/C.2/80/L.2, A/C.2/80/L.43 and A/C.3/80/L.20
(pdftotext output, hard-wrapped), and ``undl_A_C.3_78_drafts_sponsors.tsv`` (UN
Digital Library records of the 78th-session Third Committee drafts).
"""

from __future__ import annotations

import csv
import re
import textwrap
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from redline.model import Sponsors
from redline.sponsors import (
    canonical,
    compare_sponsors,
    group_of,
    parse_header,
    parse_list,
    parse_report_paragraph,
    split_names,
    status,
    un_join,
    un_sort_key,
    unrecognised,
)

FIXTURES = Path(__file__).parent / "fixtures"
DATA = Path(__file__).parents[1] / "redline" / "data" / "member_states.tsv"


def table_rows() -> list[dict[str, str]]:
    with DATA.open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


OFFICIAL = [r["official_short_name"] for r in table_rows()]
ALL_FORMS = OFFICIAL + [a for r in table_rows() for a in r["aliases"].split("|") if a]


# --- the table -----------------------------------------------------------------------


def test_table_has_193_members_two_observer_states_and_the_groups() -> None:
    rows = table_rows()
    assert sum(r["status"] == "member" for r in rows) == 193
    assert [r["official_short_name"] for r in rows if r["status"] == "observer"] == [
        "Holy See",
        "State of Palestine",
    ]
    assert status("European Union") == "other"
    assert status("UN. Group of African States") == "other"
    assert status("the Alliance of Small Island States") == "other"


def test_members_are_in_the_order_of_the_un_table() -> None:
    # The table follows A/RES/79/249; UN order folds accents (Côte d’Ivoire under C,
    # Türkiye under T), so sorting by un_sort_key must not move anything.
    members = [r["official_short_name"] for r in table_rows() if r["status"] == "member"]
    assert sorted(members, key=un_sort_key) == members


# --- tricky names --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "official"),
    [
        ("the Russian Federation", "Russian Federation"),
        ("Russian Federation", "Russian Federation"),
        ("  the RUSSIAN\n federation ", "Russian Federation"),
        ("Turkey", "Türkiye"),
        ("Turkiye", "Türkiye"),
        ("Swaziland", "Eswatini"),
        ("The former Yugoslav Republic of Macedonia", "North Macedonia"),
        ("the former Yugoslav Republic of Macedonia", "North Macedonia"),
        ("Czech Republic", "Czechia"),
        ("Netherlands", "Netherlands (Kingdom of the)"),
        ("the Netherlands", "Netherlands (Kingdom of the)"),
        ("Netherlands (Kingdom of the)", "Netherlands (Kingdom of the)"),
        ("Bahamas", "Bahamas (The)"),
        ("the Bahamas", "Bahamas (The)"),
        ("Bahamas (The)", "Bahamas (The)"),
        ("United Kingdom", "United Kingdom of Great Britain and Northern Ireland"),
        (
            "the United Kingdom of Great Britain and Northern Ireland",
            "United Kingdom of Great Britain and Northern Ireland",
        ),
        ("United States", "United States of America"),
        ("the United States of America", "United States of America"),
        ("Côte d'Ivoire", "Côte d’Ivoire"),
        ("Côte d’Ivoire", "Côte d’Ivoire"),
        ("Democratic People's Republic of Korea", "Democratic People’s Republic of Korea"),
        ("Lao People's Democratic Republic", "Lao People’s Democratic Republic"),
        ("Micronesia (Federated States of)", "Micronesia (Federated States of)"),
        ("Venezuela (Bolivarian Republic of)", "Venezuela (Bolivarian Republic of)"),
        ("Iran (Islamic Republic of )", "Iran (Islamic Republic of)"),  # pdftotext spacing
        ("Group of 77", "Group of 77 and China"),
        ("UN. Group of African States", "Group of African States"),
        ("Zambia:*", "Zambia"),
        # UNDL's record of A/C.3/78/L.11 writes "Ir eland" (stray space in the raw MARC 515).
        ("Ir eland", "Ireland"),
    ],
)
def test_canonical(written: str, official: str) -> None:
    assert canonical(written) == official


def test_unknown_name_is_none_and_reported_as_written() -> None:
    assert canonical("Atlantis") is None
    assert unrecognised(["Albania", "Atlantis", "the Gambia", "Atlantis"]) == ("Atlantis",)


def test_split_keeps_names_that_contain_and() -> None:
    text = (
        "Bosnia and Herzegovina, Antigua and Barbuda, Trinidad and Tobago, Saint Vincent and "
        "the Grenadines, Sao Tome and Principe and the United Kingdom of Great Britain and "
        "Northern Ireland"
    )
    assert split_names(text) == (
        "Bosnia and Herzegovina",
        "Antigua and Barbuda",
        "Trinidad and Tobago",
        "Saint Vincent and the Grenadines",
        "Sao Tome and Principe",
        "the United Kingdom of Great Britain and Northern Ireland",
    )


def test_split_keeps_names_with_parentheses() -> None:
    text = "Micronesia (Federated States of), Venezuela (Bolivarian Republic of) and Netherlands (Kingdom of the)"  # noqa: E501
    assert split_names(text) == (
        "Micronesia (Federated States of)",
        "Venezuela (Bolivarian Republic of)",
        "Netherlands (Kingdom of the)",
    )


def test_split_keeps_names_as_written() -> None:
    text = "Albania, Angola, Bosnia and Herzegovina, the Russian Federation and Zimbabwe"
    names = split_names(text)
    assert names == (
        "Albania",
        "Angola",
        "Bosnia and Herzegovina",
        "the Russian Federation",
        "Zimbabwe",
    )
    assert canonical(names[3]) == canonical("Russian Federation") == "Russian Federation"


def test_split_hard_wrapped_pdf_lines_and_trailing_marks() -> None:
    text = "Romania, Saint Kitts\nand Nevis, Timor-\nLeste, Republic of\nKorea, Zambia and\nState of Palestine:*"  # noqa: E501
    assert split_names(text) == (
        "Romania",
        "Saint Kitts and Nevis",
        "Timor-Leste",
        "Republic of Korea",
        "Zambia",
        "State of Palestine",
    )


def test_split_keeps_unknown_names_never_guesses() -> None:
    assert split_names("Albania, Atlantis and Zimbabwe.") == ("Albania", "Atlantis", "Zimbabwe")
    # Two unknown words joined by "and": which "and" separates is not known, so the
    # chunk is kept whole, as written, for the user to see.
    assert split_names("Albania, Atlantis and Lemuria") == ("Albania", "Atlantis and Lemuria")


def test_un_sort_key_ignores_article_and_accents() -> None:
    names = [
        "Türkiye",
        "Croatia",
        "Turkmenistan",
        "Côte d’Ivoire",
        "the Bahamas",
        "Tunisia",
        "Costa Rica",
        "Bahrain",
        "Azerbaijan",
    ]
    assert sorted(names, key=un_sort_key) == [
        "Azerbaijan",
        "the Bahamas",
        "Bahrain",
        "Costa Rica",
        "Côte d’Ivoire",
        "Croatia",
        "Tunisia",
        "Türkiye",
        "Turkmenistan",
    ]


def test_un_join() -> None:
    assert un_join([]) == ""
    assert un_join(["Italy"]) == "Italy"
    assert un_join(["Italy", "Turkmenistan"]) == "Italy and Turkmenistan"
    assert un_join(["Albania", "Angola", "Zimbabwe"]) == "Albania, Angola and Zimbabwe"


@given(st.lists(st.sampled_from(OFFICIAL), min_size=1, max_size=15, unique=True))
def test_split_undoes_un_join(names: list[str]) -> None:
    assert split_names(un_join(names)) == tuple(names)


@given(
    st.lists(st.sampled_from(ALL_FORMS), min_size=1, max_size=15),
    st.integers(min_value=12, max_value=90),
)
def test_split_undoes_un_join_of_any_form_hard_wrapped(names: list[str], width: int) -> None:
    # "Group of 77" followed by "China" reads as the group "Group of 77 and China":
    # the UN list format itself cannot tell them apart.
    joined = un_join(names)
    assume("Group of 77 and China" not in joined or "Group of 77 and China" in names)
    # PDF lines break between words or after a hyphen ("Timor-\nLeste"), never inside a word.
    wrapped = textwrap.fill(joined, width, break_long_words=False)
    assert split_names(wrapped) == tuple(names)


# --- committee report A/75/479 -------------------------------------------------------


def report_paragraph(number: int) -> str:
    text = (FIXTURES / "A_75_479.md").read_text(encoding="utf-8")
    return next(line for line in text.splitlines() if line.startswith(f"{number}. "))


def listed(paragraph: str, before: str, after: str) -> str:
    """The raw list between two phrases of a report paragraph."""
    return re.search(re.escape(before) + "(.*?)" + re.escape(after), paragraph)[1]  # type: ignore[index]


def test_report_L11_uganda_on_behalf_of_the_african_group() -> None:
    s = parse_report_paragraph(report_paragraph(17))
    assert s.original == ("Uganda",)
    assert s.on_behalf_of == (
        "on behalf of the States Members of the United Nations that are members of the "
        "Group of African States"
    )
    assert group_of(s.on_behalf_of) == "Group of African States"
    assert s.subsequent == (
        "Austria",
        "France",
        "Hungary",
        "India",
        "Italy",
        "Pakistan",
        "Venezuela (Bolivarian Republic of)",
    )


def test_report_L5_exact_lists() -> None:
    s = parse_report_paragraph(report_paragraph(9))
    assert s.original == ("Austria", "Ecuador", "Guatemala", "Spain")
    assert s.on_behalf_of is None
    assert s.subsequent == (
        "Albania",
        "Algeria",
        "Antigua and Barbuda",
        "Armenia",
        "Australia",
        "Belarus",
        "Belgium",
        "Belize",
        "Bulgaria",
        "Canada",
        "Costa Rica",
        "Côte d’Ivoire",
        "Croatia",
        "Cyprus",
        "Czechia",
        "Djibouti",
        "El Salvador",
        "Equatorial Guinea",
        "Estonia",
        "Finland",
        "France",
        "Georgia",
        "Germany",
        "Greece",
        "Guinea",
        "Honduras",
        "Hungary",
        "Iceland",
        "Ireland",
        "Israel",
        "Italy",
        "Latvia",
        "Lebanon",
        "Liechtenstein",
        "Lithuania",
        "Luxembourg",
        "Madagascar",
        "Malta",
        "Montenegro",
        "Morocco",
        "Nigeria",
        "Norway",
        "Palau",
        "Panama",
        "Paraguay",
        "Peru",
        "the Philippines",
        "Poland",
        "Portugal",
        "Qatar",
        "Romania",
        "San Marino",
        "Serbia",
        "Slovakia",
        "Slovenia",
        "Sri Lanka",
        "Switzerland",
        "Thailand",
        "Tunisia",
        "Turkey",
        "the United Kingdom of Great Britain and Northern Ireland",
        "Uruguay",
    )
    assert canonical("Turkey") == "Türkiye"


@pytest.mark.parametrize(
    ("paragraph", "symbol", "original", "subsequent"),
    [
        (6, "A/C.3/75/L.4/Rev.1", 29, 35),
        (9, "A/C.3/75/L.5", 4, 62),
        (13, "A/C.3/75/L.8/Rev.1", 41, 67),
        (17, "A/C.3/75/L.11", 1, 7),
    ],
)
def test_report_counts_and_no_name_lost_or_invented(
    paragraph: int, symbol: str, original: int, subsequent: int
) -> None:
    text = report_paragraph(paragraph)
    assert f"[{symbol}](#)" in text
    s = parse_report_paragraph(text)
    assert (len(s.original), len(s.subsequent)) == (original, subsequent)
    assert unrecognised(s.names) == ()
    # No name twice, even after canonical naming.
    assert len({canonical(n) for n in s.names}) == original + subsequent
    # Cross-check independently of the table: n names are written with n - 2 commas
    # and one "and"; and joining them back gives the text exactly.
    joined = listed(text, "Subsequently, ", " joined in sponsoring")
    assert joined.count(",") + 2 == subsequent
    assert un_join(s.subsequent) == joined
    if original > 1:
        submitted = listed(text, "which was submitted by ", ". Subsequently")
        assert submitted.count(",") + 2 == original
        assert un_join(s.original) == submitted


def test_report_keeps_the_article_as_written_but_compares_without_it() -> None:
    s = parse_report_paragraph(report_paragraph(6))
    assert "the Russian Federation" in s.original
    assert "the United States of America" in s.original
    assert s.original[-2:] == ("Spain", "the United States of America")
    same = Sponsors(original=("Russian Federation", "United States"))
    change = compare_sponsors(s, same)
    assert "Russian Federation" in change.unchanged
    assert "United States of America" in change.unchanged


def test_report_strips_markdown_links_and_officer_drafts_have_no_sponsors() -> None:
    s = parse_report_paragraph(
        "had before it a draft resolution ([A/C.3/80/L.3](#)), which was submitted by "
        "the Chair. At the same meeting, Tuvalu joined in sponsoring the draft resolution."
    )
    assert s.original == ()
    assert s.subsequent == ("Tuvalu",)
    assert "](#)" not in str(s.names)


# --- L-document headers (pdftotext) --------------------------------------------------


def header_block(text: str) -> str:
    """The sponsor lines of a first page: the line ending in ": draft resolution" and
    the wrapped lines before it (a line ends in "," / "and" / "of", or the next
    one starts with "and", "(" or a lower-case word)."""
    lines = text.splitlines()
    ending = re.compile(r":\*?\s*(?:revised )?draft resolution$")
    end = next(i for i, line in enumerate(lines) if ending.search(line))
    start = end
    while start > 0 and (
        lines[start - 1].rstrip().endswith((",", " and", " of"))
        or re.match(r"\s*(?:and\b|\(|[a-z])", lines[start])
    ):
        start -= 1
    return "\n".join(lines[start : end + 1])


def star_footnote(text: str) -> str | None:
    """The "* ..." footnote at the bottom of the first page, its lines as printed."""
    found = re.search(r"^\* .*?(?=\n\s*\n|\n\d+\n)", text, re.MULTILINE | re.DOTALL)
    return found[0] if found else None


def header(name: str) -> tuple[str, Sponsors]:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    block = header_block(text)
    return block, parse_header(block, star_footnote(text))


def test_header_A_80_L9_plenary_with_state_of_palestine() -> None:
    block, s = header("A_80_L.9.txt")
    assert block.endswith("Zambia and State of Palestine:* draft resolution")
    assert len(s.original) == 60 == block.count(",") + 2
    assert s.original[:3] == ("Andorra", "Armenia", "Austria")
    assert s.original[-2:] == ("Zambia", "State of Palestine")
    # Wrapped across lines in the PDF: "Republic of\nKorea".
    assert "Republic of Korea" in s.original
    assert "Netherlands (Kingdom of the)" in s.original
    assert "United Kingdom of Great Britain and Northern Ireland" in s.original
    assert unrecognised(s.names) == ()
    assert status("State of Palestine") == "observer"
    # The asterisk points at "Any changes to the list of sponsors will be reflected
    # in the official record of the meeting.", which is not group sponsorship.
    assert s.on_behalf_of is None
    assert s.subsequent == ()


def test_header_A_C3_80_L12_iraq_for_the_group_of_77() -> None:
    block, s = header("A_C.3_80_L.12.txt")
    assert block == "Iraq:* draft resolution"
    assert s.original == ("Iraq",)
    assert s.on_behalf_of is not None
    assert s.on_behalf_of.startswith(
        "On behalf of the States that are members of the Group of 77 and China, taking into "
        "account also the provisions of General Assembly resolution ES-10/23"
    )
    assert group_of(s.on_behalf_of) == "Group of 77 and China"


def test_header_A_C2_80_L2_palau_for_aosis() -> None:
    _, s = header("A_C.2_80_L.2.txt")
    assert s.original == ("Palau",)
    assert s.on_behalf_of == (
        "On behalf of the States Members of the United Nations that are members of the "
        "Alliance of Small Island States"
    )
    assert group_of(s.on_behalf_of) == "Alliance of Small Island States"


def test_header_A_C2_80_L43_rapporteur_has_no_sponsors() -> None:
    block, s = header("A_C.2_80_L.43.txt")
    assert s.names == ()
    assert s.on_behalf_of is None
    assert s.text == block
    assert s.text.startswith("Draft resolution submitted by the Rapporteur of the Committee")


def test_header_A_C3_80_L20_bahamas_the() -> None:
    block, s = header("A_C.3_80_L.20.txt")
    assert len(s.original) == 66 == block.count(",") + 2
    assert s.original[:5] == (
        "Andorra",
        "Antigua and Barbuda",
        "Argentina",
        "Austria",
        "Bahamas (The)",
    )
    assert s.original[-1] == "Venezuela (Bolivarian Republic of)"
    # Both wrapped across lines in the PDF.
    assert "Bosnia and Herzegovina" in s.original
    assert "Saint Kitts and Nevis" in s.original
    assert unrecognised(s.names) == ()
    assert canonical("Bahamas (The)") == canonical("the Bahamas") == "Bahamas (The)"


def test_header_chair_and_revised_forms() -> None:
    chair = (
        "Draft resolution submitted by the Chair on the recommendation of the Economic and "
        "Social Council (resolution 2025/15)"
    )
    assert parse_header(chair) == Sponsors(text=chair)
    revised = parse_header("Albania, Angola and Zimbabwe: revised draft resolution")
    assert revised.original == ("Albania", "Angola", "Zimbabwe")
    assert parse_header("Iraq*: draft resolution", "* On behalf of the Group of 77").on_behalf_of


# --- UN Digital Library records, 78th session ----------------------------------------

# Authors that are UN organs: their drafts are the Chair's, the Secretariat's or the
# Secretary-General's, with no sponsors.
ORGANS = {
    "UN. Secretariat",
    "UN. Secretary-General",
    "UN. General Assembly. 3rd Committee. Chair",
}


def undl_records() -> dict[str, dict[str, str]]:
    with (FIXTURES / "undl_A_C.3_78_drafts_sponsors.tsv").open(encoding="utf-8") as f:
        return {r["symbol"]: r for r in csv.DictReader(f, delimiter="\t")}


def undl_note(row: dict[str, str], pattern: str) -> tuple[str, ...]:
    """Names from one sentence of the MARC 515 note, e.g. "Additional sponsors: ..."."""
    for part in row["note_515_additional_sponsors"].split(" - "):
        found = re.match(pattern, part)
        if found:
            return split_names(found["names"])
    return ()


def undl_sponsors(row: dict[str, str]) -> Sponsors:
    """710 sponsors (organs left out) as original, 515 additional sponsors as subsequent."""
    return Sponsors(
        original=tuple(n for n in row["sponsors_710"].split("|") if n and n not in ORGANS),
        subsequent=undl_note(row, r"Additional sponsors: (?P<names>.*?)(?: \(A/[^)]*\))?\.?$"),
    )


def test_every_undl_sponsor_canonicalises() -> None:
    records = undl_records()
    assert len(records) == 94
    failures = [
        (symbol, name)
        for symbol, row in records.items()
        for name in undl_sponsors(row).names
        if canonical(name) is None
    ]
    assert failures == []
    organ_records = [s for s, r in records.items() if set(r["sponsors_710"].split("|")) & ORGANS]
    assert len(organ_records) == 12
    assert all(undl_sponsors(records[s]).names == () for s in organ_records)


def test_undl_revision_adds_sponsors() -> None:
    records = undl_records()
    change = compare_sponsors(
        undl_sponsors(records["A/C.3/78/L.8"]), undl_sponsors(records["A/C.3/78/L.8/Rev.1"])
    )
    assert (change.old_count, change.new_count) == (1, 86)
    assert change.unchanged == ("Italy",)
    assert change.removed == ()
    assert len(change.added) == 85
    # UNDL short forms come back as official names, in UN order.
    assert "United Kingdom of Great Britain and Northern Ireland" in change.added
    assert "United States of America" in change.added
    assert list(change.added) == sorted(change.added, key=un_sort_key)
    assert change.added.index("Türkiye") > change.added.index("Tunisia")
    assert change.unrecognised == ()


def test_undl_revision_drops_a_sponsor() -> None:
    records = undl_records()
    change = compare_sponsors(
        undl_sponsors(records["A/C.3/78/L.18"]), undl_sponsors(records["A/C.3/78/L.18/Rev.1"])
    )
    assert change.removed == ("Senegal",)
    assert change.unchanged == ("Cabo Verde", "Kazakhstan", "Portugal")
    assert (change.old_count, change.new_count) == (4, 79)


def test_undl_withdrawal_sudan_from_L64() -> None:
    # A/C.3/78/L.64: "Sudan was removed from the list of sponsors of the draft
    # resolution (A/78/475)". The list before the removal held Sudan; after, not.
    row = undl_records()["A/C.3/78/L.64"]
    after = undl_sponsors(row)
    removed = undl_note(row, r"(?P<names>.*?) (?:was|were) removed from the list of sponsors")
    assert removed == ("Sudan",)
    before = Sponsors(original=after.original, subsequent=after.subsequent + removed)
    change = compare_sponsors(before, after)
    assert change.removed == ("Sudan",)
    assert change.added == ()
    # UNDL lists the group Zambia acts for as one more sponsor: it is the group, not counted.
    assert change.unchanged == ("Bolivia (Plurinational State of)", "Ecuador", "Zambia")
    assert change.old_group == change.new_group == "Group of African States"
    assert (change.old_count, change.new_count) == (4, 3)


# --- compare_sponsors and parse_list -------------------------------------------------


def test_compare_by_canonical_name_with_unknowns_kept() -> None:
    old = parse_list("Turkey, the Russian Federation, Sudan and Atlantis")
    new = parse_list("Türkiye\nRussian Federation\nthe atlantis\nChile\nCôte d'Ivoire\n")
    change = compare_sponsors(old, new)
    # An unknown name matches across case and article, and is shown as the new text writes it.
    assert change.unchanged == ("the atlantis", "Russian Federation", "Türkiye")
    assert change.added == ("Chile", "Côte d’Ivoire")
    assert change.removed == ("Sudan",)
    assert (change.old_count, change.new_count) == (4, 5)
    assert change.unrecognised == ("Atlantis", "the atlantis")


def test_compare_keeps_the_group_a_sponsor_acts_for_apart() -> None:
    behalf = "on behalf of the States Members of the United Nations that are members of the Group of African States"  # noqa: E501
    old = Sponsors(original=("Uganda",), on_behalf_of=behalf)
    new = Sponsors(original=("Uganda",))
    change = compare_sponsors(old, new)
    # The group is not one more sponsor: one sponsor on each side, nobody left.
    assert (change.old_count, change.new_count) == (1, 1)
    assert change.removed == () and change.unchanged == ("Uganda",)
    assert (change.old_group, change.new_group) == ("Group of African States", None)
    assert change.old_behalf == "Uganda, on behalf of the Group of African States"


def test_parse_list_one_per_line_or_comma_list() -> None:
    per_line = parse_list("# old sponsors of L.8\n- Albania\nTrinidad and Tobago\n\nthe Bahamas\n")
    comma = parse_list("Albania, Trinidad and Tobago and\nthe Bahamas")
    assert per_line.original == comma.original == ("Albania", "Trinidad and Tobago", "the Bahamas")
    assert parse_list("") == Sponsors()
