"""The reader of a decisions section whose outcomes are treatment headers.

Each determination is a header ``<treatment>: Upheld`` (a partial authorization's header
is a few sentences) followed by its labelled parts: the claims administrator's guideline
basis, the reviewer's, and the rationale. The grammar (:func:`~imrparse.blocks.split_blocks`)
cuts the section into blocks; this reader turns each block into a
:class:`~imrparse.Determination`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from ..blocks import Block, Part, split_blocks
from ..diagnostics import Collector
from ..extractors.citations import MAX_CLAUSES, REMEMBERED_CLAUSES, parse_basis
from ..extractors.treatments import parse_treatment
from ..record_builders import builder
from ..records import Determination, GuidelineBasis, Outcome, TokenKind
from ..scanner import Line, contents
from ..spans import Row, Source, determination_path, keep
from .base import Context, Reading, claim_rest, cut_openings, report_unknown, strip_boilerplate

if TYPE_CHECKING:
    from ..grammar import Section

__all__ = ["NONE_FOUND", "read_block", "read_decisions", "read_out_of_place"]

NONE_FOUND: Final = (
    "no treatment header of the form '<treatment>: Upheld' or ': Overturned' was found"
)
_DETERMINATION: Final = builder(
    Determination,
    "treatment",
    "outcome",
    "original_request",
    "authorized",
    "claims_administrator_basis",
    "reviewer_basis",
    "rationale",
)
_NO_BASIS: Final = GuidelineBasis()  # (records are frozen: one instance serves every letter)
_OUTCOMES: Final = {outcome.value: outcome for outcome in Outcome}  # Outcome(value) costs ~1 us
_LONGEST_HEADER: Final = 1500  # characters: longer, a header is no partial authorization
_PART_KIND: Final = TokenKind.PART
_HEADER_KIND: Final = TokenKind.DETERMINATION


def read_decisions(section: Section, context: Context) -> Reading:
    """Read one determination per treatment header, with its labelled parts."""
    reading = Reading(section.name)
    reading.decides = True
    scanned = context.scan
    heads = labels = None
    start = section.start
    if start >= 0:  # one run of the scanned lines: the scan's indexes, shifted, hold
        stop = start + len(section.lines)
        heads = [i - start for i in scanned.determinations if start <= i < stop]
        labels = [i - start for i in scanned.parts if start <= i < stop]
    layout = context.layout
    preface, blocks = split_blocks(
        section.lines,
        scanned.doubled,
        reading.diag,
        heads,
        labels,
        layout.partial_cue if layout.partial_authorizations else "",
        layout.partial_openings,
        layout.part_titles,
    )
    leftover = strip_boilerplate(context, section.name, context.clean(contents(preface)))
    if leftover:
        first = next(line for line in preface if line.content)
        reading.unclaimed.append(leftover)
        reading.diag.add(
            "unclaimed-text",
            f"text before the first determination: {leftover[:60]!r}",
            first.number,
            first.column,
        )
        label = next((line for line in preface if line.kind is _PART_KIND), None)
        if label is not None:  # (a decision whose treatment header was not recognised)
            reading.diag.add(
                "unread-determination",
                f"the part {label.content[:40]!r} stands before the first treatment "
                "header: a decision whose header was not recognised, and is not read",
                label.number,
                label.column,
            )
    for block in blocks:
        reading.determinations.append(read_block(block, reading, context))
        first = block.header[0]
        reading.places.append((first.number, first.column))
    return reading


def read_block(block: Block, reading: Reading, context: Context) -> Determination:
    """The determination of one block (its header and parts), problems to ``reading``,
    where its values stand to ``reading.determination_spans``. (Its guideline clauses are
    looked up in, and added to, the clauses read before: see :func:`parse_basis`.)"""
    # (each part's name is its own: split_blocks joins a part stated twice into one)
    claims_part = reviewer_part = rationale_part = None
    for part in block.parts:
        name = part.name
        if name == "claims":
            claims_part = part
        elif name == "reviewer":
            reviewer_part = part
        elif name == "rationale":
            rationale_part = part
    if block.stray:
        claim_rest(
            reading,
            context,
            block.stray,
            "between a treatment header and its first part",
            "unclaimed-text",
        )
    diag = reading.diag
    header = context.clean(block.header_text)
    spans = context.spans
    rows = reading.determination_spans
    n = context.decided + len(reading.determinations)  # (its number in the letter)
    whole = header
    at = 0
    source: Source | None = None
    original = authorized = None
    layout = context.layout
    first = block.header[0]
    if layout.partial_authorizations and layout.partial_cue in header.lower():
        # (the patterns' lazy groups are matched on a header of a few lines only)
        patterns = layout.partial_authorizations if len(header) <= _LONGEST_HEADER else ()
        for pattern in patterns:
            match = pattern.fullmatch(header)
            if match is not None:
                original = match.group("original").strip()
                authorized = match.group("authorized").strip()
                header = match.group("remaining").strip()
                if spans:
                    source = _header_source(block)
                    keep(
                        rows,
                        source.find(
                            determination_path(n, "original_request"),
                            whole,
                            original,
                            match.start("original"),
                        ),
                    )
                    keep(
                        rows,
                        source.find(
                            determination_path(n, "authorized"),
                            whole,
                            authorized,
                            match.start("authorized"),
                        ),
                    )
                    at = match.start("remaining")
                break
        else:
            diag.add(
                "unread-partial-authorization",
                "the treatment header reads as a partial authorization in no known "
                "wording; the whole header is kept as the treatment",
                first.number,
                first.column,
            )
    if spans:
        head = block.header[0]
        path = determination_path(n, "treatment.text")
        if (
            source is None
            and header
            and len(block.header_text) == 1
            and header == block.header_text[0]
        ):
            start = head.offset + head.column - 1  # (the usual header: one line, as written)
            rows.append((path, start, start + len(header), head.number, head.column, 0))
        else:
            source = source or _header_source(block)
            keep(rows, source.find(path, whole, header, at))
        keep(rows, _outcome_row(determination_path(n, "outcome"), block))
    treatment = parse_treatment(header)
    report_unknown(reading, treatment, first.number, first.column)
    claims = reviewer = _NO_BASIS
    placed = rows if spans else None
    # (each part's text cleaned where it is read: cleaning reports nothing, so the order
    # of the diagnostics is the order of the reads)
    if claims_part is not None:
        text = context.clean(claims_part.texts)
        claims = _basis(claims_part, text, diag, placed, n, _CLAIMS)
    if reviewer_part is not None:
        text = context.clean(reviewer_part.texts)
        reviewer = _basis(reviewer_part, text, diag, placed, n, _REVIEWER)
    rationale = ""
    if rationale_part is not None:
        text = context.clean(rationale_part.texts)
        rationale = cut_openings(context, text, rationale_part.label.number, reading)
        if spans and rationale is text:  # (none cut out of it)
            keep(rows, _part_row(determination_path(n, "rationale"), rationale_part))
    return _DETERMINATION(
        treatment, _OUTCOMES[block.outcome], original, authorized, claims, reviewer, rationale
    )


def _header_source(block: Block) -> Source:
    """The pieces of a treatment header's text."""
    source = Source()
    lines = block.header
    texts = block.header_text
    for k in range(min(len(lines), len(texts))):  # (compiled, zip() is a generic call)
        line = lines[k]
        source.add(line, line.column, texts[k])
    return source


