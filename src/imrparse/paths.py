"""Which inputs are paths, and the letter files a folder holds."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeAlias

__all__ = ["LETTER_SUFFIXES", "Source", "find_letter_files", "is_path"]

Source: TypeAlias = "str | os.PathLike[str]"
"""One input of :func:`~imrparse.parse_many`: a path to a letter file, or a letter's text."""

LETTER_SUFFIXES = (".txt", ".pdf")
"""The file types read as letters."""
_FILE_SUFFIXES = LETTER_SUFFIXES


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
