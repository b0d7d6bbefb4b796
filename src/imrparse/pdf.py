"""Reading a letter's text out of a PDF file, with PDFium (the ``pdf`` extra).

The extra installs `pypdfium2 <https://pypi.org/project/pypdfium2/>`_, Python bindings
to PDFium, the PDF engine of the Chromium browser. It opens DWC's published letters as
they are (encrypted with an empty user password, text extraction flagged as not
allowed), reads them an order of magnitude faster than the pure-Python readers, and
ships as a binary wheel for Linux, macOS and Windows, so nothing needs compiling.

:func:`read_text` gives the text the parser expects: line ends as ``\\n``, a word
hyphenated at a line end as ``-`` and a line break, and pages joined by a line break.
Every way a file can fail to give text raises :class:`~imrparse.ParseError` with its
own code:

``not-a-pdf``
    the file does not start as a PDF does (an image, a Word file, an HTML page saved
    with a ``.pdf`` name);
``damaged-pdf``
    it starts as a PDF, but PDFium cannot read it: truncated or otherwise damaged;
``encrypted-pdf``
    it needs a password to open (DWC's letters do not);
``no-text-layer``
    it opens, but no page holds text: a scan, which needs OCR first;
``missing-extra``
    the ``pdf`` extra is not installed (:func:`require` checks this once, up front).

PDFium is not thread-safe; this module serialises its calls with a lock, so reading
PDFs from several threads is safe (but not parallel: use processes, as
:func:`~imrparse.parse_many` does).
"""

from __future__ import annotations

import os
import threading
from types import ModuleType
from typing import Any

from .allocator import keep_heap
from .errors import ParseError

__all__ = ["INSTALL_HINT", "extract_text", "read_text", "require"]

INSTALL_HINT = 'pip install "imrparse[pdf]"'
"""The command that installs what reading PDFs needs."""

# PDFium's error codes (fpdfview.h, FPDF_ERR_*).
_ERR_PASSWORD = 4
_ERR_SECURITY = 5
# A PDF's header may follow up to 1024 bytes of junk (PDF 1.7, annex H).
_HEADER_WINDOW = 1024
_PAGE_IMAGE = 3  # FPDF_PAGEOBJ_IMAGE
_LOCK = threading.Lock()
# The buffer a page's text is copied into: one, reused under the lock, and grown when a
# page needs more (a ctypes array of a new length is an array type made anew, which
# costs more than copying a page's text). 16,384 UTF-16 units hold any page of a letter.
_BUFFER_UNITS = 16384
_buffer: Any = None

# What a file that is not a PDF usually is, by its first bytes.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"PK\x03\x04", "a ZIP archive (a Word or Excel file?)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"),
    (b"{\\rtf", "an RTF document"),
)


def require() -> None:
    """Check that the ``pdf`` extra is installed; raise :class:`~imrparse.ParseError`
    (code ``missing-extra``, with the command that installs it) if not.

    A program that is about to read many PDFs can call this once, up front, rather
    than meet the same error for every file.

    >>> require()  # the extra is installed here: nothing happens
    """
    _pdfium()


def read_text(path: str | os.PathLike[str]) -> str:
    """The text of the PDF file at ``path``, as :func:`extract_text` gives it.

    Raises :class:`OSError` when the file is missing or cannot be read, and
    :class:`~imrparse.ParseError` when it gives no text (see :func:`extract_text`).
    """
    return read_pages(path)[0]


def read_pages(path: str | os.PathLike[str]) -> tuple[str, list[int]]:
    """:func:`read_text`, and the offset in the text where each page starts (an empty
    list where they cannot be told apart). Raises as :func:`read_text` does."""
    with open(path, "rb") as fh:
        data = fh.read()
    return _extract(data)


def extract_text(data: bytes) -> str:
    """The text of a PDF held in ``data``: line ends as ``\\n``, a word hyphenated at
    a line end as ``-`` and a line break, pages joined by a line break.

    An encrypted PDF with an empty user password (as DWC publishes its letters) opens
    as any other; whether it flags text extraction as allowed is not asked. Raises
    :class:`~imrparse.ParseError` with code ``not-a-pdf``, ``damaged-pdf``,
    ``encrypted-pdf``, ``no-text-layer`` or ``missing-extra``.

    >>> extract_text(b"\\xff\\xd8\\xff\\xe0 JFIF")
    Traceback (most recent call last):
      ...
    imrparse.errors.ParseError: line 1, column 1: not a PDF file: it holds a JPEG image [not-a-pdf]
    """
    return _extract(data)[0]


def _extract(data: bytes) -> tuple[str, list[int]]:
    """:func:`extract_text`, and where each page starts in the text."""
    if data.find(b"%PDF-", 0, _HEADER_WINDOW) < 0:
        raise ParseError(f"not a PDF file: it holds {_kind(data)}", code="not-a-pdf")
    raw = _pdfium()
    with _LOCK:
        pages = _page_texts(raw, data)
    if not any(text and not text.isspace() for text in pages):
        raise ParseError(_no_text_message(raw, data, len(pages)), code="no-text-layer")
    return _joined(pages)


