"""A fuzz target for PDF input (issue 17): random bytes after ``%PDF-``, truncations of
a real PDF at any byte, page trees claiming huge page counts, and well-formed PDFs
whose pages print random text at random sizes and places (zero, negative, huge).

Every one reads as a document or is refused with one line (`InputError`, exit 2 in
the CLI), never a traceback or a hang. (tests/test_pdf.py flips bytes of a real PDF.)
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redline.errors import InputError
from tests.test_fuzz_docx import answered, cli, folder, time_limit

EXAMPLE = Path(__file__).parent.parent / "examples" / "A_RES_79_16.pdf"
FUZZ = settings(
    max_examples=40, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)


def pdf(objects: list[bytes]) -> bytes:
    """A PDF of `objects` (1 is the catalog) with a correct cross-reference table."""
    out = b"%PDF-1.4\n"
    offsets = []
    for k, o in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def literal(text: str) -> bytes:
    """A PDF string literal of `text` (Latin-1, backslashes and parentheses escaped)."""
    raw = text.encode("latin-1", "replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


NUMBER = st.one_of(
    st.integers(-50, 900), st.sampled_from([0, 10**9, -(10**9)]), st.floats(-1e6, 1e6)
)
SHOWN = st.one_of(
    st.sampled_from(["The General Assembly,", "1.", "Recalling", "2", "*", "_____", "(a)"]),
    st.text(max_size=20),
)


@st.composite
def printed_pdf(draw: st.DrawFn) -> bytes:
    """Pages of text at random sizes and places, and a page count that may lie."""
    pages = draw(st.integers(1, 3))
    ops = []
    for _ in range(pages):
        lines = []
        for _ in range(draw(st.integers(0, 12))):
            size, x, y = draw(NUMBER), draw(NUMBER), draw(NUMBER)
            rise = draw(st.sampled_from([b"", b"4 Ts "]))
            lines.append(
                b"BT /F1 %s Tf %s%s %s Td %s Tj ET"
                % (str(size).encode(), rise, str(x).encode(), str(y).encode(), literal(draw(SHOWN)))
            )
        ops.append(b"\n".join(lines))
    count = draw(st.sampled_from([pages, 0, 10**9, -1]))
    box = draw(st.sampled_from([b"[0 0 595 842]", b"[0 0 0 0]", b"[0 0 -5 1e9]"]))
    kids = b" ".join(b"%d 0 R" % (4 + 2 * k) for k in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for k in range(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Resources << /Font << /F1 3 0 R >> >>"
            b" /Contents %d 0 R >>" % (box, 5 + 2 * k)
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(ops[k]), ops[k]))
    return pdf(objects)


def reads_or_refuses(data: bytes) -> None:
    """`load` gives a document or one line of `InputError`; the CLI answers alike."""
    from redline.parser.load import load

    with folder({"x.pdf": data}), time_limit(30):
        try:
            load("x.pdf")
        except InputError as e:
            assert "\n" not in str(e)
        for args in (("show", "x.pdf"), ("check", "x.pdf", "x.pdf")):
            answered(cli(*args), *args)


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from([b"%PDF-1.4\n", b"%PDF-1.7\n", b"%PDF-"]))
def test_random_bytes_after_the_header(tail: bytes, head: bytes) -> None:
    reads_or_refuses(head + tail)


@FUZZ
@given(st.integers(0, EXAMPLE.stat().st_size))
def test_a_real_pdf_cut_anywhere(cut: int) -> None:
    reads_or_refuses(EXAMPLE.read_bytes()[:cut])


@FUZZ
@given(printed_pdf())
def test_random_text_at_random_sizes_and_places(data: bytes) -> None:
    reads_or_refuses(data)
