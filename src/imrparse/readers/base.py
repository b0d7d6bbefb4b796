"""What a section reader is given and what it returns, and the table of readers.

A reader reads one section of a letter and *returns* what it read as a
:class:`Reading`: the labelled values the section states, the reviewer or case summary
or determinations it found, the text it left unread, and its own diagnostics. Readers
share no state; :mod:`imrparse.merge` is the one place where their readings meet.

Readers are registered by name in one table (:func:`register_reader`); a layout names,
per section role, the reader that reads it (:attr:`imrparse.layouts.Layout.readers`).
A layout with a way of writing its sections that no reader knows registers a reader of
its own, in its own module.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from ..classifier._treatment import unknown
from ..cleaning import clean_lines
from ..diagnostics import Collector
from ..records import CaseSummary, Determination, Reviewer, Treatment
from ..scanner import Line, Scan, contents
from ..spans import Row, Source, Where

if TYPE_CHECKING:
    from ..grammar import Section
    from ..layouts import Layout

__all__ = [
    "Context",
    "Reader",
    "ReaderSpec",
    "Reading",
    "Stated",
    "get_reader",
    "register_reader",
    "registered_readers",
    "unregister_reader",
]


class Stated:
    """One labelled value as a section states it (``Date of Injury: 02/07/2010``)."""

    __slots__ = ("column", "label", "line", "name", "role", "source", "text", "where")

    def __init__(
        self,
        name: str,
        text: str,
        line: int,
        column: int,
        role: str,
        label: str,
        source: Source | None = None,
        where: Where | None = None,
    ) -> None:
        self.name: str = name
        """The field's name (``"date-of-injury"``)."""
        self.text: str = text
        """The value, cleaned and de-wrapped."""
        self.line: int = line
        self.column: int = column
        self.role: str = role
        """The role of the section that states it (``"preamble"`` before the first heading,
        ``"header-table"`` for the header table)."""
        self.label: str = label
        """The label as printed, white space folded (``"Date of Injury"``)."""
        self.source: Source | None = source
        """The pieces of text the value was joined from (where it stands), when known."""
        self.where: Where | None = where
        """Where the value stands, when it stands whole on one line as written (else its
        ``source`` says)."""

    def find(self, path: str, value: str) -> Row | None:
        """The row of the value ``path``: ``value``, at the first place in :attr:`text`
        that holds it."""
        where = self.where
        if where is not None:
            at = 0 if value is self.text else self.text.find(value)
            if at < 0:
                return None
            start = where[0] + at
            return (path, start, start + len(value), where[2], where[3] + at, 0)
        return self.source.find(path, self.text, value) if self.source is not None else None


class Reading:
    """What one reader read from one section. Built by the reader, then only read."""

    __slots__ = (
        "decides",
        "determination_spans",
        "determinations",
        "diag",
        "fields",
        "heading",
        "places",
        "reviewer",
        "role",
        "spans",
        "summary",
        "unclaimed",
    )

    def __init__(self, role: str) -> None:
        self.role: str = role
        """The role of the section read."""
        self.heading: tuple[int, int] = (1, 1)
        """Line and column of the section's heading (set by the pipeline)."""
        self.fields: list[Stated] = []
        """Labelled values the section states that its reader did not consume itself."""
        self.reviewer: Reviewer | None = None
        self.summary: CaseSummary | None = None
        self.determinations: list[Determination] = []
        self.places: list[tuple[int, int]] = []
        """Line and column where each determination starts."""
        self.decides: bool = False
        """Whether the section is one where the layout states its outcomes."""
        self.unclaimed: list[str] = []
        """Runs of text the reader kept unread."""
        self.diag: Collector = Collector()
        """The reader's own diagnostics, in the order it met them."""
        self.spans: list[Row] = []
        """Where the reviewer's or summary's values stand (``"summary.age"``)."""
        self.determination_spans: list[Row] = []
        """Where the values of the determinations read stand (``"determinations.2.outcome"``:
        numbered in the letter, see :attr:`Context.decided`)."""


class Context:
    """What every reader of one letter may look at: the layout and the scan, whether the
    values' places are wanted, and how many determinations the readings before gave (the
    pipeline counts them)."""

    __slots__ = ("decided", "headers", "layout", "scan", "spaces", "spans")

    def __init__(self, layout: Layout, scan: Scan, spans: bool = True) -> None:
        self.layout: Layout = layout
        self.scan: Scan = scan
        self.headers: bool = scan.headers
        """Whether a running page header may stand in a value (see ``Scan.headers``)."""
        self.spaces: bool = scan.spaces
        """Whether white space other than blanks and line ends may (see ``Scan.spaces``)."""
        self.spans: bool = spans
        """Whether readers record where their values stand (``parse(..., spans=False)``
        asks them not to: the work is skipped, not done and dropped)."""
        self.decided: int = 0
        """How many determinations the readings made so far gave, the preamble's included
        (the pipeline counts them as each reading is made): the number in the letter of the
        next determination a reader reads, which its spans' paths hold."""

    def clean(self, texts: list[str]) -> str:
        """Texts of lines joined into one value, de-wrapped, page artifacts removed (what
        the scan says the letter cannot hold is not searched for)."""
        return clean_lines(texts, self.headers, self.spaces)


Reader = Callable[["Section", Context], Reading]
"""A reader: a section of a letter and its context in, a :class:`Reading` out."""


