"""The reader of the case summary: age, sex, date and mechanism of injury, diagnoses.

A summary is prose. Where pages came out of order, whole determinations (a treatment
header with its labelled parts) can stand inside it: they are read as determinations,
in their place, with a warning, and the prose before the first of them is the summary.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from ..extractors.summary import extract_summary
from ..records import CaseSummary
from ..scanner import contents
from ..spans import Source, keep
from .base import Context, Reading, strip_boilerplate
from .decisions import read_out_of_place

if TYPE_CHECKING:
    from ..grammar import Section

__all__ = ["read_summary"]


def read_summary(section: Section, context: Context) -> Reading:
    """Read the case facts from the summary's prose (its opening boilerplate dropped)."""
    reading = Reading(section.name)
    lines = read_out_of_place(section.lines, section.heading.content, context, reading)
    full = context.clean(contents(lines))
    text = strip_boilerplate(context, section.name, full)
    found: dict[str, tuple[int, int]] | None = {} if context.spans else None
    summary = reading.summary = extract_summary(text, reading.diag, section.heading.number, found)
    if found is not None:
        _spans(reading, summary, Source.of(lines), full, len(full) - len(text), found)
    return reading


_PATHS: Final = {name: "summary." + name for name in ("age", "sex", "date_of_injury")}
_DIAGNOSES: Final = tuple(f"summary.diagnoses.{n}" for n in range(16))


def _spans(
    reading: Reading,
    summary: CaseSummary,
    source: Source,
    full: str,
    shift: int,
    found: dict[str, tuple[int, int]],
) -> None:
    """Where the summary's values were read (``found``: offsets in ``full[shift:]``, the
    prose after the boilerplate), to ``reading``; the mechanism and the diagnoses, which
    the extractor returns as the prose writes them, where they stand in it, in order."""
    spans = reading.spans
    for name, (start, end) in found.items():
        path = _PATHS.get(name) or "summary." + name
        keep(spans, source.locate(path, full, start + shift, end + shift))
    mechanism = summary.mechanism_of_injury
    if mechanism is not None:
        keep(spans, source.find("summary.mechanism_of_injury", full, mechanism, shift))
    at = shift  # (each diagnosis sought after the one before: found here, not by
    # Source.find, which does not say where in the cleaned text it stopped)
    for n, diagnosis in enumerate(summary.diagnoses):
        start = full.find(diagnosis, at) if diagnosis else -1
        if start >= 0:
            at = start + len(diagnosis)
            path = _DIAGNOSES[n] if n < len(_DIAGNOSES) else f"summary.diagnoses.{n}"
            keep(spans, source.locate(path, full, start, at))
