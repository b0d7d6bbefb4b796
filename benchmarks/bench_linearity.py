"""Check that parse time grows linearly with input size, on adversarial junk.

Each case repeats one small unit (a shape that a regex or a grammar rule might
handle badly: chains of "1/", runs of colons, outcome words, hyphen wraps ...)
inside one construct of a letter (a treatment header, the case summary, the
reviewer section, the header table of 2016 on, a cover page), at two sizes ten times
apart. A linear parser
takes about ten times longer on the larger input; a ratio far above that means
quadratic behaviour. Exits 1 if any case's ratio exceeds ``--limit``.

Usage::

    python benchmarks/bench_linearity.py                  # 100 KB and 1 MB
    python benchmarks/bench_linearity.py --small 10000    # quicker
"""

from __future__ import annotations

import argparse
import time

import imrparse

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
}


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
    return body + "\nNotice of Independent Medical Review Determination\n" + body


def seconds(text: str) -> float:
    start = time.perf_counter()
    imrparse.parse(text)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--small", type=int, default=100_000, help="size of the small input")
    parser.add_argument("--limit", type=float, default=25.0, help="largest acceptable ratio")
    args = parser.parse_args(argv)
    small, large = args.small, args.small * 10
    worst = 0.0
    print(f"{'construct':9} {'unit':15} {small:>9,} B {large:>10,} B  ratio")
    for where in ("header", "summary", "reviewer", "table", "cover"):
        for name, unit in UNITS.items():
            a = seconds(build(where, unit * (small // len(unit))))
            b = seconds(build(where, unit * (large // len(unit))))
            ratio = b / max(a, 1e-3)
            worst = max(worst, ratio)
            flag = "  <-- not linear" if ratio > args.limit else ""
            print(f"{where:9} {name:15} {a:>9.3f} s {b:>10.3f} s {ratio:6.1f}{flag}")
    print(f"worst ratio {worst:.1f} (linear is about 10; limit {args.limit})")
    return 0 if worst <= args.limit else 1


if __name__ == "__main__":
    raise SystemExit(main())
