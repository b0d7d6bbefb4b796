"""Compare what two versions of imrparse read from a corpus of letters, field by field.

Usage::

    python benchmarks/corpus_diff.py                      # HEAD against the working tree
    python benchmarks/corpus_diff.py --base 951e05c --head HEAD
    python benchmarks/corpus_diff.py --extractors pypdf pdfium --ignore diagnostics
    python benchmarks/corpus_diff.py --corpus path/to/text  # <corpus>/<extractor>/*.txt

Each side is a git revision (its ``src/`` written to a temporary directory with ``git
archive``) or, for ``--head`` left out, the working tree. Each side runs in its own
Python process with ``PYTHONPATH`` set to that side's ``src/``, reads every letter with
:func:`imrparse.parse_file` and writes :func:`imrparse.to_dict` of it as JSON. The two
sides' records are then compared, and every value that differs is printed as::

    CM16-0224814  pypdf  determinations[2].reviewer_basis.citations[1].source: "ODG" -> "MTUS"

followed by a summary: how many values changed, in how many letters, by field and by
extractor. The exit status is 0 whether or not anything changed (a review tool, not a
test). The default corpus is ``../shared/realworld/text`` beside the repository, one
folder a PDF extractor (pypdf, pdfminer, pdftotext, pdftotext-layout, pdfium).

``--ignore KEY`` leaves a key out of the comparison wherever it stands (``diagnostics``:
their line numbers differ from one extractor to the next) or, with a dot or a bracket,
the fields whose path matches it as a shell pattern (``determinations[*].rationale``).
"""

from __future__ import annotations

import argparse
import fnmatch
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXTRACTORS = ("pypdf", "pdfminer", "pdftotext", "pdftotext-layout", "pdfium")
DEFAULT_CORPUS = ROOT.parent / "shared" / "realworld" / "text"

ABSENT = object()
"""Stands for a key one side has and the other lacks, or a list item past the end."""

# Runs in the child process: parse every letter of the given folders, print one JSON
# object {extractor: {letter: to_dict(letter) or {"<error>": ...}}}.
_DUMP = r"""
import json, sys, traceback
from pathlib import Path
import imrparse

corpus, expected, *extractors = sys.argv[1:]
where = str(Path(imrparse.__file__).resolve())
if not where.startswith(expected):
    sys.exit(f"corpus_diff: imported imrparse from {where}, not from {expected}")
out = {}
for extractor in extractors:
    letters = out[extractor] = {}
    for path in sorted(Path(corpus, extractor).glob("*.txt")):
        try:
            letters[path.stem] = imrparse.to_dict(imrparse.parse_file(path))
        except Exception:
            letters[path.stem] = {"<error>": traceback.format_exc(limit=-3)}
json.dump(out, sys.stdout)
"""


def diff(before: Any, after: Any, path: str = "") -> Iterator[tuple[str, Any, Any]]:
    """Every (path, before, after) where two JSON-like structures differ, in document order.

    Dicts are compared key by key (a key one side lacks is :data:`ABSENT` there), lists
    item by item (an item past the shorter one's end is :data:`ABSENT`); anything else
    must be equal. Paths read like Python: ``determinations[2].outcome``.

    >>> list(diff({"a": [1, 2], "b": {"c": 3}}, {"a": [1, 5], "b": {"c": 3}}))
    [('a[1]', 2, 5)]
    """
    if isinstance(before, dict) and isinstance(after, dict):
        keys = list(before) + [k for k in after if k not in before]
        for key in keys:
            sub = f"{path}.{key}" if path else str(key)
            yield from diff(before.get(key, ABSENT), after.get(key, ABSENT), sub)
    elif isinstance(before, list) and isinstance(after, list):
        for i in range(max(len(before), len(after))):
            left = before[i] if i < len(before) else ABSENT
            right = after[i] if i < len(after) else ABSENT
            yield from diff(left, right, f"{path}[{i}]")
    elif before is ABSENT or after is ABSENT or type(before) is not type(after):
        if before is not after:
            yield path, before, after
    elif before != after:
        yield path, before, after


def strip(data: Any, ignore: Sequence[str], path: str = "") -> Any:
    """``data`` without the keys or paths that ``ignore`` names (see the module docstring)."""
    if not ignore:
        return data
    if isinstance(data, dict):
        kept = {}
        for key, value in data.items():
            sub = f"{path}.{key}" if path else str(key)
            if not ignored(key, sub, ignore):
                kept[key] = strip(value, ignore, sub)
        return kept
    if isinstance(data, list):
        return [strip(item, ignore, f"{path}[{i}]") for i, item in enumerate(data)]
    return data


def ignored(key: str, path: str, ignore: Sequence[str]) -> bool:
    """Whether ``--ignore`` names this key (anywhere) or matches this path (a pattern)."""
    for pattern in ignore:
        if "." in pattern or "[" in pattern:
            # '[' in a shell pattern starts a character class; match brackets literally
            # and let [*] stand for any index.
            regex = re.escape(pattern).replace(r"\[\*\]", r"\[\d+\]").replace(r"\*", ".*")
            if re.fullmatch(regex, path):
                return True
        elif fnmatch.fnmatchcase(key, pattern):
            return True
    return False


