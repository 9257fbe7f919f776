"""One comparison, every output: the same entries, statuses, counts and sponsors (issue 18).

The comparison decides (status, typographic, word counts per entry, the summary);
each renderer only shows it. These tests render one comparison in text, ``--stat``,
JSON, HTML, Markdown and Word, read each output back with no help from the
renderers, and compare what each says with the JSON (the data, read the same way).
"""

from __future__ import annotations

import html as html_lib
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

import redline
from redline.compare import compare
from redline.model import Comparison, Status
from redline.parser.load import load
from redline.render import RenderOptions, renderer
from redline.render.common import is_change

EX = Path(__file__).parent.parent / "examples"
PAIRS = {
    "73-188_to_IV": (EX / "A_RES_73_188.txt", f"{EX / 'A_75_479.md'}#IV"),
    "L2_to_L43": (EX / "A_C.2_80_L.2.txt", EX / "A_C.2_80_L.43.txt"),
    "L5_to_Rev1": (
        EX / "constructed" / "A_C.3_75_L.5.txt",
        EX / "constructed" / "A_C.3_75_L.5_Rev.1.txt",
    ),
    "IV_to_75-197": (f"{EX / 'A_75_479.md'}#IV", EX / "A_RES_75_197.txt"),
}
STATUSES = [s.value for s in Status]
WORDS = re.compile(r"\+(\d+)(?: −(\d+))? words?|−(\d+) words?")


def _words(text: str) -> tuple[int, int]:
    """``+3 −1 words`` -> (3, 1); ``−2 words`` -> (0, 2); no count -> (0, 0)."""
    m = WORDS.search(text)
    if not m:
        return (0, 0)
    if m[3]:
        return (0, int(m[3]))
    return (int(m[1]), int(m[2] or 0))


@dataclass(frozen=True)
class Facts:
    counts: dict[str, int]
    """Paragraph count per status, non-zero ones."""
    words: tuple[int, int]
    """Words inserted and deleted in all."""
    rows: list[tuple[str, str, tuple[int, int]]]
    """Changes at a glance: (labels, what, words)."""
    added: set[str]
    removed: set[str]


def _from_docx(data: bytes) -> Facts:
    """The summary line of a Word redline, read from its core properties as XML."""
    import io
    import zipfile
    from xml.etree import ElementTree as ET

    core = ET.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml"))
    line = core.findtext("{http://purl.org/dc/elements/1.1/}description") or ""
    return Facts(_summary_counts(line), _words(line), [], set(), set())


def _comparison(pair: str) -> Comparison:
    old, new = PAIRS[pair]
    return compare(redline.parse(str(old)), redline.parse(str(new)))


def _from_json(c: Comparison) -> tuple[dict[str, object], Facts]:
    data = json.loads(renderer("json")(c, RenderOptions()))  # type: ignore[arg-type]
    s = data["summary"]
    counts = {k: s[k] for k in STATUSES if s[k]}
    facts = Facts(counts, (s["words_inserted"], s["words_deleted"]), [],
                  set(data["sponsors"]["added"]), set(data["sponsors"]["removed"]))  # fmt: skip
    return data, facts


def _summary_counts(line: str) -> dict[str, int]:
    return {m[2]: int(m[1]) for m in re.finditer(r"(\d+) (" + "|".join(STATUSES) + r")\b", line)}


def _stat_rows(text: str) -> list[tuple[str, str, tuple[int, int]]]:
    whats = "renumbered and changed|" + "|".join(STATUSES)
    rows = []
    for line in text.splitlines():
        m = re.match(rf"^ (.+?) ({whats})\s*(?:\| (.*))?$", line)
        if m:
            rows.append((m[1], m[2], _words(m[3] or "")))
    return rows


def _from_text(c: Comparison) -> Facts:
    stat = renderer("text")(c, RenderOptions(stat=True, width=200))
    assert isinstance(stat, str)
    summary = stat.splitlines()[4] if stat.splitlines()[3] == "" else stat.splitlines()[5]
    sponsors = re.search(r"^\+ (.*)\n− (.*)$", stat, re.M)
    added = set(sponsors[1].split(", ")) - {"none"} if sponsors else set()
    removed = set(sponsors[2].split(", ")) - {"none"} if sponsors else set()
    return Facts(_summary_counts(summary), _words(summary), _stat_rows(stat), added, removed)


