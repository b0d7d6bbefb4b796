"""The characters a match of a pattern may begin with: a text that opens with none of them
is not matched at its start, and the pattern is not asked (a regex call costs thousands
of instructions before it tries the pattern's first item).

:func:`firsts` reads a pattern's source as a case-sensitive pattern reads ASCII text (a
:class:`~._patterns.Twin`'s twin, on the text lower-cased); what it cannot read (a class
by category such as ``\\w``, ``.``, a back reference, flags) makes it answer ``None``,
which :func:`may_open` takes as any character.
"""

from __future__ import annotations

from typing import Final

# The ASCII characters a str pattern's "\s" matches (str.isspace()), and its "\d".
_SPACE: Final = frozenset(" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f")
_DIGITS: Final = frozenset("0123456789")
_ZERO_WIDTH: Final = ("(?=", "(?!", "(?<=", "(?<!")


def firsts(pattern: str) -> frozenset[str] | None:
    """The characters that a non-empty match of ``pattern`` (case-sensitive) on ASCII
    text may begin with, or ``None`` if the source holds what is not read here.

    A sequence's are those of its items up to the first that cannot match empty; an
    assertion (``^``, ``\\b``, a lookaround) matches empty and adds none (a superset:
    what it would rule out is kept)."""
    found = _alternation(pattern)
    return frozenset(found[0]) if found is not None else None


def may_open(chars: frozenset[str] | None, text: str, low: str) -> bool:
    """Whether a non-empty match of a :class:`~._patterns.Twin` whose :func:`firsts` are
    ``chars`` may begin ``text`` (``low``: ``text`` lower-cased). Beyond ASCII the
    case-blind pattern is asked, which matches letters that lower-casing does not give."""
    return chars is None or not text.isascii() or low[:1] in chars


def _alternation(pattern: str) -> tuple[set[str], bool] | None:
    """The first characters of ``pattern``'s alternatives, and whether one matches empty."""
    chars: set[str] = set()
    empty = False
    start, i = 0, 0
    alternatives: list[str] = []
    while i < len(pattern):
        if pattern[i] == "|":
            alternatives.append(pattern[start:i])
            start = i + 1
            i += 1
            continue
        end = item_end(pattern[i:])
        if end < 0:
            return None
        i += end
    alternatives.append(pattern[start:])
    for alternative in alternatives:
        got = _sequence(alternative)
        if got is None:
            return None
        chars |= got[0]
        empty = empty or got[1]
    return chars, empty


def _sequence(items: str) -> tuple[set[str], bool] | None:
    """The first characters of a sequence of items, and whether it matches empty."""
    chars: set[str] = set()
    i = 0
    while i < len(items):
        got = _item(items, i)
        if got is None:
            return None
        found, empty, i = got
        chars |= found
        if not empty:
            return chars, False
    return chars, True


def _item(items: str, i: int) -> tuple[set[str], bool, int] | None:
    """The first characters of the item at ``i`` with its quantifier, whether it matches
    empty, and where the next item begins."""
    c = items[i]
    if c in "*+?{})]|":
        return None  # a quantifier with nothing before it, or a bracket alone: not read
    end = item_end(items[i:])
    if end < 0:
        return None
    item = items[i : i + end]
    chars: set[str] = set()
    empty = False
    if c == "(":
        if item.startswith(_ZERO_WIDTH):
            empty = True
        else:
            if item.startswith("(?:"):
                inner = item[3:-1]
            elif item.startswith("(?P<") and ">" in item:
                inner = item[item.index(">") + 1 : -1]
            elif item.startswith("(?"):
                return None  # flags, a comment, a condition
            else:
                inner = item[1:-1]
            got = _alternation(inner)
            if got is None:
                return None
            chars, empty = got
    elif c == "[":
        found = _class(item)
        if found is None:
            return None
        chars = found
    elif c == "\\":
        escaped = item[1:2]
        if escaped in ("b", "B", "A", "Z"):
            empty = True
        elif escaped == "s":
            chars = set(_SPACE)
        elif escaped == "d":
            chars = set(_DIGITS)
        elif not escaped or escaped.isalnum() or not escaped.isascii():
            return None
        else:
            chars = {escaped}
    elif c in "^$":
        empty = True
    elif c == ".":
        return None
    else:
        chars = {c}
    at = i + end
    quantifier = items[at : at + 1]
    if quantifier in ("?", "*"):
        empty = True
        at += 1
    elif quantifier == "+":
        at += 1
    elif quantifier == "{":
        close = items.find("}", at)
        bounds = items[at + 1 : close].split(",") if close > at else []
        if not 1 <= len(bounds) <= 2 or not all(b.isdigit() or not b for b in bounds):
            return None
        if not bounds[0] or int(bounds[0]) == 0:
            empty = True
        at = close + 1
    if quantifier in ("?", "*", "+", "{") and items[at : at + 1] in ("?", "+"):
        at += 1  # lazy or possessive
    return chars, empty, at


def _class(item: str) -> set[str] | None:
    """The characters of a class (``[a-z'-]``), or ``None`` if negated or not read."""
    body = item[1:-1]
    if body.startswith("^"):
        return None
    chars: set[str] = set()
    k = 0
    while k < len(body):
        ch = body[k]
        k += 1
        if ch == "\\":
            escaped = body[k : k + 1]
            k += 1
            if escaped == "s":
                chars |= _SPACE
                continue
            if escaped == "d":
                chars |= _DIGITS
                continue
            if not escaped or escaped.isalnum() or not escaped.isascii():
                return None
            ch = escaped
        if body[k : k + 1] == "-" and k + 1 < len(body):
            high = body[k + 1]
            if high == "\\" or ord(high) < ord(ch):
                return None
            chars |= {chr(code) for code in range(ord(ch), ord(high) + 1)}
            k += 2
        else:
            chars.add(ch)
    return chars


def item_end(text: str) -> int:
    """The index just after the item that opens ``text`` (a group, a class, an escape,
    one character), or -1 if it does not close."""
    if text[0] == "(":
        return group_end(text)
    if text[0] == "\\":
        return 2 if len(text) >= 2 else -1
    if text[0] == "[":
        i = 2 if text[1:2] == "^" else 1
        if text[i : i + 1] == "]":
            i += 1  # a "]" first in a class is a literal
        while i < len(text):
            if text[i] == "\\":
                i += 2
                continue
            if text[i] == "]":
                return i + 1
            i += 1
        return -1
    return 1


def group_end(text: str) -> int:
    """The index just after the group that opens ``text``, or -1 if it does not close."""
    depth, i = 0, 0
    in_class = False
    while i < len(text):
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return -1
