"""The reader of the reviewer's section: credentials from prose and labelled fields."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from ..extractors.reviewer import REMEMBERED_SECTIONS, Found, extract_reviewer
from ..grammar import split_fields
from ..scanner import contents
from ..spans import Source, keep
from .base import Context, Reading, Stated
from .fields import label_of

if TYPE_CHECKING:
    from ..grammar import Section
    from ..records import Reviewer

__all__ = ["read_reviewer"]

_LABEL_LIKE: Final = re.compile(r"[A-Z0-9][\w()/&' -]{2,40}:[ \t]+\S")
"""A line that opens with a label and its value (``State(s) of Licensure: Texas``): in the
reviewer's section, only the credentials' fields are written so. (Its colon stands at
offset 3 to 41: a line without one there is passed over before the pattern is tried;
change the two together.)"""
_CREDENTIALS: Final = frozenset({"states", "specialties"})
"""The labelled fields of the credentials block, which this reader consumes."""


def read_reviewer(section: Section, context: Context) -> Reading:
    """Read the reviewer's title, board certifications, licensure and practice."""
    reading = Reading(section.name)
    places: dict[str, Source] = {}
    rest, fields = split_fields(
        section.lines, context.scan.doubled, places=places if context.spans else None
    )
    prose = context.clean(contents(rest))
    values = {name: context.clean(texts) for name, (_, texts) in fields.items()}
    for name, (label, _) in fields.items():
        if name not in _CREDENTIALS:
            reading.fields.append(
                Stated(
                    name,
                    values[name],
                    label.number,
                    label.column,
                    section.name,
                    label_of(label),
                    places.get(name),
                )
            )
    for unread in rest:
        content = unread.content  # (most lines are prose, without a label's colon)
        if content.find(":", 3, 42) >= 0 and _LABEL_LIKE.match(content):
            reading.diag.add(
                "unread-label",
                f"{unread.content[:50]!r} reads as a labelled field, but its label is none "
                "the layout knows: its value is not read",
                unread.number,
                unread.column,
            )
    found: Found | None = [] if context.spans else None
    reviewer = extract_reviewer(prose, values, found, REMEMBERED_SECTIONS)
    if found is not None:
        _spans(reading, reviewer, found, Source.of(rest), prose, places, values)
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


_PATHS: Final = {
    attribute: tuple(f"reviewer.{attribute}.{n}" for n in range(8))
    for attribute in ("board_certifications", "licensed_states")
}


def _spans(
    reading: Reading,
    reviewer: Reviewer,
    found: Found,
    prose_source: Source,
    prose: str,
    places: dict[str, Source],
    values: dict[str, str],
) -> None:
    """Where the reviewer's title, certifications and states were read (the first place
    each was read from), to ``reading``."""
    # (each attribute's items passed over in a loop of its own: compiled, a tuple of the
    # three to iterate is made and walked as generic objects)
    title = reviewer.title
    if title is not None:
        _place(reading, found, "title", 0, title, prose_source, prose, places, values)
    for n, item in enumerate(reviewer.board_certifications):
        _place(reading, found, "board_certifications", n, item, prose_source, prose, places, values)
    for n, item in enumerate(reviewer.licensed_states):
        _place(reading, found, "licensed_states", n, item, prose_source, prose, places, values)


def _place(
    reading: Reading,
    found: Found,
    attribute: str,
    n: int,
    item: str,
    prose_source: Source,
    prose: str,
    places: dict[str, Source],
    values: dict[str, str],
) -> None:
    """The row of the ``n``-th item of ``attribute``, ``item``, where it was first read, to
    ``reading`` (see :func:`_spans`)."""
    for named, value, origin, start, end in found:
        if named == attribute and value == item:
            source = places.get(origin) if origin else prose_source
            text = values.get(origin, "") if origin else prose
            if source is not None:
                keep(reading.spans, source.locate(_path(attribute, n), text, start, end))
            return


def _path(attribute: str, n: int) -> str:
    """The path of the reviewer's ``attribute`` (its ``n``-th item, for a tuple)."""
    if attribute == "title":
        return "reviewer.title"
    return _PATHS[attribute][n] if n < 8 else f"reviewer.{attribute}.{n}"
