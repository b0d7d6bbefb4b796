"""Letters as a flat table: one row per determination, scalar values only.

The columns are :data:`COLUMNS`, in that order, and are documented one by one on the
docs' *Table columns* page. A letter without determinations still gives one row (its
determination columns are ``None``), so no letter disappears from a table.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeAlias

from .records import (
    Category,
    Determination,
    GuidelineBasis,
    Letter,
    Outcome,
    Priority,
    Severity,
    Sex,
)
from .spanrows import require_spans
from .specialties import board_names

if TYPE_CHECKING:
    import pandas

__all__ = [
    "BOOL_COLUMNS",
    "CATEGORIES",
    "COLUMNS",
    "DATE_COLUMNS",
    "INT_COLUMNS",
    "SPANNED",
    "SPAN_COLUMNS",
    "Row",
    "letter_rows",
    "to_dataframe",
    "to_rows",
]

Row: TypeAlias = "dict[str, str | int | bool | None]"
"""One row of :func:`to_rows`: column name to a ``str``, ``int``, ``bool`` or ``None``."""

SEPARATOR = "; "
"""What joins the items of a list into one cell."""

_BASES = ("ca", "reviewer")
# The column names of a basis's cells, for each prefix (made once, not for every row; in
# the order _basis_cells unpacks them).
_BASIS_KEYS: dict[str, tuple[str, str, str, str, str, str]] = {
    prefix: (
        f"{prefix}_citation_count",
        f"{prefix}_sources",
        f"{prefix}_mtus",
        f"{prefix}_titles",
        f"{prefix}_topics",
        f"{prefix}_pages",
    )
    for prefix in _BASES
}

COLUMNS: tuple[str, ...] = (
    "source",
    "source_first_line",
    "source_last_line",
    "letter_index",
    "layout",
    "case_number",
    "claim_number",
    "priority",
    "application_received",
    "date_assigned",
    "decision_date",
    "ur_denial_date",
    "reviewer_title",
    "board_certifications",
    "board_specialties",
    "licensed_states",
    "min_years_in_practice",
    "min_hours_per_week",
    "age",
    "sex",
    "date_of_injury",
    "mechanism_of_injury",
    "diagnoses",
    "determination_count",
    "determination_index",
    "treatment_text",
    "treatment_name",
    "treatment_brand",
    "treatment_strength",
    "treatment_quantity",
    "treatment_sessions",
    "treatment_category",
    "treatment_subcategory",
    "treatment_generic",
    "original_request",
    "authorized",
    "outcome",
    *(key for basis in _BASES for key in _BASIS_KEYS[basis]),
    "rationale",
    "error_count",
    "warning_count",
    "info_count",
    "diagnostic_codes",
)
"""The column names of :func:`to_rows`, in order. They are stable: renaming one is a
breaking change."""

_DETERMINATION_COLUMNS = COLUMNS[
    COLUMNS.index("determination_index") : COLUMNS.index("error_count")
]

INT_COLUMNS = frozenset(
    {
        "source_first_line",
        "source_last_line",
        "letter_index",
        "min_years_in_practice",
        "min_hours_per_week",
        "age",
        "determination_count",
        "determination_index",
        "treatment_quantity",
        "treatment_sessions",
        "ca_citation_count",
        "reviewer_citation_count",
        "error_count",
        "warning_count",
        "info_count",
    }
)
"""Columns holding an ``int`` (or ``None``)."""
BOOL_COLUMNS = frozenset({"ca_mtus", "reviewer_mtus"})
"""Columns holding a ``bool`` (or ``None``)."""
DATE_COLUMNS = frozenset(
    {"application_received", "date_assigned", "decision_date", "ur_denial_date", "date_of_injury"}
)
"""Columns holding an ISO date string ``YYYY-MM-DD`` (or ``None``)."""
CATEGORIES: dict[str, tuple[str, ...]] = {
    "sex": tuple(s.value for s in Sex),
    "outcome": tuple(o.value for o in Outcome),
    "priority": tuple(p.value for p in Priority),
    "treatment_category": tuple(c.value for c in Category),
}
"""Columns holding one of a closed set of strings, with that set."""


SPANNED: dict[str, str] = {
    "case_number": "case_number",
    "priority": "priority",
    "application_received": "dates.application_received",
    "date_assigned": "dates.date_assigned",
    "decision_date": "dates.decision_date",
    "ur_denial_date": "dates.ur_denial_date",
    "reviewer_title": "reviewer.title",
    "age": "summary.age",
    "sex": "summary.sex",
    "date_of_injury": "",  # (the header table's, else the summary's)
    "mechanism_of_injury": "summary.mechanism_of_injury",
    "treatment_text": "treatment.text",
    "original_request": "original_request",
    "authorized": "authorized",
    "outcome": "outcome",
    "rationale": "rationale",
}
"""The columns whose values have spans, and the path of each value (a determination's
relative to it)."""
SPAN_COLUMNS: tuple[str, ...] = tuple(
    f"{column}_{part}" for column in SPANNED for part in ("line", "start", "end", "page")
)
"""The columns ``to_rows(..., spans=True)`` adds: for each column of :data:`SPANNED`, the
line, start and end offsets and page of its value in the text that was parsed (``None``
where it has none)."""


def to_rows(letters: Iterable[Letter] | Letter, *, spans: bool = False) -> list[Row]:
    """Flatten letters into rows, one per determination, with the keys :data:`COLUMNS`
    (and, with ``spans=True``, ``SPAN_COLUMNS`` after them: where each value stands,
    for sampling rows and checking them against their letters; ``ValueError`` for a
    letter parsed with ``spans=False``, which has none).

    The case and letter fields repeat on every row of a letter. A letter with no
    determinations gives one row whose determination columns are ``None``. Lists become
    one string joined by ``"; "`` (``None`` when empty), dates ISO strings, enums their
    values; ``letter_index`` is the letter's 0-based position in ``letters``. One
    :class:`~imrparse.Letter` on its own is read as a list of one; anything else that is
    not letters is a ``TypeError`` that says which item it is.

    >>> import imrparse
    >>> letter = imrparse.parse(imrparse.examples.read_text("overturned"))
    >>> rows = imrparse.to_rows([letter])
    >>> len(rows) == len(letter.determinations), tuple(rows[0]) == COLUMNS
    (True, True)
    >>> rows[0]["outcome"] == letter.determinations[0].outcome.value
    True
    >>> imrparse.to_rows(letter) == rows
    True
    """
    return _rows(letters, "to_rows", spans)


def _rows(letters: Iterable[Letter] | Letter, caller: str, spans: bool = False) -> list[Row]:
    return [
        row
        for index, letter in enumerate(each_letter(letters, caller))
        for row in letter_rows(letter, index, spans=spans)
    ]


def each_letter(letters: Iterable[Letter] | Letter, caller: str) -> Iterable[Letter]:
    """``letters`` as an iterable of letters (one :class:`~imrparse.Letter` as a list of
    one), checked as it is read: ``TypeError`` for what is not letters, naming ``caller``
    and the item, rather than an ``AttributeError`` from deep in the row making."""
    if isinstance(letters, Letter):
        return (letters,)
    if isinstance(letters, (str, bytes)) or not isinstance(letters, Iterable):
        raise TypeError(
            f"{caller}() takes letters (imrparse.Letter records, or one Letter), "
            f"not {type(letters).__name__}"
        )
    return _checked(letters, caller)


def _checked(letters: Iterable[Any], caller: str) -> Iterator[Letter]:
    for index, letter in enumerate(letters):
        if not isinstance(letter, Letter):
            raise TypeError(
                f"{caller}() takes letters (imrparse.Letter records): item {index} is "
                f"{type(letter).__name__}"
            )
        yield letter


def letter_rows(letter: Letter, index: int = 0, *, spans: bool = False) -> list[Row]:
    """The rows of one letter, as :func:`to_rows` makes them, with ``letter_index=index``.

    >>> import imrparse
    >>> [row] = letter_rows(imrparse.Letter(source="a.txt"), 7)
    >>> row["source"], row["letter_index"], row["determination_index"], row["outcome"]
    ('a.txt', 7, None, None)
    """
    reviewer, summary, dates = letter.reviewer, letter.summary, letter.dates
    # One date of injury: the header table's, else the one the summary prose states.
    injured = dates.date_of_injury or summary.date_of_injury
    severities = [d.severity for d in letter.diagnostics]
    base: Row = {
        "source": letter.source,
        "source_first_line": letter.source_lines[0] if letter.source_lines else None,
        "source_last_line": letter.source_lines[1] if letter.source_lines else None,
        "letter_index": index,
        "layout": letter.layout,
        "case_number": letter.case_number,
        "claim_number": letter.claim_number,
        "priority": letter.priority._value_ if letter.priority is not None else None,
        "application_received": _iso(dates.application_received),
        "date_assigned": _iso(dates.date_assigned),
        "decision_date": _iso(dates.decision_date),
        "ur_denial_date": _iso(dates.ur_denial_date),
        "reviewer_title": reviewer.title,
        "board_certifications": _join(reviewer.board_certifications),
        "board_specialties": _board_specialties(reviewer.board_certifications),
        "licensed_states": _join(reviewer.licensed_states),
        "min_years_in_practice": reviewer.min_years_in_practice,
        "min_hours_per_week": reviewer.min_hours_per_week,
        "age": summary.age,
        "sex": summary.sex._value_ if summary.sex is not None else None,
        "date_of_injury": _iso(injured),
        "mechanism_of_injury": summary.mechanism_of_injury,
        "diagnoses": _join(summary.diagnoses),
        "determination_count": len(letter.determinations),
    }
    tail: Row = {
        "error_count": severities.count(Severity.ERROR),
        "warning_count": severities.count(Severity.WARNING),
        "info_count": severities.count(Severity.INFO),
        "diagnostic_codes": _join(sorted({d.code for d in letter.diagnostics})),
    }
    determinations: list[Determination | None] = [*letter.determinations] or [None]
    rows = [
        {**base, **_determination_cells(number, d), **tail}
        for number, d in enumerate(determinations)
    ]
    if spans:
        require_spans(letter, "to_rows(..., spans=True)")
        for number, row in enumerate(rows):
            row.update(_span_cells(letter, number if letter.determinations else -1))
    return rows


def _span_cells(letter: Letter, number: int) -> Row:
    """The span columns of the row of determination ``number`` (-1: none)."""
    cells: Row = {}
    for column, path in SPANNED.items():
        if not path:
            path = (
                "dates.date_of_injury" if letter.dates.date_of_injury else "summary.date_of_injury"
            )
        elif column in _DETERMINATION_COLUMNS:
            path = f"determinations.{number}.{path}" if number >= 0 else ""
        span = letter.span(path) if path else None
        cells[f"{column}_line"] = span.line if span else None
        cells[f"{column}_start"] = span.start if span else None
        cells[f"{column}_end"] = span.end if span else None
        cells[f"{column}_page"] = span.page if span else None
    return cells


def _determination_cells(index: int, d: Determination | None) -> Row:
    if d is None:
        return dict.fromkeys(_DETERMINATION_COLUMNS)
    t = d.treatment
    return {
        "determination_index": index,
        "treatment_text": t.text,
        "treatment_name": t.name,
        "treatment_brand": t.brand,
        "treatment_strength": t.strength,
        "treatment_quantity": t.quantity,
        "treatment_sessions": t.sessions,
        "treatment_category": t.category._value_ if t.category is not None else None,
        "treatment_subcategory": t.subcategory,
        "treatment_generic": t.generic,
        "original_request": d.original_request,
        "authorized": d.authorized,
        "outcome": d.outcome._value_,
        **_basis_cells("ca", d.claims_administrator_basis),
        **_basis_cells("reviewer", d.reviewer_basis),
        "rationale": d.rationale,
    }


def _basis_cells(prefix: str, basis: GuidelineBasis) -> Row:
    cites = basis.citations
    if not cites:  # (only ever spread into a row: the shared cells are not changed)
        return _NO_CITATIONS[prefix]
    count, sources, mtus, titles, topics, pages = _BASIS_KEYS[prefix]
    return {
        count: len(cites),
        sources: _join([c.source for c in cites]),
        mtus: any(c.mtus for c in cites),
        titles: _join([c.title for c in cites]),
        topics: _join([topic for c in cites for topic in c.topics]),
        pages: _join([str(page) for c in cites for page in c.pages]),
    }


def _board_specialties(certifications: tuple[str, ...]) -> str | None:
    """The ``board_specialties`` cell: few reviewers' certifications recur across
    letters, and reading them (:func:`~imrparse.specialties.board_names`) is slow."""
    try:
        return _BOARD_CELLS[certifications]
    except KeyError:
        if len(_BOARD_CELLS) >= 4096:
            _BOARD_CELLS.clear()
        cell = _BOARD_CELLS[certifications] = _join(board_names(certifications))
        return cell


_BOARD_CELLS: dict[tuple[str, ...], str | None] = {}


_NO_CITATIONS: dict[str, Row] = {
    prefix: {count: 0, **dict.fromkeys(others)} for prefix, (count, *others) in _BASIS_KEYS.items()
}


def _iso(day: datetime.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _join(items: Iterable[str]) -> str | None:
    return SEPARATOR.join(items) or None


def to_dataframe(letters: Iterable[Letter] | Letter) -> pandas.DataFrame:
    """The rows of :func:`to_rows` as a :class:`pandas.DataFrame` with typed columns (one
    :class:`~imrparse.Letter` on its own, as :func:`to_rows` takes it).

    Needs pandas (``pip install "imrparse[dataframe]"``). Dates are ``datetime64``,
    ``outcome`` and ``sex`` are categoricals, whole numbers nullable ``Int64``, the
    ``*_mtus`` flags nullable ``boolean``; missing values are ``<NA>``/``NaT``.

    >>> import imrparse
    >>> frame = imrparse.to_dataframe([imrparse.parse(imrparse.examples.read_text("overturned"))])
    >>> str(frame["outcome"].dtype), str(frame["age"].dtype)
    ('category', 'Int64')
    """
    try:
        import pandas as pd
    except ImportError:
        raise ImportError('to_dataframe needs pandas: pip install "imrparse[dataframe]"') from None
    frame = pd.DataFrame.from_records(_rows(letters, "to_dataframe"), columns=list(COLUMNS))
    dtypes: dict[str, Any] = {
        **dict.fromkeys(INT_COLUMNS, "Int64"),
        **dict.fromkeys(BOOL_COLUMNS, "boolean"),
        **{name: pd.CategoricalDtype(values) for name, values in CATEGORIES.items()},
    }
    frame = frame.astype(dtypes)
    for name in DATE_COLUMNS:
        frame[name] = pd.to_datetime(frame[name], format="ISO8601")
    return frame
