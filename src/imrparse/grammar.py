"""The section grammar: classified lines in, the letter's outline out.

The grammar of the main layout, one rule a function::

    letter      = preamble section*
    section     = HEADING body                       (split_sections)
    how, summary body = (FIELD continuation* | TEXT)* (split_fields)
    decisions   = preface block*                     (split_blocks)
    block       = header-continuation* DETERMINATION part*
    part        = PART TEXT*                          (split_parts)

Blank lines, paragraph breaks, page breaks and page artifacts separate nothing
inside a value; they only help decide where a wrapped header or field ends.
Every rule is tolerant: a missing, repeated or misplaced construct becomes a
diagnostic, and lines that no rule claims are returned to the caller, which
keeps and reports them.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from typing import Final, NamedTuple

from .cleaning import clean_lines
from .diagnostics import Collector

# Token kinds bound once, in the scanner: looking an Enum member up on its class
# costs about fifteen times a plain name, and these tests run for every line.
from .scanner import (
    _ARTIFACT,
    _BREAK,
    _DETERMINATION,
    _FIELD,
    _HEADING,
    _PAGE_BREAK,
    _PART,
    _TEXT,
    COLUMN,
    CONTENT,
    GAP,
    KIND,
    NAME,
    NUMBER,
    Line,
    contents,
    doubling,
)

__all__ = [
    "Block",
    "Outline",
    "Part",
    "Section",
    "check_order",
    "is_doubled",
    "split_blocks",
    "split_fields",
    "split_parts",
    "split_sections",
]

_SKIP: Final = frozenset({_BREAK, _PAGE_BREAK, _ARTIFACT})
_BREAKS: Final = frozenset({_BREAK, _PAGE_BREAK})
_SENTENCE_END: Final = (".", ":", ";", "!", "?")
PART_ORDER: Final = ("claims", "reviewer", "rationale")
# The orders of parts that follow PART_ORDER (any of them may be missing).
_ORDERLY: Final = frozenset(
    tuple(name for name, keep in zip(PART_ORDER, mask, strict=True) if keep)
    for mask in itertools.product((False, True), repeat=len(PART_ORDER))
)
PART_TITLES: Final = {
    "claims": "Claims Administrator guideline",
    "reviewer": "MAXIMUS guideline",
    "rationale": "Decision rationale",
}


class Section(NamedTuple):
    """A section: its canonical name, heading line and body lines."""

    name: str
    heading: Line
    lines: list[Line]
    start: int
    """Index of the first body line in the letter's lines; -1 when the body is not one
    run of them (a repeated heading joined more lines to it)."""


class Part(NamedTuple):
    """A labelled part of a determination block."""

    name: str
    label: Line
    texts: list[str]
    """The contents of its lines, the label line's remainder first."""


class Block(NamedTuple):
    """One determination: header lines, outcome word, parts, stray lines."""

    header: list[Line]
    header_text: list[str]
    outcome: str
    parts: list[Part]
    stray: list[Line]


class Outline(NamedTuple):
    """What the grammar found in a whole letter."""

    preamble: list[Line]
    sections: dict[str, Section]


def is_doubled(lines: list[Line]) -> bool:
    """Whether the text has blank-line doubling: an empty line after every line of text.

    The same verdict :func:`~imrparse.scanner.scan_text` reaches while it scans;
    see :func:`~imrparse.scanner.doubling` for the rule.
    """
    blanks = 0
    filled = 0
    adjacent = 0
    previous_filled = False
    for _, _, content, _, _, gap, _ in lines:
        blanks += gap
        if content:
            filled += 1
            adjacent += previous_filled and not gap
            previous_filled = True
        else:
            previous_filled = False
    return doubling(blanks, filled, adjacent)


def _paragraph_break_before(line: Line, spaced: bool) -> bool:
    """Whether a paragraph break (not a page break) stands just before ``line``; in
    ``spaced`` text empty lines are no paragraph breaks."""
    return line[KIND] is _BREAK or (line[GAP] > 0 and not spaced)


