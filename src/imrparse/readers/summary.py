"""The reader of the case summary: age, sex, date and mechanism of injury, diagnoses.

A summary is prose. Where pages came out of order, whole determinations (a treatment
header with its labelled parts) can stand inside it: they are read as determinations,
in their place, with a warning, and the prose before the first of them is the summary.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..cleaning import clean_lines
from ..extractors.summary import extract_summary
from ..scanner import contents
from .base import Context, Reading, strip_boilerplate
from .decisions import read_out_of_place

if TYPE_CHECKING:
    from ..grammar import Section

__all__ = ["read_summary"]


def read_summary(section: Section, context: Context) -> Reading:
    """Read the case facts from the summary's prose (its opening boilerplate dropped)."""
    reading = Reading(section.name)
    where = f"in the section {section.heading.content!r}"
    lines = read_out_of_place(section.lines, where, context, reading)
    text = strip_boilerplate(context, section.name, clean_lines(contents(lines), context.headers))
    reading.summary = extract_summary(text, reading.diag, section.heading.number)
    return reading
