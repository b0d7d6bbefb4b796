"""A readable summary of many letters: what ``imrparse stats`` prints."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable

import attrs

from .records import Letter, Outcome
from .specialties import board_names

__all__ = ["Summary", "summarize"]


@attrs.define
class Tally:
    """Determinations counted under one label, and how many of them were upheld."""

    label: str
    total: int = 0
    upheld: int = 0

    def add(self, upheld: bool) -> None:
        """Count one determination."""
        self.total += 1
        self.upheld += upheld


@attrs.define
class Summary:
    """Counts over a batch of letters; ``str()`` gives the report ``imrparse stats`` prints."""

    top: int = 10
    letters: int = 0
    letters_with_errors: int = 0
    overall: Tally = attrs.Factory(lambda: Tally("all"))
    by_source: dict[str, Tally] = attrs.Factory(dict)
    by_specialty: dict[str, Tally] = attrs.Factory(dict)
    by_category: dict[str, Tally] = attrs.Factory(dict)
    by_subcategory: dict[str, Tally] = attrs.Factory(dict)
    by_treatment: dict[str, Tally] = attrs.Factory(dict)
    diagnostics: Counter[tuple[str, str]] = attrs.Factory(Counter)

    def add(self, letter: Letter) -> None:
        """Count one letter and its determinations."""
        self.letters += 1
        self.letters_with_errors += not letter.ok
        self.diagnostics.update((d.code, d.severity.value) for d in letter.diagnostics)
        specialties = board_names(letter.reviewer.board_certifications) or ("(not stated)",)
        for d in letter.determinations:
            upheld = d.outcome is Outcome.UPHELD
            self.overall.add(upheld)
            sources = {c.source for c in d.reviewer_basis.citations} or {"(no citation)"}
            for source in sorted(sources):
                _tally(self.by_source, source, source).add(upheld)
            for specialty in specialties:
                _tally(self.by_specialty, specialty.casefold(), specialty).add(upheld)
            t = d.treatment
            category = t.category.value if t.category is not None else "(unknown)"
            _tally(self.by_category, category, category).add(upheld)
            sub = f"{category} / {t.subcategory or '(any)'}"
            _tally(self.by_subcategory, sub, sub).add(upheld)
            name = t.name
            _tally(self.by_treatment, " ".join(name.casefold().split()), name).add(upheld)

    def __str__(self) -> str:
        lines = [
            f"letters          {self.letters:>7}",
            f"  with errors    {self.letters_with_errors:>7}",
            f"determinations   {self.overall.total:>7}",
            f"  upheld         {self.overall.upheld:>7}  {_rate(self.overall)}",
            f"  overturned     {self.overall.total - self.overall.upheld:>7}",
        ]
        for title, table in (
            ("guideline source (MAXIMUS guideline)", self.by_source),
            ("reviewer specialty", self.by_specialty),
            ("category", self.by_category),
            ("subcategory (drug class for medications)", self.by_subcategory),
            ("treatment name", self.by_treatment),
        ):
            lines += ["", f"Uphold rate by {title}", *_table(table.values(), self.top)]
        lines += ["", "Diagnostics by code"]
        ranked = sorted(self.diagnostics.items(), key=lambda item: (-item[1], item[0]))
        lines += [f"  {n:>7}  {code} ({severity})" for (code, severity), n in ranked]
        if not ranked:
            lines.append("  none")
        return "\n".join(lines)


def summarize(letters: Iterable[Letter], *, top: int = 10) -> Summary:
    """Count letters, determinations, uphold rates and diagnostics.

    Each breakdown of the report lists its ``top`` largest groups. A determination
    counts once under each guideline family its MAXIMUS guideline cites, and once under
    each of the reviewer's board certifications, by the board's name for it
    (:func:`imrparse.specialties.board_name`: ``Sports Medicinea`` counts as ``Sports
    Medicine``).

    >>> import imrparse
    >>> summary = summarize([imrparse.parse(imrparse.examples.read_text("overturned"))])
    >>> summary.letters, summary.overall.total > 0
    (1, True)
    >>> print(str(summary).splitlines()[0])
    letters                1
    """
    summary = Summary(top=top)
    for letter in letters:
        summary.add(letter)
    return summary


def _tally(table: dict[str, Tally], key: str, label: str) -> Tally:
    if key not in table:
        table[key] = Tally(label)
    return table[key]


def _rate(tally: Tally) -> str:
    return f"{100 * tally.upheld / tally.total:5.1f}%" if tally.total else "    -"


def _table(tallies: Collection[Tally], top: int) -> list[str]:
    if not tallies:
        return ["  none"]
    ranked = sorted(tallies, key=lambda t: (-t.total, t.label.casefold()))[:top]
    width = max(len(t.label) for t in ranked)
    lines = [f"  {'':<{width}}  {'count':>7}  {'upheld':>6}"]
    lines += [f"  {t.label:<{width}}  {t.total:>7}  {_rate(t)}" for t in ranked]
    if len(tallies) > top:
        lines.append(f"  ... and {len(tallies) - top} more")
    return lines
