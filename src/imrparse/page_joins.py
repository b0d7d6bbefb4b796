"""Whether a letter's pages join: a page lost, repeated or out of order shows at its edges.

A letter's text runs on from page to page: a page that starts mid-sentence follows one
that stopped mid-sentence, and a page that starts with a heading, a treatment header or
a part label follows one whose last sentence was whole. Where a form feed parts two
pages that do not join so, a page between them is missing or the pages are out of order,
and whatever value is read across that break joins text that does not belong together.
A page that repeats the page before it word for word is a merge that took it twice.

In the published letters every break joins (none of 376 page breaks over 69 letters in
four extractors' texts breaks either rule), so a break that does not is damage.
"""

from __future__ import annotations

from typing import Final

from .cleaning import is_page_number, strip_artifacts
from .line_kinds import classify, outcome_word
from .records import TokenKind

__all__ = ["Join", "broken_joins"]

_SENTENCE_ENDS: Final = (".", "!", "?", ":", '"', ")", "\u201d", "\u2019")
_STRUCTURE: Final = frozenset({TokenKind.HEADING, TokenKind.PART, TokenKind.DETERMINATION})


class Join:
    """A page break whose two sides do not join (``pages-do-not-join``), or a page that
    repeats the one before it (``repeated-page``)."""

    __slots__ = ("code", "column", "end", "line", "message", "start")

    def __init__(self, code: str, line: int, message: str, start: int, end: int) -> None:
        self.code: str = code
        self.line: int = line
        """The 1-based line of the first text on the later page."""
        self.column: int = 1
        self.message: str = message
        self.start: int = start
        """Where the later page starts in the text (after its form feed)."""
        self.end: int = end
        """Where the later page ends (at the next form feed, or the text's end)."""


def _text(line: str) -> str:
    """A line's text, running headers, footers and page numbers left out ("" if none)."""
    content = line.strip()
    if content and ("etermination" in content or "ETERMINATION" in content):
        content = strip_artifacts(content)[0].strip()
    if content and len(content) <= 20 and is_page_number(content):
        return ""
    return content


def _edges(page: str) -> tuple[str, str]:
    """The page's first and last lines of text ("" and "" for a page without text). Only
    the edges are read: a page joins its neighbours there."""
    first = last = ""
    start = 0
    while start <= len(page) and not first:
        end = page.find("\n", start)
        end = len(page) if end < 0 else end
        first = _text(page[start:end])
        start = end + 1
    if not first:
        return "", ""
    stop = len(page)
    while stop > 0 and not last:
        begin = page.rfind("\n", 0, stop) + 1
        last = _text(page[begin:stop])
        stop = begin - 1
    return first, last


def broken_joins(text: str) -> list[Join]:
    """The page breaks (form feeds) of ``text`` whose two sides do not join, and repeated
    pages, in order. (A first page that starts mid-sentence joins nothing before it.)"""
    pages = text.split("\f")
    if len(pages) < 2:
        return []
    found: list[Join] = []
    line = 1
    offset = 0
    previous = ""  # the last page with text, and its last line of text
    previous_last = ""
    for number, page in enumerate(pages):
        first, last = _edges(page)
        if first and not previous and first[0].islower():
            at = line + _leading_breaks(page)
            message = (
                f"the letter's first page with text (page {number + 1}) starts mid-sentence "
                f"({first[:30]!r}): a page before it is missing or the pages are out of order"
            )
            found.append(Join("pages-do-not-join", at, message, offset, offset + len(page)))
        elif number and first and previous:
            at = line + _leading_breaks(page)
            end = offset + len(page)
            if last == previous_last and page.split() == previous.split():
                message = f"page {number + 1} repeats the page before it word for word: read once"
                found.append(Join("repeated-page", at, message, offset, end))
                first = ""  # (the page after joins the first copy)
            else:
                why = _why_not_joined(previous_last, first)
                if why:
                    found.append(
                        Join("pages-do-not-join", at, f"page {number + 1} {why}", offset, end)
                    )
        line += page.count("\n")
        offset += len(page) + 1
        if first:
            previous, previous_last = page, last
    return found


def _leading_breaks(page: str) -> int:
    """Line ends before the page's first text."""
    stripped = page.lstrip()
    return page[: len(page) - len(stripped)].count("\n")


def _why_not_joined(last: str, first: str) -> str:
    """Why the line ``first`` (opening a page) cannot follow ``last`` (closing the page
    before), or ``""``."""
    if first[0].islower() and last.endswith(_SENTENCE_ENDS):
        return (
            f"starts mid-sentence ({first[:30]!r}) after a page that ends a sentence "
            f"({last[-30:]!r}): a page is missing or out of order"
        )
    if (
        (last[-1].islower() or last[-1] == ",")
        and classify(first) in _STRUCTURE
        and classify(last) is TokenKind.TEXT
        and outcome_word(last) is None
    ):
        return (
            f"starts with {first[:40]!r} after a page that stops mid-sentence "
            f"({last[-30:]!r}): a page is missing or out of order"
        )
    return ""
