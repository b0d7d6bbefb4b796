"""``imrparse parse``: letters to records in a file, and the summary of the run."""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Generator, Iterable, Iterator
from contextlib import ExitStack
from typing import Any

from ..records import Letter
from .arguments import STDIN, UsageError, plural
from .inputs import expand_paths, read_letters, report_errors, require_pdf_extra
from .outputs import WRITERS, open_output, require_pyarrow


def run_parse(args: argparse.Namespace) -> int:
    """Run ``imrparse parse``; return the exit code."""
    writer = WRITERS[args.format]
    if args.format == "parquet":
        require_pyarrow()
        if args.output in (None, STDIN) and sys.stdout.isatty():
            raise UsageError("parquet output is binary; name a file with --output")
    inputs, problems = expand_paths(args.paths)
    require_pdf_extra(inputs)
    tally = Tally()
    interrupted = False
    with ExitStack() as stack:
        out = open_output(stack, args.output, binary=args.format == "parquet")
        parsed = tally.watch(read_letters(inputs, args))
        letters = (letter for letter in parsed if letter.ok) if args.strict else parsed
        stop = stack.enter_context(_StopBetweenLetters())
        try:
            writer(tally.written(letters, stop), out)
        except KeyboardInterrupt:  # a second Ctrl-C: the writer still closes what it wrote
            interrupted = True
        finally:
            parsed.close()  # stops the workers and ends the progress line
        interrupted = interrupted or stop.requested
    code = report_errors(problems, tally.bad)
    if interrupted or not args.quiet:
        print(tally.summary(args, len(problems), interrupted=interrupted), file=sys.stderr)
    return 130 if interrupted else code


class _StopBetweenLetters:
    """While active, the first Ctrl-C asks the run to stop between two letters, so that
    every output ends whole and the summary counts exactly what was written; a second
    Ctrl-C interrupts at once."""

    def __init__(self) -> None:
        self.requested = False
        self._before: Any = None

    def __enter__(self) -> _StopBetweenLetters:
        try:
            self._before = signal.signal(signal.SIGINT, self._ask)
        except ValueError:  # not the main thread (main() called from a thread): as before
            self._before = None
        return self

    def _ask(self, signum: int, frame: object) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True

    def __exit__(self, *exc: object) -> None:
        if self._before is not None:
            signal.signal(signal.SIGINT, self._before)


class Tally:
    """What a run met: letters and determinations written, letters with errors."""

    def __init__(self) -> None:
        self.letters = 0
        self.kept = 0
        self.determinations = 0
        self.bad: list[Letter] = []

    def watch(self, letters: Iterator[Letter]) -> Generator[Letter, None, None]:
        """Pass letters through, counting them and keeping those with an error."""
        for letter in letters:
            self.letters += 1
            if not letter.ok:
                self.bad.append(letter)
            yield letter

    def written(self, letters: Iterable[Letter], stop: _StopBetweenLetters) -> Iterator[Letter]:
        """Pass letters through to a writer, counting what it has written, until a stop
        is requested; the writer then ends its output as it would at the end."""
        for letter in letters:
            if stop.requested:
                return
            yield letter  # counted once the writer asks for the next: it has written this one
            self.kept += 1
            self.determinations += len(letter.determinations)

    def summary(self, args: argparse.Namespace, problems: int, *, interrupted: bool) -> str:
        """The run's last line: what was written, where, and how many inputs had errors
        (letters with an error, and paths that named nothing)."""
        where = args.output if args.output not in (None, STDIN) else "standard output"
        left_out = self.letters - self.kept
        words = [
            f"{plural(self.kept, 'letter')}, {plural(self.determinations, 'determination')} "
            f"written to {where} ({args.format})",
            f"{len(self.bad) + problems} with errors"
            + (f", {left_out} left out (--strict)" if left_out else ""),
        ]
        head = "imrparse: interrupted; " if interrupted else "imrparse: "
        return head + "; ".join(words)
