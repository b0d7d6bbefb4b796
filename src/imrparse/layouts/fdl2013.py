"""The earliest letters (2013): a notice page with outcomes worded as sentences.

A first page ``Notice of Independent Medical Review Determination`` with a ``Dated:``
line (the decision date), labelled fields (``IMR Case Number``, ``Date of Injury``,
``Priority``, ``Application Received``) and a numbered list of outcomes as sentences
("1) MAXIMUS Federal Services, Inc. has determined the request for <treatment> is not
medically necessary and appropriate"), then ``INDEPENDENT MEDICAL REVIEW DECISION AND
RATIONALE``, which opens with the case's dates in prose (application, UR denial,
assignment), with ``MEDICAL QUALIFICATIONS OF THE EXPERT REVIEWER:`` and ``CASE
SUMMARY:``. Read: the outcomes, the dates, the reviewer and the case facts. Not read: the
guidelines relied upon and the rationale per treatment, which this layout words in free
prose.

Text reproduced from these letters wraps the sentences anywhere, numbers them ``1.`` or
``1)``, glues words ("notmedically") and joins lines (the notice's title after the
company's name, a heading at the end of a prose line): the sentences are read on the
section's lines joined, and the scanner cuts a joined heading from its prose.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING, Final

from ..extractors.dates import search_date
from ..extractors.treatments import parse_treatment
from ..readers import Context, Reading, Stated, register_reader
from ..readers.base import claim_rest, report_unknown
from ..readers.fields import stated_fields
from ..records import Determination, Outcome
from ..scanner import Line, contents
from ..spans import Source, determination_path, keep
from . import Layout

if TYPE_CHECKING:
    from ..grammar import Section

__all__ = ["LAYOUT", "PROSE_DATES", "read_decision_dates", "read_notice"]

SENTENCE_OUTCOME: Final = re.compile(
    # (a decimal point stays inside a treatment: "Cyclobenzaprine 7.5mg"; words may be
    # glued where the text was reproduced: "is notmedically necessary")
    r"(?:\brequest(?:ed)?[ \t]+for[ \t]+|(?<![\d.])\d{1,2}[.)][ \t]+)"
    r"((?:[^.;:]|(?<=\d)\.(?=\d)){3,300}?)[ \t]+"
    r"(?:is|was|are|were)[ \t]*(not[ \t]*)?medically[ \t]*necessary",
    re.IGNORECASE,
)
"""An outcome as the notice words it: "... the request for <treatment> is (not) medically
necessary", or a numbered item of a list (``1.`` or ``1)``) "<treatment> is (not)
medically necessary and appropriate"; "not" means the UR denial is upheld. The sentence
may wrap anywhere: it is read on the section's lines joined."""

_DETERMINED: Final = re.compile(
    r"\bdetermined[ \t]+(?:that[ \t]+)?(?:the[ \t]+)?(?:request(?:ed)?[ \t]+for[ \t]+)?",
    re.IGNORECASE,
)
"""What leads to the treatment in a numbered sentence that names who decided ("1) MAXIMUS
Federal Services has determined the request for ..."): no part of the treatment."""


def _treatment_text(found: str) -> str:
    """The treatment a sentence names, without the words that lead to it."""
    leads = list(_DETERMINED.finditer(found))
    return (found[leads[-1].end() :] if leads else found).strip()


def read_notice(section: Section, context: Context) -> Reading:
    """Read outcomes written as sentences, one determination each (no parts), and the
    notice's labelled fields."""
    reading = Reading(section.name)
    reading.decides = True
    rest, reading.fields = stated_fields(section.lines, context, section.name)
    text = context.clean(contents(rest))
    heading = section.heading
    found: dict[str, Determination] = {}
    source = Source.of(rest) if context.spans else None
    for match in SENTENCE_OUTCOME.finditer(text):
        named = _treatment_text(match.group(1))
        treatment = parse_treatment(named)
        if treatment.text and treatment.text not in found:
            report_unknown(reading, treatment, heading.number, heading.column)
            outcome = Outcome.UPHELD if match.group(2) else Outcome.OVERTURNED
            found[treatment.text] = Determination(treatment=treatment, outcome=outcome)
            if source is None:
                continue
            # (where: the treatment as the sentence names it, the outcome its words
            # "is (not) medically necessary")
            n = context.decided + len(found) - 1  # (its number in the letter)
            path = determination_path(n, "treatment.text")
            keep(reading.determination_spans, source.find(path, text, named, match.start(1)))
            tail = text[match.end(1) : match.end()]
            start = match.end() - len(tail.lstrip())
            path = determination_path(n, "outcome")
            keep(reading.determination_spans, source.locate(path, text, start, match.end()))
    if found:
        reading.diag.add(
            "legacy-layout",
            f"the {context.layout.name} layout words its outcomes as sentences: the "
            "determinations have no guideline bases or rationales",
            heading.number,
            heading.column,
        )
    reading.determinations = list(found.values())
    reading.places = [(heading.number, heading.column)] * len(found)
    return reading


