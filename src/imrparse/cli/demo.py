"""``imrparse demo``: the example letters shipped with imrparse, and what to try next."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from importlib import resources

import attrs

from .. import __version__, examples, pdf
from ..convert import to_dict
from ..errors import ParseError
from ..reading import parse_file
from ..records import Letter, Treatment
from .arguments import UsageError
from .inputs import Inputs, report_errors


def run_demo(args: argparse.Namespace) -> int:
    """Run ``imrparse demo``; return the exit code."""
    letters = []
    for path in examples.paths():
        with resources.as_file(path) as real:
            letter = parse_file(real)
        letters.append(attrs.evolve(letter, source=f"examples/{path.name}"))
    if args.json:
        json.dump([to_dict(x) for x in letters], sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        print(_demo_table(letters))
    if args.copy is not None:
        try:
            written = examples.copy_to(args.copy)
        except OSError as exc:
            raise UsageError(f"cannot write the examples to {args.copy}: {exc}") from None
        print(f"\nwrote {len(written)} example letters to {args.copy}", file=sys.stderr)
    return report_errors(Inputs(), [letter for letter in letters if not letter.ok])


def _demo_table(letters: list[Letter]) -> str:
    """The demo's short, readable table of the example letters' determinations."""
    header = ("letter", "case", "treatment", "category / subcategory", "outcome")
    rows = [
        (
            (letter.source or "").removeprefix("examples/").removesuffix(".txt"),
            letter.case_number or "-",
            _clip(d.treatment.text, 30),
            _clip(_kind(d.treatment), 38),
            d.outcome.value,
        )
        for letter in letters
        for d in letter.determinations
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in [header, *rows]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    decisions = sum(len(letter.determinations) for letter in letters)
    return "\n".join(
        [
            f"imrparse {__version__} read the {len(letters)} example letters shipped with it "
            f"({decisions} determinations):",
            "",
            *lines,
            "",
            "What to try next:",
            *_next_steps(),
            "The documentation's getting-started page goes on from here in Python.",
        ]
    )


def _next_steps() -> list[str]:
    """The demo's suggestions, written with the command as it was run (``.venv/bin/imrparse``
    when the command is not on the PATH), and the pdf extra's install only if it is missing."""
    me = "imrparse"
    ran = sys.argv[0] if sys.argv else ""
    if os.path.basename(ran) == "imrparse" and shutil.which("imrparse") != ran:
        me = ran
    steps = [
        (f"{me} demo --copy letters", "the examples as files, in letters/"),
        (f"{me} parse letters -f csv -o letters.csv", "one row per determination"),
        (f"{me} stats letters", "counts and uphold rates"),
        (f"{me} demo --json", "the whole records"),
        (f"{me} parse pdfs/ -f csv -o table.csv", "a folder of DWC's PDFs to a table"),
    ]
    try:
        pdf.require()
    except ParseError:
        steps[-1] = ('pip install "imrparse[pdf]"', f"then: {steps[-1][0]}")
    width = max(len(command) for command, _ in steps) + 2
    return [f"  {command.ljust(width)}{what}" for command, what in steps]


def _kind(treatment: Treatment) -> str:
    if treatment.category is None:
        return "(unknown)"
    return " / ".join(x for x in (treatment.category.value, treatment.subcategory) if x)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."
