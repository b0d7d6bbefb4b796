"""Searching long prose fast.

An unanchored, case-insensitive regex must try every position of the text, and
on a page of prose that is most of an extractor's time. Every pattern here has
a plain anchor word; :func:`search_near` finds the word with ``str.find`` (which
runs in C) and starts the regex just before it.
"""

from __future__ import annotations

import re

__all__ = ["search_near"]


def search_near(
    pattern: re.Pattern[str], text: str, low: str, word: str, back: int = 0
) -> re.Match[str] | None:
    """``pattern.search(text)``, started ``back`` characters before the first ``word``.

    ``low`` is ``text.lower()`` (computed once by the caller) and ``word`` is lower
    case. The pattern must not match anywhere that does not contain ``word`` within
    ``back`` characters after the match's start, or matches would be missed.

    >>> text = "The reviewer is Board Certified in Surgery."
    >>> search_near(re.compile(r"board certified", re.I), text, text.lower(), "board").start()
    16
    """
    at = low.find(word)
    return None if at < 0 else pattern.search(text, max(0, at - back))
