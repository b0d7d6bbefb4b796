"""The reader of the reviewer's section: credentials from prose and labelled fields."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from ..cleaning import clean_lines
from ..extractors.reviewer import extract_reviewer
from ..grammar import split_fields
from ..scanner import contents
from .base import Context, Reading, Stated
from .fields import label_of

if TYPE_CHECKING:
    from ..grammar import Section

__all__ = ["read_reviewer"]

_LABEL_LIKE: Final = re.compile(r"[A-Z0-9][\w()/&' -]{2,40}:[ \t]+\S")
"""A line that opens with a label and its value (``State(s) of Licensure: Texas``): in the
reviewer's section, only the credentials' fields are written so."""
_CREDENTIALS: Final = frozenset({"states", "specialties"})
"""The labelled fields of the credentials block, which this reader consumes."""


def read_reviewer(section: Section, context: Context) -> Reading:
    """Read the reviewer's title, board certifications, licensure and practice."""
    reading = Reading(section.name)
    rest, fields = split_fields(section.lines, context.scan.doubled)
    prose = clean_lines(contents(rest), context.headers)
    values = {name: clean_lines(texts, context.headers) for name, (_, texts) in fields.items()}
    for name, (label, _) in fields.items():
        if name not in _CREDENTIALS:
            reading.fields.append(
                Stated(
                    name, values[name], label.number, label.column, section.name, label_of(label)
                )
            )
    for unread in rest:
        if unread.content and _LABEL_LIKE.match(unread.content):
            reading.diag.add(
                "unread-label",
                f"{unread.content[:50]!r} reads as a labelled field, but its label is none "
                "the layout knows: its value is not read",
                unread.number,
                unread.column,
            )
    reviewer = extract_reviewer(prose, values)
    line = section.heading.number
    if reviewer.title is None:
        reading.diag.add("field-not-found", "the reviewer's title is not stated", line)
    if not reviewer.board_certifications:
        reading.diag.add(
            "field-not-found", "the reviewer's board certification is not stated", line
        )
    if not reviewer.licensed_states:
        reading.diag.add("field-not-found", "the reviewer's licensure is not stated", line)
    reading.reviewer = reviewer
    return reading
