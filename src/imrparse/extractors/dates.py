"""Dates as reviewers write them: ``12/11/2001``, ``3-1-08``, ``June 8, 2000``.

Known formats are matched explicitly. Two-digit years pivot at
:data:`TWO_DIGIT_PIVOT`: ``08`` is 2008, ``95`` is 1995. Nothing is ever filled in
from today's date: a date missing its day (``05/2012``) is no date.
"""

from __future__ import annotations

import datetime
import re
from typing import Final

from .header_shapes import numeric_date

__all__ = [
    "TWO_DIGIT_PIVOT",
    "InvalidDate",
    "date_from_match",
    "parse_date",
    "parse_date_value",
    "parse_loose",
    "resolve_year",
    "search_date",
    "search_slipped_date",
]

TWO_DIGIT_PIVOT: Final = 40
"""Two-digit years below this are 20xx, the rest 19xx (injuries reach back decades)."""

_MONTHS: Final = {
    m[:3].lower(): i
    for i, m in enumerate(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        start=1,
    )
}
_MONTH_NAME: Final = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)

# The month: one or two digits not preceded by a digit, "/", "." or "-". The test on
# what precedes comes after the first digit, so that the pattern starts with a digit
# and a search skips to the next digit at C speed instead of trying every position.
_NUMERIC_DATE: Final = re.compile(
    # (a date begins after no digit or separator, nor after a letter OCR reads for a
    # digit: "l1/08/2016" is "11/08/2016" slipped, not "1/08/2016")
    r"(?P<m>\d(?<![\d/.lO-]\d)\d?)(?P<sep>[/.-])(?P<d>\d{1,2})(?P=sep)"
    # (a two-digit year glued to a letter is a four-digit one OCR slipped: "10-14-20l6")
    r"(?P<y>\d{4}|\d{2}(?![A-Za-z]))(?![\d/])"
)
_NAMED_DATE: Final = re.compile(
    r"\b(?P<mname>"
    + _MONTH_NAME
    + r")[ \t]+(?P<dn>\d{1,2})(?:st|nd|rd|th)?,?[ \t]+(?P<yn>\d{4})\b",
    re.IGNORECASE,
)
# (Bound once, as cleaning.is_ascii is: compiled code looks a method up by name at each call.)
_find_numeric_date: Final = _NUMERIC_DATE.search
_find_named_date: Final = _NAMED_DATE.search
_MONTH_STEMS: Final = tuple(_MONTHS)
# (bound once: compiled, ``datetime.date`` looks the attribute up on the module at each call)
_DATE: Final = datetime.date


# A date as OCR can leave it: a digit read as a letter ("1O-11-2016", "10-l1-2016"), or a
# separator lost ("1011-2016", "10-2116", "11-216"; "10-2016" reads as a month and year). Sought
# only where a date is expected and none was read.
_SLIPPED_DATE: Final = re.compile(
    r"(?<![\w/.-])(?:"
    r"(?=[\dOolIS/.-]*[OolIS])[\dOolIS]{1,2}[/.-][\dOolIS]{1,2}[/.-][\dOolIS]{2,4}"
    r"|\d{3,4}[/.-]\d{2,4}|\d{1,2}[/.-](?:\d{3}|\d{5,6}|(?!19|20)\d{4})"
    r")(?![\w/])"
)


