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

from . import Layout

__all__ = ["LAYOUT"]

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
    outcomes="sentences",
    not_extracted={
        "rationale": "the 2013 layout's guideline bases and rationales are free prose, not read",
        "preamble": "a cover page before the first section is not extracted",
    },
)
