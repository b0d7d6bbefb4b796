"""The classifier's own text patterns (dates of service, quantities, frequencies, counts).

Compiled on first use, not at import; see :func:`compile_patterns`.
"""

from __future__ import annotations

import re
from typing import Final

from ..cleaning import is_ascii
from ..wordlists import NUMBER_WORDS

NUM_WORDS: Final = dict(NUMBER_WORDS)
NUM_WORDS.update({"once": 1, "twice": 2, "thrice": 3, "a": 1, "an": 1})


def by_first_letter(words: list[str]) -> str:
    """``words`` (plain letters) as the alternatives of a pattern, longest first, those that
    begin with the same letter behind it once: ``s(?:eventeen|ixteen|even|ix)|t(?:...)``.

    sre tries an alternation's alternatives one by one at each place; written out whole,
    a place where a count may begin ("t") tried each of some thirty words. So grouped, it
    tries the few that begin there, in the same order, and none other could match there:
    the alternatives tried, and so the match and its groups, are those of the words
    written out in that order (``"|".join(sorted(words, key=len, reverse=True))``).
    """
    groups: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(
        first + rests[0] if len(rests) == 1 else first + "(?:" + "|".join(rests) + ")"
        for first, rests in groups.items()
    )


def counted(words: list[str]) -> str:
    """A group that captures a count: one to three digits or one of ``words``.

    The alternatives are preceded by a look-ahead at the characters they begin with, so
    that at a place where no count can begin the words are not tried one by one.
    """
    firsts = "".join(sorted({w[0] for w in words}))
    return r"(?=[\d" + firsts + r"])(\d{1,3}|" + by_first_letter(words) + ")"


_N: Final = counted([w for w in NUM_WORDS if w not in ("a", "an")])
_NA: Final = counted(list(NUM_WORDS))
FLAGS: Final = re.IGNORECASE


def date_marks(text: str) -> int:
    """How many marks of a date written in digits ``text`` holds ("/", "." and "-"): a
    date holds two (1/2/2016, 01.02.16, 2016-01-02)."""
    return text.count("/") + text.count(".") + text.count("-")


def has_digit(text: str) -> bool:
    """Whether ``text`` holds a decimal digit, as a search of ``"\\d"`` says (a str
    pattern's "\\d" is a character that ``str.isdecimal()``): read by code points, a
    third of what a regex call costs on a text without one."""
    for i in range(len(text)):
        code = ord(text[i])
        if 48 <= code <= 57 or (code > 127 and text[i].isdecimal()):
            return True
    return False


def cut_out(text: str, match: re.Match[str]) -> str:
    """``text`` with ``match``'s span (of ``text``, or of it lower-cased where that keeps
    every position: see :class:`Twin`) replaced by one space. (One span() call: each of
    start() and end() is a method call.)"""
    start, end = match.span()
    return text[:start] + " " + text[end:]


def ascii_letters(text: str) -> bool:
    """Whether an ASCII ``text`` is letters only, as ``str.isalpha()`` says: letters and
    digits (``str.isalnum()``: on ASCII, [A-Za-z0-9]) with no digit. (Compiled, isalnum()
    and :func:`has_digit` run without the method call that isalpha() costs.)"""
    return text.isalnum() and not has_digit(text)


def opens_upper(word: str) -> bool:
    """Whether ``word`` opens with an upper-case character, as ``word[:1].isupper()``
    says: told by its code point where it is ASCII (compiled, without a method call)."""
    if not word:
        return False
    code = ord(word[0])
    return 65 <= code <= 90 if code < 128 else word[:1].isupper()


# The words that say a treatment text counts something (sessions, a frequency, a duration).
COUNTING: Final = (frozenset(NUM_WORDS) - {"a", "an"}) | {
    "weekly",
    "daily",
    "monthly",
    "per",
    "additional",
    "times",
    "x",
}


