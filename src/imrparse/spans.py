"""Where each value of a letter stands in the text that was parsed.

A reader knows the lines it read a value from: each line's number, and the column where
its content starts. A value is joined from such pieces and cleaned
(:func:`~imrparse.cleaning.clean_lines`); an extractor finds it at an offset of the
cleaned text. A :class:`Source` holds the pieces of one cleaned text and maps offsets of
that text back to the text's offsets, lines and columns, at the time the reader reads:
it gives the value's row (:data:`Row`), the span the letter stores.
:func:`imrparse.spanrows.resolve` gives the letter's rows their pages, and
:meth:`imrparse.Letter.span` builds a :class:`~imrparse.Span` only when asked.

Cleaning joins lines and folds white space, so the cleaned text and the lines hold the
same characters other than white space: where the cleaned text is the lines simply
joined (the usual case) an offset maps by the lines' starts, else by counting the
characters that are not white space. (A character that cleaning repaired, mojibake,
can shift a span by a character; the property tests measure how often.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Final

from .cleaning import has_control_space, is_ascii, repair_characters
from .scanner import Line

__all__ = ["PATHS", "Row", "Source", "Where", "check_path", "determination_path", "keep"]

Where = tuple[int, ...]
"""Where a value stands: its start and end offsets in the text, and the line and column
(1-based) of its start. (Declared of any length, four in fact: a tuple of a fixed length
the compiled modules would take apart into machine integers wherever one is passed on,
and make anew of new ``int`` objects.)"""

Row = tuple[Any, ...]
"""One value's span as a letter stores it (:data:`~imrparse.spanrows.SpanRow`: path,
start and end offsets, line and column of the start, page), as the readers make it
while they read (page 0; :func:`~imrparse.spanrows.resolve` gives the pages). (Declared
of any length for the reason :data:`Where` is.)"""


PATHS: Final = (
    "case_number",
    "priority",
    "dates.<application_received|date_assigned|decision_date|ur_denial_date|date_of_injury>",
    "reviewer.title",
    "reviewer.licensed_states.<n>",
    "reviewer.board_certifications.<n>",
    "summary.<age|sex|date_of_injury|mechanism_of_injury>",
    "summary.diagnoses.<n>",
    "determinations.<n>.<treatment.text|outcome|original_request|authorized|rationale>",
    "determinations.<n>.<claims_administrator_basis|reviewer_basis>.citations.<n>",
)
"""The paths :meth:`~imrparse.Letter.span` takes (``<n>`` an index from 0)."""

_PATH: Final = (
    r"case_number|priority"
    r"|dates\.(?:application_received|date_assigned|decision_date|ur_denial_date|date_of_injury)"
    r"|reviewer\.(?:title|licensed_states\.\d+|board_certifications\.\d+)"
    r"|summary\.(?:age|sex|date_of_injury|mechanism_of_injury|diagnoses\.\d+)"
    r"|determinations\.\d+\.(?:treatment\.text|outcome|original_request|authorized|rationale"
    r"|(?:claims_administrator_basis|reviewer_basis)\.citations\.\d+)"
)
_COMPILED: Final[dict[str, re.Pattern[str]]] = {}
"""Patterns compiled when first used (not when the module is imported)."""


def _compiled(pattern: str) -> re.Pattern[str]:
    found = _COMPILED.get(pattern)
    if found is None:
        found = _COMPILED[pattern] = re.compile(pattern)
    return found


_DETERMINATIONS: Final[list[dict[str, str]]] = [{} for _ in range(32)]
"""The paths of the first 32 determinations' values, by their paths in the determination
(made when first asked, then shared; a later one's are made each time)."""


def determination_path(n: int, name: str) -> str:
    """The path of the value ``name`` (``"outcome"``) of the ``n``-th determination."""
    if n >= len(_DETERMINATIONS):
        return f"determinations.{n}.{name}"
    paths = _DETERMINATIONS[n]
    path = paths.get(name)
    if path is None:
        path = paths[name] = f"determinations.{n}.{name}"
    return path


def keep(rows: list[Row], row: Row | None) -> None:
    """Add ``row`` to ``rows``, unless it is ``None`` (the value was not found as read)."""
    if row is not None:
        rows.append(row)


def check_path(path: object) -> str:
    """``path`` if it names a value of a letter, else a ``ValueError`` naming the paths."""
    if not isinstance(path, str) or _compiled(_PATH).fullmatch(path) is None:
        raise ValueError(f"{path!r} names no value of a letter; paths are: " + ", ".join(PATHS))
    return path


_NO_NUMBERS: Final[list[int]] = []
"""The empty list every new :class:`Source` starts with (never added to: a list of its own
replaces it before anything is)."""


class Source:
    """The pieces of text that one cleaned value or paragraph was joined from, in order:
    each a :class:`~imrparse.scanner.Line` whose content is the piece, standing at its
    column of the line."""

    __slots__ = ("_cleaned", "_counted", "_counts", "_next", "_starts", "lines")

    def __init__(self) -> None:
        self.lines: list[Line] = []
        """The pieces: a line's own record where the piece is its content, else a record
        of the piece made from it (of one list, not a list of each of their attributes:
        compiled, a native record is read without boxing its numbers, and one list is
        cheaper to make, fill and free than three)."""
        self._cleaned: str | None = None
        """The cleaned text whose pieces :attr:`_starts` found, so far."""
        # (a list of their own is made when one is first needed: most sources are
        # asked once or not at all, and no piece needs counting)
        self._starts: list[int] = _NO_NUMBERS
        self._next: int = 0
        self._counts: list[int] = _NO_NUMBERS
        """How many characters that cleaning keeps, other than white space, the pieces
        before each piece give (as far as a value has asked)."""
        self._counted: int = 0
        """How many the pieces counted so far give."""

    @staticmethod
    def of(lines: list[Line]) -> Source:
        """The source of the lines' contents (lines without content are passed over)."""
        source = Source()  # (not ``cls()``: a call the compiled module makes directly)
        source.lines = [line for line in lines if line.content]
        return source

    def extend(self, lines: list[Line]) -> None:
        """Add the lines' contents, each a piece (lines without content are passed over)."""
        kept = self.lines
        for line in lines:
            if line.content:
                kept.append(line)
        self._cleaned = None

    def add(self, line: Line, column: int, text: str) -> None:
        """Add a piece: ``text`` standing at ``column`` of ``line`` (white space around it is
        no part of it)."""
        stripped = text.strip()
        if stripped:
            # (strip() gives the text itself where it strips nothing: then nothing leads it)
            at = column if stripped is text else column + len(text) - len(text.lstrip())
            if at == line.column and stripped == line.content:
                self.lines.append(line)  # (the piece is the line's content: its own record)
            else:
                piece = Line(
                    line.kind,
                    line.number,
                    stripped,
                    at,
                    line.artifacts,
                    line.gap,
                    line.name,
                    line.offset,
                )
                self.lines.append(piece)
            self._cleaned = None

    def plus(self, line: Line) -> Source:
        """A new source: these pieces, then ``line``'s content."""
        source = Source()
        source.lines = [*self.lines, line]
        return source

    def _at(self, k: int, place: int) -> int:
        """The offset in the text of ``place`` characters into piece ``k``."""
        piece = self.lines[k]
        return piece.offset + piece.column - 1 + place

    def find(self, path: str, cleaned: str, value: str, after: int = 0) -> Row | None:
        """The row of the value ``path``, ``value`` as found in ``cleaned`` (the pieces
        cleaned) from offset ``after``."""
        at = cleaned.find(value, after) if value else -1
        return self.locate(path, cleaned, at, at + len(value)) if at >= 0 else None

    def locate(self, path: str, cleaned: str, start: int, end: int) -> Row | None:
        """The row of the value ``path`` that is ``cleaned[start:end]``, ``cleaned`` being
        the pieces cleaned."""
        pieces = self.lines
        if not pieces or not 0 <= start < end <= len(cleaned):
            return None
        if len(pieces) == 1 and cleaned == pieces[0].content:  # (one piece, as written)
            piece = pieces[0]
            begin = piece.offset + piece.column - 1
            return (path, begin + start, begin + end, piece.number, piece.column + start, 0)
        if cleaned is not self._cleaned:
            self._cleaned = cleaned
            self._starts = []
            self._next = 0
        starts = self._starts
        if self._walk(cleaned, end):  # (the usual case: cleaning only joined the lines)
            found = first = _piece(starts, start)
            head = pieces[first]
            if start - starts[first] >= len(head.content):  # (the space between two)
                first += 1
                head = pieces[first]
            last = _piece(starts, end - 1, found)  # (at or after the piece of the start)
            tail = pieces[last]
            column = head.column + start - starts[first]
            begin = head.offset + column - 1
            stop = tail.offset + tail.column + end - starts[last] - 1
            return (path, begin, stop, head.number, column, 0) if begin < stop else None
        return self._by_count(path, cleaned, start, end)

    def _walk(self, cleaned: str, end: int) -> bool:
        """Whether the cleaned text, as far as offset ``end``, is the pieces joined as
        :func:`~imrparse.cleaning.join_lines` joins them (one space between two, none after
        a hyphen glued to a word): only white space folded or characters repaired make it
        differ. The pieces are checked once each, as far as a value asks."""
        starts = self._starts
        pieces = self.lines
        n = len(starts)
        if n and starts[n - 1] + len(pieces[n - 1].content) >= end:
            return True
        at = self._next
        while n < len(pieces):
            text = pieces[n].content
            if cleaned[at : at + len(text)] != text:  # (a slice: cheaper compiled than a
                return False  # method call with a start, or a find with bounds)
            starts.append(at)
            n += 1
            at += len(text)
            self._next = at if _glues(text) else at + 1
            if at >= end:
                return True
            at = self._next
        return False

    def _by_count(self, path: str, cleaned: str, start: int, end: int) -> Row | None:
        """:meth:`locate` by counting the characters that are not white space."""
        # (the cleaned text holds single blanks only: the rest is not white space)
        before = cleaned.count(" ", 0, start)
        begin = start - before
        stop = end - before - cleaned.count(" ", start, end)  # (the prefix counted once)
        head = self._point(begin, False)
        tail = self._point(stop - 1, True)
        if head is None or tail is None:
            return None
        k, place = head
        last, after = tail
        begin = self._at(k, place)
        stop = self._at(last, after)
        if begin >= stop:
            return None
        piece = self.lines[k]
        return (path, begin, stop, piece.number, piece.column + place, 0)

    def _point(self, n: int, after: bool) -> tuple[int, int] | None:
        """The piece and the place in it of the ``n``-th character (from 0) of the cleaned
        text that is no white space, or just past it (``after``)."""
        pieces = self.lines
        counts = self._counts
        if counts is _NO_NUMBERS:
            counts = self._counts = []
        while self._counted <= n and len(counts) < len(pieces):
            counts.append(self._counted)
            self._counted += _kept(pieces[len(counts) - 1].content)
        first = _piece(counts, n)  # (the piece that holds it, if any does)
        n -= counts[first]
        text = pieces[first].content
        if is_ascii(text):
            for i in range(len(text)):
                # (the ASCII white space, told by its code point: compiled, read natively,
                # where a character made and asked isspace() costs ten times as much; most
                # characters are past the blank, told by one comparison)
                code = ord(text[i])
                if code > 32 or not (code == 32 or 9 <= code <= 13 or 28 <= code <= 31):
                    if n == 0:
                        return first, i + (1 if after else 0)
                    n -= 1
        else:
            for start, end, count in _units(text):
                if n < count:
                    return first, end if after else start
                n -= count
        return None


def _kept(text: str) -> int:
    """How many characters that cleaning keeps, other than white space, ``text`` gives."""
    if is_ascii(text):
        return len(text) - _spaces(text)
    return sum(count for _, _, count in _units(text))


def _piece(starts: list[int], offset: int, low: int = 0) -> int:
    """The last of ``starts`` (ascending, the first 0) at or before ``offset``, sought from
    the index ``low`` on (one at or before it): a binary search, cheaper compiled than a
    call of ``bisect``."""
    high = len(starts)
    while high - low > 1:
        middle = (low + high) // 2
        if starts[middle] <= offset:
            low = middle
        else:
            high = middle
    return low


def _glues(text: str) -> bool:
    """Whether a line ends in a hyphen glued to a word (the next is joined without a
    space), as :func:`~imrparse.cleaning.join_lines` says."""
    return text[-1] == "-" and len(text) > 1 and not (text[-2].isspace() or text[-2] == "-")


_UNIT: Final = r"[^\x00-\x7f]+|[^\s\x80-\U0010ffff]"


def _units(text: str) -> Iterator[tuple[int, int, int]]:
    """The pieces of a line that cleaning keeps as characters, with how many each gives:
    an ASCII character that is no white space gives one, a run of other characters what
    their repair gives (mojibake undone: "Ã©" gives one)."""
    for match in _compiled(_UNIT).finditer(text):
        unit = match.group()
        if is_ascii(unit):
            yield match.start(), match.end(), 1
        else:
            repaired = repair_characters(unit)[0]
            yield match.start(), match.end(), len(repaired) - _spaces(repaired)


def _spaces(text: str) -> int:
    """How many characters of ``text`` are white space (``str.isspace``), as cleaning folds
    them: ASCII text without tabs, form feeds, ``\r`` or the separators ``\x1c``-``\x1f``
    has only blanks."""
    if is_ascii(text) and not has_control_space(text):
        return text.count(" ")
    return sum(1 for char in text if char.isspace())
