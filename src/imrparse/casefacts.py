"""The case's facts as labelled values state them: the one definition of each.

A case number (``CM16-0237844``), the dates of the case and its priority are stated by
labelled fields: the header table of the 2016-17 letters, a cover page's fields, the
2013 notice's. This module says what each such field is in the record and how its text
is read; :mod:`imrparse.merge` decides which statement the record keeps.
"""

from __future__ import annotations

import re
from typing import Final

from .records import Priority

__all__ = [
    "CASE_NUMBER",
    "DATE_FIELDS",
    "FACT_FIELDS",
    "PRIORITIES",
    "SHAPES",
    "case_number",
]

CASE_NUMBER: Final = re.compile(r"CM\d{2}-(?:[ \t]*[\r\n]\s*)?\d{7}(?!\d)")
"""A case number, perhaps wrapped after its hyphen ("CM13-" / "0000004")."""
# (Bound once, as cleaning.is_ascii is: compiled code looks a method up by name at each call.)
_case_number_at: Final = CASE_NUMBER.match

DATE_FIELDS: Final = {
    "application-received": "application_received",
    "date-assigned": "date_assigned",
    "decision-date": "decision_date",
    "ur-denial-date": "ur_denial_date",
    "date-of-ur-decision": "ur_denial_date",
    "date-of-injury": "date_of_injury",
    "dated": "decision_date",
}
"""Fields that are dates -> the :class:`~imrparse.CaseDates` attribute. The 2013 notice
states the letter's date as ``Dated``; a 2014 cover page the UR decision's date."""

FACT_FIELDS: Final = (*DATE_FIELDS, "priority", "case-number", "claim-number")
"""Every field the record keeps, by name."""

SHAPES: Final = {
    **dict.fromkeys(DATE_FIELDS, "date"),
    "case-number": "case-number",
    "priority": "word",
}
"""The shape of each header-table value, for the table reader to tell values apart."""

PRIORITIES: Final = {priority.value: priority for priority in Priority}


def case_number(text: str) -> str | None:
    """The first case number in ``text``, its wrap undone, or ``None``.

    >>> case_number("IMR Case Number: CM13-\\n0000004")
    'CM13-0000004'
    """
    # str.find() skips to each "CM" far faster than a regex search could.
    at = text.find("CM")
    while at >= 0:
        match = _case_number_at(text, at)
        if match is not None and (at == 0 or not text[at - 1].isalnum()):
            found = match.group()
            # (twelve characters, "CM", two digits, a hyphen and seven digits: unwrapped,
            # as a wrap adds a line end; most numbers are, and need no split and join)
            return found if len(found) == 12 else "".join(found.split())
        at = text.find("CM", at + 2)
    return None
