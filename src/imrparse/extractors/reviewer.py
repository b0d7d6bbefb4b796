"""The reviewer's credentials from ``HOW THE IMR FINAL DETERMINATION WAS MADE``.

>>> r = extract_reviewer(
...     "The physician reviewer is Board Certified in Internal Medicine and Pulmonary "
...     "Diseases and is licensed to practice in California. He/she has been in active "
...     "clinical practice for more than five years and is currently working at least 24 "
...     "hours a week in active practice.", {})
>>> r.title, r.board_certifications, r.licensed_states, r.min_years_in_practice, r.min_hours_per_week
('physician reviewer', ('Internal Medicine', 'Pulmonary Diseases'), ('California',), 5, 24)
"""

from __future__ import annotations

import re
from typing import Final

from ..record_builders import builder
from ..records import Reviewer
from ..wordlists import NUMBER_WORDS, SPECIALTIES, STATES
from .search import lower_ascii, search_near, word_start

_REVIEWER: Final = builder(
    Reviewer,
    "title",
    "board_certifications",
    "licensed_states",
    "min_years_in_practice",
    "min_hours_per_week",
)

__all__ = [
    "MAX_SECTIONS",
    "REMEMBERED_SECTIONS",
    "Credentials",
    "Sections",
    "extract_reviewer",
    "split_specialties",
    "split_states",
]

# (The patterns of the prose are matched on its lower-case copy: without IGNORECASE, the
# regex compares characters as they are, twice as fast. Each opens with the letters of
# its words, the word boundary tested after them (``word_start``): a search skips at C
# speed to those letters.)
_TITLE_WORDS: Final = ("expert", "physician", "medical", "peer", "independent", "professional")
_TITLE: Final = re.compile("(" + word_start(*_TITLE_WORDS) + r")[ \t]+reviewer\b")
_BOARD: Final = re.compile(
    word_start("board")
    + r"[- \t]+certified[ \t]+(?:in|by[ \t]+the[ \t]+american[ \t]+board[ \t]+of)[ \t]+"
    r"([^.;]{2,300})"
)
_CLAUSE_END: Final = re.compile(
    r"[ \t]+and[ \t]+(?:is|has|was|holds|he|she)\b|,[ \t]+(?:and[ \t]+)?(?:is|has|was|holds)\b"
    r"|[ \t]+who\b"
    r"|[ \t]+with[ \t]+|[ \t]+He/she\b",
    re.IGNORECASE,
)
_LICENSED: Final = re.compile(
    word_start("licensed") + r"[ \t]+to[ \t]+practice[ \t]+in[ \t]+([^.;]{2,300})"
)
_YEARS: Final = re.compile(
    word_start(r"more[ \t]+than", "over", r"at[ \t]+least") + r"[ \t]+(\w+)[ \t]+years"
)
_HOURS: Final = re.compile(word_start(r"at[ \t]+least") + r"[ \t]+(\w+)[ \t]+hours")
# The separators of a list: blanks before a comma, a semicolon or "and", or a comma or a
# semicolon. (Each branch opens with its own character, so that a search skips at C
# speed to the four that can start one: a pattern that opens with ``[ \t]*`` is tried at
# every position.)
_AFTER_BLANK: Final = r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|;[ \t]*|and[ \t]+)"
_SEPARATOR: Final = re.compile(
    rf" {_AFTER_BLANK}|\t{_AFTER_BLANK}|,[ \t]*(?:and[ \t]+)?|;[ \t]*", re.IGNORECASE
)

# Known specialty names by their first word, longest first.
_SPECIALTY_INDEX: Final[dict[str, list[str]]] = {}
for _name in sorted(SPECIALTIES, key=len, reverse=True):
    _SPECIALTY_INDEX.setdefault(_name.split()[0].lower().rstrip(","), []).append(_name.lower())