def split_sections(
    lines: list[Line],
    diag: Collector,
    headings: list[int] | None = None,
    names: list[str] | None = None,
) -> Outline:
    """Rule ``letter``: cut the lines at section headings.

    A heading seen twice continues its section (``duplicate-section``). ``headings``,
    the indexes of the heading lines, saves a pass when the caller has them. ``names``
    gives each heading of ``headings`` its section's name (default: the heading's key, as
    the scanner named it); the layout names its headings by their roles, and a heading of
    another layout so that no reader reads it.
    """
    heads = (
        headings
        if headings is not None
        else [i for i, line in enumerate(lines) if line[KIND] is _HEADING]
    )
    preamble = lines[: heads[0] if heads else len(lines)]
    sections: dict[str, Section] = {}
    for n, i in enumerate(heads):
        line = lines[i]
        body = lines[i + 1 : heads[n + 1] if n + 1 < len(heads) else len(lines)]
        name = line[NAME] if names is None else names[n]
        if name in sections:
            diag.add(
                "duplicate-section",
                f"the heading {line[CONTENT]!r} appears again; its text continues the section",
                line[NUMBER],
                line[COLUMN],
            )
            sections[name].lines.extend(body)
            sections[name] = sections[name]._replace(start=-1)
            continue
        sections[name] = Section(name, line, body, i + 1)
    return Outline(preamble, sections)


def check_order(sections: dict[str, Section], rank: Mapping[str, int], diag: Collector) -> None:
    """Report sections that come before one that usually precedes them
    (``section-out-of-order``); ``rank`` gives the layout's roles their usual positions."""
    last_rank = -1
    for section in sections.values():  # (in the order their headings first come)
        here = rank.get(section.name, -1)
        if 0 <= here < last_rank:
            line = section.heading
            diag.add(
                "section-out-of-order",
                f"the section {line[CONTENT]!r} comes after a section that usually follows it",
                line[NUMBER],
                line[COLUMN],
            )
        last_rank = max(last_rank, here)


def split_fields(
    lines: list[Line], doubled: bool
) -> tuple[list[Line], dict[str, tuple[Line, list[str]]]]:
    """Rule ``field``: take labelled fields (with wrapped continuations) out of a body.

    Returns the remaining lines and the fields by name, each with its label line
    and the texts of its value. A field's value continues on the following text
    lines while it plainly is not finished (it ends in a comma, ``&``, ``and``,
    a hyphen) or the next line is short and is no sentence.
    """
    rest: list[Line] = []
    fields: dict[str, tuple[Line, list[str]]] = {}
    open_field: list[str] | None = None
    for line in lines:
        kind, _, content, _, _, gap, name = line
        if kind is _FIELD:
            open_field = [content[content.find(":") + 1 :]]
            if name in fields:
                fields[name][1].extend(open_field)
                open_field = fields[name][1]
            else:
                fields[name] = (line, open_field)
            continue
        if open_field is not None:
            if (
                kind is _TEXT
                and (doubled or not gap)  # no paragraph break before the line
                and _continues(open_field[-1], content)
            ):
                open_field.append(content)
                continue
            if kind is _ARTIFACT or kind is _PAGE_BREAK:
                continue  # a page boundary inside a value does not end it
            open_field = None
        rest.append(line)
    return rest, fields


def _continues(value: str, nxt: str) -> bool:
    tail = value.rstrip()
    if tail.endswith((",", "&", "-", "/")) or tail.upper().endswith((" AND", " OR")):
        return True
    return len(nxt) < 60 and "." not in nxt and ":" not in nxt


