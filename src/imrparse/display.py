"""How a :class:`~imrparse.Letter` shows itself: a one-line ``repr``, and a readable
summary in IPython (``_repr_pretty_``) and in a notebook (``_repr_html_``).

The whole record is one call away: :func:`~imrparse.to_dict`, :func:`~imrparse.to_json`.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .records import Determination, Letter

__all__ = ["letter_html", "letter_lines", "letter_repr"]

_CLIP = 60
_SHOWN_DIAGNOSTICS = 5


def letter_repr(letter: Letter) -> str:
    """One short line: case, layout, decision date, determinations, errors.

    >>> import imrparse
    >>> letter_repr(imrparse.parse(imrparse.examples.read_text("header-2016")))
    "<Letter 'CM16-0000001' layout='fdl-2016' decided=2017-01-06 determinations=2 (1 upheld, 1 overturned) errors=0>"
    """
    decided = letter.dates.decision_date
    parts = [
        "<Letter",
        repr(letter.case_number) if letter.case_number is not None else "(no case number)",
        f"layout={letter.layout!r}",
        f"decided={decided.isoformat() if decided is not None else None}",
        f"determinations={len(letter.determinations)}{_outcomes(letter)}",
        f"errors={_errors(letter)}",
    ]
    if letter.source_lines is not None:
        parts.append(f"lines={letter.source_lines[0]}-{letter.source_lines[1]}")
    return " ".join(parts) + ">"


def letter_lines(letter: Letter) -> list[str]:
    """A readable summary of the letter, a few short lines, as IPython prints it."""
    summary, reviewer = letter.summary, letter.reviewer
    decided = letter.dates.decision_date
    lines = [
        f"Letter {letter.case_number or '(no case number)'} ({letter.layout})"
        + (f", decided {decided.isoformat()}" if decided is not None else ""),
    ]
    if letter.source is not None:
        lines.append(f"  source: {letter.source}")
    who = [reviewer.title or "reviewer", *reviewer.board_certifications]
    lines.append(f"  reviewer: {'; '.join(who)}")
    facts = [
        f"{summary.age} years old" if summary.age is not None else None,
        summary.sex.value if summary.sex is not None else None,
        f"injured {summary.date_of_injury.isoformat()}" if summary.date_of_injury else None,
    ]
    if any(facts):
        lines.append(f"  worker: {', '.join(x for x in facts if x)}")
    lines.append(f"  determinations: {len(letter.determinations)}{_outcomes(letter)}")
    lines += [f"    {n}. {_determination(d)}" for n, d in enumerate(letter.determinations, 1)]
    lines.append(f"  diagnostics: {_diagnostics(letter)}")
    return lines


def letter_html(letter: Letter) -> str:
    """The summary of :func:`letter_lines` as a small HTML table, every value escaped."""
    import html  # (here: only notebooks need it)

    e = html.escape
    head, *rest = letter_lines(letter)
    rows = []
    for line in rest:
        label, _, value = line.strip().partition(": ")
        if line.startswith("    "):  # a determination
            rows.append(f"<tr><td></td><td>{e(line.strip())}</td></tr>")
        else:
            rows.append(f"<tr><th style='text-align:left'>{e(label)}</th><td>{e(value)}</td></tr>")
    return (
        f"<div class='imrparse-letter'><strong>{e(head)}</strong>"
        f"<table>{''.join(rows)}</table></div>"
    )


def _outcomes(letter: Letter) -> str:
    counts = Counter(d.outcome.value for d in letter.determinations)
    shown = ", ".join(f"{n} {outcome}" for outcome, n in sorted(counts.items(), reverse=True))
    return f" ({shown})" if shown else ""


def _errors(letter: Letter) -> int:
    return sum(d.severity.value == "error" for d in letter.diagnostics)


def _determination(d: Determination) -> str:
    text = d.treatment.text
    text = text if len(text) <= _CLIP else text[: _CLIP - 3] + "..."
    sources = sorted({c.source for c in d.reviewer_basis.citations})
    cited = f" [{', '.join(sources)}]" if sources else ""
    return f"{text}: {d.outcome.value}{cited}"


def _diagnostics(letter: Letter) -> str:
    if not letter.diagnostics:
        return "none"
    by_severity = Counter(d.severity.value for d in letter.diagnostics)
    counts = ", ".join(
        f"{by_severity[s]} {s}" for s in ("error", "warning", "info") if by_severity[s]
    )
    codes = list(dict.fromkeys(d.code for d in letter.diagnostics))
    shown = ", ".join(codes[:_SHOWN_DIAGNOSTICS])
    more = f" and {len(codes) - _SHOWN_DIAGNOSTICS} more" if len(codes) > _SHOWN_DIAGNOSTICS else ""
    return f"{counts} ({shown}{more})"
