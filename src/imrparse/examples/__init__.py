"""Synthetic example letters shipped inside the package.

They are written by the imrparse developers in the layouts real letters use (no
real patient's letter is shipped), so that ``imrparse demo`` and the docs have
something to parse on any machine.

>>> from imrparse import examples
>>> examples.names()
('header-2016', 'legacy-2013', 'multi', 'overturned', 'three-decisions-2016')
>>> examples.read_text("multi").lstrip().startswith("HOW THE IMR")
True
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

# importlib.resources and pathlib are imported where they are used: together they are a
# fifth of what ``import imrparse`` costs, and a parse needs neither.
if TYPE_CHECKING:
    from pathlib import Path

    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:  # (importlib.abc.Traversable is deprecated from 3.12 and goes in 3.14)
        from importlib.abc import Traversable

__all__ = ["copy_to", "names", "paths", "read_text"]


def _files() -> list[Traversable]:
    from importlib import resources

    root = resources.files(__name__)
    return sorted((p for p in root.iterdir() if p.name.endswith(".txt")), key=lambda p: p.name)


def names() -> tuple[str, ...]:
    """The names of the shipped example letters, sorted."""
    return tuple(p.name[: -len(".txt")] for p in _files())


def paths() -> list[Traversable]:
    """The shipped example letters as resource paths (use ``.read_text()`` or ``str()``)."""
    return _files()


def read_text(name: str) -> str:
    """The text of the example letter ``name`` (see :func:`names`)."""
    from importlib import resources

    target = resources.files(__name__) / f"{name}.txt"
    if not target.is_file():
        raise KeyError(f"no example letter named {name!r}; choose from {names()}")
    return target.read_text(encoding="utf-8")


def copy_to(folder: str | os.PathLike[str]) -> list[Path]:
    """Write the example letters as ``.txt`` files into ``folder`` (made if missing).

    Returns the files written, sorted; a file of the same name is overwritten. The
    command line's ``imrparse demo --copy FOLDER`` does the same.

    >>> import tempfile
    >>> [p.name for p in copy_to(tempfile.mkdtemp())][:2]
    ['header-2016.txt', 'legacy-2013.txt']
    """
    from pathlib import Path

    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for source in _files():
        path = target / source.name
        path.write_bytes(source.read_bytes())
        written.append(path)
    return written