class ReaderSpec:
    """A registered reader and what the pipeline needs to know of it."""

    __slots__ = ("decides", "name", "none_found", "outcomes", "read", "states_facts")

    def __init__(
        self,
        name: str,
        read: Reader,
        outcomes: str = "",
        none_found: str = "",
        states_facts: bool = False,
    ) -> None:
        self.name: str = name
        self.read: Reader = read
        self.outcomes: str = outcomes
        """How the outcomes it reads are written (``"header"``, ``"sentences"``, ...);
        ``""`` for a reader of no outcomes."""
        self.decides: bool = bool(outcomes)
        self.none_found: str = none_found
        """The message when its section holds no determination it can read."""
        self.states_facts: bool = states_facts
        """Whether the case facts (case number, dates) are in their place in its section:
        a labelled fact in a section whose reader says not is out of place."""


_READERS: Final[dict[str, ReaderSpec]] = {}


def register_reader(
    name: str,
    read: Reader,
    *,
    outcomes: str = "",
    none_found: str = "",
    states_facts: bool = False,
) -> ReaderSpec:
    """Add a section reader to the table under ``name`` (replacing one of that name).

    ``outcomes`` says how the outcomes it reads are written, for a reader of
    determinations, with ``none_found`` the message when it finds none; ``states_facts``
    that its section is a place where the case's labelled facts stand.
    """
    spec = ReaderSpec(name, read, outcomes, none_found, states_facts)
    _READERS[name] = spec
    return spec


def get_reader(name: str) -> ReaderSpec:
    """The reader registered as ``name`` (``KeyError`` if there is none)."""
    return _READERS[name]


def unregister_reader(name: str) -> None:
    """Remove the reader registered as ``name`` (``KeyError`` if there is none)."""
    del _READERS[name]


def registered_readers() -> tuple[str, ...]:
    """The names of the registered readers, in the order they were registered."""
    return tuple(_READERS)


def claim_rest(
    reading: Reading, context: Context, lines: list[Line], where: str, code: str
) -> None:
    """Keep every run of lines with content in ``reading.unclaimed``, reported as ``code``."""
    run: list[Line] = []
    for line in [*lines, None]:
        if line is not None:
            if line.content:
                run.append(line)
            continue
        if run:
            cleaned = context.clean(contents(run))
            reading.unclaimed.append(cleaned)
            excerpt = cleaned if len(cleaned) <= 60 else cleaned[:57] + "..."
            reading.diag.add(code, f"text {where}: {excerpt!r}", run[0].number, run[0].column)
            run = []


_UNKNOWN_MESSAGES: Final = {
    "unknown-treatment": "no lexicon knows the treatment {text!r}; it has no category",
    "unknown-medication": "the medication {text!r} has no known drug class",
}


def report_unknown(reading: Reading, treatment: Treatment, line: int, column: int) -> None:
    """Report a treatment that the lexicons do not (fully) know."""
    code = unknown(treatment.category, treatment.subcategory)
    if code is not None:
        reading.diag.add(code, _UNKNOWN_MESSAGES[code].format(text=treatment.text), line, column)


def strip_boilerplate(context: Context, role: str, text: str) -> str:
    """``text`` without the fixed sentence the layout declares for the role's opening."""
    for pattern in context.layout.boilerplate.get(role, ()):
        match = pattern.match(text)
        if match is not None:
            return text[match.end() :].lstrip()
    return text


_Opening = tuple[tuple[str, str, str, str, str], re.Pattern[str]]
_OPENINGS: Final[dict[str, tuple[_Opening, ...]]] = {}  # by layout name


def _openings(layout: Layout) -> tuple[_Opening, ...]:
    """The layout's section openings (its boilerplate), found after a sentence's end, each
    with the longest word its pattern spells out, as it may be written (lower case,
    capitalised, upper case; first, the lower and upper case forms without their first
    letter): a text without that word holds no such opening, and most texts are passed
    over with ``in`` alone."""
    found = _OPENINGS.get(layout.name)
    if found is None:
        openings = []
        for patterns in layout.boilerplate.values():
            for pattern in patterns:
                words = re.findall(r"(?<![\\A-Za-z])[A-Za-z]+", pattern.pattern)
                word = max(words, key=len).lower()
                after_a_sentence = re.compile(
                    r"(?<=[.!?:\"\u201d)])[ \t]+" + pattern.pattern.lstrip("^"), pattern.flags
                )
                upper = word.upper()
                forms = (word[1:], upper[1:], word, word.capitalize(), upper)
                openings.append((forms, after_a_sentence))
        found = _OPENINGS[layout.name] = tuple(openings)
    return found


def cut_openings(context: Context, text: str, line: int, reading: Reading) -> str:
    """``text`` (a value joined from lines) without any fixed sentence that opens a
    section of the layout and stands inside it: pages out of order put the opening of a
    section in another's text. Each one cut is reported (``opening-out-of-place``)."""
    for (lower_tail, upper_tail, lower, capital, upper), pattern in _openings(context.layout):
        # (A word's lower-case and capitalised forms end alike: two scans of the text rule
        # out all three forms, where a lower-case copy of it costs more than both.)
        if lower_tail not in text and upper_tail not in text:
            continue
        if lower not in text and capital not in text and upper not in text:
            continue
        match = pattern.search(text)
        if match is not None:
            reading.diag.add(
                "opening-out-of-place",
                f"the sentence that opens a section ({match.group().strip()[:50]!r}) stands "
                "inside another section's text (pages out of order?): left out of the value",
                line,
            )
            text = (text[: match.start()] + text[match.end() :]).strip()
    return text
