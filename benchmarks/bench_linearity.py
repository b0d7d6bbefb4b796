"""Check that parse time grows linearly with input size: time per KB may not grow.

Two checks, each comparing the time per kilobyte of a large input with that of a small
one (a ratio of 1.0 is perfectly linear; a parser that rescans what it has read, once
per determination or per line, gives a ratio that grows with the size):

``letters``
    one letter with a single determination against the same letter with 1,000
    determinations (about 0.7 MB), for each kind of letter (the main layout's, the
    header-table layout's with partial authorizations, and one with page headers and
    mis-decoded characters in every determination);
``junk``
    adversarial junk: one small unit (a shape that a regex or a grammar rule might handle
    badly: chains of "1/", runs of colons, outcome words, hyphen wraps ...) repeated
    inside one construct of a letter (a treatment header, the case summary, the reviewer
    section, the header table of 2016 on, a cover page, the 2013 decisions section), at
    0.25 MB and at 2 MB.

Exits 1 if any ratio exceeds ``--limit`` (1.5). A timing is the best of several runs,
in CPU time; a case over the limit is measured again (``--retries``) before it counts,
since a shared machine's speed moves from one second to the next.

Memory: a short input is served from memory the process already has, while a long one
makes the allocator map fresh pages on every run, which the kernel must fault in and zero
(on the development machine, even ``text.split("\n")`` took 2.5 times as long per KB
at 2 MB as at 0.25 MB for that reason). So that the ratio measures the parser, not the
kernel, the script runs itself under the C allocator told to keep what it has
(``PYTHONMALLOC=malloc`` and glibc's ``MALLOC_*`` settings below); ``--as-is`` skips that.

Usage::

    python benchmarks/bench_linearity.py                 # the full check
    python benchmarks/bench_linearity.py --quick         # junk at 25 KB and 200 KB
    python benchmarks/bench_linearity.py --only letters
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable

import imrparse
from imrparse._build import describe

UNITS = {
    "slashes": "1/",
    "spaced slashes": "1 / ",
    "colons": "a:",
    "digits": "1",
    "dots": "1.",
    "hashes": "#1 ",
    "units": "1 mg/",
    "ages": "1 year old ",
    "injuries": "injury on 1/",
    "diagnoses": "diagnoses include a, ",
    "parentheses": "(a, ",
    "board": "Board Certified in and ",
    "mechanism": "mechanism of injury was ",
    "requests": "request for 1. ",
    "and-sources": " and MTUS",
    "pages": "Page(s): 1-",
    "headers": "Final Determination Letter for IMR Case Number ",
    "lines": "a\n",
    "hyphen wraps": "a-\n",
    "outcomes": ": Upheld\n",
    "dates": "1/1/1",
    "white space": " \t\u00a0",
    "table labels": "Date Assigned: ",
    "split labels": "Application\n",
    "table values": "11/30/2016\n",
    "partial": "X was the original request. Y was authorized\n",
    "outcome alone": "a:\nUpheld\n",
    "circumstances": "injured while a ",
    "fields on a line": "Priority: A  ",
    "joined headings": "a. CASE SUMMARY ",
    "outcome sentences": "1) a isnot medically ",
}

# glibc: never give memory back, never map a block of its own, keep 256 MB spare on top.
KEEP_MEMORY = {
    "PYTHONMALLOC": "malloc",
    "MALLOC_TRIM_THRESHOLD_": "4000000000",
    "MALLOC_MMAP_THRESHOLD_": "4000000000",
    "MALLOC_TOP_PAD_": "268435456",
}

CONSTRUCTS = ("header", "summary", "reviewer", "table", "cover", "rationale-2013")


def build(where: str, body: str) -> str:
    if where == "header":
        return (
            "IMR ISSUES, DECISIONS AND RATIONALES\n" + body + ": Upheld\n"
            "MAXIMUS guideline: Decision based on " + body + "\n"
        )
    if where == "summary":
        return "CLINICAL CASE SUMMARY\n" + body + "\n"
    if where == "reviewer":
        return (
            "HOW THE IMR FINAL DETERMINATION WAS MADE\n" + body + "\n"
            "State(s) of Licensure: " + body + "\n"
        )
    if where == "table":  # the header table of the letters of 2016 on
        return (
            "Case Number: CM16-0000001\n" + body + "\nDate Assigned: 11/30/2016 Decision Date: "
            "01/06/2017\n" + body + "\nHOW THE IMR FINAL DETERMINATION WAS MADE\n"
            "IMR ISSUES, DECISIONS AND RATIONALES\n" + body + ": Upheld\n"
        )
    if where == "rationale-2013":  # the 2013 decisions section, whose prose dates are read
        return (
            "Notice of Independent Medical Review Determination\n1) X is not medically "
            "necessary.\nINDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE\nAn application "
            "for Independent Medical Review was filed on " + body + "\n"
        )
    return body + "\nNotice of Independent Medical Review Determination\n" + body


def _letter_with(example: str, count: int, edit: Callable[[str, int], str]) -> str:
    """The example letter with ``count`` determinations, its own taken in turn, each told
    apart by ``edit`` (so that none is an exact copy of another)."""
    text = imrparse.examples.read_text(example)
    at = text.index("IMR ISSUES")
    starts = []
    for determination in imrparse.parse(text).determinations:
        at = text.index(determination.treatment.text.split()[0], at)
        starts.append(at)
    ends = [*starts[1:], len(text)]
    blocks = [text[start:end] for start, end in zip(starts, ends, strict=True)]
    return text[: starts[0]] + "".join(edit(blocks[k % len(blocks)], k) for k in range(count))


def _renumbered(block: str, k: int) -> str:
    return f"Item {k + 1} {block}"


def _damaged(block: str, k: int) -> str:
    page = "\nFinal Determination Letter for IMR Case Number CM16-0000001\n"
    return _renumbered(block, k).replace(". ", ". Â® ", 1).replace("\n\n", page, 1)


LETTERS: dict[str, tuple[str, Callable[[str, int], str]]] = {
    "main layout": ("multi", _renumbered),
    "header table": ("header-2016", _renumbered),
    "page headers": ("multi", _damaged),
}


def seconds(text: str, budget: float = 0.3) -> float:
    """The best time of a few parses of ``text``, more of them for a short text.

    CPU time of this process: on a machine shared with other work, the time spent waiting
    for a core says nothing about the parser."""
    best = float("inf")
    spent = 0.0
    runs = 0
    while runs < 2 or (spent < budget and runs < 50):
        start = time.process_time()
        imrparse.parse(text)
        took = time.process_time() - start
        best = min(best, took)
        spent += took
        runs += 1
    return best


def per_kb_ratio(small: str, large: str, retries: int, limit: float) -> tuple[float, float, float]:
    """Time per KB of ``large`` over that of ``small``; the times, best of the tries."""
    a = seconds(small)
    b = seconds(large, budget=0.5)
    for _ in range(retries):
        if (b / len(large)) / (a / len(small)) <= limit:
            break
        a = min(a, seconds(small))
        b = min(b, seconds(large, budget=0.5))
    return (b / len(large)) / (a / len(small)), a, b


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--limit", type=float, default=1.5, help="largest acceptable ratio")
    parser.add_argument("--retries", type=int, default=3, help="re-measurements over the limit")
    parser.add_argument("--determinations", type=int, default=1000)
    parser.add_argument("--small", type=int, default=250_000, help="junk: the small size (B)")
    parser.add_argument("--large", type=int, default=2_000_000, help="junk: the large size (B)")
    parser.add_argument("--quick", action="store_true", help="junk at 25 KB and 200 KB")
    parser.add_argument("--only", choices=("letters", "junk"), help="run one check only")
    parser.add_argument("--as-is", action="store_true", help="keep the allocator as it is")
    args = parser.parse_args(argv)
    unkept = any(os.environ.get(k) != v for k, v in KEEP_MEMORY.items())
    if unkept and not args.as_is and sys.platform.startswith("linux"):  # (glibc's settings)
        command = [sys.executable, os.path.abspath(__file__), *sys.argv[1:]]
        os.execve(sys.executable, command, {**os.environ, **KEEP_MEMORY})
    if args.quick:
        args.small, args.large = 25_000, 200_000
    kept = all(os.environ.get(k) == v for k, v in KEEP_MEMORY.items())
    print(describe(), "(allocator keeps its memory)" if kept else "(allocator as it is)")
    worst: dict[str, float] = {}
    if args.only in (None, "letters"):
        n = args.determinations
        print(f"{'letters':16} {'1 determination':>22} {f'{n:,} determinations':>26}  ratio")
        for name, (example, edit) in LETTERS.items():
            small, large = _letter_with(example, 1, edit), _letter_with(example, n, edit)
            ratio, a, b = per_kb_ratio(small, large, args.retries, args.limit)
            worst["letters"] = max(worst.get("letters", 0.0), ratio)
            flag = "  <-- not linear" if ratio > args.limit else ""
            print(
                f"{name:16} {len(small):>9,} B {a * 1e3:8.2f} ms"
                f" {len(large):>11,} B {b * 1e3:9.1f} ms {ratio:6.2f}{flag}"
            )
    if args.only in (None, "junk"):
        small_size, large_size = args.small, args.large
        print(f"{'junk':9} {'unit':15} {small_size:>9,} B {large_size:>10,} B  ratio")
        for where in CONSTRUCTS:
            for name, unit in UNITS.items():
                small = build(where, unit * (small_size // len(unit)))
                large = build(where, unit * (large_size // len(unit)))
                ratio, a, b = per_kb_ratio(small, large, args.retries, args.limit)
                worst["junk"] = max(worst.get("junk", 0.0), ratio)
                flag = "  <-- not linear" if ratio > args.limit else ""
                print(f"{where:9} {name:15} {a:>9.3f} s {b:>10.3f} s {ratio:6.2f}{flag}")
    summary = ", ".join(f"{check} {ratio:.2f}" for check, ratio in worst.items())
    print(f"worst ratio of time per KB: {summary} (linear is 1.0; limit {args.limit})")
    return 0 if all(ratio <= args.limit for ratio in worst.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
