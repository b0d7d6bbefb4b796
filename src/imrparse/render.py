"""``render``: write a :class:`~imrparse.Letter` back as canonical main-layout text.

The text is what a clean extraction of a 2014-onward letter looks like: the
three headings, the credentials block, the summary prose, and per treatment its
header and three labelled parts. Prose is wrapped at :data:`WIDTH` columns at
spaces only, never where a wrapped line would read as something else (a
heading, a label, a treatment header) or where a hyphen would glue two words.
"""

from __future__ import annotations

from .cleaning import strip_artifacts
from .records import Letter, Reviewer, TokenKind
from .scanner import classify

__all__ = ["WIDTH", "render"]

WIDTH = 90
"""The column at which :func:`render` wraps prose."""


def render(letter: Letter) -> str:
    """Write ``letter`` as clean canonical text in the main layout.

    ``parse(render(x))`` equals ``x`` in every field ``render`` writes: the case
    number, priority and dates (as a header table), the reviewer, the case summary text
    (and so every fact read from it), and each determination's treatment, outcome,
    partial authorization, guideline paragraphs and rationale. The layout written is
    ``"fdl-2016"`` when the letter has a header table's priority or dates, else
    ``"fdl-2014"``; diagnostics and unclaimed text are not written.

    >>> import imrparse
    >>> letter = imrparse.parse(imrparse.examples.read_text("overturned"))
    >>> again = imrparse.parse(imrparse.render(letter))
    >>> again.determinations == letter.determinations and again.summary == letter.summary
    True
    """
    out: list[str] = _header_table(letter)
    out += ["HOW THE IMR FINAL DETERMINATION WAS MADE", ""]
    out.extend(_wrap(_how_prose(letter.reviewer)))
    out.append("")
    reviewer = letter.reviewer
    # The fixed phrase names a title; with no title the reader must not find one.
    who = "Expert Reviewer" if reviewer.title is not None else "reviewer"
    out.append(f"The {who} has the following credentials:")
    if reviewer.licensed_states:
        out.append("State(s) of Licensure: " + ", ".join(reviewer.licensed_states))
    if reviewer.board_certifications:
        out.append("Certification(s)/Specialty: " + ", ".join(reviewer.board_certifications))
    out += ["", "CLINICAL CASE SUMMARY", ""]
    out.extend(
        _wrap(
            "The expert reviewer developed the following clinical case summary based on a "
            "review of the case file, including all medical records:"
        )
    )
    if letter.summary.text:
        out.append("")
        out.extend(_wrap(letter.summary.text))
    out += ["", "IMR ISSUES, DECISIONS AND RATIONALES", ""]
    out.extend(
        _wrap(
            "The Final Determination was based on decisions for the disputed items/services "
            "set forth below:"
        )
    )
    for item in letter.determinations:
        out.append("")
        header = item.treatment.text
        if item.original_request is not None and item.authorized is not None:
            header = (
                f"{item.original_request} was the original request. {item.authorized} was "
                "authorized by the Claims Administrator. The remaining IMR eligible portion of "
                f"the original request, {header} is"
            )
        out.append(f"{header}: {item.outcome.value.capitalize()}")
        out.extend(
            _wrap(
                "Claims Administrator guideline: " + item.claims_administrator_basis.text,
                labelled=True,
            )
        )
        out.extend(_wrap("MAXIMUS guideline: " + item.reviewer_basis.text, labelled=True))
        out.extend(_wrap("Decision rationale: " + item.rationale, labelled=True))
    out.append("")
    return "\n".join(out)


def _header_table(letter: Letter) -> list[str]:
    """The header table of the letters of 2016 on: one label and its value a line."""
    rows = [f"Case Number: {letter.case_number}"] if letter.case_number else []
    dates = letter.dates
    for label, day in (
        ("Date Assigned", dates.date_assigned),
        ("Date of Injury", dates.date_of_injury),
        ("Decision Date", dates.decision_date),
        ("UR Denial Date", dates.ur_denial_date),
        ("Application Received", dates.application_received),
    ):
        if day is not None:
            rows.append(f"{label}: {day.month:02}/{day.day:02}/{day.year:04}")
    if letter.priority is not None:
        rows.append(f"Priority: {letter.priority.value.capitalize()}")
    return [*rows, ""] if rows else []


def _how_prose(reviewer: Reviewer) -> str:
    who = reviewer.title or "reviewer"
    article = "an" if who[:1].lower() in "aeiou" else "a"
    sentences = [
        f"MAXIMUS Federal Services sent the complete case file to {article} {who}.",
        "He/she has no affiliation with the employer, employee, providers or the claims "
        "administrator.",
    ]
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
