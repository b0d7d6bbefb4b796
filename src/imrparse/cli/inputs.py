"""The PATH arguments as letters: folders, glob patterns, files and standard input."""

from __future__ import annotations

import argparse
import glob
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from .. import pdf
from ..batch import parse_many
from ..errors import ParseError
from ..paths import find_letter_files
from ..reading import failed_letter, parse_bytes_letters
from ..records import Letter, Severity
from .arguments import STDIN, UsageError


def expand_paths(paths: Iterable[str]) -> tuple[list[str | Path], list[str]]:
    """Turn PATH arguments into inputs (files, or STDIN), and messages for those that match
    nothing."""
    inputs: list[str | Path] = []
    problems: list[str] = []
    for arg in paths:
        if arg == STDIN:
            inputs.append(STDIN)
        elif os.path.isdir(arg):
            found = find_letter_files(arg)
            inputs += found
            if not found:
                problems.append(_problem(arg, "no .txt or .pdf file in this folder"))
        elif not os.path.lexists(arg) and any(char in arg for char in "*?["):
            matches = sorted(glob.glob(arg, recursive=True))
            for match in matches:
                inputs += find_letter_files(match) if os.path.isdir(match) else [Path(match)]
            if not matches:
                problems.append(_problem(arg, "no file matches this pattern"))
        else:
            inputs.append(Path(arg))  # a missing file becomes a read-error letter
    return inputs, problems


def _problem(arg: str, message: str) -> str:
    return f"{arg}:1:1: error: {message} [read-error]"


def require_pdf_extra(inputs: list[str | Path]) -> None:
    """Refuse the run up front, once, when PDFs are named and the pdf extra is missing."""
    pdfs = any(isinstance(item, Path) and item.suffix.lower() == ".pdf" for item in inputs)
    if pdfs:
        try:
            pdf.require()
        except ParseError as exc:
            raise UsageError(exc.msg) from None


def read_letters(inputs: list[str | Path], args: argparse.Namespace) -> Iterator[Letter]:
    """Parse the inputs in order: files through parse_many, standard input here."""
    progress = args.progress if args.progress is not None else sys.stderr.isatty()
    files = [item for item in inputs if isinstance(item, Path)]
    parsed = parse_many(files, workers=args.workers, progress=progress and bool(files))
    if len(files) == len(inputs):  # (no standard input among them: the usual case)
        yield from parsed
        return
    held: list[Letter] = []  # (one letter read ahead: the first of the next file)
    for item in inputs:
        if not isinstance(item, Path):
            yield from _read_stdin()
            continue
        # A file gives one letter, or several when it holds several: the ones after its
        # first begin after line 1 of it (see imrparse.parse_letters).
        yield held.pop() if held else next(parsed)
        for letter in parsed:
            if letter.source_lines is None or letter.source_lines[0] == 1:
                held.append(letter)
                break
            yield letter


def _read_stdin() -> tuple[Letter, ...]:
    try:
        data = sys.stdin.buffer.read()
    except (AttributeError, OSError, ValueError) as exc:
        return (failed_letter("<stdin>", f"cannot read standard input: {exc}"),)
    return parse_bytes_letters(data, source="<stdin>")


def report_errors(problems: list[str], bad: list[Letter]) -> int:
    """Name each bad input on standard error; return the exit code."""
    for problem in problems:
        print(problem, file=sys.stderr)
    for letter in bad:
        first = next(d for d in letter.diagnostics if d.severity is Severity.ERROR)
        where = letter.source or "<text>"
        print(
            f"{where}:{first.line}:{first.column}: error: {first.message} [{first.code}]",
            file=sys.stderr,
        )
    return 1 if problems or bad else 0
