"""The span property, shared by the tests: each value's span holds the value as written.

:func:`check` lists, for one letter and the text it was parsed from, every value the
record holds (by its path, as :meth:`imrparse.Letter.span` takes it) and what is wrong
with its span, if anything: no span, a span whose text is not the value (dates are read
again, prose is compared after folding white space and line-end hyphens, page headers and
numbers between its lines removed as the scanner removes them), or a span that overlaps
another value's (a paragraph holds its citations, and a value wrapped around a running
page header holds the header, whose case number may be read: those are no overlaps).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from imrparse import Letter
from imrparse.casefacts import PRIORITIES, case_number
from imrparse.cleaning import clean_lines
from imrparse.extractors.dates import InvalidDate, parse_date
from imrparse.page_marks import running_headers
from imrparse.scanner import contents, scan

_SEX = {
    "male": "male", "man": "male", "gentleman": "male", "boy": "male",
    "female": "female", "woman": "female", "lady": "female", "girl": "female",
}  # fmt: skip


def values(letter: Letter) -> Iterator[tuple[str, object]]:
    """Every value of the record that has a span, by path (absent values left out)."""
    if letter.case_number is not None:
        yield "case_number", letter.case_number
    if letter.priority is not None:
        yield "priority", letter.priority
    for name in ("application_received", "date_assigned", "decision_date", "ur_denial_date",
                 "date_of_injury"):  # fmt: skip
        day = getattr(letter.dates, name)
        if day is not None:
            yield f"dates.{name}", day
    reviewer = letter.reviewer
    if reviewer.title is not None:
        yield "reviewer.title", reviewer.title
    for n, state in enumerate(reviewer.licensed_states):
        yield f"reviewer.licensed_states.{n}", state
    for n, name in enumerate(reviewer.board_certifications):
        yield f"reviewer.board_certifications.{n}", name
    summary = letter.summary
    for name in ("age", "sex", "date_of_injury", "mechanism_of_injury"):
        value = getattr(summary, name)
        if value is not None:
            yield f"summary.{name}", value
    for n, diagnosis in enumerate(summary.diagnoses):
        yield f"summary.diagnoses.{n}", diagnosis
    for n, d in enumerate(letter.determinations):
        yield f"determinations.{n}.treatment.text", d.treatment.text
        yield f"determinations.{n}.outcome", d.outcome
        if d.original_request is not None:
            yield f"determinations.{n}.original_request", d.original_request
        if d.authorized is not None:
            yield f"determinations.{n}.authorized", d.authorized
        for side in ("claims_administrator_basis", "reviewer_basis"):
            basis = getattr(d, side)
            for k, citation in enumerate(basis.citations):
                yield f"determinations.{n}.{side}.citations.{k}", citation
        if d.rationale:
            yield f"determinations.{n}.rationale", d.rationale


def fold(text: str) -> str:
    """Text as a value holds it: its lines scanned (page headers and numbers removed),
    joined (line-end hyphens kept, glued) and white space folded."""
    return clean_lines(contents(scan(text)))


def wrong(path: str, value: object, written: str) -> str | None:
    """Why ``written`` (a span's text) is not ``value`` as written, or ``None``."""
    leaf = path.rsplit(".", 2)
    if isinstance(value, datetime.date):
        try:
            ok = parse_date(fold(written)) == value
        except InvalidDate:
            ok = False
    elif path == "case_number":  # (wrapped, perhaps around a running page header)
        ok = value in (case_number(written), case_number(fold(written)))
    elif path == "priority":
        ok = PRIORITIES.get(written.strip(" .").lower()) == value
    elif path == "summary.age":
        ok = written.isdigit() and int(written) == value
    elif path == "summary.sex":
        ok = _SEX.get(written.lower()) == getattr(value, "value", None)
    elif path.endswith(".outcome"):
        said = fold(written).strip(" .").lower()
        if "medically" in said:  # (a sentence: "is (not) medically necessary")
            said = "upheld" if "not" in said else "overturned"
        ok = said == getattr(value, "value", None)
    elif leaf[-2] == "citations":
        title = fold(getattr(value, "title", "")).lower()
        ok = title in fold(written).lower()
    elif path == "reviewer.title":
        ok = fold(written).lower() == value
    else:
        ok = fold(written) == value
    return None if ok else f"{path}: {written[:70]!r} is not {str(value)[:70]!r}"


def _contains(outer: str, inner: str) -> bool:
    """Whether the value ``outer`` may hold ``inner`` (a paragraph and its citations)."""
    return outer.endswith(".text") and inner.startswith(outer[: -len("text")] + "citations.")


def _in_header(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies in a running page header (a value wrapped around
    one holds it; a case number may be read from it)."""
    return any(m.start() <= start and end <= m.end() for m in running_headers(text))


def check(letter: Letter, text: str) -> tuple[int, list[str]]:
    """How many values the letter holds, and what is wrong with their spans."""
    problems: list[str] = []
    seen: list[tuple[str, int, int]] = []
    count = 0
    for path, value in values(letter):
        count += 1
        span = letter.span(path)
        if span is None:
            problems.append(f"{path}: no span ({str(value)[:60]!r})")
            continue
        problem = wrong(path, value, text[span.start : span.end])
        if problem is not None:
            problems.append(problem)
            continue
        for other, start, end in seen:
            if (
                start < span.end
                and span.start < end
                and not (_contains(other, path) or _contains(path, other))
                and not _in_header(text, max(start, span.start), min(end, span.end))
            ):
                problems.append(f"{path}: overlaps {other}")
                break
        seen.append((path, span.start, span.end))
    return count, problems