def _from_markdown(c: Comparison) -> Facts:
    md = renderer("markdown")(c, RenderOptions())
    assert isinstance(md, str)
    md = md.replace("\\", "")
    summary = md.split("\n\n")[2]
    rows = []
    whats = "renumbered and changed|" + "|".join(STATUSES)
    for m in re.finditer(rf"^- (.+?) ({whats})(?:: (.*?)| \((.*?)\))?(?: · (.*))?$", md, re.M):
        rows.append((m[1], m[2], _words(m[5] or m[3] or m[4] or "")))
    added = re.search(r"^- \*\*Added:\*\* (.*)$", md, re.M)
    removed = re.search(r"^- \*\*Removed:\*\* (.*)$", md, re.M)
    return Facts(
        _summary_counts(summary), _words(summary), rows,
        set(added[1].split(", ")) - {"none"} if added else set(),
        set(removed[1].split(", ")) - {"none"} if removed else set(),
    )  # fmt: skip


def _from_html(c: Comparison) -> tuple[str, Facts]:
    page = renderer("html")(c, RenderOptions())
    assert isinstance(page, str)

    def plain(fragment: str) -> str:
        return html_lib.unescape(re.sub(r"<[^>]+>", "", fragment))

    counts = {m[2]: int(m[1]) for m in re.finditer(r"<b>(\d+)</b> (\w+)</", page)}
    words = re.search(r'class="words"><span class="ins-sample">\+(\d+)</span> '
                      r'<span class="del-sample">−(\d+)</span> words?<', page)  # fmt: skip
    assert words is not None
    rows = []
    for m in re.finditer(r'<li class="glance-[\w-]+"><a href="#[^"]+"><b>(.*?)</b> (.*?)</a>'
                         r'(?: <span class="words">(.*?)</span>)?</li>', page):  # fmt: skip
        what = plain(m[2]).split(":")[0]
        rows.append((plain(m[1]), what, _words(plain(m[2]) + " " + (m[3] or ""))))
    added = re.search(r'<dt class="plus">added</dt><dd>(.*?)</dd>', page)
    removed = re.search(r'<dt class="minus">removed</dt><dd>(.*?)</dd>', page)
    return page, Facts(
        counts, (int(words[1]), int(words[2])), rows,
        set(plain(added[1]).split(", ")) - {"none"} if added else set(),
        set(plain(removed[1]).split(", ")) - {"none"} if removed else set(),
    )  # fmt: skip


@pytest.mark.parametrize("pair", sorted(PAIRS))
def test_every_format_says_the_same(pair: str, tmp_path: Path) -> None:
    c = _comparison(pair)
    data, truth = _from_json(c)
    text, md = _from_text(c), _from_markdown(c)
    page, html = _from_html(c)
    for name, facts in (("text", text), ("markdown", md), ("html", html)):
        assert facts.counts == truth.counts, name
        assert facts.words == truth.words, name
        assert (facts.added, facts.removed) == (truth.added, truth.removed), name
    # the changes at a glance are one list: same rows, same words, in --stat, Markdown, HTML
    assert text.rows == md.rows == html.rows
    if pair == "L5_to_Rev1":  # not vacuous: sponsors joined, words and rows are there
        assert truth.added == {"Albania", "Canada", "Italy"} and truth.words == (32, 42)
        assert len(text.rows) > 5
        s = c.sponsors
        for out in (renderer("text")(c, RenderOptions()), renderer("markdown")(c, RenderOptions()),
                    page):  # fmt: skip
            assert f"{s.old_count} → {s.new_count}" in str(out)
    assert (sum(r[2][0] for r in text.rows), sum(r[2][1] for r in text.rows)) == truth.words
    # each row's words are the JSON entries' words
    by_label: dict[str, tuple[int, int]] = {}
    for p in data["paragraphs"]:  # type: ignore[attr-defined]
        label = p["new"] if p["old"] in (None, p["new"]) else f"{p['old']} → {p['new']}"
        if p["new"] is None:
            label = p["old"]
        by_label[label] = (p["words"]["inserted"], p["words"]["deleted"])
    for head, _what, words in text.rows:
        if head in by_label:
            assert words == by_label[head], head
    # every entry that is not unchanged has its status in the HTML, as data
    statuses = re.findall(r'data-status="(\w+)"', page)
    json_statuses = [p["status"] for p in data["paragraphs"]]  # type: ignore[attr-defined]
    assert statuses == json_statuses
    # Word: rejecting all tracked changes gives the old text, accepting the new, and
    # comparing the two gives the same summary
    docx = tmp_path / "r.docx"
    data_docx = renderer("docx")(c, RenderOptions())
    assert isinstance(data_docx, bytes)
    docx.write_bytes(data_docx)
    again = compare(load(str(docx), tracked="reject"), load(str(docx), tracked="accept"))
    assert again.summary() == c.summary()
    # and its summary line (the document's Comments property) says what the JSON says
    word = _from_docx(data_docx)
    assert word.counts == truth.counts and word.words == truth.words


