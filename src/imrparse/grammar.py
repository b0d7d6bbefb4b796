"""The section grammar: classified lines in, the letter's outline out.

The grammar of the letters, one rule a function::

    letter      = preamble section*
    section     = HEADING body                       (split_sections)
    how, summary body = (FIELD continuation* | TEXT)* (split_fields)
    decisions   = preface block*                     (imrparse.blocks.split_blocks)

Blank lines, paragraph breaks, page breaks and page artifacts separate nothing
inside a value; they only help decide where a wrapped header or field ends.
Every rule is tolerant: a missing, repeated or misplaced construct becomes a
diagnostic, and lines that no rule claims are returned to the caller, which
keeps and reports them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, NamedTuple

from .diagnostics import Collector

# Token kinds bound once, in the scanner: looking an Enum member up on its class
# costs about fifteen times a plain name, and these tests run for every line.
from .layout_words import Vocabulary
from .line_kinds import _ARTIFACT, _FIELD, _HEADING, _PAGE_BREAK, _TEXT, _default
from .scanner import Line, doubling, new_tuple
from .spans import Source
from .wordlists import match_key

__all__ = [
    "Outline",
    "Section",
    "check_order",
    "is_doubled",
    "split_fields",
    "split_sections",
]


class Section(NamedTuple):
    """A section: its canonical name, heading line and body lines. (A named tuple, what a
    section reader receives: it stays one, where the grammar's other records are native
    classes.)"""

    name: str
    heading: Line
    lines: list[Line]
    start: int
    """Index of the first body line in the letter's lines; -1 when the body is not one
    run of them (a repeated heading joined more lines to it)."""


class Outline:
    """What the grammar found in a whole letter: the lines before the first heading
    (``preamble``) and the sections by name (``sections``, in the order their headings
    first stand). (Compiled, a native class is made directly, where a named tuple takes
    a generic call of ``tuple.__new__``, an arguments tuple and a copy of it.)"""

    __slots__ = ("preamble", "sections")

    def __init__(self, preamble: list[Line], sections: dict[str, Section]) -> None:
        self.preamble: list[Line] = preamble
        self.sections: dict[str, Section] = sections

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Outline):
            return NotImplemented
        return self.preamble == other.preamble and self.sections == other.sections

    def __repr__(self) -> str:
        return f"Outline({self.preamble!r}, {self.sections!r})"


def is_doubled(lines: list[Line]) -> bool:
    """Whether the text has blank-line doubling: an empty line after every line of text.

    The same verdict :func:`~imrparse.scanner.scan_text` reaches while it scans;
    see :func:`~imrparse.scanner.doubling` for the rule.
    """
    blanks = 0
    filled = 0
    adjacent = 0
    previous_filled = False
    for line in lines:
        content, gap = line.content, line.gap
        blanks += gap
        if content:
            filled += 1
            adjacent += previous_filled and not gap
            previous_filled = True
        else:
            previous_filled = False
    return doubling(blanks, filled, adjacent)


def split_sections(
    lines: list[Line],
    diag: Collector,
    headings: list[int] | None = None,
    names: list[str] | None = None,
) -> Outline:
    """Rule ``letter``: cut the lines at section headings.

    A heading seen twice continues its section (``duplicate-section``). ``headings``,
    the indexes of the heading lines, saves a pass when the caller has them. ``names``
    gives each heading of ``headings`` its section's name (default: the heading's key, as
    the scanner named it); the layout names its headings by their roles, and a heading of
    another layout so that no reader reads it.
    """
    heads = (
        headings
        if headings is not None
        else [i for i, line in enumerate(lines) if line.kind is _HEADING]
    )
    preamble = lines[: heads[0] if heads else len(lines)]
    sections: dict[str, Section] = {}
    for n, i in enumerate(heads):
        line = lines[i]
        body = lines[i + 1 : heads[n + 1] if n + 1 < len(heads) else len(lines)]
        name = line.name if names is None else names[n]
        if name in sections:
            diag.add(
                "duplicate-section",
                f"the heading {line.content!r} appears again; its text continues the section",
                line.number,
                line.column,
            )
            sections[name].lines.extend(body)
            sections[name] = sections[name]._replace(start=-1)
            continue
        sections[name] = new_tuple(Section, (name, line, body, i + 1))
    return Outline(preamble, sections)


def check_order(sections: dict[str, Section], rank: Mapping[str, int], diag: Collector) -> None:
    """Report sections that come before one that usually precedes them
    (``section-out-of-order``); ``rank`` gives the layout's roles their usual positions."""
    last_rank = -1
    for section in sections.values():  # (in the order their headings first come)
        here = rank.get(section.name, -1)
        if 0 <= here < last_rank:
            line = section.heading
            diag.add(
                "section-out-of-order",
                f"the section {line.content!r} comes after a section that usually follows it",
                line.number,
                line.column,
            )
        last_rank = max(last_rank, here)


