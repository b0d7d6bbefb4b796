"""``imrparse show``: a letter's text with each value marked where it was read."""

from __future__ import annotations

import argparse
import os
import sys

from .. import pdf
from ..errors import ParseError
from ..reading import parse_file
from ..view import html_page, terminal
from .arguments import UsageError


def add_show(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``show`` command to the command line's ``commands``."""
    show = commands.add_parser(
        "show",
        help="show a letter with each value marked where it was read",
        description="Print a letter's text with each value of its record marked where it "
        "was read and labelled with its path (see Letter.span), lines numbered and each "
        "diagnostic under its line; or, with --html, write one self-contained HTML page "
        "with the values highlighted and listed beside the text.",
    )
    show.add_argument("letter", metavar="LETTER", help="a .txt or .pdf file (PDF: pdf extra)")
    show.add_argument(
        "--html",
        metavar="OUT.html",
        help="write an HTML page here instead of printing the text (no script, nothing "
        "fetched: it opens offline)",
    )
    show.add_argument(
        "--color",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="mark values in colour (default: when standard output is a terminal)",
    )
    show.set_defaults(run=run_show)


def run_show(args: argparse.Namespace) -> int:
    """Run ``imrparse show``; return the exit code (1 when the letter has an error)."""
    name = args.letter
    if os.path.splitext(name)[1].lower() == ".pdf":
        try:
            pdf.require()
        except ParseError as exc:
            raise UsageError(exc.msg) from None
    if args.html is not None:
        folder = os.path.dirname(os.path.abspath(args.html))
        if not os.path.isdir(folder):
            raise UsageError(f"cannot write {args.html}: no such folder {folder}")
    try:
        letter = parse_file(name, keep_text=True)
    except ParseError as exc:
        print(f"{name}:{exc.line}:{exc.column}: error: {exc.msg} [{exc.code}]", file=sys.stderr)
        return 1
    text = letter.text or ""
    if args.html is not None:
        with open(args.html, "w", encoding="utf-8") as out:
            out.write(html_page(letter, text, title=os.path.basename(name)))
        print(f"imrparse: {args.html} written", file=sys.stderr)
    else:
        color = args.color if args.color is not None else sys.stdout.isatty()
        sys.stdout.write(terminal(letter, text, color=color))
    return 0 if letter.ok else 1