def _joined(pages: list[str]) -> tuple[str, list[int]]:
    """The text of ``pages`` (PDFium's) joined, and where each page starts in it (an
    empty list where that cannot be told)."""
    if any(page.endswith("\r") for page in pages[:-1]):
        # That "\r" and the "\n" joining its page to the next end one line in the text,
        # so where each page starts cannot be told from the pages' texts alone.
        return _lines("\n".join(pages)), []
    # Otherwise no line end spans two pages, and the text is the pages' texts joined:
    # each page's lines are made once.
    texts = [_lines(page) for page in pages]
    starts: list[int] = []
    at = 0
    for page in texts:
        starts.append(at)
        at += len(page) + 1
    return "\n".join(texts), starts


def _lines(text: str) -> str:
    # PDFium ends lines with "\r\n", and writes U+FFFE for a hyphen that ends a line
    # inside a word, joining the word's halves ("Guide\ufffelines").
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufffe", "-\n")


def _pdfium() -> ModuleType:
    """PDFium's bindings, imported on first use (importing initialises the library); the
    C allocator is asked to keep memory between documents
    (:func:`imrparse.allocator.keep_heap`, once a process)."""
    try:
        import pypdfium2.raw as bindings
    except ImportError:
        raise ParseError(
            f"reading PDF files needs the pdf extra: {INSTALL_HINT}", code="missing-extra"
        ) from None
    except OSError as exc:  # the package is there, but its PDFium library does not load
        raise ParseError(
            f"reading PDF files needs the pdf extra, whose PDFium library failed to load "
            f"({exc}); reinstall it: {INSTALL_HINT}",
            code="missing-extra",
        ) from None
    keep_heap()
    raw: ModuleType = bindings
    return raw


def _page_texts(raw: ModuleType, data: bytes) -> list[str]:
    """Each page's text as PDFium gives it. The caller holds the lock."""
    doc = raw.FPDF_LoadMemDocument64(data, len(data), None)  # `data` outlives `doc`
    if not doc:
        _raise_open_error(raw.FPDF_GetLastError(), data)
    try:
        texts = []
        for index in range(raw.FPDF_GetPageCount(doc)):
            page = raw.FPDF_LoadPage(doc, index)
            if not page:
                raise ParseError(
                    f"damaged PDF: page {index + 1} cannot be read", code="damaged-pdf"
                )
            try:
                texts.append(_page_text(raw, page, index))
            finally:
                raw.FPDF_ClosePage(page)
        return texts
    finally:
        raw.FPDF_CloseDocument(doc)


def _page_text(raw: ModuleType, page: object, index: int) -> str:
    import ctypes  # (here: loaded with PDFium's bindings, not by ``import imrparse``)

    textpage = raw.FPDFText_LoadPage(page)
    if not textpage:
        raise ParseError(
            f"damaged PDF: the text of page {index + 1} cannot be read", code="damaged-pdf"
        )
    try:
        count = raw.FPDFText_CountChars(textpage)
        if count <= 0:
            return ""
        buffer = _text_buffer(count + 1)  # UTF-16 code units and a NUL
        written = raw.FPDFText_GetText(textpage, 0, count, buffer)
        return ctypes.string_at(buffer, 2 * max(0, written - 1)).decode("utf-16-le", "replace")
    finally:
        raw.FPDFText_ClosePage(textpage)


def _text_buffer(units: int) -> Any:
    """The text buffer, of at least ``units`` UTF-16 units. The caller holds the lock."""
    global _buffer
    if _buffer is None or len(_buffer) < units:
        import ctypes

        _buffer = (ctypes.c_ushort * max(units, _BUFFER_UNITS))()
    return _buffer


def _raise_open_error(error: int, data: bytes) -> None:
    if error in (_ERR_PASSWORD, _ERR_SECURITY):
        raise ParseError(
            "encrypted PDF: it does not open without a password (DWC's letters do), "
            "or its encryption data is damaged",
            code="encrypted-pdf",
        )
    if b"%%EOF" not in data[-_HEADER_WINDOW:]:
        why = "it ends early, with no end-of-file marker (a cut-off download?)"
    else:
        why = f"its structure is broken (PDFium error {error})"
    raise ParseError(f"damaged PDF: {why}; it cannot be opened", code="damaged-pdf")


def _no_text_message(raw: ModuleType, data: bytes, pages: int) -> str:
    if pages == 0:
        return "the PDF has no pages"
    what = "its page holds" if pages == 1 else f"its {pages} pages hold"
    if _count_images(raw, data):
        return f"no text layer: {what} only images (a scan?); run OCR on it first"
    return f"no text layer: {what} no text"


def _count_images(raw: ModuleType, data: bytes) -> int:
    """How many images the PDF's pages show (only asked when it has no text)."""
    images = 0
    with _LOCK:
        doc = raw.FPDF_LoadMemDocument64(data, len(data), None)
        try:
            for index in range(raw.FPDF_GetPageCount(doc)):
                page = raw.FPDF_LoadPage(doc, index)
                if not page:
                    continue
                for obj in range(raw.FPDFPage_CountObjects(page)):
                    kind = raw.FPDFPageObj_GetType(raw.FPDFPage_GetObject(page, obj))
                    images += kind == _PAGE_IMAGE
                raw.FPDF_ClosePage(page)
        finally:
            raw.FPDF_CloseDocument(doc)
    return images


def _kind(data: bytes) -> str:
    """A guess at what a file that is not a PDF holds, for the error message."""
    if not data:
        return "nothing (the file is empty)"
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    head = data[:_HEADER_WINDOW]
    if head.lstrip().lower().startswith((b"<!doctype html", b"<html")):
        return "an HTML page"
    if b"\x00" in head:
        return "data of another kind (no '%PDF-' header)"
    return "text (no '%PDF-' header)"