def split_blocks(
    lines: list[Line],
    doubled: bool,
    diag: Collector,
    heads: list[int] | None = None,
    labels: list[int] | None = None,
    cue: str = "",
    openings: tuple[str, ...] = (),
) -> tuple[list[Line], list[Block]]:
    """Rule ``decisions``: cut the decisions section into determination blocks.

    A block starts at its header line; text lines just before it that do not end
    a sentence are the header's wrapped beginning. A header whose outcome stands alone
    on its line ("Upheld") takes the line before it whole. Where a layout has headers
    that are sentences (a partial authorization: ``cue`` and ``openings``), a header that
    holds ``cue`` but none of ``openings``, the words its first sentence ends with, goes on
    back across sentence ends.
    Returns the preface (the lines before the first block) and the blocks in letter
    order. ``heads`` and ``labels``, the indexes of the treatment headers and part labels
    in ``lines``, save passes when the caller has them.
    """
    if heads is None:
        heads = [i for i, line in enumerate(lines) if line[KIND] is _DETERMINATION]
    # Where paragraphs are parted by lines of white space (or the text is doubled), an
    # empty line is a page boundary, not a paragraph break.
    spaced = doubled or any(line[KIND] is _BREAK for line in lines)
    starts: list[int] = []
    for i in heads:
        starts.append(
            _header_start(
                lines, i, heads[len(starts) - 1] + 1 if starts else 0, spaced, cue, openings
            )
        )
    preface = lines[: starts[0]] if starts else list(lines)
    blocks: list[Block] = []
    for n, (start, head) in enumerate(zip(starts, heads, strict=True)):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        header_lines = [ln for ln in lines[start : head + 1] if ln[KIND] not in _SKIP]
        head_line = lines[head]
        header = head_line[CONTENT]
        outcome = head_line[NAME]
        texts = contents(header_lines[:-1])
        colon = header.rfind(":")
        if colon >= 0:  # (the treatment: before the last colon)
            texts.append(header[:colon].strip())
        elif texts:  # the outcome alone: the line before ends in the colon
            texts[-1] = texts[-1][: texts[-1].rfind(":")].strip()
        # (the labels are in order: the block's are one run of them, found by bisection)
        body = (
            None
            if labels is None
            else [
                i - head - 1 for i in labels[bisect_right(labels, head) : bisect_left(labels, end)]
            ]
        )
        stray, parts = split_parts(lines[head + 1 : end], head_line, diag, body)
        blocks.append(Block(header_lines, texts, outcome, parts, stray))
    return preface, blocks


def _header_start(
    lines: list[Line],
    head: int,
    floor: int,
    spaced: bool,
    cue: str,
    openings: tuple[str, ...],
) -> int:
    """The index of the first line of the treatment header that ends at ``head``.

    A partial authorization's header is sought back across sentence ends and page padding
    only while it is open (:func:`_open_sentence`); where its opening sentence is never
    found (a wording the layout does not know), the header is the ordinary one, so that
    no sentence of the rationale before it is taken.
    """
    start, opened = _scan_back(lines, head, floor, spaced, cue, openings)
    if not opened:  # (the rule of partial authorizations never applied: the usual case)
        return start
    header = lines[head][CONTENT]
    texts = [*contents(lines[start:head]), header[: header.rfind(":")] if ":" in header else ""]
    text = clean_lines(texts).lower()
    if any(opening in text for opening in openings):
        return start
    return _scan_back(lines, head, floor, spaced, "", ())[0]


def _scan_back(
    lines: list[Line], head: int, floor: int, spaced: bool, cue: str, openings: tuple[str, ...]
) -> tuple[int, bool]:
    """:func:`_header_start`'s walk back from ``head``, with (``cue``) or without the
    rule of partial authorizations, and whether that rule took it further back."""
    opened = False
    start = head
    after = lines[head]
    alone = ":" not in after[CONTENT]  # the outcome alone on its line
    taken: list[str] = []
    limit = 3
    j = head - 1
    # Only a paragraph break ends a wrapped header; a page boundary inside it (a page
    # break, a running header or footer) does not, and does not count.
    while j >= floor and len(taken) < limit:
        if _paragraph_break_before(after, spaced):
            # (a partial authorization's sentences go on across a page's padding)
            if not (cue and _open_sentence(taken, lines[head], cue, openings)):
                break
            opened = True
        if len(taken) == 2 and cue and _names_cue(taken, lines[head], cue):
            # A partial authorization's sentences run longer than a name: read back to
            # the end of the sentence before its first one (which may begin some lines
            # above its "was the original request", a word broken at a hyphen between).
            limit = 12
            opened = True
        line = lines[j]
        kind = line[KIND]
        if kind is _ARTIFACT or kind is _PAGE_BREAK or kind is _BREAK:
            after = line
            j -= 1
            continue
        if kind is not _TEXT:
            break
        content = line[CONTENT]
        if content.endswith(_SENTENCE_END) and not (alone and not taken):
            if not (cue and _open_sentence(taken, lines[head], cue, openings)):
                break
            limit = 12
            opened = True
        start = j
        after = line
        taken.append(content)
        j -= 1
    return start, opened


