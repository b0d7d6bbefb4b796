"""Letters with a ``DOCUMENTS REVIEWED`` section and ``IMR DECISION(S) AND RATIONALE(S)``.

They open ``MAXIMUS FEDERAL SERVICES, INC.`` / ``Independent Medical Review``, with the
sections ``HOW THE IMR FINAL DETERMINATION WAS MADE``, ``DOCUMENTS REVIEWED``,
``CLINICAL CASE SUMMARY`` and ``IMR DECISION(S) AND RATIONALE(S)``. The decisions are
read as in the main layout (a treatment header per decision, labelled parts); the list
of documents is kept unread.
"""

from __future__ import annotations

from . import Layout
from .fdl2014 import BOILERPLATE, PARTS, REVIEWER_FIELDS

__all__ = ["LAYOUT"]

LAYOUT = Layout(
    name="fdl-documents",
    description="Letters with DOCUMENTS REVIEWED and IMR DECISION(S) AND RATIONALE(S) sections.",
    headings={
        "HOW THE IMR FINAL DETERMINATION WAS MADE": "how",
        "DOCUMENTS REVIEWED": "documents",
        "CLINICAL CASE SUMMARY": "summary",
        "IMR DECISION(S) AND RATIONALE(S)": "decisions",
    },
    marks={
        "HOW THE IMR FINAL DETERMINATION WAS MADE": 2,
        "CLINICAL CASE SUMMARY": 2,
        "DOCUMENTS REVIEWED": 2,
        "IMR DECISION(S) AND RATIONALE(S)": 5,
    },
    readers={"how": "reviewer", "summary": "summary", "decisions": "decisions"},
    sections=("how", "documents", "summary", "decisions"),
    required=("how", "summary", "decisions"),
    fields=REVIEWER_FIELDS,
    parts=PARTS,
    boilerplate=BOILERPLATE,
    not_extracted={
        "documents": "the list of documents the reviewer read is not extracted",
        "preamble": "the letter's opening lines (MAXIMUS FEDERAL SERVICES, INC.) are not extracted",
    },
)
