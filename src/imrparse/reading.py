"""Reading one letter file, or one input's bytes, into letters.

:func:`parse_file` reads one ``.txt`` or ``.pdf`` file; :func:`parse_file_letters` reads
every letter of a file that holds several; :func:`parse_bytes` and
:func:`parse_bytes_letters` do the same for bytes read elsewhere (standard input).
"""

from __future__ import annotations

import errno
import os
import re

import attrs

from .diagnostics import Collector
from .errors import ParseError
from .parser import parse, parse_letters, raise_first_error
from .paths import path_name
from .pdf import extract_text as extract_pdf_text
from .pdf import read_pages as read_pdf_pages
from .pdf import read_text as read_pdf
from .records import Diagnostic, Letter
from .spanrows import paged

__all__ = [
    "decode_text",
    "failed_letter",
    "parse_bytes",
    "parse_bytes_letters",
    "parse_file",
    "parse_file_letters",
]

# A case number in a file name ("CM16-0237844.pdf", "letters/cm16-0237844 (2).txt").
_CASE_IN_NAME = re.compile(r"(?<![A-Za-z0-9])CM\d{2}-\d{7}(?!\d)", re.IGNORECASE)


def parse_file(
    path: str | os.PathLike[str],
    *,
    strict: bool = False,
    keep_text: bool = False,
    spans: bool = True,
) -> Letter:
    """Read one letter file and parse it; the letter's ``source`` is the path.

    ``.txt`` files are read as UTF-8; a file that is not valid UTF-8 is read as
    Windows-1252 instead, and the letter gets an ``encoding-fallback`` diagnostic.
    ``.pdf`` files need the optional ``pdf`` extra (``pip install "imrparse[pdf]"``),
    which reads them with PDFium: DWC's published PDFs, encrypted and flagged as not
    allowing text extraction, open as they are. The text of the pages, joined by line
    breaks, goes through the same cleaning and grammar as any text (see the docs' PDF
    input page).

    When the text states no case number but the file's name holds one, as DWC's
    decision search names its files (``CM16-0237844.pdf``), the letter takes it, with a
    ``case-number-from-file-name`` diagnostic saying so.

    Raises :class:`OSError` when the file is missing or cannot be read (``FileNotFoundError``,
    "no such file or folder"), or is a folder (``IsADirectoryError``), and
    :class:`~imrparse.ParseError` for a file type other than ``.txt`` and ``.pdf``
    (code ``read-error``) or a ``.pdf`` that gives no text: ``not-a-pdf``,
    ``damaged-pdf``, ``encrypted-pdf`` (a password is needed), ``no-text-layer`` (a
    scan) or ``missing-extra``. With ``strict=True``, an error in the letter raises
    :class:`~imrparse.ParseError` as :func:`~imrparse.parse` does.

    The letter's spans (:meth:`~imrparse.Letter.span`) are offsets into the text that was
    parsed: the file's text decoded, or a PDF's extracted text, whose pages the spans
    know. ``keep_text=True`` keeps that text in :attr:`~imrparse.Letter.text`, so that a
    span can be read (``letter.text[span.start : span.end]``). ``spans=False`` leaves
    the spans out (see :func:`~imrparse.parse`).

    >>> import imrparse, pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "CM16-0000001.txt"
    >>> _ = path.write_text(imrparse.examples.read_text("overturned"), encoding="utf-8")
    >>> letter = imrparse.parse_file(path)
    >>> letter.source == str(path), letter.layout, letter.case_number
    (True, 'fdl-2014', 'CM16-0000001')
    >>> [d.code for d in letter.diagnostics]
    ['case-number-from-file-name']
    """
    name = path_name(path, "parse_file")
    text, note, pages = _read_pages(name)
    letter = parse(text, strict=strict, spans=spans)
    if (pages and letter.spans) or keep_text:  # _sourced's and these in one copy
        letter = attrs.evolve(
            letter,
            source=name,
            diagnostics=((note,) if note is not None else ()) + letter.diagnostics,
            spans=paged(letter.spans, pages),
            text=text if keep_text else None,
        )
    else:
        letter = _sourced(letter, name, note)
    return letter if letter.case_number is not None else _case_from_name(letter, name)


def _read_pages(name: str) -> tuple[str, Diagnostic | None, list[int]]:
    """:func:`_read_text`, and where a PDF's pages start in its text (else ``[]``)."""
    if _suffix(name) == ".pdf" and os.path.isfile(name):
        text, pages = read_pdf_pages(name)
        return text, None, pages
    text, note = _read_text(name)
    return text, note, []


def _read_text(name: str) -> tuple[str, Diagnostic | None]:
    """A letter file's text, and the ``encoding-fallback`` note of a .txt file read as
    Windows-1252; raises as :func:`parse_file` documents."""
    suffix = _suffix(name)
    if os.path.isdir(name):
        raise IsADirectoryError(
            errno.EISDIR,
            "is a folder, not a letter file (parse_many reads a folder's letters)",
            name,
        )
    if not os.path.exists(name):  # missing (or a link to nothing): say so, whatever the name
        raise FileNotFoundError(errno.ENOENT, "no such file or folder", name)
    if suffix == ".txt":
        with open(name, "rb") as fh:
            return decode_text(fh.read())
    if suffix == ".pdf":
        return read_pdf(name), None
    raise ParseError(
        f"unsupported file type {suffix or '(no suffix)'!r}; expected .txt or .pdf",
        code="read-error",
    )


def _suffix(name: str) -> str:
    """The file name's suffix in lower case, as ``pathlib.PurePath.suffix`` tells it (not
    imported for this: pathlib costs a tenth of ``import imrparse``)."""
    base = os.path.basename(os.path.normpath(name))
    dot = base.rfind(".")
    return base[dot:].lower() if 0 < dot < len(base) - 1 else ""


