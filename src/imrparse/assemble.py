"""Assembling a :class:`~imrparse.Letter` from a letter's text: the generic pipeline.

    text -> scan_text (scanner, with every registered layout's words) -> lines
         -> split_sections (grammar) -> sections
         -> detect (layouts): the layout that fits what the scan found
         -> the layout's readers, section by section (grammar rules, cleaning,
            extractors) -> values -> Letter

Nothing here knows a layout's words: headings, labels, boilerplate, the header table,
the wordings of partial authorizations and which reader runs on which section are
declared by the layout modules (:mod:`imrparse.layouts`). Every value comes from the
section that states it. Problems are collected as diagnostics as they are met.
:func:`~imrparse.parse` (in :mod:`imrparse.parser`) is the public door to this module.
"""

from __future__ import annotations

import datetime
import re
from typing import Final, cast

import attrs

from .classifier import unknown_code
from .cleaning import (
    blank_controls,
    clean_lines,
    find_control,
    find_mojibake,
    repair_hyphens,
    running_headers,
)
from .diagnostics import Collector
from .extractors.citations import parse_basis
from .extractors.dates import InvalidDate, parse_date
from .extractors.header import read_header_table
from .extractors.reviewer import extract_reviewer
from .extractors.summary import extract_summary
from .extractors.treatments import parse_treatment
from .grammar import (
    Block,
    Section,
    check_order,
    split_blocks,
    split_fields,
    split_sections,
)
from .layouts import Layout, vocabulary
from .records import (
    CaseDates,
    CaseSummary,
    Determination,
    GuidelineBasis,
    Letter,
    Outcome,
    Priority,
    Reviewer,
    TokenKind,
    Treatment,
)
from .scanner import (
    ARTIFACTS,
    COLUMN,
    CONTENT,
    KIND,
    NAME,
    NUMBER,
    Line,
    Scan,
    contents,
    scan_text,
)
from .splitting import letter_starts, line_offsets

__all__ = ["assemble"]

# A case number, perhaps wrapped after its hyphen ("CM13-" / "0000004").
_CASE_NUMBER: Final = re.compile(r"CM\d{2}-(?:[ \t]*[\r\n]\s*)?\d{7}(?!\d)")
_SENTENCE_OUTCOME: Final = re.compile(
    # (a decimal point stays inside a treatment: "Cyclobenzaprine 7.5mg")
    r"(?:\brequest(?:ed)?[ \t]+for[ \t]+|(?<![\d.])\d{1,2}\.[ \t]+)((?:[^.;:]|(?<=\d)\.(?=\d)){3,300}?)[ \t]+"
    r"(?:is|was|are|were)[ \t]+(not[ \t]+)?medically[ \t]+necessary",
    re.IGNORECASE,
)
_NO_BASIS: Final = GuidelineBasis()  # (records are frozen: one instance serves every letter)
_NO_DATES: Final = CaseDates()
_OUTCOMES: Final = {outcome.value: outcome for outcome in Outcome}  # Outcome(value) costs ~1 us
_PRIORITIES: Final = {priority.value: priority for priority in Priority}
_FIELD_KIND: Final = TokenKind.FIELD
_LONGEST_HEADER: Final = 1500  # characters: longer, a header is no partial authorization
_DETERMINATION_KIND: Final = TokenKind.DETERMINATION
_PART_KIND: Final = TokenKind.PART
_UNKNOWN_MESSAGES: Final = {
    "unknown-treatment": "no lexicon knows the treatment {text!r}; it has no category",
    "unknown-medication": "the medication {text!r} has no known drug class",
}
# Header-table fields that are dates -> the CaseDates attribute; the cover page of the
# earliest letters states the letter's date as "Dated".
_DATE_FIELDS: Final = {
    "application-received": "application_received",
    "date-assigned": "date_assigned",
    "decision-date": "decision_date",
    "ur-denial-date": "ur_denial_date",
    "date-of-injury": "date_of_injury",
    "dated": "decision_date",
}
_CASE_FIELDS: Final = (*_DATE_FIELDS, "priority")  # (the case number is read apart)
_SHAPES: Final = {
    **dict.fromkeys(_DATE_FIELDS, "date"),
    "case-number": "case-number",
    "priority": "word",
}


