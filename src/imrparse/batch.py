"""Parsing many letters at once, in parallel processes when asked.

:func:`parse_many` parses a batch of files or texts and never lets one bad input stop
the batch.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator, Sized
from typing import TYPE_CHECKING

import attrs

from .diagnostics import CODES, Collector
from .errors import ParseError
from .parser import parse_letters
from .paths import NO_SUCH_PATH, PathProblem, Source, _expand_folders, _is_folder, _shorten, is_path
from .pdf import require as require_pdf
from .progress import track
from .reading import failed_letter, parse_file_letters
from .records import Letter

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = ["parse_many"]

_DEFAULT_CHUNK = 32
_MAX_CHUNK = 128


def parse_many(
    sources: Iterable[Source] | str | os.PathLike[str],
    *,
    workers: int | None = None,
    progress: bool = False,
    chunksize: int | None = None,
    spans: bool = True,
) -> Iterator[Letter]:
    """Parse many letters, yielding one :class:`~imrparse.Letter` per letter, in input order.

    A source holds one letter, as a rule, and gives one ``Letter``; a source that holds
    several (merged PDFs, concatenated texts) gives one per letter, each with its lines in
    :attr:`~imrparse.Letter.source_lines` (see :func:`~imrparse.parse_letters`).

    ``sources`` is an iterable of sources, or one folder. Which sources are paths: a
    :class:`pathlib.Path` (any :class:`os.PathLike`) always, and a ``str`` that holds no
    line break (see ``imrparse.paths.is_path``), whether or not it exists; any other
    ``str`` is a letter's text, parsed with :func:`~imrparse.parse`. A folder stands for
    the letter files in it, found by :func:`find_letter_files` exactly as the command
    line finds them (files of other types are passed over). A single ``str`` or path
    instead of an iterable must be a folder: one that does not exist raises
    :class:`FileNotFoundError`, a file raises :class:`TypeError` (wrap it in a list).

    One bad source never stops the batch: a path that cannot be read (missing, a folder
    without letters, an unreadable file or subfolder, an unsupported type, a damaged PDF)
    yields a letter holding a single ``read-error`` diagnostic that names the cause, with
    the path as its ``source``; a path is never parsed as a letter's text. A parser
    failure yields an ``internal-error`` letter. A case number met a second time in the
    batch (the same letter as ``.pdf`` and ``.txt``, or named twice) gives the later
    letter a ``duplicate-case`` error, so that a table does not count it twice unnoticed.
    The one exception: reading a ``.pdf`` without the ``pdf`` extra installed raises
    :class:`~imrparse.ParseError` (code ``missing-extra``) once, when ``parse_many`` is
    called if the PDFs are known then, else at the first PDF, rather than failing every
    file alike.

    ``workers`` greater than 1 parses in that many processes (this one among them: it
    parses what the others have not started while it waits), sending the sources in
    chunks of ``chunksize`` (by default about an eighth of each worker's share, between
    1 and 128) and keeping only a few chunks per worker in flight, so a long or endless
    iterable is read lazily. ``None`` or 1 parses in this process. ``progress=True``
    draws a progress line on standard error. ``spans=False`` leaves out where each
    value stands (see :func:`~imrparse.parse`), for a batch that only wants the values.

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
        _refuse_a_single_non_folder(sources)
        sources = [sources]
    elif isinstance(sources, (bytes, bytearray)):
        raise TypeError(
            "parse_many takes an iterable of paths or texts, or one folder, as str or "
            "os.PathLike; not bytes (os.fsdecode a path given as bytes)"
        )
    elif not isinstance(sources, Iterable):
        raise TypeError(
            "parse_many takes an iterable of paths or texts, or one folder; "
            f"not {type(sources).__name__}"
        )
    expanded: Iterable[Source | PathProblem]
    if isinstance(sources, Sized):
        expanded = list(_expand_folders(sources))
        total: int | None = len(expanded)
        if any(_is_pdf(source) for source in expanded):
            require_pdf()  # once, up front: not one error per file
    else:
        expanded, total = _expand_folders(sources), None
    workers = workers or 1
    if workers == 1:
        letters: Iterator[Letter] = itertools.chain.from_iterable(
            _parse_source(source, spans) for source in expanded
        )
    else:
        if chunksize is None:
            share = -(-total // (workers * 8)) if total else _DEFAULT_CHUNK
            chunksize = max(1, min(_MAX_CHUNK, share))
        letters = _in_processes(iter(expanded), workers, chunksize, spans)
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


def _refuse_a_single_non_folder(source: Source) -> None:
    """Raise for a single path or text given where an iterable or a folder is expected."""
    if _is_folder(source):
        return
    if isinstance(source, os.PathLike) or is_path(source):
        name = os.fspath(source)
        if not os.path.lexists(name):
            raise FileNotFoundError(
                errno.ENOENT, f"{NO_SUCH_PATH} (parse_many takes a folder or a list)", name
            )
        raise TypeError(
            f"parse_many takes an iterable of paths or texts, or one folder; "
            f"{_shorten(name)!r} is a file, not a folder: pass [{_shorten(name)!r}]"
        )
    raise TypeError(
        "parse_many takes an iterable of paths or texts, or one folder; a letter's text "
        "passed alone is not one: pass [text]"
    )


def _is_pdf(source: object) -> bool:
    if isinstance(source, os.PathLike) or (isinstance(source, str) and is_path(source)):
        return os.fspath(source).lower().endswith(".pdf")
    return False


def _parse_source(source: Source | PathProblem, spans: bool = True) -> tuple[Letter, ...]:
    """Parse one source into its letters (one, unless it holds several); never raises,
    but for a missing ``pdf`` extra (see :func:`parse_many`)."""
    if isinstance(source, PathProblem):
        return (failed_letter(source.path, source.cause),)
    if not isinstance(source, (str, os.PathLike)):
        return (
            failed_letter(
                None, f"cannot parse a {type(source).__name__}; expected a path or a str"
            ),
        )
    name = os.fspath(source) if is_path(source) else None
    if name is not None and os.path.isdir(name):
        return (failed_letter(name, "no .txt or .pdf file in this folder"),)
    if name is not None and not os.path.lexists(name):
        return (failed_letter(name, NO_SUCH_PATH),)
    try:
        if name is not None:
            return parse_file_letters(name, spans=spans)
        return parse_letters(str(source), spans=spans)
    except OSError as exc:
        return (failed_letter(name, f"cannot read the file: {exc.strerror or exc}"),)
    except ParseError as exc:
        if exc.code == "missing-extra":
            raise
        code = exc.code if exc.code in CODES else "read-error"
        return (failed_letter(name, exc.msg, code=code),)
    except Exception as exc:  # a parser bug must not stop the batch
        return (failed_letter(name, f"{type(exc).__name__}: {exc}", code="internal-error"),)


def _ignore_interrupts() -> None:
    """In a worker: leave Ctrl-C to the parent, which stops the batch and shuts the pool."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _parse_chunk(chunk: list[Source | PathProblem], spans: bool) -> list[Letter]:
    return [letter for source in chunk for letter in _parse_source(source, spans)]


class _Chunk:
    """Sources sent to the pool, and their letters once parsed (here or there)."""

    __slots__ = ("future", "letters", "sources", "spans")

    def __init__(self, sources: list[Source | PathProblem], spans: bool) -> None:
        self.sources = sources
        self.spans = spans
        self.future: Future[list[Letter]] | None = None
        self.letters: list[Letter] | None = None

    def result(self) -> list[Letter]:
        """The chunk's letters: from its worker, or parsed here if it has none or failed."""
        if self.letters is None:
            try:
                self.letters = self.future.result() if self.future is not None else None
            except Exception:  # a crashed worker, an input that does not pickle
                self.letters = None
            if self.letters is None:
                self.letters = _parse_chunk(self.sources, self.spans)
        return self.letters

    def take_here(self) -> bool:
        """Parse the chunk in this process if no worker has started it; whether it did."""
        if self.letters is not None or (self.future is not None and not self.future.cancel()):
            return False
        self.letters = _parse_chunk(self.sources, self.spans)
        return True


def _in_processes(
    sources: Iterator[Source | PathProblem], workers: int, chunksize: int, spans: bool
) -> Iterator[Letter]:
    """Parse in ``workers`` processes, this one and a pool of the others, chunk by chunk,
    keeping at most a few chunks per worker in flight.

    This process does not only wait: while the next chunk in order is not back, it
    parses the first chunk that no worker has started. So every process parses, the
    pool's start-up is not waited for, and on a machine with as many cores as workers
    the batch goes about ``workers`` times as fast (the letters still come in order).
    A chunk whose worker failed (a crashed process, an input that does not pickle) is
    parsed again in this process, so the batch always completes.
    """
    from concurrent.futures import ProcessPoolExecutor  # (here: it takes a while to import)

    chunks = iter(lambda: list(itertools.islice(sources, chunksize)), [])
    pool = ProcessPoolExecutor(max_workers=workers - 1, initializer=_ignore_interrupts)
    pending: deque[_Chunk] = deque()

    def submit(sources: list[Source | PathProblem]) -> None:
        chunk = _Chunk(sources, spans)
        with contextlib.suppress(RuntimeError):  # a broken pool: the chunk is parsed here
            chunk.future = pool.submit(_parse_chunk, sources, spans)
        pending.append(chunk)

    try:
        first = next(chunks, None)
        if first is not None:  # parsed here while the pool starts (it is not sent)
            pending.append(_Chunk(first, spans))
        for sources_ in itertools.islice(chunks, workers * 4 - 1):
            submit(sources_)
        while pending:
            head = pending[0]
            while head.letters is None and head.future is not None and not head.future.done():
                if not any(chunk.take_here() for chunk in pending):
                    break  # every chunk in flight is started: wait for the next in order
            pending.popleft()
            letters = head.result()
            following = next(chunks, None)
            if following is not None:
                submit(following)
            yield from letters
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
