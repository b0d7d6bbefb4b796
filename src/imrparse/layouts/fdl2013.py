"""The earliest letters (2013): a notice page with outcomes worded as sentences.

A first page ``Notice of Independent Medical Review Determination`` with a ``Dated:``
line, labelled fields (``IMR Case Number``, ``Date of Injury``) and a numbered list of
outcomes as sentences ("... the request for <treatment> is not medically necessary"),
then ``INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE`` with
``MEDICAL QUALIFICATIONS OF THE EXPERT REVIEWER:`` and ``CASE SUMMARY:``. Read: the
outcomes, the reviewer and the case facts. Not read: the guidelines relied upon and
the rationale per treatment, which this layout words in free prose.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from ..cleaning import clean_lines
from ..extractors.treatments import parse_treatment
from ..readers import Context, Reading, register_reader
from ..readers.base import report_unknown
from ..readers.fields import stated_fields
from ..records import Determination, Outcome
from ..scanner import contents
from . import Layout

if TYPE_CHECKING:
    from ..grammar import Section

__all__ = ["LAYOUT", "read_notice"]

SENTENCE_OUTCOME: Final = re.compile(
    # (a decimal point stays inside a treatment: "Cyclobenzaprine 7.5mg")
    r"(?:\brequest(?:ed)?[ \t]+for[ \t]+|(?<![\d.])\d{1,2}\.[ \t]+)((?:[^.;:]|(?<=\d)\.(?=\d)){3,300}?)[ \t]+"
    r"(?:is|was|are|were)[ \t]+(not[ \t]+)?medically[ \t]+necessary",
    re.IGNORECASE,
)
"""An outcome as the notice words it: "... the request for <treatment> is (not) medically
necessary"; "not" means the UR denial is upheld."""


def read_notice(section: Section, context: Context) -> Reading:
    """Read outcomes written as sentences, one determination each (no parts), and the
    notice's labelled fields."""
    reading = Reading(section.name)
    reading.decides = True
    rest, reading.fields = stated_fields(section.lines, context, section.name)
    text = clean_lines(contents(rest), context.headers)
    heading = section.heading
    found: dict[str, Determination] = {}
    for match in SENTENCE_OUTCOME.finditer(text):
        treatment = parse_treatment(match.group(1).strip())
        if treatment.text not in found:
            report_unknown(reading, treatment, heading.number, heading.column)
            outcome = Outcome.UPHELD if match.group(2) else Outcome.OVERTURNED
            found[treatment.text] = Determination(treatment=treatment, outcome=outcome)
    if found:
        reading.diag.add(
            "legacy-layout",
            f"the {context.layout.name} layout words its outcomes as sentences: the "
            "determinations have no guideline bases or rationales",
            heading.number,
            heading.column,
        )
    reading.determinations = list(found.values())
    reading.places = [(heading.number, heading.column)] * len(found)
    return reading


register_reader(
    "notice",
    read_notice,
    outcomes="sentences",
    none_found="no outcome sentence ('... is not medically necessary') was found",
    states_facts=True,
)

LAYOUT = Layout(
    name="fdl-2013",
    description="The 2013 notice: outcomes as sentences, then the reviewer's "
    "qualifications and a case summary.",
    headings={
        "NOTICE OF INDEPENDENT MEDICAL REVIEW DETERMINATION": "notice",
        "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE": "rationale",
        "MEDICAL QUALIFICATIONS OF THE EXPERT REVIEWER": "how",
        "CASE SUMMARY": "summary",
    },
    marks={
        "NOTICE OF INDEPENDENT MEDICAL REVIEW DETERMINATION": 5,
        "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE": 5,
        "MEDICAL QUALIFICATIONS OF THE EXPERT REVIEWER": 3,
    },
    readers={"notice": "notice", "how": "reviewer", "summary": "summary"},
    sections=("notice", "rationale", "how", "summary"),
    required=("notice",),
    fields={
        "IMR Case Number": "case-number",
        "Case Number": "case-number",
        "Date of Injury": "date-of-injury",
        "Dated": "dated",
    },
    not_extracted={
        "rationale": "the 2013 layout's guideline bases and rationales are free prose, not read",
        "preamble": "a cover page before the first section is not extracted",
    },
)