def _names_cue(taken: list[str], head: Line, cue: str) -> bool:
    """Whether a header read back over the lines ``taken`` (last first) holds ``cue``."""
    header = head[CONTENT]
    texts = [*reversed(taken), header[: header.rfind(":")] if ":" in header else ""]
    word = cue.split(" ", 1)[0]
    if not any(word in text.lower() for text in texts):
        return False
    return cue in clean_lines(texts).lower()


def _open_sentence(taken: list[str], head: Line, cue: str, openings: tuple[str, ...]) -> bool:
    """Whether a header read back over the lines ``taken`` (last first) is a partial
    authorization whose beginning is still before them: it holds ``cue`` but none of
    ``openings``."""
    header = head[CONTENT]
    texts = [*reversed(taken), header[: header.rfind(":")] if ":" in header else ""]
    # (the cue's first word, looked for line by line, spares most headers the cleaning)
    word = cue.split(" ", 1)[0]
    if not any(word in text.lower() for text in texts):
        return False
    text = clean_lines(texts).lower()
    return cue in text and not any(opening in text for opening in openings)


def _has_text(texts: list[str]) -> bool:
    # Stops at the first text with content: the label's remainder or the line after.
    return any(map(str.strip, texts))


def split_parts(
    lines: list[Line], header: Line, diag: Collector, labels: list[int] | None = None
) -> tuple[list[Line], list[Part]]:
    """Rule ``part``: cut a block's body at its part labels.

    Reports parts that are missing (``missing-part``), repeated
    (``duplicate-part``, texts joined), out of order (``part-out-of-order``) or
    empty (``empty-part``). Text before the first label is returned as stray.
    ``labels``, the indexes of the label lines, saves a pass when the caller has them.
    """
    parts: dict[str, Part] = {}
    order: list[str] = []
    if labels is None:
        labels = [i for i, line in enumerate(lines) if line[KIND] is _PART]
    stray = [line for line in lines[: labels[0] if labels else len(lines)] if line[CONTENT]]
    for n, i in enumerate(labels):
        line = lines[i]
        end = labels[n + 1] if n + 1 < len(labels) else len(lines)
        content = line[CONTENT]
        name = line[NAME]
        # Lines without content are the skipped kinds: breaks and page artifacts.
        texts = [content[content.find(":") + 1 :], *contents(lines[i + 1 : end])]
        if name in parts:
            diag.add(
                "duplicate-part",
                f"{PART_TITLES[name]!r} appears twice in one determination; texts are joined",
                line[NUMBER],
                line[COLUMN],
            )
            parts[name].texts.extend(texts)
        else:
            parts[name] = Part(name, line, texts)
            order.append(name)
    if tuple(order) not in _ORDERLY:
        first = parts[order[0]].label
        diag.add(
            "part-out-of-order",
            "the parts of this determination are not in the usual order",
            first[NUMBER],
            first[COLUMN],
        )
    for name in PART_ORDER:
        if name not in parts:
            diag.add(
                "missing-part",
                f"the determination has no {PART_TITLES[name]!r} part",
                header[NUMBER],
                header[COLUMN],
            )
        elif not _has_text(parts[name].texts):
            label = parts[name].label
            diag.add(
                "empty-part",
                f"the {PART_TITLES[name]!r} part is empty",
                label[NUMBER],
                label[COLUMN],
            )
    return stray, [parts[name] for name in order]
