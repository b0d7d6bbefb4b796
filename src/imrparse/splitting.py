"""Where one letter ends and the next begins, in a text that holds several.

Users merge PDFs and concatenate text files, so one text may hold several letters. The
rule that finds them works on the scanned lines and the layouts' declarations only:

- a letter *opens* with its layout's first section (:attr:`Vocabulary.openings`: for
  the main layouts ``HOW THE IMR FINAL DETERMINATION WAS MADE``);
- an opening heading starts a new letter when the letter before it is complete: it has
  at least two other headings that are layout marks (for the main layouts, the case
  summary and the decisions section). A heading repeated inside one letter (a page
  header, a duplicated section) therefore starts nothing;
- the text after the last such start must be a letter too (two marks of its own), or
  the start is dropped;
- a letter's preamble (a header table, a cover page's case number: fields of
  :attr:`Vocabulary.preamble_fields`) belongs to the letter that follows it: the start
  moves back to the first such field before the opening heading, across no treatment
  header, part label or heading, and no further than :data:`_PREAMBLE_LINES` lines.

:func:`letter_starts` gives the starts as indexes into the lines; :func:`line_offsets`
turns line numbers into offsets into the text, so that the pieces cover it exactly.
"""

from __future__ import annotations

from typing import Final

from .layout_words import Vocabulary
from .line_kinds import _DETERMINATION, _FIELD, _HEADING, _PART
from .scanner import Line, line_starts, split_lines

__all__ = ["letter_starts", "line_offsets"]

_PREAMBLE_LINES: Final = 40
"""How many lines before an opening heading a letter's preamble may reach back."""
_LETTER_MARKS: Final = 2
"""How many marked headings besides its opening a piece of text needs to be a letter."""


def letter_starts(lines: list[Line], heads: list[int], keys: list[str], v: Vocabulary) -> list[int]:
    """The indexes into ``lines`` of the first line of every letter but the first.

    ``heads`` are the indexes of the heading lines and ``keys`` their matching keys, as
    the scan found them. Empty for a text that holds one letter (or none).
    """
    openings = v.openings
    if not openings or len(heads) < 2 * (_LETTER_MARKS + 1):
        return []  # (too few headings for two letters: the usual case, decided at once)
    marks = v.marks
    starts: list[int] = []
    seen: set[str] = set()  # the marked headings, besides an opening, of the current letter
    floor = 0
    for n, i in enumerate(heads):
        key = keys[n]
        if key in openings:
            if len(seen) >= _LETTER_MARKS:
                starts.append(_preamble_start(lines, i, floor, v))
                seen = set()
            floor = i + 1
        elif key in marks:
            seen.add(key)
            floor = i + 1
    if starts and len(seen) < _LETTER_MARKS:
        starts.pop()  # (what follows the last start is no letter: it stays in the one before)
    return starts


def _preamble_start(lines: list[Line], head: int, floor: int, v: Vocabulary) -> int:
    """Where the letter whose opening heading is ``lines[head]`` begins: at the first field
    of its preamble, if one stands shortly before the heading, else at the heading."""
    fields = v.preamble_fields
    start = head
    j = head - 1
    stop = max(floor, head - _PREAMBLE_LINES)
    while j >= stop:
        line = lines[j]
        kind = line.kind
        if kind is _HEADING or kind is _DETERMINATION or kind is _PART:
            break
        if kind is _FIELD and line.name in fields:
            start = j
        j -= 1
    return start


def line_offsets(text: str) -> list[int]:
    """The offset in ``text`` of the start of each line: item ``n - 1`` for line ``n``.

    Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r``, as the scanner reads them; the
    list has one item more than the text has line ends.
    """
    return line_starts(*split_lines(text))
