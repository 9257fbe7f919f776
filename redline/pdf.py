"""PDF pages as positioned text runs, read with PDFium (the one module that calls it).

PDFium comes in pypdfium2's wheel (``pypdfium2_raw/libpdfium.so``). Its Python
bindings declare every PDFium function at import (about 70 ms); this module
declares the twenty-odd it uses, with ctypes, on the same library.

A page becomes `Run`s: stretches of characters of one text object on one
baseline, with their font size, italic and bold, and how the run is separated
from the previous one (touching, a drawn space, a space PDFium inferred from the
gap, or a line break). Thin filled paths become `rules` (the separator above the
footnotes, the rules under the masthead); images are kept as boxes (the barcode,
the recycling mark). Nothing here knows what a resolution is.

>>> from pathlib import Path
>>> pages = read_pdf(Path("examples/A_RES_79_16.pdf").read_bytes(), "A_RES_79_16.pdf")
>>> len(pages), pages[0].width, pages[0].height
(3, 612.0, 792.0)
>>> [(r.text, round(r.size), r.bold) for r in pages[0].runs][:3]
[('United', 14, False), ('Nations', 14, False), ('A', 20, False)]
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import threading
from ctypes import (
    POINTER,
    c_char_p,
    c_double,
    c_float,
    c_int,
    c_size_t,
    c_ulong,
    c_ushort,
    c_void_p,
)
from dataclasses import dataclass
from typing import Any, NamedTuple

from redline.errors import InputError

MAX_PAGES = 2000
"""A PDF with more pages is refused: the longest UN report has a few hundred."""
MAX_CHARS = 5_000_000
"""Characters over all pages beyond which a PDF is refused (about 1,500 dense pages)."""


class Run(NamedTuple):
    """Characters of one text object on one baseline (top-down page coordinates).

    A named tuple, not a frozen dataclass: a ten-page resolution has some 5,000 runs,
    and a tuple is made in a third of the time (issue 14's reading-speed target)."""

    text: str
    x0: float
    """Left edge: the first character's origin."""
    x1: float
    """Right edge of the last character."""
    baseline: float
    """Distance of the baseline from the top of the page."""
    size: float
    italic: bool
    bold: bool
    sep: str
    """Before this run: ``""`` touching, ``" "`` a drawn space, ``"~"`` a space PDFium
    inferred from a gap, ``"\\n"`` a line break."""


@dataclass(frozen=True)
class Box:
    """A rectangle in top-down page coordinates."""

    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class Page:
    """One page: its size, its text runs in reading order, its rules and images."""

    number: int
    width: float
    height: float
    runs: tuple[Run, ...]
    rules: tuple[Box, ...] = ()
    images: tuple[Box, ...] = ()


class _RectF(ctypes.Structure):
    _fields_ = [("left", c_float), ("top", c_float), ("right", c_float), ("bottom", c_float)]


_D = POINTER(c_double)
_F = POINTER(c_float)
_SIGNATURES: dict[str, tuple[Any, list[Any]]] = {
    "FPDF_InitLibrary": (None, []),
    "FPDF_LoadMemDocument64": (c_void_p, [c_void_p, c_size_t, c_char_p]),
    "FPDF_GetLastError": (c_ulong, []),
    "FPDF_CloseDocument": (None, [c_void_p]),
    "FPDF_GetPageCount": (c_int, [c_void_p]),
    "FPDF_LoadPage": (c_void_p, [c_void_p, c_int]),
    "FPDF_ClosePage": (None, [c_void_p]),
    "FPDF_GetPageWidthF": (c_float, [c_void_p]),
    "FPDF_GetPageHeightF": (c_float, [c_void_p]),
    "FPDFText_LoadPage": (c_void_p, [c_void_p]),
    "FPDFText_ClosePage": (None, [c_void_p]),
    "FPDFText_CountChars": (c_int, [c_void_p]),
    "FPDFText_GetText": (c_int, [c_void_p, c_int, c_int, POINTER(c_ushort)]),
    "FPDFText_GetUnicode": (ctypes.c_uint, [c_void_p, c_int]),
    "FPDFText_IsGenerated": (c_int, [c_void_p, c_int]),
    "FPDFText_GetCharOrigin": (c_int, [c_void_p, c_int, _D, _D]),
    "FPDFText_GetLooseCharBox": (c_int, [c_void_p, c_int, POINTER(_RectF)]),
    "FPDFText_GetFontSize": (c_double, [c_void_p, c_int]),
    "FPDFText_GetTextObject": (c_void_p, [c_void_p, c_int]),
    "FPDFTextObj_GetFont": (c_void_p, [c_void_p]),
    "FPDFFont_GetBaseFontName": (c_size_t, [c_void_p, c_char_p, c_size_t]),
    "FPDFFont_GetFlags": (c_int, [c_void_p]),
    "FPDFFont_GetWeight": (c_int, [c_void_p]),
    "FPDFFont_GetItalicAngle": (c_int, [c_void_p, POINTER(c_int)]),
    "FPDFPage_CountObjects": (c_int, [c_void_p]),
    "FPDFPage_GetObject": (c_void_p, [c_void_p, c_int]),
    "FPDFPageObj_GetType": (c_int, [c_void_p]),
    "FPDFPageObj_GetBounds": (c_int, [c_void_p, _F, _F, _F, _F]),
}
_PATH, _IMAGE = 2, 3  # FPDF_PAGEOBJ_*
_ERR_PASSWORD = 4  # FPDF_ERR_PASSWORD
_LOCK = threading.Lock()  # PDFium is not thread-safe
_LIB: Any = None


def _lib() -> Any:
    """The PDFium library of pypdfium2's wheel, initialised once."""
    global _LIB
    if _LIB is None:
        spec = importlib.util.find_spec("pypdfium2_raw")
        if spec is None or not spec.submodule_search_locations:
            raise InputError("pypdfium2", "PDF input needs pypdfium2 (pip install pypdfium2)")
        lib = ctypes.CDLL(os.path.join(list(spec.submodule_search_locations)[0], "libpdfium.so"))
        for name, (res, args) in _SIGNATURES.items():
            fn = getattr(lib, name)
            fn.restype, fn.argtypes = res, args
        lib.FPDF_InitLibrary()
        _LIB = lib
    return _LIB


_PER_CHAR = (
    ("FPDFText_GetCharOrigin", c_int),
    ("FPDFText_GetTextObject", c_void_p),
    ("FPDFText_IsGenerated", c_int),
    ("FPDFText_GetLooseCharBox", c_int),
)
"""The functions `_runs` calls for every word, and their result types."""
_PER_CHAR_FNS: tuple[Any, ...] = ()


def _per_char(lib: Any) -> tuple[Any, ...]:
    """`_PER_CHAR` without argument types, for the text page as a `c_void_p`.

    ctypes then passes the arguments as they are, which takes a third of the time
    (about 0.2 instead of 0.6 microseconds a call); a Python int for the handle
    would be passed cut to a C int, so only `_runs` calls these."""
    global _PER_CHAR_FNS
    if not _PER_CHAR_FNS:
        fns = []
        for name, res in _PER_CHAR:
            fn = lib[name]  # a new function object, beside the declared one
            fn.restype = res
            fns.append(fn)
        _PER_CHAR_FNS = tuple(fns)
    return _PER_CHAR_FNS


def read_pdf(data: bytes, where: str, max_pages: int = MAX_PAGES) -> tuple[Page, ...]:
    """Every page of a PDF as runs, rules and images; `InputError` if it cannot be read."""
    lib = _lib()
    buf = ctypes.create_string_buffer(data, len(data))
    with _LOCK:
        doc = lib.FPDF_LoadMemDocument64(buf, len(data), None)
        if not doc:
            err = lib.FPDF_GetLastError()
            if err == _ERR_PASSWORD:
                raise InputError(
                    where, "the PDF is encrypted with a password; save an unprotected copy"
                )
            raise InputError(where, "not a readable PDF (damaged or truncated?)")
        try:
            n = lib.FPDF_GetPageCount(doc)
            if n <= 0:
                raise InputError(where, "the PDF has no pages")
            if n > max_pages:
                raise InputError(
                    where, f"the PDF has {n} pages, more than the limit of {max_pages}"
                )
            pages: list[Page] = []
            chars = 0
            for k in range(n):
                page = _page(lib, doc, k)
                if page is None:  # a page tree that loops, a page object that is not one
                    raise InputError(
                        where,
                        f"not a readable PDF: page {k + 1} of {n} cannot be loaded (damaged?)",
                    )
                chars += sum(len(r.text) for r in page.runs)
                if chars > MAX_CHARS:
                    raise InputError(where, f"the PDF holds more than {MAX_CHARS:,} characters")
                pages.append(page)
            return tuple(pages)
        finally:
            lib.FPDF_CloseDocument(doc)
            _FONTS.clear()  # font handles are reused by the next document


def _page(lib: Any, doc: int, k: int) -> Page | None:
    page = lib.FPDF_LoadPage(doc, k)
    if not page:
        return None
    try:
        width, height = float(lib.FPDF_GetPageWidthF(page)), float(lib.FPDF_GetPageHeightF(page))
        rules, images = _graphics(lib, page, height)
        tp = lib.FPDFText_LoadPage(page)
        if not tp:
            return Page(k + 1, width, height, (), rules, images)
        try:
            runs = _runs(lib, tp, height)
        finally:
            lib.FPDFText_ClosePage(tp)
        return Page(k + 1, width, height, runs, rules, images)
    finally:
        lib.FPDF_ClosePage(page)


def _text(lib: Any, tp: int, n: int) -> str:
    """The page's characters, one per PDFium character index."""
    buf = (c_ushort * (n + 1))()
    got = lib.FPDFText_GetText(tp, 0, n, buf)
    text = bytes(buf)[: max(0, got - 1) * 2].decode("utf-16-le", errors="replace")
    if len(text) != n:  # characters outside the BMP: ask one by one
        text = "".join(chr(lib.FPDFText_GetUnicode(tp, i) or 0xFFFD) for i in range(n))
    return text


_FONTS: dict[int, tuple[bool, bool]] = {}
"""Italic and bold by font handle, for the document being read (under `_LOCK`)."""


def _style(lib: Any, obj: int) -> tuple[bool, bool]:
    """(italic, bold) of a text object, from its font's name, flags and weight."""
    font = lib.FPDFTextObj_GetFont(obj) if obj else None
    if not font:
        return (False, False)
    if font in _FONTS:
        return _FONTS[font]
    name_buf = ctypes.create_string_buffer(256)
    lib.FPDFFont_GetBaseFontName(font, name_buf, 256)
    name = name_buf.value.decode("latin-1").lower().rpartition("+")[2]  # "ABCDEF+TimesNewRoman"
    flags = lib.FPDFFont_GetFlags(font)
    weight = lib.FPDFFont_GetWeight(font)
    angle = c_int(0)
    lib.FPDFFont_GetItalicAngle(font, ctypes.byref(angle))
    italic = "italic" in name or "oblique" in name or bool(flags & 0x40) or angle.value != 0
    bold = (
        "bold" in name
        or "black" in name
        or "heavy" in name
        or weight >= 600
        or bool(flags & 0x40000)
    )
    _FONTS[font] = (italic, bold)
    return _FONTS[font]


_MARKISH = re.compile(r"[0-9*]")
"""Characters a footnote mark is printed in: a word holding one is read char by char."""
_WORD = re.compile(r"[^ \xa0\r\n]+")
"""What stands between spaces and line breaks (PDFium's, drawn or inferred)."""


def _runs(lib: Any, tp: int, height: float) -> tuple[Run, ...]:
    """The page's characters grouped into runs with PDFium's range call for the text
    and about three calls a word: the first character's text object and origin, the
    last one's right edge; size and style once an object.

    PDFium keeps a text object's characters together (all 264 corpus PDFs bear it
    out), so a word whose next word starts in its object lies wholly in it, and is
    one run; only the last word of an object needs its last character's object
    too (a word printed in two objects is split where the object changes)."""
    n = lib.FPDFText_CountChars(tp)
    if n <= 0:
        return ()
    # PDFium's marks for a hyphen at a line end, as a hyphen (same length: indices hold)
    text = _text(lib, tp, n).replace("\ufffe", "-").replace("\x02", "-")
    origin, text_object, generated, box = _per_char(lib)
    page = c_void_p(tp)  # `_per_char` functions take their handle converted
    font_size = lib.FPDFText_GetFontSize
    x, y = c_double(), c_double()
    xr, yr = ctypes.byref(x), ctypes.byref(y)
    rect = _RectF()
    rr = ctypes.byref(rect)
    objects: dict[int, tuple[float, bool, bool]] = {}
    runs: list[Run] = []
    add = runs.append

    def run(start: int, end: int, obj: int, sep: str) -> None:
        origin(page, start, xr, yr)
        box(page, end - 1, rr)
        info = objects.get(obj)
        if info is None:
            info = objects[obj] = (font_size(tp, start), *_style(lib, obj))
        size, italic, bold = info  # not Run(..., *info): a starred call is slower
        x0, x1 = x.value, rect.right
        right = x1 if x1 > x0 else x0
        add(Run(text[start:end], x0, right, height - y.value, size, italic, bold, sep))

    words = [m.span() for m in _WORD.finditer(text)]
    # the text object of each word's first character; None after the last word
    firsts = [text_object(page, start) for start, _ in words]
    firsts.append(None)
    last = 0  # where the previous word ends
    for w, (start, end) in enumerate(words):
        if w == 0 or "\n" in (gap := text[last:start]) or "\r" in gap:
            sep = "\n"
        elif generated(page, last) == 1 and (
            start - last == 1 or all(generated(page, i) == 1 for i in range(last + 1, start))
        ):
            sep = "~"
        else:
            sep = " "
        last = end
        first = firsts[w]
        one = (
            end - start == 1
            or (first is not None and first == firsts[w + 1])
            or text_object(page, end - 1) == first
        )
        if one and _MARKISH.search(text, start, end) is None:
            run(start, end, first, sep)
        else:  # several objects (a change of font), or digits that may be a raised mark
            cut, obj = start, first
            origin(page, start, xr, yr)
            base = y.value
            for i in range(start + 1, end):
                here = obj if one else text_object(page, i)
                origin(page, i, xr, yr)
                if here != obj or abs(y.value - base) >= 0.5:
                    run(cut, i, obj, sep if cut == start else "")
                    cut, obj, base = i, here, y.value
            run(cut, end, obj, sep if cut == start else "")
    return tuple(runs)


def _graphics(lib: Any, page: int, height: float) -> tuple[tuple[Box, ...], tuple[Box, ...]]:
    """Thin wide paths (rules) and images of a page, as boxes."""
    rules: list[Box] = []
    images: list[Box] = []
    left, b, r, t = c_float(), c_float(), c_float(), c_float()
    for i in range(min(lib.FPDFPage_CountObjects(page), 20000)):
        obj = lib.FPDFPage_GetObject(page, i)
        kind = lib.FPDFPageObj_GetType(obj)
        if kind not in (_PATH, _IMAGE) or not lib.FPDFPageObj_GetBounds(obj, left, b, r, t):
            continue
        box = Box(left.value, height - t.value, r.value, height - b.value)
        if kind == _IMAGE:
            images.append(box)
        elif box.bottom - box.top < 3 and box.x1 - box.x0 > 20:
            rules.append(box)
    return tuple(rules), tuple(images)