def test_typographic_is_decided_once_and_shown_everywhere(tmp_path: Path) -> None:
    c = _comparison("73-188_to_IV")
    [typo] = [e for e in c.entries if e.status is Status.TYPOGRAPHIC]
    assert (typo.old and typo.old.label, typo.new and typo.new.label) == ("PP16", "PP17")
    assert typo.words == (0, 0) and not typo.text_changed
    assert c.summary()["typographic"] == 1
    text = renderer("text")(c, RenderOptions())
    stat = renderer("text")(c, RenderOptions(stat=True))
    assert "1 typographic" in text and "1 typographic" in stat
    assert "PP16 → PP17 (typographic)" in text and "[-region’s-]{+region's+}" in text
    assert re.search(r"PP16 → PP17 typographic +\| region’s → region's", str(stat))
    colour = renderer("text")(c, RenderOptions(color=True))
    assert "\x1b[2mPP16 → PP17 (typographic)\x1b[0m" in str(colour)  # dimmed
    assert "\x1b[2;9mregion’s\x1b[0m" in str(colour)  # and visible
    page = str(renderer("html")(c, RenderOptions()))
    assert '<div class="entry typographic quiet" id="p-PP17" data-status="typographic">' in page
    assert "<del>region’s</del>" in page
    md = str(renderer("markdown")(c, RenderOptions()))
    assert "- PP16 → PP17 typographic: region’s → region's" in md
    data = json.loads(str(renderer("json")(c, RenderOptions())))
    [entry] = [p for p in data["paragraphs"] if p["status"] == "typographic"]
    assert entry["words"] == {"inserted": 0, "deleted": 0}
    # Word: a real tracked change, by the typographic author, and counted in the summary
    word = renderer("docx")(c, RenderOptions())
    assert isinstance(word, bytes)
    assert _from_docx(word).counts["typographic"] == 1
    xml = _document_xml(word)
    assert re.findall(r'<w:(del|ins) w:id="\d+" w:author="redline \(typographic\)"><w:r>'
                      r'<w:(?:delText|t) xml:space="preserve">(.*?)</w:', xml) == [
        ("del", "region’s"), ("ins", "region's")]  # fmt: skip


def _document_xml(data: bytes) -> str:
    import io
    import zipfile

    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")


def test_counts_include_footnotes_everywhere() -> None:
    """PP15 -> PP16 cites a new footnote: its one word counts in --stat and the glance."""
    c = _comparison("73-188_to_IV")
    [e] = [e for e in c.entries if e.new and e.new.label == "PP16"]
    assert e.words == (1, 0)
    stat = str(renderer("text")(c, RenderOptions(stat=True)))
    assert re.search(r"PP15 → PP16 changed +\| \+1 word$", stat, re.M)
    page = str(renderer("html")(c, RenderOptions()))
    assert '<b>PP15 → PP16</b> changed: footnote 2</a> <span class="words">+1 word</span>' in page