PROSE_DATES: Final = (
    (
        "application-received",
        "application for Independent Medical Review filed",
        re.compile(
            r"\bapplication[ \t]*for[ \t]*(?:an[ \t]+)?(?:independent[ \t]*medical[ \t]*review|IMR)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "ur-denial-date",
        "Utilization Review Denial dated",
        re.compile(
            r"\butilization[ \t]*review[ \t]*(?:\(UR\)[ \t]*)?"
            r"(?:denial|decision|determination|modification|non-?certification)",
            re.IGNORECASE,
        ),
    ),
    (
        "date-assigned",
        "Notice of Assignment provided",
        re.compile(r"\bnotice[ \t]*of[ \t]*assignment\b", re.IGNORECASE),
    ),
)
"""The case's dates the decisions section states in prose ("An application for
Independent Medical Review was filed on <date> disputing the Utilization Review Denial
dated <date>. A Notice of Assignment and Request for Information was provided to the
above parties on <date>."): each fact's name, the words that state it (for messages),
and what names the event; its date is the first one after those words in their
sentence."""


_REACH: Final = 300
"""How far after the words that name an event its date is sought."""
_FULL_STOP: Final = re.compile(r"\.(?=[ \t]|$)")
"""Where a sentence of the dates ends (what follows may be a numbered item: "1) ...")."""


def read_decision_dates(section: Section, context: Context) -> Reading:
    """Read the dates the decisions section states in prose, as stated values (their
    sentences are read); the rest of the section is kept unread, with the layout's reason."""
    reading = Reading(section.name)
    lines = [line for line in section.lines if line.content]
    starts: list[int] = []
    offset = 0
    for line in lines:
        starts.append(offset)
        offset += len(line.content) + 1
    text = " ".join(line.content for line in lines)
    read: list[tuple[int, int]] = []  # the spans of the sentences read
    for name, label, event in PROSE_DATES:
        for mention in event.finditer(text):
            # (a sentence of dates is short: the search for its end is bounded, so that a
            # section of mentions without a full stop is read in linear time)
            reach = min(len(text), mention.end() + _REACH)
            stop = _FULL_STOP.search(text, mention.end(), reach)
            end = stop.start() if stop else reach
            date = search_date(text, mention.end(), end)
            if date is None:
                continue
            at = bisect_right(starts, date.start()) - 1
            line = lines[at]
            reading.fields.append(
                Stated(
                    name,
                    date.group(),
                    line.number,
                    line.column + date.start() - starts[at],
                    section.name,
                    label,
                    _date_source(lines, starts, date.start(), date.group())
                    if context.spans
                    else None,
                )
            )
            before = text.rfind(". ", 0, mention.start())
            begin = before + 2 if before >= 0 else 0
            read.append((begin, stop.end() if stop else end))
            break
    why = context.layout.not_extracted.get(section.name, "not read")
    claim_rest(reading, context, _unread(lines, starts, read), f"({why})", "not-extracted")
    return reading


def _date_source(lines: list[Line], starts: list[int], start: int, date: str) -> Source | None:
    """The source of a date at offset ``start`` of the section's lines joined, when it stands
    on one line."""
    at = bisect_right(starts, start) - 1
    line = lines[at]
    column = start - starts[at]
    if line.content[column : column + len(date)] != date:
        return None
    source = Source()
    source.add(line, line.column + column, date)
    return source


def _unread(lines: list[Line], starts: list[int], read: list[tuple[int, int]]) -> list[Line]:
    """The lines without the spans of text that were read (a line partly read keeps the
    rest of its text, from the column where that starts)."""
    if not read:
        return lines
    rest: list[Line] = []
    for line, start in zip(lines, starts, strict=True):
        content = line.content
        pieces: list[tuple[int, int]] = [(0, len(content))]
        for begin, end in read:
            begin, end = begin - start, end - start
            pieces = [
                piece
                for left, right in pieces
                for piece in ((left, min(right, begin)), (max(left, end), right))
                if piece[0] < piece[1]
            ]
        kept = [(left, right) for left, right in pieces if content[left:right].strip()]
        if not kept:
            continue
        if kept == [(0, len(content))]:
            rest.append(line)
            continue
        piece = " ".join(" ".join(content[left:right] for left, right in kept).split())
        first = kept[0][0] + len(content[kept[0][0] :]) - len(content[kept[0][0] :].lstrip())
        rest.append(
            Line(
                line.kind,
                line.number,
                piece,
                line.column + first,
                0,
                line.gap,
                line.name,
                line.offset,
            )
        )
    return rest


register_reader(
    "notice",
    read_notice,
    outcomes="sentences",
    none_found="no outcome sentence ('... is not medically necessary') was found",
    states_facts=True,
)
register_reader("decision-dates", read_decision_dates, states_facts=True)

LAYOUT = Layout(
    name="fdl-2013",
    description="The 2013 notice: outcomes as sentences, then the reviewer's "
    "qualifications and a case summary.",
    headings={
        "NOTICE OF INDEPENDENT MEDICAL REVIEW DETERMINATION": "notice",
        "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE": "rationale",
        "MEDICAL QUALIFICATIONS OF THE EXPERT REVIEWER": "how",
        "CASE SUMMARY": "summary",
    },
    marks={
        "NOTICE OF INDEPENDENT MEDICAL REVIEW DETERMINATION": 5,
        "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE": 5,
        "MEDICAL QUALIFICATIONS OF THE EXPERT REVIEWER": 3,
    },
    readers={
        "notice": "notice",
        "rationale": "decision-dates",
        "how": "reviewer",
        "summary": "summary",
    },
    sections=("notice", "rationale", "how", "summary"),
    required=("notice",),
    fields={
        "IMR Case Number": "case-number",
        "Case Number": "case-number",
        "Date of Injury": "date-of-injury",
        "Dated": "dated",
        "Priority": "priority",
        "Application Received": "application-received",
    },
    not_extracted={
        "rationale": "the 2013 layout's guideline bases and rationales are free prose, not read",
        "preamble": "a cover page before the first section is not extracted",
    },
)
