"""The shapes a value of the header table may have: a date, a case number, a word, a token.

:func:`fits_shape` tells whether one whitespace-free token has a field's shape; the header
table's reader (:mod:`imrparse.extractors.header`) pairs a label only with a value of its
field's shape.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "SHAPES",
    "SHAPE_CASE_NUMBER",
    "SHAPE_DATE",
    "SHAPE_TOKEN",
    "SHAPE_WORD",
    "fits_shape",
    "numeric_date",
]

SHAPE_DATE: Final = "date"
"""A numeric date, month first: month, day, year (``1/2/2016``, ``01-02-16``, ``1.2.2016``)."""
SHAPE_CASE_NUMBER: Final = "case-number"
"""Letters, two digits, a hyphen, digits: ``CM16-0001234``."""
SHAPE_WORD: Final = "word"
"""One word of letters only: ``Standard``, ``Expedited``."""
SHAPE_TOKEN: Final = "token"
"""Any whitespace-free token not ending with a colon: the shape of a field given none."""
SHAPES: Final = frozenset({SHAPE_DATE, SHAPE_CASE_NUMBER, SHAPE_WORD, SHAPE_TOKEN})
"""The shape names :func:`read_header_table` accepts."""


def numeric_date(text: str) -> tuple[int, int, int, int]:
    """The month, day, year and the year's digit count of a numeric date, month first:
    month, day and year in ASCII digits (one or two, one or two, two or four of them),
    between one separator ("/", "-" or ".") written twice; ``(0, 0, 0, 0)`` for any other
    text (no year has no digits).

    >>> numeric_date("11/30/2016"), numeric_date("3-1-08"), numeric_date("3-1-2008x")
    ((11, 30, 2016, 4), (3, 1, 8, 2), (0, 0, 0, 0))
    """
    # (Compiled, a tuple of native ints is returned unboxed: no object is made; ``None``
    # for no date would box every result.)
    # (Written out: compiled, this loop over native ints costs a tenth of a regex call,
    # and reading the numbers as it goes spares a split() and three int() calls.)
    month = day = year = 0  # each part's value so far
    month_digits = day_digits = year_digits = 0  # the digits of each part so far
    part = 0  # the part the next digit belongs to
    sep = 0  # the separator's code point, once seen
    for i in range(len(text)):  # (compiled, a str's characters are read natively by index)
        code = ord(text[i])
        if 48 <= code <= 57:  # 0-9
            if part == 0:
                month = month * 10 + code - 48
                month_digits += 1
            elif part == 1:
                day = day * 10 + code - 48
                day_digits += 1
            else:
                year = year * 10 + code - 48
                year_digits += 1
        elif (code == 47 or code == 45 or code == 46) and (sep == 0 or sep == code) and part < 2:
            sep = code  # ("/", "-", ".")
            part += 1
        else:
            return 0, 0, 0, 0
    if (
        part == 2
        and 1 <= month_digits <= 2
        and 1 <= day_digits <= 2
        and (year_digits == 2 or year_digits == 4)
    ):
        return month, day, year, year_digits
    return 0, 0, 0, 0


def _is_date(text: str) -> bool:
    """Whether ``text`` is a numeric date, month first (see :func:`numeric_date`)."""
    return numeric_date(text)[3] > 0


def _is_case_number(text: str) -> bool:
    """ASCII letters, two ASCII digits, a hyphen, ASCII digits (one at least)."""
    hyphen = text.find("-")
    if hyphen < 3 or hyphen == len(text) - 1:
        return False
    # (Written out: compiled, a loop over code points costs less than the slices and the
    # isascii() calls, generic ones, that the tests of each part cost.)
    for i in range(len(text)):
        code = ord(text[i])
        if i < hyphen - 2:
            if not 97 <= code | 0x20 <= 122:  # (A-Z, a-z)
                return False
        elif i != hyphen and not 48 <= code <= 57:  # (0-9)
            return False
    return True


def fits_shape(text: str, shape: str) -> bool:
    """Whether the token ``text`` has the shape ``shape`` (one of :data:`SHAPES`).

    >>> fits_shape("11/30/2016", "date"), fits_shape("CM16-0001234", "date")
    (True, False)
    """
    if shape == SHAPE_DATE:
        return _is_date(text)
    if shape == SHAPE_CASE_NUMBER:
        return _is_case_number(text)
    if shape == SHAPE_WORD:
        return text.isalpha()
    if shape == SHAPE_TOKEN:
        return bool(text) and not text.endswith(":") and not any(ch.isspace() for ch in text)
    raise ValueError(f"unknown shape {shape!r}; expected one of {sorted(SHAPES)}")
