"""Reading letters from files, and parsing many of them at once.

:func:`parse_file` reads one ``.txt`` or ``.pdf`` file; :func:`parse_many` parses a
batch of files or texts, in parallel processes when asked, and never lets one bad
input stop the batch.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Iterable, Iterator, Sized
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import TypeAlias

import attrs

from .diagnostics import Collector
from .errors import ParseError
from .parser import parse, parse_letters, raise_first_error
from .records import Diagnostic, Letter

__all__ = [
    "Source",
    "decode_text",
    "failed_letter",
    "is_path",
    "parse_bytes",
    "parse_file",
    "parse_file_letters",
    "parse_many",
]

Source: TypeAlias = "str | os.PathLike[str]"
"""One input of :func:`parse_many`: a path to a letter file, or a letter's text."""

PDF_INSTALL_HINT = 'pip install "imrparse[pdf]"'
_FILE_SUFFIXES = (".txt", ".pdf")
_DEFAULT_CHUNK = 32
_MAX_CHUNK = 128


def parse_file(path: str | os.PathLike[str], *, strict: bool = False) -> Letter:
    """Read one letter file and parse it; the letter's ``source`` is the path.

    ``.txt`` files are read as UTF-8; a file that is not valid UTF-8 is read as
    Windows-1252 instead, and the letter gets an ``encoding-fallback`` diagnostic.
    ``.pdf`` files need the optional ``pdf`` extra (``pip install "imrparse[pdf]"``):
    the text of each page, joined by line breaks, goes through the same cleaning and
    grammar as any text.

    Raises :class:`OSError` when the file is missing or cannot be read, and
    :class:`~imrparse.ParseError` (code ``read-error``) for a file type other than
    ``.txt`` and ``.pdf``, a PDF that cannot be read, or a missing ``pdf`` extra.
    With ``strict=True``, an error in the letter raises :class:`~imrparse.ParseError`
    as :func:`~imrparse.parse` does.

    >>> import imrparse, pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "letter.txt"
    >>> _ = path.write_text(imrparse.examples.read_text("overturned"), encoding="utf-8")
    >>> letter = imrparse.parse_file(path)
    >>> letter.source == str(path), letter.layout
    (True, 'fdl-2014')
    """
    name = os.fspath(path)
    suffix = Path(name).suffix.lower()
    if suffix == ".txt":
        with open(name, "rb") as fh:
            return parse_bytes(fh.read(), source=name, strict=strict)
    if suffix != ".pdf":
        raise ParseError(
            f"unsupported file type {suffix or '(no suffix)'!r}; expected .txt or .pdf",
            code="read-error",
        )
    return attrs.evolve(parse(_read_pdf(name), strict=strict), source=name)


def parse_file_letters(path: str | os.PathLike[str], *, strict: bool = False) -> tuple[Letter, ...]:
    """Read one letter file and parse every letter in it (see :func:`~imrparse.parse_letters`).

    :func:`parse_file` reads the first letter of a file that holds several (merged PDFs,
    concatenated texts) and reports the others with a ``several-letters`` error; this
    gives them all, in order, each with the file as its ``source`` and its lines in the
    file's text in ``source_lines``. A file of one letter gives what :func:`parse_file`
    gives, alone. Raises as :func:`parse_file` does.

    >>> import imrparse, pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "merged.txt"
    >>> _ = path.write_text(imrparse.examples.read_text("overturned") * 2, encoding="utf-8")
    >>> [letter.source_lines for letter in imrparse.parse_file_letters(path)]
    [(1, 72), (73, 144)]
    >>> imrparse.parse_file(path).diagnostics[-1].code
    'several-letters'
    """
    first = parse_file(path)
    if not any(item.code == "several-letters" for item in first.diagnostics):
        if strict:
            raise_first_error(first)
        return (first,)
    # -- several letters: read the text again and parse each (rare; kept apart) --------
    name = os.fspath(path)
    note: Diagnostic | None = None
    if Path(name).suffix.lower() == ".txt":
        with open(name, "rb") as fh:
            text, note = decode_text(fh.read())
    else:
        text = _read_pdf(name)
    extra = (note,) if note is not None else ()
    letters = tuple(
        attrs.evolve(letter, source=name, diagnostics=extra + letter.diagnostics)
        for letter in parse_letters(text)
    )
    if strict:
        for letter in letters:
            raise_first_error(letter)
    return letters


def parse_bytes(data: bytes, *, source: str | None = None, strict: bool = False) -> Letter:
    """Decode a letter's bytes with :func:`decode_text` and parse them; ``source`` is kept.

    >>> letter = parse_bytes("Flexeril®".encode("cp1252"), source="-")
    >>> letter.source, letter.diagnostics[0].code
    ('-', 'encoding-fallback')
    """
    text, note = decode_text(data)
    letter = parse(text, strict=strict)
    extra = (note,) if note is not None else ()
    return attrs.evolve(letter, source=source, diagnostics=extra + letter.diagnostics)


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


def _read_pdf(name: str) -> str:
    with open(name, "rb") as fh:  # a missing file is an OSError, extra or not
        try:
            import pypdf
        except ImportError:
            raise ParseError(
                f"reading PDF files needs the pdf extra: {PDF_INSTALL_HINT}", code="read-error"
            ) from None
        try:
            reader = pypdf.PdfReader(fh)
            if reader.is_encrypted:
                reader.decrypt("")
            return "\n".join(page.extract_text() or "" for page in reader.pages)
        except Exception as exc:  # pypdf raises many kinds on a damaged file
            raise ParseError(
                f"cannot read the PDF: {exc or type(exc).__name__}", code="read-error"
            ) from exc


