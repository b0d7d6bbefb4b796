"""The reader of the case summary: age, sex, date and mechanism of injury, diagnoses."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..cleaning import clean_lines
from ..extractors.summary import extract_summary
from ..scanner import contents
from .base import Context, Reading, strip_boilerplate

if TYPE_CHECKING:
    from ..grammar import Section

__all__ = ["read_summary"]


def read_summary(section: Section, context: Context) -> Reading:
    """Read the case facts from the summary's prose (its opening boilerplate dropped)."""
    reading = Reading(section.name)
    text = strip_boilerplate(
        context, section.name, clean_lines(contents(section.lines), context.headers)
    )
    reading.summary = extract_summary(text, reading.diag, section.heading.number)
    return reading
