"""Case facts from the ``CLINICAL CASE SUMMARY`` prose.

Age and sex, the date of injury the prose gives ("sustained an industrial injury on
...", "a history of an occupational claim from ..."), the mechanism of injury without
the words around it ("is detailed as ...") and every diagnosis the prose states, each
list item whole (found by :mod:`imrparse.extractors.diagnoses`). What the prose does not
state stays None or empty.

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
from typing import Final

from ..diagnostics import Collector
from ..records import CaseSummary, Sex
from .dates import InvalidDate, date_from_match, parse_loose, search_date
from .diagnoses import find_diagnoses
from .search import SENTENCE_END, lower_ascii

__all__ = ["extract_summary"]

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
# A mention of the injury, or of the claim for it ("a history of an occupational claim
# from 10/14/2016"): the date of injury is the first date shortly after one.
_INJURY: Final = re.compile(
    r"\binjur(?:y|ies|ed)\b|\bDOI\b|\bclaim[ \t]+(?=(?:from|of|on|dated)\b)", re.IGNORECASE
)
_MONTH_WORD: Final = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b", re.IGNORECASE
)
_MECHANISM_NONE: Final = re.compile(
    r"\bmechanism[ \t]+of[ \t]+(?:the[ \t]+)?injury[ \t]+(?:is|was|has[ \t]+been|were)?[ \t]*"
    r"(?:not\b|un(?:known|clear|documented|specified|described)|never\b|no[ \t]+)",
    re.IGNORECASE,
)
_MECHANISM: Final = re.compile(
    r"\bmechanism[ \t]+of[ \t]+(?:the[ \t]+)?injury[ \t]*(?:is|was|has[ \t]+been|involved|occurred|:|-)"
    r"[ \t]*([^.;]{3,300})",
    re.IGNORECASE,
)
_MECHANISM_AFTER_DATE: Final = re.compile(
    r"[ \t,]*(?:while|when|after|as[ \t]+a[ \t]+result[ \t]+of|due[ \t]+to|secondary[ \t]+to)"
    r"[ \t]+([^.;]{3,300})",
    re.IGNORECASE,
)
# "He reported injury when carrying ...", "injured her back while lifting ...".
_INJURY_WHEN: Final = re.compile(
    r"injur(?:y|ed)[ \t]+(?:(?:his|her|their)[ \t]+[a-z]+[ \t]+)?(?:when|while)[ \t]+([^.;]{3,300})",
    re.IGNORECASE,
)
# A mechanism named by itself: "associated with cumulative trauma at work".
_TRAUMA: Final = re.compile(
    r"\b(?:cumulative|continuous|repetitive|repeated)[ \t]+trauma\b", re.IGNORECASE
)
_CLAUSE_REST: Final = re.compile(r"[^.;,()]{0,80}")
# "status post being punched in the face": the event the diagnosis followed.
_STATUS_POST_EVENT: Final = re.compile(
    r"\bstatus[ \t]+post[ \t]+(being[ \t]+[a-z]+\b[^.;,()]{0,80})", re.IGNORECASE
)
# Words before the mechanism that are no part of it: "detailed as", "occurring when the
# patient", "from". Applied repeatedly at the start.
_MECHANISM_LEAD: Final = re.compile(
    r"(?:(?:detailed|described|documented|reported|noted|listed|given|stated)[ \t]+as"
    r"|occurr(?:ing|ed)|that|when|while|from|by"
    r"|(?:(?:the[ \t]+)?(?:patient|injured[ \t]+worker|applicant|employee|worker|claimant)"
    r"|he|she|they)(?:[ \t]+(?:was|were|had))?)[ \t]+",
    re.IGNORECASE,
)
# A symptom's onset, with the activity after it: "felt sharp pain ... while getting out
# of the car" reads as "getting out of the car".
_ONSET: Final = re.compile(
    r"(?:felt|experienced|developed|noticed|noted)\b[^.;]*?[ \t](?:while|when)[ \t]+", re.IGNORECASE
)
# Where the mechanism's consequences start: "... and felt a strain on the back".
_MECHANISM_END: Final = re.compile(
    r"[ \t,]+(?:and[ \t]+(?:felt|experienced|developed|noticed)|resulting[ \t]+in)\b",
    re.IGNORECASE,
)


def _date_of_injury(
    text: str, low: str, diag: Collector, line: int
) -> tuple[datetime.date | None, int | None]:
    """The first date within the sentence after a mention of injury, and where it ends."""
    anchors = [i for i in (low.find("injur"), low.find("doi"), low.find("claim")) if i >= 0]
    if not anchors:
        return None, None
    for count, mark in enumerate(_INJURY.finditer(text, min(anchors))):
        if count >= 6:
            break
        stop = SENTENCE_END.search(text, mark.end())
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
    """How the injury happened, as the prose states it; None if it says not or says nothing."""
    at = low.find("mechanism")
    while at >= 0:  # both patterns start with the word: match where it stands
        if _MECHANISM_NONE.match(text, at):
            return None
        stated = _MECHANISM.match(text, at)
        if stated:
            return _clean_mechanism(stated.group(1))
        at = low.find("mechanism", at + 1)
    if injury_date_end is not None:
        after = _MECHANISM_AFTER_DATE.match(text, injury_date_end)
        if after:
            return _clean_mechanism(after.group(1))
    at = low.find("injur")
    while at >= 0:
        when = _INJURY_WHEN.match(text, at)
        if when:
            return _clean_mechanism(when.group(1))
        at = low.find("injur", at + 5)
    at = low.find(" trauma")
    while at >= 0:
        trauma = _TRAUMA.search(text, max(0, at - 14), at + 8)
        if trauma:
            rest = _CLAUSE_REST.match(text, trauma.end())
            return _clean_mechanism(text[trauma.start() : rest.end() if rest else trauma.end()])
        at = low.find(" trauma", at + 7)
    at = low.find("status post being")
    if at >= 0:
        event = _STATUS_POST_EVENT.match(text, at)
        if event:
            return _clean_mechanism(event.group(1))
    return None


def _clean_mechanism(found: str) -> str | None:
    """The mechanism without the words that lead to it or the symptoms that followed.

    >>> _clean_mechanism("detailed as occurring when the patient lifted a box and felt pain")
    'lifted a box'
    >>> _clean_mechanism("the injured worker felt sharp pain in the neck while getting out of a car")
    'getting out of a car'
    """
    at = 0
    lead = _MECHANISM_LEAD.match(found)
    while lead is not None:
        at = lead.end()
        lead = _MECHANISM_LEAD.match(found, at)
    found = found[at:]
    onset = _ONSET.match(found)
    if onset:
        found = found[onset.end() :]
    end = _MECHANISM_END.search(found)
    if end:
        found = found[: end.start()]
    return found.strip(" \t,") or None


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

    diagnoses = find_diagnoses(text, low)

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
