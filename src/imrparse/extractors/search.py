"""Searching long prose fast.

An unanchored, case-insensitive regex must try every position of the text, and
on a page of prose that is most of an extractor's time. Every pattern here has
a plain anchor word; :func:`search_near` finds the word with ``str.find`` (which
runs in C) and starts the regex just before it.
"""

from __future__ import annotations

import re
from typing import Final

from ..cleaning import is_ascii

__all__ = [
    "first_of",
    "lower_ascii",
    "places_of",
    "search_near",
    "sentence_end",
    "starts_at",
    "word_start",
]


# A full stop ends a sentence where blanks and what opens one follow it (a capital, an
# opening parenthesis or quote), or the end of the text (or its last character, a line
# end); a closing quote after it counts with it. Read by :func:`sentence_end` with
# finds and a few characters' tests, as the regex
# ``\.["\u201d]?(?=[ \t]+[A-Z("'\u201c]|$)|\.[ \t]*$`` reads (tried at each full stop,
# it cost a call of ~2K instructions each).
_CLOSING_QUOTES: Final = frozenset(('"', "\u201d"))
_OPENERS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ(\"'\u201c")
_BLANKS: Final = frozenset((" ", "\t"))


def word_start(*alternatives: str) -> str:
    r"""A regex of ``alternatives`` that starts a word, as ``\b(?:...)`` does, each
    alternative opening with a plain letter: the boundary is tested after that letter
    (``(?<!\w)`` before a word character is what ``\b`` tests there), so that the pattern
    opens with a set of letters, and a search skips at C speed to them (a pattern that
    opens with ``\b`` is tried at every position: four times the instructions, measured).

    >>> word_start("more", "over")
    '(?:m(?<!\\wm)ore|o(?<!\\wo)ver)'
    """
    return "(?:" + "|".join(rf"{a[0]}(?<!\w{a[0]}){a[1:]}" for a in alternatives) + ")"


def starts_at(low: str, words: tuple[str, ...], at: int) -> bool:
    """Whether one of ``words`` stands at offset ``at`` of ``low`` (``low.startswith(words,
    at)``, asked as a find within each word's own span: compiled, a find with bounds is a
    native call, a ``startswith`` with a start a generic method call).

    >>> starts_at("was treated for", ("treatment for", "treated for"), 4)
    True
    """
    return any(low.find(word, at, at + len(word)) == at for word in words)


def sentence_end(text: str, start: int, end: int = -1) -> int:
    """Where the first full stop in ``text[start:end]`` (to the end of the text for -1)
    that ends a sentence stands, or -1: one that blanks and a capital, an opening
    parenthesis or an opening quote follow, or the end (a closing quote may stand after it
    in either case); or blanks and the end. The end is ``end`` (or the text's), or a line
    end that is the last character before it.

    >>> sentence_end("A dose of 2.5 mg. Then", 0)
    16
    >>> sentence_end('He said "no." (Then', 0), sentence_end("No. more", 0)
    (11, -1)
    """
    stop = len(text) if end < 0 else min(end, len(text))
    at = text.find(".", start, stop)
    while at >= 0:
        if _ends_sentence(text, at, stop):
            return at
        at = text.find(".", at + 1, stop)
    return -1


def _ends_sentence(text: str, at: int, stop: int) -> bool:
    """Whether the full stop at ``at`` ends a sentence of ``text[:stop]`` (see
    :func:`sentence_end`)."""
    after = at + 1
    quoted = after < stop and text[after] in _CLOSING_QUOTES
    if quoted:
        after += 1
    blanks = after
    while blanks < stop and text[blanks] in _BLANKS:
        blanks += 1
    if blanks > after and blanks < stop and text[blanks] in _OPENERS:
        return True
    # (the end right after the stop or its quote; after blanks, only without a quote)
    return _at_end(text, after, stop) or (not quoted and _at_end(text, blanks, stop))


def _at_end(text: str, at: int, stop: int) -> bool:
    """Whether ``at`` is the end of ``text[:stop]``, or its last character is a line end
    (where a regex's ``$`` matches)."""
    return at == stop or (at == stop - 1 and text[at] == "\n")


def lower_ascii(text: str) -> str:
    """``text`` with A-Z in lower case and every other character as it is.

    Unlike ``str.lower`` it never changes the length ("İ".lower() is two
    characters), so offsets found in the result are offsets into ``text``.

    >>> lower_ascii("Board İstanbul"), len(lower_ascii("İ")) == 1
    ('board İstanbul', True)
    """
    if is_ascii(text):
        return text.lower()
    # bytes.lower() changes A-Z only, and UTF-8 writes every other character in bytes
    # above 0x7f: a C loop, where str.translate would look each character up in a dict.
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


def first_of(low: str, words: tuple[str, ...], start: int = 0, end: int = -1) -> int:
    """Where the first of ``words`` stands in ``low[start:end]`` (to the end for -1), or -1.

    Each word after one found is sought only before it (the word found first usually
    stands early, and the others nowhere: each would be sought through the whole text).

    >>> first_of("pain was noted and treated", ("and", "was"))
    5
    """
    first = -1
    stop = len(low) if end < 0 else end
    for word in words:
        # (a word that starts before ``first`` ends before first + len(word) - 1)
        at = low.find(word, start, stop if first < 0 else min(stop, first + len(word) - 1))
        if at >= 0:
            first = at
    return first


def places_of(low: str, words: tuple[str, ...]) -> list[int]:
    """Where each of ``words`` stands in ``low``, every time, in text order: found at C
    speed, the places where a pattern that opens with one of them may match, to be tried
    there rather than at every position."""
    places: list[int] = []
    for word in words:
        at = low.find(word)
        while at >= 0:
            places.append(at)
            at = low.find(word, at + len(word))
    places.sort()
    return places


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
