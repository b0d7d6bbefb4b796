"""Case facts from the ``CLINICAL CASE SUMMARY`` prose.

Age and sex, the date of injury the prose gives ("sustained an industrial injury on
...", "a history of an occupational claim from ..."), the mechanism of injury without
the words around it ("is detailed as ...") and every diagnosis the prose states, in
any of the reviewers' phrasings ("diagnoses include", "was diagnosed as having",
"is being treated for", "is undergoing treatment for", "a diagnosis of", "has filed a
claim for"), each list item whole. What the prose does not state stays None or empty.

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
from ..wordlists import (
    DIAGNOSIS_LEAD_WORDS,
    DIAGNOSIS_PREMODIFIER_WORDS,
    DIAGNOSIS_QUALIFIER_WORDS,
    DIAGNOSIS_SHARED_HEAD_WORDS,
    DIAGNOSIS_SITE_WORDS,
)
from .dates import InvalidDate, date_from_match, parse_loose, search_date
from .search import lower_ascii

__all__ = ["extract_summary", "find_diagnoses", "split_diagnoses"]

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


# Where a list of diagnoses starts: the diagnoses named ("diagnoses include",
# "diagnosis that includes", "a diagnosis of", "Diagnoses:"), the worker diagnosed
# ("diagnosed as having", "diagnosed with"), treated ("being treated for", "undergoing
# treatment for") or claiming ("has filed a claim for"). Matched where one of
# ``_DIAGNOSIS_KEYS`` stands; the forms in groups ``lead`` and ``claim`` also need the
# word before them ("undergoing", ``_TREATMENT_LEAD``; "filed").
_DIAGNOSES: Final = re.compile(
    r"(?:\b(?:diagnoses|diagnosis|diagnostic[ \t]+impressions?|impressions?)"
    r"(?:[ \t]+(?:at|on|in|per|from|during)\b[^.;:]{1,40}?)?"
    r"(?:[ \t]+(?:that|which))?(?:[ \t]+(?:have|has))?(?:[ \t]+been)?"
    r"[ \t]+(?:included|includes?|consists?[ \t]+of|consisted[ \t]+of"
    r"|are|were|is|was|listed[ \t]+as)[ \t]*:?"
    r"|\bdiagnos(?:is|es)[ \t]+of\b"
    r"|\bdiagnosed[ \t]+(?:as[ \t]+having|with|as)\b"
    r"|\btreated[ \t]+for\b(?![ \t]+(?:\d|approximately|about|several|over|one|two|three|four"
    r"|five|six|a[ \t]+(?:few|couple|total|period)|the[ \t]+(?:past|last))\b)"
    r"|(?P<lead>\btreatments?[ \t]+for\b)"
    r"|(?P<claim>\bclaim[ \t]+for\b)"
    r"|(?:^|(?<=[.:][ \t]))Diagnos(?:is|es)[ \t]*(?::|(?=[ \t]+(?!of\b)[a-z])))[ \t]*:?[ \t]*",
    re.IGNORECASE,
)
_DIAGNOSIS_KEYS: Final = ("diagnos", "impression", "treat", "claim for")
# How "treat" starts the trigger's forms that have it (the text is cleaned: one space).
_TREATED_FOR: Final = ("treated for", "treatment for", "treatments for")
# The word before "treatment(s) for" that makes it a diagnosis statement.
_TREATMENT_LEAD: Final = frozenset(("undergoing", "receiving", "under", "active", "ongoing"))
# Words before the list that are no part of it ("documented as", "the diagnosis of").
_LIST_FILLER: Final = re.compile(
    r"(?:(?:documented|noted|detailed|listed|described|reported|given|stated)[ \t]+"
    r"(?:as|to[ \t]+(?:include|be))[ \t]+"
    r"|(?:the|a|an)[ \t]+(?:(?:current|working|primary)[ \t]+)?diagnos(?:is|es)[ \t]+of[ \t]+)+",
    re.IGNORECASE,
)
# Where a list stops before its sentence does ("... reportedly associated with an
# industrial injury of ...", "... and was prescribed ...", "... was confirmed").
_LIST_STOP: Final = re.compile(
    r"[ \t,](?:(?:was|were)[ \t]|and[ \t]+(?:is|was|were|are|has|had|have|will|would|did|does"
    r"|underwent|reported|complained|presented|denied)\b|(?:reportedly|allegedly)\b"
    r"|(?:associated[ \t]+with|attributed[ \t]+to)[ \t]+(?:an?[ \t]+|the[ \t]+|his[ \t]+|her[ \t]+)?"
    r"(?:industrial|work|occupational|cumulative|continuous|repetitive|\d))"
)
# List separators, searched in the lower-case text: parentheses (no separator inside
# them counts), semicolons, commas, "and", "as well as"; a new item also starts at each
# "rule out" inside a run of words. An "and" or "or" right after a comma or semicolon
# belongs to it (``_AFTER_SEPARATOR``).
# (Every branch starts with a literal character, so that a search skips at C speed to
# the characters that can start one.)
_WORD_SEPARATOR: Final = r"(?:(?:and|as[ \t]+well[ \t]+as)(?=[ \t])|(?:rule[ \t]+out|r/o)\b)"
_LIST_MARK: Final = re.compile(rf"\(|\)|,|;| {_WORD_SEPARATOR}|\t{_WORD_SEPARATOR}")
_AFTER_SEPARATOR: Final = re.compile(r"[ \t]*(?:(?:and|or)[ \t]+)?")
# A piece that gives the cause of the diagnosis before it, not a diagnosis.
_CAUSE_LINK: Final = re.compile(
    r"(?:secondary[ \t]+to|due[ \t]+to|caused[ \t]+by|status[ \t]+post[ \t]+\w+ing)\b",
    re.IGNORECASE,
)
# What, before the word "diagnosis", makes it no statement of one: "to establish a
# diagnosis of", "no diagnosis of", "for the diagnosis of" (a guideline's purpose), "rule
# out a diagnosis of". Checked on the last word before it, past an article.
_NOT_STATED: Final = frozenset(
    (
        "validate", "validating", "establish", "establishing", "confirm", "confirming",
        "support", "supporting", "exclude", "excluding", "out", "no", "not", "without",
        "for", "any",
    )
)  # fmt: skip
_ARTICLES: Final = frozenset(("a", "an", "the", "this", "that"))
# A "list" that says there is none: "diagnoses were not documented".
_NO_LIST: Final = re.compile(
    r"(?:not|none|unknown|unclear|pending|deferred|undetermined)\b",
    re.IGNORECASE,
)
# Words skipped at the start of an item when asking whether it names sites alone.
_OPENING_WORDS: Final = DIAGNOSIS_LEAD_WORDS | frozenset(("a", "an", "the", "his", "her", "their"))
_CAUSE_WORDS: Final = frozenset(("secondary", "due", "caused", "status"))
_LEADING_ARTICLE: Final = re.compile(r"(?:an?|the|his|her|their)[ \t]+(?=\S)", re.IGNORECASE)
_PREPOSITIONS: Final = frozenset(("of", "in", "at", "to", "on", "with", "without", "involving"))
_SITE_OR_QUALIFIER: Final = DIAGNOSIS_QUALIFIER_WORDS | DIAGNOSIS_SITE_WORDS
# The punctuation that is no part of a word, for the words of a list's pieces.
_PUNCTUATION_TO_SPACE: Final = str.maketrans(dict.fromkeys(",.:;\"'()[]", " "))
# A full stop (inside a closing quote too) before the next sentence or the end.
_SENTENCE_END: Final = re.compile(r"\.[\"\u201d]?(?=[ \t]+[A-Z(\"'\u201c]|$)|\.[ \t]*$")


def _sentence(text: str, start: int) -> str:
    end = _SENTENCE_END.search(text, start)
    return text[start : end.start() if end else len(text)]


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


def split_diagnoses(text: str) -> tuple[str, ...]:
    """Split a list of diagnoses into whole items.

    Semicolons, commas and "and" separate items, except where the piece after them
    only continues the item before (ICD-style qualifiers, more sites after "of"), the
    item before is no more than sites that share the next piece's head noun, or a
    bare head noun shares the sites before it:

    >>> split_diagnoses("chronic pain syndrome, pain in joint, lower leg, arthropathy, "
    ...                 "unspecified, shoulder region, and degeneration of lumbar disc")
    ('chronic pain syndrome', 'pain in joint, lower leg', 'arthropathy, unspecified, shoulder region', 'degeneration of lumbar disc')
    >>> split_diagnoses("contusion of face, scalp and neck and right and left knee sprain")
    ('contusion of face, scalp and neck', 'right and left knee sprain')
    >>> split_diagnoses("neck, back and shoulder pain, right knee contusion and injury")
    ('neck, back and shoulder pain', 'right knee contusion and injury')
    >>> split_diagnoses("wrist pain rule out carpal tunnel syndrome; hypertension")
    ('wrist pain', 'rule out carpal tunnel syndrome', 'hypertension')
    """
    # Pieces as spans of ``text`` with the separator before each: items are rejoined
    # from the text itself, so that they keep the letter's own punctuation.
    low = lower_ascii(text)
    pieces: list[tuple[str, int, int]] = []
    depth = 0
    kind = ""
    start = 0
    for mark in _LIST_MARK.finditer(low):
        at = mark.start()
        char = low[at]
        if char == "(":
            depth += 1
            continue
        if char == ")":
            depth = max(0, depth - 1)
            continue
        if depth or at < start:  # (an "and" that a comma's separator took already)
            continue
        pieces.append((kind, start, at))
        if char == "," or char == ";":
            kind = char
            after = _AFTER_SEPARATOR.match(low, mark.end())
            start = after.end() if after else mark.end()
        elif low.startswith("r", at + 1):
            kind = "r"
            start = at + 1
        else:
            kind = "and"
            start = mark.end()
    pieces.append((kind, start, len(text)))
    # Items as [begin, end] spans, with the words of each (lower case, bare: the list's
    # punctuation read as spaces, once for the whole list).
    bare = low.translate(_PUNCTUATION_TO_SPACE)
    spans: list[list[int]] = []
    item_words: list[list[str]] = []
    for kind, begin, end in pieces:
        words = bare[begin:end].split()
        if not words:
            continue
        if (
            spans
            and kind != ";"
            and kind != "r"
            and _continues(item_words[-1], kind, text, begin, words)
        ):
            spans[-1][1] = end
            item_words[-1].extend(words)
        else:
            spans.append([begin, end])
            item_words.append(words)
    found: list[str] = []
    for (begin, end), words in zip(spans, item_words, strict=True):
        # An item of sites alone ("the right knee") names where, not what: no diagnosis.
        item = _clean_item(text[begin:end])
        if item and not _only_sites(words):
            found.append(item)
    return tuple(found)


def _only_sites(words: list[str]) -> bool:
    """Whether ``words`` name sites and qualifiers only (after lead words such as "rule out")."""
    at = 0
    while at < len(words) and words[at] in _OPENING_WORDS:
        at += 1
    rest = words[at:]
    return bool(rest) and _SITE_OR_QUALIFIER.issuperset(rest)


def _continues(before: list[str], kind: str, text: str, at: int, words: list[str]) -> bool:
    """Whether the piece at ``at`` (``words``, after a separator of ``kind``) belongs to
    the item before it (``before``: its words)."""
    head = words
    for i, word in enumerate(words):
        if word in _PREPOSITIONS:
            head = words[:i]
            break
    # More sites or qualifiers for the item before: "pain in joint, lower leg",
    # "strain of muscle, fascia and tendon at neck level". Not a piece that ends in a
    # premodifier ("right" in "..., right and left knee sprain"): that one opens an item.
    if head and _SITE_OR_QUALIFIER.issuperset(head) and head[-1] not in DIAGNOSIS_PREMODIFIER_WORDS:
        return True
    # The item so far is only sites, or ends in a premodifier: it shares the head noun
    # of what follows ("left and right sided sciatica", "neck, back and shoulder pain").
    if before and (_only_sites(before) or before[-1] in DIAGNOSIS_PREMODIFIER_WORDS):
        return True
    # The cause of the diagnosis before it: "facial contusion, status post being punched".
    if words[0] in _CAUSE_WORDS and _CAUSE_LINK.match(text, at):
        return True
    # A bare head noun that shares the sites before it: "right knee contusion and
    # injury", "numbness and weakness of both hands".
    if kind == "and":
        shared = words[0] in DIAGNOSIS_SHARED_HEAD_WORDS and (
            len(words) == 1 or words[1] not in _PREPOSITIONS
        )
        return shared or (len(before) == 1 and before[0] in DIAGNOSIS_SHARED_HEAD_WORDS)
    return False


def _clean_item(item: str) -> str:
    """An item without its separators, leading article or stray quote and bracket."""
    item = item.strip(" \t.,;:")
    if item.count('"') % 2:
        item = item.replace('"', "")
    if item.count("[") != item.count("]"):
        item = item.replace("[", "").replace("]", "")
    item = item.strip(" \t.,;:")
    article = _LEADING_ARTICLE.match(item) if item[:1] in "aAtThH" else None
    if article:
        item = item[article.end() :]
    return item


def find_diagnoses(text: str, low: str | None = None) -> tuple[str, ...]:
    """Every diagnosis the summary prose states, in the order it states them, once each.

    >>> find_diagnoses("The injured worker is being treated for a lumbar strain and "
    ...     "contusion of the right elbow. He has a comorbid diagnosis of hypertension.")
    ('lumbar strain', 'contusion of the right elbow', 'hypertension')
    >>> find_diagnoses("The current diagnoses are documented as cervical sprain; and "
    ...     "pain in joint, lower leg.")
    ('cervical sprain', 'pain in joint, lower leg')
    """
    low = lower_ascii(text) if low is None else low
    # Try the trigger where one of its keywords stands (found at C speed), in text order.
    marks: list[int] = []
    for key in _DIAGNOSIS_KEYS:
        at = low.find(key)
        while at >= 0:
            marks.append(at)
            at = low.find(key, at + len(key))
    marks.sort()
    found: list[str] = []
    seen: set[str] = set()
    done = 0
    for mark in marks:
        if mark < done:
            continue
        if low.startswith("treat", mark) and not low.startswith(_TREATED_FOR, mark):
            continue  # ("treating physician", "treatment to date": no regex for these)
        trigger = _DIAGNOSES.match(text, mark)
        if trigger is None:
            continue
        before = low[max(0, mark - 30) : mark].split()
        if before and before[-1] in _ARTICLES:
            before.pop()
        last = before[-1] if before else ""
        if trigger.group("lead"):
            if last not in _TREATMENT_LEAD:
                continue
        elif trigger.group("claim"):
            if last != "filed":
                continue
        elif last in _NOT_STATED and low.startswith("diagnos", mark):
            continue
        begin = trigger.end()
        filler = _LIST_FILLER.match(text, begin)
        if filler:
            begin = filler.end()
        listed = _sentence(text, begin)
        stop = _LIST_STOP.search(low, begin, begin + len(listed))
        if stop:
            listed = listed[: stop.start() - begin]
        done = begin + len(listed)
        if _NO_LIST.match(listed):
            continue
        for item in split_diagnoses(listed):
            key = lower_ascii(item)
            if key not in seen:
                seen.add(key)
                found.append(item)
    return tuple(found)


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
