"""The reader of the case summary: age, sex, date and mechanism of injury, diagnoses."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..extractors.summary import extract_summary
from ..scanner import NUMBER, contents
from .base import Context, Reading, strip_boilerplate

if TYPE_CHECKING:
    from ..grammar import Section

__all__ = ["read_summary"]


def read_summary(section: Section, context: Context) -> Reading:
    """Read the case facts from the summary's prose (its opening boilerplate dropped)."""
    reading = Reading(section.name)
    text = strip_boilerplate(context, section.name, context.clean(contents(section.lines)))
    reading.summary = extract_summary(text, reading.diag, section.heading[NUMBER])
    return reading
