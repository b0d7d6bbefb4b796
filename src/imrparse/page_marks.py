"""What PDF pages add to a letter's lines: running page headers and footers, page numbers.

A published letter repeats "Final Determination Letter for IMR Case Number CM15-0000000"
(its number redacted or missing) at the top of every page, often with "Page 2 of 5",
and extraction splices it into sentences. The scanner strips it from each line
(:func:`strip_artifacts`); a value joined from lines has a header wrapped over two lines
removed by :func:`~imrparse.cleaning.clean_lines`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

__all__ = [
    "is_page_number",
    "kept_start",
    "may_hold_page_header",
    "page_header_chances",
    "running_headers",
    "strip_artifacts",
]

# A running page header or footer: "Final Determination Letter for IMR Case Number
# CM15-0000000", its number redacted or missing, sometimes followed by the page
# number, and "Page 2 of 5" on its own. Every quantifier here is over a class that
# the next token cannot start with, so matching is linear.
_GAP: Final = (
    r"(?:[ \t\u00a0]|\u00c2\u00a0)"  # a space, tab or no-break space (also mis-decoded: "Â\xa0")
)
_ARTIFACT: Final = re.compile(
    rf"Final{_GAP}+Determination{_GAP}+Letter{_GAP}+for{_GAP}+IMR{_GAP}+Case{_GAP}+(?:Number|No\.?)"
    # The colon after "Case Number" is the header's only before its number, a page
    # number or the end of the line; otherwise it is the colon of the text around it
    # ("... L5-S1 <header>: Upheld").
    rf"(?:(?:{_GAP}*:)?{_GAP}*(?:CM\d{{2}}-\d{{3,8}}|[Xx*#\u2588\u25a0_]{{3,}}(?:-[Xx*#\u2588\u25a0_\d]+)?|\[redacted\])"
    rf"|{_GAP}*:(?={_GAP}*(?:$|Page{_GAP})))?"
    # A page number after the header is the footer's "Page 2 of 5", capitalised and
    # whole: prose after a spliced header may begin "page 41 of the guidelines".
    rf"(?:{_GAP}+(?-i:Page){_GAP}+\d{{1,3}}{_GAP}+of{_GAP}+\d{{1,3}})?",
    re.IGNORECASE,
)
_PAGE_NUMBER_LINE: Final = re.compile(
    rf"(?:Page{_GAP}+)?\d{{1,3}}{_GAP}+of{_GAP}+\d{{1,3}}|Page{_GAP}+\d{{1,3}}"
)


def may_hold_page_header(text: str, across_lines: bool = False) -> bool:
    """Cheap whole-text test: could any line hold a running page header?

    ``False`` only when no "Determination" is followed by white space and then
    an "L", as "Letter" is in every header; a letter's own prose says "Final
    Determination" but hardly ever "Determination Letter". Headers are looked
    for written as "Determination" or "DETERMINATION", the forms PDF text has.
    With ``across_lines``, line ends count as white space: could a header wrapped
    over lines stand in a value joined from them?
    """
    if "etermination" not in text and "ETERMINATION" not in text:
        return False  # the common case, for the short values clean_lines() sees
    across, within = page_header_chances(text)
    return across if across_lines else within


def page_header_chances(text: str) -> tuple[bool, bool]:
    """:func:`may_hold_page_header` with ``across_lines`` and without, from one pass over
    the text (a header on one line may stand wrapped over lines too)."""
    across = False
    # (no ``in`` test first: on a letter's text it would scan as far as the first find)
    for word in ("etermination", "ETERMINATION"):
        at = text.find(word)
        while at >= 0:
            at += len(word)
            # (a gap on one line is one across lines too: asked only where that one holds)
            if _gap_then_l(text, at, True):
                if _gap_then_l(text, at, False):
                    return True, True
                across = True
            at = text.find(word, at)
    return across, False


def _gap_then_l(text: str, at: int, across: bool) -> bool:
    """Whether what may stand between "Determination" and "Letter" in a header (blanks,
    tabs, no-break spaces, and the "Â" of a mis-decoded one), then an "L" or "l",
    stands at ``at``; with ``across``, line ends and form feeds count among the gap.

    (Written out: compiled, a loop over the few characters costs a small part of a
    regex match, a generic call.)
    """
    end = at
    while end < len(text):
        char = text[end]
        if not (
            char == " "
            or char == "\t"
            or char == "\u00a0"
            or char == "\u00c2"
            or (across and (char == "\n" or char == "\r" or char == "\f"))
        ):
            break
        end += 1
    return at < end < len(text) and text[end] in "Ll"


def is_page_number(line: str) -> bool:
    """Whether a stripped line is only a page number: ``Page 3 of 5``, ``3 of 5``, ``Page 3``."""
    # Every form starts with "P" or a digit: most lines need no regex. (Compiled, an ASCII
    # character is told by its code point; isdecimal() is a generic call.)
    if not line:
        return False
    code = ord(line[0])
    if code != 80 and not 48 <= code <= 57 and (code < 0x80 or not line[0].isdecimal()):
        return False
    # Every form starts with "Page" or holds "of": a date or a dose ("11/21/2016", "5 mg")
    # is told without the regex.
    if not (line.startswith("Page") or "of" in line):
        return False
    return _PAGE_NUMBER_LINE.fullmatch(line) is not None


def running_headers(text: str) -> Iterator[re.Match[str]]:
    """Every running page header in ``text`` ("Final Determination Letter for IMR Case
    Number ..."), in order.

    >>> [m.group() for m in running_headers("pain Final Determination Letter for IMR Case Number CM15-0000000 x")]
    ['Final Determination Letter for IMR Case Number CM15-0000000']
    """
    return _ARTIFACT.finditer(text) if may_hold_page_header(text) else iter(())


def kept_start(line: str) -> int:
    """Where in ``line`` the first character stands that :func:`strip_artifacts` keeps
    and that is not white space (``len(line)`` where there is none): its column, less one.

    >>> kept_start("Final Determination Letter for IMR Case Number CM15-0000000  Letter")
    61
    """
    at = 0
    for match in _ARTIFACT.finditer(line):  # (the matches strip_artifacts removes)
        if line[at : match.start()].strip():
            break  # what stands before this header is kept
        at = match.end()
    rest = line[at:]
    kept = rest.lstrip()
    return at + len(rest) - len(kept) if kept else len(line)


def strip_artifacts(line: str) -> tuple[str, int]:
    """Remove running page headers and footers from one line.

    Returns the line without them and how many were removed. A line that is only
    a page number ("Page 3 of 5") becomes empty.

    >>> strip_artifacts("the patient Final Determination Letter for IMR Case Number CM15-0000000 has")
    ('the patient  has', 1)
    """
    if "etermination" in line or "ETERMINATION" in line:
        line, count = _ARTIFACT.subn("", line)
    else:
        count = 0
    stripped = line.strip()
    if stripped and is_page_number(stripped):
        return "", count + 1
    return line, count
