"""Footnote marks where they stand (issues 14, 18): `compare` places each cited mark
in the word diff (`Entry.old_marks`, `Entry.new_marks`), the HTML shows it there."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from redline.compare import compare
from redline.model import DELETE, INSERT, DocKind, Document, Paragraph, ParaKind
from redline.parser.load import load
from redline.render import RenderOptions
from redline.render.html import render
from redline.render.json import render as json_render

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


# --- every reader says where its marks stand: Markdown, text, Word --------------------
# One paragraph in each input kind: mark 1 after "73/188,", mark 2 after
# "Secretary-General", marks 3 and 4 side by side after "Convention,". The old side
# says "resolution", the new one "resolutions", so the marks are placed in a word diff.

NOTES = ["A/RES/73/188.", "A/80/1.", "United Nations, Treaty Series, vol. 2349.", "Ibid."]
SHOWN = (  # the new paragraph in the HTML, from the first mark on
    '73/188,<sup class="fn-mark"><a href="#fn-new-1">1</a></sup> the report of the'
    ' Secretary-General<sup class="fn-mark"><a href="#fn-new-2">2</a></sup> and the'
    ' Convention,<sup class="fn-mark"><a href="#fn-new-3">3</a><span class="fn-sep">,</span>'
    '<a href="#fn-new-4">4</a></sup> and its Protocols,</p>'
)
BEFORE = ["73/188,", "Secretary-General", "Convention,", "Convention,"]


def markdown(word: str) -> bytes:
    """A resolution in Markdown: marks are ``<sup>`` after their word."""
    notes = "\n\n".join(f"<sup>{k}</sup> {n}" for k, n in enumerate(NOTES, 1))
    return (
        "*The General Assembly,*\n\n"
        f"*Recalling* its {word} 73/188,<sup>1</sup> the report of the Secretary-General"
        "<sup>2</sup> and the Convention,<sup>3</sup><sup>4</sup> and its Protocols,\n\n"
        f"1. *Urges* States to act;\n\n{notes}\n"
    ).encode()


def pdf_text(word: str) -> bytes:
    """A resolution as pdftotext prints it: marks are numbers glued to their word or
    set apart by a space, the notes under the rule at the page's foot."""
    notes = "\n".join(f"{k} {n}" for k, n in enumerate(NOTES, 1))
    return (
        "United Nations\nA/RES/80/1\n\nGeneral Assembly\nDistr.: General\n1 December 2025\n\n"
        "Eightieth session\nAgenda item 5\n\n80/1. Crime prevention\n\nThe General Assembly,\n\n"
        f"Recalling its {word} 73/188,1 the report of the Secretary-General 2 and the\n"
        "Convention,3 4 and its Protocols,\n\n1. Urges States to act;\n"
        f"__________________\n{notes}\n\f"
    ).encode()


def word(word: str) -> bytes:
    """A resolution in Word: marks are footnote references among the runs."""
    from tests.test_fuzz_docx import NAMESPACES, NO_NUMBERING, package, plain, t

    def ref(k: int) -> str:
        return f'<w:r><w:footnoteReference w:id="{k}"/></w:r>'

    para = (
        f"<w:p><w:r><w:rPr><w:i/></w:rPr>{t('Recalling')}</w:r>"
        f"<w:r>{t(f' its {word} 73/188,')}</w:r>{ref(1)}"
        f"<w:r>{t(' the report of the Secretary-General')}</w:r>{ref(2)}"
        f"<w:r>{t(' and the Convention,')}</w:r>{ref(3)}{ref(4)}"
        f"<w:r>{t(' and its Protocols,')}</w:r></w:p>"
    )
    notes = "".join(
        f'<w:footnote w:id="{k}"><w:p><w:r>{t(n)}</w:r></w:p></w:footnote>'
        for k, n in enumerate(NOTES, 1)
    )
    return package(
        [plain("The General Assembly,"), para, plain("1. Urges States to act;")],
        NO_NUMBERING,
        f"<w:footnotes {NAMESPACES}>{notes}</w:footnotes>",
    )


@pytest.mark.parametrize(
    ("write", "ext"), [(markdown, "md"), (pdf_text, "txt"), (word, "docx")],
    ids=["markdown", "pdf-text", "docx"],
)  # fmt: skip
def test_each_reader_places_marks_after_their_words(
    write: Callable[[str], bytes], ext: str, tmp_path: Path
) -> None:
    (tmp_path / f"old.{ext}").write_bytes(write("resolution"))
    (tmp_path / f"new.{ext}").write_bytes(write("resolutions"))
    old, new = (load(str(tmp_path / f"{side}.{ext}")) for side in ("old", "new"))
    p = new.paragraphs[0]
    assert p.text == (
        "Recalling its resolutions 73/188, the report of the Secretary-General"
        " and the Convention, and its Protocols,"
    )
    assert p.footnotes == ("1", "2", "3", "4")
    assert [p.text[:at].split()[-1] for at in p.marks_at] == BEFORE
    c = compare(old, new)
    assert SHOWN in render(c, RenderOptions())
    data = json.loads(str(json_render(c, RenderOptions())))
    entry = data["paragraphs"][0]
    for side in ("old", "new"):
        texts = [t if op != ("+" if side == "old" else "-") else "" for op, t in entry["diff"]]
        before = [
            ("".join(texts[: m["segment"]]) + texts[m["segment"]][: m["offset"]]).split()[-1]
            for m in entry["marks"][side]
        ]
        assert before == BEFORE, side
