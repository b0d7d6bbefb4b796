"""Sections no reader reads: those a layout knowingly leaves unread, and text under a
heading of another layout."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from ..records import TokenKind
from .base import Context, Reading, claim_rest

if TYPE_CHECKING:
    from ..grammar import Section

__all__ = ["read_foreign", "read_not_extracted"]

_DETERMINATION: Final = TokenKind.DETERMINATION


def read_not_extracted(section: Section, context: Context) -> Reading:
    """Keep a section the layout declares unread, with its reason (``not-extracted``)."""
    reading = Reading(section.name)
    why = context.layout.not_extracted[section.name]
    claim_rest(reading, context, section.lines, f"({why})", "not-extracted")
    return reading


def read_foreign(section: Section, context: Context) -> Reading:
    """Keep and report the text under a heading the layout does not have; a treatment
    header in it is a decision lost, an error."""
    reading = Reading(section.name)
    heading = section.heading
    where = f"under the heading {heading.content!r}, which the {context.layout.name} layout has not"
    claim_rest(reading, context, section.lines, where, "unclaimed-text")
    for line in section.lines:
        if line.kind is _DETERMINATION:
            reading.diag.add(
                "unread-determination",
                f"the treatment header {line.content[:60]!r} stands {where}: its decision "
                "is not read",
                line.number,
                line.column,
            )
    return reading
