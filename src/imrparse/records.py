"""The typed records that :func:`imrparse.parse` returns.

Every record is an ``attrs`` class that is frozen, slotted and keyword-only: it
compares by value, hashes, pickles, and cannot be changed after it is made.
Sequences are tuples, closed sets are enums.
"""

from __future__ import annotations

import datetime
import enum

import attrs

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
    "Token",
    "TokenKind",
    "Treatment",
]


class Outcome(str, enum.Enum):
    """What the reviewer decided about the utilization review's denial.

    >>> Outcome("upheld") is Outcome.UPHELD
    True
    """

    UPHELD = "upheld"
    """The denial stands: the treatment is not medically necessary."""
    OVERTURNED = "overturned"
    """The denial is reversed: the treatment is medically necessary."""


class Category(str, enum.Enum):
    """DWC's request category of a disputed treatment (its IMR decision search's top level).

    >>> Category("Diagnostic Testing") is Category.DIAGNOSTIC_TESTING
    True
    """

    DIAGNOSTIC_TESTING = "Diagnostic Testing"
    DMEPOS = "DMEPOS"
    EVALUATION_AND_MANAGEMENT = "Evaluation & Management"
    HOME_HEALTH = "Home Health"
    INJECTION = "Injection"
    PHARMACEUTICALS = "Pharmaceuticals"
    PROGRAMS = "Programs"
    PSYCH_SERVICES = "Psych Services"
    REHABILITATION = "Rehabilitation"
    SURGERY = "Surgery"
    THERAPIES = "Therapies"
    TRANSPORTATION = "Transportation"


class Sex(str, enum.Enum):
    """The injured worker's sex as the case summary states it.

    >>> Sex("female").value
    'female'
    """

    MALE = "male"
    FEMALE = "female"


class Priority(str, enum.Enum):
    """How fast the review had to be decided, as the letter's header table states it.

    >>> Priority("expedited") is Priority.EXPEDITED
    True
    """

    STANDARD = "standard"
    EXPEDITED = "expedited"


class Severity(str, enum.Enum):
    """How serious a :class:`Diagnostic` is. Only ``ERROR`` fails ``strict`` parsing.

    >>> [s.value for s in Severity]
    ['error', 'warning', 'info']
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class TokenKind(str, enum.Enum):
    """The kind of one line, as :func:`imrparse.tokenize` classifies it.

    The values are stable: they are part of the public contract.

    >>> TokenKind("page-break") is TokenKind.PAGE_BREAK
    True
    """

    HEADING = "heading"
    """A section heading such as ``CLINICAL CASE SUMMARY``."""
    FIELD = "field"
    """A labelled field such as ``State(s) of Licensure: Texas, California``."""
    DETERMINATION = "determination"
    """A treatment header with its outcome, ``Norco 10/325mg #360:  Upheld``."""
    PART = "part"
    """A line that opens a labelled part: ``MAXIMUS guideline: ...``."""
    TEXT = "text"
    """Any other line holding words: prose, boilerplate, wrapped continuations."""
    BLANK = "blank"
    """An empty line (only its line ending)."""
    BREAK = "break"
    """A line of white space only: a paragraph break in extracted PDF text."""
    PAGE_BREAK = "page-break"
    """A line holding a form feed: a page boundary left by the extractor."""
    ARTIFACT = "artifact"
    """A running page header or footer standing on a line of its own."""


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
    text: str
    start: int
    end: int
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
    code: str
    message: str
    line: int
    """1-based line of the input."""
    column: int
    """1-based column of the input."""


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
    board_certifications: tuple[str, ...] = ()
    licensed_states: tuple[str, ...] = ()
    min_years_in_practice: int | None = None
    min_hours_per_week: int | None = None


@attrs.frozen(kw_only=True)
class CaseSummary:
    """The case facts from the ``CLINICAL CASE SUMMARY`` section.

    >>> import imrparse
    >>> s = imrparse.parse(imrparse.examples.read_text("multi")).summary
    >>> s.age, s.sex.value, s.date_of_injury.isoformat(), s.mechanism_of_injury
    (62, 'female', '2009-09-14', 'a fall from a ladder')
    """

    age: int | None = None
    sex: Sex | None = None
    date_of_injury: datetime.date | None = None
    mechanism_of_injury: str | None = None
    diagnoses: tuple[str, ...] = ()
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
    topics: tuple[str, ...] = ()
    pages: tuple[int, ...] = ()


@attrs.frozen(kw_only=True)
class GuidelineBasis:
    """One side's guideline paragraph and the citations found in it.

    >>> import imrparse
    >>> basis = imrparse.parse(imrparse.examples.read_text("multi")).determinations[0]
    >>> basis.claims_administrator_basis.citations  # "did not cite any medical evidence"
    ()
    """

    text: str = ""
    citations: tuple[Citation, ...] = ()


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
    original_request: str | None = None
    """For a partial authorization, the request as it was made ("Acupuncture 18 sessions")."""
    authorized: str | None = None
    """For a partial authorization, what the claims administrator authorized."""
    claims_administrator_basis: GuidelineBasis = GuidelineBasis()
    reviewer_basis: GuidelineBasis = GuidelineBasis()
    rationale: str = ""


@attrs.frozen(kw_only=True)
class Letter:
    """One parsed Final Determination Letter.

    >>> import imrparse
    >>> letter = imrparse.parse(imrparse.examples.read_text("multi"))
    >>> letter.layout, letter.case_number, len(letter.determinations), letter.ok
    ('fdl-2014', 'CM16-0000000', 3, True)
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
    summary: CaseSummary = CaseSummary()
    determinations: tuple[Determination, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    unclaimed: tuple[str, ...] = ()
    """Cleaned text that no grammar rule claimed; each piece also has a diagnostic."""
    source: str | None = None
    """Where the text came from (a file path) when known; ``None`` for plain text."""
    source_lines: tuple[int, int] | None = None
    """The first and last line (1-based) of this letter in its source, when the source holds
    several letters (see :func:`~imrparse.parse_letters`); ``None`` when the letter is the
    whole source."""

    @property
    def ok(self) -> bool:
        """``True`` when no diagnostic has error severity."""
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)


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
