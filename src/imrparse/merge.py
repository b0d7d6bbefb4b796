"""The one place where the sections' readings meet and a :class:`~imrparse.Letter` is made.

Each reader returns what it read from its section (:class:`~imrparse.readers.Reading`).
Here they are put together, in letter order: the reviewer, the summary, every
determination, the text left unread and the diagnostics. The case's facts (case number,
dates, priority, claim number) are labelled values that several sections may state; the
rule for which statement the record keeps, and what is said when two disagree:

1. the header table, then the fields before the first heading (a cover page), then the
   sections whose reader is declared a place of facts (``states_facts``), in letter order;
   the first statement of a fact is kept;
2. a later statement that differs is a ``conflicting-values`` warning naming both places;
3. a fact labelled in a section that is no place of facts (a ``Date of Injury:`` line in
   the reviewer's section) is not read into the record: a ``misplaced-field`` warning,
   its text kept in ``unclaimed``;
4. a labelled field that no reader and no rule here consumes (a cover page's
   ``Employee:``) is kept in ``unclaimed`` with a ``not-extracted`` note.
"""

from __future__ import annotations

import datetime
from typing import Final

from .casefacts import DATE_FIELDS, FACT_FIELDS, PRIORITIES, case_number
from .cleaning import running_headers
from .diagnostics import Collector
from .extractors.dates import InvalidDate, parse_date_value
from .layouts import Layout
from .letter_checks import check_order, check_repeated, check_truncation
from .readers import Reading, Stated, get_reader
from .readers.preamble import HEADER_TABLE, PREAMBLE
from .record_builders import builder
from .records import CaseDates, CaseSummary, Determination, Letter, Priority, Reviewer
from .scanner import Line
from .spanrows import position, resolve
from .spans import Row, keep

__all__ = ["merge", "page_header_case"]

_LETTER: Final = builder(
    Letter,
    "layout",
    "case_number",
    "claim_number",
    "priority",
    "dates",
    "reviewer",
    "summary",
    "determinations",
    "diagnostics",
    "unclaimed",
    "spans",
)

_NO_DATES: Final = CaseDates()
_NO_REVIEWER: Final = Reviewer()  # (records are frozen: one instance serves every letter)
_NO_SUMMARY: Final = CaseSummary()
_DATE_PATHS: Final = tuple(
    (attribute, "dates." + attribute)
    for attribute in (
        "application_received",
        "date_assigned",
        "decision_date",
        "ur_denial_date",
        "date_of_injury",
    )
)
_FACTS: Final = frozenset(FACT_FIELDS)
# The attributes of CaseDates the date fields fill, each once, in the fields' order (made
# once: DATE_FIELDS is a constant).
_DATE_ATTRIBUTES: Final = tuple(dict.fromkeys(DATE_FIELDS.values()))
# (each date passed, None where the letter states none: a CaseDates field's default)
_CASE_DATES: Final = builder(CaseDates, *_DATE_ATTRIBUTES)


