"""Which inputs are paths, and the letter files a folder holds.

:func:`scan_folder` walks a folder once and says what it found: the letter files, the
files of other types it skipped, and the subfolders it could not read, each with its
cause; :func:`find_letter_files` gives the letter files alone. The command line and
:func:`~imrparse.parse_many` both expand folders with them.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TypeAlias

import attrs

if TYPE_CHECKING:  # (pathlib is imported where a folder is read: see examples/__init__.py)
    from pathlib import Path

__all__ = [
    "LETTER_SUFFIXES",
    "FolderContents",
    "PathProblem",
    "Source",
    "find_letter_files",
    "is_path",
    "path_name",
    "scan_folder",
]

Source: TypeAlias = "str | os.PathLike[str]"
"""One input of :func:`~imrparse.parse_many`: a path to a letter file, or a letter's text."""

LETTER_SUFFIXES = (".txt", ".pdf")
"""The file types read as letters."""

NO_SUCH_PATH = "no such file or folder"
"""What a path that names nothing is told."""


def path_name(path: object, caller: str) -> str:
    """``path`` (a ``str``, an :class:`os.PathLike` or ``bytes`` as :func:`os.fsdecode`
    reads them) as a ``str``; ``TypeError`` naming ``caller`` for anything else.

    >>> import pathlib
    >>> path_name(pathlib.Path("a/b.pdf"), "parse_file"), path_name(b"a.txt", "parse_file")
    ('a/b.pdf', 'a.txt')
    >>> path_name(None, "parse_file")
    Traceback (most recent call last):
    TypeError: parse_file() needs a path (str, bytes or os.PathLike), not NoneType
    """
    if isinstance(path, str):
        return path
    if isinstance(path, (bytes, os.PathLike)):
        return os.fsdecode(path)
    raise TypeError(
        f"{caller}() needs a path (str, bytes or os.PathLike), not {type(path).__name__}"
    )


@attrs.frozen
class PathProblem:
    """A path that was not read as a letter, and why."""

    path: str
    """The path, as found or as given."""
    cause: str
    """Why, in words: ``"no such file or folder"``, ``"not a .txt or .pdf file"``..."""


@attrs.frozen
class FolderContents:
    """What :func:`scan_folder` found in a folder."""

    files: list[Path]
    """The letter files (``.txt``, ``.pdf``), in sorted order."""
    skipped: list[PathProblem]
    """Files of other types, not read (hidden files and folders are not listed)."""
    unreadable: list[PathProblem]
    """Subfolders that could not be read, with the system's reason."""


def scan_folder(folder: str | os.PathLike[str]) -> FolderContents:
    """The letter files of ``folder`` and its subfolders, and what was not read, and why.

    Hidden files and folders (whose name starts with ``.``) are passed over silently.
    Raises :class:`FileNotFoundError` when ``folder`` does not exist and
    :class:`NotADirectoryError` when it is a file.

    >>> import pathlib, tempfile
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ["a.txt", "notes.doc", ".hidden.txt"]:
    ...     _ = (root / name).write_text("")
    >>> found = scan_folder(root)
    >>> [p.name for p in found.files], [pathlib.Path(s.path).name for s in found.skipped]
    (['a.txt'], ['notes.doc'])
    """
    from pathlib import Path

    name = path_name(folder, "scan_folder")
    if not os.path.isdir(name):
        if os.path.lexists(name):
            raise NotADirectoryError(errno.ENOTDIR, "is a file, not a folder", name)
        raise FileNotFoundError(errno.ENOENT, NO_SUCH_PATH, name)
    files: list[Path] = []
    skipped: list[PathProblem] = []
    unreadable: list[PathProblem] = []

    def cannot_read(error: OSError) -> None:
        where = error.filename if error.filename is not None else name
        unreadable.append(PathProblem(os.fspath(where), f"cannot read the folder: {_why(error)}"))

    for root, dirs, names in os.walk(name, onerror=cannot_read):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in sorted(names):
            if file.startswith("."):
                continue
            if file.lower().endswith(LETTER_SUFFIXES):
                files.append(Path(root, file))
            else:
                skipped.append(PathProblem(str(Path(root, file)), "not a .txt or .pdf file"))
    return FolderContents(files, skipped, unreadable)


def find_letter_files(folder: str | os.PathLike[str]) -> list[Path]:
    """Every ``.txt`` and ``.pdf`` file in ``folder`` and its subfolders, in sorted order.

    Hidden files and folders (whose name starts with ``.``) are skipped, as are other
    file types (``imrparse.paths.scan_folder`` lists those, and the subfolders that
    could not be read). Raises :class:`FileNotFoundError` when ``folder`` does not exist
    and :class:`NotADirectoryError` when it is a file. The command line and
    :func:`parse_many` both expand folders with it.

    >>> import pathlib, tempfile
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ["b.pdf", "a.txt", "notes.doc", ".hidden.txt", ".venv/x.txt", "sub/c.TXT"]:
    ...     (root / name).parent.mkdir(exist_ok=True)
    ...     _ = (root / name).write_text("")
    >>> [p.relative_to(root).as_posix() for p in find_letter_files(root)]
    ['a.txt', 'b.pdf', 'sub/c.TXT']
    """
    return scan_folder(path_name(folder, "find_letter_files")).files


def is_path(source: Source) -> bool:
    """Whether :func:`parse_many` treats ``source`` as a path rather than a letter's text.

    A :class:`os.PathLike` is a path; so is a non-empty ``str`` without a line break (a
    letter's text runs over many lines), whether or not the path exists.

    >>> import pathlib
    >>> is_path(pathlib.Path("x")), is_path("pdfs/CM16-022894"), is_path("CLINICAL CASE SUMMARY\\n")
    (True, True, False)
    """
    if isinstance(source, os.PathLike):
        return True
    return bool(source) and "\n" not in source and "\r" not in source


def _why(error: OSError) -> str:
    return error.strerror or str(error)


def _is_folder(source: object) -> bool:
    if isinstance(source, os.PathLike):
        return os.path.isdir(source)
    return isinstance(source, str) and "\n" not in source and os.path.isdir(source)


def _shorten(source: Source) -> str:
    text = os.fspath(source)
    return text if len(text) <= 60 else text[:57] + "..."


def _expand_folders(sources: Iterable[Source]) -> Iterator[Source | PathProblem]:
    """Each folder's letter files in its place, and its unreadable subfolders as
    problems; a folder without letters stays, to be reported."""
    for source in sources:
        if not _is_folder(source):
            yield source
            continue
        found = scan_folder(source)
        if found.files or found.unreadable:
            yield from found.files
            yield from found.unreadable
        else:
            yield source
