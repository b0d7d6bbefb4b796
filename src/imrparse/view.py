"""A letter's text with each value the record holds marked where it was read.

:func:`terminal` writes the text for a terminal, each value in brackets (coloured where the
terminal shows colour) with its path after it; :func:`html_page` writes one self-contained
HTML page (no script, no style or font from elsewhere): the text with each value
highlighted, the values listed beside it, and the diagnostics at their lines.
``imrparse show`` is the command that writes them.
"""

from __future__ import annotations

import datetime
import enum
import html
from collections.abc import Iterator

from .records import Citation, Letter
from .spanrows import require_spans

__all__ = ["html_page", "marks", "terminal", "values"]

_DATES = ("application_received", "date_assigned", "decision_date", "ur_denial_date",
          "date_of_injury")  # fmt: skip


def values(letter: Letter) -> Iterator[tuple[str, str]]:
    """Every value of the record that a span can locate, by path, as text to show."""
    items: list[tuple[str, object]] = [
        ("case_number", letter.case_number),
        ("priority", letter.priority),
        *((f"dates.{name}", getattr(letter.dates, name)) for name in _DATES),
        ("reviewer.title", letter.reviewer.title),
        *(
            (f"reviewer.licensed_states.{n}", state)
            for n, state in enumerate(letter.reviewer.licensed_states)
        ),
        *(
            (f"reviewer.board_certifications.{n}", name)
            for n, name in enumerate(letter.reviewer.board_certifications)
        ),
        *(
            (f"summary.{name}", getattr(letter.summary, name))
            for name in ("age", "sex", "date_of_injury", "mechanism_of_injury")
        ),
        *((f"summary.diagnoses.{n}", d) for n, d in enumerate(letter.summary.diagnoses)),
    ]
    for n, d in enumerate(letter.determinations):
        at = f"determinations.{n}."
        items += [
            (at + "treatment.text", d.treatment.text),
            (at + "outcome", d.outcome),
            (at + "original_request", d.original_request),
            (at + "authorized", d.authorized),
        ]
        for side in ("claims_administrator_basis", "reviewer_basis"):
            for k, citation in enumerate(getattr(d, side).citations):
                items.append((f"{at}{side}.citations.{k}", citation))
        items.append((at + "rationale", d.rationale or None))
    for path, value in items:
        if value is not None:
            yield path, _shown(value)


def _shown(value: object) -> str:
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Citation):
        return f"{value.source}: {value.title}" if value.title else value.source
    return str(value)


def marks(letter: Letter) -> list[tuple[str, int, int]]:
    """The values to mark, ``(path, start, end)`` in text order, each inside the one
    before it or after it: a value whose span crosses another's edge is left out (it is
    still listed)."""
    spans = [
        (span.start, -span.end, path)
        for path, _ in values(letter)
        if (span := letter.span(path)) is not None
    ]
    kept: list[tuple[str, int, int]] = []
    open_ends: list[int] = []
    for start, negative, path in sorted(spans):
        end = -negative
        while open_ends and open_ends[-1] <= start:
            open_ends.pop()
        if open_ends and end > open_ends[-1]:
            continue  # (crosses the end of the value it starts in)
        kept.append((path, start, end))
        open_ends.append(end)
    return kept


def _events(letter: Letter) -> list[tuple[int, int, str]]:
    """Where marks open and close: (offset, 0 to close or 1 to open, path), in order."""
    events: list[tuple[int, int, str]] = []
    for path, start, end in marks(letter):
        events.append((start, 1, path))
        events.append((end, 0, path))
    # (closes before opens at one offset; an inner mark closes before its outer one)
    return sorted(events, key=lambda e: (e[0], e[1], -len(e[2]) if e[1] == 0 else len(e[2])))


def _short(path: str) -> str:
    """A path shortened for a label: ``d1.treatment`` for ``determinations.1.treatment.text``."""
    return (
        path.replace("determinations.", "d")
        .replace(".treatment.text", ".treatment")
        .replace("claims_administrator_basis.citations.", "ca-cite")
        .replace("reviewer_basis.citations.", "rv-cite")
        .replace("board_certifications.", "board")
        .replace("licensed_states.", "state")
        .replace("diagnoses.", "diagnosis")
    )


def terminal(letter: Letter, text: str, *, color: bool = False) -> str:
    """The text with each value marked: ``[value]<path>`` (in colour where ``color``),
    lines numbered, each diagnostic under its line."""
    require_spans(letter, "imrparse.view.terminal")
    notes: dict[int, list[str]] = {}
    for item in letter.diagnostics:
        notes.setdefault(item.line, []).append(
            f"{item.severity.value}: {item.message} [{item.code}]"
        )
    on, off, dim = ("\x1b[7m", "\x1b[27m", "\x1b[2m") if color else ("", "", "")
    reset = "\x1b[0m" if color else ""
    pieces: list[str] = []
    at = 0
    for offset, opening, path in _events(letter):
        pieces.append(text[at:offset])
        if opening:
            pieces.append(on + "[")
        else:
            pieces.append(f"]{off}{dim}<{_short(path)}>{reset}")
            if color:
                pieces.append(on * _depth(pieces))
        at = offset
    pieces.append(text[at:])
    marked = "".join(pieces).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    width = len(str(len(marked)))
    out: list[str] = []
    for number, line in enumerate(marked, 1):
        out.append(f"{number:>{width}} | {line}")
        for note in notes.get(number, ()):
            out.append(f"{'':>{width}} ! {dim}{note}{reset}")
    listed = [f"{path} = {value[:70]}" for path, value in values(letter)]
    missing = [item for item, (path, _) in zip(listed, values(letter), strict=True)
               if letter.span(path) is None]  # fmt: skip
    if missing:
        out.append("")
        out.append("values not found in the text:")
        out.extend("  " + item for item in missing)
    return "\n".join(out) + "\n"


