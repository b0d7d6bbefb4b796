"""Case facts from the ``CLINICAL CASE SUMMARY`` prose.

>>> s = extract_summary("The injured worker is a 51 year old female, who sustained an "
...     "industrial injury on 3-1-08. The injured worker was diagnosed as having "
...     "multiple fusions, residual thoracolumbar pain and lumbar radiculopathy. Treatment to date has "
...     "included physical therapy.")
>>> s.age, s.sex.value, s.date_of_injury.isoformat(), s.diagnoses
(51, 'female', '2008-03-01', ('multiple fusions', 'residual thoracolumbar pain', 'lumbar radiculopathy'))
"""

from __future__ import annotations

import datetime
import re
from itertools import repeat
from typing import Final

from ..diagnostics import Collector
from ..lexicon import DIAGNOSIS_QUALIFIER_WORDS
from ..records import CaseSummary, Sex
from .citations import split_topics
from .dates import InvalidDate, date_from_match, parse_loose, search_date
from .search import lower_ascii

__all__ = ["extract_summary", "split_diagnoses", "strip_boilerplate"]

# (The word boundary before the age is tested after its first digit, so that the
# pattern starts with a digit and a search skips to digits at C speed.)
_AGE_SEX: Final = re.compile(
    r"(\d(?<!\w\d)\d{0,2})[- \t]?(?:years?|yrs?|y/?o|y\.o\.)(?:[- \t]?old)?,?[ \t]+(?:[A-Za-z-]+[ \t]+){0,2}?"
    r"(male|female|man|woman|gentleman|lady|boy|girl)\b",
    re.IGNORECASE,
)
_AGE_ONLY: Final = re.compile(r"\b(\d{1,3})[- \t]?(?:years?|yrs?)[- \t]?old\b", re.IGNORECASE)
_SEX_ONLY: Final = re.compile(r"\b(male|female)\b", re.IGNORECASE)
_SEX_WORDS: Final = {
    "male": Sex.MALE,
    "man": Sex.MALE,
    "gentleman": Sex.MALE,
    "boy": Sex.MALE,
    "female": Sex.FEMALE,
    "woman": Sex.FEMALE,
    "lady": Sex.FEMALE,
    "girl": Sex.FEMALE,
}
_INJURY: Final = re.compile(r"\binjur(?:y|ies|ed)\b|\bDOI\b", re.IGNORECASE)
_MONTH_WORD: Final = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b", re.IGNORECASE
)
_MECHANISM_NONE: Final = re.compile(
    r"\bmechanism[ \t]+of[ \t]+(?:the[ \t]+)?injury[ \t]+(?:is|was|has[ \t]+been|were)?[ \t]*"
    r"(?:not\b|un(?:known|clear|documented|specified|described)|never\b|no[ \t]+)",
    re.IGNORECASE,
)
_MECHANISM: Final = re.compile(
    r"\bmechanism[ \t]+of[ \t]+(?:the[ \t]+)?injury[ \t]*(?:is|was|involved|:|-)[ \t]*"
    r"(?:described[ \t]+as[ \t]+|reported[ \t]+as[ \t]+|noted[ \t]+as[ \t]+|that[ \t]+)?([^.;]{3,300})",
    re.IGNORECASE,
)
_MECHANISM_AFTER_DATE: Final = re.compile(
    r"[ \t,]*(?:while|when|after|as[ \t]+a[ \t]+result[ \t]+of|due[ \t]+to|secondary[ \t]+to)"
    r"[ \t]+([^.;]{3,300})",
    re.IGNORECASE,
)
_DIAGNOSES: Final = re.compile(
    r"(?:\b(?:diagnoses|diagnosis|diagnostic[ \t]+impressions?|impressions?)"
    r"(?:[ \t]+(?:have|has))?[ \t]+(?:included|includes?|consists?[ \t]+of|consisted[ \t]+of"
    r"|are|were|is|was|listed[ \t]+as)[ \t]*:?"
    r"|\bdiagnosed[ \t]+(?:as[ \t]+having|with)"
    r"|(?:^|(?<=[.:][ \t]))Diagnos(?:is|es)[ \t]*(?::|(?=[ \t]+(?!of\b)[a-z])))[ \t]*",
    re.IGNORECASE,
)
_SENTENCE_END: Final = re.compile(r"\.(?=[ \t]+[A-Z(\"']|$)|\.[ \t]*$")
_BOILERPLATE_START: Final = re.compile(
    r"^The[ \t]+\w+[ \t]+reviewer[ \t]+developed[ \t]+the[ \t]+following", re.IGNORECASE
)
_LEADING_AND: Final = re.compile(r"^(?:and|or)[ \t]+", re.IGNORECASE)


def strip_boilerplate(text: str) -> str:
    """Drop the section's fixed opening sentence ("The expert reviewer developed ... records:").

    >>> strip_boilerplate("The expert reviewer developed the following clinical case summary "
    ...                   "based on a review of the case file, including all medical records: The patient")
    'The patient'
    """
    if _BOILERPLATE_START.match(text):
        colon = text.find(":", 0, 400)
        if colon >= 0:
            return text[colon + 1 :].lstrip()
    return text


def _sentence(text: str, start: int) -> str:
    end = _SENTENCE_END.search(text, start)
    return text[start : end.start() if end else len(text)]


