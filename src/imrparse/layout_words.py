"""What the registered layouts give the pipeline: the words one scan recognises, and
the marks that tell the layouts apart.

:func:`imrparse.layouts.vocabulary` builds one :class:`Vocabulary` from every registered
layout (and builds it again when the registry changes); the scanner classifies lines
with its word tables and :meth:`Vocabulary.best` scores the layouts on what the scan
found. Keys are matching keys (:func:`~imrparse.wordlists.match_key`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from .enums import TokenKind

__all__ = ["OPENING_ROW", "Vocabulary", "ocr_key", "opening_pairs"]

_REMEMBERED: Final = 1024
"""How many combinations of headings and fields :meth:`Vocabulary.best` remembers."""

REMEMBERED_LINES: Final = 4096
"""How many lines the scanner's classifications :attr:`Vocabulary.recognised` remembers."""


def _initials(keys: Iterable[str]) -> frozenset[str]:
    """The first letters of upper-case keys, in either case: a text that starts with
    any other ASCII character can't fold to one of the keys."""
    return frozenset(c for key in keys for c in (key[0], key[0].lower()))


# What ocr_key reads each slip as, in the order it replaces them ("RN" after the blanks:
# "R N" is an "M" too).
_SLIPS: Final[tuple[tuple[str, str], ...]] = (
    (" ", ""),
    ("\t", ""),
    ("\u00a0", ""),
    ("1", "I"),
    ("L", "I"),
    ("|", "I"),
    ("0", "O"),
    ("5", "S"),
    ("8", "B"),
    ("RN", "M"),
)


def ocr_key(key: str) -> str:
    """A label's matching key as OCR slips leave it comparable: spaces dropped, ``1``, ``L``,
    ``|`` read as ``I``, ``0`` as ``O``, ``5`` as ``S``, ``8`` as ``B``, ``RN`` as ``M``.

    >>> ocr_key("STATE(S) OFLICENSURE") == ocr_key("STATE(S) OF LICENSURE")
    True
    """
    # One str.replace a slip the key holds, in this order: no replacement is a character
    # another one replaces, so one after another they make what all at once would.
    # (Compiled, each test and replace is a direct call; a translate of the key's bytes
    # costs three times as much: encode, translate and decode are generic calls.)
    for slip, read in _SLIPS:
        if slip in key:
            key = key.replace(slip, read)
    return key


# ASCII white space, as str.split() reads it (see opening_pairs).
_ASCII_SPACE: Final = " \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"

OPENING_ROW: Final = 0x81
"""The length of a row of :func:`opening_pairs`' table: one column for each ASCII character
that may stand second on a line, and one (the last) for any other character."""


def opening_pairs(keys: Iterable[str], initials: frozenset[str]) -> list[bool]:
    """Which first two characters a line may have whose matching key is one of ``keys`` and
    whose first character is one of ``initials``, as a table: a first ASCII character's code
    times :data:`OPENING_ROW`, plus the second's code (``0x80`` for any character not ASCII,
    0 when there is none).

    The second character is told by its code: in the key it is that character in upper case,
    or a blank for white space; a line of one character, or one whose second is not ASCII, is
    only asked its first. (Lines whose first character is not ASCII are for the caller.)
    """
    table = [False] * (0x80 * OPENING_ROW)
    for key in keys:
        for first in {key[0], key[0].lower()}:
            if first not in initials or ord(first) > 0x7F:
                continue
            row = ord(first) * OPENING_ROW
            table[row] = table[row + 0x80] = True
            if len(key) < 2:
                seconds = [chr(code) for code in range(0x80)]
            elif key[1] == " ":
                seconds = list(_ASCII_SPACE)
            else:
                seconds = [key[1], key[1].lower()]
            for second in seconds:
                if ord(second) < 0x80:
                    table[row + ord(second)] = True
    return table


def _slipped(parts: dict[str, str], fields: dict[str, str]) -> dict[str, tuple[bool, str]]:
    found: dict[str, tuple[bool, str]] = {}
    ambiguous: set[str] = set()
    for table, is_part in ((parts, True), (fields, False)):
        for key, name in table.items():
            slip = ocr_key(key)
            if slip in found and found[slip] != (is_part, name):
                ambiguous.add(slip)
            found[slip] = (is_part, name)
    for slip in ambiguous:
        del found[slip]
    return found


