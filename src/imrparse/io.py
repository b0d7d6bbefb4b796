"""Reading letters from files, and parsing many of them at once.

:func:`parse_file` reads one ``.txt`` or ``.pdf`` file; :func:`parse_many` parses a
batch of files or texts, in parallel processes when asked, and never lets one bad
input stop the batch.
"""

from __future__ import annotations

import errno
import itertools
import os
import re
import signal
from collections import deque
from collections.abc import Iterable, Iterator, Sized
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import TypeAlias

import attrs

from .diagnostics import CODES, Collector
from .errors import ParseError
from .parser import parse, parse_letters, raise_first_error
from .pdf import read_text as read_pdf
from .progress import track
from .records import Diagnostic, Letter

__all__ = [
    "Source",
    "decode_text",
    "failed_letter",
    "find_letter_files",
    "is_path",
    "parse_bytes",
    "parse_bytes_letters",
    "parse_file",
    "parse_file_letters",
    "parse_many",
]

Source: TypeAlias = "str | os.PathLike[str]"
"""One input of :func:`parse_many`: a path to a letter file, or a letter's text."""

# A case number in a file name ("CM16-0237844.pdf", "letters/cm16-0237844 (2).txt").
_CASE_IN_NAME = re.compile(r"(?<![A-Za-z0-9])CM\d{2}-\d{7}(?!\d)", re.IGNORECASE)
_FILE_SUFFIXES = (".txt", ".pdf")
_DEFAULT_CHUNK = 32
_MAX_CHUNK = 128