def _date_of_injury(
    text: str, low: str, diag: Collector, line: int
) -> tuple[datetime.date | None, int | None]:
    """The first date within the sentence after a mention of injury, and where it ends."""
    anchors = [i for i in (low.find("injur"), low.find("doi")) if i >= 0]
    if not anchors:
        return None, None
    for count, mark in enumerate(_INJURY.finditer(text, min(anchors))):
        if count >= 6:
            break
        stop = _SENTENCE_END.search(text, mark.end())
        endpos = min(mark.end() + 120, stop.start() if stop else len(text))
        match = search_date(text, mark.end(), endpos)
        if match is not None:
            try:
                return date_from_match(match), match.end()
            except InvalidDate as exc:
                diag.add("invalid-date", f"date of injury: {exc}", line)
                return None, None
        window = text[mark.end() : endpos]
        if _MONTH_WORD.search(window):
            found = parse_loose(window)
            if found is not None:
                return found, endpos
    return None, None


def _mechanism(text: str, low: str, injury_date_end: int | None) -> str | None:
    at = low.find("mechanism")
    while at >= 0:  # both patterns start with the word: match where it stands
        if _MECHANISM_NONE.match(text, at):
            return None
        stated = _MECHANISM.match(text, at)
        if stated:
            return stated.group(1).strip(" ,") or None
        at = low.find("mechanism", at + 1)
    if injury_date_end is not None:
        after = _MECHANISM_AFTER_DATE.match(text, injury_date_end)
        if after:
            return after.group(1).strip(" ,") or None
    return None


def split_diagnoses(text: str) -> tuple[str, ...]:
    """Split a list of diagnoses, keeping ICD-style qualifiers with their diagnosis.

    >>> split_diagnoses("chronic pain syndrome, pain in joint, lower leg, arthropathy, "
    ...                 "unspecified, shoulder region, and degeneration of lumbar disc")
    ('chronic pain syndrome', 'pain in joint, lower leg', 'arthropathy, unspecified, shoulder region', 'degeneration of lumbar disc')
    """
    # (The regex only where a piece may start with "and" or "or": most do not.)
    pieces = [_LEADING_AND.sub("", p) if p[:1] in "aAoO" else p for p in split_topics(text)]
    # The list's last "and" joins its last two items; it stands in the last piece that is
    # not only qualifiers (the last item may end in qualifiers of its own: "cervicalgia and
    # arthropathy, unspecified, shoulder region"). Split there before qualifiers are merged,
    # so that in "arthropathy, unspecified, shoulder region and cervicalgia" the qualifiers
    # stay with "arthropathy". A right side of qualifiers only ("pain in joint and lower
    # leg") is no item; a left side of qualifiers only needs an item before it to qualify.
    k = len(pieces) - 1
    while k > 0 and _qualifies(pieces[k]):
        k -= 1
    if pieces:
        last = pieces[k]
        cut = lower_ascii(last).rfind(" and ")
        if cut > 0 and not _qualifies(last[cut + 5 :]) and (k >= 1 or not _qualifies(last[:cut])):
            pieces[k : k + 1] = [last[:cut], last[cut + 5 :]]
    merged: list[str] = []
    for piece in pieces:
        words = piece.lower().split()
        if merged and words and len(words) <= 4 and DIAGNOSIS_QUALIFIER_WORDS.issuperset(words):
            merged[-1] = f"{merged[-1]}, {piece}"
        else:
            merged.append(piece)
    return tuple(filter(None, map(str.strip, merged, repeat(" ."))))


def _qualifies(text: str) -> bool:
    """Whether ``text`` is only qualifier words ("lower leg", "unspecified, shoulder region")."""
    return DIAGNOSIS_QUALIFIER_WORDS.issuperset(map(str.strip, text.lower().split(), repeat(",")))


def extract_summary(text: str, diag: Collector | None = None, line: int = 1) -> CaseSummary:
    """Read the case facts from the cleaned summary prose (boilerplate already removed)."""
    diag = diag if diag is not None else Collector()
    low = lower_ascii(text)
    age: int | None = None
    sex: Sex | None = None
    ages = [i for i in (low.find("y"), low.find("old")) if i >= 0]
    age_sex = _AGE_SEX.search(text, max(0, min(ages) - 8)) if ages else None
    if age_sex:
        age = int(age_sex.group(1))
        sex = _SEX_WORDS[age_sex.group(2).lower()]
    else:
        age_only = _AGE_ONLY.search(text)
        if age_only:
            age = int(age_only.group(1))
        sex_only = _SEX_ONLY.search(text, 0, 600)
        if sex_only:
            sex = _SEX_WORDS[sex_only.group(1).lower()]

    date_of_injury, date_end = _date_of_injury(text, low, diag, line)

    diagnoses: tuple[str, ...] = ()
    marks = [i for i in (low.find("diagnos"), low.find("impression")) if i >= 0]
    # Every form of the trigger starts with one of the two words: start at the first.
    trigger = _DIAGNOSES.search(text, min(marks)) if marks else None
    if trigger:
        diagnoses = split_diagnoses(_sentence(text, trigger.end()))

    for name, value in (
        ("age", age),
        ("sex", sex),
        ("date of injury", date_of_injury),
        ("diagnoses", diagnoses or None),
    ):
        if value is None:
            diag.add("field-not-found", f"the case summary states no {name}", line)
    return CaseSummary(
        age=age,
        sex=sex,
        date_of_injury=date_of_injury,
        mechanism_of_injury=_mechanism(text, low, date_end),
        diagnoses=diagnoses,
        text=text,
    )