# Literal text one of which every match of a pattern holds (lower case), by pattern: a
# pattern whose hints are all absent is not searched (see holds()).
WEEK_HINTS: Final = ("week",)
TIMES_HINTS: Final = ("x", "times")
SESSION_HINTS: Final = ("session", "visit", "treatment")
OTHER_COUNT_HINTS: Final = ("day", "week", "month", "hour", "daily", "additional")
# The forms of other_counts that hold none of its hints ("..., 2", "(12)") hold one of
# these marks and a digit.
OTHER_COUNT_MARKS: Final = (",", "(")
DOS_HINTS: Final = ("dos", "date", "on")
# The words lead_filler takes off a site's start; its every match begins with the first
# letter of one of them (case-blind: on ASCII text, that letter or its upper case).
FILLERS: Final = ("of", "the", "for", "to", "on", "in", "at", "with")
FILLER_LETTERS: Final = "".join(sorted({word[0] for word in FILLERS}))


class Twin:
    """A case-blind pattern and its twin: the same source compiled case-sensitive, which
    sre reads several times faster, for a text that is ASCII, searched lower-cased.

    On ASCII text the two find the same spans: the source names letters in lower case
    only (see :func:`twinnable`), so a character matches case-blind exactly when its
    lower case matches case-sensitive, and lower-casing ASCII keeps every position. On
    other text the case-blind pattern is searched, as it matches letters that
    lower-casing does not give (the long s "\u017f" for "s", the Kelvin sign for "k").

    Each method takes the text and ``low``, the text lower-cased. A match's groups are
    ``low``'s when the text is ASCII: what needs the text's own case is cut from the text
    by the match's spans.
    """

    def __init__(self, source: str) -> None:
        if not twinnable(source):
            raise ValueError(f"not a source for a case-sensitive twin: {source!r}")
        self.blind = re.compile(source, FLAGS)
        self.cased = re.compile(source)
        # (Bound once: compiled, ``pattern.search(...)`` looks the method up by its name at
        # each call, a generic call of some hundred instructions. search and match are
        # the methods asked often.)
        self.search_cased = self.cased.search
        self.search_blind = self.blind.search
        self.match_cased = self.cased.match
        self.match_blind = self.blind.match

    def search(self, text: str, low: str) -> re.Match[str] | None:
        """The first match in ``text``."""
        return self.search_cased(low) if is_ascii(text) else self.search_blind(text)

    def match(self, text: str, low: str) -> re.Match[str] | None:
        """The match at the start of ``text``."""
        return self.match_cased(low) if is_ascii(text) else self.match_blind(text)

    def findall(self, text: str, low: str) -> list[str]:
        """The matches' texts (of a source without groups), from ``low`` when ASCII."""
        found: list[str] = self.cased.findall(low) if is_ascii(text) else self.blind.findall(text)
        return found

    def sub(self, repl: str, text: str, low: str, first: int = 0) -> str:
        """``text`` with every match replaced by ``repl`` (plain text, no group
        references), as ``re.sub`` replaces: the text between the matches is kept.
        ``first``: where the first match begins, where the caller found it (no match
        begins before it): on ASCII the matches are looked for from there on."""
        if not is_ascii(text):
            return self.blind.sub(repl, text)
        kept = []
        at = 0
        # (A match found from ``first`` is one found from the start: each place is tried
        # as it is in a search from the start, what stands before it seen.)
        for found in self.cased.finditer(low, first):
            start, end = found.span()  # (one call: each of start() and end() is one)
            kept.append(text[at:start])
            at = end
        if not kept:
            return text
        kept.append(text[at:])
        return repl.join(kept)


class Blind(Twin):
    """A case-blind pattern whose source has no case-sensitive twin (see
    :func:`twinnable`), with a :class:`Twin`'s methods: searched case-blind, whatever the
    text. For a source that is not the reader's own (a user's lexicon)."""

    def __init__(self, source: str) -> None:
        self.blind = re.compile(source, FLAGS)
        self.cased = self.blind
        self.search_cased = self.search_blind = self.blind.search
        self.match_cased = self.match_blind = self.blind.match

    def search(self, text: str, low: str) -> re.Match[str] | None:
        """The first match in ``text``."""
        return self.blind.search(text)

    def match(self, text: str, low: str) -> re.Match[str] | None:
        """The match at the start of ``text``."""
        return self.blind.match(text)

    def findall(self, text: str, low: str) -> list[str]:
        """The matches' texts (of a source without groups)."""
        found: list[str] = self.blind.findall(text)
        return found

    def sub(self, repl: str, text: str, low: str, first: int = 0) -> str:
        """``text`` with every match replaced by ``repl`` (plain text)."""
        return self.blind.sub(repl, text)


