"""The rows of spans a letter stores, made from where its readers placed its values.

Each reader places a value as a row (:data:`~imrparse.spans.Row`: path, offsets,
line, column, page 0); :func:`resolve` gives the letter's rows their pages, and moves
the offsets past a running page header that the scanner cut from inside a line. A
letter cut from a longer text has its rows moved to their place in it
(:func:`shift_rows`); a PDF's rows get its pages (:func:`paged`).
"""

from __future__ import annotations

from bisect import bisect_right

from .page_marks import running_headers
from .records import Letter
from .scanner import Line
from .spans import Row

__all__ = ["SpanRow", "paged", "position", "require_spans", "resolve", "shift_rows"]

SpanRow = tuple[str, int, int, int, int, int]
"""One value's span as a letter stores it (:attr:`imrparse.Letter.spans`): path, start
and end offsets, line and column of the start, and page (0 where the text has no pages).
The same rows as :data:`imrparse.spans.Row`, which declares them of any length for the
compiled modules."""


def resolve(text: str, rows: list[Row], cut: list[Line]) -> tuple[SpanRow, ...]:
    """The letter's ``rows`` (as its readers made them, page 0), each in ``text``, with its
    page (by form feeds). ``cut`` are the lines a running page header was cut from: where
    one stood inside the line's text, the offsets after it (which count without it) are
    moved past it."""
    inside = _inside_headers(text, cut) if cut else []
    if inside:
        rows = _past_headers(rows, inside)
    if "\f" not in text:  # (the usual case: the rows as made)
        return tuple(rows)
    feeds = _feeds(text)
    return tuple(
        [
            (path, start, end, line, column, bisect_right(feeds, start) + 1)
            for path, start, end, line, column, _ in rows
        ]
    )


def position(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of ``offset`` in ``text``."""
    line_start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    line = text.count("\n", 0, offset) + text.count("\r", 0, offset) - text.count("\r\n", 0, offset)
    return line + 1, offset - line_start + 1


def _inside_headers(
    text: str, cut: list[Line]
) -> list[tuple[int, int, int, list[tuple[int, int]]]]:
    """The lines whose page header was cut from inside their text: where the text (as the
    scanner counts it, without the header) starts and ends, where the line starts, and
    the headers' places in the line as written."""
    inside: list[tuple[int, int, int, list[tuple[int, int]]]] = []
    for cut_line in cut:
        content = cut_line.content
        if not content:
            continue
        begin = cut_line.offset
        stop = text.find("\n", begin)
        if "\r" in text:
            stop = min(i for i in (stop, text.find("\r", begin), len(text)) if i >= 0)
        raw = text[begin : stop if stop >= 0 else len(text)]
        if raw.find(content) >= 0:
            continue  # (cut before or after its text: its columns are the line's)
        first = cut_line.column - 1
        feed = raw.find("\f", first)  # (a piece of a line cut at a form feed)
        headers = [
            m.span()
            for m in running_headers(raw[: feed if feed >= 0 else len(raw)])
            if m.start() >= first
        ]
        inside.append((begin + first, begin + first + len(content), begin, headers))
    return inside


def _past_headers(
    rows: list[Row], inside: list[tuple[int, int, int, list[tuple[int, int]]]]
) -> list[Row]:
    """``rows`` with the offsets in the lines ``inside`` (see :func:`_inside_headers`)
    moved to the line as written."""
    moved: list[Row] = []
    for path, start, end, line, column, page in rows:
        for low, high, begin, headers in inside:
            if low <= start <= high:
                start = begin + _written(headers, start - begin, False)
                column = start - begin + 1
            if low <= end <= high:
                end = begin + _written(headers, end - begin, True)
        moved.append((path, start, end, line, column, page))
    return moved


def _written(headers: list[tuple[int, int]], at: int, end: bool) -> int:
    """A place in a line without its page ``headers`` (their spans in the line as
    written), in the line as written."""
    for start, stop in headers:
        if at > start or (at == start and not end):
            at += stop - start
    return at


def _feeds(text: str) -> list[int]:
    """The offsets of the form feeds in ``text``."""
    feeds: list[int] = []
    at = text.find("\f")
    while at >= 0:
        feeds.append(at)
        at = text.find("\f", at + 1)
    return feeds


def shift_rows(
    rows: tuple[SpanRow, ...], whole: str, offset: int, lines: int
) -> tuple[SpanRow, ...]:
    """The spans of a letter cut from the text ``whole``, moved to their place in it:
    ``offset`` characters and ``lines`` lines stand before the letter."""
    feeds = _feeds(whole)
    found: tuple[Row, ...] = rows  # (their numbers passed on as the objects they are)
    return tuple(
        [
            (
                row[0],
                row[1] + offset,
                row[2] + offset,
                row[3] + lines,
                row[4],
                bisect_right(feeds, row[1] + offset) + 1 if feeds else 0,
            )
            for row in found
        ]
    )


def paged(rows: tuple[SpanRow, ...], starts: list[int]) -> tuple[SpanRow, ...]:
    """The spans with their pages told by ``starts``, where each page starts in the text
    (a PDF's pages, which its text joins by line breaks)."""
    if not starts:
        return rows
    found: tuple[Row, ...] = rows  # (their numbers passed on as the objects they are)
    return tuple(
        [(row[0], row[1], row[2], row[3], row[4], bisect_right(starts, row[1])) for row in found]
    )


def require_spans(letter: Letter, what: str) -> None:
    """Raise ``ValueError`` for a letter parsed with ``spans=False`` (it has values, a
    determination at least, but no spans), which ``what`` cannot show."""
    if letter.determinations and not letter.spans:
        raise ValueError(
            f"{what} needs the letter's spans, and {letter.case_number or 'this letter'} "
            "was parsed with spans=False: parse it with spans=True (the default)"
        )
