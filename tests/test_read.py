"""Reading bytes into text: encodings read, bad input refused with a clear message."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from redline import parse_text
from redline.errors import InputError
from redline.parser.load import load
from redline.read import decode, not_a, read_bytes, split_pick

FIXTURES = Path(__file__).parent / "fixtures"
RESOLUTION = FIXTURES / "un" / "A_RES_75_197.txt"


def paragraphs(doc):
    return [(p.label, p.text) for p in doc.paragraphs]


# --- encodings are read, not refused -----------------------------------------


def test_utf8_with_and_without_bom_read_the_same():
    assert decode("Côte d’Ivoire".encode(), "a.txt") == ("Côte d’Ivoire", [])
    assert decode(codecs.BOM_UTF8 + "Côte d’Ivoire".encode(), "a.txt") == ("Côte d’Ivoire", [])


@pytest.mark.parametrize(
    "encoded",
    [
        codecs.BOM_UTF16_LE + "Côte d’Ivoire\r\n".encode("utf-16-le"),
        codecs.BOM_UTF16_BE + "Côte d’Ivoire\r\n".encode("utf-16-be"),
        "Côte d’Ivoire\r\n".encode("utf-16-le"),  # no BOM: every other byte is zero
    ],
    ids=["utf16-le-bom", "utf16-be-bom", "utf16-le-no-bom"],
)
def test_utf16_is_read(encoded):
    assert decode(encoded, "a.txt") == ("Côte d’Ivoire\n", [])


def test_windows_1252_is_read_with_a_warning():
    text, warnings = decode("“Côte d’Ivoire” – 50 €".encode("cp1252"), "a.txt")
    assert text == "“Côte d’Ivoire” – 50 €"
    assert warnings == ["a.txt: not UTF-8; read as Windows-1252"]


def test_crlf_and_cr_line_ends_become_lf():
    assert decode(b"one\r\ntwo\rthree\n", "a.txt")[0] == "one\ntwo\nthree\n"


def test_decomposed_accents_are_composed():
    decomposed = "Co\u0302te d\u2019Ivoire, Re\u0301publique"
    assert decode(decomposed.encode(), "a.txt")[0] == "Côte d’Ivoire, République"


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
        lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
        lambda t: t.encode("cp1252"),
        lambda t: t.replace("\n", "\r\n").encode("utf-8"),
        lambda t: t.replace("\n", "\r").encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le", "utf16-be", "cp1252", "crlf", "cr"],
)
def test_the_same_resolution_in_any_encoding_parses_to_the_same_paragraphs(tmp_path, encode):
    text = RESOLUTION.read_text(encoding="utf-8")
    reference = paragraphs(parse_text(text))
    assert len(reference) > 30
    path = tmp_path / "A_RES_75_197.txt"
    path.write_bytes(encode(text))
    doc = load(str(path))
    assert paragraphs(doc) == reference
    assert doc.symbol == "A/RES/75/197"


def test_decomposed_and_composed_resolutions_parse_alike(tmp_path):
    composed = "The General Assembly,\n\n1. Welcomes the report of Côte d’Ivoire;\n"
    path = tmp_path / "nfd.txt"
    path.write_text(composed.replace("ô", "o\u0302"), encoding="utf-8")
    assert paragraphs(load(str(path))) == paragraphs(parse_text(composed))


# --- bad input is refused, naming the file and the problem --------------------


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "file is empty"),
        (b"  \n\n\t \r\n", "file is empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "looks like a PDF file"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00report.txt", "looks like a ZIP archive"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a PNG image"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "looks like a gzip archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "looks like an old Word .doc file"),
        (b"{\\rtf1\\ansi Recalling", "looks like an RTF file"),
        (bytes(range(256)) * 8, "binary file"),
        (b"Recalling caf\xc3\xa9 and \x93quoted\x94", "mixed encodings"),  # UTF-8 + cp1252
        (b"Recalling \x81\x8d\x8f\x90\x9d", "undecodable bytes"),
        (codecs.BOM_UTF16_LE + b"R\x00\x00\xd8", "undecodable bytes"),  # lone surrogate
        (b"Recalling\x00 its resolution", "binary file"),
    ],
    ids=[
        "empty", "whitespace", "pdf", "zip", "png", "gzip", "doc", "rtf", "binary",
        "mixed", "undecodable", "bad-utf16", "nul",
    ],
)  # fmt: skip
def test_bad_bytes_are_refused_with_a_clear_message(data, problem):
    with pytest.raises(InputError) as e:
        decode(data, "draft.txt")
    assert str(e.value).startswith("draft.txt: ")
    assert problem in str(e.value)
    assert "\n" not in str(e.value)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_bytes(str(tmp_path / "nope.txt"))


def test_directory(tmp_path):
    with pytest.raises(InputError, match="is a directory"):
        read_bytes(str(tmp_path))


def test_permission_denied_on_open(tmp_path, monkeypatch):
    # root reads a chmod 000 file anyway, so the refusal is simulated
    path = tmp_path / "secret.txt"
    path.write_text("The General Assembly,\n")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", refuse)
    with pytest.raises(InputError, match=r"secret\.txt: permission denied"):
        read_bytes(str(path))


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_permission_denied_for_real(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("The General Assembly,\n")
    path.chmod(0)
    try:
        with pytest.raises(InputError, match="permission denied"):
            read_bytes(str(path))
    finally:
        path.chmod(0o644)


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2000)
    monkeypatch.setattr("builtins.open", lambda *a, **k: pytest.fail("read a file too big"))
    with pytest.raises(InputError, match=r"too large .*--max-size"):
        read_bytes(str(path), max_size=1000)


def test_a_zip_bomb_posing_as_word_is_refused_before_it_is_unpacked(tmp_path):
    import zipfile

    bomb = tmp_path / "L.11.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document>" + " " * 2_000_000 + "</w:document>")
    assert bomb.stat().st_size < 20_000
    with pytest.raises(InputError, match=r"L\.11\.docx: unpacks to 2\.0 MB, .*ZIP bomb"):
        load(str(bomb), max_size=100_000)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
         "draft.doc: looks like an old Word .doc file or a password-protected .docx: "
         "redline cannot read it; save it as .docx without a password"),
        (b"{\\rtf1\\ansi Recalling",
         "draft.doc: looks like an RTF file: redline cannot read it; save it as .docx or plain text"),
    ],
    ids=["doc", "rtf"],
)  # fmt: skip
def test_a_doc_or_rtf_says_what_it_is_and_what_to_do(data, message):
    """It said "save it as .docx or plain text, not a text document": advice, then a
    contradiction."""
    with pytest.raises(InputError) as e:
        decode(data, "draft.doc")
    assert str(e.value) == message


# --- a file named .pdf or .docx that is not one -----------------------------------


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("A_RES_80_17.pdf", b"<!DOCTYPE html><html><body><h1>403 Forbidden</h1></body></html>\n",
         "named .pdf but it is not a PDF (it starts like an HTML page: a failed download?)"),
        ("A_RES_80_17.PDF", b"\n<html lang=en><head><title>404</title></head></html>",
         "named .PDF but it is not a PDF (it starts like an HTML page: a failed download?)"),
        ("x.pdf", b"Recalling its resolution 79/16,\n", "named .pdf but it is not a PDF (it is plain text)"),
        ("x.pdf", "Recalling\n".encode("utf-16"), "named .pdf but it is not a PDF (it is plain text)"),
        ("x.pdf", b"<?xml version='1.0'?><a/>", "named .pdf but it is not a PDF (it is an XML file)"),
        ("x.pdf", bytes(range(256)) * 8, "named .pdf but it is not a PDF (it is binary data)"),
        ("x.docx", b"hello\n", "named .docx but it is not a Word document (it is plain text)"),
        ("x.docx", b"PK\x03\x04\x14\x00\x00\x00\x08\x00notes.txt",
         "named .docx but it is not a Word document (it is a ZIP archive with no word/document.xml)"),
        ("x.docx", b"{\\rtf1\\ansi Recalling",
         "named .docx but it is not a Word document (it is an RTF file: save it as .docx or plain text)"),
        ("x.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
         "the Word document is protected by a password (or is an old .doc); save it as .docx "
         "without a password"),
        ("x.docx", b" \n", "file is empty"),
    ],
    ids=["html", "html-upper", "text", "utf16", "xml", "binary", "docx-text", "docx-zip",
         "docx-rtf", "docx-ole", "empty"],
)  # fmt: skip
def test_a_file_named_pdf_or_docx_that_is_not_one_is_refused(tmp_path, name, data, message):
    """A failed download saved as .pdf was compared as plain text (``check``: "differs")."""
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as e:
        load(str(path))
    assert str(e.value) == f"{path}: {message}"


def test_a_zip_named_docx_says_what_office_file_it_is(tmp_path):
    import zipfile

    path = tmp_path / "book.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(InputError, match=r"not a Word document \(it is an Excel workbook\)$"):
        load(str(path))


def test_the_bytes_decide_a_pdf_or_word_document_whatever_its_name(tmp_path):
    """The name is only checked when the bytes are neither: a real PDF named .docx is a PDF."""
    pdf = (Path(__file__).parent.parent / "examples" / "A_RES_79_16.pdf").read_bytes()
    (tmp_path / "misnamed.docx").write_bytes(pdf)
    assert load(str(tmp_path / "misnamed.docx")).symbol == "A/RES/79/16"
    (tmp_path / "named.txt").write_bytes(b"The General Assembly,\n\n1. Urges States to act;\n")
    assert load(str(tmp_path / "named.txt")).counts()["operative"] == 1


def test_one_message_says_what_a_file_is_not():
    assert not_a(".docx") == "not a Word document (.docx)"  # verify-tracked's
    assert not_a(".pdf", b"<html>") == "not a PDF (it starts like an HTML page: a failed download?)"


# --- report.md#IV: where the path ends and the pick begins -------------------------


def test_split_pick_takes_the_last_hash_whose_path_exists(tmp_path):
    """A file name holding a ``#`` was split at its first ``#``: "rep: no such file"."""
    (tmp_path / "rep#1.md").write_text("x")
    (tmp_path / "a#b").mkdir()
    (tmp_path / "a#b" / "r.md").write_text("x")
    here = str(tmp_path)
    assert split_pick(f"{here}/rep#1.md") == (f"{here}/rep#1.md", None)  # exists as given
    assert split_pick(f"{here}/rep#1.md#IV") == (f"{here}/rep#1.md", "IV")
    assert split_pick(f"{here}/a#b/r.md#II") == (f"{here}/a#b/r.md", "II")
    assert split_pick(f"{here}/rep#1.md#") == (f"{here}/rep#1.md", None)
    # no part exists: the pick is after the last #, so the error names the whole path
    assert split_pick(f"{here}/gone#1.md#IV") == (f"{here}/gone#1.md", "IV")
    assert split_pick("-#IV") == ("-", "IV")
