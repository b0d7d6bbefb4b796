"""From a letter's text to a :class:`~imrparse.Letter`: the pipeline, one way through.

    text -> prepare (control characters, broken hyphens, mojibake: noted)
         -> scan_text (scanner, with every registered layout's words) -> lines
         -> detect (layouts): the layout that fits what the scan found
         -> split_sections (grammar) -> sections
         -> one reader per section (readers), each returning its Reading
         -> merge: the readings meet -> Letter

Nothing here knows a layout's words: headings, labels, boilerplate, the header table,
which reader runs on which section are declared by the layout modules
(:mod:`imrparse.layouts`), and readers are found in their table (:mod:`imrparse.readers`).
A text that holds several letters is cut into letters first (:func:`letters`), and each
is read once. :func:`~imrparse.parse` (in :mod:`imrparse.parser`) is the public door.
"""

from __future__ import annotations

from typing import Final, cast

import attrs

from .cleaning import (
    blank_controls,
    clean_lines,
    find_control,
    find_mojibake,
    is_ascii,
    repair_hyphens,
)
from .diagnostics import Collector
from .grammar import Section, check_order, split_fields, split_sections
from .layout_words import Vocabulary
from .layouts import Layout, vocabulary
from .merge import merge, page_header_case
from .page_joins import Join, broken_joins
from .readers import Context, Reading, get_reader
from .readers.base import claim_rest
from .readers.fields import wrapped_case
from .readers.preamble import has_table, read_preamble, read_table, table_in
from .readers.unread import read_foreign, read_not_extracted
from .records import Letter, LetterText, TokenKind
from .scanner import Line, Scan, cut_joined_headings, scan_text
from .spanrows import position, shift_rows
from .splitting import letter_starts, line_offsets

__all__ = ["Prepared", "cut", "prepare", "read_each", "read_first", "read_letter"]

_FIELD: Final = TokenKind.FIELD


class Prepared:
    """A text made ready to read: repaired where it can be, with what was noted, and its
    scan. Made once for a text, however many letters it holds."""

    __slots__ = ("joins", "notes", "scan", "text")

    def __init__(self, text: str, notes: Collector, scan: Scan, joins: list[Join]) -> None:
        self.text: str = text
        self.notes: Collector = notes
        self.scan: Scan = scan
        self.joins: list[Join] = joins
        """Page breaks whose sides do not join: reported once the text reads as a letter."""


def prepare(text: str) -> Prepared:
    """Repair what the text's extraction broke (noting it), then scan it once."""
    notes = Collector()
    control = find_control(text)
    if control >= 0:
        notes.add(
            "control-characters", "the text holds control characters", *position(text, control)
        )
        text = blank_controls(text)
    if not is_ascii(text):
        text = repair_hyphens(text)
    mojibake = find_mojibake(text)
    if mojibake >= 0:
        notes.add(
            "mojibake-repaired",
            "mis-decoded characters (UTF-8 read as Windows-1252) were repaired in the values",
            *position(text, mojibake),
        )
    scanned = scan_text(text, vocabulary())
    joins: list[Join] = []
    if scanned.spaces and "\f" in text:  # (a form feed is among the spaces the scan notes)
        joins = broken_joins(text)
        repeats = [join for join in joins if join.code == "repeated-page"]
        if repeats:
            text, blanked = _read_repeats_once(text, repeats, _start_lines(scanned), notes)
            if blanked:
                scanned = scan_text(text, vocabulary())
            joins = [join for join in joins if join.code != "repeated-page"]
    return Prepared(text, notes, scanned, joins)


def _read_repeats_once(
    text: str, repeats: list[Join], starts: list[int], notes: Collector
) -> tuple[str, bool]:
    """``text`` with each page that repeats the one before it blanked (its lines and
    offsets kept), noted; a repeated page that starts a letter is a letter repeated, left
    for the cut into letters to report."""
    blanked = False
    for join in repeats:
        last = join.line + text.count("\n", join.start, join.end)
        if any(join.line <= start <= last for start in starts):
            continue
        notes.add(join.code, join.message, join.line, join.column)
        text = text[: join.start] + _blank(text[join.start : join.end]) + text[join.end :]
        blanked = True
    return text, blanked


def _blank(text: str) -> str:
    """``text`` with every character but its line ends made a space."""
    return "".join(c if c in "\r\n" else " " for c in text)


