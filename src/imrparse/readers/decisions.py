"""The reader of a decisions section whose outcomes are treatment headers.

Each determination is a header ``<treatment>: Upheld`` (a partial authorization's header
is a few sentences) followed by its labelled parts: the claims administrator's guideline
basis, the reviewer's, and the rationale. The grammar (:func:`~imrparse.blocks.split_blocks`)
cuts the section into blocks; this reader turns each block into a
:class:`~imrparse.Determination`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from ..blocks import Block, split_blocks
from ..cleaning import clean_lines
from ..extractors.citations import parse_basis
from ..extractors.treatments import parse_treatment
from ..records import Determination, GuidelineBasis, Outcome, TokenKind
from ..scanner import Line, contents
from .base import Context, Reading, claim_rest, cut_openings, report_unknown, strip_boilerplate

if TYPE_CHECKING:
    from ..grammar import Section

__all__ = ["NONE_FOUND", "read_block", "read_decisions", "read_out_of_place"]

NONE_FOUND: Final = (
    "no treatment header of the form '<treatment>: Upheld' or ': Overturned' was found"
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
    leftover = strip_boilerplate(
        context, section.name, clean_lines(contents(preface), context.headers)
    )
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
    """The determination of one block (its header and parts), problems to ``reading``."""
    texts = {part.name: clean_lines(part.texts, context.headers) for part in block.parts}
    line = {part.name: part.label.number for part in block.parts}
    if block.stray:
        claim_rest(
            reading,
            context,
            block.stray,
            "between a treatment header and its first part",
            "unclaimed-text",
        )
    diag = reading.diag
    header = clean_lines(block.header_text, context.headers)
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
                break
        else:
            diag.add(
                "unread-partial-authorization",
                "the treatment header reads as a partial authorization in no known "
                "wording; the whole header is kept as the treatment",
                first.number,
                first.column,
            )
    treatment = parse_treatment(header)
    report_unknown(reading, treatment, first.number, first.column)
    return Determination(
        treatment=treatment,
        outcome=_OUTCOMES[block.outcome],
        original_request=original,
        authorized=authorized,
        claims_administrator_basis=(
            parse_basis(texts["claims"], diag, line["claims"]) if "claims" in texts else _NO_BASIS
        ),
        reviewer_basis=(
            parse_basis(texts["reviewer"], diag, line["reviewer"])
            if "reviewer" in texts
            else _NO_BASIS
        ),
        rationale=(
            cut_openings(context, texts["rationale"], line["rationale"], reading)
            if "rationale" in texts
            else ""
        ),
    )


def read_out_of_place(
    lines: list[Line], where: str, context: Context, reading: Reading
) -> list[Line]:
    """Read the whole determinations (a treatment header followed by a part label) that
    stand among ``lines`` of a section other than the decisions (pages out of order), each
    with a ``determination-out-of-place`` warning, into ``reading``; the lines before the
    first of them are returned for the section's own reader. ``where`` names the
    section."""
    if not _holds_determinations(lines):
        return lines
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
