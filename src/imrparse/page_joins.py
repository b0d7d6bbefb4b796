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


def _text_lines(page: str) -> list[str]:
    """The page's lines with text, running headers, footers and page numbers left out."""
    out = []
    for line in page.splitlines():
        content = line.strip()
        if not content:
            continue
        if "etermination" in content or "ETERMINATION" in content:
            content = strip_artifacts(content)[0].strip()
        if content and not (len(content) <= 20 and is_page_number(content)):
            out.append(content)
    return out


def broken_joins(text: str) -> list[Join]:
    """The page breaks (form feeds) of ``text`` whose two sides do not join, and repeated
    pages, in order. (A first page that starts mid-sentence joins nothing before it.)"""
    pages = text.split("\f")
    if len(pages) < 2:
        return []
    found: list[Join] = []
    line = 1
    offset = 0
    previous: list[str] = []
    for number, page in enumerate(pages):
        lines = _text_lines(page)
        if lines and not previous and lines[0][0].islower():
            at = line + _leading_breaks(page)
            message = (
                f"the letter's first page with text (page {number + 1}) starts mid-sentence "
                f"({lines[0][:30]!r}): a page before it is missing or the pages are out of order"
            )
            found.append(Join("pages-do-not-join", at, message, offset, offset + len(page)))
        elif number and lines and previous:
            at = line + _leading_breaks(page)
            end = offset + len(page)
            if lines == previous:
                message = f"page {number + 1} repeats the page before it word for word: read once"
                found.append(Join("repeated-page", at, message, offset, end))
                lines = []  # (the page after joins the first copy)
            else:
                why = _why_not_joined(previous[-1], lines[0])
                if why:
                    found.append(
                        Join("pages-do-not-join", at, f"page {number + 1} {why}", offset, end)
                    )
        line += page.count("\n")
        offset += len(page) + 1
        if lines:
            previous = lines
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