_STATE_PATTERN: Final = re.compile(
    r"\b(?:" + "|".join(re.escape(s) for s in sorted(STATES, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word.lower())


def split_specialties(text: str) -> tuple[str, ...]:
    """Split a list of specialties, keeping names that contain "and" whole.

    Known names (the ABMS lexicon) are matched longest first; text between
    separators that matches no known name is kept as it is written.

    >>> split_specialties("Physical Medicine and Rehabilitation")
    ('Physical Medicine and Rehabilitation',)
    >>> split_specialties("Preventive Medicine, Occupational Medicine, Public Health & General Preventive Medicine")
    ('Preventive Medicine', 'Occupational Medicine', 'Public Health & General Preventive Medicine')
    """
    text = " ".join(text.split()).strip(" ,;.")
    lower = lower_ascii(text)
    found: list[str] = []
    pos = 0
    # (the white space is single blanks now: with no comma, semicolon or " and" no
    # separator can match, and a search need not try every position)
    separated = "," in text or ";" in text or " and " in lower
    while pos < len(text):
        # (a separator opens with a blank, a comma or a semicolon: the regex only there)
        sep = _SEPARATOR.match(text, pos) if text[pos] in " \t,;" else None
        if sep and sep.end() > pos:
            pos = sep.end()
            continue
        space = lower.find(" ", pos)
        first = lower[pos : space if space >= 0 else len(lower)]
        for key in _SPECIALTY_INDEX.get(first.rstrip(","), ()):
            size = len(key)
            # (the key at ``pos``, asked as a find within its span: see ``starts_at``)
            if lower.find(key, pos, pos + size) == pos and (
                pos + size == len(text) or not text[pos + size].isalnum()
            ):
                found.append(text[pos : pos + size])
                pos += size
                break
        else:
            nxt = _SEPARATOR.search(text, pos) if separated else None
            end = nxt.start() if nxt else len(text)
            found.append(text[pos:end].strip())
            pos = end
    return tuple([f for f in found if f])


def split_states(text: str) -> tuple[str, ...]:
    """Split a list of states on commas and "and", keeping each as written.

    >>> split_states("Texas, New York and California")
    ('Texas', 'New York', 'California')
    """
    text = " ".join(text.split()).strip(" ,;.")
    # Most lists name one state: with no comma, semicolon or "and" (the white space is
    # single blanks now) no separator can match, and the regex need not try every position.
    if "," not in text and ";" not in text and " and " not in text.lower():
        return (text,) if text else ()
    # (a loop: compiled, a generator expression is an object with a method call per item)
    parts: list[str] = _SEPARATOR.split(text)
    states = []
    for part in parts:
        state = part.strip()
        if state:
            states.append(state)
    return tuple(states)


Found = list[tuple[str, str, str, int, int]]
"""Where values were read: attribute, value, origin (``""`` for the prose, else the
field's name), and the value's start and end offsets in that text."""


def _found_in(
    found: Found | None,
    attribute: str,
    origin: str,
    text: str,
    values: tuple[str, ...],
    at: int,
) -> None:
    """Note where each of ``values`` stands in ``text``, found in order from offset ``at``."""
    if found is None:
        return
    for value in values:
        start = text.find(value, at)
        if start >= 0:
            at = start + len(value)
            found.append((attribute, value, origin, start, at))


def _unique(values: list[str]) -> tuple[str, ...]:
    """``values`` without repeats, each where it first stands (``tuple(dict.fromkeys())``
    as a loop: a credential list holds a few names, and compiled, the loop makes no
    dictionary and hashes no name).

    >>> _unique(["Texas", "Ohio", "Texas"])
    ('Texas', 'Ohio')
    """
    unique: list[str] = []
    for value in values:
        if value not in unique:
            unique.append(value)
    return tuple(unique)


Credentials = tuple[
    str | None, tuple[str, ...], Found, tuple[str, ...], Found, Found, int | None, int | None
]
"""What :func:`extract_reviewer` reads from a section's prose: the title, the board
certifications and where they were read, the licensed states and where, where the title
was read, and the years and hours of practice."""


class Sections:
    """What reviewer's sections gave, remembered (see :func:`extract_reviewer`): the
    credentials of each prose, by the prose, and the names of each list a field gave
    (specialties, states), by the field's name and value."""

    __slots__ = ("lists", "proses")

    def __init__(self) -> None:
        self.proses: dict[str, Credentials] = {}
        self.lists: dict[tuple[str, str], tuple[str, ...]] = {}


REMEMBERED_SECTIONS: Final = Sections()
"""The reviewer's sections the reader met, remembered for the next letter that has the
same prose or lists (see :func:`extract_reviewer`): the letters of one sender open the
section with the same prose, word for word, and name a few specialties and states; a
text looked up costs its hash, a fraction of reading it. Each table is bounded by
``MAX_SECTIONS``: a full table is cleared."""

MAX_SECTIONS: Final = 256
"""How many texts each table of :class:`Sections` holds."""


def extract_reviewer(
    prose: str,
    fields: dict[str, str],
    found: Found | None = None,
    remembered: Sections | None = None,
) -> Reviewer:
    """Read the reviewer's credentials from the section's prose and labelled fields;
    ``found``, when given, gets where each title, certification and state was read.

    ``remembered``, when given (the reader gives :data:`REMEMBERED_SECTIONS`), holds what
    the proses and the fields' lists read before gave, and gets what these give: a text
    met again is not read again. Exact: what a prose gives depends on its words alone,
    and so does what a field's list gives, with the field's name; a table of
    ``MAX_SECTIONS`` is cleared before it takes one more.
    """
    proses = remembered.proses if remembered is not None else None
    credentials = proses.get(prose) if proses is not None else None
    # (one lookup: a table cleared meanwhile reads as absent)
    if credentials is None:
        credentials = _read_prose(prose)
        if proses is not None:
            if len(proses) >= MAX_SECTIONS:
                proses.clear()
            proses[prose] = credentials
    title, board, board_found, licensed, licensed_found, title_found, years, hours = credentials
    certifications = _listed(
        board, board_found, "specialties", "board_certifications", fields, found, remembered
    )
    states = _listed(
        licensed, licensed_found, "states", "licensed_states", fields, found, remembered
    )
    if found is not None:
        found.extend(title_found)
    return _REVIEWER(title, _unique(certifications), _unique(states), years, hours)


def _listed(
    read: tuple[str, ...],
    read_found: Found,
    field: str,
    attribute: str,
    fields: dict[str, str],
    found: Found | None,
    remembered: Sections | None,
) -> list[str]:
    """The names the prose gave (``read``, found at ``read_found``) and then those the
    ``field`` lists, each noted in ``found`` (when given) as the record's ``attribute``."""
    names = list(read)
    if found is not None:
        found.extend(read_found)
    value = fields.get(field)
    if value:
        named = _names(field, value, remembered)
        names.extend(named)
        _found_in(found, attribute, field, value, named, 0)
    return names


def _names(name: str, value: str, remembered: Sections | None) -> tuple[str, ...]:
    """The names the field ``name`` ("specialties" or "states") lists in ``value``, as
    :func:`split_specialties` or :func:`split_states` reads them (remembered, see
    :func:`extract_reviewer`)."""
    lists = remembered.lists if remembered is not None else None
    key = (name, value)
    named = lists.get(key) if lists is not None else None
    if named is None:
        named = split_specialties(value) if name == "specialties" else split_states(value)
        if lists is not None:
            if len(lists) >= MAX_SECTIONS:
                lists.clear()
            lists[key] = named
    return named


def _read_prose(prose: str) -> Credentials:
    """What :func:`extract_reviewer` reads from ``prose``, with where each title,
    certification and state was read (always noted: a prose remembered serves a reader
    that asks where as well as one that does not)."""
    low = lower_ascii(prose)
    title_match = search_near(_TITLE, low, low, "reviewer", 16)
    board: tuple[str, ...] = ()
    board_found: Found = []
    match = search_near(_BOARD, low, low, "board")
    if match:
        begin, stop = match.span(1)
        clause = prose[begin:stop]
        end = _CLAUSE_END.search(clause)
        board = split_specialties(clause[: end.start()] if end else clause)
        _found_in(board_found, "board_certifications", "", prose, board, begin)
    licensed: list[str] = []
    licensed_found: Found = []
    match = search_near(_LICENSED, low, low, "licensed")
    if match:
        begin, stop = match.span(1)
        for m in _STATE_PATTERN.finditer(prose[begin:stop]):
            licensed.append(m.group())
            at = begin + m.start()
            licensed_found.append(("licensed_states", m.group(), "", at, at + len(m.group())))
    title = None
    title_found: Found = []
    if title_match:
        title = title_match.group()
        title_found.append(("title", title, "", *title_match.span()))
    years = search_near(_YEARS, low, low, "years", 40)
    hours = search_near(_HOURS, low, low, "hours", 40)
    return (
        title,
        board,
        board_found,
        tuple(licensed),
        licensed_found,
        title_found,
        _number(years.group(1)) if years else None,
        _number(hours.group(1)) if hours else None,
    )