def field(path: str) -> str:
    """A path without its list indices, to count changes by field: ``determinations[].outcome``."""
    return re.sub(r"\[\d+\]", "[]", path)


def show(value: Any, width: int) -> str:
    """A value as JSON on one line, cut to ``width`` characters."""
    if value is ABSENT:
        return "<absent>"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= width else text[: width - 3] + "..."


def plural(n: int, noun: str) -> str:
    """``n`` and the noun, plural unless ``n`` is 1: ``1 letter``, ``2 letters``."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def git(*args: str) -> bytes:
    """Run git in the repository and return its standard output."""
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True).stdout


def checkout(rev: str, into: Path) -> tuple[Path, str]:
    """Write the revision's ``src/`` under ``into``; return that ``src`` and the short hash."""
    commit = git("rev-parse", "--verify", f"{rev}^{{commit}}").decode().strip()
    archive = git("archive", "--format=tar", commit, "src")
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        if sys.version_info >= (3, 12):
            tar.extractall(into, filter="data")
        else:  # pragma: no cover - the filter arrived in 3.12
            tar.extractall(into)
    return into / "src", commit[:10]


def start(src: Path, corpus: Path, extractors: Sequence[str]) -> subprocess.Popen[bytes]:
    """Start one side's dump in a child process that imports imrparse from ``src``."""
    env = dict(os.environ, PYTHONPATH=str(src), PYTHONDONTWRITEBYTECODE="1")
    command = [sys.executable, "-c", _DUMP, str(corpus), str(src.resolve()), *extractors]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE)


def finish(side: str, process: subprocess.Popen[bytes]) -> dict[str, dict[str, Any]]:
    """Wait for one side's dump and read it."""
    out, _ = process.communicate()
    if process.returncode != 0:
        raise SystemExit(f"corpus_diff: the {side} side failed (exit {process.returncode})")
    result: dict[str, dict[str, Any]] = json.loads(out)
    return result


def report(
    before: dict[str, dict[str, Any]],
    after: dict[str, dict[str, Any]],
    ignore: Sequence[str],
    width: int,
    out: Any = sys.stdout,
) -> Counter[str]:
    """Print every changed value and the summary; return the changes counted by field."""
    by_field: Counter[str] = Counter()
    by_extractor: Counter[str] = Counter()
    letters_changed: set[str] = set()
    compared = 0
    for extractor in before:
        names = sorted(set(before[extractor]) | set(after.get(extractor, {})))
        for name in names:
            compared += 1
            left = strip(before[extractor].get(name, ABSENT), ignore)
            right = strip(after.get(extractor, {}).get(name, ABSENT), ignore)
            for path, old, new in diff(left, right):
                print(
                    f"{name}  {extractor}  {path}: {show(old, width)} -> {show(new, width)}",
                    file=out,
                )
                by_field[field(path)] += 1
                by_extractor[extractor] += 1
                letters_changed.add(name)
    total = sum(by_field.values())
    print(file=out)
    print(
        f"{plural(total, 'changed value')} in {plural(len(letters_changed), 'letter')} "
        f"({plural(compared, 'letter text')} compared, {plural(len(before), 'extractor')})",
        file=out,
    )
    for name, count in by_field.most_common():
        print(f"  {count:6d}  {name}", file=out)
    if by_extractor:
        print(
            "by extractor: " + ", ".join(f"{e} {n}" for e, n in sorted(by_extractor.items())),
            file=out,
        )
    return by_field


def main(argv: Sequence[str] | None = None) -> int:
    """Run both sides over the corpus and print the differences (see the module docstring)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base", default="HEAD", help="the revision before (default HEAD)")
    ap.add_argument("--head", help="the revision after (default: the working tree)")
    ap.add_argument(
        "--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of extractor folders"
    )
    ap.add_argument("--extractors", nargs="+", default=list(EXTRACTORS), metavar="NAME")
    ap.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="KEY",
        help="leave out a key anywhere, or paths matching a pattern (repeatable; commas allowed)",
    )
    ap.add_argument("--width", type=int, default=100, help="cut each value to this many characters")
    args = ap.parse_args(argv)
    ignore = [part for item in args.ignore for part in item.split(",") if part]
    missing = [e for e in args.extractors if not (args.corpus / e).is_dir()]
    if missing:
        raise SystemExit(f"corpus_diff: no folder {args.corpus / missing[0]}")
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="corpus-diff-") as tmp:
        base_src, base_name = checkout(args.base, Path(tmp, "base"))
        if args.head is None:
            head_src, head_name = ROOT / "src", "working tree"
        else:
            head_src, head_name = checkout(args.head, Path(tmp, "head"))
        # Both sides at once: each is one process on one core.
        sides = [start(src, args.corpus, args.extractors) for src in (base_src, head_src)]
        before = finish(f"base ({base_name})", sides[0])
        after = finish(f"head ({head_name})", sides[1])
    print(f"base {base_name} -> head {head_name}; corpus {args.corpus}")
    report(before, after, ignore, args.width)
    print(f"({time.perf_counter() - began:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