def test_one_word_is_one_word_in_every_output() -> None:
    """Urges States -> Urges all States: ``+1 word`` in every summary, ``+1 −1 words``
    when one word goes and another comes."""
    from redline.parser import parse_document

    def summaries(old: str, new: str) -> list[str]:
        c = compare(parse_document(f"The General Assembly,\n\n1. {old}\n"),
                    parse_document(f"The General Assembly,\n\n1. {new}\n"))  # fmt: skip
        stat = str(renderer("text")(c, RenderOptions(stat=True)))
        md = str(renderer("markdown")(c, RenderOptions()))
        page = str(renderer("html")(c, RenderOptions()))
        return [stat, md, re.sub(r"<[^>]+>", "", page[page.index("<body") :])]

    for out in summaries("Urges States to act.", "Urges all States to act."):
        assert "+1 word" in out and "+1 words" not in out
    for out in summaries("Urges States to act.", "Urges States to move."):
        assert "+1 −1 words" in out, out


def test_a_style_change_inside_a_changed_paragraph_counts_no_word() -> None:
    from redline.model import Entry, Segment

    e = Entry(Status.CHANGED, None, None, (
        Segment("=", "the "), Segment("-", "above\u2011mentioned"), Segment("+", "above-mentioned"),
        Segment("=", " meetings "), Segment("+", "today"),
    ))  # fmt: skip
    assert e.words == (1, 0)


def test_exit_code_agrees_with_the_verdict(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from redline.cli import main

    runner = CliRunner()
    same = runner.invoke(main, ["diff", f"{EX / 'A_75_479.md'}#IV", str(EX / "A_RES_75_197.txt"),
                                "--exit-code", "--color", "never"])  # fmt: skip
    assert same.exit_code == 0, same.output
    assert same.output.rstrip().endswith("no changes in the text (1 typographic only)")
    for args in ([], ["--stat"]):
        differ = runner.invoke(main, ["diff", str(EX / "A_RES_73_188.txt"),
                                      f"{EX / 'A_75_479.md'}#IV", "--exit-code", *args])  # fmt: skip
        assert differ.exit_code == 1
        assert "no changes" not in differ.output


def _cli(*args: str) -> tuple[int, str, str]:
    from click.testing import CliRunner

    from redline.cli import main

    r = CliRunner().invoke(main, list(args))
    return r.exit_code, r.stdout, r.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "out.pdf"], ".pdf names no output format"),
        (["-o", "out.doc"], ".doc names no output format"),
        (["-f", "text", "-o", "y.docx"], "--format text but the extension .docx is docx"),
        (["-f", "json", "-o", "y.html"], "--format json but the extension .html is html"),
    ],
)
def test_an_output_extension_must_name_the_format(
    args: list[str], message: str, tmp_path: Path
) -> None:
    out = [str(tmp_path / a) if "." in a and not a.startswith("-") else a for a in args]
    code, stdout, stderr = _cli("diff", str(EX / "A_RES_73_188.txt"),
                                str(EX / "A_RES_75_197.txt"), *out)  # fmt: skip
    assert code == 2 and message in stderr and stdout == ""
    assert list(tmp_path.iterdir()) == []


def test_a_name_that_is_only_an_extension_is_that_extension(tmp_path: Path) -> None:
    """``-o .docx`` writes Word as ``-o out.docx`` does; ``-o .pdf`` is refused as
    ``-o out.pdf`` is."""
    old, new = str(EX / "A_RES_73_188.txt"), str(EX / "A_RES_75_197.txt")
    code, _, stderr = _cli("diff", old, new, "-o", str(tmp_path / ".docx"))
    assert code == 0, stderr
    assert (tmp_path / ".docx").read_bytes().startswith(b"PK")  # a zip: Word, not text
    code, stdout, stderr = _cli("diff", old, new, "-o", str(tmp_path / ".pdf"))
    assert code == 2 and ".pdf names no output format" in stderr and stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == [".docx"]


def test_an_unknown_extension_with_format_is_written(tmp_path: Path) -> None:
    out = tmp_path / "r.pdf-notes"
    code, _, stderr = _cli("diff", str(EX / "A_RES_73_188.txt"), str(EX / "A_RES_75_197.txt"),
                           "-f", "html", "-o", str(out))  # fmt: skip
    assert code == 0, stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("context", ["-1", "x", "1" + "0" * 20])
def test_context_must_be_a_whole_number_from_zero(context: str) -> None:
    code, _, _ = _cli("diff", str(EX / "A_RES_73_188.txt"), str(EX / "A_RES_75_197.txt"),
                      "--context", context)  # fmt: skip
    assert code == 2


