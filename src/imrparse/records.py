"""The typed records that :func:`imrparse.parse` returns.

Every record is an ``attrs`` class that is frozen, slotted and keyword-only: it
compares by value, hashes, pickles, and cannot be changed after it is made.
Sequences are tuples, closed sets are enums.
"""

from __future__ import annotations

import datetime
import sys
from typing import Any

import attrs

from . import display, fielddocs
from .enums import Category, Outcome, Priority, Severity, Sex, TokenKind

__all__ = [
    "CaseDates",
    "CaseSummary",
    "Category",
    "Citation",
    "Determination",
    "Diagnostic",
    "GuidelineBasis",
    "Letter",
    "LetterText",
    "Outcome",
    "Priority",
    "Reviewer",
    "Severity",
    "Sex",
    "Span",
    "Token",
    "TokenKind",
    "Treatment",
]


@attrs.frozen(kw_only=True)
class Token:
    r"""One line of the input, with its line ending, classified.

    ``text`` is the exact slice ``source[start:end]``; joining the texts of all
    tokens gives the input back unchanged.

    >>> import imrparse
    >>> next(imrparse.tokenize("CLINICAL CASE SUMMARY\n"))
    Token(kind=<TokenKind.HEADING: 'heading'>, text='CLINICAL CASE SUMMARY\n', start=0, end=22, line=1)
    """

    kind: TokenKind
    """What the line is (:class:`TokenKind`)."""
    text: str
    """The line exactly as in the input, line ending included."""
    start: int
    """Offset of the line's first character in the input."""
    end: int
    """Offset just past the line's last character."""
    line: int
    """1-based line number of the token's first character."""


@attrs.frozen(kw_only=True)
class Diagnostic:
    """A problem found while parsing, with where it was found.

    ``code`` is one of the stable identifiers listed in
    :data:`imrparse.diagnostics.CODES`.

    >>> import imrparse
    >>> d = imrparse.parse("").diagnostics[0]
    >>> d.severity.value, d.code, d.line, d.column
    ('error', 'empty-input', 1, 1)
    """

    severity: Severity
    """``ERROR``, ``WARNING`` or ``INFO``; only errors fail strict parsing."""
    code: str
    """The stable identifier of the problem, e.g. ``"missing-section"``."""
    message: str
    """What was found, in words."""
    line: int
    """1-based line of the input."""
    column: int
    """1-based column of the input."""


@attrs.frozen(kw_only=True)
class Span:
    """Where a value stands in the text that was parsed (see :meth:`Letter.span`).

    >>> import imrparse
    >>> text = imrparse.examples.read_text("multi")
    >>> span = imrparse.parse(text).span("summary.age")
    >>> text[span.start : span.end], span.line, span.column, span.page
    ('62', 15, 25, None)
    """

    start: int
    """Offset of the value's first character: ``text[start:end]`` is the value as written."""
    end: int
    """Offset just past the value's last character."""
    line: int
    """1-based line of ``start``."""
    column: int
    """1-based column of ``start``."""
    page: int | None = None
    """1-based page of a form-feed-separated text; ``None`` for a text without pages."""


@attrs.frozen(kw_only=True)
class CaseDates:
    """The dates of the case, as the letter's header table states them.

    Letters of 2016 on open with a table of the case's dates; every field is ``None``
    for a letter without one. ``date_of_injury`` is the table's: the summary prose
    states its own in :attr:`CaseSummary.date_of_injury`.

    >>> import imrparse
    >>> d = imrparse.parse(imrparse.examples.read_text("header-2016")).dates
    >>> d.decision_date.isoformat(), d.application_received.isoformat()
    ('2017-01-06', '2016-11-21')
    """

    application_received: datetime.date | None = None
    """When the application for IMR was received."""
    date_assigned: datetime.date | None = None
    """When the case was assigned to a reviewer."""
    decision_date: datetime.date | None = None
    """When the review was decided (the letter's date)."""
    ur_denial_date: datetime.date | None = None
    """When utilization review denied or modified the request."""
    date_of_injury: datetime.date | None = None
    """The date of injury in the header table."""


@attrs.frozen(kw_only=True)
class Reviewer:
    """The expert reviewer's credentials, from the first section.

    >>> import imrparse
    >>> r = imrparse.parse(imrparse.examples.read_text("multi")).reviewer
    >>> r.title, r.board_certifications, r.licensed_states
    ('physician reviewer', ('Orthopedic Surgery', 'Occupational Medicine'), ('Oregon', 'California'))
    """

    title: str | None = None
    """``"expert reviewer"``, ``"physician reviewer"``, as the letter calls the reviewer."""
    board_certifications: tuple[str, ...] = ()
    """One entry per specialty, as the letter spells it: ``("Internal Medicine",)``."""
    licensed_states: tuple[str, ...] = ()
    """Full state names as in the letter: ``("Texas", "California")``."""
    min_years_in_practice: int | None = None
    """5 for "in active practice for more than five years"."""
    min_hours_per_week: int | None = None
    """24 for "at least 24 hours a week"."""


