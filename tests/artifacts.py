"""The artifact checker: what no extracted value may hold.

PDF extraction leaves marks in a letter's text that are not the letter (see
``docs/guarantees.md``, "Clean values"). Whatever a letter's text looks like, no string
value that :func:`imrparse.parse` extracts may carry one:

- a remnant of mojibake: ``Â``, ``â`` or ``Ã`` (UTF-8 read as Windows-1252 puts one of
  them first in nearly every mis-decoded character; English prose has none of them);
- a running page header or footer (``Final Determination Letter for IMR Case Number ...``,
  with or without its ``Page 2 of 5``). A bare ``Page 1 of 1`` is not looked for: a
  citation may cite a page so (``Guidelines Page 1 of 1``), and the parser takes one for a
  footer only on a line of its own or after a header;
- a form feed, or any other control character (Unicode category Cc: line ends and tabs
  included), a surrogate or a noncharacter (``U+FFFE``, which pdfium prints for a
  line-break hyphen);
- white space other than the single blank, a doubled blank, or white space at either end.

:func:`artifacts` walks :func:`imrparse.to_dict` of a letter and lists every violation.
Two things are not walked: ``diagnostics`` (a diagnostic's message quotes the input as
it was, damage included, so that a user can find it) and ``source`` (a file path).
With ``mojibake=False`` the check for ``Â``, ``â`` and ``Ã`` is left out, and with
``headers=False`` the check for page headers: for texts that a destructive mutation may
have given such characters as content, or where it joined a page number printed on a line
of its own to a line of prose (where it reads as prose).

>>> import imrparse
>>> artifacts(imrparse.parse(imrparse.examples.read_text("overturned")))
[]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

import imrparse

__all__ = ["ArtifactError", "artifacts", "assert_clean", "strings"]

_MOJIBAKE = re.compile("[\u00c2\u00e2\u00c3]")
_HEADER = re.compile(
    r"Determination\s+Letter\s+for\s+IMR|IMR\s+Case\s+(?:Number|No\b)", re.IGNORECASE
)
_NOT_WALKED = frozenset({"diagnostics", "source"})


class ArtifactError(AssertionError):
    """A value holds an artifact."""


def strings(data: Any, path: str = "$") -> Iterator[tuple[str, str]]:
    """Every string value in ``data`` (plain data, as ``to_dict`` gives), with its path."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            if path == "$" and key in _NOT_WALKED:
                continue
            yield from strings(value, f"{path}.{key}")
    elif isinstance(data, (list, tuple)):
        for i, value in enumerate(data):
            yield from strings(value, f"{path}[{i}]")


def _bad_character(char: str) -> bool:
    if char == " ":
        return False
    if char.isspace():
        return True
    category = unicodedata.category(char)
    if category in ("Cc", "Cs"):
        return True
    code = ord(char)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE  # noncharacters


def problems(value: str, *, mojibake: bool = True, headers: bool = True) -> list[str]:
    """What is wrong with one string value (empty when it is clean)."""
    found: list[str] = []
    if mojibake:
        match = _MOJIBAKE.search(value)
        if match:
            found.append(f"mojibake {value[max(0, match.start() - 20) : match.end() + 20]!r}")
    match = _HEADER.search(value) if headers else None
    if match:
        found.append(f"page header or footer {match.group()!r}")
    if not value.isascii() or not value.isprintable():
        bad = [c for c in value if _bad_character(c)]
        if bad:
            found.append(f"characters {sorted(set(bad))!r}")
    if "  " in value:
        at = value.find("  ")
        found.append(f"doubled space {value[max(0, at - 20) : at + 22]!r}")
    if value != value.strip(" "):
        found.append("white space at an end")
    return found


def artifacts(letter: imrparse.Letter, *, mojibake: bool = True, headers: bool = True) -> list[str]:
    """Every artifact in the string values of ``letter``, as ``"<path>: <problem>"``."""
    return [
        f"{path}: {problem}"
        for path, value in strings(imrparse.to_dict(letter))
        for problem in problems(value, mojibake=mojibake, headers=headers)
    ]


def assert_clean(letter: imrparse.Letter, *, mojibake: bool = True, headers: bool = True) -> None:
    """Raise :class:`ArtifactError` listing every artifact in ``letter``'s values."""
    found = artifacts(letter, mojibake=mojibake, headers=headers)
    if found:
        raise ArtifactError("\n".join(found[:20]))