def case_blind(source: str) -> Twin:
    """``source`` case-blind: a :class:`Twin` if :func:`twinnable`, else a :class:`Blind`."""
    return Twin(source) if twinnable(source) else Blind(source)


# The parts of a source that match a character and its lower case alike: an escape of a
# class (\s, \d, \w, \b and their negations), of a position (\A, \Z) or of punctuation,
# a group's opening, a range of lower-case letters or of digits. See twinnable().
_SAFE_PARTS: Final = re.compile(
    r"\\[sSdDwWbBAZ]|\\[^a-zA-Z0-9]|\(\?(?:[:=!]|<[=!]|P[<=])|[a-z]-[a-z]|[0-9]-[0-9]"
)
_CLASS: Final = re.compile(r"\[\^?\]?[^\]]*\]")


def twinnable(source: str) -> bool:
    """Whether ``source`` compiled case-sensitive matches lower-cased ASCII text where it
    matches the text case-blind. It must be ASCII and, its safe parts aside, hold no
    upper-case letter, no other escape (``\x41`` is "A", ``\1`` a group's text), no
    flags (``(?-i:``) and no other range (``[!-`]`` holds "A" to "Z", not "a" to "z"):
    a hyphen in a class only first or last."""
    if not is_ascii(source):
        return False
    rest = _SAFE_PARTS.sub("_", source)  # "_": a character that is no range's hyphen
    if "\\" in rest or "(?" in rest or any("A" <= ch <= "Z" for ch in rest):
        return False
    for found in _CLASS.findall(rest):
        body = found[1:-1].removeprefix("^")
        if "-" in body[1:-1]:
            return False
    return True


# The printable ASCII characters that ``Patterns.word`` matches in no place but after a
# "#" (the digits): all but its letters, "'", "-" and "#".
_NO_MATCH: Final = "".join(
    chr(code) for code in range(33, 127) if not chr(code).isalpha() and chr(code) not in "'-#"
)


