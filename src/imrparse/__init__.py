"""imrparse: California IMR Final Determination Letters as typed records.

imrparse reads the Final Determination Letters of California's workers' compensation
Independent Medical Review (as DWC publishes them, PDF or text) and turns each into a
:class:`Letter`: the case's dates, the reviewer, the case facts, and for every disputed
treatment the outcome, the guidelines each side cited and the rationale. Every problem
met is a :class:`Diagnostic` with its line and column, never an exception (unless
``strict=True``).

Reading letters
    parse(text)                 one letter's text -> Letter
    parse_file(path)            a .txt or .pdf file (PDF needs the "pdf" extra) -> Letter
    parse_many(paths or folder) many files or texts, in order, in processes (workers=N)
    find_letter_files(folder)   the .txt and .pdf files a folder holds
    parse_letters, parse_file_letters, split_letters
                                texts and files that hold several letters

Records (frozen attrs classes; help(imrparse.Letter) lists each field)
    Letter                      layout, case_number, priority, dates, reviewer, summary,
                                determinations, diagnostics, source; span(path)
    CaseDates, Reviewer, CaseSummary, Determination, Treatment, GuidelineBasis, Citation
    Diagnostic, Token, LetterText, Span
    Outcome, Category, Sex, Priority, Severity, TokenKind   (str enums)

Tables and serialisation
    to_rows(letters)            one flat dict per determination (columns: imrparse.table)
    to_dataframe(letters)       the same as a typed pandas DataFrame ("dataframe" extra)
    to_dict / from_dict, to_json / from_json, converter    whole records as JSON
    render(letter)              a letter back as canonical text

More
    tokenize(text)              the lossless line tokenizer
    load_lexicons, reclassify   the treatment lexicons, and reading treatments again
    examples                    example letters shipped with the package
    ParseError                  what strict parsing raises (.line, .column, .code)

The command line, ``imrparse parse|stats|demo``, is described by ``imrparse --help``;
the documentation is at https://imrparse.github.io/imrparse/.

>>> import imrparse
>>> letter = imrparse.parse(imrparse.examples.read_text("overturned"))
>>> letter.layout
'fdl-2014'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import examples, layouts, readers
from .batch import parse_many
from .classifier import load_lexicons, reclassify
from .errors import ParseError
from .parser import parse, parse_letters, split_letters
from .paths import find_letter_files
from .reading import parse_file, parse_file_letters
from .records import (
    CaseDates,
    CaseSummary,
    Category,
    Citation,
    Determination,
    Diagnostic,
    GuidelineBasis,
    Letter,
    LetterText,
    Outcome,
    Priority,
    Reviewer,
    Severity,
    Sex,
    Span,
    Token,
    TokenKind,
    Treatment,
)
from .render import render
from .table import to_dataframe, to_rows
from .tokenizer import tokenize

if TYPE_CHECKING:
    from .convert import converter, from_dict, from_json, to_dict, to_json

__version__ = "0.1.0"

# Loaded when first used (cattrs takes a while to import, and parsing never needs it).
_LATER = dict.fromkeys(("converter", "from_dict", "from_json", "to_dict", "to_json"), ".convert")


def __getattr__(name: str) -> Any:
    """The public names loaded when first used (see ``_LATER``)."""
    where = _LATER.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(where, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LATER))


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
    "ParseError",
    "Priority",
    "Reviewer",
    "Severity",
    "Sex",
    "Span",
    "Token",
    "TokenKind",
    "Treatment",
    "__version__",
    "converter",
    "examples",
    "find_letter_files",
    "from_dict",
    "from_json",
    "layouts",
    "load_lexicons",
    "parse",
    "parse_file",
    "parse_file_letters",
    "parse_letters",
    "parse_many",
    "readers",
    "reclassify",
    "render",
    "split_letters",
    "to_dataframe",
    "to_dict",
    "to_json",
    "to_rows",
    "tokenize",
]
