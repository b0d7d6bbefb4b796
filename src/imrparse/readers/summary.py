"""The reader of the case summary: age, sex, date and mechanism of injury, diagnoses.

A summary is prose. Where pages came out of order, whole determinations (a treatment
header with its labelled parts) can stand inside it: they are read as determinations,
in their place, with a warning, and the prose before the first of them is the summary.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..blocks import split_blocks
from ..cleaning import clean_lines
from ..extractors.summary import extract_summary
from ..line_kinds import _DETERMINATION, _PART
from ..scanner import Line, contents
from .base import Context, Reading, strip_boilerplate
from .decisions import read_block

if TYPE_CHECKING:
    from ..grammar import Section

__all__ = ["read_summary"]


def read_summary(section: Section, context: Context) -> Reading:
    """Read the case facts from the summary's prose (its opening boilerplate dropped)."""
    reading = Reading(section.name)
    lines = section.lines
    if _holds_determinations(lines):
        lines = _read_determinations(section, context, reading)
    text = strip_boilerplate(context, section.name, clean_lines(contents(lines), context.headers))
    reading.summary = extract_summary(text, reading.diag, section.heading.number)
    return reading


def _holds_determinations(lines: list[Line]) -> bool:
    """Whether a treatment header followed by a part label stands among ``lines``."""
    header = False
    for line in lines:
        kind = line.kind
        if kind is _DETERMINATION:
            header = True
        elif kind is _PART and header:
            return True
    return False


def _read_determinations(section: Section, context: Context, reading: Reading) -> list[Line]:
    """Read the determinations that stand in the summary; the lines before them are its
    prose."""
    layout = context.layout
    preface, blocks = split_blocks(
        section.lines,
        context.scan.doubled,
        reading.diag,
        cue=layout.partial_cue if layout.partial_authorizations else "",
        openings=layout.partial_openings,
        titles=layout.part_titles,
    )
    for block in blocks:
        first = block.header[0]
        reading.diag.add(
            "determination-out-of-place",
            f"the determination {first.content[:60]!r} stands in the section "
            f"{section.heading.content!r} (pages out of order?): read where it stands",
            first.number,
            first.column,
        )
        reading.determinations.append(read_block(block, reading, context))
        reading.places.append((first.number, first.column))
    return preface
