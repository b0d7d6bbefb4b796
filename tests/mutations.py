"""A catalogue of text mutations modelled on what PDF extraction and people do to letters.

Every mutation is a function ``text -> SearchStrategy[str]``: call it with a letter's
text and draw a mutated text from the strategy it returns. Mutations compose by
drawing one after the other (:func:`compose`, :func:`preserving`, :func:`destructive`).
Hypothesis shrinks a failing composition to the fewest mutations that still fail.

``PRESERVING`` mutations must leave every extracted field unchanged; ``DESTRUCTIVE``
ones may lose information, and the properties in ``tests/test_mutations.py`` say what
must still hold. ``DAMAGE`` holds the kinds of damage analysts' files suffer (pages lost,
repeated or out of order, downloads cut off, blank cells, OCR slips), as plain functions
of a text and a random generator (``tests/damage_kinds.py``), run over the real letters
by ``tests/test_damage_kinds.py``. ``docs/mutations.md`` lists all three with the
reasons.

Mutations work on lines split at ``\\n`` (the base texts use ``\\n``; :func:`line_endings`
runs last). Where a mutation changes where lines break, it only makes lines that read
as what they replace: a wrapped line never becomes a heading, a labelled part, a
treatment header or a page number (:func:`reads_as`), since such a line *is* that
construct to any reader.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import strategies as st

import imrparse
from damage_kinds import DAMAGE
from imrparse import layouts as imrparse_layouts
from imrparse.cleaning import join_lines, strip_artifacts
from imrparse.cleaning import running_headers as cleaning_running_headers
from imrparse.errors import ParseError
from imrparse.grammar import is_doubled
from imrparse.records import Letter, Severity, TokenKind
from imrparse.scanner import classify, outcome_word, scan

__all__ = [
    "DAMAGE",
    "DESTRUCTIVE",
    "HEADER_DESTRUCTIVE",
    "HEADER_PRESERVING",
    "PRESERVING",
    "PRESERVING_ORDER",
    "compose",
    "destructive",
    "preserving",
    "reads_as",
]

Mutation = Callable[[str], st.SearchStrategy[str]]

TEXT, PART, FIELD, HEADING, DETERMINATION = (
    TokenKind.TEXT,
    TokenKind.PART,
    TokenKind.FIELD,
    TokenKind.HEADING,
    TokenKind.DETERMINATION,
)
ARTIFACT, BREAK = TokenKind.ARTIFACT, TokenKind.BREAK


# --------------------------------------------------------------------------- helpers


def reads_as(line: str) -> TokenKind:
    """How a reader classifies one line on its own: blank/break, artifact, or its form."""
    content = line.strip()
    if not content:
        return BREAK
    if strip_artifacts(content)[1]:
        return ARTIFACT
    return classify(content)


def doubled(text: str) -> bool:
    return is_doubled(scan(text))


def _undouble(lines: list[str]) -> list[str]:
    """Drop the empty line that follows each non-empty line."""
    out: list[str] = []
    skip = False
    for line in lines:
        if skip and line == "":
            skip = False
            continue
        out.append(line)
        skip = line != ""
    return out


def _double(lines: list[str], *, breaks: bool) -> list[str]:
    """Follow every line by an empty one; with ``breaks``, empty lines become " " lines
    first (the paragraph-break lines PDF extraction prints)."""
    out: list[str] = []
    for line in lines:
        if line == "" and breaks:
            line = " "
        out.append(line)
        if line != "":
            out.append("")
    return out


def _boundaries(lines: list[str], is_doubled: bool) -> list[int]:
    """Indexes before which a whole line may be inserted without disturbing doubling."""
    if not is_doubled:
        return list(range(len(lines) + 1))
    return [i for i in range(len(lines)) if lines[i] != "" and (i == 0 or lines[i - 1] == "")]


def _insert_line(lines: list[str], at: int, new: list[str], is_doubled: bool) -> None:
    lines[at:at] = _double(new, breaks=False) if is_doubled else new


def compose(*mutations: Mutation) -> Mutation:
    """The mutation that applies ``mutations`` in order."""

    def composed(text: str) -> st.SearchStrategy[str]:
        @st.composite
        def run(draw: st.DrawFn) -> str:
            out = text
            for mutation in mutations:
                out = draw(mutation(out))
            return out

        return run()

    return composed


# --------------------------------------------------------------------------- preserving


@st.composite
def rewrap(draw: st.DrawFn, text: str) -> str:
    """Re-wrap prose and labelled parts at another width (40..140 columns).

    A paragraph is a labelled part or prose line with the prose lines that continue it.
    Field values, headings, treatment headers (and the lines that begin a wrapped header)
    keep their lines, and so does everything before the first heading (the header table);
    a line ending in a colon ends its paragraph (a lead-in: what follows starts a line). Breaks fall at spaces, never after a word ending in a hyphen.
    """
    width = draw(st.integers(40, 140))
    was_doubled = doubled(text)
    lines = text.split("\n")
    if was_doubled:
        lines = _undouble(lines)
    out: list[str] = []
    i = 0
    n = len(lines)
    table = _table_lines(lines)  # (the header table's cells are no prose)
    while i < n:
        if i in table:
            out.append(lines[i])
            i += 1
            continue
        kind = reads_as(lines[i])
        if kind is FIELD or kind is DETERMINATION:
            out.append(lines[i])
            i += 1
            while i < n and reads_as(lines[i]) is TEXT:  # field continuation: leave alone
                out.append(lines[i])
                i += 1
            continue
        if kind not in (TEXT, PART):
            out.append(lines[i])
            i += 1
            continue
        j = i + 1
        while (
            j < n
            and reads_as(lines[j]) is TEXT
            and outcome_word(lines[j]) is None
            and not lines[j - 1].rstrip().endswith(":")  # ("... set forth below:" ends a lead-in)
        ):
            j += 1
        unit = lines[i:j]
        # (an outcome alone on its line ends a header wrapped over the lines before it)
        if j < n and (reads_as(lines[j]) is DETERMINATION or outcome_word(lines[j]) is not None):
            out.extend(unit)  # the wrapped beginning of a treatment header
        else:
            out.extend(_wrap(join_lines(unit).split(), width, kind) or unit)
        i = j
    if was_doubled:
        out = _double(out, breaks=False)
    return "\n".join(out)


def _wrap(words: list[str], width: int, first: TokenKind) -> list[str] | None:
    lines: list[str] = []
    current = ""
    for word in words:
        if current and len(current) + 1 + len(word) > width and not current.endswith("-"):
            ok = reads_as(current) is first if not lines else reads_as(current) is TEXT
            if ok:
                lines.append(current)
                current = word
                continue
        current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    while len(lines) > 1 and reads_as(lines[-1]) is not TEXT:
        last = lines.pop()
        lines[-1] = f"{lines[-1]} {last}"
    if not lines or reads_as(lines[0]) is not first:
        return None
    if any(reads_as(line) is not TEXT for line in lines[1:]):
        return None
    return lines


def toggle_doubling(text: str) -> st.SearchStrategy[str]:
    """Blank-line doubling on (every line followed by an empty line, paragraph breaks
    as " " lines) or off (the empty line after each line removed)."""
    lines = text.split("\n")
    if doubled(text):
        return st.just("\n".join(_undouble(lines)))
    return st.just("\n".join(_double(lines, breaks=True)))


@st.composite
def line_endings(draw: st.DrawFn, text: str) -> str:
    """Line ends as CRLF, as CR, or mixed line by line."""
    choice = draw(st.sampled_from(("\r\n", "\r", "mixed")))
    if choice != "mixed":
        return text.replace("\n", choice)
    rnd = draw(st.randoms(use_true_random=False))
    lines = text.split("\n")
    out: list[str] = []
    previous = ""
    for n, line in enumerate(lines):
        # A CR followed by an LF ending an empty line would read as one CRLF.
        if previous == "\r" and line == "" and n < len(lines) - 1:
            ending = "\r"
        else:
            ending = rnd.choice(("\n", "\r\n", "\r"))
        out.append(line)
        if n < len(lines) - 1:
            out.append(ending)
        previous = ending
    return "".join(out)


BREAK_FORMS = (" ", "  ", "\t", " \t ", "\u00a0")


@st.composite
def whitespace_lines(draw: st.DrawFn, text: str) -> str:
    """Paragraph-break lines in other forms (" ", tabs, no-break space); empty paragraph
    breaks of undoubled text as " " lines; trailing white space; headings indented."""
    rnd = draw(st.randoms(use_true_random=False))
    lines = text.split("\n")
    was_doubled = doubled(text)
    for n, line in enumerate(lines):
        if "\f" in line and not line.strip():
            continue  # a page break stays a page break, not a paragraph break
        if (line and not line.strip()) or (
            line == "" and not was_doubled and 0 < n < len(lines) - 1 and rnd.random() < 0.5
        ):
            lines[n] = rnd.choice(BREAK_FORMS)
        elif line.strip():
            if reads_as(line) is HEADING and rnd.random() < 0.5:
                lines[n] = " " + line
            if rnd.random() < 0.3:
                lines[n] += rnd.choice((" ", "  ", "\t"))
    return "\n".join(lines)


@st.composite
def page_breaks(draw: st.DrawFn, text: str) -> str:
    """Page-break runs between lines, mid-sentence: several empty lines (doubled text)
    and form feeds, on a line of their own, starting the next page's first line, or glued
    between the last line of a page and the next page's first line with no line end
    (``... for its decision. \fMAXIMUS guideline: ...``, as pdfium prints it)."""
    lines = text.split("\n")
    was_doubled = doubled(text)
    rnd = draw(st.randoms(use_true_random=False))
    for _ in range(draw(st.integers(1, 4))):
        places = _boundaries(lines, was_doubled)
        at = rnd.choice(places)
        form = (
            rnd.choice(("run", "ff-line", "ff-prefix", "ff-glued"))
            if was_doubled
            else rnd.choice(("ff-line", "ff-prefix", "ff-glued"))
        )
        before = at - 1
        while before >= 0 and not lines[before].strip():
            before -= 1
        if form == "ff-glued" and before >= 0 and at < len(lines) and lines[at].strip():
            # Never across a paragraph break: a " " line, or (undoubled) an empty line.
            between = lines[before + 1 : at]
            if all(line == "" for line in between) and (was_doubled or not between):
                glue = rnd.choice(("\f", " \f", "\f "))
                lines[before : at + 1] = [lines[before] + glue + lines[at]]
        elif form == "ff-prefix" and at < len(lines) and lines[at]:
            lines[at] = "\f" + lines[at]
        elif form == "run":
            lines[at:at] = [""] * rnd.randint(1, 5) + rnd.choice(([], ["\f", ""]))
        else:
            _insert_line(lines, at, ["\f"], was_doubled)
    return "\n".join(lines)


_CASE_NUMBER = re.compile(r"CM\d{2}-\d{7}(?!\d)")
_FOOTER_PAGE = re.compile(r"\s*Page\s+\d+\s+of\s+\d+")


@st.composite
def running_headers(draw: st.DrawFn, text: str) -> str:
    """Running page headers and footers, inserted between lines and spliced inside lines.

    The header names the letter's own case number when the text has one; otherwise a
    redacted number (a header cannot add a case number the letter does not have).
    """
    lines = text.split("\n")
    was_doubled = doubled(text)
    rnd = draw(st.randoms(use_true_random=False))
    own = _CASE_NUMBER.search(text)
    numbers = (f" {own.group()}",) if own else ("", " XXXXXXX", ": [redacted]", " xxxxxxxxx")
    for _ in range(draw(st.integers(1, 4))):
        page = rnd.randint(1, 9)
        header = "Final Determination Letter for IMR Case Number" + rnd.choice(numbers)
        if rnd.random() < 0.4:
            header += f" Page {page} of {page + rnd.randint(0, 5)}"
        # A header is spliced into a line of the letter, not into another header.
        spliceable = [
            n for n, line in enumerate(lines) if line.strip() and not strip_artifacts(line)[1]
        ]
        if rnd.random() < 0.5 and spliceable:
            n = rnd.choice(spliceable)
            line = lines[n]
            # Not just before prose reading "Page 41 of 127": a header's own page
            # number reads the same, so that splice is ambiguous (see docs/mutations.md).
            spaces = [
                m.start() for m in re.finditer(" ", line) if not _FOOTER_PAGE.match(line, m.end())
            ]
            where = rnd.choice(("start", "end", *(["space"] * 4 if spaces else [])))
            if where == "start":
                lines[n] = f"{header} {line}"
            elif where == "end":
                lines[n] = f"{line} {header}"
            else:
                at = rnd.choice(spaces)
                lines[n] = f"{line[:at]} {header} {line[at + 1 :]}"
        else:
            alone = (
                header
                if rnd.random() < 0.7
                else rnd.choice((f"Page {page} of {page + 2}", f"{page} of 9", f"Page {page}"))
            )
            _insert_line(lines, rnd.choice(_boundaries(lines, was_doubled)), [alone], was_doubled)
    return "\n".join(lines)


_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def mis_decode(char: str) -> str:
    """One character's UTF-8 bytes read as Windows-1252 (undefined bytes as C1 controls);
    a lone surrogate (another mutation's) as the three bytes UTF-8 would give it."""
    return "".join(
        chr(b) if b in _CP1252_UNDEFINED else bytes([b]).decode("cp1252")
        for b in char.encode("utf-8", "surrogatepass")
    )


def mojibake(text: str) -> st.SearchStrategy[str]:
    """Every non-ASCII character replaced by its UTF-8 bytes decoded as Windows-1252."""
    return st.just("".join(c if c.isascii() else mis_decode(c) for c in text))


def curly_quotes(text: str) -> st.SearchStrategy[str]:
    """Straight quotes as typographic ones: “...”, ‘...’ and ’ for apostrophes."""
    out: list[str] = []
    opening = True
    for n, c in enumerate(text):
        if c == '"':
            out.append("\u201c" if opening else "\u201d")
            opening = not opening
        elif c == "'":
            before = text[n - 1] if n else " "
            out.append("\u2019" if before.isalnum() else "\u2018")
        else:
            out.append(c)
    return st.just("".join(out))


def _replace_spaces(draw: st.DrawFn, text: str, by: tuple[str, ...]) -> str:
    rnd = draw(st.randoms(use_true_random=False))
    rate = draw(st.sampled_from((0.05, 0.3, 1.0)))
    return re.sub(" ", lambda _: rnd.choice(by) if rnd.random() < rate else " ", text)


@st.composite
def no_break_spaces(draw: st.DrawFn, text: str) -> str:
    """Spaces as no-break spaces (some, many or all)."""
    return _replace_spaces(draw, text, ("\u00a0", "\u00a0 ", " \u00a0"))


@st.composite
def tabs(draw: st.DrawFn, text: str) -> str:
    """Spaces as tabs or runs of spaces (some, many or all)."""
    return _replace_spaces(draw, text, ("\t", "  ", " \t"))


_CASES = (str.upper, str.lower, str.title, str.capitalize)


@st.composite
def case_changes(draw: st.DrawFn, text: str) -> str:
    """Other capitalisation of section headings, part and field labels, and outcome words."""
    rnd = draw(st.randoms(use_true_random=False))
    lines = text.split("\n")
    for n, line in enumerate(lines):
        kind = reads_as(line)
        if rnd.random() < 0.3:
            continue
        change = rnd.choice(_CASES)
        if kind is HEADING:
            lines[n] = change(line)
        elif kind in (PART, FIELD):
            colon = line.find(":")
            lines[n] = change(line[:colon]) + line[colon:]
        elif kind is DETERMINATION:
            colon = line.rfind(":")
            lines[n] = line[: colon + 1] + change(line[colon + 1 :])
    return "\n".join(lines)


@st.composite
def colon_spacing(draw: st.DrawFn, text: str) -> str:
    """Extra white space around the colon of labels and treatment headers."""
    rnd = draw(st.randoms(use_true_random=False))
    lines = text.split("\n")
    for n, line in enumerate(lines):
        kind = reads_as(line)
        if kind not in (PART, FIELD, DETERMINATION) or rnd.random() < 0.3:
            continue
        colon = line.rfind(":") if kind is DETERMINATION else line.find(":")
        spaced = rnd.choice((" :", " : ", "  :  ", ":    ", "\t:\t", ": "))
        lines[n] = line[:colon] + spaced + line[colon + 1 :]
    return "\n".join(lines)


_INNER_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")


@st.composite
def hyphen_wraps(draw: st.DrawFn, text: str) -> str:
    """Lines broken right after a hyphen inside a word (``L5-`` / ``S1``)."""
    lines = text.split("\n")
    was_doubled = doubled(text)
    places = [(n, m.end()) for n, line in enumerate(lines) for m in _INNER_HYPHEN.finditer(line)]
    if not places:
        return text
    picked = draw(st.lists(st.sampled_from(places), min_size=1, max_size=6, unique=True))
    for n, at in sorted(picked, reverse=True):
        line = lines[n]
        head, rest = line[:at], line[at:]
        kind = reads_as(line)
        want_head = kind if kind in (PART, FIELD, HEADING) else TEXT
        want_rest = DETERMINATION if kind is DETERMINATION else TEXT
        if reads_as(head) is not want_head or reads_as(rest) is not want_rest:
            continue
        lines[n : n + 1] = [head, "", rest] if was_doubled else [head, rest]
    return "\n".join(lines)


# --------------------------------------------------------------------------- header table
#
# The header table of the 2016-17 letters (``Case Number:``, ``Date Assigned:``, ...), in
# whichever form an extractor printed it: pairs on a line, a label split over lines,
# labels in one block and values in another.

HEADER_LABELS = tuple(imrparse_layouts.get("fdl-2016").header_table)
"""The header table's labels, as the layout knows them (folded: ``DATE ASSIGNED``)."""

_LABEL_WORDS = {label: label.split() for label in HEADER_LABELS}
_VALUE = r"(?:\d{1,2}/\d{1,2}/\d{2,4}|CM\d{2}-\d+|Standard|Expedited)"


def _label_pattern(label: str) -> str:
    return r"[ \t]+".join(re.escape(word) for word in _LABEL_WORDS[label])


# A whole label with its colon, in any case and spacing.
_HEADER_LABEL = re.compile(
    r"(?<![\w])(" + "|".join(_label_pattern(label) for label in HEADER_LABELS) + r")[ \t]*:",
    re.IGNORECASE,
)
# A line that is only label/value pairs: ``Date Assigned: 11/30/2016 Date of Injury: ...``.
_PAIRS_LINE = re.compile(
    r"[ \t]*(?:(?:"
    + "|".join(_label_pattern(label) for label in HEADER_LABELS)
    + r")[ \t]*:[ \t]*"
    + _VALUE
    + r"[ \t]*)+",
    re.IGNORECASE,
)
_PAIR = re.compile(
    r"(?:"
    + "|".join(_label_pattern(label) for label in HEADER_LABELS)
    + r")[ \t]*:[ \t]*"
    + _VALUE,
    re.IGNORECASE,
)


def _table_lines(lines: list[str]) -> range:
    """The indexes of the lines before the first heading (where the table stands)."""
    for n, line in enumerate(lines):
        if reads_as(line) is HEADING:
            return range(n)
    return range(0)


@st.composite
def header_labels(draw: st.DrawFn, text: str) -> str:
    """The header table's labels in another case and spacing (``DATE ASSIGNED :``,
    ``date  of injury:``); a label split over lines keeps its split."""
    lines = text.split("\n")
    rnd = draw(st.randoms(use_true_random=False))

    def respell(match: re.Match[str]) -> str:
        words = match.group(1).split()
        change = rnd.choice(_CASES)
        joined = rnd.choice((" ", "  ", "\t")).join(change(word) for word in words)
        return joined + rnd.choice((":", " :", "  :"))

    for n in _table_lines(lines):
        lines[n] = _HEADER_LABEL.sub(respell, lines[n])
    return "\n".join(lines)


@st.composite
def header_rows(draw: st.DrawFn, text: str) -> str:
    """The header table's rows in another order and another grouping: lines that are only
    label/value pairs are shuffled among themselves, and a line of two pairs may become two
    lines, or a single pair two lines (the label, then its value on the next line)."""
    lines = text.split("\n")
    was_doubled = doubled(text)
    rnd = draw(st.randoms(use_true_random=False))
    rows = [n for n in _table_lines(lines) if lines[n].strip() and _PAIRS_LINE.fullmatch(lines[n])]
    if not rows:
        return text
    pieces = [lines[n] for n in rows]
    rnd.shuffle(pieces)
    out: dict[int, list[str]] = {}
    for n, row in zip(rows, pieces, strict=True):
        pairs = [m.group().strip() for m in _PAIR.finditer(row)]
        form = rnd.choice(("keep", "split", "wrap"))
        if form == "split" and len(pairs) > 1:
            new = pairs
        elif form == "wrap" and len(pairs) == 1:
            colon = pairs[0].find(":")
            new = [pairs[0][: colon + 1], pairs[0][colon + 1 :].strip()]
        else:
            new = [row]
        out[n] = _double(new, breaks=False)[:-1] if was_doubled else new
    result: list[str] = []
    for n, line in enumerate(lines):
        result.extend(out.get(n, [line]))
    return "\n".join(result)


@st.composite
def drop_header_row(draw: st.DrawFn, text: str) -> str:
    """One label of the header table removed with its value where both stand on a line
    (``Date Assigned: 11/30/2016``), else the label alone. The field is then not stated."""
    lines = text.split("\n")
    spots = [(n, m.start(), m.end()) for n in _table_lines(lines) for m in _PAIR.finditer(lines[n])]
    if not spots:
        spots = [
            (n, m.start(), m.end())
            for n in _table_lines(lines)
            for m in _HEADER_LABEL.finditer(lines[n])
        ]
    if not spots:
        return text
    n, start, end = draw(st.sampled_from(spots))
    lines[n] = (
        (lines[n][:start] + " " + lines[n][end:]).rstrip()
        if lines[n][:start].strip()
        else lines[n][end:].lstrip()
    )
    return "\n".join(lines)


def _in_running_header(line: str, at: int) -> bool:
    return any(h.start() <= at < h.end() for h in cleaning_running_headers(line))


@st.composite
def garble_header_value(draw: st.DrawFn, text: str) -> str:
    """One value of the header table damaged: a digit made a letter, a separator lost or
    doubled, a word cut (``11/3O/2016``, ``11/302016``, ``Stan``)."""
    lines = text.split("\n")
    value = re.compile(_VALUE)
    spots = [
        (n, m.start(), m.end())
        for n in _table_lines(lines)
        for m in value.finditer(lines[n])
        if not _in_running_header(lines[n], m.start())
    ]
    if not spots:
        return text
    n, start, end = draw(st.sampled_from(spots))
    old = lines[n][start:end]
    rnd = draw(st.randoms(use_true_random=False))
    at = rnd.randrange(len(old))
    how = rnd.choice(("letter", "drop", "double"))
    if how == "letter":
        new = old[:at] + rnd.choice("OlIZx") + old[at + 1 :]
    elif how == "drop":
        new = old[:at] + old[at + 1 :]
    else:
        new = old[:at] + old[at] + old[at:]
    if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{2,4}", new):  # still a date: damage it for sure
        new = old[:at] + "O" + old[at + 1 :]
    lines[n] = lines[n][:start] + new + lines[n][end:]
    return "\n".join(lines)


PRESERVING: dict[str, Mutation] = {
    "rewrap": rewrap,
    "hyphen_wraps": hyphen_wraps,
    "toggle_doubling": toggle_doubling,
    "case_changes": case_changes,
    "colon_spacing": colon_spacing,
    "curly_quotes": curly_quotes,
    "no_break_spaces": no_break_spaces,
    "tabs": tabs,
    "running_headers": running_headers,
    "page_breaks": page_breaks,
    "whitespace_lines": whitespace_lines,
    "mojibake": mojibake,
    "line_endings": line_endings,
}
"""The preserving mutations, by name."""

HEADER_PRESERVING: dict[str, Mutation] = {
    "header_labels": header_labels,
    "header_rows": header_rows,
}
"""Preserving mutations of the header table (2016-17 letters), by name; they run with the
others in :func:`preserving`, first (the table's form is the page's, before any
extraction)."""


PRESERVING = {**HEADER_PRESERVING, **PRESERVING}
PRESERVING_ORDER = tuple(PRESERVING)
"""The order :func:`preserving` applies them in: the order the marks arise, from the
layout of the page (wrapping), through the extractor (headers, page breaks, doubling)
to decoding and line ends."""


@st.composite
def preserving(draw: st.DrawFn, text: str) -> str:
    """Any subset of the preserving mutations, applied in :data:`PRESERVING_ORDER`."""
    for name in PRESERVING_ORDER:
        if draw(st.booleans()):
            text = draw(PRESERVING[name](text))
    return text


# --------------------------------------------------------------------------- destructive


def _paragraphs(lines: list[str]) -> list[tuple[int, int]]:
    """(start, end) index ranges of runs of lines that hold text."""
    spans: list[tuple[int, int]] = []
    start = None
    for n, line in enumerate([*lines, ""]):
        if line.strip() and start is None:
            start = n
        elif not line.strip() and start is not None:
            spans.append((start, n))
            start = None
    return spans


@st.composite
def line_edits(draw: st.DrawFn, text: str) -> str:
    """Delete, duplicate or swap lines."""
    lines = text.split("\n")
    rnd = draw(st.randoms(use_true_random=False))
    for _ in range(draw(st.integers(1, 5))):
        if not lines:
            break
        a = rnd.randrange(len(lines))
        b = rnd.randrange(len(lines))
        action = rnd.choice(("delete", "duplicate", "swap"))
        if action == "delete":
            del lines[a]
        elif action == "duplicate":
            lines.insert(a, lines[a])
        else:
            lines[a], lines[b] = lines[b], lines[a]
    return "\n".join(lines)


@st.composite
def block_edits(draw: st.DrawFn, text: str) -> str:
    """Delete, duplicate or swap paragraphs (runs of lines holding text)."""
    lines = text.split("\n")
    rnd = draw(st.randoms(use_true_random=False))
    for _ in range(draw(st.integers(1, 3))):
        spans = _paragraphs(lines)
        if not spans:
            break
        a0, a1 = rnd.choice(spans)
        b0, b1 = rnd.choice(spans)
        action = rnd.choice(("delete", "duplicate", "swap"))
        if action == "delete":
            del lines[a0:a1]
        elif action == "duplicate":
            lines[a1:a1] = ["", *lines[a0:a1]]
        elif (a0, a1) != (b0, b1):
            first, second = sorted(((a0, a1), (b0, b1)))
            lines = (
                lines[: first[0]]
                + lines[second[0] : second[1]]
                + lines[first[1] : second[0]]
                + lines[first[0] : first[1]]
                + lines[second[1] :]
            )
    return "\n".join(lines)


@st.composite
def truncate(draw: st.DrawFn, text: str) -> str:
    """The text cut off anywhere."""
    return text[: draw(st.integers(0, len(text)))]


@st.composite
def drop_heading(draw: st.DrawFn, text: str) -> str:
    """One section heading line removed."""
    lines = text.split("\n")
    headings = [n for n, line in enumerate(lines) if reads_as(line) is HEADING]
    if headings:
        del lines[draw(st.sampled_from(headings))]
    return "\n".join(lines)


@st.composite
def drop_section(draw: st.DrawFn, text: str) -> str:
    """One section removed whole: its heading and every line up to the next heading."""
    lines = text.split("\n")
    headings = [n for n, line in enumerate(lines) if reads_as(line) is HEADING]
    if headings:
        k = draw(st.integers(0, len(headings) - 1))
        end = headings[k + 1] if k + 1 < len(headings) else len(lines)
        del lines[headings[k] : end]
    return "\n".join(lines)


@st.composite
def drop_label(draw: st.DrawFn, text: str) -> str:
    """One part label (``MAXIMUS guideline:``) removed, the text after it kept."""
    lines = text.split("\n")
    labels = [n for n, line in enumerate(lines) if reads_as(line) is PART]
    if labels:
        n = draw(st.sampled_from(labels))
        lines[n] = lines[n][lines[n].find(":") + 1 :]
    return "\n".join(lines)


@st.composite
def insert_text(draw: st.DrawFn, text: str) -> str:
    """Random text (any characters, line ends included) inserted anywhere."""
    at = draw(st.integers(0, len(text)))
    junk = draw(
        st.text(alphabet=st.characters(codec=None) | st.sampled_from("\n\r\f :#"), max_size=40)
    )
    return text[:at] + junk + text[at:]


@st.composite
def char_edits(draw: st.DrawFn, text: str) -> str:
    """Random single-character insertions, deletions and replacements."""
    chars = list(text)
    for _ in range(draw(st.integers(1, 10))):
        at = draw(st.integers(0, len(chars)))
        action = draw(st.sampled_from(("insert", "delete", "replace")))
        c = draw(st.characters(codec=None) | st.sampled_from("\n\r:#-. "))
        if action == "insert":
            chars.insert(at, c)
        elif at < len(chars):
            if action == "delete":
                del chars[at]
            else:
                chars[at] = c
    return "".join(chars)


DESTRUCTIVE: dict[str, Mutation] = {
    "line_edits": line_edits,
    "block_edits": block_edits,
    "truncate": truncate,
    "drop_heading": drop_heading,
    "drop_section": drop_section,
    "drop_label": drop_label,
    "insert_text": insert_text,
    "char_edits": char_edits,
    "drop_header_row": drop_header_row,
    "garble_header_value": garble_header_value,
}
"""The destructive mutations, by name."""

HEADER_DESTRUCTIVE: dict[str, Mutation] = {
    "drop_header_row": drop_header_row,
    "garble_header_value": garble_header_value,
}
"""Destructive mutations of the header table: each must leave a diagnostic."""


@st.composite
def destructive(draw: st.DrawFn, text: str) -> str:
    """One to three destructive mutations, interleaved with any preserving ones."""
    for _ in range(draw(st.integers(1, 3))):
        text = draw(DESTRUCTIVE[draw(st.sampled_from(sorted(DESTRUCTIVE)))](text))
        if draw(st.booleans()):
            text = draw(PRESERVING[draw(st.sampled_from(PRESERVING_ORDER))](text))
    return text


def check_lenient_and_strict(text: str) -> Letter:
    """Parse a mutated text both ways: lenient never reports an internal error, and
    strict raises exactly at the first error the lenient parse reports (or not at all)."""
    letter = imrparse.parse(text)
    assert not [d for d in letter.diagnostics if d.code == "internal-error"], letter.diagnostics
    errors = [d for d in letter.diagnostics if d.severity is Severity.ERROR]
    if errors:
        with pytest.raises(ParseError) as info:
            imrparse.parse(text, strict=True)
        assert (info.value.line, info.value.column, info.value.code) == (
            errors[0].line,
            errors[0].column,
            errors[0].code,
        )
    return letter
