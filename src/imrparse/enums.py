"""The closed sets of values in the records: outcomes, DWC's categories, sex, priority,
severity and token kinds. Each is a ``str`` enum whose values are what
:func:`~imrparse.to_dict` writes; :mod:`imrparse.records` re-exports them.
"""

from __future__ import annotations

import enum

__all__ = ["Category", "Outcome", "Priority", "Severity", "Sex", "TokenKind"]


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