class Vocabulary:
    """The union of the registered layouts' words, and the index that detects a layout.

    A heading line is named by its key (without a trailing colon): which section it
    opens is for the layout to say. ``layouts`` are the registered layouts in order and
    ``marks`` maps each mark (a heading's key, or ``"field:"`` and a field's name) to the
    indexes of the layouts it counts for, with its weight.
    """

    def __init__(
        self,
        headings: dict[str, str],
        colon_headings: dict[str, str],
        parts: dict[str, str],
        fields: dict[str, str],
        outcomes: dict[str, str],
        layouts: tuple[object, ...] = (),
        marks: dict[str, list[tuple[int, int]]] | None = None,
        openings: frozenset[str] = frozenset(),
        preamble_fields: frozenset[str] = frozenset(),
    ) -> None:
        self.headings: dict[str, str] = headings
        """Headings that may stand alone on a line (a trailing colon is allowed) -> key."""
        self.colon_headings: dict[str, str] = {**colon_headings, **headings}
        """Every heading, for a line that ends in a colon -> key."""
        self.parts: dict[str, str] = parts
        """Labels that open a part of a determination -> the part's role."""
        self.fields: dict[str, str] = fields
        """Labels of fields (``Label: value``) -> the field's name."""
        self.outcomes: dict[str, str] = outcomes
        """Outcome words of treatment headers -> the outcome's value."""
        self.layouts: tuple[object, ...] = layouts
        """The registered layouts, in the order they were registered."""
        self.marks: dict[str, list[tuple[int, int]]] = marks if marks is not None else {}
        """Mark -> (index into ``layouts``, weight) for each layout it counts for."""
        self.openings: frozenset[str] = openings
        """Keys of the headings that open a letter: each layout's first section's."""
        self.preamble_fields: frozenset[str] = preamble_fields
        """Names of the fields that stand before a letter's first section (a header table's,
        a cover page's case number): where a letter that follows another begins."""
        labels = [*parts, *fields, *self.colon_headings]
        self.labels: dict[str, tuple[str | None, str | None, str | None]] = {
            key: (parts.get(key), fields.get(key), self.colon_headings.get(key)) for key in labels
        }
        """Label -> what it names as a part's label, a field's, a heading's (``None`` where it is
        none): one lookup of a line's label where one a table would be."""
        self.longest_label: int = max(map(len, labels), default=0) + 8
        self.label_initials: frozenset[str] = _initials(labels)
        self.longest_outcome: int = max(map(len, outcomes), default=0) + 8
        self.outcome_initials: frozenset[str] = _initials(outcomes)
        self.longest_heading: int = max(map(len, headings), default=0) + 8
        self.heading_initials: frozenset[str] = _initials(headings)
        self.heading_openings: list[bool] = opening_pairs(
            self.colon_headings, self.heading_initials
        )
        """:func:`opening_pairs` of every heading (the scanner's cheap test of a line that
        might be one, read natively where a set would be searched)."""
        self.slipped: dict[str, tuple[bool, str]] = _slipped(parts, fields)
        """Labels as OCR may print them (:func:`ocr_key`: no spaces, ``1``/``l``/``I`` and
        ``0``/``O`` alike, ``rn`` for ``m``) -> (a part's label?, its name); a form that two
        labels share is left out (ambiguous)."""
        self.longest_slip: int = max(map(len, self.slipped), default=0)
        """The length of the longest key of :attr:`slipped`."""
        self.heading_ends: frozenset[str] = frozenset(
            form
            for key in self.colon_headings
            for word in (key.rsplit(" ", 1)[-1],)
            for written in (word, word.capitalize())
            for form in (written, written + ":")
        )
        """The last words of the headings, in capitals or capitalised, with and without a
        colon: a line that ends in none of them has no heading run onto its end."""
        # Letters of one layout have the same few headings: best() remembers its answers.
        self._known: dict[tuple[str, ...], int] = {}
        self.recognised: dict[str, tuple[TokenKind, str]] = {}
        """Lines the scanner classified with these words -> their kind and name (see
        ``imrparse.line_kinds._recognise_remembered``): letters repeat their headings, labels
        and fixed sentences word for word."""

    def best(self, headings: list[str], header_fields: list[str]) -> int:
        """The index of the layout whose marks a letter has the most weight of, or -1
        when it has none; ties go to the layout registered first."""
        seen = (*headings, "", *header_fields)
        known = self._known.get(seen)
        if known is None:
            if len(self._known) >= _REMEMBERED:
                self._known.clear()
            known = self._known[seen] = self._score(headings, header_fields)
        return known

    def _score(self, headings: list[str], header_fields: list[str]) -> int:
        scores = [0] * len(self.layouts)
        marks = self.marks
        for key in headings:
            for n, weight in marks.get(key, ()):
                scores[n] += weight
        for name in header_fields:
            for n, weight in marks.get("field:" + name, ()):
                scores[n] += weight
        best = max(scores, default=0)
        return scores.index(best) if best > 0 else -1
