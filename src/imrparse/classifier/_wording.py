"""The grammar of request wording: what a treatment text says about the request (when,
how often, how much, around which operation) rather than what is requested.

The wording is peeled off before the treatment is named. It is a small grammar of named
rules, tried in order:

* :data:`PREFIX_RULES` are matched at the start of the text, again and again, as long as
  one matches ("Retrospective request for: Two refills of ibuprofen" -> "ibuprofen");
* :data:`ANYWHERE_RULES` are removed wherever they stand ("... DOS 1/2/2016",
  "... with 2 refills", "... twice daily").

A rule names a form of wording, not a letter's words: each has a test on variants written
for it (``tests/test_request_wording.py``). :func:`guidance_blanked` blanks the way a
procedure is guided ("under fluoroscopic guidance"), so that the procedure rules see what
is done, not how it is aimed.
"""

from __future__ import annotations

from typing import Final

from ..wordlists import NUMBER_WORDS
from ._firsts import firsts, may_open
from ._patterns import Twin, by_first_letter, date_marks, holds

# A count: digits or a number word ("two", "twelve"). A look-ahead at the characters a
# count begins with comes first, so that where none begins the words are not tried.
_COUNT_WORDS: Final = sorted((w for w in NUMBER_WORDS if w != "zero"), key=len, reverse=True)
_COUNT: Final = (
    r"(?=[\d"
    + "".join(sorted({w[0] for w in _COUNT_WORDS} | {"a"}))
    + r"])(?:\d{1,4}|"
    + by_first_letter(_COUNT_WORDS)
    + r"|an?)"
)
_MONTH: Final = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# A date as letters write a date of service: 1/2/2016, 01-02-16, 2016-01-02, Jan. 2, 2016.
_DATE: Final = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}"
    r"|" + _MONTH + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})"
)
_DATES: Final = _DATE + r"(?:\s*(?:-|to|through|thru|and|&)\s*" + _DATE + r")?"
_DOSE_UNIT: Final = (
    r"(?:tablets?|tabs?|capsules?|caps?|pills?|patch(?:es)?|units?|vials?|syringes?"
    r"|ampules?|sachets?|packets?|doses?)"
)
_CONTAINER: Final = (
    r"(?:containers?|bottles?|tubes?|jars?|box(?:es)?|packs?|packages?|kits?|cans?"
    r"|pumps?|canisters?|inhalers?)"
)

PREFIX_RULES: Final[tuple[tuple[str, str], ...]] = (
    # "DOS 1/2/2016:", "Date of service: 01/02/16 -", "(DOS Jan 2, 2016)"
    (
        "date-of-service",
        r"[(\[]?\s*(?:dos|dates?\s+of\s+services?)\s*[:#]?\s*" + _DATES + r"\s*[)\]]?",
    ),
    # "Retrospective", "Retro", "Retrospectively requested", "Retrospective review of"
    (
        "retrospective",
        r"retro(?:spective(?:ly)?)?(?:\s+(?:request(?:ed)?|review|authori[sz]ation|use))?"
        r"(?:\s+(?:for|of))?",
    ),
    # "Prospective request for", "Urgent request for", "Concurrent review of"
    (
        "urgency",
        r"(?:prospective|(?:urgent|expedited|concurrent)\s+(?:request(?:ed)?|review))"
        r"(?:\s+(?:request(?:ed)?|review))?(?:\s+(?:for|of))?",
    ),
    # "Associated surgical service:", "Associated surgical services -"
    ("surgical-service", r"associated\s+(?:surgical\s+)?services?"),
    # "Pre-op", "Post op", "Postoperative", "Pre-operatively"
    ("peri-operative", r"(?:pre|post|peri)[\s-]?op(?:erative(?:ly)?)?\b"),
    # "Labs to include:", "Pre-op labs including", "Laboratory tests consisting of"
    (
        "labs",
        r"(?:lab(?:oratory)?s?|blood\s*work)(?:\s+(?:tests?|studies|work|panels?))?"
        r"\s*(?:to\s+include|including|includes?|consisting\s+of|as\s+follows|:)",
    ),
    # "Two refills of", "3 refills for", "A refill of", "Refills of"
    (
        "refills",
        r"(?:" + _COUNT + r"\s+)?(?:additional\s+)?re-?fills?\s+(?:of|for)",
    ),
    # "One month supply of", "30-day supply of", "A 2 week trial of"
    (
        "supply",
        r"(?:an?\s+)?" + _COUNT + r"[\s-]+(?:months?|weeks?|days?)(?:'s?)?\s+"
        r"(?:supply|coverage|prescription|trial|course)\s+(?:of|for)",
    ),
    # "One container of", "2 tubes of", "Sixty tablets of"
    (
        "quantity",
        _COUNT + r"\s+(?:" + _CONTAINER + r"|" + _DOSE_UNIT + r")\s+of",
    ),
    # "Request for", "Requested:", "One prescription of", "Rx of", "Order for", "Dispense:"
    (
        "request",
        r"(?:" + _COUNT + r"\s+)?(?:request(?:ed)?|prescriptions?|rx|orders?|dispens(?:e|ing))"
        r"(?:\s+(?:for|of)\b|\s*:)",
    ),
)