@attrs.frozen(kw_only=True)
class CaseSummary:
    """The case facts from the ``CLINICAL CASE SUMMARY`` section.

    >>> import imrparse
    >>> s = imrparse.parse(imrparse.examples.read_text("multi")).summary
    >>> s.age, s.sex.value, s.date_of_injury.isoformat(), s.mechanism_of_injury
    (62, 'female', '2009-09-14', 'a fall from a ladder')
    """

    age: int | None = None
    """The injured worker's age in years."""
    sex: Sex | None = None
    """The injured worker's sex."""
    date_of_injury: datetime.date | None = None
    """The date of injury as the summary prose states it."""
    mechanism_of_injury: str | None = None
    """How the injury happened; ``None`` when the letter says it is not described."""
    diagnoses: tuple[str, ...] = ()
    """The diagnoses the summary lists, in its order."""
    text: str = ""
    """The reviewer's prose after the boilerplate opening, de-wrapped and cleaned."""


@attrs.frozen(kw_only=True)
class Treatment:
    """The disputed treatment as named in a determination header.

    >>> import imrparse
    >>> t = imrparse.parse(imrparse.examples.read_text("multi")).determinations[1].treatment
    >>> t.text, t.name, t.strength, t.quantity
    ('Norco 10/325mg #90', 'Hydrocodone/acetaminophen', '10/325mg', 90)
    >>> t.category.value, t.subcategory, t.generic
    ('Pharmaceuticals', 'Opioids', 'hydrocodone/acetaminophen')
    """

    text: str
    """The header's text, whitespace-normalised: ``"Norco 10/325mg #360"``."""
    name: str
    """The treatment itself, a name that groups across letters: request wording, dates,
    strength, quantity and frequency removed, a medication under its generic name
    (``"Hydrocodone/acetaminophen"``), a procedure as ``"MRI of the lumbar spine"``."""
    brand: str | None = None
    """The brand (trade) name as the letter writes it (``"Norco"``); ``None`` for a
    medication named by its generic name and for anything that is no medication."""
    strength: str | None = None
    """The first dose with its unit, ``"10/325mg"``; ``None`` when absent."""
    quantity: int | None = None
    """The number after ``#`` (or ``QTY:``); ``None`` when absent."""
    category: Category | None = None
    """DWC's request category; ``None`` when the lexicons do not know the treatment."""
    subcategory: str | None = None
    """DWC's subcategory; for a medication its DWC drug class (``"Opioids"``)."""
    generic: str | None = None
    """A medication's active ingredient(s), lower case, joined by ``/``."""
    sessions: int | None = None
    """The number of sessions or visits, where the header states it (``2 times a week
    for 3 weeks`` is 6); ``None`` otherwise."""


@attrs.frozen(kw_only=True)
class Citation:
    """One guideline citation: ``Decision based on <source> <title> <topics> <pages>``.

    >>> import imrparse
    >>> d = imrparse.parse(imrparse.examples.read_text("multi")).determinations[2]
    >>> d.claims_administrator_basis.citations[0]
    Citation(source='ACOEM', mtus=True, title='ACOEM Chapter 12 Low Back Complaints', topics=(), pages=(300, 301))
    """

    source: str
    """Guideline family: ``"MTUS"``, ``"ACOEM"``, ``"ODG"`` or ``"Other"``."""
    mtus: bool
    """Whether the citation names the guideline as part of the MTUS."""
    title: str
    """The document: ``"Chronic Pain Treatment Guidelines"``, ``"UpToDate"``."""
    topics: tuple[str, ...] = ()
    """The document's Section(s): ``("Cyclobenzaprine (Flexeril)",)``."""
    pages: tuple[int, ...] = ()
    """Every page cited, ranges expanded: ``41-42`` gives ``(41, 42)``."""


@attrs.frozen(kw_only=True)
class GuidelineBasis:
    """One side's guideline paragraph and the citations found in it.

    >>> import imrparse
    >>> basis = imrparse.parse(imrparse.examples.read_text("multi")).determinations[0]
    >>> basis.claims_administrator_basis.citations  # "did not cite any medical evidence"
    ()
    """

    text: str = ""
    """The whole paragraph, de-wrapped."""
    citations: tuple[Citation, ...] = ()
    """One per guideline document named; empty when nothing was cited."""


@attrs.frozen(kw_only=True)
class Determination:
    """The decision on one disputed treatment.

    >>> import imrparse
    >>> d = imrparse.parse(imrparse.examples.read_text("overturned")).determinations[0]
    >>> d.treatment.name, d.outcome.value, d.rationale[:40]
    ('Baclofen', 'overturned', 'The guidelines recommend non-sedating mu')
    """

    treatment: Treatment
    """The disputed item; for a partial authorization, the remaining portion."""
    outcome: Outcome
    """Upheld (the denial stands) or overturned."""
    original_request: str | None = None
    """For a partial authorization, the request as it was made ("Acupuncture 18 sessions")."""
    authorized: str | None = None
    """For a partial authorization, what the claims administrator authorized."""
    claims_administrator_basis: GuidelineBasis = GuidelineBasis()
    """The guidelines the claims administrator's denial relied on."""
    reviewer_basis: GuidelineBasis = GuidelineBasis()
    """The reviewer's guidelines: the "MAXIMUS guideline" paragraph."""
    rationale: str = ""
    """The prose after "Decision rationale:", de-wrapped."""


