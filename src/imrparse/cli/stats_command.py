"""``imrparse stats``: counts and uphold rates."""

from __future__ import annotations

import argparse
import os
import sys

from ..chart import draw_uphold_rates
from ..chart import require as require_chart
from ..stats import summarize
from .arguments import UsageError, plural
from .inputs import expand_paths, read_letters, report_errors, require_pdf_extra
from .parse_command import Tally

CHART_SUFFIXES = (".png", ".svg", ".pdf")
"""The image formats ``--chart`` writes, by the file's extension."""


def run_stats(args: argparse.Namespace) -> int:
    """Run ``imrparse stats``; return the exit code."""
    if args.chart is not None:
        _check_chart(args.chart)
    inputs = expand_paths(args.paths)
    require_pdf_extra(inputs)
    tally = Tally()
    letters = tally.watch(read_letters(inputs, args, spans=False))
    try:
        summary = summarize(letters, top=args.top)
    except KeyboardInterrupt:
        report_errors(inputs, tally.errors)
        print(f"imrparse: interrupted after {plural(tally.letters, 'letter')}", file=sys.stderr)
        return 130
    print(summary)
    if args.chart is not None:
        draw_uphold_rates(summary, args.chart, top=min(args.top, 12))
        print(f"imrparse: chart written to {args.chart}", file=sys.stderr)
    code = report_errors(inputs, tally.errors)
    if inputs.problems or inputs.skipped:
        counts = "; ".join(tally.counts(inputs))
        print(f"imrparse: {plural(tally.letters, 'letter')} counted; {counts}", file=sys.stderr)
    return code


def _check_chart(name: str) -> None:
    """Refuse a chart, before parsing, that cannot be drawn or written."""
    try:
        require_chart()
    except ImportError as exc:
        raise UsageError(str(exc)) from None
    suffix = os.path.splitext(name)[1].lower()
    if suffix not in CHART_SUFFIXES:
        raise UsageError(f"cannot draw a chart as {name}: name it .png, .svg or .pdf")
    folder = os.path.dirname(os.path.abspath(name))
    if not os.path.isdir(folder):
        raise UsageError(f"cannot write {name}: no such folder {folder}")
