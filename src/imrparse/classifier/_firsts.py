"""The first characters a match of a pattern may begin with: a text that opens with none
of them is not matched at its start, and the pattern is not asked (a regex call costs
thousands of instructions before it tries the pattern's first item).

:func:`firsts` reads a pattern's source as a case-sensitive pattern reads ASCII text (a
:class:`~._patterns.Twin`'s twin, on the text lower-cased), for the first two characters
of its matches; what it cannot read (a class by category such as ``\\w``, ``.``, a back
reference, flags) makes it answer ``None``, which :func:`may_open` takes as any text.
"""

from __future__ import annotations

from typing import Final

from ..cleaning import is_ascii

# The ASCII characters a str pattern's "\s" matches (str.isspace()), and its "\d".
_SPACE: Final = frozenset(" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f")
_DIGITS: Final = frozenset("0123456789")
_ZERO_WIDTH: Final = ("(?=", "(?!", "(?<=", "(?<!")
_SIZE: Final = 2  # how many first characters are read


def firsts(pattern: str) -> frozenset[str] | None:
    """The first two characters of each non-empty match of ``pattern`` (case-sensitive)
    on ASCII text (a match of one: it, and it with each ASCII character after it), or
    ``None`` if the source holds what is not read here.

    An item's openings are joined with those of the items after it as long as one is
    shorter than two characters: an assertion (``^``, ``\\b``, a lookaround) matches
    empty, and what it would rule out is kept (a superset)."""
    found = _alternation(pattern)
    if found is None:
        return None
    # A match of one character opens an ASCII text of two with any second character: the
    # text's first two are then looked up once (see may_open).
    ones = [p for p in found if len(p) == 1]
    return frozenset([p for p in found if p] + [p + chr(code) for p in ones for code in range(128)])


def may_open(openings: frozenset[str] | None, text: str, low: str) -> bool:
    """Whether a non-empty match of a :class:`~._patterns.Twin` whose :func:`firsts` are
    ``openings`` may begin ``text`` (``low``: ``text`` lower-cased): on ASCII, whether the
    text's first two characters (its only one) are among them. Beyond ASCII the
    case-blind pattern is asked, which matches letters that lower-casing does not give."""
    return openings is None or low[:2] in openings or not is_ascii(text)


def _join(left: set[str], right: set[str]) -> set[str]:
    """The openings of a match of ``left``'s item followed by one of ``right``'s."""
    if not right:
        return set()  # the second item matches nothing: neither does the pair
    joined = {a for a in left if len(a) >= _SIZE}
    joined.update((a + b)[:_SIZE] for a in left if len(a) < _SIZE for b in right)
    return joined


def _alternation(pattern: str) -> set[str] | None:
    """The openings of ``pattern``'s alternatives ("" for an empty match)."""
    parts = alternatives(pattern)
    if parts is None:
        return None
    found: set[str] = set()
    for alternative in parts:
        got = _sequence(alternative)
        if got is None:
            return None
        found |= got
    return found


def alternatives(pattern: str) -> list[str] | None:
    """The top-level alternatives of ``pattern`` (each ``|`` outside a group and a class),
    or ``None`` if an item does not close."""
    start, i = 0, 0
    found: list[str] = []
    while i < len(pattern):
        if pattern[i] == "|":
            found.append(pattern[start:i])
            start = i + 1
            i += 1
            continue
        end = item_end(pattern[i:])
        if end < 0:
            return None
        i += end
    found.append(pattern[start:])
    return found


def _sequence(items: str) -> set[str] | None:
    """The openings of a sequence of items: each item's joined to those before it, until
    each is two characters long (what follows cannot change them)."""
    found = {""}
    i = 0
    while i < len(items) and any(len(p) < _SIZE for p in found):
        got = _item(items, i)
        if got is None:
            return None
        openings, i = got
        found = _join(found, openings)
    return found


def _item(items: str, i: int) -> tuple[set[str], int] | None:
    """The openings of the item at ``i`` with its quantifier, and where the next item
    begins."""
    c = items[i]
    if c in "*+?{})]|":
        return None  # a quantifier with nothing before it, or a bracket alone: not read
    end = item_end(items[i:])
    if end < 0:
        return None
    item = items[i : i + end]
    found: set[str]
    if c == "(":
        if item.startswith(_ZERO_WIDTH):
            found = {""}
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
            found = got
    elif c == "[":
        chars = _class(item)
        if chars is None:
            return None
        found = chars
    elif c == "\\":
        escaped = item[1:2]
        if escaped in ("b", "B", "A", "Z"):
            found = {""}
        elif escaped == "s":
            found = set(_SPACE)
        elif escaped == "d":
            found = set(_DIGITS)
        elif not escaped or escaped.isalnum() or not escaped.isascii():
            return None
        else:
            found = {escaped}
    elif c in "^$":
        found = {""}
    elif c == ".":
        return None
    else:
        found = {c}
    at = i + end
    quantifier = items[at : at + 1]
    # Repeated: two repeats give every opening of more (an opening holds two characters).
    if quantifier == "?":
        found = found | {""}
    elif quantifier == "*":
        found = {""} | found | _join(found, found)
    elif quantifier == "+":
        found = found | _join(found, found)
    elif quantifier == "{":
        close = items.find("}", at)
        bounds = items[at + 1 : close].split(",") if close > at else []
        # ("{}" is no quantifier but the two characters, to Python's re: not read here.)
        if not 1 <= len(bounds) <= 2 or not all(b.isdigit() or not b for b in bounds):
            return None
        if bounds == [""]:
            return None
        least = int(bounds[0]) if bounds[0] else 0
        most = int(bounds[-1]) if bounds[-1] else least + _SIZE
        found = (
            ({""} if least == 0 else set())
            | (found if least <= 1 <= most else set())
            | (_join(found, found) if most >= 2 else set())
        )
        at = close
    if quantifier in ("?", "*", "+", "{"):
        at += 1
        if items[at : at + 1] in ("?", "+"):
            at += 1  # lazy or possessive
    return found, at


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