class Patterns:
    """The reader's own patterns (a plain class: cheap to read when compiled). Those
    that are case-blind are :class:`Twin` where their source allows."""

    def __init__(self) -> None:
        self.dos = Twin(
            r"[(\[]?\b(?:dos|dates?\s+of\s+service|date\s+of\s+services?|dated?|on)\b[:\s]*"
            r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?:\s*(?:-|to|through)\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})?[)\]]?"
        )
        self.date = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")
        self.qty = Twin(r"\b(?:qty|quantity)\b\s*[:#]?\s*(\d{1,5})")
        self.parens = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")
        self.frequency = Twin(
            _NA + r"(?:\s*(?:-|to)\s*" + _N + r")?\s*(?:times?|x|visits?|sessions?)?\s*"
            r"(?:a|per|each|/|every)\s*week(?:ly)?\s*,?\s*(?:for|x|times|over)\s*"
            + _N
            + r"\s*weeks?"
            r"(?:\s*\(\s*(\d{1,3})\s*\))?"
        )
        self.product = Twin(
            r"\b" + _N + r"\s*(?:x|times)\s*" + _N + r"\b(?!\s*(?:mg|%|days?|hours?))"
        )
        self.times = Twin(
            r"\b(?:times|x)\s*" + _N + r"\b(?!\s*(?:mg|%|days?|hours?|weeks?|months?))"
        )
        self.sessions = Twin(
            r"\b"
            + _N
            + r"\s+((?:[a-z/-]+\s+){0,3}?)(?:sessions?|visits?|treatments?)\b(?:\s+of\b)?"
            r"|\b(?:sessions?|visits?)\s*[,:]?\s*(?:#\s*)?(\d{1,3})\b(?!\s*(?:times|x|per|a\s+week))"
        )
        self.leading_count = Twin(
            r"^(\d{1,3})\s+(?=[a-z])(?!(?:mg|mcg|ml|g|cc|units?|times|x|sessions?|visits?)\b)"
        )
        # Its word forms all begin at a word's start: one "\b" before them all, so that
        # inside a word they are not tried one by one.
        self.other_counts = Twin(
            r"\b(?:(?:for\s+)?\b"
            + _N
            + r"(?:\s*(?:-|to)\s*"
            + _N
            + r")?\s*(?:times?\s*)?(?:a|per)\s+(?:day|week|month)\b"
            r"|(?:(?:for|x)\s*)?\b"
            + _N
            + r"(?:\s*(?:-|to)\s*"
            + _N
            + r")?[\s-]*(?:days?|weeks?|months?|hours?)(?:[\s-]+use)?\b"
            r"(?:\s+(?:per|a)\s+(?:day|week))?"
            r"|" + _N + r"\s*times?\s*(?:weekly|daily|monthly)\b"
            r"|weekly\b|daily\b|monthly\b|per\s+(?:day|week)\b|additional\b)"
            r"|,\s*\d{1,3}\s*$|\(\s*\d{1,3}\s*\)"
        )
        self.hash = re.compile(r"#\s*\d+")
        self.strength_at = re.compile(
            r"(?<![\d./-])\d+(?:\.\d+)?(?:\s?[-/]\s?\d+(?:\.\d+)?){0,3}\s?"
            r"(?:mg|mcg|\u00b5g|gm|g|ml|meq|iu|%)(?![a-z])",
            FLAGS,
        )
        self.word = Twin(r"[a-z][a-z'-]*|#\d+")
        self.contrast = Twin(r"\b(?:without|w/o|no)\s+(?:iv\s+)?contrast\b|\bnon-?contrast\b")
        # The white space before a comma, semicolon or slash, taken out (replaced by ""):
        # the mark is looked ahead at, not matched and put back with r"\1", for which
        # re.sub runs interpreted code at each match.
        self.space_before = re.compile(r"\s+(?=[,;/])")
        self.lead_filler = re.compile(r"^(?:(?:" + "|".join(FILLERS) + r")\b[\s,;:]*)+", FLAGS)

    def words(self, low: str) -> list[str]:
        """``self.word``'s matches in ``low`` (a text lower-cased), as ``findall`` finds them.

        No match holds white space, so the text's matches are those of its parts between
        white space, in turn. On ASCII, a part of letters only (lower case: a-z) is one
        match whole, taken as it is, and so are its letters between characters that no
        match holds ("knee,", "(magnetic", "100mg"); only the other parts ("x-ray",
        "emg/ncs", "#60") are searched: a regex call costs as much as five such parts.
        """
        if not is_ascii(low):
            return self.word.findall(low, low)
        found: list[str] = []
        for part in low.split():
            if ascii_letters(part):
                found.append(part)
                continue
            if part.isdigit():
                continue  # digits alone ("2", "12"): a match of digits opens with "#"
            # A match is letters, "'" and "-" opened by a letter, or "#" and digits: the
            # characters stripped off (no "#" among them, so no digit of theirs follows
            # one) are in no match, and the letters between them are one. Nothing left:
            # the part holds no match.
            letters = part.strip(_NO_MATCH)
            if ascii_letters(letters):
                found.append(letters)
            elif letters:
                found += self.word.cased.findall(part)
        return found


def holds(text: str, low: str, hints: tuple[str, ...]) -> bool:
    """Whether a case-blind pattern every match of which holds one of ``hints`` (lower
    case) may match ``text``: ``low`` (``text`` lower-cased) holds one, or ``text`` is
    not ASCII (a case-blind pattern matches letters that lower-casing does not give, as
    the long s "\u017f" for "s"). (Either order gives the same answer; the hints, short
    ``in`` tests, are asked first.)"""
    return any(hint in low for hint in hints) or not is_ascii(text)


def number(word: str | None) -> int | None:
    """A count written in digits or as a word (``"six"``, ``"twice"``); ``None`` if neither."""
    if word is None:
        return None
    if word.isdigit():
        return int(word)
    return NUM_WORDS.get(word.lower())