def _starts(prepared: Prepared) -> list[int]:
    """The line numbers where each letter after the first starts (one scan, read once)."""
    return _start_lines(prepared.scan)


def _start_lines(scanned: Scan) -> list[int]:
    lines, heads = scanned.lines, scanned.headings
    starts = letter_starts(lines, heads, [lines[i].name for i in heads], vocabulary())
    return [lines[i].number for i in starts]


def cut(text: str, prepared: Prepared | None = None) -> tuple[LetterText, ...]:
    """The letters of a text that may hold several, as pieces that cover it exactly."""
    starts = _starts(prepared if prepared is not None else prepare(text))
    if not starts:
        return (LetterText(text=text, first_line=1, last_line=_last_line(text, 1)),)
    offsets = line_offsets(text)
    numbers = [1, *starts]
    bounds = [offsets[n - 1] for n in numbers] + [len(text)]
    return tuple(
        LetterText(
            text=text[bounds[k] : bounds[k + 1]],
            first_line=numbers[k],
            last_line=numbers[k + 1] - 1 if k + 1 < len(numbers) else _last_line(text, numbers[k]),
        )
        for k in range(len(numbers))
    )


def _last_line(text: str, first: int) -> int:
    """The line of the last character of ``text``, whose line ``first`` starts the last piece."""
    return max(first, len(line_offsets(text)) - (1 if text.endswith(("\n", "\r")) else 0))


def read_first(text: str, spans: bool = True) -> Letter:
    """The first letter of ``text``; where the text holds more, a ``several-letters`` error
    says where the second begins (the letters are not merged into one record). Without
    ``spans``, the places of the values are not recorded."""
    prepared = prepare(text)
    starts = _starts(prepared)
    if not starts:
        return read_letter(prepared, spans)
    number = starts[0]
    first = read_letter(prepare(text[: line_offsets(text)[number - 1]]), spans)
    note = Collector()
    note.add(
        "several-letters",
        f"the text holds {len(starts) + 1} letters and the second begins on this line: only "
        "the first is read (imrparse.parse_letters reads them all)",
        number,
    )
    return attrs.evolve(first, diagnostics=(*first.diagnostics, *note.items))


def read_each(text: str, spans: bool = True) -> tuple[Letter, ...]:
    """Every letter of ``text``, each read once; where there are several, each with its
    lines in the text (``source_lines``) and its diagnostics' lines counted in the text."""
    prepared = prepare(text)
    pieces = cut(text, prepared)
    if len(pieces) == 1:
        return (read_letter(prepared, spans),)
    letters = []
    offset = 0
    for piece in pieces:
        letter = read_letter(prepare(piece.text), spans)
        shift = piece.first_line - 1
        if shift:
            letter = attrs.evolve(
                letter,
                diagnostics=tuple(
                    attrs.evolve(item, line=item.line + shift) for item in letter.diagnostics
                ),
            )
        letter = attrs.evolve(letter, spans=shift_rows(letter.spans, text, offset, shift))
        offset += len(piece.text)
        letters.append(attrs.evolve(letter, source_lines=(piece.first_line, piece.last_line)))
    return tuple(letters)


