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
    "CaseSummary",
    "Citation",
    "Determination",
    "Diagnostic",
    "GuidelineBasis",
    "Letter",
    "Outcome",
    "Reviewer",
    "Severity",
    "Sex",
    "Token",
    "TokenKind",
    "Treatment",
]


class Outcome(str, enum.Enum):
    """What the reviewer decided about the utilization review's denial."""

    UPHELD = "upheld"
    """The denial stands: the treatment is not medically necessary."""
    OVERTURNED = "overturned"
    """The denial is reversed: the treatment is medically necessary."""


class Sex(str, enum.Enum):
    """The injured worker's sex as the case summary states it."""

    MALE = "male"
    FEMALE = "female"


class Severity(str, enum.Enum):
    """How serious a :class:`Diagnostic` is. Only ``ERROR`` fails ``strict`` parsing."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class TokenKind(str, enum.Enum):
    """The kind of one line, as :func:`imrparse.tokenize` classifies it.

    The values are stable: they are part of the public contract.
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
    """One line of the input, with its line ending, classified.

    ``text`` is the exact slice ``source[start:end]``; joining the texts of all
    tokens gives the input back unchanged.
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
    """

    severity: Severity
    code: str
    message: str
    line: int
    """1-based line of the input."""
    column: int
    """1-based column of the input."""


@attrs.frozen(kw_only=True)
class Reviewer:
    """The expert reviewer's credentials, from the first section."""

    title: str | None = None
    board_certifications: tuple[str, ...] = ()
    licensed_states: tuple[str, ...] = ()
    min_years_in_practice: int | None = None
    min_hours_per_week: int | None = None


@attrs.frozen(kw_only=True)
class CaseSummary:
    """The case facts from the ``CLINICAL CASE SUMMARY`` section."""

    age: int | None = None
    sex: Sex | None = None
    date_of_injury: datetime.date | None = None
    mechanism_of_injury: str | None = None
    diagnoses: tuple[str, ...] = ()
    text: str = ""
    """The reviewer's prose after the boilerplate opening, de-wrapped and cleaned."""


@attrs.frozen(kw_only=True)
class Treatment:
    """The disputed treatment as named in a determination header."""

    text: str
    name: str
    strength: str | None = None
    quantity: int | None = None


@attrs.frozen(kw_only=True)
class Citation:
    """One guideline citation: ``Decision based on <source> <title> <topics> <pages>``."""

    source: str
    """Guideline family: ``"MTUS"``, ``"ACOEM"``, ``"ODG"`` or ``"Other"``."""
    mtus: bool
    """Whether the citation names the guideline as part of the MTUS."""
    title: str
    topics: tuple[str, ...] = ()
    pages: tuple[int, ...] = ()


@attrs.frozen(kw_only=True)
class GuidelineBasis:
    """One side's guideline paragraph and the citations found in it."""

    text: str = ""
    citations: tuple[Citation, ...] = ()


@attrs.frozen(kw_only=True)
class Determination:
    """The decision on one disputed treatment."""

    treatment: Treatment
    outcome: Outcome
    claims_administrator_basis: GuidelineBasis = GuidelineBasis()
    reviewer_basis: GuidelineBasis = GuidelineBasis()
    rationale: str = ""


@attrs.frozen(kw_only=True)
class Letter:
    """One parsed Final Determination Letter."""

    layout: str = "unknown"
    """The layout recognised: ``"fdl-2014"``, ``"fdl-2013"`` or ``"unknown"``."""
    case_number: str | None = None
    reviewer: Reviewer = Reviewer()
    summary: CaseSummary = CaseSummary()
    determinations: tuple[Determination, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    unclaimed: tuple[str, ...] = ()
    """Cleaned text that no grammar rule claimed; each piece also has a diagnostic."""
    source: str | None = None
    """Where the text came from (a file path) when known; ``None`` for plain text."""

    @property
    def ok(self) -> bool:
        """``True`` when no diagnostic has error severity."""
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)