def split_fields(
    lines: list[Line],
    doubled: bool,
    vocab: Vocabulary | None = None,
    places: dict[str, Source] | None = None,
) -> tuple[list[Line], dict[str, tuple[Line, list[str]]]]:
    """Rule ``field``: take labelled fields (with wrapped continuations) out of a body.

    Returns the remaining lines and the fields by name, each with its label line
    and the texts of its value. A field's value continues on the following text
    lines while it plainly is not finished (it ends in a comma, ``&``, ``and``,
    a hyphen) or the next line is short and is no sentence. Two fields on one line
    (``Priority: STANDARD  Application Received: 08/01/2013``) are two fields: a value
    ends where another label of ``vocab`` (default: the registered layouts') and its
    colon stand after white space. ``places``, when given, gets where each field's texts
    stand (:class:`~imrparse.spans.Source`), by name.
    """
    v = vocab  # (the registered layouts' words, looked up only for a line with two colons)
    rest: list[Line] = []
    fields: dict[str, tuple[Line, list[str]]] = {}
    open_field: list[str] | None = None
    open_name = ""
    for line in lines:
        kind, content, gap, name = line.kind, line.content, line.gap, line.name
        if kind is _FIELD:
            # One field, or several on the line: each from its label to the next one
            # (offsets into the line, so that a long row of labels is read in one pass).
            begin = 0
            label = line
            while True:
                colon = content.find(":", begin)
                # (a second colon is rare in a value: look for a label only then)
                after, second = -1, ""
                if content.find(":", colon + 1) > 0:
                    if v is None:
                        v = _default()
                    after, second = _next_label(content, colon + 1, v)
                end = after if after > 0 else len(content)
                if begin:  # a later field's label: a line of its own, at its column
                    label = Line(
                        _FIELD,
                        line.number,
                        content[begin:end].rstrip(),
                        line.column + begin,
                        0,
                        line.gap,
                        name,
                        line.offset,
                    )
                open_field = [content[colon + 1 : end]]
                if places is not None:
                    open_name = name
                    source = places.get(name) or places.setdefault(name, Source())
                    source.add(line, line.column + colon + 1, open_field[0])
                if name in fields:
                    fields[name][1].extend(open_field)
                    open_field = fields[name][1]
                else:
                    fields[name] = (label, open_field)
                if after < 0:
                    break
                begin = after
                name = second
            continue
        if open_field is not None:
            if (
                kind is _TEXT
                and (doubled or not gap)  # no paragraph break before the line
                and _continues(open_field[-1], content)
            ):
                open_field.append(content)
                if places is not None:
                    places[open_name].add(line, line.column, content)
                continue
            if kind is _ARTIFACT or kind is _PAGE_BREAK:
                continue  # a page boundary inside a value does not end it
            open_field = None
        rest.append(line)
    return rest, fields


_COLONS: Final = 8
"""How many colons of a field's value are tried as the end of another label: a row of
fields has a few, and the bound keeps a long line of colons cheap."""


def _next_label(content: str, start: int, v: Vocabulary) -> tuple[int, str]:
    """Where the next declared label of a field stands in ``content`` after ``start``
    (after white space, capitalised, followed by its colon), and its field's name; -1 and
    ``""`` when there is none."""
    colon = content.find(":", start)
    tried = 0
    while colon > 0 and tried < _COLONS:
        tried += 1
        # The label's first word starts after white space, at most a label's length back;
        # the longest candidate first ("IMR Case Number" before "Case Number").
        at = max(start, colon - v.longest_label)
        while at < colon:
            if content[at].isupper() and content[at - 1] in " \t":
                found = v.fields.get(match_key(content[at:colon]))
                if found is not None:
                    return at, found
            at += 1
        colon = content.find(":", colon + 1)
    return -1, ""


def _continues(value: str, nxt: str) -> bool:
    tail = value.rstrip()
    if tail.endswith((",", "&", "-", "/")) or tail.upper().endswith((" AND", " OR")):
        return True
    return len(nxt) < 60 and "." not in nxt and ":" not in nxt
