"""The HTML page: structure counted with html.parser, self-contained, hostile text inert."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

import pytest
from comparisons import ALL, hostile, realistic, small
from golden import GOLDEN, assert_golden, page_body

import redline
from redline.model import Comparison
from redline.render import RenderOptions
from redline.render.html import render

GENERATED = "2026-11-28 10:00 UTC"
LAYOUTS = ["inline", "side-by-side"]


class Page(HTMLParser):
    """What the tests look at: tags, attributes, text, and the text inside <em>."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.stack: list[str] = []
        self.em: list[str] = []
        self.style = ""
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        self.elements.append((tag, dict(attrs)))
        if tag not in ("meta", "input", "col", "br"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if "style" in self.stack:
            self.style += data
            return
        self.text.append(data)
        if "em" in self.stack:
            self.em.append(data)

    def attrs(self, name: str) -> list[str]:
        return [a[name] or "" for _, a in self.elements if name in a]

    @property
    def all_text(self) -> str:
        return "".join(self.text)


def page(comparison: Comparison, layout: str = "inline") -> Page:
    return Page(render(comparison, RenderOptions(layout=layout, generated=GENERATED)))


def segment_counts(c: Comparison) -> Counter[str]:
    """ "+" and "-" segments of the title, the entries and each footnote change once."""
    segs = list(c.title) + [s for e in c.entries for s in e.segments]
    seen = set()
    for e in c.entries:
        for f in e.footnotes:
            if (f.old_mark, f.new_mark) not in seen:
                seen.add((f.old_mark, f.new_mark))
                segs += f.segments
    return Counter(s.op for s in segs)


@pytest.mark.parametrize("name", sorted(ALL))
def test_golden(name: str, request: pytest.FixtureRequest) -> None:
    out = render(ALL[name](), RenderOptions(generated=GENERATED))
    assert_golden(f"{name}.html", out, request)


def test_a_golden_page_is_its_body_so_a_css_edit_rewrites_none() -> None:
    out = render(small(), RenderOptions(generated=GENERATED))
    stored = (GOLDEN / "small.html").read_text(encoding="utf-8")
    assert "--ink:" in out and "--ink:" not in stored
    assert page_body(out.replace("--ink: #1b1b1b", "--ink: #000")) == stored
    assert page_body(out.replace("<main", '<main data-x=""')) != stored  # the body counts


def test_golden_side_by_side(request: pytest.FixtureRequest) -> None:
    out = render(realistic(), RenderOptions(layout="side-by-side", generated=GENERATED))
    assert_golden("realistic.side-by-side.html", out, request)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("name", sorted(ALL))
def test_one_element_per_insertion_and_deletion(name: str, layout: str) -> None:
    c = ALL[name]()
    p = page(c, layout)
    expected = segment_counts(c)
    assert p.tags["ins"] == expected["+"]
    assert p.tags["del"] == expected["-"]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("name", sorted(ALL))
def test_data_status_matches_summary(name: str, layout: str) -> None:
    c = ALL[name]()
    p = page(c, layout)
    seen = set()
    counts: Counter[str] = Counter()
    for _, a in p.elements:
        if "data-status" in a:
            key = (a["data-status"], a.get("data-group") or object())
            if key not in seen:
                seen.add(key)
                counts[a["data-status"] or ""] += 1
    summary = c.summary()
    for status, n in summary.items():
        if not status.startswith("words"):
            assert counts[status] == n, status


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("name", sorted(ALL))
def test_self_contained_and_links_resolve(name: str, layout: str) -> None:
    html = render(ALL[name](), RenderOptions(layout=layout))
    p = Page(html)
    assert p.tags["link"] == 0 and p.tags["script"] == 0 and p.tags["img"] == 0
    assert p.tags["iframe"] == 0 and p.tags["object"] == 0
    assert p.attrs("src") == []
    assert "@import" not in p.style and "url(" not in p.style
    ids = p.attrs("id")
    assert len(ids) == len(set(ids)), "ids are unique"
    for href in p.attrs("href"):
        assert href.startswith("#"), href
        assert href[1:] in ids, href
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:|//|javascript:)", html, re.I)


def test_header_summary_and_glance() -> None:
    p = page(realistic())
    text = " ".join(p.all_text.split())
    assert "A/RES/73/188 → A/C.3/75/L.11" in text
    assert f"redline {redline.__version__} · {GENERATED}" in text
    assert "United Nations African Institute" in text
    assert "resolution → draft" in text
    assert "2 changed 2 inserted 1 deleted 1 moved 1 split 1 merged 14 renumbered" in text
    assert "+56 −16 words" in text
    assert "Austria, France, Hungary" in text and "Kenya" in text
    assert "OP21 → PP15 moved: Notes → Recognizing" in text
    assert "PP2–13 → PP3–14 renumbered" in text
    assert "Changes at a glance" in text
    assert "Hide unchanged paragraphs" in text
    # The CSS-only control: a checkbox and a rule that hides quiet paragraphs.
    assert ("input", {"type": "checkbox", "id": "hide-quiet", "class": "toggle"}) in p.elements
    assert ".toggle:checked ~ main .quiet" in p.style


def test_moved_paragraph_links_both_ways() -> None:
    html = render(realistic(), RenderOptions())
    assert 'moved from <a href="#old-OP21">OP21</a>' in html
    assert 'id="old-OP21" data-stub="moved"' in html
    assert 'moved to <a href="#p-PP15">PP15</a>' in html
    # The stub stands where OP21 stood: after OP20, before the renumbered OP22.
    assert html.index('id="p-OP20"') < html.index('id="old-OP21"') < html.index('id="p-OP21"')


def test_lead_phrases_stay_italic_inside_diffs() -> None:
    html = render(small(), RenderOptions())
    assert "<del><em>Welcomes</em></del> <ins>" not in html
    assert "<del><em>Welcomes</em></del><ins><em>Recalls</em></ins> the report" in html
    p = page(realistic())
    assert "Calls upon" in p.em and "Takes note" in p.em and "Also requests" in p.em
    # The second piece of a split starts mid-paragraph: no old lead there.
    assert "Requests" in p.em
    # Spaces at the edge of an insertion stay outside it.
    assert "States <ins>in the African region</ins>;" in render(realistic(), RenderOptions())


def test_numbers_and_kinds() -> None:
    html = render(realistic(), RenderOptions())
    assert '<div class="body operative">\n<p class="para"><span class="num">2.</span>' in html
    assert '<div class="body sub-paragraph">\n<p class="para"><span class="num">(a)</span>' in html
    assert 'data-status="inserted"' in html and 'class="entry inserted"' in html


def test_footnote_change_shown_and_linked() -> None:
    html = render(realistic(), RenderOptions())
    assert '<sup class="fn-mark"><a href="#fn-new-1">1</a></sup>' in html
    assert 'id="fn-new-1"><sup>1</sup> A/<del>73/123.</del><ins>75/123 and Corr.1.</ins>' in html


@pytest.mark.parametrize("layout", LAYOUTS)
def test_hostile_text_is_inert(layout: str) -> None:
    html = render(hostile(), RenderOptions(layout=layout))
    p = Page(html)
    assert p.tags["script"] == 0 and p.tags["img"] == 0 and p.tags["a"] == len(p.attrs("href"))
    assert not any(k.startswith("on") for _, a in p.elements for k in a)
    text = p.all_text
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=\"document.title='pwned'\">" in text
    assert "{{ 7*7 }}" in text and "{% raw %}" in text and "49" not in text
    assert "[click](javascript:alert(1))" in text
    for raw in ("\x1b", "\u202e", "\x00", "\x9b"):
        assert raw not in html
    assert "␛[31mred" in text and "\\u202eevil" in text


def test_print_css() -> None:
    style = page(small()).style
    assert "@media print" in style and "break-inside: avoid" in style
    assert "@page" in style and "Times New Roman" in style
    assert ".controls, .toggle { display: none; }" in style


def _rules(css: str) -> list[tuple[list[str], str]]:
    """``a, b { x: y; }`` -> [(["a", "b"], "x: y;")], nested blocks (``@media``) flattened."""
    return [
        ([s.strip() for s in sel.split(",")], body.strip())
        for sel, body in re.findall(
            r"([^{}]+)\{([^{}]*)\}", re.sub(r"/\*.*?\*/", "", css, flags=re.S)
        )
    ]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_legend_explains_every_bar_and_the_dimming_also_in_print(layout: str) -> None:
    """Each colour a paragraph's margin bar can take has a sample in the legend; the
    dimmed paragraphs are named there; in print the legend and its samples stay."""
    html = render(realistic(), RenderOptions(layout=layout, generated=GENERATED))
    style = Page(html).style
    legend = html[html.index('<dl class="legend"') : html.index("</dl>", html.index('"legend"'))]
    colour = r"border-left-color: ([^;]+);"
    entry_bars = {
        sel: m[1]
        for sels, body in _rules(style)
        if (m := re.search(colour, body))
        for sel in sels
        if sel.startswith(".entry.")
    }
    bar_samples = {
        name: m[1]
        for sels, body in _rules(style)
        if (m := re.search(colour, body))
        for sel in sels
        if (name := sel.removeprefix(".bar-")) != sel
    }
    shown = set(re.findall(r'<span class="bar bar-([\w-]+)">', legend))
    assert {".entry.changed", ".entry.inserted", ".entry.deleted", ".entry.moved"} <= set(
        entry_bars
    )
    assert {bar_samples[n] for n in shown} >= set(entry_bars.values()), (entry_bars, shown)
    assert "quiet-sample" in legend
    assert all(w in legend for w in ("unchanged", "renumbered", "typographic"))
    # paper: nothing hides the legend, and its samples print in colour like the text
    printed = style[style.index("@media print") :]
    printed = printed[: printed.index("\n}") + 2]
    for sels, body in _rules(printed):
        if "display: none" in body:
            assert not {".legend", ".bar", ".ins-sample", ".del-sample"} & set(sels), sels
    adjusted = {s for sels, body in _rules(printed) if "print-color-adjust: exact" in body
                for s in sels}  # fmt: skip
    assert {".bar", ".ins-sample", ".del-sample", "ins", "del"} <= adjusted


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_legend_says_extraction_noise_is_dimmed_too(layout: str) -> None:
    """``establis hing`` -> ``establishing`` (a PDF's text cut a word) is dimmed like
    ``region’s`` -> ``region's``; the legend, on screen and on paper, names both."""
    from redline.compare import compare
    from redline.parser import parse_document

    def doc(op1: str) -> redline.model.Document:
        return parse_document(f"The General Assembly,\n\n1. {op1}\n\n2. Decides to act.\n")

    c = compare(doc("Welcomes the establis hing of the fund;"),
                doc("Welcomes the establishing of the fund;"))  # fmt: skip
    assert [e.status.value for e in c.entries] == ["typographic", "unchanged"]
    html = render(c, RenderOptions(layout=layout))
    assert re.search(r'class="entry[^"]*\bquiet"[^>]*data-status="typographic"', html)
    legend = html[html.index('<dl class="legend"') : html.index("</dl>", html.index('"legend"'))]
    dimmed = re.sub(r"</?d[td]>", " ", legend[legend.index("<dt>Dimmed") :])
    dimmed = " ".join(re.sub(r"<[^>]+>", "", dimmed).split())
    assert dimmed.startswith(
        "Dimmed unchanged, only renumbered, or typographic (typographic: the same words"
    )
    assert "quote, apostrophe, dash or space style" in dimmed
    assert "a word cut by a space" in dimmed and "a footnote number glued to a word" in dimmed
    printed = Page(html).style
    printed = printed[printed.index("@media print") :]
    hidden = [sel for sels, body in _rules(printed) if "display: none" in body for sel in sels]
    assert hidden and not any(".legend" in sel or ".quiet-sample" in sel for sel in hidden)
