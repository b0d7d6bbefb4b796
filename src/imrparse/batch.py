"""Parsing many letters at once, in parallel processes when asked.

:func:`parse_many` parses a batch of files or texts and never lets one bad input stop
the batch.
"""

from __future__ import annotations

import itertools
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator, Sized
from concurrent.futures import Future, ProcessPoolExecutor

import attrs

from .diagnostics import CODES, Collector
from .errors import ParseError
from .parser import parse_letters
from .paths import Source, _expand_folders, _is_folder, _shorten, is_path
from .progress import track
from .reading import failed_letter, parse_file_letters
from .records import Letter

__all__ = ["parse_many"]

_DEFAULT_CHUNK = 32
_MAX_CHUNK = 128


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