_CLAIMS: Final = "claims_administrator_basis"
_REVIEWER: Final = "reviewer_basis"


def _basis(
    part: Part,
    text: str,
    diag: Collector,
    rows: list[Row] | None,
    n: int,
    side: str,
) -> GuidelineBasis:
    """One side's guideline paragraph read from its part; where each citation stands to
    ``rows`` (when given), as the ``side`` of the ``n``-th determination."""
    remembered = _REMEMBERED_BASES.get(text)
    if remembered is not None:
        basis, found = remembered
    else:
        reported = len(diag.items)
        found = []  # (gathered with spans off too: the paragraph may be met with them on)
        basis = parse_basis(text, diag, part.label.number, found, REMEMBERED_CLAUSES)
        # (what a paragraph gives depends on its words alone, but for the line of a
        # problem it reports: one that reported any is read again wherever it stands)
        if len(diag.items) == reported:
            if len(_REMEMBERED_BASES) >= MAX_CLAUSES:
                _REMEMBERED_BASES.clear()
            _REMEMBERED_BASES[text] = (basis, found)
    if not found or rows is None or part.body is None or not text:
        return basis
    source = _part_source(part)
    names = _CITED[side]
    for k, (start, end) in enumerate(found):
        if start >= 0:
            name = names[k] if k < len(names) else f"{side}.citations.{k}"
            keep(rows, source.locate(determination_path(n, name), text, start, end))
    return basis