def test_a_huge_context_shows_everything_at_once() -> None:
    code, out, _ = _cli("diff", str(EX / "A_RES_73_188.txt"), f"{EX / 'A_75_479.md'}#IV",
                        "--context", "1000000")  # fmt: skip
    assert code == 0
    assert "⋯" not in out  # nothing left out between changes
    assert "\nPP3\n" in out and "\nOP1\n" in out  # unchanged paragraphs shown


def test_show_names_a_pick_once_and_takes_lower_case_and_arabic_numbers() -> None:
    for pick in ("IV", "iv", "4"):
        code, out, _ = _cli("show", f"{EX / 'A_75_479.md'}#{pick}")
        assert code == 0
        assert out.splitlines()[0] == f"{EX / 'A_75_479.md'}#IV"
    code, _, err = _cli("show", f"{EX / 'A_75_479.md'}#9")
    assert code == 2 and "#9 names no resolution" in err


def test_show_prints_its_warnings_once(tmp_path: Path) -> None:
    cp1252 = tmp_path / "cp.txt"
    cp1252.write_bytes((EX / "A_RES_73_188.txt").read_text(encoding="utf-8").encode("cp1252"))
    code, out, err = _cli("show", str(cp1252))
    assert code == 0
    assert (out + err).count("not UTF-8") == 1


def test_show_and_sponsors_say_one_sponsor_and_one_footnote() -> None:
    from redline.model import DocKind, Document, Footnote, Sponsors
    from redline.render.show import show_text, sponsors_text

    doc = Document("x.txt", "plain", DocKind.DRAFT, sponsors=Sponsors(original=("Chile",)),
                   footnotes=(Footnote("1", "A/75/111."),))  # fmt: skip
    assert "1 footnote\n" in show_text(doc) and "0 sub-paragraphs" in show_text(doc)
    assert sponsors_text(doc).splitlines()[0] == "x.txt: 1 sponsor"


def test_check_shows_a_deleted_hyphen_readably_and_names_a_paragraph_once() -> None:
    from dataclasses import replace

    from redline.check import Profile, check
    from redline.render.check import render_text

    un = Path(__file__).parent / "fixtures" / "un"
    # strict: a hyphen turned into a space is extraction noise by default (issue 15)
    v = check(load(str(un / "A_C.3_80_L.7.txt")), load(str(un / "A_RES_80_225.txt")),
              Profile(strict=True))  # fmt: skip
    out = render_text(v, width=200)
    assert "[---]" not in out
    assert "[-above -mentioned-]{+above mentioned+}" in out
    # two adopted paragraphs merged into one of the candidate: one paragraph, named once
    doc = load(str(un / "A_C.2_80_L.43.txt"))
    ps = doc.paragraphs
    merged = replace(ps[1], text=ps[1].text + " " + ps[2].text)
    once = check(replace(doc, paragraphs=(ps[0], merged, *ps[3:])), doc)
    assert once.line() == "differs: 1 paragraph (OP1), 0 words inserted, 0 deleted"


def test_colour_keeps_a_cue_without_colour() -> None:
    """Deleted words are struck through and inserted ones underlined, not only red and green."""
    c = _comparison("L2_to_L43")
    out = str(renderer("text")(c, RenderOptions(color=True)))
    assert "\x1b[31;9m" in out and "\x1b[32;4m" in out
    assert "\x1b[31m" not in out and "\x1b[32m" not in out


def test_side_by_side_keeps_the_old_paragraphs_footnote_marks() -> None:
    c = _comparison("73-188_to_IV")
    page = str(renderer("html")(c, RenderOptions(layout="side-by-side")))
    row = page[page.index('id="p-PP2"') :]
    row = row[: row.index("</tr>")]
    old_cell, new_cell = row.split('<td class="cell new')
    assert 'class="fn-mark"' in old_cell and 'class="fn-mark"' in new_cell


def test_footnote_marks_stand_apart_where_the_text_sets_them() -> None:
    # IV's OP12 cites note 4 after "thereto," and note 5 after "Corruption,": shown
    # there, not run together at the paragraph's end ("impediments;⁴⁵"); marks that
    # do stand together are separated (tests/test_marks.py)
    page = str(renderer("html")(_comparison("73-188_to_IV"), RenderOptions()))
    assert 'Protocols thereto,<sup class="fn-mark"><a href="#fn-new-4">4</a></sup> as well' in page
    assert 'against Corruption,<sup class="fn-mark"><a href="#fn-new-5">5</a></sup> and' in page
    assert not re.search(r"</a><a href=\"#fn-", page)


