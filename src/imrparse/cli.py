"""The ``imrparse`` command: ``parse``, ``stats`` and ``demo``.

Exit codes: 0 when every input parsed without an error diagnostic, 1 when some input
had one or could not be read (each is named on standard error as
``path:line:column: error: message [code]``), 2 for a usage error.
"""

from __future__ import annotations

import argparse
import csv
import glob
import importlib
import io
import json
import os
import shutil
import signal
import sys
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import ExitStack
from importlib import resources
from pathlib import Path
from typing import IO, Any

import attrs

from . import __version__, examples, pdf
from ._build import describe
from .convert import to_dict
from .errors import ParseError
from .io import (
    failed_letter,
    find_letter_files,
    parse_bytes_letters,
    parse_file,
    parse_many,
)
from .records import Letter, Severity, Treatment
from .stats import summarize
from .table import COLUMNS, letter_rows

__all__ = ["main"]

FORMATS = ("json", "jsonl", "csv", "parquet")
STDIN = "-"


class UsageError(Exception):
    """A command line that cannot be run as given (exit code 2)."""


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
        default="json",
        help="json: an array of letters (default); jsonl: one letter per line; csv: one row "
        "per determination (see the docs' Table columns page); parquet: the same table "
        "(needs pyarrow)",
    )
    parse.add_argument(
        "-o", "--output", metavar="FILE", help="write here instead of standard output"
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
    parse.set_defaults(run=_run_parse)

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
    stats.set_defaults(run=_run_stats)

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
    demo.set_defaults(run=_run_demo)
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


# -- commands ---------------------------------------------------------------------------


def _run_parse(args: argparse.Namespace) -> int:
    writer = _WRITERS[args.format]
    if args.format == "parquet":
        _require_pyarrow()
        if args.output in (None, STDIN) and sys.stdout.isatty():
            raise UsageError("parquet output is binary; name a file with --output")
    inputs, problems = _expand(args.paths)
    _require_pdf_extra(inputs)
    tally = _Tally()
    interrupted = False
    with ExitStack() as stack:
        out = _open_output(stack, args.output, binary=args.format == "parquet")
        parsed = tally.watch(_letters(inputs, args))
        letters = (letter for letter in parsed if letter.ok) if args.strict else parsed
        stop = stack.enter_context(_StopBetweenLetters())
        try:
            writer(tally.written(letters, stop), out)
        except KeyboardInterrupt:  # a second Ctrl-C: the writer still closes what it wrote
            interrupted = True
        finally:
            parsed.close()  # stops the workers and ends the progress line
        interrupted = interrupted or stop.requested
    code = _report(problems, tally.bad)
    if interrupted or not args.quiet:
        print(tally.summary(args, len(problems), interrupted=interrupted), file=sys.stderr)
    return 130 if interrupted else code


def _run_stats(args: argparse.Namespace) -> int:
    inputs, problems = _expand(args.paths)
    _require_pdf_extra(inputs)
    tally = _Tally()
    letters = tally.watch(_letters(inputs, args))
    try:
        text = summarize(letters, top=args.top)
    except KeyboardInterrupt:
        _report(problems, tally.bad)
        print(f"imrparse: interrupted after {tally.letters} letters", file=sys.stderr)
        return 130
    print(text)
    return _report(problems, tally.bad)


def _run_demo(args: argparse.Namespace) -> int:
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
    return _report([], [letter for letter in letters if not letter.ok])


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


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


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


class _Tally:
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
            f"{_count(self.kept, 'letter')}, {_count(self.determinations, 'determination')} "
            f"written to {where} ({args.format})",
            f"{len(self.bad) + problems} with errors"
            + (f", {left_out} left out (--strict)" if left_out else ""),
        ]
        head = "imrparse: interrupted; " if interrupted else "imrparse: "
        return head + "; ".join(words)


# -- inputs ----------------------------------------------------------------------------


def _expand(paths: Iterable[str]) -> tuple[list[str | Path], list[str]]:
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


def _require_pdf_extra(inputs: list[str | Path]) -> None:
    """Refuse the run up front, once, when PDFs are named and the pdf extra is missing."""
    pdfs = any(isinstance(item, Path) and item.suffix.lower() == ".pdf" for item in inputs)
    if pdfs:
        try:
            pdf.require()
        except ParseError as exc:
            raise UsageError(exc.msg) from None


def _letters(inputs: list[str | Path], args: argparse.Namespace) -> Iterator[Letter]:
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


def _report(problems: list[str], bad: list[Letter]) -> int:
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


# -- outputs ---------------------------------------------------------------------------


def _open_output(stack: ExitStack, name: str | None, *, binary: bool) -> IO[Any]:
    if name is None or name == STDIN:
        return sys.stdout.buffer if binary else sys.stdout
    try:
        if binary:
            return stack.enter_context(open(name, "wb"))
        return stack.enter_context(open(name, "w", encoding="utf-8", newline=""))
    except OSError as exc:
        raise UsageError(f"cannot write {name}: {exc.strerror or exc}") from None


def _write_json(letters: Iterable[Letter], out: IO[str]) -> None:
    out.write("[")
    try:
        for n, letter in enumerate(letters):
            record = json.dumps(to_dict(letter), indent=2, ensure_ascii=False)
            out.write((",\n" if n else "\n") + record)
    finally:  # an interrupted run still leaves a whole JSON array
        out.write("\n]\n")


def _write_jsonl(letters: Iterable[Letter], out: IO[str]) -> None:
    for letter in letters:  # one write per letter: an interrupt leaves whole lines
        out.write(json.dumps(to_dict(letter), ensure_ascii=False) + "\n")


def _write_csv(letters: Iterable[Letter], out: IO[str]) -> None:
    buffer = io.StringIO()
    rows = csv.writer(buffer)
    rows.writerow(COLUMNS)
    for index, letter in enumerate(letters):
        rows.writerows([row[name] for name in COLUMNS] for row in letter_rows(letter, index))
        out.write(buffer.getvalue())  # one write per letter: an interrupt leaves whole lines
        buffer.seek(0)
        buffer.truncate()
    out.write(buffer.getvalue())


def _require_pyarrow() -> None:
    if not _importable("pyarrow"):
        raise UsageError('parquet output needs pyarrow: pip install "imrparse[parquet]"')


def _importable(module: str) -> bool:
    try:
        importlib.import_module(module)
    except ImportError:
        return False
    return True


def _write_parquet(letters: Iterable[Letter], out: IO[bytes]) -> None:
    from ._parquet import write_parquet

    write_parquet(letters, out)


_WRITERS: dict[str, Callable[[Iterable[Letter], Any], None]] = {
    "json": _write_json,
    "jsonl": _write_jsonl,
    "csv": _write_csv,
    "parquet": _write_parquet,
}
