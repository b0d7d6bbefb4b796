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

__all__ = ["Vocabulary", "ocr_key"]

_REMEMBERED: Final = 1024
"""How many combinations of headings and fields :meth:`Vocabulary.best` remembers."""


def _initials(keys: Iterable[str]) -> frozenset[str]:
    """The first letters of upper-case keys, in either case: a text that starts with
    any other ASCII character can't fold to one of the keys."""
    return frozenset(c for key in keys for c in (key[0], key[0].lower()))


# The one-character slips as a byte table, applied to the key's UTF-8 bytes: every byte it
# changes or drops is ASCII, and no multi-byte character holds an ASCII byte. (A str's
# translate() looks each distinct character up in a dict, raising KeyError for most:
# several times slower.)
_OCR_ALIKE: Final = bytes.maketrans(b"1L|058", b"IIIOSB")
_OCR_DROPPED: Final = b" \t"


def ocr_key(key: str) -> str:
    """A label's matching key as OCR slips leave it comparable: spaces dropped, ``1``, ``L``,
    ``|`` read as ``I``, ``0`` as ``O``, ``5`` as ``S``, ``8`` as ``B``, ``RN`` as ``M``.

    >>> ocr_key("STATE(S) OFLICENSURE") == ocr_key("STATE(S) OF LICENSURE")
    True
    """
    if "\u00a0" in key:
        key = key.replace("\u00a0", "")
    # ("surrogatepass": a str may hold a lone surrogate, and it comes back unchanged)
    raw = key.encode("utf-8", "surrogatepass").translate(_OCR_ALIKE, _OCR_DROPPED)
    return raw.decode("utf-8", "surrogatepass").replace("RN", "M")


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
        self.longest_label: int = max(map(len, labels), default=0) + 8
        self.label_initials: frozenset[str] = _initials(labels)
        self.longest_outcome: int = max(map(len, outcomes), default=0) + 8
        self.outcome_initials: frozenset[str] = _initials(outcomes)
        self.longest_heading: int = max(map(len, headings), default=0) + 8
        self.heading_initials: frozenset[str] = _initials(headings)
        self.slipped: dict[str, tuple[bool, str]] = _slipped(parts, fields)
        """Labels as OCR may print them (:func:`ocr_key`: no spaces, ``1``/``l``/``I`` and
        ``0``/``O`` alike, ``rn`` for ``m``) -> (a part's label?, its name); a form that two
        labels share is left out (ambiguous)."""
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