_REMEMBERED_BASES: Final[dict[str, tuple[GuidelineBasis, list[tuple[int, int]]]]] = {}
"""The guideline paragraphs read, by their cleaned text, with where their citations
stand in it (kept, never changed): both sides of a decision, and letters, often state the
same paragraph, and one met again costs a lookup where reading it (even with its clauses
remembered, :data:`REMEMBERED_CLAUSES`) cost its lower-case copy, its searches and its
pieces. Bounded as that table is."""

_CITED: Final = {
    side: tuple(f"{side}.citations.{k}" for k in range(12)) for side in (_CLAIMS, _REVIEWER)
}
"""The paths in a determination of each side's first citations (made once)."""


def _part_source(part: Part) -> Source:
    """The pieces of a part's text: its label line's remainder, then its lines."""
    label = part.label
    content = label.content
    colon = content.find(":") + 1
    source = Source()
    source.add(label, label.column + colon, content[colon:])
    if part.body:
        source.extend(part.body)
    return source


def _part_row(path: str, part: Part) -> Row | None:
    """The row of the value ``path`` that is a part's text, from its first character to its
    last (a part stated twice: ``None``)."""
    if part.body is None:
        return None
    label = part.label
    content = label.content
    colon = content.find(":") + 1
    rest = content[colon:]
    start = line = column = -1
    if rest.strip():
        line = label.number
        column = label.column + colon + len(rest) - len(rest.lstrip())
        start = label.offset + column - 1
    else:
        after = next((line for line in part.body if line.content), None)
        if after is None:
            return None
        start, line, column = after.offset + after.column - 1, after.number, after.column
    end = label.offset + label.column - 1 + len(content.rstrip())
    for last in reversed(part.body):
        if last.content:
            end = last.offset + last.column - 1 + len(last.content)
            break
    return path, start, end, line, column, 0


def _outcome_row(path: str, block: Block) -> Row | None:
    """The row of the value ``path`` that is the outcome word of a block's treatment
    header."""
    head = block.header[-1]
    content = head.content
    colon = content.rfind(":") + 1
    word = content[colon:]
    text = word.strip()
    if not text:
        return None
    column = head.column + colon + len(word) - len(word.lstrip())
    start = head.offset + column - 1
    return path, start, start + len(text), head.number, column, 0


def read_out_of_place(
    lines: list[Line], heading: str, context: Context, reading: Reading
) -> list[Line]:
    """Read the whole determinations (a treatment header followed by a part label) that
    stand among ``lines`` of a section other than the decisions (pages out of order), each
    with a ``determination-out-of-place`` warning, into ``reading``; the lines before the
    first of them are returned for the section's own reader. ``heading`` is the section's
    heading as written ("" for the lines before the first section)."""
    if not _holds_determinations(lines):
        return lines
    # (named only where some stand: compiled, the f-string with repr() is a str.format
    # call, which every summary paid for a name that most letters never use)
    where = f"in the section {heading!r}" if heading else "before the first section"
    layout = context.layout
    preface, blocks = split_blocks(
        lines,
        context.scan.doubled,
        reading.diag,
        cue=layout.partial_cue if layout.partial_authorizations else "",
        openings=layout.partial_openings,
        titles=layout.part_titles,
    )
    for block in blocks:
        first = block.header[0]
        reading.diag.add(
            "determination-out-of-place",
            f"the determination {first.content[:60]!r} stands {where} (pages out of "
            "order?): read where it stands",
            first.number,
            first.column,
        )
        reading.determinations.append(read_block(block, reading, context))
        reading.places.append((first.number, first.column))
    return preface


def _holds_determinations(lines: list[Line]) -> bool:
    """Whether a treatment header followed by a part label stands among ``lines``."""
    header = False
    for line in lines:
        kind = line.kind
        if kind is _HEADER_KIND:
            header = True
        elif kind is _PART_KIND and header:
            return True
    return False
