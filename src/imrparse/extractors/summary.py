"""Case facts from the ``CLINICAL CASE SUMMARY`` prose.

Age and sex, the date of injury the prose gives ("sustained an industrial injury on
...", "a history of an occupational claim from ..."), the mechanism of injury without
the words around it ("is detailed as ...") and every diagnosis the prose states, each
list item whole (found by :mod:`imrparse.extractors.diagnoses`). What the prose does not
state stays None or empty.

Where no sentence names the mechanism, the injury sentence is read by its structure:
who (the worker), when (the date of injury), what happened (an event the worker
underwent) and while doing what (a clause of circumstance). A circumstance that names
only the work ("while working as a cook") is no mechanism; a summary that states an
injury but not how it happened gets a ``mechanism-not-found`` note.

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
from ..record_builders import builder
from ..records import CaseSummary, Sex
from .dates import InvalidDate, date_from_match, parse_loose, search_date, search_slipped_date
from .diagnoses import find_diagnoses
from .search import first_of, lower_ascii, sentence_end, word_start

_SUMMARY: Final = builder(
    CaseSummary, "age", "sex", "date_of_injury", "mechanism_of_injury", "diagnoses", "text"
)

__all__ = ["extract_summary"]

# (The word boundary before the age is tested after its first digit, so that the
# pattern starts with a digit and a search skips to digits at C speed. Matched on the
# lower-case copy, like the other patterns written in lower case here: without
# IGNORECASE, the regex compares characters as they are, twice as fast.)
_AGE_SEX: Final = re.compile(
    r"(\d(?<!\w\d)\d{0,2})[- \t]?(?:years?|yrs?|y/?o|y\.o\.)(?:[- \t]?old)?,?[ \t]*(?:[a-z-]+[ \t]+){0,2}?"
    r"(male|female|man|woman|gentleman|lady|boy|girl)\b"
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
# "injured" that says who, not what happened: "the injured worker", "the injured party".
_PERSON: Final = r"[ \t]+(?:worker|employee|party|person|patient|individual|claimant|applicant)\b"
# A mention of the injury, or of the claim for it ("a history of an occupational claim
# from 10/14/2016"): the date of injury is the first date shortly after one. The person
# after it, if one stands there, is its only group (``lastindex`` 1): one match, where a
# second regex call would ask. (No mention of the injury can start inside the person's
# words, so a search for the next one may start after them.)
_INJURY: Final = re.compile(
    r"(?:\binjur(?:y|ies|ed)\b|\bdoi\b|\bclaim[ \t]+(?=(?:from|of|on|dated)\b))"
    rf"({_PERSON})?"
)
# The words that open ``_INJURY``'s mentions, lower case.
_INJURY_WORDS: Final = ("injur", "doi", "claim")
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
# The injury sentence read by its structure: who (the worker), when (the date of
# injury), what happened (an event the worker underwent) and while doing what (a clause
# of circumstance). A circumstance clause follows the injury's own words ("sustained an
# industrial injury on 11/9/16 to the low back when he ...") or stands before them
# ("While lifting a box on 3/4/15, the worker injured ...").
# (Its words open with ``_CIRCUMSTANCE_LETTERS``, the word boundary tested after them: a
# search skips at C speed to those letters, and a match is not tried where none stands.)
_CIRCUMSTANCE: Final = re.compile(
    word_start(
        "when",
        "while",
        "after",
        r"as[ \t]+a[ \t]+result[ \t]+of",
        r"due[ \t]+to",
        r"secondary[ \t]+to",
        r"caused[ \t]+by",
        r"from(?=[ \t]+(?:an?[ \t]+)?[a-z]+ing\b|[ \t]+an?[ \t])",
    )
    + r"[ \t]+"
)
_CIRCUMSTANCE_LETTERS: Final = frozenset("wadscf")
# What, between the injury's own words and a circumstance, says the sentence has moved
# on to another statement ("... on 11-7-16 and has been treated for ... after ...").
_MOVED_ON: Final = re.compile(
    r"\band[ \t]+(?:is|was|were|has|had|have|been|underwent|complain|report|present|receiv)"
    r"|\bdiagnos|\btreat|\bcomplain|\bpresent"
)
# A circumstance that names only the work, not how the injury happened: "while working as
# a cook", "while employed by ...", "while performing his usual job duties".
_EMPLOYMENT: Final = re.compile(
    r"(?:(?:working|employed|on[ \t]+duty)(?:[ \t]+(?:as|for|by|with|at|in)\b[^,;]*)?"
    r"|performing[ \t]+(?:(?:his|her|their|the)[ \t]+)?(?:usual|regular|customary|normal|"
    r"assigned|job|work)\b[^,;]*)[ \t,.]*",
    re.IGNORECASE,
)
# The worker as the subject of a clause, and the verbs of reporting after it ("the
# injured worker reported that ..."), matched on the lower-case copy.
_WORKER: Final = re.compile(
    r"\b(?:(?:the|this)[ \t]+)?(?:injured[ \t]+worker|patient|applicant|employee|claimant"
    r"|worker)\b|\b(?:he|she)\b"
)
_REPORTING: Final = re.compile(
    r"[ \t]*(?:reported|stated|indicated|noted|explained|described|recalled|related|"
    r"reports|states|indicates|notes)(?:[ \t]+that)?[ \t]+"
)
# What happens to a body at work: the verbs and nouns of an event (a fall, a blow, a lift,
# a strain of effort, a collision). A clause of the worker that states the date of injury
# and holds one of them narrates the injury ("slipped and fell while working and broke
# his ribs on 10-18-16"). (This and the patterns of a mechanism's words below are
# matched on lower-case copies, without IGNORECASE.)
_EVENT: Final = re.compile(
    r"\b(?:f[ae]ll(?:s|ing|en)?|slip(?:s|ped|ping)?|trip(?:s|ped|ping)?|stumbl\w*|struck|"
    r"hit(?:s|ting)?|lift(?:s|ed|ing)?|twist(?:s|ed|ing)?|pull(?:s|ed|ing)?|push(?:es|ed|ing)?"
    r"|carr(?:y|ies|ied|ying)|caught|crush(?:ed|ing)?|collid\w*|collision|jump(?:s|ed|ing)?"
    r"|bent|bend(?:s|ing)?|step(?:s|ped|ping)?|assault\w*|attack\w*|punch\w*|kick\w*|bit(?:ten)?"
    r"|faint(?:s|ed|ing)?|consciousness|accident|exposure|exposed|repetitive|cumulative)\b"
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
    r"|he|she|they)(?:[ \t]+(?:was|were|had))?)[ \t]+"
)
# A symptom's onset, with the activity after it: "felt sharp pain ... while getting out
# of the car" reads as "getting out of the car".
_ONSET: Final = re.compile(
    r"(?:felt|experienced|developed|noticed|noted)\b[^.;]*?[ \t](?:while|when)[ \t]+"
)
# Where the mechanism's consequences start: "... and felt a strain on the back", "...
# and broke his ribs", "... resulting in ...".
_MECHANISM_END: Final = re.compile(
    r"[ \t,]+(?:and[ \t]+(?:felt|experienced|developed|noticed|broke|fractured|injured|hurt"
    r"|sustained|suffered)|resulting[ \t]+in|causing)\b"
)
# The methods of the patterns above asked for every summary, bound once: compiled,
# ``pattern.search(...)`` looks the method up by its name at each call, a generic call of
# some hundred instructions; the bound method is called directly. So is ``str.isdecimal``,
# which mypyc has no native form of.
_find_sex: Final = _SEX_ONLY.search
_injury_at: Final = _INJURY.match
_mechanism_none_at: Final = _MECHANISM_NONE.match
_mechanism_at: Final = _MECHANISM.match
_find_circumstance: Final = _CIRCUMSTANCE.search
_find_moved_on: Final = _MOVED_ON.search
_mechanism_lead_at: Final = _MECHANISM_LEAD.match
_onset_at: Final = _ONSET.match
_find_mechanism_end: Final = _MECHANISM_END.search
_is_decimal: Final = str.isdecimal


# The usual mention, of the worker: read without the regex (see ``_mention_at``).
_INJURED_WORKER: Final = "injured worker"
_WORKER_END: Final = len(_INJURED_WORKER)


def _word_char(low: str, at: int) -> bool:
    """Whether ``low[at]`` is a word character, as ``\\w`` reads one."""
    char = low[at]
    return char.isalnum() or char == "_"


def _mention_at(low: str, at: int, stop: int) -> tuple[int, bool]:
    """The mention of the injury (``_INJURY``) at offset ``at`` of ``low[:stop]``: where
    it ends (-1 where none stands there), and whether a person follows it ("the injured
    worker": who, not what happened). "injured worker" between word boundaries, the
    mention most summaries repeat, is one that the pattern would match whole, with its
    person: it is read without the regex. (No None for none: compiled, a tuple of an int
    and a bool is returned unboxed, an optional one is an object made for each call.)"""
    end = at + _WORKER_END
    if (
        end < stop
        and low.find(_INJURED_WORKER, at, end) == at  # (at ``at``: see ``starts_at``)
        and not _word_char(low, end)
        and (at == 0 or not _word_char(low, at - 1))
    ):
        return end, True
    mention = _injury_at(low, at, stop)
    if mention is None:
        return -1, False
    return mention.end(), mention.lastindex is not None


# A mention of the injury as ``_next_mention`` reads it: where it starts and ends, and
# whether a person follows it (-1, -1 and False for none).
_Mention = tuple[int, int, bool]
_NO_MENTION: Final = (-1, -1, False)


def _next_mention(low: str, start: int, end: int = -1) -> _Mention:
    """The first mention of the injury (``_INJURY``) in ``low[start:end]`` (the
    lower-case text; to its end for -1): where it starts and ends (-1 and -1 for none),
    and whether a person follows it. The pattern is tried only where one of its words
    stands (a search would try every position)."""
    stop = len(low) if end < 0 else end
    at = first_of(low, _INJURY_WORDS, start, stop)
    while at >= 0:
        after, person = _mention_at(low, at, stop)
        if after >= 0:
            return at, after, person
        at = first_of(low, _INJURY_WORDS, at + 1, stop)
    return _NO_MENTION


def _circumstance_at(low: str, at: int, end: int) -> re.Match[str] | None:
    """``_CIRCUMSTANCE.match(low, at, end)``, not tried where none of its words can start."""
    if at >= end or low[at] not in _CIRCUMSTANCE_LETTERS:
        return None
    return _CIRCUMSTANCE.match(low, at, end)


def _date_of_injury(
    text: str, low: str, diag: Collector, line: int
) -> tuple[datetime.date | None, re.Match[str] | None, _Mention]:
    """The first date within the sentence after a mention of injury, and where it is
    written (``None`` for a date read loosely from words); and the last mention read
    (``_next_mention``'s), which the circumstance need not match again."""
    at, after, person = _next_mention(low, 0)
    count = 0
    while at >= 0 and count < 6:
        count += 1
        if person:  # ("the injured worker": who, not when)
            at, after, person = _next_mention(low, after)
            continue
        stop = sentence_end(text, after)
        endpos = min(after + 120, stop if stop >= 0 else len(text))
        match = search_date(text, after, endpos)
        if match is None:
            # "While lifting a box on 3/4/15, the worker injured his back": the date of
            # the circumstance that opens the sentence is the injury's.
            start = max(0, at - _SENTENCE_REACH)
            before = text.rfind(". ", start, at)
            opening = _circumstance_at(low, before + 2 if before >= 0 else start, len(low))
            if opening is not None:
                match = search_date(text, opening.end(), at)
        if match is not None:
            try:
                return date_from_match(match), match, (at, after, person)
            except InvalidDate as exc:
                diag.add("invalid-date", f"date of injury: {exc}", line)
                return None, None, (at, after, person)
        window = text[after:endpos]
        if _MONTH_WORD.search(window):
            found = parse_loose(window)
            if found is not None:
                return found, None, (at, after, person)
        slipped = search_slipped_date(text, after, endpos)
        if slipped is not None:
            diag.add(
                "unreadable-date",
                f"the date of injury {slipped.group()!r} is damaged (a digit read as a "
                "letter, or a separator lost): not read",
                line,
            )
            return None, None, (at, after, person)
        at, after, person = _next_mention(low, after)
    return None, None, (at, after, person)


def _mechanism(
    text: str,
    low: str,
    injury: datetime.date | None,
    stated: re.Match[str] | None = None,
    known: _Mention = _NO_MENTION,
) -> tuple[str | None, str | None]:
    """How the injury happened, as the prose states it, and why none was read when none
    was (``stated``: where the prose writes the date of injury; ``known``: a mention of
    the injury read already): ``(mechanism, None)``, or ``(None, why)`` where the prose
    states an injury but not how it happened (``why`` is ``""`` when it says so itself: "mechanism of injury is not
    described"), or ``(None, None)`` where it states no injury at all."""
    at = low.find("mechanism")
    while at >= 0:  # both patterns start with the word: match where it stands
        if _mechanism_none_at(text, at):
            return None, ""
        # (its own name: ``stated`` is where the date of injury stands, which the
        # fallback below reads from when no sentence here names the mechanism)
        named = _mechanism_at(text, at)
        if named:
            return _clean_mechanism(named.group(1)), None
        at = low.find("mechanism", at + 1)
    found, work = _circumstance(text, low, known)
    if found is None and stated is not None:
        found = _event(text, low, stated)
    if found is None:
        found = _named_mechanism(text, low)
    if found is not None:
        return found, None
    if work is not None:
        return None, f"the injury happened {work!r}: that names the work, not how it happened"
    if injury is not None or _states_injury(low):
        return None, "the case summary states the injury but not how it happened"
    return None, None


def _states_injury(low: str, start: int = 0, end: int = -1) -> bool:
    """Whether the prose (``low[start:end]``, lower case) mentions the injury (not only
    "the injured worker")."""
    at, after, person = _next_mention(low, start, end)
    while at >= 0:
        # (within bounds, the person is asked again without them: one past ``end``
        # counts too, as it does for a mention read to the end of the text)
        if not person and (end < 0 or not _INJURED_PERSON.match(low, after)):
            return True
        at, after, person = _next_mention(low, after, end)
    return False


def _without_date(clause: str) -> str:
    """A clause without the first date in it and the preposition before it: when the
    injury happened is no part of how ("lifting a box on 3/4/15" reads "lifting a box")."""
    date = search_date(clause)
    if date is None:
        return clause
    before = clause[: date.start()].rstrip(" \t,")
    word = before.rsplit(None, 1)
    if word and word[-1].lower() in _DATE_LEADS:
        before = before[: len(before) - len(word[-1])]
    return (before.rstrip(" \t,") + " " + clause[date.end() :].lstrip(" \t,")).strip()


_SENTENCE_REACH: Final = 600
"""How far from an offset its sentence is sought, each way: a sentence of a summary is
shorter, and a bound keeps the reading linear on text without full stops."""


def _sentence_span(text: str, at: int) -> tuple[int, int]:
    """The start and end of the sentence that holds offset ``at`` (within reach)."""
    start = max(0, at - _SENTENCE_REACH)
    stop = text.rfind(". ", start, at)
    if stop >= 0:
        start = stop + 2
    stop = text.rfind("; ", start, at)  # (only within the sentence: a clause of it)
    if stop >= 0:
        start = stop + 2
    limit = min(len(text), at + _SENTENCE_REACH)
    end = sentence_end(text, at, limit)
    return start, end if end >= 0 else limit


_MENTIONS: Final = 12
"""How many mentions of the injury are read for a circumstance (a summary has a few)."""


def _circumstance(
    text: str, low: str, known: _Mention = _NO_MENTION
) -> tuple[str | None, str | None]:
    """The circumstance of an injury statement (when, while, after, due to ...): the
    mechanism it states, or the work it names when that is all it names. (``known``: a
    mention read already, where it starts and ends and whether a person follows it.)"""
    work = None
    at = low.find("injur")
    read = 0
    while at >= 0 and read < _MENTIONS:
        if at == known[0]:  # (the date of injury's: not matched again)
            after, person = known[1], known[2]
        else:
            after, person = _mention_at(low, at, len(low))
        if after < 0:
            at = low.find("injur", at + 5)
            continue
        if person:  # ("the injured worker": who, not what happened)
            at = low.find("injur", after)
            continue
        read += 1
        start, end = _sentence_span(text, at)
        clause = None
        # "While lifting a box on 3/4/15, the worker injured his back": before the mention.
        opening = _circumstance_at(low, start, len(low))
        comma = text.find(",", start, at)
        if opening is not None and comma > 0:
            clause = text[opening.end() : comma]
        else:
            marker = _find_circumstance(low, after, end)
            if marker is not None and not _find_moved_on(low, after, marker.start()):
                clause = text[marker.end() : end]
        if clause is not None:
            found, named = _activity(clause)
            if found is not None:
                return found, None
            work = work or named
        at = low.find("injur", max(after, at + 5))
    return None, work


# The person after a mention, where a bound may have cut it off (see ``_states_injury``).
_INJURED_PERSON: Final = re.compile(_PERSON)


def _activity(clause: str) -> tuple[str | None, str | None]:
    """The mechanism a circumstance clause states, or (when it names only the work:
    "working as a cook") the work it names."""
    employment = _EMPLOYMENT.match(clause)
    if employment is not None:
        nested = _CIRCUMSTANCE.search(lower_ascii(clause), employment.start())
        if nested is not None:  # ("working as a cook when she slipped on ...")
            return _activity(clause[nested.end() :])
        if employment.end() >= len(clause.rstrip()):
            return None, clause.strip(" \t,.")
    return _clean_mechanism(_without_date(clause)), None


def _event(text: str, low: str, stated: re.Match[str]) -> str | None:
    """The event a clause of the worker narrates in a sentence that states the date of
    injury (as the summary wrote it, with any of the separators): "the injured worker
    slipped and fell while working and broke his ribs on 10-18-16" reads "slipped and
    fell while working". The sentence where the date of injury was read (``stated``) is the
    injury's own, whose circumstance was read already. ``low`` is the text in lower case."""
    written = stated.group()
    forms = [written]
    for sep in "/-.":
        if sep in written:
            forms.extend(written.replace(sep, other) for other in "/-." if other != sep)
    places: set[int] = set()
    for form in forms:  # (a few finds at C speed: no date of the summary is read again)
        at = text.find(form)
        while at >= 0:
            end = at + len(form)
            if (
                at != stated.start()
                and not (at and text[at - 1].isdigit())
                and not text[end : end + 1].isdigit()
            ):
                places.add(at)
            at = text.find(form, end)
    for at in sorted(places):
        start, end = _sentence_span(text, at)
        if _states_injury(low, start, end):  # (a sentence of the injury's own words:
            continue  # its circumstance was read already)
        found = _worker_event(text, low, start, end)
        if found is not None:
            return found
    return None


def _worker_event(text: str, low: str, start: int, end: int) -> str | None:
    """The event the worker underwent in the sentence ``text[start:end]`` (``low``: the
    text in lower case), if it states one."""
    subject = _WORKER.search(low, start, end)
    if subject is None:
        return None
    at = subject.end()
    reporting = _REPORTING.match(low, at, end)
    if reporting is not None:
        at = reporting.end()
    # A circumstance before the clause ("... reported that while playing basketball on
    # 10-27-2016, he had ..."): the event is the clause after it.
    fronted = _circumstance_at(low, at, end)
    if fronted is not None:
        comma = text.find(",", fronted.end(), end)
        subject = _WORKER.search(low, comma, end) if comma > 0 else None
        if subject is None:
            return None
        at = subject.end()
    predicate = _without_date(text[at:end])
    auxiliary = _AUXILIARY.match(predicate)
    if auxiliary is not None:  # ("he had sudden onset of ...", "she was struck by ...")
        predicate = predicate[auxiliary.end() :]
    low_predicate = lower_ascii(predicate)
    cut = _find_mechanism_end(low_predicate)
    if not _EVENT.search(low_predicate, 0, cut.start() if cut else len(predicate)):
        return None
    return _clean_mechanism(predicate)


_AUXILIARY: Final = re.compile(r"(?:had|was|were)[ \t]+(?!(?:being|been)\b)", re.IGNORECASE)
# The preposition left before a date taken out of a mechanism ("... on" 10-18-16).
_DATE_LEADS: Final = frozenset(("on", "of", "in"))


def _named_mechanism(text: str, low: str) -> str | None:
    """A mechanism named by itself ("cumulative trauma", "status post being punched")."""
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
    low = lower_ascii(found)  # (the patterns, in lower case, are matched on this copy)
    at = 0
    lead = _mechanism_lead_at(low)
    while lead is not None:
        at = lead.end()
        lead = _mechanism_lead_at(low, at)
    found, low = found[at:], low[at:]
    onset = _onset_at(low)
    if onset:
        at = onset.end()
        found, low = found[at:], low[at:]
    end = _find_mechanism_end(low)
    if end:
        found = found[: end.start()]
    return found.strip(" \t,") or None


def _before_a_y(pattern: re.Pattern[str], text: str, low: str) -> re.Match[str] | None:
    """``pattern.search(text)`` for an age's pattern (``_AGE_SEX``, ``_AGE_ONLY``), whose
    every match opens with one to three digits and an optional separator before a "y"
    (of "years", "yrs", "y/o"): tried only at the digits one to four characters before a
    "y" of ``low`` (``text`` in lower case), in text order. A search tries the pattern at
    every digit of the text: in a summary without the form, every digit of its dates.
    (Each offset is tried once, the lowest first, as a search tries them; a match tried
    at an offset is the match a search finds there.)"""
    tried = 0
    at = low.find("y", 1)
    while at >= 0:
        for start in range(max(tried, at - 4), at):
            if _is_decimal(text[start]):  # (what ``\d`` matches)
                found = pattern.match(text, start)
                if found is not None:
                    return found
        tried = at
        at = low.find("y", at + 1)
    return None


def extract_summary(
    text: str,
    diag: Collector | None = None,
    line: int = 1,
    found: dict[str, tuple[int, int]] | None = None,
) -> CaseSummary:
    """Read the case facts from the cleaned summary prose (boilerplate already removed);
    ``found``, when given, gets where the age, sex and date of injury were read (start and
    end offsets in ``text``, by attribute)."""
    diag = diag if diag is not None else Collector()
    low = lower_ascii(text)
    age: int | None = None
    sex: Sex | None = None
    age_sex = _before_a_y(_AGE_SEX, low, low)
    if age_sex:
        # (each group read through its span, which ``found`` keeps: one call a group)
        age_span = age_sex.span(1)
        sex_span = age_sex.span(2)
        age = int(low[age_span[0] : age_span[1]])
        sex = _SEX_WORDS[low[sex_span[0] : sex_span[1]]]
        if found is not None:
            found["age"] = age_span
            found["sex"] = sex_span
    else:
        age_only = _before_a_y(_AGE_ONLY, text, low)
        if age_only:
            age = int(age_only.group(1))
            if found is not None:
                found["age"] = age_only.span(1)
        sex_only = _find_sex(text, 0, 600)
        if sex_only:
            sex = _SEX_WORDS[sex_only.group(1).lower()]
            if found is not None:
                found["sex"] = sex_only.span(1)

    date_of_injury, stated, mention = _date_of_injury(text, low, diag, line)
    if stated is not None and date_of_injury is not None and found is not None:
        found["date_of_injury"] = stated.span()

    diagnoses = find_diagnoses(text, low)

    # (each asked in its own test: compiled, a tuple of the four pairs was made and
    # iterated generically for every summary, which most state all four)
    if age is None:
        _not_stated(diag, "age", line)
    if sex is None:
        _not_stated(diag, "sex", line)
    if date_of_injury is None:
        _not_stated(diag, "date of injury", line)
    if not diagnoses:
        _not_stated(diag, "diagnoses", line)
    mechanism, why = _mechanism(text, low, date_of_injury, stated, mention)
    if why:
        diag.add("mechanism-not-found", why, line)
    return _SUMMARY(age, sex, date_of_injury, mechanism, diagnoses, text)


def _not_stated(diag: Collector, name: str, line: int) -> None:
    """Note that the summary states no ``name`` (``field-not-found``)."""
    diag.add("field-not-found", f"the case summary states no {name}", line)