def _position(text: str, offset: int) -> tuple[int, int]:
    line_start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    line = text.count("\n", 0, offset) + text.count("\r", 0, offset) - text.count("\r\n", 0, offset)
    return line + 1, offset - line_start + 1


def assemble(text: str, diag: Collector) -> Letter:
    """Read the letter in ``text``, recording each problem met in ``diag``.

    Lenient: it never reports by raising, but :func:`~imrparse.parse` still guards it.
    A text that holds several letters (:func:`~imrparse.splitting.letter_starts`) gives
    its first, with a ``several-letters`` error where the second begins.
    """
    original = text
    control = find_control(text)
    if control >= 0:
        diag.add(
            "control-characters", "the text holds control characters", *_position(text, control)
        )
        text = blank_controls(text)
    if not text.isascii():
        text = repair_hyphens(text)
    mojibake = find_mojibake(text)
    if mojibake >= 0:
        diag.add(
            "mojibake-repaired",
            "mis-decoded characters (UTF-8 read as Windows-1252) were repaired in the values",
            *_position(text, mojibake),
        )
    words = vocabulary()
    scanned = scan_text(text, words)
    lines = scanned.lines
    if not scanned.filled:
        diag.add("empty-input", "the text holds no letter: it is empty or only white space")
        return Letter(diagnostics=tuple(diag.items))
    removed = [lines[i] for i in scanned.artifacts]
    if removed:
        count = sum(line[ARTIFACTS] for line in removed)
        diag.add(
            "page-artifact-removed",
            f"{count} running page header(s) or footer(s) removed",
            removed[0][NUMBER],
            removed[0][COLUMN],
        )
    heads = scanned.headings
    preamble = lines[: heads[0]] if heads else lines
    keys = [lines[i][NAME] for i in heads]  # (the scanner names a heading by its key)
    best = words.best(keys, [line[NAME] for line in preamble if line[KIND] is _FIELD_KIND])
    if best < 0:
        diag.add("no-letter", "no section of an IMR letter was recognised")
        # (a labelled case number before any heading still names the text)
        fields = split_fields(preamble, scanned.doubled)[1]
        case = _field_case(lines, fields["case-number"]) if "case-number" in fields else None
        return Letter(
            case_number=case or _page_header_case(text, removed), diagnostics=tuple(diag.items)
        )
    starts = letter_starts(lines, heads, keys, words)
    if starts:
        return _first_of_several(original, lines, starts, diag)
    layout = cast(Layout, words.layouts[best])  # (detect(), without the call from Python)
    roles = layout.roles
    # (a heading of another layout opens a section that no reader of this one reads)
    outline = split_sections(lines, diag, heads, [roles.get(k) or f"other:{k}" for k in keys])
    return _Reader(layout, text, scanned, diag).read(outline.preamble, outline.sections, removed)


def _first_of_several(text: str, lines: list[Line], starts: list[int], diag: Collector) -> Letter:
    """The first letter of a text that holds several, with a ``several-letters`` error:
    the letters are not merged into one record."""
    number = lines[starts[0]][NUMBER]
    diag.items.clear()  # (the first letter's own diagnostics are found again)
    first = assemble(text[: line_offsets(text)[number - 1]], diag)
    diag.add(
        "several-letters",
        f"the text holds {len(starts) + 1} letters and the second begins on this line: only "
        "the first is read (imrparse.parse_letters reads them all)",
        number,
    )
    return attrs.evolve(first, diagnostics=tuple(diag.items))