def parse_file(path: str | os.PathLike[str], *, strict: bool = False) -> Letter:
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

    Raises :class:`OSError` when the file is missing or cannot be read, and
    :class:`~imrparse.ParseError` for a file type other than ``.txt`` and ``.pdf``
    (code ``read-error``) or a ``.pdf`` that gives no text: ``not-a-pdf``,
    ``damaged-pdf``, ``encrypted-pdf`` (a password is needed), ``no-text-layer`` (a
    scan) or ``missing-extra``. With ``strict=True``, an error in the letter raises
    :class:`~imrparse.ParseError` as :func:`~imrparse.parse` does.

    >>> import imrparse, pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "CM16-0000001.txt"
    >>> _ = path.write_text(imrparse.examples.read_text("overturned"), encoding="utf-8")
    >>> letter = imrparse.parse_file(path)
    >>> letter.source == str(path), letter.layout, letter.case_number
    (True, 'fdl-2014', 'CM16-0000001')
    >>> [d.code for d in letter.diagnostics]
    ['case-number-from-file-name']
    """
    name = os.fspath(path)
    text, note = _read_text(name)
    letter = _sourced(parse(text, strict=strict), name, note)
    return letter if letter.case_number is not None else _case_from_name(letter, name)


def _read_text(name: str) -> tuple[str, Diagnostic | None]:
    """A letter file's text, and the ``encoding-fallback`` note of a .txt file read as
    Windows-1252; raises as :func:`parse_file` documents."""
    suffix = Path(name).suffix.lower()
    if suffix == ".txt":
        with open(name, "rb") as fh:
            return decode_text(fh.read())
    if suffix == ".pdf":
        return read_pdf(name), None
    if not os.path.lexists(name):  # missing: say so, whatever the name looks like
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), name)
    raise ParseError(
        f"unsupported file type {suffix or '(no suffix)'!r}; expected .txt or .pdf",
        code="read-error",
    )


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
    name = os.fspath(path)
    text, note = _read_text(name)
    letters = parse_letters(text)  # (one parse, for a file of one letter)
    if len(letters) == 1:
        letter = _sourced(letters[0], name, note)
        letters = (letter if letter.case_number is not None else _case_from_name(letter, name),)
    else:  # (the file's name holds one case number, not one for each letter)
        letters = tuple(_sourced(letter, name, note) for letter in letters)
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
    return _sourced(parse(text, strict=strict), source, note)


def parse_bytes_letters(data: bytes, *, source: str | None = None) -> tuple[Letter, ...]:
    """Decode bytes as :func:`parse_bytes` does and parse every letter they hold (see
    :func:`~imrparse.parse_letters`), each with ``source``.

    >>> import imrparse
    >>> text = imrparse.examples.read_text("overturned")
    >>> [x.source_lines for x in parse_bytes_letters((text * 2).encode(), source="-")]
    [(1, 72), (73, 144)]
    """
    text, note = decode_text(data)
    return tuple(_sourced(letter, source, note) for letter in parse_letters(text))


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


def parse_many(
    sources: Iterable[Source] | str | os.PathLike[str],
    *,
    workers: int | None = None,
    progress: bool = False,
    chunksize: int | None = None,
) -> Iterator[Letter]:
    """Parse many letters, yielding one :class:`~imrparse.Letter` per letter, in input order.

    A source holds one letter, as a rule, and gives one ``Letter``; a source that holds
    several (merged PDFs, concatenated texts) gives one per letter, each with its lines in
    :attr:`~imrparse.Letter.source_lines` (see :func:`~imrparse.parse_letters`).

    ``sources`` is an iterable of sources, or one folder. Which sources are files: a
    :class:`pathlib.Path` (any :class:`os.PathLike`) is always a file or folder. A
    ``str`` is a path when it holds no line break and either names an existing file or
    folder or ends in ``.txt`` or ``.pdf``; any other ``str`` is a letter's text, parsed
    with :func:`~imrparse.parse`. A folder stands for the letter files in it, found by
    :func:`find_letter_files` exactly as the command line finds them. A single ``str`` or
    path that is not a folder raises :class:`TypeError` (wrap it in a list).

    One bad source never stops the batch: a file that cannot be read (missing, an
    unsupported type, a damaged PDF) yields a letter holding a single ``read-error``
    diagnostic and its ``source``; a parser failure yields an ``internal-error`` one. A
    case number met a second time in the batch (the same letter as ``.pdf`` and ``.txt``,
    or named twice) gives the later letter a ``duplicate-case`` error, so that a table
    does not count it twice unnoticed.

    ``workers`` greater than 1 parses in that many processes, sending the sources in
    chunks of ``chunksize`` (by default about an eighth of each worker's share, between
    1 and 128) and keeping only a few chunks per worker in flight, so a long or endless
    iterable is read lazily. ``None`` or 1 parses in this process. ``progress=True``
    draws a progress line on standard error.

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
    if isinstance(sources, (str, os.PathLike)):
        if not _is_folder(sources):
            raise TypeError(
                f"parse_many takes an iterable of paths or texts, or one folder; "
                f"{_shorten(sources)!r} is not a folder: pass [source] for a single one"
            )
        sources = [sources]
    if isinstance(sources, Sized):
        sources = list(_expand_folders(sources))
        total: int | None = len(sources)
    else:
        sources, total = _expand_folders(sources), None
    workers = workers or 1
    if workers == 1:
        letters: Iterator[Letter] = itertools.chain.from_iterable(map(_parse_source, sources))
    else:
        if chunksize is None:
            share = -(-total // (workers * 8)) if total else _DEFAULT_CHUNK
            chunksize = max(1, min(_MAX_CHUNK, share))
        letters = _in_processes(iter(sources), workers, chunksize)
    letters = _flag_repeated_cases(letters)
    return track(letters, total=total) if progress else letters


def find_letter_files(folder: str | os.PathLike[str]) -> list[Path]:
    """Every ``.txt`` and ``.pdf`` file in ``folder`` and its subfolders, in sorted order.

    Hidden files and folders (whose name starts with ``.``) are skipped, as are other
    file types. The command line and :func:`parse_many` both expand folders with it.

    >>> import pathlib, tempfile
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ["b.pdf", "a.txt", "notes.doc", ".hidden.txt", ".venv/x.txt", "sub/c.TXT"]:
    ...     (root / name).parent.mkdir(exist_ok=True)
    ...     _ = (root / name).write_text("")
    >>> [p.relative_to(root).as_posix() for p in find_letter_files(root)]
    ['a.txt', 'b.pdf', 'sub/c.TXT']
    """
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [
            Path(root, f)
            for f in sorted(files)
            if not f.startswith(".") and f.lower().endswith(_FILE_SUFFIXES)
        ]
    return found


def _is_folder(source: object) -> bool:
    if isinstance(source, os.PathLike):
        return os.path.isdir(source)
    return isinstance(source, str) and "\n" not in source and os.path.isdir(source)


def _shorten(source: Source) -> str:
    text = os.fspath(source)
    return text if len(text) <= 60 else text[:57] + "..."


def _expand_folders(sources: Iterable[Source]) -> Iterator[Source]:
    """Each folder's letter files in its place; a folder without any stays, to be reported."""
    for source in sources:
        found = find_letter_files(source) if _is_folder(source) else None
        if found:
            yield from found
        else:
            yield source


def _flag_repeated_cases(letters: Iterator[Letter]) -> Iterator[Letter]:
    """Give a letter met before in the batch a ``duplicate-case`` error.

    A letter is known by its case number; one without a case number, by what it decides
    (its summary, reviewer and determinations: a fingerprint, so memory stays small).
    """
    seen: dict[object, str] = {}
    for letter in letters:
        if letter.case_number is not None:
            key: object = letter.case_number
            what = f"case {letter.case_number}"
        elif letter.determinations:
            key = hash((letter.summary, letter.reviewer, letter.determinations))
            what = "the same letter (no case number; the same summary and determinations)"
        else:
            yield letter
            continue
        if key in seen:
            found = Collector()
            found.add(
                "duplicate-case",
                f"{what} was already read in this batch, from {seen[key]}; "
                "its determinations would be counted twice",
            )
            letter = attrs.evolve(letter, diagnostics=letter.diagnostics + tuple(found.items))
        else:
            seen[key] = letter.source or "a text"
        yield letter


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
    if name is not None and os.path.isdir(name):
        return (failed_letter(name, "no .txt or .pdf file in this folder"),)
    try:
        return parse_file_letters(name) if name is not None else parse_letters(str(source))
    except OSError as exc:
        return (failed_letter(name, f"cannot read the file: {exc.strerror or exc}"),)
    except ParseError as exc:
        code = exc.code if exc.code in CODES else "read-error"
        return (failed_letter(name, exc.msg, code=code),)
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


def _ignore_interrupts() -> None:
    """In a worker: leave Ctrl-C to the parent, which stops the batch and shuts the pool."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _parse_chunk(chunk: list[Source]) -> list[Letter]:
    return [letter for source in chunk for letter in _parse_source(source)]


def _in_processes(sources: Iterator[Source], workers: int, chunksize: int) -> Iterator[Letter]:
    """Parse in a process pool, chunk by chunk, keeping at most a few chunks per worker queued.

    A chunk whose worker failed (a crashed process, an input that does not pickle) is
    parsed again in this process, so the batch always completes.
    """
    chunks = iter(lambda: list(itertools.islice(sources, chunksize)), [])
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_ignore_interrupts)
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
