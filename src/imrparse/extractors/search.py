"""Searching long prose fast.

An unanchored, case-insensitive regex must try every position of the text, and
on a page of prose that is most of an extractor's time. Every pattern here has
a plain anchor word; :func:`search_near` finds the word with ``str.find`` (which
runs in C) and starts the regex just before it.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["lower_ascii", "search_near"]

_ASCII_LOWER: Final = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


def lower_ascii(text: str) -> str:
    """``text`` with A-Z in lower case and every other character as it is.

    Unlike ``str.lower`` it never changes the length ("İ".lower() is two
    characters), so offsets found in the result are offsets into ``text``.

    >>> lower_ascii("Board İstanbul"), len(lower_ascii("İ")) == 1
    ('board İstanbul', True)
    """
    return text.lower() if text.isascii() else text.translate(_ASCII_LOWER)


def search_near(
    pattern: re.Pattern[str], text: str, low: str, word: str, back: int = 0
) -> re.Match[str] | None:
    """``pattern.search(text)``, started ``back`` characters before the first ``word``.

    ``low`` is ``lower_ascii(text)`` (computed once by the caller) and ``word`` is lower
    case. The pattern must not match anywhere that does not contain ``word`` within
    ``back`` characters after the match's start, or matches would be missed.

    >>> text = "The reviewer is Board Certified in Surgery."
    >>> search_near(re.compile(r"board certified", re.I), text, lower_ascii(text), "board").start()
    16
    """
    at = low.find(word)
    return None if at < 0 else pattern.search(text, max(0, at - back))