class _Reader:
    """Reads the sections of one letter as its layout declares."""

    def __init__(self, layout: Layout, text: str, scanned: Scan, diag: Collector) -> None:
        self.layout = layout
        self.text = text
        self.scanned = scanned
        self.doubled = scanned.doubled
        self.headers = scanned.headers  # (no page header in the text: none in a value)
        self.diag = diag
        self.unclaimed: list[str] = []
        self.fields: dict[str, tuple[Line, list[str]]] = {}
        self.table: dict[str, tuple[str, int, int]] = {}

    def read(
        self, preamble: list[Line], sections: dict[str, Section], removed: list[Line]
    ) -> Letter:
        layout, diag = self.layout, self.diag
        check_order(sections, layout.ranks, diag)
        for role in layout.required:
            if role not in sections:
                diag.add("missing-section", f"the section {self._title(role)!r} was not found")
        self._preamble(preamble)
        reviewer = Reviewer()
        summary = CaseSummary()
        determinations: list[Determination] = []
        places: list[Line] = []  # (the line each determination starts on)
        decisions_read = False
        for role, section in sections.items():
            reader = layout.readers.get(role)
            if reader == "reviewer":
                reviewer = self._reviewer(section)
            elif reader == "summary":
                summary = self._summary(section)
            elif reader == "decisions":
                decisions_read = True
                for determination, place in self._decisions(section):
                    determinations.append(determination)
                    places.append(place)
            elif reader == "notice":
                decisions_read = True
                found = self._notice(section)
                determinations.extend(found)
                places.extend([section.heading] * len(found))
            elif reader == "fields":
                self._fields_only(section)
            elif role in layout.not_extracted:
                why = layout.not_extracted[role]
                self._claim_rest(section.lines, f"({why})", "not-extracted")
            else:  # a heading this layout does not have (another layout's): text unread
                self._foreign(section)
        if not determinations:
            self._no_determinations(decisions_read, sections)
        elif len(determinations) > 1:
            self._repeated(determinations, places)
        case, dates, priority = self._case_facts(removed)
        return Letter(
            layout=layout.name,
            case_number=case,
            priority=priority,
            dates=dates,
            reviewer=reviewer,
            summary=summary,
            determinations=tuple(determinations),
            diagnostics=tuple(diag.items),
            unclaimed=tuple(self.unclaimed),
        )

    def _repeated(self, determinations: list[Determination], places: list[Line]) -> None:
        """Report each determination that copies one before it: the same treatment, outcome
        and guideline bases, and a rationale that equals the other's or begins it (a copy
        cut short, or one that took in the text after it). A repeated page or section,
        which a table would count twice; two real decisions differ in their rationale."""
        seen: dict[tuple[object, ...], tuple[str, Line]] = {}  # (the first of each key)
        for determination, place in zip(determinations, places, strict=True):
            key = (
                determination.treatment,
                determination.outcome,
                determination.original_request,
                determination.authorized,
                determination.claims_administrator_basis,
                determination.reviewer_basis,
            )
            rationale = determination.rationale
            earlier = seen.get(key)
            if earlier is None:
                seen[key] = (rationale, place)
                continue
            other, first = earlier
            if other.startswith(rationale) or rationale.startswith(other):
                self.diag.add(
                    "duplicate-determination",
                    f"the determination {determination.treatment.text[:60]!r} repeats the "
                    f"one on line {first[NUMBER]}: a repeated page or section",
                    place[NUMBER],
                    place[COLUMN],
                )

    def _foreign(self, section: Section) -> None:
        """Keep and report the text under a heading the layout does not have; a treatment
        header in it is a decision lost, an error."""
        heading = section.heading
        where = (
            f"under the heading {heading[CONTENT]!r}, which the {self.layout.name} layout has not"
        )
        self._claim_rest(section.lines, where, "unclaimed-text")
        for line in section.lines:
            if line[KIND] is _DETERMINATION_KIND:
                self.diag.add(
                    "unread-determination",
                    f"the treatment header {line[CONTENT][:60]!r} stands {where}: its decision "
                    "is not read",
                    line[NUMBER],
                    line[COLUMN],
                )

    def _title(self, role: str) -> str:
        for printed, name in self.layout.headings.items():
            if name == role:
                return printed.rstrip(":")
        return role

    def _no_determinations(self, decisions_read: bool, sections: dict[str, Section]) -> None:
        layout = self.layout
        if layout.outcomes == "none":
            self.diag.add(
                "no-determinations",
                f"the {layout.name} layout states no outcome in a form imrparse reads: "
                "the letter has no determinations",
            )
        elif decisions_read:
            heading = next(
                s.heading
                for s in sections.values()
                if layout.readers.get(s.name) in ("decisions", "notice")
            )
            self.diag.add(
                "no-determinations",
                "no treatment header of the form '<treatment>: Upheld' or ': Overturned' was found"
                if layout.outcomes == "header"
                else "no outcome sentence ('... is not medically necessary') was found",
                heading[NUMBER],
                heading[COLUMN],
            )
        else:
            self.diag.add(
                "no-determinations", "without a decisions section there are no determinations"
            )

    # -- the preamble: header table, cover page fields -------------------------------

    def _preamble(self, preamble: list[Line]) -> None:
        layout = self.layout
        rest = preamble
        if layout.header_table:
            at = [i for i, line in enumerate(rest) if line[CONTENT]]
            rows = [(rest[i][NUMBER], rest[i][COLUMN], rest[i][CONTENT]) for i in at]
            found, used = read_header_table(rows, layout.header_table, _SHAPES)
            for name, value in found.items():
                self.table[name] = (value.value, value.line, value.column)
            table = layout.header_table.values()
            # (by position: a line cut at a form feed gives pieces of one line number,
            # and a line's identity is not kept where the module is compiled)
            consumed = {at[i] for i in used}
            # A line with a label of the table that the table reader could not read
            # whole (a garbled value, a label stated twice) is the table's, and left
            # unread: read as a labelled field it would give a value the table does not
            # state (the next label's date), or be dropped unreported.
            rest = [line for i, line in enumerate(rest) if i not in consumed]
            unread = [line for line in rest if line[KIND] is _FIELD_KIND and line[NAME] in table]
            if unread:
                rest = [
                    line
                    for line in rest
                    if line[KIND] is not _FIELD_KIND or line[NAME] not in table
                ]
            for name in table:
                if name not in found:
                    self.diag.add(
                        "field-not-found",
                        f"the header table states no {name!r}",
                        preamble[0][NUMBER] if preamble else 1,
                    )
        else:
            unread = []
        rest, fields = split_fields(rest, self.doubled)
        self.fields.update(fields)
        for line in unread:
            self._claim_rest([line], "in the header table, not read", "unclaimed-text")
        if any(line[CONTENT] for line in rest):
            why = self.layout.not_extracted.get("preamble")
            if why is not None:
                self._claim_rest(rest, f"before the first section ({why})", "not-extracted")
            else:
                self._claim_rest(rest, "before the first section", "unclaimed-text")

    def _fields_only(self, section: Section) -> None:
        rest, fields = split_fields(section.lines, self.doubled)
        for name, field in fields.items():
            self.fields.setdefault(name, field)
        where = f"in the section {section.heading[CONTENT]!r}"
        self._claim_rest(rest, where, "unclaimed-text")

    def _case_facts(self, removed: list[Line]) -> tuple[str | None, CaseDates, Priority | None]:
        """The case number, dates and priority from the labelled fields that state them:
        the header table first, then the cover page's fields, then (case number only) a
        running page header."""
        fields = self.fields
        case: str | None = None
        if "case-number" in self.table:
            value, line, column = self.table["case-number"]
            case = _case_number(value)
            if case is None:
                self.diag.add("invalid-value", f"no case number in {value[:40]!r}", line, column)
        elif "case-number" in fields:
            case = _field_case(self.scanned.lines, fields["case-number"])
            if case is None:
                label = fields["case-number"][0]
                self.diag.add(
                    "invalid-value",
                    f"no case number in the field {label[CONTENT][:60]!r}",
                    label[NUMBER],
                    label[COLUMN],
                )
        if case is None:
            case = _page_header_case(self.text, removed)
        values: dict[str, tuple[str, int, int]] = {}
        for name in _CASE_FIELDS:
            if name in fields:
                label, texts = fields[name]
                values[name] = (clean_lines(texts, self.headers), label[NUMBER], label[COLUMN])
        values.update(self.table)
        if not values:  # (most letters before 2016)
            return case, _NO_DATES, None
        dates: dict[str, datetime.date] = {}
        for name, attribute in _DATE_FIELDS.items():
            if name in values and attribute not in dates:
                value, line, column = values[name]
                found = self._date(name, value, line, column)
                if found is not None:
                    dates[attribute] = found
        priority = None
        if "priority" in values:
            word, line, column = values["priority"]
            priority = _PRIORITIES.get(word.strip(" .").lower())
            if priority is None:
                self.diag.add("invalid-value", f"unknown priority {word!r}", line, column)
        return case, CaseDates(**dates) if dates else _NO_DATES, priority

    def _date(self, name: str, value: str, line: int, column: int) -> datetime.date | None:
        try:
            found = parse_date(value)
        except InvalidDate as exc:
            self.diag.add("invalid-date", f"{name}: {exc}", line, column)
            return None
        if found is None and value:
            self.diag.add("invalid-date", f"{name}: no date in {value[:40]!r}", line, column)
        return found

    # -- sections --------------------------------------------------------------------

    def _reviewer(self, section: Section) -> Reviewer:
        rest, fields = split_fields(section.lines, self.doubled)
        prose = clean_lines(contents(rest), self.headers)
        values = {name: clean_lines(texts, self.headers) for name, (_, texts) in fields.items()}
        for name, field in fields.items():
            self.fields.setdefault(name, field)
        reviewer = extract_reviewer(prose, values)
        line = section.heading[NUMBER]
        if reviewer.title is None:
            self.diag.add("field-not-found", "the reviewer's title is not stated", line)
        if not reviewer.board_certifications:
            self.diag.add(
                "field-not-found", "the reviewer's board certification is not stated", line
            )
        if not reviewer.licensed_states:
            self.diag.add("field-not-found", "the reviewer's licensure is not stated", line)
        return reviewer

    def _summary(self, section: Section) -> CaseSummary:
        text = self._strip_boilerplate(
            section.name, clean_lines(contents(section.lines), self.headers)
        )
        return extract_summary(text, self.diag, section.heading[NUMBER])

    def _strip_boilerplate(self, role: str, text: str) -> str:
        for pattern in self.layout.boilerplate.get(role, ()):
            match = pattern.match(text)
            if match is not None:
                return text[match.end() :].lstrip()
        return text

    def _decisions(self, section: Section) -> list[tuple[Determination, Line]]:
        scanned = self.scanned
        heads = labels = None
        start = section.start
        if start >= 0:  # one run of the scanned lines: the scan's indexes, shifted, hold
            stop = start + len(section.lines)
            heads = [i - start for i in scanned.determinations if start <= i < stop]
            labels = [i - start for i in scanned.parts if start <= i < stop]
        layout = self.layout
        preface, blocks = split_blocks(
            section.lines,
            scanned.doubled,
            self.diag,
            heads,
            labels,
            layout.partial_cue if layout.partial_authorizations else "",
            layout.partial_openings,
        )
        leftover = self._strip_boilerplate(
            "decisions", clean_lines(contents(preface), self.headers)
        )
        if leftover:
            first = next(line for line in preface if line[CONTENT])
            self.unclaimed.append(leftover)
            self.diag.add(
                "unclaimed-text",
                f"text before the first determination: {leftover[:60]!r}",
                first[NUMBER],
                first[COLUMN],
            )
            label = next((line for line in preface if line[KIND] is _PART_KIND), None)
            if label is not None:  # (a decision whose treatment header was not recognised)
                self.diag.add(
                    "unread-determination",
                    f"the part {label[CONTENT][:40]!r} stands before the first treatment "
                    "header: a decision whose header was not recognised, and is not read",
                    label[NUMBER],
                    label[COLUMN],
                )
        return [(self._determination(block), block.header[0]) for block in blocks]

    def _determination(self, block: Block) -> Determination:
        texts = {part.name: clean_lines(part.texts, self.headers) for part in block.parts}
        line = {part.name: part.label[NUMBER] for part in block.parts}
        if block.stray:
            self._claim_rest(
                block.stray, "between a treatment header and its first part", "unclaimed-text"
            )
        diag = self.diag
        header = clean_lines(block.header_text, self.headers)
        original = authorized = None
        layout = self.layout
        if layout.partial_authorizations and layout.partial_cue in header.lower():
            # (the patterns' lazy groups are matched on a header of a few lines only)
            patterns = layout.partial_authorizations if len(header) <= _LONGEST_HEADER else ()
            for pattern in patterns:
                match = pattern.fullmatch(header)
                if match is not None:
                    original = match.group("original").strip()
                    authorized = match.group("authorized").strip()
                    header = match.group("remaining").strip()
                    break
            else:
                first = block.header[0]
                diag.add(
                    "unread-partial-authorization",
                    "the treatment header reads as a partial authorization in no known "
                    "wording; the whole header is kept as the treatment",
                    first[NUMBER],
                    first[COLUMN],
                )
        treatment = parse_treatment(header)
        first = block.header[0]
        self._unknown_treatment(treatment, first[NUMBER], first[COLUMN])
        return Determination(
            treatment=treatment,
            outcome=_OUTCOMES[block.outcome],
            original_request=original,
            authorized=authorized,
            claims_administrator_basis=(
                parse_basis(texts["claims"], diag, line["claims"])
                if "claims" in texts
                else _NO_BASIS
            ),
            reviewer_basis=(
                parse_basis(texts["reviewer"], diag, line["reviewer"])
                if "reviewer" in texts
                else _NO_BASIS
            ),
            rationale=texts.get("rationale", ""),
        )

    def _notice(self, section: Section) -> list[Determination]:
        """Outcomes written as sentences, one determination each (no parts)."""
        rest, fields = split_fields(section.lines, self.doubled)
        for name, field in fields.items():
            self.fields.setdefault(name, field)
        text = clean_lines(contents(rest), self.headers)
        found: dict[str, Determination] = {}
        for match in _SENTENCE_OUTCOME.finditer(text):
            treatment = parse_treatment(match.group(1).strip())
            if treatment.text not in found:
                self._unknown_treatment(treatment, section.heading[NUMBER], section.heading[COLUMN])
                outcome = Outcome.UPHELD if match.group(2) else Outcome.OVERTURNED
                found[treatment.text] = Determination(treatment=treatment, outcome=outcome)
        if found:
            self.diag.add(
                "legacy-layout",
                f"the {self.layout.name} layout words its outcomes as sentences: the "
                "determinations have no guideline bases or rationales",
                section.heading[NUMBER],
                section.heading[COLUMN],
            )
        return list(found.values())

    def _unknown_treatment(self, treatment: Treatment, line: int, column: int) -> None:
        """Report a treatment that the lexicons do not (fully) know."""
        code = unknown_code(treatment.category, treatment.subcategory)
        if code is not None:
            what = _UNKNOWN_MESSAGES[code].format(text=treatment.text)
            self.diag.add(code, what, line, column)

    def _claim_rest(self, lines: list[Line], where: str, code: str) -> None:
        """Keep every run of lines with content in ``unclaimed`` and report it as ``code``."""
        run: list[Line] = []
        for line in [*lines, None]:
            if line is not None:
                if line[CONTENT]:
                    run.append(line)
                continue
            if run:
                cleaned = clean_lines(contents(run), self.headers)
                self.unclaimed.append(cleaned)
                excerpt = cleaned if len(cleaned) <= 60 else cleaned[:57] + "..."
                self.diag.add(code, f"text {where}: {excerpt!r}", run[0][NUMBER], run[0][COLUMN])
                run = []


