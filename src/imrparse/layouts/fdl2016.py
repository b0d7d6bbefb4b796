"""The letters of 2016-17: the main layout with a header table and partial authorizations.

The same three sections as :mod:`.fdl2014`, with more around them:

- a header table before the first section (``Case Number``, ``Date Assigned``, ``Date of
  Injury``, ``Decision Date``, ``UR Denial Date``, ``Priority``, ``Application Received``),
  which extractors print as pairs on a line, labels split over lines, or a block of
  labels and a block of values;
- a credentials block in every letter;
- treatment headers that are sentences stating a partial authorization: "X was the
  original request. Y was authorized by the Claims Administrator. The remaining IMR
  eligible portion of the original request, Z is: Upheld";
- newer citation forms (``MTUS Low Back Complaints 2004, Section(s): ...``).
"""

from __future__ import annotations

import attrs

from . import Layout
from .fdl2014 import LAYOUT as MAIN

__all__ = ["HEADER_TABLE", "LAYOUT", "PARTIAL_AUTHORIZATIONS"]

HEADER_TABLE = {
    "Case Number": "case-number",
    "Date Assigned": "date-assigned",
    "Date of Injury": "date-of-injury",
    "Decision Date": "decision-date",
    "UR Denial Date": "ur-denial-date",
    "Priority": "priority",
    "Application Received": "application-received",
}
"""The header table's labels as printed -> field name."""

# "X was the original request. Y was authorized by the Claims Administrator. The remaining
# IMR eligible portion of the original request, Z is" and "X was the original request.
# The Claims Administrator authorized Y, leaving the original request IMR eligible. The
# original request, Z is" ("is" may be missing). Each lazy group ends at a literal
# phrase, and headers are a few lines long: matching stays short.
PARTIAL_AUTHORIZATIONS = (
    r"(?P<original>.+?),? was the original request\.? (?P<authorized>.+?),? (?:was|were) "
    r"authorized by the Claims Administrator\.? The remaining (?:IMR eligible )?portion of "
    r"the original request,? (?P<remaining>.+?)(?: (?:is|are))?",
    r"(?P<original>.+?),? was the original request\.? The Claims Administrator authorized "
    r"(?P<authorized>.+?),? leaving the original request (?:IMR )?eligible\.? The original "
    r"request,? (?P<remaining>.+?)(?: (?:is|are))?",
)
"""The two wordings of a partial authorization (see :attr:`Layout.partial_authorizations`)."""

LAYOUT: Layout = attrs.evolve(
    MAIN,
    name="fdl-2016",
    description="Final Determination Letters of 2016-17: the main layout with a header "
    "table of the case's dates and partial authorizations.",
    header_table=HEADER_TABLE,
    # The table's own labels identify the layout; the headings count as for the main one.
    header_marks={"date-assigned": 3, "decision-date": 3, "ur-denial-date": 3, "priority": 2},
    partial_authorizations=PARTIAL_AUTHORIZATIONS,
    not_extracted={
        "documents": "the list of documents the reviewer read is not extracted",
    },
)
