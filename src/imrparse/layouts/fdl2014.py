"""The main layout of 2014-15: three sections, a treatment header per decision.

``HOW THE IMR FINAL DETERMINATION WAS MADE`` (the reviewer: prose and, in later
letters, a credentials block), ``CLINICAL CASE SUMMARY`` (one boilerplate sentence,
then the reviewer's prose) and ``IMR ISSUES, DECISIONS AND RATIONALES`` (one boilerplate
sentence, then per treatment a header ``<item>: Upheld`` and three labelled parts).
The four seed letters are of this layout. A ``DOCUMENTS REVIEWED`` section, where a
letter has one, is kept unread.
"""

from __future__ import annotations

from . import Layout

__all__ = ["CANONICAL", "HEADINGS", "LAYOUT", "PARTIAL_AUTHORIZATIONS", "PARTS", "REVIEWER_FIELDS"]

HEADINGS = {
    "HOW THE IMR FINAL DETERMINATION WAS MADE": "how",
    "CLINICAL CASE SUMMARY": "summary",
    "IMR ISSUES, DECISIONS AND RATIONALES": "decisions",
    "IMR ISSUES, DECISIONS, AND RATIONALES": "decisions",
    "IMR DECISIONS AND RATIONALES": "decisions",
    "DOCUMENTS REVIEWED": "documents",
}
"""The section headings of the main layout and its successors."""

PARTS = {
    "Claims Administrator guideline": "claims",
    "Claims Administrator guidelines": "claims",
    "MAXIMUS guideline": "reviewer",
    "MAXIMUS guidelines": "reviewer",
    "Decision rationale": "rationale",
}
"""The labels that open the three parts of a determination."""

REVIEWER_FIELDS = {
    "State(s) of Licensure": "states",
    "States of Licensure": "states",
    "State of Licensure": "states",
    "Certification(s)/Specialty": "specialties",
    "Certifications/Specialty": "specialties",
    "Certification/Specialty": "specialties",
    "Certification(s)/Specialties": "specialties",
}
"""The credentials block's labels."""

BOILERPLATE = {
    "summary": (
        r"^The[ \t]+\w+[ \t]+reviewer[ \t]+developed[ \t]+the[ \t]+following[^:]{0,200}:[ \t]*",
    ),
    "decisions": (
        r"^The[ \t]+Final[ \t]+Determination[ \t]+was[ \t]+based[ \t]+on[ \t]+decisions"
        r"[ \t]+for[^:]{0,200}:[ \t]*",
    ),
}
"""The fixed sentences that open the summary and the decisions section."""

# "X was the original request. Y was authorized by the Claims Administrator. The remaining
# IMR eligible portion of the original request, Z is" and "X was the original request.
# The Claims Administrator authorized Y, leaving the original request IMR eligible. The
# original request, Z is" ("is" may be missing). Seen in the letters of 2016-17; read in
# any letter of the main layout, so that a rendered letter without a header table keeps
# them. Each lazy group ends at a literal phrase, and the header is a few lines long.
# The remaining treatment: the rest of the header without a last " is" or " are" (where
# something stands before it). Written greedy, the "is" sought once from the end: what the
# lazy ``(?P<remaining>.+?)(?: (?:is|are))?`` matches (the shortest rest that the optional
# word then ends), which tried the word and the header's end at every character.
_REMAINING = r"(?P<remaining>.+(?= (?:is|are)\Z)|.+)(?: (?:is|are))?"
PARTIAL_AUTHORIZATIONS = (
    r"(?P<original>.+?),? (?:was|were) the original request\.? (?P<authorized>.+?),? (?:was|were) "
    r"authorized by the Claims Administrator\.? The remaining (?:IMR eligible )?portion of "
    r"the original request,? " + _REMAINING,
    r"(?P<original>.+?),? (?:was|were) the original request\.? The Claims Administrator "
    r"authorized (?P<authorized>.+?),? leaving the original request (?:IMR )?eligible\.? The original "
    r"request,? " + _REMAINING,
)
"""The two wordings of a partial authorization (see :attr:`Layout.partial_authorizations`)."""

CANONICAL = {
    "how": "MAXIMUS Federal Services sent the complete case file to {article} {who}. He/she "
    "has no affiliation with the employer, employee, providers or the claims administrator.",
    "credentials": "The {who} has the following credentials:",
    "summary": "The expert reviewer developed the following clinical case summary based on a "
    "review of the case file, including all medical records:",
    "decisions": "The Final Determination was based on decisions for the disputed "
    "items/services set forth below:",
    "partial": "{original} was the original request. {authorized} was authorized by the Claims "
    "Administrator. The remaining IMR eligible portion of the original request, {remaining} is",
}
"""The fixed sentences of a clean letter, as :func:`imrparse.render` writes them."""

LAYOUT = Layout(
    name="fdl-2014",
    description="Final Determination Letters from 2014 on: three sections, a treatment "
    "header '<item>: Upheld' per decision.",
    headings=HEADINGS,
    marks={
        "HOW THE IMR FINAL DETERMINATION WAS MADE": 2,
        "CLINICAL CASE SUMMARY": 2,
        "IMR ISSUES, DECISIONS AND RATIONALES": 3,
        "IMR ISSUES, DECISIONS, AND RATIONALES": 3,
        "IMR DECISIONS AND RATIONALES": 3,
    },
    readers={"how": "reviewer", "summary": "summary", "decisions": "decisions"},
    sections=("how", "summary", "decisions", "documents"),
    required=("how", "summary", "decisions"),
    fields={
        **REVIEWER_FIELDS,
        "Case Number": "case-number",
        "IMR Case Number": "case-number",
        "Claim Number": "claim-number",
        "Date of Injury": "date-of-injury",
        "Date of UR Decision": "date-of-ur-decision",
        "Employee": "employee",
    },
    parts=PARTS,
    boilerplate=BOILERPLATE,
    partial_authorizations=PARTIAL_AUTHORIZATIONS,
    canonical=CANONICAL,
    not_extracted={
        "documents": "the list of documents the reviewer read is not extracted",
        "preamble": "a cover page before the first section is not extracted",
    },
)