# --- footnote marks: where each stands, the same in every output ----------------------

MARKED = [
    (EX / "A_RES_79_16.pdf", EX / "A_C.1_80_L.1.pdf"),
    (
        EX.parent / "tests/corpus/pdf/A_RES_79_227.pdf",
        EX.parent / "tests/corpus/pdf/A_C.2_80_L.29.pdf",
    ),
    PAIRS["73-188_to_IV"],  # text to Markdown
]
MARKED_IDS = ["79-16_to_L1", "79-227_to_L29", "73-188_to_IV"]
Mark = tuple[str, str]
"""A footnote mark and the ten characters (spaces left out) of its side's text before it."""


def _tail(text: str) -> str:
    return "".join(text.split())[-10:]


def _marks_from_json(data: dict[str, object], side: str | None = None) -> list[list[Mark]]:
    """Per entry: the marks of the side the inline outputs show (the new one, the old one
    for a deleted paragraph; or `side`), each with the text before it, read from
    ``marks`` and ``diff`` alone."""
    out = []
    for p in data["paragraphs"]:  # type: ignore[attr-defined]
        shown = side or ("new" if p["new"] is not None else "old")
        if p[shown] is None:
            out.append([])
            continue
        other = "+" if shown == "old" else "-"
        texts = [t if op != other else "" for op, t in p["diff"]]
        # null: the paragraph cites no note, or the reader did not say where
        out.append([(m["mark"], _tail("".join(texts[: m["segment"]])
                                      + texts[m["segment"]][: m["offset"]]))
                    for m in p["marks"][shown] or ()])  # fmt: skip
    return out


def _marks_in_markup(fragment: str, sup: str, drop: str) -> list[Mark]:
    """Marks in one paragraph of markup: the text before each superscript, with the
    other side's runs (`drop`), the superscripts and any other tag left out."""
    out: list[Mark] = []
    before = ""
    for m in re.finditer(rf"({sup})|({drop})|(<[^>]+>)|([^<~]+|[<~])", fragment, re.S):
        if m[1]:
            marks = re.sub(r"<span[^>]*>,</span>|<[^>]+>", lambda t: "," if "," in t[0] else "",
                           m[1])  # fmt: skip
            inner = re.sub(r"^<sup[^>]*>|</sup>$", "", marks)
            out += [(html_lib.unescape(k), _tail(before)) for k in inner.split(",")]
        elif m[4]:
            before += html_lib.unescape(m[4])
    return out


def _marks_from_html(page: str) -> list[list[Mark]]:
    """Per entry (stubs of moved paragraphs left out): the marks of its inline paragraph."""
    out = []
    main = page[page.index("<main") : page.index("</main>")]
    for entry in re.split(r'<div class="entry ', main)[1:]:
        if entry.startswith("stub"):
            continue
        para = re.search(r'<p class="para">(.*?)</p>', entry, re.S)
        assert para is not None
        body = re.sub(r'<span class="num">.*?</span>', "", para[1])
        drop = r"<ins>.*?</ins>" if entry.startswith("deleted") else r"<del>.*?</del>"
        out.append(_marks_in_markup(body, r'<sup class="fn-mark">.*?</sup>', drop))
    return out


def _marks_from_markdown(md: str, deleted: list[bool]) -> list[list[Mark]]:
    """Per paragraph shown: its marks (a footnote's own line, ``> <sup>1</sup> …``, left
    out); `deleted` says which paragraphs are deleted ones, shown by their old side."""
    out = []
    bodies = re.findall(r"^> (?!<sup>)(.*)$", md, re.M)
    for body, old in zip(bodies, deleted, strict=True):
        body = re.sub(r"\\(.)", r"\1", body.replace("**", ""))
        if old:
            body = body.replace("~~", "")
        out.append(_marks_in_markup(body, r"<sup>.*?</sup>", r"~~.*?~~|<del>.*?</del>"))
    return out


