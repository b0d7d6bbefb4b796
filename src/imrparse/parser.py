"""``parse``: from a letter's text to a :class:`~imrparse.Letter`.

The work is done in :mod:`imrparse.assemble` (the pipeline: scanner, grammar,
cleaning, extractors); this module is the public door to it: it checks the argument,
keeps the lenient contract (a bug inside becomes an ``internal-error`` diagnostic,
not a traceback) and, with ``strict=True``, raises the first error.

(The door is kept apart from the pipeline because the pipeline's modules are compiled
with mypyc in a wheel, and compiled functions lose their docstrings.)
"""

from __future__ import annotations

from .assemble import assemble
from .diagnostics import Collector
from .errors import ParseError
from .records import Letter, Severity

__all__ = ["parse", "raise_first_error"]


def parse(text: str, *, strict: bool = False) -> Letter:
    """Parse the text of one letter into a :class:`~imrparse.Letter`.

    Lenient by default: for any ``str`` a ``Letter`` comes back, with every
    problem recorded in ``Letter.diagnostics``. With ``strict=True``, the first
    error-level diagnostic is raised as :class:`~imrparse.ParseError`.

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
    diag = Collector()
    try:
        letter = assemble(text, diag)
    except Exception as exc:  # the lenient contract: report, never raise
        diag.add("internal-error", f"{type(exc).__name__}: {exc}")
        letter = Letter(diagnostics=tuple(diag.items))
    if strict:
        raise_first_error(letter)
    return letter


def raise_first_error(letter: Letter) -> None:
    """Raise the letter's first error-level diagnostic as a :class:`ParseError`."""
    for item in letter.diagnostics:
        if item.severity is Severity.ERROR:
            raise ParseError(item.message, line=item.line, column=item.column, code=item.code)
