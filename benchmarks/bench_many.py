"""How many letters a second parse_many reads, in one process and in several.

Run from the repository: ``python benchmarks/bench_many.py --repeat 500 --workers 1 2``.
The input is the seed letters repeated; each run reads the files from disk.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import imrparse

SEEDS = sorted((Path(__file__).parent.parent / "tests" / "seeds").glob("*.txt"))


def measure(paths: list[Path], workers: int, chunksize: int | None) -> float:
    """Letters per second for one full pass of parse_many over ``paths``."""
    start = time.perf_counter()
    count = sum(1 for _ in imrparse.parse_many(paths, workers=workers, chunksize=chunksize))
    elapsed = time.perf_counter() - start
    assert count == len(paths)
    return count / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=250, help="copies of each seed")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts")
    parser.add_argument("--chunksize", type=int, default=None, help="default: parse_many's")
    parser.add_argument("--rounds", type=int, default=3, help="best of this many runs")
    args = parser.parse_args()
    paths = [p for p in SEEDS for _ in range(args.repeat)]
    print(f"{len(paths)} letters ({len(SEEDS)} seeds x {args.repeat}), {os.cpu_count()} CPUs")
    baseline = None
    for workers in args.workers:
        rate = max(measure(paths, workers, args.chunksize) for _ in range(args.rounds))
        baseline = baseline or rate
        print(f"workers={workers:<3} {rate:9.0f} letters/s  x{rate / baseline:.2f}")


if __name__ == "__main__":
    main()
