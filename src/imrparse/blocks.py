"""The grammar of a decisions section: determination blocks and their parts.

    decisions   = preface block*                     (split_blocks)
    block       = header-continuation* DETERMINATION part*
    part        = PART TEXT*                          (split_parts)

A block starts at its treatment header (``<treatment>: Upheld``), whose wrapped beginning
may stand on the lines before it; its body is cut at the part labels. Every rule is
tolerant: a missing, repeated or misplaced part becomes a diagnostic, and lines that no
rule claims are returned to the caller. The words of the parts' labels are the layout's
(``titles``: role -> the label as printed, for messages).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from typing import Final

from .cleaning import clean_lines
from .diagnostics import Collector

# Token kinds bound once, in the scanner: looking an Enum member up on its class
# costs about fifteen times a plain name, and these tests run for every line.
from .line_kinds import _ARTIFACT, _BREAK, _DETERMINATION, _PAGE_BREAK, _PART, _TEXT
from .scanner import Line, contents

__all__ = ["PART_ORDER", "Block", "Part", "split_blocks", "split_parts"]

_SENTENCE_END: Final = (".", ":", ";", "!", "?")
PART_ORDER: Final = ("claims", "reviewer", "rationale")


class Part:
    """A labelled part of a determination block.

    - ``name``: its role (one of :data:`PART_ORDER`);
    - ``label``: the line of its label;
    - ``texts``: the contents of its lines, the label line's remainder first;
    - ``body``: the lines after the label's (``None`` for a part stated twice, its texts
      joined).

    (Compiled, a native class is made directly, where the named tuple it replaced took a
    generic call of ``tuple.__new__``, an arguments tuple and a copy of it.)
    """

    __slots__ = ("body", "label", "name", "texts")

    def __init__(
        self, name: str, label: Line, texts: list[str], body: list[Line] | None = None
    ) -> None:
        self.name: str = name
        self.label: Line = label
        self.texts: list[str] = texts
        self.body: list[Line] | None = body

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Part):
            return NotImplemented
        return (
            self.name == other.name
            and self.label == other.label
            and self.texts == other.texts
            and self.body == other.body
        )

    def __repr__(self) -> str:
        return f"Part({self.name!r}, {self.label!r}, {self.texts!r}, body={self.body!r})"


class Block:
    """One determination: its header's lines (``header``), the contents of the header's
    lines before the outcome (``header_text``), the outcome word (``outcome``), its parts
    (``parts``, in the order each was first stated) and the lines before its first part
    (``stray``). (A native class, as :class:`Part` is.)"""

    __slots__ = ("header", "header_text", "outcome", "parts", "stray")

    def __init__(
        self,
        header: list[Line],
        header_text: list[str],
        outcome: str,
        parts: list[Part],
        stray: list[Line],
    ) -> None:
        self.header: list[Line] = header
        self.header_text: list[str] = header_text
        self.outcome: str = outcome
        self.parts: list[Part] = parts
        self.stray: list[Line] = stray

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Block):
            return NotImplemented
        return (
            self.header == other.header
            and self.header_text == other.header_text
            and self.outcome == other.outcome
            and self.parts == other.parts
            and self.stray == other.stray
        )

    def __repr__(self) -> str:
        return (
            f"Block({self.header!r}, {self.header_text!r}, {self.outcome!r}, {self.parts!r}, "
            f"{self.stray!r})"
        )


def _paragraph_break_before(line: Line, spaced: bool) -> bool:
    """Whether a paragraph break (not a page break) stands just before ``line``; in
    ``spaced`` text empty lines are no paragraph breaks."""
    return line.kind is _BREAK or (line.gap > 0 and not spaced)


def split_blocks(
    lines: list[Line],
    doubled: bool,
    diag: Collector,
    heads: list[int] | None = None,
    labels: list[int] | None = None,
    cue: str = "",
    openings: tuple[str, ...] = (),
    titles: Mapping[str, str] | None = None,
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
        heads = [i for i, line in enumerate(lines) if line.kind is _DETERMINATION]
    # Where paragraphs are parted by lines of white space (or the text is doubled), an
    # empty line is a page boundary, not a paragraph break.
    spaced = doubled or any(line.kind is _BREAK for line in lines)
    starts: list[int] = []
    for i in heads:
        starts.append(
            _header_start(
                lines, i, heads[len(starts) - 1] + 1 if starts else 0, spaced, cue, openings
            )
        )
    preface = lines[: starts[0]] if starts else list(lines)
    blocks: list[Block] = []
    # (compiled, a loop over a range runs natively; enumerate(zip()) is two generic calls)
    for n in range(len(starts)):  # (a start for each header)
        start = starts[n]
        head = heads[n]
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        # (loops over the range: compiled, no slice of the lines is made to be read once)
        header_lines: list[Line] = []
        texts: list[str] = []  # the contents of the header's lines before its last
        for k in range(start, head + 1):
            line = lines[k]
            kind = line.kind
            if kind is not _BREAK and kind is not _PAGE_BREAK and kind is not _ARTIFACT:
                header_lines.append(line)
                if k < head and line.content:
                    texts.append(line.content)
        head_line = lines[head]
        header = head_line.content
        outcome = head_line.name
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
                labels[k] - head - 1
                for k in range(bisect_right(labels, head), bisect_left(labels, end))
            ]
        )
        stray, parts = split_parts(lines[head + 1 : end], head_line, diag, body, titles)
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
    header = lines[head].content
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
    alone = ":" not in after.content  # the outcome alone on its line
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
        kind = line.kind
        if kind is _ARTIFACT or kind is _PAGE_BREAK or kind is _BREAK:
            after = line
            j -= 1
            continue
        if kind is not _TEXT:
            break
        content = line.content
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
    texts = _read_back(taken, head)
    if not _may_hold(texts, cue):
        return False
    return cue in clean_lines(texts).lower()


def _open_sentence(taken: list[str], head: Line, cue: str, openings: tuple[str, ...]) -> bool:
    """Whether a header read back over the lines ``taken`` (last first) is a partial
    authorization whose beginning is still before them: it holds ``cue`` but none of
    ``openings``."""
    texts = _read_back(taken, head)
    if not _may_hold(texts, cue):
        return False
    text = clean_lines(texts).lower()
    return cue in text and not any(opening in text for opening in openings)


def _read_back(taken: list[str], head: Line) -> list[str]:
    """The texts of a header read back over the lines ``taken`` (last first), in the
    letter's order: theirs, then the header line's before its last colon."""
    # (compiled, a loop over a range runs natively; reversed() is a generic call)
    texts = [taken[k] for k in range(len(taken) - 1, -1, -1)]
    header = head.content
    texts.append(header[: header.rfind(":")] if ":" in header else "")
    return texts


def _may_hold(texts: list[str], cue: str) -> bool:
    """Whether any of ``texts`` holds the first word of ``cue``: looked for line by line,
    it spares most headers the cleaning."""
    space = cue.find(" ")
    word = cue if space < 0 else cue[:space]
    return any(word in text.lower() for text in texts)


def _has_text(texts: list[str]) -> bool:
    # Stops at the first text with content: the label's remainder or the line after.
    # (Compiled, any() over a generator is a loop that calls strip() natively; over
    # map() it calls it through the method.)
    return any(text.strip() for text in texts)


def split_parts(
    lines: list[Line],
    header: Line,
    diag: Collector,
    labels: list[int] | None = None,
    titles: Mapping[str, str] | None = None,
) -> tuple[list[Line], list[Part]]:
    """Rule ``part``: cut a block's body at its part labels.

    Reports parts that are missing (``missing-part``), repeated
    (``duplicate-part``, texts joined), out of order (``part-out-of-order``) or
    empty (``empty-part``). Text before the first label is returned as stray.
    ``labels``, the indexes of the label lines, saves a pass when the caller has them;
    ``titles`` names the parts in messages (default: their roles).
    """
    title = titles if titles is not None else {name: name for name in PART_ORDER}
    # (a list, sought by name: a block has three parts at most, and compiled, comparing a
    # few names costs less than a dict and a list of the names filled and read)
    parts: list[Part] = []  # in the order each was first stated
    if labels is None:
        labels = [i for i, line in enumerate(lines) if line.kind is _PART]
    stray = [lines[k] for k in range(labels[0] if labels else len(lines)) if lines[k].content]
    for n, i in enumerate(labels):
        line = lines[i]
        end = labels[n + 1] if n + 1 < len(labels) else len(lines)
        content = line.content
        name = line.name
        # Lines without content are the skipped kinds: breaks and page artifacts.
        # (appended in a loop: compiled, a list of the contents unpacked into this one
        # cost a list and an iterator more)
        texts = [content[content.find(":") + 1 :]]
        for k in range(i + 1, end):
            text = lines[k].content
            if text:
                texts.append(text)
        stated = _named(parts, name)
        if stated >= 0:
            diag.add(
                "duplicate-part",
                f"{title.get(name, name)!r} appears twice in one determination; texts are joined",
                line.number,
                line.column,
            )
            parts[stated].texts.extend(texts)
            parts[stated].body = None
        else:
            parts.append(Part(name, line, texts, lines[i + 1 : end]))
    if not _in_order(parts):
        first = parts[0].label
        diag.add(
            "part-out-of-order",
            "the parts of this determination are not in the usual order",
            first.number,
            first.column,
        )
    for name in PART_ORDER:
        stated = _named(parts, name)
        if stated < 0:
            diag.add(
                "missing-part",
                f"the determination has no {title.get(name, name)!r} part",
                header.number,
                header.column,
            )
        elif not _has_text(parts[stated].texts):
            label = parts[stated].label
            diag.add(
                "empty-part",
                f"the {title.get(name, name)!r} part is empty",
                label.number,
                label.column,
            )
    return stray, parts


def _named(parts: list[Part], name: str) -> int:
    """The index among ``parts`` of the part ``name``, or -1."""
    for k in range(len(parts)):
        if parts[k].name == name:
            return k
    return -1


_RANKS: Final = {name: k for k, name in enumerate(PART_ORDER)}


def _in_order(parts: list[Part]) -> bool:
    """Whether ``parts`` (each name once) stand in :data:`PART_ORDER`, any of them
    missing: each is a part of that order, after the one before it."""
    rank = -1
    for part in parts:
        after = _RANKS.get(part.name, -1)
        if after <= rank:
            return False
        rank = after
    return True
