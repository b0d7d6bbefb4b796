"""The classifier's own text patterns (dates of service, quantities, frequencies, counts).

Compiled on first use, not at import; see :func:`compile_patterns`.
"""

from __future__ import annotations

import re
from typing import Final

from ..wordlists import NUMBER_WORDS

NUM_WORDS: Final = dict(NUMBER_WORDS)
NUM_WORDS.update({"once": 1, "twice": 2, "thrice": 3, "a": 1, "an": 1})


def counted(words: list[str]) -> str:
    """A group that captures a count: one to three digits or one of ``words``.

    The alternatives are preceded by a look-ahead at the characters they begin with, so
    that at a place where no count can begin the words are not tried one by one.
    """
    firsts = "".join(sorted({w[0] for w in words}))
    return (
        r"(?=[\d" + firsts + r"])(\d{1,3}|" + "|".join(sorted(words, key=len, reverse=True)) + ")"
    )


_N: Final = counted([w for w in NUM_WORDS if w not in ("a", "an")])
_NA: Final = counted(list(NUM_WORDS))
FLAGS: Final = re.IGNORECASE
DIGIT: Final = re.compile(r"\d")

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
OTHER_COUNT_HINTS: Final = ("day", "week", "month", "hour", "daily", "additional", ",", "(")
DOS_HINTS: Final = ("dos", "date", "on")


class Patterns:
    """The reader's own patterns (a plain class: cheap to read when compiled)."""

    def __init__(self) -> None:
        self.dos = re.compile(
            r"[(\[]?\b(?:DOS|dates?\s+of\s+service|date\s+of\s+services?|dated?|on)\b[:\s]*"
            r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?:\s*(?:-|to|through)\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})?[)\]]?",
            FLAGS,
        )
        self.date = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")
        self.qty = re.compile(r"\b(?:qty|quantity)\b\s*[:#]?\s*(\d{1,5})", FLAGS)
        self.parens = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")
        self.frequency = re.compile(
            _NA + r"(?:\s*(?:-|to)\s*" + _N + r")?\s*(?:times?|x|visits?|sessions?)?\s*"
            r"(?:a|per|each|/|every)\s*week(?:ly)?\s*,?\s*(?:for|x|times|over)\s*"
            + _N
            + r"\s*weeks?"
            r"(?:\s*\(\s*(\d{1,3})\s*\))?",
            FLAGS,
        )
        self.product = re.compile(
            r"\b" + _N + r"\s*(?:x|times)\s*" + _N + r"\b(?!\s*(?:mg|%|days?|hours?))", FLAGS
        )
        self.times = re.compile(
            r"\b(?:times|x)\s*" + _N + r"\b(?!\s*(?:mg|%|days?|hours?|weeks?|months?))", FLAGS
        )
        self.sessions = re.compile(
            r"\b"
            + _N
            + r"\s+((?:[a-z/-]+\s+){0,3}?)(?:sessions?|visits?|treatments?)\b(?:\s+of\b)?"
            r"|\b(?:sessions?|visits?)\s*[,:]?\s*(?:#\s*)?(\d{1,3})\b(?!\s*(?:times|x|per|a\s+week))",
            FLAGS,
        )
        self.leading_count = re.compile(
            r"^(\d{1,3})\s+(?=[a-z])(?!(?:mg|mcg|ml|g|cc|units?|times|x|sessions?|visits?)\b)",
            FLAGS,
        )
        self.other_counts = re.compile(
            r"(?:\bfor\s+)?\b"
            + _N
            + r"(?:\s*(?:-|to)\s*"
            + _N
            + r")?\s*(?:times?\s*)?(?:a|per)\s+(?:day|week|month)\b"
            r"|(?:\b(?:for|x)\s*)?\b"
            + _N
            + r"(?:\s*(?:-|to)\s*"
            + _N
            + r")?[\s-]*(?:days?|weeks?|months?|hours?)(?:[\s-]+use)?\b"
            r"(?:\s+(?:per|a)\s+(?:day|week))?"
            r"|\b" + _N + r"\s*times?\s*(?:weekly|daily|monthly)\b"
            r"|\bweekly\b|\bdaily\b|\bmonthly\b|\bper\s+(?:day|week)\b|\badditional\b"
            r"|,\s*\d{1,3}\s*$|\(\s*\d{1,3}\s*\)",
            FLAGS,
        )
        self.hash = re.compile(r"#\s*\d+")
        self.strength_at = re.compile(
            r"(?<![\d./-])\d+(?:\.\d+)?(?:\s?[-/]\s?\d+(?:\.\d+)?){0,3}\s?"
            r"(?:mg|mcg|\u00b5g|gm|g|ml|meq|iu|%)(?![a-z])",
            FLAGS,
        )
        self.word = re.compile(r"[a-z][a-z'-]*|#\d+", FLAGS)
        self.contrast = re.compile(
            r"\b(?:without|w/o|no)\s+(?:iv\s+)?contrast\b|\bnon-?contrast\b", FLAGS
        )
        self.space_before = re.compile(r"\s+([,;/])")
        self.separators = re.compile(r"[\s,;:]+")
        self.lead_filler = re.compile(r"^(?:(?:of|the|for|to|on|in|at|with)\b[\s,;:]*)+", FLAGS)


def holds(text: str, low: str, hints: tuple[str, ...]) -> bool:
    """Whether a case-blind pattern every match of which holds one of ``hints`` (lower
    case) may match ``text``: ``low`` (``text`` lower-cased) holds one, or ``text`` is
    not ASCII (a case-blind pattern matches letters that lower-casing does not give, as
    the long s "\u017f" for "s")."""
    return not text.isascii() or any(hint in low for hint in hints)


def number(word: str | None) -> int | None:
    """A count written in digits or as a word (``"six"``, ``"twice"``); ``None`` if neither."""
    if word is None:
        return None
    if word.isdigit():
        return int(word)
    return NUM_WORDS.get(word.lower())