ANYWHERE_RULES: Final[tuple[tuple[str, str], ...]] = (
    # "DOS: 1/2/2016", "date of service 01/02/16-01/05/16", "(DOS 2016-01-02)"
    (
        "date-of-service",
        r"[(\[]?\s*\b(?:dos|dates?\s+of\s+services?|dated?|on)\s*[:#]?\s*" + _DATES + r"\s*[)\]]?",
    ),
    # "with 2 refills", "x3 refills", "no refills", "refills: 2", "plus one refill"
    (
        "refills",
        r"\b(?:with|plus|and|x)?\s*(?:" + _COUNT + r"|no)\s+(?:additional\s+)?re-?fills?\b"
        r"|\bre-?fills?\s*[:x#]\s*\d{1,2}\b",
    ),
    # "30 day supply", "day supply: 30", "a 90-day supply"
    (
        "supply",
        r"\bdays?\s+supply\s*[:#]?\s*\d{1,3}\b"
        r"|(?<!#)\b(?:an?\s+)?\d{1,3}[\s-]*days?(?:'s?)?\s+supply\b",
    ),
    # "one by mouth", "1 tab po", "two tablets orally", "1 p.o."
    (
        "dose",
        r"\b" + _COUNT + r"(?:\s*-\s*" + _COUNT + r")?\s+(?:" + _DOSE_UNIT + r"\s+)?"
        r"(?:by\s+mouth\b|p\.o\.|po\b|orally\b|sublingually\b)",
    ),
    # "BID", "q6h", "every 4-6 hours", "twice a day", "three times daily", "at bedtime", "PRN"
    (
        "frequency",
        r"\b(?:q\.?d\.?|b\.?i\.?d\.?|t\.?i\.?d\.?|q\.?i\.?d\.?|qhs|qam|qpm|hs|prn|as\s+needed"
        r"|at\s+bedtime|q\s?\d{1,2}(?:\s?-\s?\d{1,2})?\s?h(?:rs?|ours?)?"
        r"|every\s+\d{1,2}(?:\s*-\s*\d{1,2})?\s+hours?"
        r"|(?:once|twice|thrice|" + _COUNT + r"\s+times?)\s+(?:a|per|each)\s+day"
        r"|(?:once|twice|thrice|" + _COUNT + r"\s+times?)\s+daily)(?![a-z])",
    ),
)

# How a procedure is aimed: "under fluoroscopic guidance", "ultrasound-guided", "with
# fluoroscopy", "CT guided". Blanked before the procedure rules are tried, so that an
# injection under imaging guidance is an injection, not imaging.
_MODALITY: Final = (
    r"(?:fluoro(?:scop(?:y|ic(?:al(?:ly)?)?))?|ultrasound|ultrasonograph(?:y|ic(?:ally)?)"
    r"|sonograph(?:y|ic(?:ally)?)|u/s|us|ct|cat\s+scan|computed\s+tomograph(?:y|ic(?:ally)?)"
    r"|x-?ray|radiograph(?:y|ic(?:ally)?)|radiologic(?:al(?:ly)?)?|imag(?:e|ing)|emg"
    r"|electromyograph(?:y|ic(?:ally)?)|c-?arm|mri|nerve\s+stimulator)"
)
GUIDANCE: Final = (
    r"\b(?:under|with|using|via|by)?\s*(?:the\s+)?(?:aid\s+of\s+)?" + _MODALITY + r"[\s-]*"
    r"(?:guid(?:ed|ance)|direct(?:ed|ion)|assist(?:ed|ance)|control(?:led)?|locali[sz](?:ed|ation))\b"
    r"|\b(?:under|using|via)\s+(?:the\s+)?" + _MODALITY + r"\b"
    r"|\b(?:with|and|plus)\s+(?:the\s+)?fluoro(?:scop(?:y|ic))?\b"
)

# Words one of which each of GUIDANCE's matches in ASCII text with blanks for white space
# holds: where none stands, it is not tried (the words of how a modality aims, then those
# of its other two alternatives). Text that is not ASCII is always tried (see holds()).
_GUIDANCE_WORDS: Final = (
    "guid",
    "direct",
    "assist",
    "control",
    "locali",
    "fluoro",
    "under ",
    "using ",
    "via ",
)


class Peeled:
    """A treatment text with its request wording peeled off."""

    def __init__(self, text: str, low: str, forms: tuple[str, ...], settled: bool) -> None:
        self.text = text  # what is requested
        self.low = low  # the text lower-cased (read lower-cases it no second time)
        self.forms = forms  # the names of the rules that peeled something, in order
        # Whether peeling ``text`` again would find nothing: no prefix rule matched what
        # the prefix rules left, and no anywhere rule took anything out of it.
        self.settled = settled

    @property
    def labs(self) -> bool:
        """Whether the text introduces its items as labs ("Labs to include: ...")."""
        return "labs" in self.forms


