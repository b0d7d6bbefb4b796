"""Where the sections' readings meet (imrparse.merge): every declared field is read or
named, and a value stated in the wrong section never silently becomes the record's.

The two reproductions of issue 18 first, then the merge rule on written variants.
"""

from __future__ import annotations

import datetime

import pytest

import imrparse
from imrparse import Severity
from imrparse.layouts import get
from imrparse.readers import Context, get_reader, registered_readers
from imrparse.readers.preamble import read_preamble
from imrparse.scanner import scan_text

OVERTURNED = imrparse.examples.read_text("overturned")  # fdl-2014, no header table
NOTICE = imrparse.examples.read_text("legacy-2013")
HOW_PROSE = "MAXIMUS Federal Services sent"


def codes(letter: imrparse.Letter) -> list[str]:
    return [d.code for d in letter.diagnostics]


def test_every_field_the_2014_layout_declares_is_read_or_named() -> None:
    cover = "Employee: XXXXXXX\nClaim Number: 0123-456\nDate of UR Decision: 10/01/2013\n"
    letter = imrparse.parse(cover + OVERTURNED)
    assert letter.claim_number == "0123-456"
    assert letter.dates.ur_denial_date == datetime.date(2013, 10, 1)
    employee = [d for d in letter.diagnostics if d.code == "not-extracted"]
    assert [(d.message, d.line) for d in employee] == [("the field 'Employee' is not extracted", 1)]
    assert "Employee: XXXXXXX" in letter.unclaimed
    assert letter.ok  # (an information note: the field holds no value of the record)


def test_a_date_of_injury_in_the_reviewers_section_does_not_replace_the_summarys() -> None:
    at = OVERTURNED.index(HOW_PROSE)
    letter = imrparse.parse(OVERTURNED[:at] + "Date of Injury: 01/01/2001\n" + OVERTURNED[at:])
    assert letter.summary.date_of_injury == datetime.date(2011, 4, 15)
    assert letter.dates.date_of_injury is None
    (warning,) = [d for d in letter.diagnostics if d.code == "misplaced-field"]
    assert warning.severity is Severity.WARNING
    assert "HOW THE IMR FINAL DETERMINATION WAS MADE" in warning.message
    assert "Date of Injury: 01/01/2001" in letter.unclaimed


def test_a_field_without_a_value_is_kept_unread_without_a_trailing_space() -> None:
    at = OVERTURNED.index(HOW_PROSE)
    letter = imrparse.parse(OVERTURNED[:at] + "Date Assigned:   \n" + OVERTURNED[at:])
    assert "Date Assigned:" in letter.unclaimed
    assert all(text == text.strip() for text in letter.unclaimed)


@pytest.mark.parametrize(
    "line",
    ["Case Number: CM14-0000009", "Decision Date: 02/02/2014", "Priority: Expedited"],
)
def test_no_case_fact_is_read_from_the_reviewers_section(line: str) -> None:
    at = OVERTURNED.index(HOW_PROSE)
    letter = imrparse.parse(OVERTURNED[:at] + line + "\n" + OVERTURNED[at:])
    plain = imrparse.parse(OVERTURNED)
    assert (letter.case_number, letter.dates, letter.priority) == (
        plain.case_number,
        plain.dates,
        plain.priority,
    )
    assert codes(letter) == ["misplaced-field"]


def test_two_places_that_state_a_fact_differently_are_named_both() -> None:
    letter = imrparse.parse("Date of Injury: 01/01/2001\n" + NOTICE)
    # the fields before the first section come first; the notice's is reported
    assert letter.dates.date_of_injury == datetime.date(2001, 1, 1)
    (warning,) = [d for d in letter.diagnostics if d.code == "conflicting-values"]
    assert "'02/07/2010'" in warning.message and "'01/01/2001' on line 1" in warning.message
    assert warning.line == 7  # (the notice's statement, shifted by the line put before it)


def test_the_same_fact_stated_twice_alike_is_no_conflict() -> None:
    letter = imrparse.parse("Date of Injury: 2/7/2010\n" + NOTICE)
    assert "conflicting-values" not in codes(letter)
    assert letter.dates.date_of_injury == datetime.date(2010, 2, 7)


def test_the_header_table_outranks_a_cover_field() -> None:
    text = imrparse.examples.read_text("header-2016")
    at = text.index("HOW THE IMR")
    letter = imrparse.parse(text[:at] + "Date of UR Decision: 01/02/2003\n" + text[at:])
    plain = imrparse.parse(text)
    assert letter.dates == plain.dates
    assert codes(letter) == ["conflicting-values"]


def test_readers_return_what_they_read_and_share_nothing() -> None:
    # The preamble's reading, made twice from one scan, is equal and separate.
    text = "Employee: X\nClaim Number: 7\n" + OVERTURNED
    scanned = scan_text(text)
    context = Context(get("fdl-2014"), scanned)
    preamble = scanned.lines[: scanned.headings[0]]
    one, two = read_preamble(preamble, context), read_preamble(preamble, context)
    assert [(f.name, f.text, f.line) for f in one.fields] == [
        ("employee", "X", 1),
        ("claim-number", "7", 2),
    ]
    assert [(f.name, f.text) for f in one.fields] == [(f.name, f.text) for f in two.fields]
    assert one.fields is not two.fields and one.diag is not two.diag


def test_every_shipped_layout_names_registered_readers_and_says_outcomes_once() -> None:
    known = set(registered_readers())
    for layout in imrparse.layouts.registered():
        assert set(layout.readers.values()) <= known, layout.name
        deciding = [get_reader(n) for n in layout.readers.values() if get_reader(n).decides]
        assert layout.outcomes == (deciding[0].outcomes if deciding else "none")
