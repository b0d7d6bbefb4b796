"""The reader of what stands before a letter's first heading: its header table and a
cover page's labelled fields."""

from __future__ import annotations

from collections.abc import Collection
from typing import Final

from ..casefacts import SHAPES
from ..extractors.header import read_header_values
from ..records import TokenKind
from ..scanner import Line
from ..spans import Source, Where
from .base import Context, Reading, Stated, claim_rest
from .decisions import read_out_of_place
from .fields import stated_fields

__all__ = ["HEADER_TABLE", "PREAMBLE", "has_table", "read_preamble", "read_table", "table_in"]

PREAMBLE: Final = "preamble"
"""The role of the text before the first heading."""
HEADER_TABLE: Final = "header-table"
"""The role of the values the header table states."""
_FIELD: Final = TokenKind.FIELD


def read_preamble(preamble: list[Line], context: Context, table: bool = True) -> Reading:
    """Read the header table the layout declares (unless ``table`` is false: it stands
    elsewhere), then the labelled fields; keep the rest."""
    reading = Reading(PREAMBLE)
    layout = context.layout
    rest = preamble
    unread: list[Line] = []
    if layout.header_table and table:
        rest, unread = read_table(preamble, context, reading)
    rest = read_out_of_place(rest, "", context, reading)  # (no heading: before the first)
    rest, fields = stated_fields(rest, context, PREAMBLE)
    reading.fields.extend(fields)
    for line in unread:
        claim_rest(reading, context, [line], "in the header table, not read", "unclaimed-text")
    if any(line.content for line in rest):
        why = layout.not_extracted.get(PREAMBLE)
        if why is not None:
            claim_rest(reading, context, rest, f"before the first section ({why})", "not-extracted")
        else:
            claim_rest(reading, context, rest, "before the first section", "unclaimed-text")
    return reading


def read_table(
    lines: list[Line], context: Context, reading: Reading
) -> tuple[list[Line], list[Line]]:
    """Read the layout's header table from ``lines`` into ``reading``: the lines it did not
    read, and those of them that hold one of its labels (left unread, see below)."""
    layout = context.layout
    at = [i for i, line in enumerate(lines) if line.content]
    filled = [lines[i] for i in at]
    rows = [(line.number, line.column, line.content) for line in filled]
    found, used = read_header_values(rows, layout.header_table, SHAPES)
    for name, (value, number, column) in found.items():
        where = source = None
        if context.spans:
            where, source = _value_source(filled, number, column, value)
        reading.fields.append(
            Stated(name, value, number, column, HEADER_TABLE, name, source, where)
        )
    table = layout.header_table.values()
    # (by position: a line cut at a form feed gives pieces of one line number,
    # and a line's identity is not kept where the module is compiled)
    kept = [True] * len(lines)
    for i in used:
        kept[at[i]] = False
    # A line with a label of the table that the table reader could not read whole
    # (a garbled value, a label stated twice) is the table's, and left unread: read
    # as a labelled field it would give a value the table does not state (the next
    # label's date), or be dropped unreported.
    rest = [line for i, line in enumerate(lines) if kept[i]]
    unread = [line for line in rest if line.kind is _FIELD and line.name in table]
    if unread:
        rest = [line for line in rest if line.kind is not _FIELD or line.name not in table]
    for name in table:
        if name not in found:
            reading.diag.add(
                "header-value-missing",
                f"the header table states no {name!r}",
                lines[0].number if lines else 1,
            )
    return rest, unread


def _value_source(
    filled: list[Line], number: int, column: int, value: str
) -> tuple[Where | None, Source | None]:
    """Where a header-table value stands: whole on its line (the usual case), or from its
    column there on into the next lines where it wraps (``CM16-`` / ``0224814``): its
    source; neither where it is not there as read."""
    for line in filled:
        if line.number == number:
            at = column - line.column
            # (compiled, a slice compared is cheaper than a find() with bounds, which
            # prepares the value for a search, or a startswith() with a start)
            if at >= 0 and line.content[at : at + len(value)] == value:
                start = line.offset + column - 1
                return (start, start + len(value), number, column), None
    source = Source()
    rest = value
    for line in sorted(
        (line for line in filled if line.number >= number), key=lambda x: (x.number, x.column)
    ):
        content = line.content
        if line.number == number and line.column + len(content) <= column:
            continue
        at = column - line.column if line.number == number and column > line.column else 0
        text = content[at:]
        piece = text[: len(rest)] if rest.startswith(text[: len(rest)]) else ""
        if not piece.strip():
            return None, None
        source.add(line, line.column + at, piece)
        rest = rest[len(piece) :].lstrip()
        if not rest:
            return None, source
        column = 0
        number = line.number + 1
    return None, None


def has_table(lines: list[Line], table: Collection[str]) -> bool:
    """Whether ``lines`` hold a label of the header table."""
    return any(line.kind is _FIELD and line.name in table for line in lines)


def table_in(lines: list[Line], table: Collection[str]) -> int:
    """Where a header table starts among ``lines`` (two of its labels within a few lines),
    or -1."""
    for i, line in enumerate(lines):
        if line.kind is _FIELD and line.name in table:
            names = {
                other.name
                for other in lines[i : i + _TABLE_REACH]
                if other.kind is _FIELD and other.name in table
            }
            if len(names) >= 2:
                return i
    return -1


_TABLE_REACH: Final = 16
"""Lines within which a header table shows at least two of its labels."""
