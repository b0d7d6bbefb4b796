"""``render``: write a :class:`~imrparse.Letter` back as canonical main-layout text.

The text is what a clean extraction of a 2014-onward letter looks like: the
three headings, the credentials block, the summary prose, and per treatment its
header and three labelled parts. Prose is wrapped at :data:`WIDTH` columns at
spaces only, never where a wrapped line would read as something else (a
heading, a label, a treatment header) or where a hyphen would glue two words.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from .cleaning import strip_artifacts
from .layouts import get
from .records import Letter, Reviewer, TokenKind
from .scanner import classify

__all__ = ["WIDTH", "render"]

WIDTH = 90
"""The column at which :func:`render` wraps prose."""


_WRITTEN: Final = "fdl-2016"
"""The layout whose declaration gives the words written (its headings, labels, header
table and :attr:`~imrparse.layouts.Layout.canonical` sentences)."""
_TABLE: Final = (
    ("date-assigned", "date_assigned"),
    ("date-of-injury", "date_of_injury"),
    ("decision-date", "decision_date"),
    ("ur-denial-date", "ur_denial_date"),
    ("application-received", "application_received"),
)


def render(letter: Letter) -> str:
    """Write ``letter`` as clean canonical text in the main layout.

    ``parse(render(x))`` equals ``x`` in every field ``render`` writes: the case
    number, priority and dates (as a header table), the reviewer, the case summary text
    (and so every fact read from it), and each determination's treatment, outcome,
    partial authorization, guideline paragraphs and rationale. The layout written is
    ``"fdl-2016"`` when the letter has a header table's priority or dates, else
    ``"fdl-2014"``; diagnostics and unclaimed text are not written. Every heading, label
    and fixed sentence comes from the layouts' declarations
    (:attr:`~imrparse.layouts.Layout.canonical`).

    >>> import imrparse
    >>> letter = imrparse.parse(imrparse.examples.read_text("overturned"))
    >>> again = imrparse.parse(imrparse.render(letter))
    >>> again.determinations == letter.determinations and again.summary == letter.summary
    True
    """
    if not isinstance(letter, Letter):
        raise TypeError(f"render() takes a Letter, not {type(letter).__name__}")
    layout = get(_WRITTEN)
    words = layout.canonical
    parts = layout.part_titles
    out: list[str] = _header_table(letter, words)
    out += [layout.title("how"), ""]
    out.extend(_wrap(_how_prose(letter.reviewer, words["how"])))
    out.append("")
    reviewer = letter.reviewer
    # The fixed phrase names a title; with no title the reader must not find one.
    who = "Expert Reviewer" if reviewer.title is not None else "reviewer"
    out.append(words["credentials"].format(who=who))
    if reviewer.licensed_states:
        out.append(f"{layout.label('states')}: " + ", ".join(reviewer.licensed_states))
    if reviewer.board_certifications:
        out.append(f"{layout.label('specialties')}: " + ", ".join(reviewer.board_certifications))
    out += ["", layout.title("summary"), ""]
    out.extend(_wrap(words["summary"]))
    if letter.summary.text:
        out.append("")
        out.extend(_wrap(letter.summary.text))
    out += ["", layout.title("decisions"), ""]
    out.extend(_wrap(words["decisions"]))
    for item in letter.determinations:
        out.append("")
        header = item.treatment.text
        if item.original_request is not None and item.authorized is not None:
            header = words["partial"].format(
                original=item.original_request, authorized=item.authorized, remaining=header
            )
        out.append(f"{header}: {item.outcome.value.capitalize()}")
        for role, text in (
            ("claims", item.claims_administrator_basis.text),
            ("reviewer", item.reviewer_basis.text),
            ("rationale", item.rationale),
        ):
            out.extend(_wrap(f"{parts[role]}: {text}", labelled=True))
    out.append("")
    return "\n".join(out)


def _header_table(letter: Letter, words: Mapping[str, str]) -> list[str]:
    """The header table of the letters of 2016 on: one label and its value a line."""
    rows = [f"{words['header:case-number']}: {letter.case_number}"] if letter.case_number else []
    dates = letter.dates
    for name, attribute in _TABLE:
        day = getattr(dates, attribute)
        if day is not None:
            rows.append(f"{words['header:' + name]}: {day.month:02}/{day.day:02}/{day.year:04}")
    if letter.priority is not None:
        rows.append(f"{words['header:priority']}: {letter.priority.value.capitalize()}")
    return [*rows, ""] if rows else []


def _how_prose(reviewer: Reviewer, opening: str) -> str:
    who = reviewer.title or "reviewer"
    article = "an" if who[:1].lower() in "aeiou" else "a"
    sentences = [opening.format(article=article, who=who)]
    practice = []
    if reviewer.min_years_in_practice is not None:
        practice.append(
            f"has been in active clinical practice for more than "
            f"{reviewer.min_years_in_practice} years"
        )
    if reviewer.min_hours_per_week is not None:
        practice.append(
            f"is currently working at least {reviewer.min_hours_per_week} hours a week in "
            "active practice"
        )
    if practice:
        sentences.append("He/she " + " and ".join(practice) + ".")
    return " ".join(sentences)


def _reads_as_prose(line: str) -> bool:
    return classify(line) is TokenKind.TEXT and not strip_artifacts(line)[1]


def _wrap(text: str, *, labelled: bool = False) -> list[str]:
    """Greedy wrap at spaces, moving a break on by a word while it would change the reading.

    A line may not end in a hyphen (the reader would glue the next word to it),
    and no line but a labelled paragraph's first may read as anything but prose.
    """
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        full = current and len(current) + 1 + len(word) > WIDTH and not current.endswith("-")
        if full and ((labelled and not lines) or _reads_as_prose(current)):
            lines.append(current)
            current = word
            continue
        current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    while len(lines) > 1 and not _reads_as_prose(lines[-1]):
        last = lines.pop()
        lines[-1] = f"{lines[-1]} {last}"
    return lines
