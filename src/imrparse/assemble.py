"""Assembling a :class:`~imrparse.Letter` from a letter's text: the pipeline.

    text -> scan_text (scanner) -> split_sections (grammar) -> per section:
    split_fields / split_blocks / split_parts (grammar) -> clean_lines (cleaning)
    -> extractors -> Letter

Problems are collected as diagnostics as they are met. :func:`~imrparse.parse` (in
:mod:`imrparse.parser`) is the public door to this module.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from .cleaning import blank_controls, clean_lines, find_control, find_mojibake
from .diagnostics import Collector
from .extractors.citations import parse_basis
from .extractors.dates import InvalidDate, parse_date
from .extractors.reviewer import extract_reviewer
from .extractors.summary import extract_summary, strip_boilerplate
from .extractors.treatments import parse_treatment
from .grammar import Block, Section, split_blocks, split_fields, split_sections
from .records import (
    CaseSummary,
    Determination,
    GuidelineBasis,
    Letter,
    Outcome,
    Reviewer,
)
from .scanner import ARTIFACTS, COLUMN, CONTENT, NUMBER, Line, Scan, contents, scan_text

__all__ = ["assemble"]

# A case number, perhaps wrapped after its hyphen ("CM13-" / "0000004").
_CASE_NUMBER: Final = re.compile(r"CM\d{2}-(?:[ \t]*[\r\n]\s*)?\d{7}(?!\d)")
_DECISIONS_PREFACE: Final = re.compile(
    r"^The[ \t]+Final[ \t]+Determination[ \t]+was[ \t]+based[ \t]+on[ \t]+decisions[ \t]+for"
    r"[^:]{0,200}:[ \t]*",
    re.IGNORECASE,
)
_LEGACY_MARK: Final = re.compile(
    r"Notice[ \t]+of[ \t]+Independent[ \t]+Medical[ \t]+Review", re.IGNORECASE
)
_LEGACY_OUTCOME: Final = re.compile(
    r"(?:\brequest(?:ed)?[ \t]+for[ \t]+|(?<![\d.])\d{1,2}\.[ \t]+)([^.;:]{3,300}?)[ \t]+"
    r"(?:is|was|are|were)[ \t]+(not[ \t]+)?medically[ \t]+necessary",
    re.IGNORECASE,
)
_MAIN_SECTIONS: Final = ("how", "summary", "decisions")
_NO_BASIS: Final = GuidelineBasis()  # (records are frozen: one instance serves every letter)
_OUTCOMES: Final = {outcome.value: outcome for outcome in Outcome}  # Outcome(value) costs ~1 us
_SECTION_TITLES: Final = {
    "how": "HOW THE IMR FINAL DETERMINATION WAS MADE",
    "summary": "CLINICAL CASE SUMMARY",
    "decisions": "IMR ISSUES, DECISIONS AND RATIONALES",
}


def _position(text: str, offset: int) -> tuple[int, int]:
    line_start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    line = text.count("\n", 0, offset) + text.count("\r", 0, offset) - text.count("\r\n", 0, offset)
    return line + 1, offset - line_start + 1


def assemble(text: str, diag: Collector) -> Letter:
    """Read the letter in ``text``, recording each problem met in ``diag``.

    Lenient: it never reports by raising, but :func:`~imrparse.parse` still guards it.
    """
    control = find_control(text)
    if control >= 0:
        diag.add(
            "control-characters", "the text holds control characters", *_position(text, control)
        )
        text = blank_controls(text)
    mojibake = find_mojibake(text)
    if mojibake >= 0:
        diag.add(
            "mojibake-repaired",
            "mis-decoded characters (UTF-8 read as Windows-1252) were repaired in the values",
            *_position(text, mojibake),
        )
    scanned = scan_text(text)
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
    doubled = scanned.doubled
    outline = split_sections(lines, diag, scanned.headings)
    sections = outline.sections
    unclaimed: list[str] = []
    case = _case_number(text)
    if case is None and removed:
        # A page header may stand between the halves of a wrapped case number.
        case = _case_number("\n".join(contents(lines)))

    if any(name in sections for name in _MAIN_SECTIONS):
        layout = "fdl-2014"
    elif any(name.startswith("legacy") for name in sections) or _LEGACY_MARK.search(text):
        layout = "fdl-2013"
    else:
        diag.add("no-letter", "no section of an IMR letter was recognised")
        return Letter(case_number=case, diagnostics=tuple(diag.items))

    cover_lines, cover_fields = split_fields(outline.preamble, doubled)
    _claim_rest(cover_lines, "before the first section", unclaimed, diag, "not-extracted")
    how_section = sections.get("how") or sections.get("legacy-qualifications")
    reviewer = _reviewer(how_section, doubled, diag)
    summary_section = sections.get("summary") or sections.get("legacy-summary")
    if summary_section is not None:
        summary_text = strip_boilerplate(clean_lines(contents(summary_section.lines)))
        summary = extract_summary(summary_text, diag, summary_section.heading[NUMBER])
    else:
        summary = extract_summary("", Collector())
    if summary.date_of_injury is None and "date-of-injury" in cover_fields:
        summary = _cover_date_of_injury(summary, cover_fields["date-of-injury"], diag)

    determinations: tuple[Determination, ...] = ()
    if layout == "fdl-2014":
        for name in _MAIN_SECTIONS:
            if name not in sections:
                diag.add("missing-section", f"the section {_SECTION_TITLES[name]!r} was not found")
        decisions = sections.get("decisions")
        if decisions is not None:
            determinations = _decisions(decisions, scanned, unclaimed, diag)
        else:
            diag.add("no-determinations", "without a decisions section there are no determinations")
    else:
        diag.add("legacy-layout", "2013 layout: outcomes and case facts only")
        determinations = _legacy_determinations(lines)
    # Whatever section no rule above read (DOCUMENTS REVIEWED, a 2013 heading inside a
    # 2014 letter, ...) is kept and reported, not dropped.
    read = {section.name for section in (how_section, summary_section) if section is not None}
    if layout == "fdl-2014":
        read |= {"decisions"}
    else:
        read.update(name for name in sections if name.startswith("legacy"))
    for name, section in sections.items():
        if name not in read:
            where = f"in the section {section.heading[CONTENT]!r}"
            _claim_rest(section.lines, where, unclaimed, diag, "not-extracted")

    return Letter(
        layout=layout,
        case_number=case,
        reviewer=reviewer,
        summary=summary,
        determinations=determinations,
        diagnostics=tuple(diag.items),
        unclaimed=tuple(unclaimed),
    )


def _case_number(text: str) -> str | None:
    # str.find() skips to each "CM" far faster than a regex search could.
    at = text.find("CM")
    while at >= 0:
        match = _CASE_NUMBER.match(text, at)
        if match is not None and (at == 0 or not text[at - 1].isalnum()):
            return "".join(match.group().split())
        at = text.find("CM", at + 2)
    return None


def _cover_date_of_injury(
    summary: CaseSummary, field: tuple[Line, list[str]], diag: Collector
) -> CaseSummary:
    """Take the date of injury from the cover page when the summary does not state it."""
    label, texts = field
    try:
        found = parse_date(clean_lines(texts))
    except InvalidDate as exc:
        diag.add("invalid-date", f"cover page date of injury: {exc}", label[NUMBER], label[COLUMN])
        return summary
    return summary if found is None else attrs.evolve(summary, date_of_injury=found)


def _claim_rest(
    lines: list[Line], where: str, unclaimed: list[str], diag: Collector, code: str
) -> None:
    """Keep every run of lines with content in ``unclaimed`` and report it as ``code``."""
    run: list[Line] = []
    for line in [*lines, None]:
        if line is not None:
            if line[CONTENT]:
                run.append(line)
            continue
        if run:
            cleaned = clean_lines(contents(run))
            unclaimed.append(cleaned)
            excerpt = cleaned if len(cleaned) <= 60 else cleaned[:57] + "..."
            diag.add(code, f"text {where}: {excerpt!r}", run[0][NUMBER], run[0][COLUMN])
            run = []


def _reviewer(section: Section | None, doubled: bool, diag: Collector) -> Reviewer:
    if section is None:
        return Reviewer()
    rest, fields = split_fields(section.lines, doubled)
    prose = clean_lines(contents(rest))
    values = {name: clean_lines(texts) for name, (_, texts) in fields.items()}
    reviewer = extract_reviewer(prose, values)
    line = section.heading[NUMBER]
    if reviewer.title is None:
        diag.add("field-not-found", "the reviewer's title is not stated", line)
    if not reviewer.board_certifications:
        diag.add("field-not-found", "the reviewer's board certification is not stated", line)
    if not reviewer.licensed_states:
        diag.add("field-not-found", "the reviewer's licensure is not stated", line)
    return reviewer


def _decisions(
    section: Section, scanned: Scan, unclaimed: list[str], diag: Collector
) -> tuple[Determination, ...]:
    heads = labels = None
    start = section.start
    if start >= 0:  # one run of the scanned lines: the scan's indexes, shifted, hold
        stop = start + len(section.lines)
        heads = [i - start for i in scanned.determinations if start <= i < stop]
        labels = [i - start for i in scanned.parts if start <= i < stop]
    preface, blocks = split_blocks(section.lines, scanned.doubled, diag, heads, labels)
    leftover = _DECISIONS_PREFACE.sub("", clean_lines(contents(preface)))
    if leftover:
        first = next(line for line in preface if line[CONTENT])
        unclaimed.append(leftover)
        diag.add(
            "unclaimed-text",
            f"text before the first determination: {leftover[:60]!r}",
            first[NUMBER],
            first[COLUMN],
        )
    if not blocks:
        diag.add(
            "no-determinations",
            "no treatment header of the form '<treatment>: Upheld' or ': Overturned' was found",
            section.heading[NUMBER],
            section.heading[COLUMN],
        )
    return tuple(_determination(block, unclaimed, diag) for block in blocks)


def _determination(block: Block, unclaimed: list[str], diag: Collector) -> Determination:
    texts = {part.name: clean_lines(part.texts) for part in block.parts}
    line = {part.name: part.label[NUMBER] for part in block.parts}
    if block.stray:
        _claim_rest(
            block.stray,
            "between a treatment header and its first part",
            unclaimed,
            diag,
            "unclaimed-text",
        )
    return Determination(
        treatment=parse_treatment(clean_lines(block.header_text)),
        outcome=_OUTCOMES[block.outcome],
        claims_administrator_basis=(
            parse_basis(texts["claims"], diag, line["claims"]) if "claims" in texts else _NO_BASIS
        ),
        reviewer_basis=(
            parse_basis(texts["reviewer"], diag, line["reviewer"])
            if "reviewer" in texts
            else _NO_BASIS
        ),
        rationale=texts.get("rationale", ""),
    )


def _legacy_determinations(lines: list[Line]) -> tuple[Determination, ...]:
    text = clean_lines(contents(lines))
    found: dict[str, Determination] = {}
    for match in _LEGACY_OUTCOME.finditer(text):
        treatment = parse_treatment(match.group(1).strip())
        if treatment.text not in found:
            outcome = Outcome.UPHELD if match.group(2) else Outcome.OVERTURNED
            found[treatment.text] = Determination(treatment=treatment, outcome=outcome)
    return tuple(found.values())
