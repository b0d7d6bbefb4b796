"""``imrparse parse``: letters to records in a file, and the summary of the run."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Generator, Iterable, Iterator
from typing import Any

from ..records import Letter
from .arguments import STDIN, UsageError, plural
from .inputs import ErrorLog, Inputs, expand_paths, read_letters, report_errors, require_pdf_extra
from .outputs import WRITERS, OutputFile, choose_format, require_pyarrow


def run_parse(args: argparse.Namespace) -> int:
    """Run ``imrparse parse``; return the exit code."""
    args.format = choose_format(args.format, args.output)
    writer = WRITERS[args.format]
    binary = args.format == "parquet"
    if args.excel and args.format != "csv":
        raise UsageError(f"--excel is for csv output, not {args.format}")
    encoding = "utf-8-sig" if args.excel else "utf-8"
    to_file = args.output not in (None, STDIN)
    if binary:
        require_pyarrow()
        if not to_file and sys.stdout.isatty():
            raise UsageError("parquet output is binary; name a file with --output")
    inputs = expand_paths(args.paths)
    require_pdf_extra(inputs)
    existed = to_file and os.path.lexists(args.output)
    output = OutputFile(args.output, binary=binary, encoding=encoding) if to_file else None
    out = output.stream if output else (sys.stdout.buffer if binary else sys.stdout)
    if args.excel and output is None:
        sys.stdout.write("\ufeff")  # (a file's encoding writes the byte-order mark itself)
    tally = Tally()
    interrupted = False
    try:
        # (a table's rows hold no spans: only the JSON records do)
        spans = args.format in ("json", "jsonl")
        parsed = tally.watch(read_letters(inputs, args, spans=spans))
        with _StopBetweenLetters() as stop:
            try:
                writer(tally.written(tally.kept_by(parsed, strict=args.strict), stop), out)
            except KeyboardInterrupt:  # a second Ctrl-C: the writer still closes what it wrote
                interrupted = True
            finally:
                parsed.close()  # stops the workers and ends the progress line
        interrupted = interrupted or stop.requested
    except BaseException:
        if output is not None:
            output.discard()
        raise
    where = output.keep(whole=not interrupted) if output is not None else "standard output"
    code = report_errors(inputs, tally.errors)
    if interrupted or not args.quiet:
        line = tally.summary(where, args.format, inputs, interrupted=interrupted)
        if interrupted and output is not None:
            line += f"; {args.output} " + ("left as it was" if existed else "not written")
        print(line, file=sys.stderr)
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
    """What a run met: letters parsed, written, left out by ``--strict``, with errors."""

    def __init__(self) -> None:
        self.letters = 0
        self.kept = 0
        self.left_out = 0
        self.determinations = 0
        self.errors = ErrorLog()
        """The letters with errors: counted, and the lines that name their errors kept."""

    def watch(self, letters: Iterator[Letter]) -> Generator[Letter, None, None]:
        """Pass letters through, counting them and noting the errors of those with one
        (no letter is kept: memory stays flat however many have errors)."""
        for letter in letters:
            self.letters += 1
            if not letter.ok:
                self.errors.add(letter)
            yield letter

    def kept_by(self, letters: Iterable[Letter], *, strict: bool) -> Iterator[Letter]:
        """The letters to write: all, or with ``strict`` those without an error (counting
        the others as left out)."""
        for letter in letters:
            if strict and not letter.ok:
                self.left_out += 1
                continue
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

    def counts(self, inputs: Inputs) -> list[str]:
        """The summary's counts of letters with errors, paths not read, files skipped."""
        words = [
            f"{self.errors.count} with errors"
            + (f", {self.left_out} left out (--strict)" if self.left_out else "")
        ]
        if inputs.problems:
            words.append(f"{plural(len(inputs.problems), 'path')} not read")
        if inputs.skipped:
            n = len(inputs.skipped)
            words.append(f"{n} file{' of another type' if n == 1 else 's of other types'} skipped")
        return words

    @property
    def in_flight(self) -> int:
        """Letters parsed but neither written nor left out: those an interrupt cut off."""
        return self.letters - self.kept - self.left_out

    def summary(self, where: str, fmt: str, inputs: Inputs, *, interrupted: bool) -> str:
        """The run's last line: what was written, where, how many letters had errors, and
        the paths not read and files skipped."""
        words = [
            f"{plural(self.kept, 'letter')}, {plural(self.determinations, 'determination')} "
            f"written to {where} ({fmt})",
            *self.counts(inputs),
        ]
        if interrupted:
            words.append(f"{plural(self.in_flight, 'letter')} parsed but not written")
        head = "imrparse: interrupted; " if interrupted else "imrparse: "
        return head + "; ".join(words)
