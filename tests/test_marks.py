"""Footnote marks where they stand (issues 14, 18): `compare` places each cited mark
in the word diff (`Entry.old_marks`, `Entry.new_marks`), the HTML shows it there."""

from __future__ import annotations

from pathlib import Path

from redline.compare import compare
from redline.model import DELETE, INSERT, DocKind, Document, Paragraph, ParaKind
from redline.parser.load import load
from redline.render import RenderOptions
from redline.render.html import render

ROOT = Path(__file__).parent.parent
PAIRS = [
    (ROOT / "examples" / "A_RES_79_16.pdf", ROOT / "examples" / "A_C.1_80_L.1.pdf"),
    (ROOT / "tests/corpus/pdf/A_RES_79_227.pdf", ROOT / "tests/corpus/pdf/A_C.2_80_L.29.pdf"),
]


def test_every_mark_is_placed_after_the_text_it_follows() -> None:
    placed = 0
    for old, new in PAIRS:
        c = compare(load(str(old)), load(str(new)))
        for e in c.entries:
            for p, marks, other in ((e.old, e.old_marks, INSERT), (e.new, e.new_marks, DELETE)):
                if p is None or not p.footnotes:
                    continue
                assert marks is not None and [m.mark for m in marks] == list(p.footnotes)
                for m, at in zip(marks, p.marks_at, strict=True):
                    before = (
                        "".join(s.text for s in e.segments[: m.segment] if s.op != other)
                        + e.segments[m.segment].text[: m.offset]
                    )
                    assert before == p.text[:at]
                    placed += 1
    assert placed > 60


def test_html_shows_the_mark_after_its_word() -> None:
    c = compare(load(str(PAIRS[0][0])), load(str(PAIRS[0][1])))
    html = render(c, RenderOptions())
    assert 'General Assembly,<sup class="fn-mark"><a href="#fn-new-1">1</a></sup></p>' in html
    assert '10 October 1990<sup class="fn-mark"><a href="#fn-new-4">4</a></sup> or other' in html
    side = render(c, RenderOptions(layout="side-by-side"))
    assert side.count('<a href="#fn-new-4">4</a></sup> or other') == 2  # old and new cell


def _doc(text: str, marks: tuple[str, ...], at: tuple[int, ...]) -> Document:
    p = Paragraph("PP1", ParaKind.PREAMBULAR, None, "", text, marks, (1, 1), marks_at=at)
    return Document("<pdf>", "pdf", DocKind.RESOLUTION, paragraphs=(p,))


def test_adjacent_marks_are_separated_and_unknown_positions_go_at_the_end() -> None:
    text = "Recalling its instruments, and the report"
    c = compare(_doc(text, ("1", "2"), (26, 26)), _doc(text, ("1", "2"), (26, 26)))
    html = render(c, RenderOptions())
    assert 'instruments,<sup class="fn-mark">1<span class="fn-sep">,</span>2</sup> and' in html
    c = compare(_doc(text, ("1", "2"), ()), _doc(text, ("1", "2"), ()))
    assert c.entries[0].new_marks is None
    html = render(c, RenderOptions())
    assert 'the report<sup class="fn-mark">1<span class="fn-sep">,</span>2</sup></p>' in html