def read_letter(prepared: Prepared, spans: bool = True) -> Letter:
    """Read the one letter of a prepared text (the places of its values unless ``spans``
    is false)."""
    diag = Collector()
    diag.items.extend(prepared.notes.items)
    scanned = prepared.scan
    lines = scanned.lines
    if not scanned.filled:
        diag.add("empty-input", "the text holds no letter: it is empty or only white space")
        return Letter(diagnostics=tuple(diag.items))
    removed = [lines[i] for i in scanned.artifacts]
    if removed:
        count = sum(line.artifacts for line in removed)
        diag.add(
            "page-artifact-removed",
            f"{count} running page header(s) or footer(s) removed",
            removed[0].number,
            removed[0].column,
        )
    words = vocabulary()
    heads = scanned.headings
    preamble = lines[: heads[0]] if heads else lines
    keys = [lines[i].name for i in heads]  # (the scanner names a heading by its key)
    best = words.best(keys, _header_fields(lines, preamble, words))
    if best < 0 or _missing(cast(Layout, words.layouts[best]), keys):
        # A section is missing: its heading may stand run onto a prose line. Cut such
        # headings from their lines and look again (only then: it costs every letter).
        cut_scan = cut_joined_headings(scanned, words)
        if len(cut_scan.lines) != len(lines):
            scanned = cut_scan
            lines = scanned.lines
            heads = scanned.headings
            preamble = lines[: heads[0]] if heads else lines
            keys = [lines[i].name for i in heads]
            best = words.best(keys, _header_fields(lines, preamble, words))
    if best < 0:
        diag.add("no-letter", "no section of an IMR letter was recognised")
        # (a labelled case number before any heading still names the text)
        fields = split_fields(preamble, scanned.doubled)[1]
        case = None
        if "case-number" in fields:
            label, texts = fields["case-number"]
            case = wrapped_case(lines, label, clean_lines(texts))
        return Letter(
            case_number=case or page_header_case(prepared.text, removed),
            diagnostics=tuple(diag.items),
        )
    layout = cast(Layout, words.layouts[best])  # (detect(), without the call from Python)
    for join in prepared.joins:
        diag.add(join.code, join.message, join.line, join.column)
    roles = layout.roles
    # (a heading of another layout opens a section that no reader of this one reads)
    outline = split_sections(lines, diag, heads, [roles.get(k) or f"other:{k}" for k in keys])
    sections = outline.sections
    check_order(sections, layout.ranks, diag)
    for role in layout.required:
        if role not in sections:
            diag.add("missing-section", f"the section {layout.title(role)!r} was not found")
    context = Context(layout, scanned, spans)
    table = layout.header_table.values()
    moved = None
    if table and not has_table(outline.preamble, table):
        moved = _table_elsewhere(sections, context)
    # (each reading's determinations counted as it is made: the next reader numbers its
    # own after them, as merge numbers them, in the readings' order)
    first = read_preamble(outline.preamble, context, table=moved is None)
    context.decided = len(first.determinations)
    readings = [first]
    for section in sections.values():
        reading = _read(section, context)
        readings.append(reading)
        context.decided += len(reading.determinations)
        if moved is not None and moved.role == section.name:
            readings.append(moved)  # (a header table: no determinations)
    return merge(layout, readings, diag, prepared.text, removed, spans)


def _table_elsewhere(sections: dict[str, Section], context: Context) -> Reading | None:
    """The header table of a letter whose preamble has none, where it stands in a section
    (pages out of order put it after the last rationale): read there, its lines taken
    out of the section, with a warning; ``None`` when no section holds one."""
    table = context.layout.header_table.values()
    for role, section in sections.items():
        lines = section.lines
        at = table_in(lines, table)
        if at < 0:
            continue
        reading = Reading(role)
        rest, unread = read_table(lines[at:], context, reading)
        first = lines[at]
        reading.diag.add(
            "header-table-out-of-place",
            f"the header table stands in the section {section.heading.content!r} (pages out "
            "of order?): read where it stands",
            first.number,
            first.column,
        )
        for line in unread:
            claim_rest(reading, context, [line], "in the header table, not read", "unclaimed-text")
        sections[role] = section._replace(lines=lines[:at] + rest, start=-1)
        return reading
    return None


def _header_fields(lines: list[Line], preamble: list[Line], words: Vocabulary) -> list[str]:
    """The names of the labelled fields that tell layouts apart: those before the first
    heading, or, where none of a header table's stand there, two or more of them found
    together further on (a page with the header table moved behind another)."""
    fields = [line.name for line in preamble if line.kind is _FIELD]
    marks = words.preamble_fields
    if any(name in marks for name in fields):
        return fields
    later = {
        line.name
        for line in lines[len(preamble) :]
        if line.kind is _FIELD and line.name in marks and line.name != "case-number"
    }
    return fields + sorted(later) if len(later) >= 2 else fields


def _missing(layout: Layout, keys: list[str]) -> bool:
    """Whether a section that ``layout`` reads has none of the headings ``keys`` (a section
    it knowingly leaves unread, such as a list of documents, may well be absent)."""
    found = {layout.roles.get(key) for key in keys}
    return any(role not in found for role in layout.readers)


def _read(section: Section, context: Context) -> Reading:
    """The reading of one section, by the reader its layout names for it."""
    layout = context.layout
    name = layout.readers.get(section.name)
    if name is not None:
        reading = get_reader(name).read(section, context)
    elif section.name in layout.not_extracted:
        reading = read_not_extracted(section, context)
    else:  # a heading this layout does not have (another layout's): text unread
        reading = read_foreign(section, context)
    heading = section.heading
    reading.heading = (heading.number, heading.column)
    return reading
