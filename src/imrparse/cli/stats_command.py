"""``imrparse stats``: counts and uphold rates."""

from __future__ import annotations

import argparse
import sys

from ..stats import summarize
from .arguments import plural
from .inputs import expand_paths, read_letters, report_errors, require_pdf_extra
from .parse_command import Tally


def run_stats(args: argparse.Namespace) -> int:
    """Run ``imrparse stats``; return the exit code."""
    inputs = expand_paths(args.paths)
    require_pdf_extra(inputs)
    tally = Tally()
    letters = tally.watch(read_letters(inputs, args))
    try:
        text = summarize(letters, top=args.top)
    except KeyboardInterrupt:
        report_errors(inputs, tally.bad)
        print(f"imrparse: interrupted after {plural(tally.letters, 'letter')}", file=sys.stderr)
        return 130
    print(text)
    code = report_errors(inputs, tally.bad)
    if inputs.problems or inputs.skipped:
        counts = "; ".join(tally.counts(inputs))
        print(f"imrparse: {plural(tally.letters, 'letter')} counted; {counts}", file=sys.stderr)
    return code
