"""The line scanner: every line of a letter, classified once.

A letter is a sequence of lines, and nearly every construct of the grammar is
decided by one line: a heading, a labelled field, a treatment header, the label
that opens a part, prose. :func:`scan_text` classifies each line once, names what
it opens and notes where the headings, treatment headers and part labels are; the
grammar then works on these lines and indexes. :func:`~imrparse.tokenize` gives
the same classification to users as lossless tokens.

Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r`` and nowhere else (unlike
``str.splitlines``, other separators stay inside their line). A form feed is a page
break wherever it stands: one between two pieces of text on a line (extractors that glue
it to the next page's first line) cuts the line in two for the grammar, both pieces
keeping the line's number.

>>> [(line.kind.value, line.content) for line in scan("CLINICAL CASE SUMMARY\\r\\n \\nSoma #60: Upheld")]
[('heading', 'CLINICAL CASE SUMMARY'), ('break', ''), ('determination', 'Soma #60: Upheld')]
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from .cleaning import (
    has_control_space,
    is_ascii,
    is_page_number,
    page_header_chances,
    strip_artifacts,
)
from .layout_words import OPENING_ROW, Vocabulary
from .line_kinds import (
    _ARTIFACT,
    _BREAK,
    _DETERMINATION,
    _HEADING,
    _PAGE_BREAK,
    _PART,
    _TEXT,
    _default,
    _may_fit,
    _outcome,
    _recognise,
    _recognise_remembered,
    classify,
    outcome_word,
    recognise,
    split_outcome,
)
from .page_marks import kept_start
from .records import TokenKind

__all__ = [
    "Line",
    "Scan",
    "Vocabulary",
    "classify",
    "contents",
    "cut_joined_headings",
    "doubling",
    "line_starts",
    "new_tuple",
    "outcome_word",
    "recognise",
    "scan",
    "scan_text",
    "split_lines",
    "split_outcome",
]


class Line:
    """A classified line that is not empty, as the grammar sees it.

    - ``kind``: its :class:`~imrparse.TokenKind`;
    - ``number``: the 1-based line number;
    - ``content``: the line without its ending, page artifacts or surrounding white space;
    - ``column``: the 1-based column where ``content`` starts (1 for a line of white space);
    - ``artifacts``: how many page headers or footers were removed from the line;
    - ``gap``: how many empty lines come just before it;
    - ``name``: what the line opens, as ``imrparse.line_kinds.recognise`` names it (``""``
      for prose);
    - ``offset``: the offset in the text where the line starts (its column 1).

    Empty lines get no record of their own: ``gap`` counts them. That halves the work on
    PDF text, where every other line is empty. (Compiled, a native class is cheaper both
    to make and to read than the plain tuple it replaced.)
    """

    __slots__ = ("artifacts", "column", "content", "gap", "kind", "name", "number", "offset")

    def __init__(
        self,
        kind: TokenKind,
        number: int,
        content: str,
        column: int,
        artifacts: int,
        gap: int,
        name: str,
        offset: int = 0,
    ) -> None:
        self.kind: TokenKind = kind
        self.number: int = number
        self.content: str = content
        self.column: int = column
        self.artifacts: int = artifacts
        self.gap: int = gap
        self.name: str = name
        self.offset: int = offset

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Line):
            return NotImplemented
        return (
            self.number == other.number
            and self.column == other.column
            and self.content == other.content
            and self.kind is other.kind
            and self.name == other.name
            and self.gap == other.gap
            and self.artifacts == other.artifacts
        )

    def __hash__(self) -> int:
        return hash((self.number, self.column, self.content))

    def __repr__(self) -> str:
        return (
            f"Line({self.kind.value}, {self.number}, {self.content!r}, column={self.column}, "
            f"artifacts={self.artifacts}, gap={self.gap}, name={self.name!r})"
        )


def contents(lines: list[Line]) -> list[str]:
    """The contents of the lines that have any, in order."""
    # (Compiled, a loop over a list reads each native attribute directly: a third of
    # what map() with an attrgetter costs, or a loop over an Iterable.)
    return [line.content for line in lines if line.content]


_EOL_SPLIT: Final = re.compile(r"(\r\n|\r|\n)")


def split_lines(text: str) -> tuple[list[str], list[str] | None]:
    """The line bodies, and their endings when any is not ``\n`` (else ``None``).

    There is one body more than there are endings: the (maybe empty) text after
    the last line ending.
    """
    if "\r" not in text:
        return text.split("\n"), None
    bodies = text.split("\r\n")
    crlf = len(bodies) - 1
    if crlf == text.count("\r") == text.count("\n"):  # Windows line ends only
        return bodies, ["\r\n"] * crlf
    pieces = _EOL_SPLIT.split(text)
    return pieces[0::2], pieces[1::2]


_MISDECODED_NBSP: Final = "\u00c2\u00a0"


new_tuple: Final = tuple.__new__
"""``new_tuple(Cls, (a, b))`` makes the named tuple ``Cls(a, b)`` in C: calling a
``NamedTuple`` class runs the ``__new__`` it generates, which is interpreted code."""


class Scan(NamedTuple):
    """What one pass over a letter's lines finds: the grammar's input."""

    lines: list[Line]
    """The classified lines that are not empty."""
    headings: list[int]
    """Indexes into ``lines`` of the heading lines."""
    determinations: list[int]
    """Indexes into ``lines`` of the treatment header lines."""
    parts: list[int]
    """Indexes into ``lines`` of the lines that open a part of a determination."""
    artifacts: list[int]
    """Indexes into ``lines`` of the lines page headers or footers were removed from."""
    filled: int
    """How many lines have content."""
    doubled: bool
    """Whether the text has blank-line doubling (see :func:`doubling`)."""
    headers: bool
    """Whether a running page header, whole or wrapped over lines, may stand in the text:
    when not, no value joined from its lines need be searched for one."""
    spaces: bool
    """Whether the text holds white space other than blanks and ``\\n`` (tabs, form feeds,
    ``\\r``): when not, no value joined from its lines need be searched for any."""


def doubling(blanks: int, filled: int, adjacent: int) -> bool:
    """Whether a text has blank-line doubling: an empty line after every line of text.

    ``blanks`` counts empty lines, ``filled`` lines with text, ``adjacent`` lines
    with text right after another line with text. Doubled text has about as many
    empty lines as lines of text and few lines of text in a row; in undoubled text,
    wrapped paragraphs put most lines of text next to each other.

    The verdict holds for the whole text, so local damage must not flip it: up to a
    quarter of the lines of text may follow another line of text directly, so that
    a few edited lines in one determination do not change how every other section
    reads.
    """
    return filled > 0 and blanks * 10 >= filled * 8 and adjacent * 4 <= filled


def scan(text: str, vocab: Vocabulary | None = None) -> list[Line]:
    """Split ``text`` into classified :class:`Line` records (the grammar's input).

    Only lines with at least one character besides their ending get a record;
    ``gap`` on each record counts the empty lines before it.
    """
    return scan_text(text, vocab).lines


def scan_text(text: str, vocab: Vocabulary | None = None) -> Scan:
    """:func:`scan`, and what the same pass learns (see :class:`Scan`): where the headings,
    treatment headers, part labels and page artifacts are, how many lines have text, and
    whether the text is doubled.

    A line that is only an outcome word ("Upheld") right after a line of text ending in
    a colon is a treatment header whose outcome a wrap moved to the next line.
    """
    v = vocab if vocab is not None else _default()
    headers, check_headers = page_header_chances(text)
    spaces = has_control_space(text)
    starts: list[int] | None = None
    numbers: list[int] | None = None
    if spaces and ("\r" in text or "\f" in text):  # (neither is there without spaces)
        # Lines that end otherwise than in "\n", or that form feeds cut: the scan reads
        # them joined by "\n" instead, and takes from here where each starts in the text
        # (and its number, where a feed cut one).
        bodies, endings = split_lines(text)
        starts = line_starts(bodies, endings)
        if "\f" in text:
            bodies, numbers = _split_feeds(bodies)
        text = "\n".join(bodies)
    # A no-break space mis-decoded ("Â\xa0") is still white space: read it as such
    # before lines are stripped and classified (same length, so columns hold).
    ascii = is_ascii(text)
    if not ascii and _MISDECODED_NBSP in text:
        text = text.replace(_MISDECODED_NBSP, "  ")
    return _scan_lines(text, check_headers, v, headers, numbers, starts, spaces, ascii)


def line_starts(bodies: list[str], endings: list[str] | None) -> list[int]:
    """Where each line starts in the text, from :func:`split_lines`' bodies and endings
    (``endings``: the line ends, ``None`` when all are ``\n``)."""
    starts = [0] * len(bodies)
    at = 0
    for n in range(len(bodies) - 1):
        at += len(bodies[n]) + (1 if endings is None else len(endings[n]))
        starts[n + 1] = at
    return starts


def _split_feeds(bodies: list[str]) -> tuple[list[str], list[int] | None]:
    """Lines cut at every form feed that stands between two pieces of text.

    A form feed is a page break wherever it stands: some extractors glue it to the next
    page's first line with no line end before it (``... for its decision. \fMAXIMUS
    guideline: ...``). Each piece with text becomes a line of its own, numbered as the
    line it stands in, and padded with blanks to its column there (so that its column
    is still read from its leading white space). A feed before or after all the text of
    a line (or alone on it) is left in place: stripping the line removes it.

    Returns the bodies and their 1-based line numbers, or ``None`` for the numbers when
    no line was cut.
    """
    out: list[str] = []
    numbers: list[int] = []
    cut = False
    for number, body in enumerate(bodies, 1):
        if "\f" in body:
            pieces = body.split("\f")
            filled = [i for i, piece in enumerate(pieces) if piece.strip()]
            if len(filled) > 1:
                cut = True
                offset = 0
                offsets = []
                for piece in pieces:
                    offsets.append(offset)
                    offset += len(piece) + 1
                for i in filled:
                    out.append(" " * offsets[i] + pieces[i])
                    numbers.append(number)
                continue
        out.append(body)
        numbers.append(number)
    return (out, numbers) if cut else (bodies, None)


def _note_index(
    kind: TokenKind, at: int, headings: list[int], determinations: list[int], parts: list[int]
) -> None:
    """Note ``at``, the index of a line of ``kind``, among the headings, treatment headers
    or part labels (a line of another kind is in none)."""
    # (Compiled, three tests of identity cost less than a table of the kinds: a lookup
    # hashes the kind.)
    if kind is _HEADING:
        headings.append(at)
    elif kind is _DETERMINATION:
        determinations.append(at)
    elif kind is _PART:
        parts.append(at)


def _may_be_heading(content: str, v: Vocabulary, blanks_only: bool = False) -> bool:
    """Whether classify() must be asked if a line without a colon is a heading
    (``blanks_only``: the line holds neither tabs nor no-break spaces)."""
    # A heading's folded text starts with content's first character in upper case, and its
    # second (see opening_pairs): two reads of a table, where most prose is told apart.
    code = ord(content[0])
    if code < 0x80:
        second = 0 if len(content) < 2 else min(ord(content[1]), 0x80)
        if not v.heading_openings[code * OPENING_ROW + second]:
            return False
    return _may_fit(content, v.longest_heading, blanks_only)


def _joined_heading(content: str, v: Vocabulary) -> int:
    """Where the second piece of a line starts when one of its two pieces is a heading
    run onto prose, or -1.

    Text reproduced from PDFs joins lines: a heading after a sentence's full stop ("...
    parties on 08/06/2013. MEDICAL QUALIFICATIONS OF THE EXPERT REVIEWER:"), after a
    company's name ("MAXIMUS FEDERAL SERVICES, INC. Notice of Independent Medical Review
    Determination") or a run of spaces, written as a title (each longer word
    capitalised); or a heading in capitals with the prose after it ("INDEPENDENT MEDICAL
    REVIEW DECISION AND RATIONALE An application for ...").
    """
    start = -1
    if content[content.rfind(" ") + 1 :] in v.heading_ends:  # (its last word ends a heading)
        start = max(content.rfind(".") + 1, content.rfind("  ") + 2)
        while start < len(content) and content[start] in " \t":
            start += 1
    if 1 < start < len(content) and content[start].isupper():
        tail = content[start:]
        if (
            (_may_be_heading(tail, v) or (tail[-1] == ":" and len(tail) <= v.longest_label))
            and all(len(word) <= 3 or word[0].isupper() for word in tail.split())
            and _recognise(tail, v)[0] is _HEADING
        ):
            return start
    found = -1
    if content[0] in v.heading_initials and content[:3].isupper():
        opening = content[: v.longest_heading].upper()
        for key in v.colon_headings:  # (the longest heading that opens the line)
            end = len(key)
            if opening.startswith(key) and content[:end].isupper():
                end += content.startswith(":", end)
                rest = content[end:].lstrip()
                if content[end : end + 1] in (" ", "\t") and rest[:1].isupper():
                    found = max(found, len(content) - len(rest))
    return found


def cut_joined_headings(scanned: Scan, vocab: Vocabulary | None = None) -> Scan:
    """The scan with every heading run onto a prose line cut from it (see
    :func:`_joined_heading`): the prose and the heading become two lines of the line's
    number, each at its column. The same scan when no line holds one.

    Not part of :func:`scan_text`: looking at every line of prose costs a parse about 3%,
    so the pipeline asks for it only where a section of the letter's layout is missing.
    """
    v = vocab if vocab is not None else _default()
    lines: list[Line] = []
    cut = False
    for line in scanned.lines:
        content = line.content
        if line.kind is _TEXT and (
            content[content.rfind(" ") + 1 :] in v.heading_ends
            or (content[0] in v.heading_initials and content[:3].isupper())
        ):
            joined = _joined_heading(content, v)
            if joined > 0:
                cut = True
                first = content[:joined].rstrip()
                kind, name = _recognise(first, v)
                lines.append(
                    Line(
                        kind,
                        line.number,
                        first,
                        line.column,
                        line.artifacts,
                        line.gap,
                        name,
                        line.offset,
                    )
                )
                rest = content[joined:]
                kind, name = _recognise(rest, v)
                lines.append(
                    Line(kind, line.number, rest, line.column + joined, 0, 0, name, line.offset)
                )
                continue
        lines.append(line)
    if not cut:
        return scanned
    headings: list[int] = []
    determinations: list[int] = []
    parts: list[int] = []
    removed: list[int] = []
    for i, line in enumerate(lines):
        _note_index(line.kind, i, headings, determinations, parts)
        if line.artifacts:
            removed.append(i)
    return scanned._replace(
        lines=lines,
        headings=headings,
        determinations=determinations,
        parts=parts,
        artifacts=removed,
    )


def _outcome_alone(content: str, before: list[Line], v: Vocabulary) -> tuple[TokenKind, str]:
    """A short line of text: a treatment header's outcome alone ("Upheld") right after a
    line of text ending in a colon (page boundaries between them) is read as a treatment
    header whose outcome a wrap moved; anything else stays text."""
    for i in range(len(before) - 1, -1, -1):
        kind = before[i].kind
        if kind is _TEXT:
            if not before[i].content.endswith(":"):
                break
            outcome = _outcome(content, v)
            return (_TEXT, "") if outcome is None else (_DETERMINATION, outcome)
        if kind is not _PAGE_BREAK and kind is not _ARTIFACT:
            break
    return _TEXT, ""


def _content_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the content of the line ``text[start:end]`` starts and ends: the line without
    the white space around it, as ``str.strip()`` leaves it.

    (Compiled, an ASCII character is told by its code point, and the two ints come back
    unboxed: no copy of the line is made to strip it.)
    """
    # (A printable ASCII character, most lines' first and last, is told by one test.)
    while start < end:
        code = ord(text[start])
        if 32 < code < 0x7F:
            break
        if code < 0x80:
            if not (code == 32 or 9 <= code <= 13 or 28 <= code <= 31):
                break
        elif not text[start].isspace():
            break
        start += 1
    while end > start:
        code = ord(text[end - 1])
        if 32 < code < 0x7F:
            break
        if code < 0x80:
            if not (code == 32 or 9 <= code <= 13 or 28 <= code <= 31):
                break
        elif not text[end - 1].isspace():
            break
        end -= 1
    return start, end


def _scan_lines(
    text: str,
    check_headers: bool,
    v: Vocabulary,
    headers: bool = True,
    numbers: list[int] | None = None,
    starts: list[int] | None = None,
    spaces: bool = True,
    ascii: bool = False,
) -> Scan:
    """The scan of a text's lines, each ending in ``\n`` (see :func:`scan_text`), line by
    line: page headers are stripped where ``check_headers``. ``numbers`` gives each line's
    1-based line number when they are not 1, 2, 3, ... (form feeds cut some lines:
    :func:`_split_feeds`), ``starts`` where each line starts in the text as written when
    not every line there ends in ``\n``; ``headers`` and ``spaces`` are what the scan
    tells of the whole text (see :class:`Scan`), ``ascii`` whether it is ASCII: with no
    ``spaces``, its only white space is then blanks and line ends.

    A line is read where it stands in the text: only its content is copied out (no copy
    of each line is made to strip it). (A second, faster loop for texts without page
    headers bought 1.5% compiled, when lines were still copied: too little for a second
    copy of the scan.)
    """
    # (What a line cannot hold is not looked for in it: neither tabs nor no-break spaces
    # in a line of text that has them nowhere, nor a form feed.)
    blanks_only = ascii and not spaces
    lines: list[Line] = []
    headings: list[int] = []
    determinations: list[int] = []
    parts: list[int] = []
    removed: list[int] = []
    gap = 0
    blanks = 0
    filled = 0
    adjacent = 0
    previous_filled = False
    size = len(text)
    # Where the first colon at or after the line's content stands (size: none), found anew
    # only once a line is past it: one search a line with a colon, not one a line.
    colon = -1
    # The same for "etermination" and "ETERMINATION", the words a running header is looked
    # for by (where the text may hold one on a line): one search a word found, where a
    # search bounded to each line cost two a line.
    lower = -1
    upper = -1
    at = -1  # the line's index
    end = -1  # where the line before ends (its "\n")
    while end < size:
        start = end + 1
        end = text.find("\n", start)
        if end < 0:
            end = size
        at += 1
        if start == end:
            gap += 1
            continue
        artifacts = 0
        headed = False
        if check_headers:
            if lower < start:
                lower = text.find("etermination", start)
                if lower < 0:
                    lower = size
            if upper < start:
                upper = text.find("ETERMINATION", start)
                if upper < 0:
                    upper = size
            # (neither word holds a line end: one that starts in the line ends in it)
            headed = lower < end or upper < end
        if headed:
            raw = text[start:end]
            body, artifacts = strip_artifacts(raw)
            content = body.strip()
            if artifacts and raw is not body:  # (headers cut: where the content stands in
                column = kept_start(raw) + 1  # the line as written, which they may precede)
            else:
                column = 1 if content is body else len(body) - len(body.lstrip()) + 1
            has_colon = ":" in content
        else:
            first, last = _content_bounds(text, start, end)
            content = text[first:last] if first < last else ""  # (a line of white space)
            column = first - start + 1
            if colon < first:
                colon = text.find(":", first)
                if colon < 0:
                    colon = size
            has_colon = colon < last
        if content and len(content) <= 20 and is_page_number(content):
            content = ""
            artifacts += 1
        if artifacts:
            removed.append(len(lines))
        if content:
            if has_colon or _may_be_heading(content, v, blanks_only):
                kind, name = _recognise_remembered(content, v, blanks_only)
            else:
                kind = _TEXT
                name = ""
            if kind is _TEXT and len(content) <= v.longest_outcome:
                kind, name = _outcome_alone(content, lines, v)
            if kind is not _TEXT:  # (most lines are text, with no index to note)
                _note_index(kind, len(lines), headings, determinations, parts)
            filled += 1
            if previous_filled and not gap:
                adjacent += 1
            previous_filled = True
        else:
            column = 1
            name = ""
            if artifacts:
                kind = _ARTIFACT
            elif spaces and text.find("\f", start, end) >= 0:  # (a line of white space)
                kind = _PAGE_BREAK
            else:
                kind = _BREAK
            previous_filled = False
        number = at + 1 if numbers is None else numbers[at]
        line_start = start if starts is None else starts[number - 1]
        lines.append(Line(kind, number, content, column, artifacts, gap, name, line_start))
        blanks += gap
        gap = 0
    return new_tuple(
        Scan,
        (
            lines,
            headings,
            determinations,
            parts,
            removed,
            filled,
            doubling(blanks, filled, adjacent),
            headers,
            spaces,
        ),
    )
