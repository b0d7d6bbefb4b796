"""Searching long prose fast.

An unanchored, case-insensitive regex must try every position of the text, and
on a page of prose that is most of an extractor's time. Every pattern here has
a plain anchor word; :func:`search_near` finds the word with ``str.find`` (which
runs in C) and starts the regex just before it.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "SENTENCE_END",
    "first_of",
    "lower_ascii",
    "places_of",
    "search_near",
    "sentence",
    "sentence_end",
    "starts_at",
    "word_start",
]


SENTENCE_END: Final = re.compile(r"\.[\"\u201d]?(?=[ \t]+[A-Z(\"'\u201c]|$)|\.[ \t]*$")
"""A full stop (inside a closing quote too) before the next sentence or the end."""
# What can follow the full stop of a ``SENTENCE_END`` match: a closing quote, a blank,
# the line end its ``$`` allows before the end, or nothing (the end).
_AFTER_FULL_STOP: Final = frozenset(('"', "\u201d", " ", "\t", "\n"))


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


def sentence_end(text: str, start: int, end: int = -1) -> re.Match[str] | None:
    """``SENTENCE_END.search(text, start, end)`` (to the end of the text for -1): the
    pattern tried only at the full stops, found at C speed, that a closing quote, a blank
    or the end follows (a search would test every character against the pattern's first).

    >>> sentence_end("A dose of 2.5 mg. Then", 0).start()
    16
    """
    stop = len(text) if end < 0 else end
    at = text.find(".", start, stop)
    while at >= 0:
        if at + 1 >= stop or text[at + 1] in _AFTER_FULL_STOP:
            found = SENTENCE_END.match(text, at, stop)
            if found is not None:
                return found
        at = text.find(".", at + 1, stop)
    return None


def lower_ascii(text: str) -> str:
    """``text`` with A-Z in lower case and every other character as it is.

    Unlike ``str.lower`` it never changes the length ("İ".lower() is two
    characters), so offsets found in the result are offsets into ``text``.

    >>> lower_ascii("Board İstanbul"), len(lower_ascii("İ")) == 1
    ('board İstanbul', True)
    """
    if text.isascii():
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


def sentence(text: str, start: int) -> str:
    """The rest of the sentence that goes on at ``start``: up to its full stop, if any.

    >>> sentence("Diagnoses include lumbar strain. He is 40.", 18)
    'lumbar strain'
    """
    end = sentence_end(text, start)
    return text[start : end.start() if end else len(text)]