def merge(
    layout: Layout,
    readings: list[Reading],
    diag: Collector,
    text: str,
    removed: list[Line],
    spans: bool = True,
) -> Letter:
    """Make the letter from its readings (the preamble's first), adding to ``diag``; with
    the places of its values unless ``spans`` is false."""
    reviewer = _NO_REVIEWER
    summary = _NO_SUMMARY
    determinations: list[Determination] = []
    places: list[tuple[int, int]] = []
    unclaimed: list[str] = []
    decides = False
    reviewer_spans: list[Row] = []
    summary_spans: list[Row] = []
    rows: list[Row] = []  # (the determinations' first)
    for reading in readings:
        diag.items.extend(reading.diag.items)
        unclaimed.extend(reading.unclaimed)
        if reading.reviewer is not None:
            reviewer = reading.reviewer
            reviewer_spans = reading.spans
        if reading.summary is not None:
            summary = reading.summary
            summary_spans = reading.spans
        rows += reading.determination_spans
        determinations.extend(reading.determinations)
        places.extend(reading.places)
        decides = decides or reading.decides
    if not determinations:
        _no_determinations(layout, decides, readings, diag)
    else:
        if len(determinations) > 1:
            check_repeated(determinations, places, diag)
        check_truncation(determinations[-1], places[-1], diag)
    check_order(diag)
    facts = _facts(layout, readings, diag, unclaimed)
    case = _case(facts, diag)
    read, priority = _dates(facts, diag)
    dates = _CASE_DATES(*[read.get(name) for name in _DATE_ATTRIBUTES]) if read else _NO_DATES
    claim = facts.get("claim-number")
    found: tuple[Row, ...] = ()
    if spans:
        _fact_spans(rows, facts, case, read, priority)
        rows += reviewer_spans
        rows += summary_spans
        found = resolve(text, rows, removed)
    if case is None:
        case, at = _page_header_case(text, removed)
        if spans and case is not None and at >= 0:  # (an offset in the text as written)
            row = ("case_number", at, at + len(case), *position(text, at), 0)
            found += resolve(text, [row], [])
    return _LETTER(
        layout.name,
        case,
        claim.text if claim is not None else None,
        priority,
        dates,
        reviewer,
        summary,
        tuple(determinations),
        tuple(diag.items),
        tuple(unclaimed),
        found,
    )


def _fact_spans(
    rows: list[Row],
    facts: dict[str, Stated],
    case: str | None,
    dates: dict[str, datetime.date],
    priority: Priority | None,
) -> None:
    """Where the record's case number, dates and priority were stated, to ``rows``."""
    stated = facts.get("case-number")
    if case is not None and stated is not None:
        keep(rows, stated.find("case_number", case))
    stated = facts.get("priority")
    if priority is not None and stated is not None:
        keep(rows, stated.find("priority", stated.text))
    for attribute, path in _DATE_PATHS:
        stated = facts.get(attribute)
        if stated is not None and attribute in dates:
            keep(rows, stated.find(path, stated.text))


def _rank(layout: Layout, role: str) -> int:
    """How much a statement made in the section of ``role`` counts (lower first); -1 for a
    section that is no place of facts."""
    if role == HEADER_TABLE:
        return 0
    if role == PREAMBLE:
        return 1
    name = layout.readers.get(role)
    return 2 if name is not None and get_reader(name).states_facts else -1


def _facts(
    layout: Layout, readings: list[Reading], diag: Collector, unclaimed: list[str]
) -> dict[str, Stated]:
    """The statement the record keeps of each fact (rules 1 to 4 of the module), by the
    record's name for it: a date by its :class:`~imrparse.CaseDates` attribute (a cover
    page's "Date of UR Decision" and a table's "UR Denial Date" are one fact)."""
    # (the readings are in letter order and the preamble's lists the header table's
    # values first: the statements come in the order of rule 1 already)
    kept: dict[str, Stated] = {}
    ranks: dict[str, int] = {}
    for reading in readings:  # (compiled, loops: no list of all the statements made)
        for stated in reading.fields:
            role = stated.role
            if role == HEADER_TABLE:  # (most statements: _rank tells them by this test)
                rank = 0
            else:
                rank = ranks.get(role, -2)
                if rank == -2:
                    rank = ranks[role] = _rank(layout, role)
            name = stated.name
            if name not in _FACTS:
                unclaimed.append(_as_text(stated))
                diag.add(
                    "not-extracted",
                    f"the field {stated.label[:60]!r} is not extracted",
                    stated.line,
                    stated.column,
                )
            elif rank < 0:
                unclaimed.append(_as_text(stated))
                diag.add(
                    "misplaced-field",
                    f"the field {stated.label[:60]!r} stands in the section "
                    f"{layout.title(stated.role)!r}, where the {layout.name} layout states no case "
                    "facts: not read",
                    stated.line,
                    stated.column,
                )
            elif (fact := DATE_FIELDS.get(name, name)) not in kept:
                kept[fact] = stated
            elif _normal(name, stated.text) != _normal(kept[fact].name, kept[fact].text):
                first = kept[fact]
                diag.add(
                    "conflicting-values",
                    f"{name} is {stated.text[:40]!r} here but {first.text[:40]!r} on line "
                    f"{first.line} ({_place(layout, first.role)}), which the record keeps",
                    stated.line,
                    stated.column,
                )
    return kept


