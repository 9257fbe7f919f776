"""Bytes to text: reading a path (or standard input) and decoding what it holds.

Reading is where bad input is caught: missing files, directories, binary files
given by mistake, undecodable or mixed encodings, enormous files. Each becomes
an `InputError` whose message names the file and the problem.

>>> decode(b"\\xef\\xbb\\xbfRecalling", "x.txt")
('Recalling', [])
>>> decode("Côte".encode("cp1252"), "x.txt")[1]
['x.txt: not UTF-8; read as Windows-1252']
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
import unicodedata

from redline.errors import InputError

DEFAULT_MAX_SIZE = 25 * 1024 * 1024  # bytes; the largest real UN text is < 1 MB
"""Inputs larger than this are refused unless ``--max-size`` says otherwise."""
DOCX_MAX_EXPANSION = 10  # times the size limit; real .docx files unpack to a few MB

# Magic numbers of files people attach by mistake, what to call them, and what to do
# when it is a format redline does not read but the document can be saved from.
_MAGIC = (
    (b"%PDF", "a PDF file", ""),  # where text is wanted (a sponsor list, a manifest)
    (b"PK\x03\x04", "a ZIP archive", ""),
    (b"\x89PNG", "a PNG image", ""),
    (b"GIF8", "a GIF image", ""),
    (b"\xff\xd8\xff", "a JPEG image", ""),
    (b"\x1f\x8b", "a gzip archive", ""),
    (b"\xd0\xcf\x11\xe0", "an old Word .doc file or a password-protected .docx",
     "save it as .docx without a password"),
    (b"{\\rtf", "an RTF file", "save it as .docx or plain text"),
    (b"\x7fELF", "a program (ELF binary)", ""),
)  # fmt: skip
_OLE = b"\xd0\xcf\x11\xe0"
"""An OLE compound file: an old .doc, or a .docx that Word encrypted with a password."""

_NAMED = {".pdf": "a PDF", ".docx": "a Word document"}
"""The extensions that promise a format read by its bytes, and what to call it."""


def read_bytes(path: str, max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    """The raw bytes of `path` (``-`` is standard input), with clear errors."""
    if path == "-":
        data = sys.stdin.buffer.read(max_size + 1)
    else:
        try:
            st = os.stat(path)
        except FileNotFoundError:
            raise InputError(path, "no such file") from None
        except PermissionError:
            raise InputError(path, "permission denied") from None
        except OSError as e:
            raise InputError(path, f"cannot read ({e.strerror})") from None
        if stat.S_ISDIR(st.st_mode):
            raise InputError(path, "is a directory, not a file")
        if st.st_size > max_size:
            raise InputError(path, _too_big(st.st_size, max_size))
        try:
            data = _read_at_most(path, stat.S_ISFIFO(st.st_mode), max_size + 1)
        except PermissionError:
            raise InputError(path, "permission denied") from None
        except OSError as e:
            raise InputError(path, f"cannot read ({e.strerror})") from None
    if len(data) > max_size:  # a stream or a device: its size is only "more than the limit"
        raise InputError(path, _too_big(len(data), max_size, more=True))
    return data


def _read_at_most(path: str, fifo: bool, n: int) -> bytes:
    """Up to `n` bytes of `path`. A FIFO is opened without waiting for a writer (a plain
    open blocks until one comes, forever if none does), then read as a pipe: up to the
    writer's end. With no writer there is nothing to read, which is an `InputError`.
    """
    if not fifo:
        with open(path, "rb") as f:
            return f.read(n)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as f:
        os.set_blocking(fd, True)  # a writer there now: wait for what it writes
        data = f.read(n)
    if not data:
        raise InputError(path, "a named pipe (FIFO) with no writer: nothing to read")
    return data


def _too_big(size: int, max_size: int, more: bool = False) -> str:
    """``file is too large (52.4 MB; the limit is 26.2 MB, …)``; bytes below a megabyte."""

    def amount(n: int) -> str:
        return f"{n / 1e6:.1f} MB" if n >= 1_000_000 else f"{n} bytes"

    if more:
        return f"file is too large (larger than the limit of {amount(max_size)}; raise it with --max-size)"
    return f"file is too large ({amount(size)}; the limit is {amount(max_size)}, raise it with --max-size)"


def is_pdf(data: bytes) -> bool:
    """True for a PDF: ``%PDF-`` within the first kilobyte, as PDF readers allow.

    >>> is_pdf(b"%PDF-1.7\\n..."), is_pdf(b"\\n\\n%PDF-1.4"), is_pdf(b"Recalling")
    (True, True, False)
    """
    return b"%PDF-" in data[:1024]


def is_docx(data: bytes) -> bool:
    """True for a Word .docx (a ZIP holding word/document.xml): a part under ``word/``
    named in the first 64 KB, or else in the ZIP's directory (a large part first).

    >>> is_docx(b"PK\\x03\\x04...word/document.xml"), is_docx(b"PK\\x03\\x04 notes.txt")
    (True, False)
    """
    if not data.startswith(b"PK\x03\x04"):
        return False
    return b"word/" in data[:65536] or any(n.startswith("word/") for n in _zip_names(data))


def _zip_names(data: bytes) -> list[str]:
    """The names in a ZIP's directory; none when it has no readable directory."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return z.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return []


