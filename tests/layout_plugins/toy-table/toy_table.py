"""A made-up layout whose outcomes stand in a table at the end of the letter.

It shows that a layout with a way of writing outcomes that no shipped layout uses is one
module (this one: its reader and its declaration, as a module of ``imrparse.layouts``
would hold them) and one fixture folder (the letters beside it), and touches no other
file. ``tests/test_layouts.py`` imports it, registers ``LAYOUT``, reads the letters beside
it against their expected records and unregisters both again.

    DECISIONS TABLE
    Treatment | Outcome
    Norco 10/325mg #60 | Upheld
"""

from __future__ import annotations

from typing import Any

from imrparse.extractors.treatments import parse_treatment
from imrparse.layouts import Layout
from imrparse.readers import Context, Reading, register_reader
from imrparse.records import Determination, Outcome

OUTCOMES = {"upheld": Outcome.UPHELD, "overturned": Outcome.OVERTURNED}


def read_table(section: Any, context: Context) -> Reading:
    """One determination per row ``<treatment> | <outcome>``; any other row is reported."""
    reading = Reading(section.name)
    reading.decides = True
    for line in section.lines:
        content = line.content
        if not content:
            continue
        treatment, bar, outcome = content.rpartition("|")
        word = outcome.strip().lower()
        if bar and word in OUTCOMES:
            found = Determination(
                treatment=parse_treatment(treatment.strip()), outcome=OUTCOMES[word]
            )
            reading.determinations.append(found)
            reading.places.append((line.number, line.column))
        elif content.replace(" ", "").lower() != "treatment|outcome":
            reading.unclaimed.append(content)
            reading.diag.add(
                "unclaimed-text",
                f"a row of no treatment: {content[:60]!r}",
                line.number,
                line.column,
            )
    return reading


register_reader("toy-table", read_table, outcomes="table", none_found="the table has no row")

LAYOUT = Layout(
    name="toy-table",
    description="A made-up layout: the reviewer, the facts, and a table of outcomes at the end.",
    headings={"THE REVIEWER": "how", "THE FACTS": "summary", "DECISIONS TABLE": "decisions"},
    marks={"THE FACTS": 2, "DECISIONS TABLE": 6},
    readers={"how": "reviewer", "summary": "summary", "decisions": "toy-table"},
    required=("decisions",),
)
