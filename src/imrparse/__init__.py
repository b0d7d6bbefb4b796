"""imrparse: California IMR Final Determination Letters as typed records.

>>> import imrparse
>>> letter = imrparse.parse(imrparse.examples.read_text("overturned"))
>>> letter.layout
'fdl-2014'
"""

from __future__ import annotations

from . import examples, layouts
from .batch import parse_many
from .categories import reclassify
from .convert import converter, from_dict, from_json, to_dict, to_json
from .errors import ParseError
from .lexicons import load_lexicons
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
    Token,
    TokenKind,
    Treatment,
)
from .render import render
from .table import to_dataframe, to_rows
from .tokenizer import tokenize

__version__ = "0.1.0"

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
    "reclassify",
    "render",
    "split_letters",
    "to_dataframe",
    "to_dict",
    "to_json",
    "to_rows",
    "tokenize",
]