def _as_text(stated: Stated) -> str:
    """A field kept unread, as the letter states it (a label without a value ends in its
    colon, with no space after it)."""
    return f"{stated.label}: {stated.text}" if stated.text else f"{stated.label}:"


def _place(layout: Layout, role: str) -> str:
    if role == HEADER_TABLE:
        return "the header table"
    if role == PREAMBLE:
        return "before the first section"
    return f"the section {layout.title(role)!r}"


def _normal(name: str, text: str) -> object:
    """A fact's value for comparing two statements of it."""
    if name in DATE_FIELDS:
        try:
            return parse_date_value(text) or text
        except InvalidDate:
            return text
    if name == "case-number":
        return case_number(text) or text
    return " ".join(text.split()).casefold().strip(" .")


def _case(facts: dict[str, Stated], diag: Collector) -> str | None:
    stated = facts.get("case-number")
    if stated is None:
        return None
    found = case_number(stated.text)
    if found is None:
        what = (
            f"no case number in {stated.text[:40]!r}"
            if stated.role == HEADER_TABLE
            else f"no case number in the field {stated.label[:60]!r}"
        )
        diag.add("invalid-value", what, stated.line, stated.column)
    return found


def _dates(
    facts: dict[str, Stated], diag: Collector
) -> tuple[dict[str, datetime.date], Priority | None]:
    """The dates the facts state, read (by the attribute of :class:`CaseDates` each is), and
    the priority."""
    if not facts:  # (most letters before 2016)
        return {}, None
    dates: dict[str, datetime.date] = {}
    for attribute in _DATE_ATTRIBUTES:
        stated = facts.get(attribute)
        if stated is not None:
            found = _date(stated.name, stated, diag)
            if found is not None:
                dates[attribute] = found
    priority = None
    stated = facts.get("priority")
    if stated is not None:
        priority = PRIORITIES.get(stated.text.strip(" .").lower())
        if priority is None:
            diag.add(
                "invalid-value", f"unknown priority {stated.text!r}", stated.line, stated.column
            )
    return dates, priority


def _date(name: str, stated: Stated, diag: Collector) -> datetime.date | None:
    value = stated.text
    try:
        found = parse_date_value(value)
    except InvalidDate as exc:
        diag.add("invalid-date", f"{name}: {exc}", stated.line, stated.column)
        return None
    if found is None and value:
        diag.add("invalid-date", f"{name}: no date in {value[:40]!r}", stated.line, stated.column)
    return found


def page_header_case(text: str, removed: list[Line]) -> str | None:
    """The case number a running page header states ("Final Determination Letter for IMR
    Case Number CM16-0000001"; the scanner removed the header from its line): none is
    taken from prose, whatever it quotes."""
    return _page_header_case(text, removed)[0]


def _page_header_case(text: str, removed: list[Line]) -> tuple[str | None, int]:
    """:func:`page_header_case`, and where the number is written (-1 when it is not there
    as the record writes it)."""
    if not any(line.artifacts for line in removed):
        return None, -1
    for header in running_headers(text):
        # (a number may wrap after its hyphen: read a little past the header)
        found = case_number(text[header.start() : header.end() + 16])
        if found is not None:
            return found, text.find(found, header.start(), header.end() + 16)
    return None, -1


def _no_determinations(
    layout: Layout, decides: bool, readings: list[Reading], diag: Collector
) -> None:
    specs = [get_reader(name) for name in layout.readers.values()]
    deciding = [spec for spec in specs if spec.decides]
    if not deciding:
        diag.add(
            "no-determinations",
            f"the {layout.name} layout states no outcome in a form imrparse reads: "
            "the letter has no determinations",
        )
    elif decides:
        reading = next(r for r in readings if r.decides)
        spec = get_reader(layout.readers[reading.role])
        line, column = reading.heading
        diag.add("no-determinations", spec.none_found, line, column)
    else:
        diag.add("no-determinations", "without a decisions section there are no determinations")