# Literal text an ANYWHERE rule's every match holds (lower case): one of each tuple of
# the rule's. A rule whose hints are absent is not searched. (The date's words are "do",
# not "dos": a case-blind "s" also matches the long s, which lower-casing keeps. Its
# words are asked first: there are fewer of them than of digits. The frequencies
# written with a "q" hold "q": "qd", "q.i.d", "qhs", "q6h", "q 4-6 hours".)
ANYWHERE_HINTS: Final[dict[str, tuple[tuple[str, ...], ...]]] = {
    "date-of-service": (("do", "date", "on"), tuple("0123456789")),
    "refills": (("fill",),),
    "supply": (("supply",),),
    "dose": (("mouth", "po", "p.o.", "orally", "sublingual"),),
    "frequency": ((
        "bid", "b.i.d", "tid", "t.i.d", "q", "hs", "prn", "needed", "bedtime", "hour", "day",
        "daily",
    ),),
}  # fmt: skip

# The ANYWHERE rules whose every match holds a date (_DATE), which the text must hold
# the marks or the letters of: see may_hold_date().
DATED: Final = frozenset({"date-of-service"})
# A month's first three letters, as _MONTH names it ("ep" for "sep": of the letters,
# only "i", "k" and "s" match other characters case-blind, and lower-casing keeps them).
MONTH_HINTS: Final = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "ep", "oct", "nov", "dec",
)  # fmt: skip


def may_hold_date(low: str) -> bool:
    """Whether ``low`` (a text lower-cased) may hold a _DATE: written in digits, a date
    holds two marks ("/", ".", "-": 1/2/2016, 01.02.16, 2016-01-02), else a month's
    letters (Jan. 2, 2016). A text with one mark ("5mg/ml", "7-10 days") holds none."""
    return date_marks(low) >= 2 or any(month in low for month in MONTH_HINTS)


class Grammar:
    """The rules compiled (on first use, once per process), case-blind (as :class:`Twin`):
    the prefix rules as one pattern whose alternatives are tried in the rules' order."""

    def __init__(self) -> None:
        # A rule's name is an empty group after its text, not a group around it: sre
        # passes over an alternative that opens with a character (not a group's mark) at
        # once where that character is not there. The match's last group is the rule's,
        # as a rule's text holds no group of its own.
        prefix = (
            r"(?:"
            + "|".join(f"(?:{source})(?P<r{i}>)" for i, (_, source) in enumerate(PREFIX_RULES))
            + r")[\s,:;.-]*"
        )
        self.prefix = Twin(prefix)
        self.prefix_firsts = firsts(prefix)  # the first two characters of a match (_firsts)
        self.prefix_names = {f"r{i}": name for i, (name, _) in enumerate(PREFIX_RULES)}
        self.anywhere = tuple(
            (name, Twin(source), ANYWHERE_HINTS[name]) for name, source in ANYWHERE_RULES
        )
        self.guidance = Twin(GUIDANCE)
        self.edges = " \t,;:-/.&"


_GRAMMAR: list[Grammar] = []


def grammar() -> Grammar:
    """The compiled :class:`Grammar`."""
    if not _GRAMMAR:
        _GRAMMAR.append(Grammar())
    return _GRAMMAR[0]


def peel(text: str) -> Peeled:
    """``text`` without its request wording, and the names of the rules that matched.

    The prefix rules are tried at the start until none matches (at most a dozen times);
    then the rules that may stand anywhere remove their wording wherever it is.
    """
    g = grammar()
    forms: list[str] = []
    work = text.strip(g.edges)
    low = work.lower()
    settled = False  # not when a dozen prefixes were peeled: a thirteenth may be there
    for _ in range(12):
        # where no prefix may begin, a match would be None or empty: none either way
        match = g.prefix.match(work, low) if may_open(g.prefix_firsts, work, low) else None
        if match is None or match.end() == 0 or match.lastgroup is None:
            settled = True
            break
        forms.append(g.prefix_names[match.lastgroup])
        work = work[match.end() :].strip(g.edges)
        low = work.lower()
    for name, pattern, hints in g.anywhere:
        if not all(any(hint in low for hint in group) for group in hints):
            continue
        if name in DATED and not may_hold_date(low):
            continue
        found = pattern.search(work, low)
        if found is None:
            continue
        forms.append(name)
        # (no match begins before the one found: the others are looked for after it)
        work = " ".join(pattern.sub(" ", work, low, found.start()).split()).strip(g.edges)
        low = work.lower()
        settled = False  # what is left may begin with a prefix now
    return Peeled(work, low, tuple(forms), settled)


def guidance_blanked(low: str) -> str:
    """``low`` with the wording of how a procedure is guided blanked ("" when none).
    ``low`` is lower case, its white space folded to single blanks (as the reader's text
    is)."""
    if not holds(low, low, _GUIDANCE_WORDS):
        return ""
    blanked = grammar().guidance.sub(" ", low, low)
    return blanked if blanked != low else ""