def parse_many(
    sources: Iterable[Source],
    *,
    workers: int | None = None,
    progress: bool = False,
    chunksize: int | None = None,
) -> Iterator[Letter]:
    """Parse many letters, yielding one :class:`~imrparse.Letter` per letter, in input order.

    A source holds one letter, as a rule, and gives one ``Letter``; a source that holds
    several (merged PDFs, concatenated texts) gives one per letter, each with its lines in
    :attr:`~imrparse.Letter.source_lines` (see :func:`~imrparse.parse_letters`).

    Which sources are files: a :class:`pathlib.Path` (any :class:`os.PathLike`) is
    always a file. A ``str`` is a file path when it holds no line break and either names
    an existing file or ends in ``.txt`` or ``.pdf``; any other ``str`` is a letter's
    text, parsed with :func:`~imrparse.parse`.

    One bad source never stops the batch: a file that cannot be read (missing, a
    directory, an unsupported type) yields a letter holding a single ``read-error``
    diagnostic and its ``source``; a parser failure yields an ``internal-error`` one.

    ``workers`` greater than 1 parses in that many processes, sending the sources in
    chunks of ``chunksize`` (by default about an eighth of each worker's share, between
    1 and 128) and keeping only a few chunks per worker in flight, so a long or endless
    iterable is read lazily. ``None`` or 1 parses in this process. ``progress=True``
    shows a progress bar on standard error when ``tqdm`` is installed (extra
    ``progress``); without it, no bar is shown.

    >>> import imrparse
    >>> text = imrparse.examples.read_text("overturned")
    >>> letters = list(imrparse.parse_many([text, "no/such/file.txt"]))
    >>> letters[0].layout, letters[1].source, letters[1].diagnostics[0].code
    ('fdl-2014', 'no/such/file.txt', 'read-error')
    """
    if workers is not None and workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    if chunksize is not None and chunksize < 1:
        raise ValueError(f"chunksize must be at least 1, not {chunksize}")
    total = len(sources) if isinstance(sources, Sized) else None
    workers = workers or 1
    if workers == 1:
        letters: Iterator[Letter] = itertools.chain.from_iterable(map(_parse_source, sources))
    else:
        if chunksize is None:
            share = -(-total // (workers * 8)) if total else _DEFAULT_CHUNK
            chunksize = max(1, min(_MAX_CHUNK, share))
        letters = _in_processes(iter(sources), workers, chunksize)
    return _with_progress(letters, total) if progress else letters


def is_path(source: Source) -> bool:
    """Whether :func:`parse_many` treats ``source`` as a file path rather than a text.

    >>> import pathlib
    >>> is_path(pathlib.Path("x")), is_path("letters/a.txt"), is_path("CLINICAL CASE SUMMARY\\n")
    (True, True, False)
    """
    if isinstance(source, os.PathLike):
        return True
    if "\n" in source or "\r" in source:
        return False
    return source.lower().endswith(_FILE_SUFFIXES) or os.path.isfile(source)


def _parse_source(source: Source) -> tuple[Letter, ...]:
    """Parse one source into its letters (one, unless it holds several); never raises."""
    if not isinstance(source, (str, os.PathLike)):
        return (
            failed_letter(
                None, f"cannot parse a {type(source).__name__}; expected a path or a str"
            ),
        )
    name = os.fspath(source) if is_path(source) else None
    try:
        return parse_file_letters(name) if name is not None else parse_letters(str(source))
    except OSError as exc:
        return (failed_letter(name, f"cannot read the file: {exc.strerror or exc}"),)
    except ParseError as exc:
        return (failed_letter(name, exc.msg),)
    except Exception as exc:  # a parser bug must not stop the batch
        return (failed_letter(name, f"{type(exc).__name__}: {exc}", code="internal-error"),)


def failed_letter(source: str | None, message: str, *, code: str = "read-error") -> Letter:
    """An empty letter that records why its input could not be parsed.

    >>> failed_letter("a.doc", "unsupported file type").diagnostics[0].code
    'read-error'
    """
    found = Collector()
    found.add(code, message)
    return Letter(source=source, diagnostics=tuple(found.items))


def _parse_chunk(chunk: list[Source]) -> list[Letter]:
    return [letter for source in chunk for letter in _parse_source(source)]


def _in_processes(sources: Iterator[Source], workers: int, chunksize: int) -> Iterator[Letter]:
    """Parse in a process pool, chunk by chunk, keeping at most a few chunks per worker queued.

    A chunk whose worker failed (a crashed process, an input that does not pickle) is
    parsed again in this process, so the batch always completes.
    """
    chunks = iter(lambda: list(itertools.islice(sources, chunksize)), [])
    pool = ProcessPoolExecutor(max_workers=workers)
    pending: deque[tuple[list[Source], Future[list[Letter]] | None]] = deque()

    def submit(chunk: list[Source]) -> None:
        try:
            pending.append((chunk, pool.submit(_parse_chunk, chunk)))
        except RuntimeError:  # the pool is broken or shut down: parse here instead
            pending.append((chunk, None))

    try:
        for chunk in itertools.islice(chunks, workers * 4):
            submit(chunk)
        while pending:
            chunk, future = pending.popleft()
            try:
                letters = future.result() if future is not None else _parse_chunk(chunk)
            except Exception:
                letters = _parse_chunk(chunk)
            following = next(chunks, None)
            if following is not None:
                submit(following)
            yield from letters
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _with_progress(letters: Iterator[Letter], total: int | None) -> Iterator[Letter]:
    try:
        from tqdm import tqdm
    except ImportError:  # the progress extra is optional: no bar without it
        yield from letters
        return
    with tqdm(total=total, unit="letter", desc="parsing", dynamic_ncols=True) as bar:
        for letter in letters:
            bar.update(1)
            yield letter