def not_a(want: str, data: bytes | None = None) -> str:
    """The one message for a file that is not the PDF or Word document (`want`:
    ``.pdf`` or ``.docx``) it should be; given its bytes, what it is instead.

    >>> not_a(".docx")
    'not a Word document (.docx)'
    >>> not_a(".pdf", b"<!DOCTYPE html><html><body>403 Forbidden")
    'not a PDF (it starts like an HTML page: a failed download?)'
    >>> not_a(".docx", b"The General Assembly,")
    'not a Word document (it is plain text)'
    """
    return f"not {_NAMED[want]} ({want if data is None else _what_it_is(data)})"


def refuse_misnamed(data: bytes, path: str) -> None:
    """A file named ``.pdf`` or ``.docx`` whose bytes are neither a PDF nor a Word
    document is refused, not compared as text: a failed download saved as HTML, a
    text file renamed. (A PDF named .docx, or the reverse, is read by its bytes.)

    >>> refuse_misnamed(b"<html><h1>403 Forbidden</h1></html>", "A_RES_80_17.pdf")
    Traceback (most recent call last):
    ...
    redline.errors.InputError: A_RES_80_17.pdf: named .pdf but it is not a PDF (it starts like an HTML page: a failed download?)
    """
    ext = os.path.splitext(path)[1]
    if ext.lower() not in _NAMED or is_pdf(data) or is_docx(data):
        return
    if not data.strip():
        raise InputError(path, "file is empty")
    if ext.lower() == ".docx" and data.startswith(_OLE):
        raise InputError(
            path,
            "the Word document is protected by a password (or is an old .doc); "
            "save it as .docx without a password",
        )
    raise InputError(path, f"named {ext} but it is {not_a(ext.lower(), data)}")