def search_slipped_date(text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
    """The first date in ``text[pos:endpos]`` that OCR damaged so that it cannot be read
    (a digit read as a letter, a separator lost), or ``None``.

    >>> search_slipped_date("injured on 1O-11-2016.").group()
    '1O-11-2016'
    """
    return _SLIPPED_DATE.search(text, pos, len(text) if endpos is None else endpos)


def search_date(text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
    """The first full date in ``text[pos:endpos]``: numeric month-first, or with the month's name.

    The month-name pattern (slow: a dozen case-insensitive alternatives at every
    position) only runs where a month's name could stand.

    >>> search_date("seen 3/4/15, injured June 8, 2000").group()
    '3/4/15'
    """
    end = len(text) if endpos is None else endpos
    numeric = _find_numeric_date(text, pos, end)
    stop = numeric.start() if numeric else end
    # A named date ("May 1 2000") takes ten characters at least.
    if stop - pos < 10:
        return numeric
    window = text[pos:stop].lower()
    if any(stem in window for stem in _MONTH_STEMS):
        named = _find_named_date(text, pos, stop)
        if named is not None:
            return named
    return numeric


class InvalidDate(ValueError):
    """A date-shaped string that names no real day, such as ``13/45/2001``."""


def resolve_year(year: str) -> int:
    """Expand a written year: four digits as they are, two digits around the pivot.

    >>> resolve_year("08"), resolve_year("95"), resolve_year("2001")
    (2008, 1995, 2001)
    """
    return _full_year(int(year), len(year))


def _full_year(value: int, digits: int) -> int:
    """:func:`resolve_year` of a year read as a number of ``digits`` digits."""
    if digits == 4:
        return value
    return 2000 + value if value < TWO_DIGIT_PIVOT else 1900 + value


def date_from_match(match: re.Match[str]) -> datetime.date:
    """The date a :func:`search_date` match names; :class:`InvalidDate` if none."""
    if match.re is _NUMERIC_DATE:
        # (the match is a numeric date alone: read as parse_date_value reads one, by a
        # native loop, and remembered; one written in other digits than ASCII's, which
        # that loop does not read, is read from its groups)
        found = _numeric_value(match.group())
        if found is not None:
            return found
        month_text, day_text, year = match.group("m", "d", "y")
        month, day = int(month_text), int(day_text)
    else:
        month = _MONTHS[match.group("mname")[:3].lower()]
        day, year = int(match.group("dn")), match.group("yn")
    try:
        return _DATE(resolve_year(year), month, day)
    except ValueError as exc:
        raise InvalidDate(f"{match.group()!r} is not a calendar date") from exc


def parse_date(text: str) -> datetime.date | None:
    """The first full date in ``text``, or ``None`` when there is none.

    Raises :class:`InvalidDate` when the first date-shaped string names no real day.

    >>> parse_date("injury on 3-1-08.")
    datetime.date(2008, 3, 1)
    >>> parse_date("since at least 05/2012") is None
    True
    """
    match = search_date(text)
    if match is None:
        return None
    return date_from_match(match)


def parse_date_value(text: str) -> datetime.date | None:
    """:func:`parse_date` of a value, such as a header table's, that is most often one
    numeric date and nothing else: such a value is read without a search.

    >>> parse_date_value("11/30/2016"), parse_date_value("on 3-1-08")
    (datetime.date(2016, 11, 30), datetime.date(2008, 3, 1))
    """
    found = _numeric_value(text)
    return found if found is not None else parse_date(text)


def _numeric_value(text: str) -> datetime.date | None:
    """The date ``text`` names where it is a numeric date alone (see
    :func:`~imrparse.extractors.header_shapes.numeric_date`), else ``None``;
    :class:`InvalidDate` where it names no real day."""
    # (A value read before, in this letter or another, is not read again: letters of a
    # time share their dates assigned and decided, and a summary's date of injury is often
    # the header table's; exact, as a numeric date alone names the same day whatever reads
    # it, and a date is immutable. Only such dates are kept.)
    remembered = _REMEMBERED_DATES.get(text)
    if remembered is not None:
        return remembered
    month, day, year, digits = numeric_date(text)
    if not digits:  # (no numeric date alone)
        return None
    try:
        found = _DATE(_full_year(year, digits), month, day)
    except ValueError as exc:
        raise InvalidDate(f"{text!r} is not a calendar date") from exc
    if len(_REMEMBERED_DATES) >= _REMEMBERED_DATE_COUNT:
        _REMEMBERED_DATES.clear()
    _REMEMBERED_DATES[text] = found
    return found


# The numeric dates read alone (a value, or a match of one), by their text (bounded: cleared
# when full).
_REMEMBERED_DATES: Final[dict[str, datetime.date]] = {}
_REMEMBERED_DATE_COUNT: Final = 4096


_SENTINELS: Final = (datetime.datetime(1604, 1, 1), datetime.datetime(1808, 12, 28))


def parse_loose(text: str) -> datetime.date | None:
    """Read a date in a form the explicit patterns miss (``8th of June, 2000``).

    Uses python-dateutil's fuzzy parser twice with two different sentinel
    defaults; if the results differ, the text lacked a day, month or year and
    ``None`` is returned rather than a part invented from the default.

    >>> parse_loose("the 8th of June, 2000")
    datetime.date(2000, 6, 8)
    >>> parse_loose("June 2000") is None
    True
    """
    from dateutil import parser as du_parser

    results = []
    for default in _SENTINELS:
        try:
            results.append(du_parser.parse(text, default=default, fuzzy=True))
        except (ValueError, OverflowError):
            return None
    first, second = results
    if first != second:
        return None
    return first.date()