@pytest.mark.parametrize(("old", "new"), MARKED, ids=MARKED_IDS)
def test_every_output_places_each_footnote_mark_after_the_same_text(old: Path, new: Path) -> None:
    c = compare(load(str(old)), load(str(new)))
    data = json.loads(str(renderer("json")(c, RenderOptions())))
    truth = _marks_from_json(data)
    assert sum(map(len, truth)) >= 4  # not vacuous: the pairs cite notes
    # the model itself: each mark follows the text the reader found it after
    for e, marks in zip(c.entries, truth, strict=True):
        p = e.new or e.old
        assert p is not None
        assert (
            marks
            == [(m, _tail(p.text[:at])) for m, at in zip(p.footnotes, p.marks_at, strict=True)]
            or e.group is not None
        )
    assert _marks_from_html(str(renderer("html")(c, RenderOptions()))) == truth
    shown = [(marks, e.new is None) for e, marks in zip(c.entries, truth, strict=True)
             if is_change(e) and (e.text_changed or e.status is not Status.RENUMBERED)]  # fmt: skip
    assert any(marks for marks, _ in shown)
    md = str(renderer("markdown")(c, RenderOptions()))
    assert _marks_from_markdown(md, [old for _, old in shown]) == [marks for marks, _ in shown]


def test_formats_and_extensions_come_from_the_renderer_registry() -> None:
    from redline.cli import FORMATS, output_format
    from redline.render import EXTENSIONS, RENDERERS

    assert FORMATS == tuple(RENDERERS)
    assert set(EXTENSIONS.values()) == set(RENDERERS)
    for ext, fmt in EXTENSIONS.items():
        assert output_format(None, f"out{ext}") == fmt


def _marks_from_docx(data: bytes, side: str) -> list[Mark]:
    """Every footnote reference of a redline .docx with all changes accepted (``new``)
    or rejected (``old``), in order: its footnote's text and the ten characters of its
    paragraph's text (the number and tab left out) before it."""
    import io
    import zipfile
    from xml.etree import ElementTree as ET

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    gone = w + ("del" if side == "new" else "ins")
    package = zipfile.ZipFile(io.BytesIO(data))

    def walk(el: ET.Element, out: list[tuple[str, str]]) -> None:
        """(kind, value) pieces of the side: ("t", text) or ("ref", footnote id)."""
        for child in el:
            if child.tag == gone or child.tag in (w + "pPr", w + "rPr"):
                continue
            if child.tag in (w + "t", w + "delText"):
                out.append(("t", child.text or ""))
            elif child.tag == w + "tab":
                out.append(("t", "\t"))
            elif child.tag == w + "footnoteReference":
                out.append(("ref", child.get(w + "id") or ""))
            else:
                walk(child, out)

    bodies = {}
    for fn in ET.fromstring(package.read("word/footnotes.xml")).iter(w + "footnote"):
        pieces: list[tuple[str, str]] = []
        walk(fn, pieces)
        bodies[fn.get(w + "id")] = "".join(v for k, v in pieces if k == "t").strip()
    out: list[Mark] = []
    for para in ET.fromstring(package.read("word/document.xml")).iter(w + "p"):
        pieces = []
        walk(para, pieces)
        before = ""
        for kind, value in pieces:
            if kind == "t":
                before = (before + value).split("\t")[-1]  # the number and tab left out
            else:
                out.append((bodies[value], _tail(before)))
    return out


@pytest.mark.parametrize(("old", "new"), MARKED, ids=MARKED_IDS)
def test_word_places_each_footnote_reference_where_its_mark_stands(old: Path, new: Path) -> None:
    """Accepting all in redline's .docx gives each new mark after the text it follows,
    citing its footnote; rejecting all, each old mark (as compare placed them)."""
    c = compare(load(str(old)), load(str(new)))
    data = renderer("docx")(c, RenderOptions())
    assert isinstance(data, bytes)
    for side, doc in (("new", c.new), ("old", c.old)):
        notes = {f.mark: f.text for f in doc.footnotes}
        truth = [(notes[m], _tail(p.text[:at])) for p in doc.flat()
                 for m, at in zip(p.footnotes, p.marks_at, strict=True)]  # fmt: skip
        assert len(truth) >= 4, side  # not vacuous
        assert _marks_from_docx(data, side) == truth, side
