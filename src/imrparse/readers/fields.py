"""Labelled fields: the reader of a section that is only fields, and what the others share.

A field is ``Label: value`` with a label a layout declares; its value may wrap onto the
next lines (:func:`~imrparse.grammar.split_fields`). A case number's value may wrap after
its hyphen, across an empty line ("CM13-" / "0000004"), so it is read with a look at the
lines after its label.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..casefacts import case_number
from ..grammar import split_fields
from ..scanner import Line, contents
from ..spans import Source
from .base import Context, Reading, Stated, claim_rest

if TYPE_CHECKING:
    from ..grammar import Section

__all__ = ["label_of", "read_fields", "stated_fields", "wrapped_case"]


def stated_fields(
    lines: list[Line], context: Context, role: str
) -> tuple[list[Line], list[Stated]]:
    """Take the labelled fields out of ``lines``: the lines left, and the fields as stated."""
    places: dict[str, Source] = {}
    rest, fields = split_fields(
        lines, context.scan.doubled, places=places if context.spans else None
    )
    stated = []
    for name, (label, texts) in fields.items():
        value = context.clean(texts)
        source = places.get(name)
        if name == "case-number":
            found = wrapped_case(lines, label, value)
            if found is not None and found not in value:  # (wrapped: the next line too)
                source = _wrapped_source(lines, label, source)
            value = found or value
        stated.append(
            Stated(name, value, label.number, label.column, role, label_of(label), source)
        )
    return rest, stated


def label_of(line: Line) -> str:
    """A field's label as printed, white space folded (the text before its colon)."""
    content = line.content
    return " ".join(content[: content.find(":")].split())


def wrapped_case(lines: list[Line], label: Line, value: str) -> str | None:
    """The case number a field states, perhaps wrapped after its hyphen onto the next
    line with text ("CM13-" / "0000004") across an empty line."""
    found = case_number(value)
    if found is None:
        try:
            at = lines.index(label)  # (by value: a compiled module re-boxes its tuples)
        except ValueError:  # a second field on its label's line: no wrap to follow
            return None
        found = case_number("\n".join(contents(lines[at : at + 4])[:2]))
    return found


def _wrapped_source(lines: list[Line], label: Line, source: Source | None) -> Source | None:
    """The source of a case number wrapped after its hyphen: its label's remainder and the
    next line with text."""
    if source is None or len(source.lines) != 1 or label not in lines:
        return None
    after = next((line for line in lines[lines.index(label) + 1 :] if line.content), None)
    if after is None:
        return None
    return source.plus(after)


def read_fields(section: Section, context: Context) -> Reading:
    """Read a section of labelled fields; other text in it is kept and reported."""
    reading = Reading(section.name)
    rest, reading.fields = stated_fields(section.lines, context, section.name)
    claim_rest(
        reading, context, rest, f"in the section {section.heading.content!r}", "unclaimed-text"
    )
    return reading
