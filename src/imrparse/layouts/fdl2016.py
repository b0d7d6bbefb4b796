"""The letters of 2016-17: the main layout with a header table and partial authorizations.

The same three sections as :mod:`.fdl2014`, with more around them:

- a header table before the first section (``Case Number``, ``Date Assigned``, ``Date of
  Injury``, ``Decision Date``, ``UR Denial Date``, ``Priority``, ``Application Received``),
  which extractors print as pairs on a line, labels split over lines, or a block of
  labels and a block of values;
- a credentials block in every letter;
- treatment headers that are sentences stating a partial authorization (read as in
  :mod:`.fdl2014`, where they are declared);
- newer citation forms (``MTUS Low Back Complaints 2004, Section(s): ...``).
"""

from __future__ import annotations

import attrs

from . import Layout
from .fdl2014 import LAYOUT as MAIN

__all__ = ["HEADER_TABLE", "LAYOUT"]

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

LAYOUT: Layout = attrs.evolve(
    MAIN,
    name="fdl-2016",
    description="Final Determination Letters of 2016-17: the main layout with a header "
    "table of the case's dates and partial authorizations.",
    header_table=HEADER_TABLE,
    canonical={
        **MAIN.canonical,
        **{f"header:{name}": printed for printed, name in HEADER_TABLE.items()},
    },
    # The table's own labels identify the layout; the headings count as for the main one.
    header_marks={"date-assigned": 3, "decision-date": 3, "ur-denial-date": 3, "priority": 2},
    not_extracted={
        "documents": "the list of documents the reviewer read is not extracted",
    },
)