@attrs.frozen(kw_only=True, repr=False)
class Letter:
    """One parsed Final Determination Letter.

    Its ``repr`` is one short line; IPython and notebooks show a readable summary.

    >>> import imrparse
    >>> letter = imrparse.parse(imrparse.examples.read_text("multi"))
    >>> letter.layout, letter.case_number, len(letter.determinations), letter.ok
    ('fdl-2014', 'CM16-0000000', 3, True)
    >>> letter
    <Letter 'CM16-0000000' layout='fdl-2014' decided=None determinations=3 (2 upheld, 1 overturned) errors=0>
    """

    layout: str = "unknown"
    """The name of the layout recognised (see :mod:`imrparse.layouts`), ``"unknown"`` if none."""
    case_number: str | None = None
    """The case number: the header table's or cover page's labelled one, else one in a running
    page header; :func:`~imrparse.parse_file` falls back on the file name."""
    claim_number: str | None = None
    """The claim number a cover page states (``Claim Number:``), as written; published
    letters redact it."""
    priority: Priority | None = None
    """The header table's priority, when the letter has one."""
    dates: CaseDates = CaseDates()
    """The header table's dates (every field ``None`` for a letter without one)."""
    reviewer: Reviewer = Reviewer()
    """The expert reviewer's credentials."""
    summary: CaseSummary = CaseSummary()
    """The case facts of the clinical case summary."""
    determinations: tuple[Determination, ...] = ()
    """One per disputed treatment, in letter order."""
    diagnostics: tuple[Diagnostic, ...] = ()
    """Every problem met while reading the letter."""
    unclaimed: tuple[str, ...] = ()
    """Cleaned text that no grammar rule claimed; each piece also has a diagnostic."""
    source: str | None = None
    """Where the text came from (a file path) when known; ``None`` for plain text."""
    source_lines: tuple[int, int] | None = None
    """The first and last line (1-based) of this letter in its source, when the source holds
    several letters (see :func:`~imrparse.parse_letters`); ``None`` when the letter is the
    whole source."""
    spans: tuple[tuple[str, int, int, int, int, int], ...] = attrs.field(
        default=(), eq=False, repr=False
    )
    """Where each value stands in the text parsed, as :meth:`span` reads them (path, start,
    end, line, column, page or 0). Letters compare by values, not by where they stand."""
    text: str | None = attrs.field(default=None, eq=False, repr=False)
    """The text that was parsed, where it was asked to be kept
    (``parse_file(path, keep_text=True)``: a PDF's extracted text); else ``None``."""

    def span(self, path: str) -> Span | None:
        """Where the value ``path`` names stands in the text that was parsed.

        ``path`` names a value as attributes and indexes joined by dots (``"case_number"``,
        ``"dates.decision_date"``, ``"reviewer.licensed_states.1"``,
        ``"determinations.0.outcome"``, ``"determinations.2.reviewer_basis.citations.1"``;
        all: ``imrparse.spans.PATHS``). ``None`` when the value is absent or was not
        read from the text (a case number from a file name), and for every value of a
        letter parsed with ``spans=False``; ``ValueError`` for a path that names no value
        of a letter.

        >>> import imrparse
        >>> letter = imrparse.parse(text := imrparse.examples.read_text("multi"))
        >>> span = letter.span("determinations.1.treatment.text")
        >>> text[span.start : span.end], span.line, span.column
        ('Norco 10/325mg #90', 39, 1)
        """
        from .spans import check_path  # (spans imports the scanner, which imports this)

        check_path(path)
        for row in self.spans:
            if row[0] == path:
                return Span(
                    start=row[1], end=row[2], line=row[3], column=row[4], page=row[5] or None
                )
        return None

    @property
    def ok(self) -> bool:
        """``True`` when no diagnostic has error severity."""
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)

    def __repr__(self) -> str:
        return display.letter_repr(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text("\n".join(display.letter_lines(self)))

    def _repr_html_(self) -> str:
        return display.letter_html(self)


@attrs.frozen(kw_only=True)
class LetterText:
    """One letter's text in a text that holds several, as :func:`~imrparse.split_letters`
    finds it.

    >>> import imrparse
    >>> text = imrparse.examples.read_text("overturned")
    >>> [(piece.first_line, piece.last_line) for piece in imrparse.split_letters(text * 2)]
    [(1, 72), (73, 144)]
    """

    text: str
    """The letter's text, exactly as it stands in the whole (line ends included)."""
    first_line: int
    """The 1-based line of the whole text on which the letter begins."""
    last_line: int
    """The 1-based line of the whole text on which the letter ends."""


_RECORDS = [Token, Diagnostic, Span, CaseDates, Reviewer, CaseSummary, Treatment, Citation]
fielddocs.add_field_docs(
    sys.modules[__name__], [*_RECORDS, GuidelineBasis, Determination, Letter, LetterText]
)