def _sourced(letter: Letter, source: str | None, note: Diagnostic | None) -> Letter:
    """The letter with its ``source``, and the note its decoding left, first."""
    extra = (note,) if note is not None else ()
    return attrs.evolve(letter, source=source, diagnostics=extra + letter.diagnostics)


def _case_from_name(letter: Letter, name: str) -> Letter:
    """The letter with the case number its file's name holds, if exactly one."""
    base = os.path.basename(name)
    found = {match.upper() for match in _CASE_IN_NAME.findall(base)}
    if len(found) != 1:
        return letter
    [case] = found
    note = Collector()
    note.add(
        "case-number-from-file-name",
        f"the text states no case number; {case} is taken from the file name {base!r}",
    )
    return attrs.evolve(
        letter, case_number=case, diagnostics=letter.diagnostics + tuple(note.items)
    )


def parse_file_letters(
    path: str | os.PathLike[str], *, strict: bool = False, spans: bool = True
) -> tuple[Letter, ...]:
    """Read one letter file and parse every letter in it (see :func:`~imrparse.parse_letters`).

    :func:`parse_file` reads the first letter of a file that holds several (merged PDFs,
    concatenated texts) and reports the others with a ``several-letters`` error; this
    gives them all, in order, each with the file as its ``source`` and its lines in the
    file's text in ``source_lines``. A file of one letter gives what :func:`parse_file`
    gives, alone. Raises as :func:`parse_file` does; ``spans`` is as for it.

    >>> import imrparse, pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "merged.txt"
    >>> _ = path.write_text(imrparse.examples.read_text("overturned") * 2, encoding="utf-8")
    >>> [letter.source_lines for letter in imrparse.parse_file_letters(path)]
    [(1, 72), (73, 144)]
    >>> imrparse.parse_file(path).diagnostics[-1].code
    'several-letters'
    """
    name = path_name(path, "parse_file_letters")
    text, note = _read_text(name)
    letters = parse_letters(text, spans=spans)  # (one parse, for a file of one letter)
    if len(letters) == 1:
        letter = _sourced(letters[0], name, note)
        letters = (letter if letter.case_number is not None else _case_from_name(letter, name),)
    else:  # (the file's name holds one case number, not one for each letter)
        letters = tuple(_sourced(letter, name, note) for letter in letters)
    if strict:
        for letter in letters:
            raise_first_error(letter)
    return letters


def parse_bytes(
    data: bytes, *, source: str | None = None, strict: bool = False, spans: bool = True
) -> Letter:
    """Decode a letter's bytes with :func:`decode_text` and parse them; ``source`` is kept
    (``strict`` and ``spans`` as for :func:`~imrparse.parse`).

    Bytes that start as a PDF does (``%PDF-``) are read as a PDF (see
    :func:`imrparse.pdf.extract_text`, which raises :class:`~imrparse.ParseError` for
    one that gives no text or without the ``pdf`` extra).

    >>> letter = parse_bytes("Flexeril®".encode("cp1252"), source="-")
    >>> letter.source, letter.diagnostics[0].code
    ('-', 'encoding-fallback')
    """
    text, note = _text_of(data)
    return _sourced(parse(text, strict=strict, spans=spans), source, note)


def parse_bytes_letters(
    data: bytes, *, source: str | None = None, spans: bool = True
) -> tuple[Letter, ...]:
    """Decode bytes as :func:`parse_bytes` does and parse every letter they hold (see
    :func:`~imrparse.parse_letters`), each with ``source``; a PDF's bytes are read as a
    PDF, as :func:`parse_bytes` says; ``spans`` as for :func:`~imrparse.parse`.

    >>> import imrparse
    >>> text = imrparse.examples.read_text("overturned")
    >>> [x.source_lines for x in parse_bytes_letters((text * 2).encode(), source="-")]
    [(1, 72), (73, 144)]
    """
    text, note = _text_of(data)
    letters = parse_letters(text, spans=spans)
    return tuple(_sourced(letter, source, note) for letter in letters)


def _text_of(data: bytes) -> tuple[str, Diagnostic | None]:
    """A PDF's text (bytes that start with ``%PDF-``), else the bytes decoded."""
    if data.lstrip()[:5] == b"%PDF-":
        return extract_pdf_text(data), None
    return decode_text(data)


def decode_text(data: bytes) -> tuple[str, Diagnostic | None]:
    """Decode a letter file's bytes: UTF-8 (a byte-order mark is dropped), else Windows-1252.

    The second item is the ``encoding-fallback`` diagnostic when UTF-8 failed, else ``None``.
    The few bytes Windows-1252 leaves undefined are read as Latin-1, so decoding never fails.

    >>> decode_text("Flexeril®".encode("utf-8"))
    ('Flexeril®', None)
    >>> text, note = decode_text("Flexeril®".encode("cp1252"))
    >>> text, note.code
    ('Flexeril®', 'encoding-fallback')
    """
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        where = exc.start
    try:
        text, encoding = data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "Latin-1 (bytes undefined in Windows-1252)"
    line = data.count(b"\n", 0, where) + 1
    column = where - (data.rfind(b"\n", 0, where) + 1) + 1
    found = Collector()
    found.add(
        "encoding-fallback",
        f"not valid UTF-8 (first bad byte at offset {where}); decoded as {encoding}",
        line,
        column,
    )
    return text, found.items[0]


def failed_letter(source: str | None, message: str, *, code: str = "read-error") -> Letter:
    """An empty letter that records why its input could not be parsed.

    >>> failed_letter("a.doc", "unsupported file type").diagnostics[0].code
    'read-error'
    """
    found = Collector()
    found.add(code, message)
    return Letter(source=source, diagnostics=tuple(found.items))