def _what_it_is(data: bytes) -> str:
    """``it is plain text``, ``it starts like an HTML page: …``: what bytes hold, in a
    few words, for a file that is not what its name says."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<!doctype html") or b"<html" in head:
        return "it starts like an HTML page: a failed download?"
    if head.startswith(b"<?xml"):
        return "it is an XML file"
    if data.startswith(b"PK\x03\x04"):
        names = _zip_names(data)
        for part, what in (
            ("xl/", "an Excel workbook"),
            ("ppt/", "a PowerPoint presentation"),
            ("content.xml", "an OpenDocument file: save it as .docx"),
        ):
            if any(n.startswith(part) for n in names):
                return f"it is {what}"
        return "it is a ZIP archive with no word/document.xml"
    for magic, what, advice in _MAGIC:
        if data.startswith(magic):
            return f"it is {what}: {advice}" if advice else f"it is {what}"
    sample = data[:65536]
    if _looks_utf16(sample):
        return "it is plain text"
    if b"\x00" in sample or _binary_share(sample.decode("latin-1")) > 0.02:
        return "it is binary data"
    return "it is plain text"


def refuse_zip_bomb(data: bytes, path: str, max_size: int) -> None:
    """A .docx whose parts unpack to more than `DOCX_MAX_EXPANSION` times the size
    limit is refused before anything is unpacked (the sizes are in the ZIP directory,
    and Python's zipfile never reads past them)."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            unpacked = sum(i.file_size for i in z.infolist())
    except (zipfile.BadZipFile, ValueError):
        return  # the Word reader says what is wrong with it
    if unpacked > DOCX_MAX_EXPANSION * max_size:
        raise InputError(
            path,
            f"unpacks to {unpacked / 1e6:.1f} MB, more than {DOCX_MAX_EXPANSION} times the size "
            "limit (a ZIP bomb?); raise --max-size if the document is genuine",
        )


def decode(data: bytes, path: str) -> tuple[str, list[str]]:
    """Text from bytes: BOMs, UTF-16, UTF-8, Windows-1252 fallback; NFC, LF line ends.

    Returns the text and any warnings (one line each, naming the file).
    """
    warnings: list[str] = []
    if not data.strip():
        raise InputError(path, "file is empty")
    for magic, what, advice in _MAGIC:
        if data.startswith(magic):
            if advice:
                raise InputError(path, f"looks like {what}: redline cannot read it; {advice}")
            raise InputError(path, f"looks like {what}, not a text document")
    text: str | None = None
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(data[3:], "utf-8", path)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(data, "utf-16", path)
    elif _looks_utf16(data):
        enc = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        text = _strict(data, enc, path)
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            # a binary blob is not "mixed encodings" or "undecodable": say what it is
            sample = data[:65536].decode("latin-1")
            if "\x00" in sample or _binary_share(sample) > 0.02:
                raise InputError(path, "looks like a binary file, not a text document") from None
            if _has_utf8_multibyte(data):
                raise InputError(
                    path, "mixed encodings: part UTF-8, part something else; re-save as UTF-8"
                ) from None
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as e:
                raise InputError(
                    path,
                    f"undecodable bytes at offset {e.start}: not UTF-8, UTF-16 or Windows-1252",
                ) from None
            warnings.append(f"{path}: not UTF-8; read as Windows-1252")
    if not text.replace("\ufeff", "").strip():  # a BOM alone (UTF-8 or UTF-16), or blanks
        raise InputError(path, "file is empty")
    if "\x00" in text or _binary_share(text) > 0.02:
        raise InputError(path, "looks like a binary file, not a text document")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text), warnings


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise InputError(path, f"undecodable bytes at offset {e.start} ({encoding})") from None


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: every other byte of ASCII text is zero."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return False
    even, odd = sample[0::2], sample[1::2]
    return odd.count(0) > 0.9 * len(odd) or even.count(0) > 0.9 * len(even)


def _has_utf8_multibyte(data: bytes) -> bool:
    """True when the bytes hold at least one well-formed UTF-8 multi-byte character."""
    return re.search(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}", data) is not None


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _binary_share(text: str) -> float:
    """Share of control characters other than tab, newline, CR and form feed."""
    sample = text[:65536]
    if not sample:
        return 0.0
    return len(_CONTROL.findall(sample)) / len(sample)


def split_pick(source: str) -> tuple[str, str | None]:
    """``report.md#IV`` -> (``report.md``, ``IV``). A path that exists as given is never
    split; otherwise the pick follows the last ``#`` whose left part exists (a file name
    may hold a ``#``: ``rep#1.md#IV``), or the last ``#`` when no part exists.

    >>> split_pick("report.md#A/C.3/75/L.8/Rev.1")
    ('report.md', 'A/C.3/75/L.8/Rev.1')
    """
    if "#" not in source or os.path.exists(source):
        return source, None
    cuts = [i for i, c in enumerate(source) if c == "#"]
    cut = next((i for i in reversed(cuts) if os.path.exists(source[:i])), cuts[-1])
    path, pick = source[:cut], source[cut + 1 :]
    return path, (pick or None)
