"""``MEDICAL PROFESSIONAL REVIEW`` letters: a professional reviewer's report.

Sections ``ISSUE AT DISPUTE:``, ``CASE SUMMARY:``, ``DOCUMENTS REVIEWED FOR
DETERMINATION:``, ``MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL
REVIEWER AND WHY:``, ``RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT
MEDICALLY NECESSARY:`` and ``MEDICAL REVIEWER QUALIFICATIONS:``. Read: the case facts
and the reviewer. The disputed items and their outcomes are not stated in a form the
library reads (no treatment header, no outcome sentence), so a letter of this layout
has no determinations and says so with an error.
"""

from __future__ import annotations

from . import Layout

__all__ = ["LAYOUT"]

LAYOUT = Layout(
    name="mpr",
    description="MEDICAL PROFESSIONAL REVIEW reports: case facts and the reviewer only.",
    headings={
        "MEDICAL PROFESSIONAL REVIEW": "title",
        "ISSUE AT DISPUTE:": "issues",
        "CASE SUMMARY:": "summary",
        "DOCUMENTS REVIEWED FOR DETERMINATION:": "documents",
        "MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:": (
            "guidelines"
        ),
        "RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:": (
            "rationale"
        ),
        "MEDICAL REVIEWER QUALIFICATIONS:": "how",
    },
    marks={
        "MEDICAL PROFESSIONAL REVIEW": 5,
        "ISSUE AT DISPUTE": 3,
        "DOCUMENTS REVIEWED FOR DETERMINATION": 3,
        "MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY": 3,
        "RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY": 3,
        "MEDICAL REVIEWER QUALIFICATIONS": 3,
    },
    readers={"summary": "summary", "how": "reviewer"},
    sections=("title", "issues", "summary", "documents", "guidelines", "rationale", "how"),
    required=("issues",),
    not_extracted={
        "title": "the report's opening lines are not extracted",
        "issues": "the disputed items are not read: this layout states no outcome per item",
        "documents": "the list of documents the reviewer read is not extracted",
        "guidelines": "the guidelines relied upon are not read per item in this layout",
        "rationale": "the rationale is not read per item in this layout",
        "preamble": "text before the first section is not extracted",
    },
)