def _depth(pieces: list[str]) -> int:
    """How many marks are still open after ``pieces`` (to colour an outer mark again)."""
    joined = "".join(pieces)
    return max(0, joined.count("\x1b[7m[") - joined.count("]\x1b[27m"))


_STYLE = """
body{margin:0;font:14px/1.45 system-ui,sans-serif;color:#222;background:#fafafa}
header{padding:8px 16px;background:#24425c;color:#fff}
header h1{font-size:17px;margin:0}
main{display:flex;gap:16px;padding:12px 16px;align-items:flex-start}
pre{flex:3;min-width:0;margin:0;padding:12px;background:#fff;border:1px solid #ccc;
overflow-x:auto;font:13px/1.5 ui-monospace,Menlo,Consolas,monospace;white-space:pre}
.no::before{content:attr(data-n);display:inline-block;width:3.5em;color:#999;
user-select:none}
mark{background:#ffe08a;border-radius:2px;padding:0 1px}
mark mark{background:#9fd8ff}
mark:target,mark:hover{outline:2px solid #c55}
.diag::after{content:attr(data-note);display:block;margin-left:3.5em;color:#a33;
font-style:italic}
aside{flex:0 0 38%;position:sticky;top:0;max-height:100vh;overflow:auto}
td:first-child{word-break:break-all}
table{border-collapse:collapse;width:100%;background:#fff;font-size:12.5px}
td,th{border:1px solid #ddd;padding:3px 6px;vertical-align:top;text-align:left}
.missing td{color:#a33}
"""


def html_page(letter: Letter, text: str, *, title: str = "") -> str:
    """One self-contained HTML page: the text with each value highlighted (a ``mark``
    whose ``data-path`` is its path), the values listed beside it, the diagnostics at
    their lines. Line numbers and notes are drawn by the style sheet, so that a mark's
    text is the text of its span."""
    require_spans(letter, "imrparse.view.html_page")
    notes: dict[int, list[str]] = {}
    for item in letter.diagnostics:
        notes.setdefault(item.line, []).append(
            f"{item.severity.value}: {item.message} [{item.code}]"
        )
    ids = {path: f"v{n}" for n, (path, _) in enumerate(values(letter))}
    events = _events(letter)
    body: list[str] = []
    line = 1
    body.append(_line_start(line))
    at = 0
    bounds = [(offset, opening, path) for offset, opening, path in events]
    bounds.append((len(text), -1, ""))
    for offset, opening, path in bounds:
        chunk = text[at:offset]
        line = _chunk(body, chunk, line, notes)
        if opening == 1:
            body.append(f'<mark id="{ids[path]}" data-path="{path}" title="{path}">')
        elif opening == 0:
            body.append("</mark>")
        at = offset
    body.extend(_notes(notes.get(line, ())))
    rows = []
    for path, value in values(letter):
        span = letter.span(path)
        where = (
            f"line {span.line}" + (f", p.\u00a0{span.page}" if span.page else "") if span else ""
        )
        cell = f'<a href="#{ids[path]}">{html.escape(path)}</a>' if span else html.escape(path)
        rows.append(
            f"<tr{'' if span else ' class=missing'}><td>{cell}</td>"
            f"<td>{html.escape(value[:160])}</td><td>{where or 'not found'}</td></tr>"
        )
    diagnostics = "".join(
        f"<tr><td>{d.line}:{d.column}</td><td>{d.severity.value}</td>"
        f"<td>{html.escape(d.code)}</td><td>{html.escape(d.message)}</td></tr>"
        for d in letter.diagnostics
    )
    name = html.escape(title or letter.source or letter.case_number or "letter")
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{name}</title><style>{_STYLE}</style></head><body>"
        f"<header><h1>{name}</h1>{html.escape(repr(letter))}</header><main>"
        f'<pre id="text">{"".join(body)}</pre><aside><table id="values">'
        "<tr><th>value</th><th>as read</th><th>where</th></tr>"
        f"{''.join(rows)}</table><h2>Diagnostics</h2><table id=diagnostics>"
        f"<tr><th>at</th><th>severity</th><th>code</th><th>message</th></tr>{diagnostics}"
        "</table></aside></main></body></html>\n"
    )


def _line_start(number: int) -> str:
    return f'<span class="no" data-n="{number}"></span>'


def _notes(notes: list[str] | tuple[str, ...]) -> list[str]:
    return [f'<span class="diag" data-note="{html.escape(note)}"></span>' for note in notes]


def _chunk(body: list[str], chunk: str, line: int, notes: dict[int, list[str]]) -> int:
    """Add ``chunk`` of the text to ``body``, a line number at each line's start and the
    diagnostics at each line's end; the line the chunk ends on."""
    pieces = chunk.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    body.append(html.escape(pieces[0], quote=False))
    for piece in pieces[1:]:
        body.extend(_notes(notes.get(line, ())))
        line += 1
        body.append("\n" + _line_start(line) + html.escape(piece, quote=False))
    return line
