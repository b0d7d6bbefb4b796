"""The ``imrparse`` command: ``parse``, ``stats``, ``show`` and ``demo``.

Exit codes: 0 when every input parsed without an error diagnostic, 1 when some input
had one or could not be read (each is named on standard error as
``path:line:column: error: message [code]``), 2 for a usage error.

The modules: :mod:`.arguments` (the options), :mod:`.parse_command`, :mod:`.stats_command`
:mod:`.show_command` and :mod:`.demo` (the commands), :mod:`.inputs` (paths to letters) and :mod:`.outputs`
(the formats and the output file).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Sequence

from .. import __version__
from .._build import describe
from .arguments import FORMATS, UsageError
from .demo import run_demo
from .parse_command import run_parse
from .show_command import add_show
from .stats_command import run_stats

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (default: ``sys.argv[1:]``) and return the exit code."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    _never_fail_to_encode()
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        code: int = args.run(args)
    except UsageError as exc:
        print(f"imrparse {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("imrparse: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `imrparse parse ... | head`: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except OSError as exc:
        print(f"imrparse {args.command}: error: {exc}", file=sys.stderr)
        return 1
    return code


def _never_fail_to_encode() -> None:
    """Write UTF-8 when output goes to a file or pipe, and never crash on a character the
    terminal's encoding lacks."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            piped = stream is sys.stdout and not stream.isatty()
            stream.reconfigure(encoding="utf-8" if piped else None, errors="backslashreplace")


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="imrparse",
        description="Parse California IMR Final Determination Letters into records.",
        epilog="Exit codes: 0 all inputs parsed without errors; 1 some input had an error "
        "or could not be read; 2 usage error. Run 'imrparse COMMAND --help' for a command.",
    )
    parser.add_argument(
        "--version", action="version", version=f"imrparse {__version__} ({describe()})"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    parse = commands.add_parser(
        "parse",
        help="parse letters and write their records",
        description="Parse letters (.txt or .pdf files, folders searched recursively, glob "
        "patterns, or - for standard input) and write their records.",
    )
    _add_inputs(parse)
    parse.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        default=None,
        help="json: an array of letters; jsonl: one letter per line; csv: one row per "
        "determination (see the docs' Table columns page); parquet: the same table (needs "
        "pyarrow). Default: the output file's extension (.json, .jsonl, .csv, .parquet), "
        "else json; a -f that disagrees with the extension is an error",
    )
    parse.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write here instead of standard output; the file is written under a "
        "temporary name beside it and renamed when whole (an interrupted run leaves "
        "FILE.partial and FILE as it was)",
    )
    parse.add_argument(
        "--excel",
        action="store_true",
        help="with csv: UTF-8 with a byte-order mark, so that Excel reads accents and "
        "symbols right",
    )
    parse.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print no summary line at the end (errors are still named)",
    )
    parse.add_argument(
        "--strict",
        action="store_true",
        help="leave letters with an error diagnostic out of the output (they are still "
        "reported on standard error)",
    )
    parse.set_defaults(run=run_parse)

    stats = commands.add_parser(
        "stats",
        help="print a summary: counts, uphold rates, diagnostics",
        description="Parse letters and print a readable summary: letters, determinations, "
        "uphold rate overall, by guideline source, by reviewer specialty, by DWC category "
        "and subcategory, and by treatment name, and diagnostics by code.",
    )
    _add_inputs(stats)
    stats.add_argument(
        "--top", type=_positive, default=10, metavar="N", help="rows per breakdown (default 10)"
    )
    stats.add_argument(
        "--chart",
        metavar="FILE",
        help="also draw the uphold rates by category, guideline source and reviewer "
        "specialty into FILE (.png, .svg or .pdf; needs the chart extra: matplotlib)",
    )
    stats.set_defaults(run=run_stats)
    add_show(commands)

    demo = commands.add_parser(
        "demo",
        help="parse the example letters shipped with imrparse",
        description="Parse the example letters shipped with imrparse, print a short table "
        "of their determinations and what to try next.",
    )
    demo.add_argument(
        "--json", action="store_true", help="print the letters' whole records as JSON instead"
    )
    demo.add_argument(
        "--copy",
        metavar="FOLDER",
        help="also write the example letters as .txt files into FOLDER (made if missing), "
        "to try 'imrparse parse FOLDER' on",
    )
    demo.set_defaults(run=run_demo)
    return parser


def _add_inputs(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a .txt or .pdf file, a folder (searched recursively), a glob pattern, or -",
    )
    command.add_argument(
        "-j",
        "--workers",
        type=_positive,
        default=1,
        metavar="N",
        help="parse in N processes (default 1)",
    )
    command.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress line on standard error (default: when standard error is a terminal)",
    )


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return number
