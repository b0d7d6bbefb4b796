"""``parse``: from a letter's text to a :class:`~imrparse.Letter`.

The work is done in :mod:`imrparse.pipeline` (scanner, grammar, readers, merge); this
module is the public door to it: it checks the argument,
keeps the lenient contract (a bug inside becomes an ``internal-error`` diagnostic,
not a traceback) and, with ``strict=True``, raises the first error.

(The door is kept apart from the pipeline because the pipeline's modules are compiled
with mypyc in a wheel, and compiled functions lose their docstrings.)
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import TypeVar, cast

from .diagnostics import Collector
from .errors import ParseError
from .pipeline import cut, read_each, read_first
from .records import Letter, LetterText, Severity

__all__ = ["parse", "parse_letters", "raise_first_error", "split_letters"]

_LONG_TEXT = 200_000
"""Characters: a text longer than this is parsed with the cyclic garbage collector paused
(the letters themselves are 5 to 30 KB)."""


def parse(text: str, *, strict: bool = False, spans: bool = True) -> Letter:
    """Parse the text of one letter into a :class:`~imrparse.Letter`.

    Lenient by default: for any ``str`` a ``Letter`` comes back, with every
    problem recorded in ``Letter.diagnostics``. With ``strict=True``, the first
    error-level diagnostic is raised as :class:`~imrparse.ParseError`.

    The letter records where each value stands in ``text`` (:meth:`Letter.span
    <imrparse.Letter.span>`). ``spans=False`` leaves that out, for a batch that only
    wants the values: the readers skip the work (about a tenth of a parse) and
    :attr:`Letter.spans <imrparse.Letter.spans>` is empty; every value is the same.

    >>> import imrparse
    >>> letter = imrparse.parse(imrparse.examples.read_text("overturned"))
    >>> [(d.treatment.name, d.outcome.value) for d in letter.determinations]
    [('Baclofen', 'overturned')]
    >>> imrparse.parse("not a letter").diagnostics[0].code
    'no-letter'
    >>> imrparse.parse("not a letter", strict=True)
    Traceback (most recent call last):
    ...
    imrparse.errors.ParseError: line 1, column 1: no section of an IMR letter was recognised [no-letter]

    :raises TypeError: when ``text`` is not a ``str``.
    :raises ParseError: in strict mode, on the first error-level problem.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() needs a str, not {type(text).__name__}")
    letter = _guarded(read_first, text, spans)
    if strict:
        raise_first_error(letter)
    return letter


def split_letters(text: str) -> tuple[LetterText, ...]:
    """Split a text that may hold several letters into the letters' texts, in order.

    Users merge PDFs and concatenate files; :func:`parse` reads the first letter of such
    a text and reports the rest with a ``several-letters`` error. This finds where each
    letter begins, from the layouts' declarations: the heading that opens a letter of
    its layout (``HOW THE IMR FINAL DETERMINATION WAS MADE``), after a complete letter,
    moved back to the header table or case number field that stands before it. The
    pieces cover the text exactly: ``"".join(p.text for p in pieces) == text``. A text
    of one letter (or of none, or empty) is one piece.

    >>> import imrparse
    >>> one = imrparse.examples.read_text("overturned")
    >>> two = one + imrparse.examples.read_text("header-2016")
    >>> pieces = imrparse.split_letters(two)
    >>> [(p.first_line, p.last_line) for p in pieces]
    [(1, 73), (74, 135)]
    >>> pieces[1].text[:26], "".join(p.text for p in pieces) == two
    ('Case Number: CM16-0000001 ', True)

    :raises TypeError: when ``text`` is not a ``str``.
    """
    if not isinstance(text, str):
        raise TypeError(f"split_letters() needs a str, not {type(text).__name__}")
    return cut(text)


def parse_letters(text: str, *, strict: bool = False, spans: bool = True) -> tuple[Letter, ...]:
    """Parse every letter of a text that may hold several, in order.

    A text of one letter gives what :func:`parse` gives, alone. A text of several (see
    :func:`split_letters`) gives one :class:`~imrparse.Letter` per letter, each with its
    lines in the text in :attr:`~imrparse.Letter.source_lines` and its diagnostics' lines
    counted in the whole text. ``spans`` is as for :func:`parse`.

    >>> import imrparse
    >>> text = imrparse.examples.read_text("overturned")
    >>> imrparse.parse(text * 3).diagnostics[-1].code
    'several-letters'
    >>> letters = imrparse.parse_letters(text * 3)
    >>> [(letter.ok, letter.source_lines) for letter in letters]
    [(True, (1, 72)), (True, (73, 144)), (True, (145, 216))]

    :raises TypeError: when ``text`` is not a ``str``.
    :raises ParseError: in strict mode, on the first error-level problem of any letter.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_letters() needs a str, not {type(text).__name__}")
    letters = _guarded(read_each, text, spans)
    if strict:
        for letter in letters:
            raise_first_error(letter)
    return letters


R = TypeVar("R", Letter, tuple[Letter, ...])


def _guarded(read: Callable[[str, bool], R], text: str, spans: bool) -> R:
    """``read(text, spans)`` under the lenient contract: a bug inside becomes an
    ``internal-error`` diagnostic, not a traceback."""
    # A long text makes millions of small tuples, and the cyclic garbage collector's full
    # passes over them grow faster than the text (twice the parse itself at 2 MB); the
    # parse makes no reference cycles, so a long one runs without it.
    pause = len(text) > _LONG_TEXT and gc.isenabled()
    if pause:
        gc.disable()
    try:
        return read(text, spans)
    except Exception as exc:  # the lenient contract: report, never raise
        diag = Collector()
        diag.add("internal-error", f"{type(exc).__name__}: {exc}")
        letter = Letter(diagnostics=tuple(diag.items))
        return cast(R, letter if read is read_first else (letter,))
    finally:
        if pause:
            gc.enable()


def raise_first_error(letter: Letter) -> None:
    """Raise the letter's first error-level diagnostic as a :class:`ParseError`."""
    for item in letter.diagnostics:
        if item.severity is Severity.ERROR:
            raise ParseError(item.message, line=item.line, column=item.column, code=item.code)