def _case_number(text: str) -> str | None:
    # str.find() skips to each "CM" far faster than a regex search could.
    at = text.find("CM")
    while at >= 0:
        match = _CASE_NUMBER.match(text, at)
        if match is not None and (at == 0 or not text[at - 1].isalnum()):
            return "".join(match.group().split())
        at = text.find("CM", at + 2)
    return None


def _field_case(lines: list[Line], field: tuple[Line, list[str]]) -> str | None:
    """The case number a labelled field states, perhaps wrapped after its hyphen onto the
    next line with text ("CM13-" / "0000004") across an empty line."""
    label, texts = field
    found = _case_number(clean_lines(texts))
    if found is None:
        at = lines.index(label)
        found = _case_number("\n".join(contents(lines[at : at + 4])[:2]))
    return found


def _page_header_case(text: str, removed: list[Line]) -> str | None:
    """The case number a running page header states ("Final Determination Letter for IMR
    Case Number CM16-0000001"; the scanner removed the header from its line): none is
    taken from prose, whatever it quotes."""
    if not any(line[ARTIFACTS] for line in removed):
        return None
    for header in running_headers(text):
        # (a number may wrap after its hyphen: read a little past the header)
        found = _case_number(text[header.start() : header.end() + 16])
        if found is not None:
            return found
    return None
