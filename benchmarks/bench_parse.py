"""Time imrparse.parse: letters per second, MB/s, and how time grows with input size.

Usage::

    python benchmarks/bench_parse.py                # the seed letters, 5 rounds of 3 s
    python benchmarks/bench_parse.py --seconds 10 --rounds 9
    python benchmarks/bench_parse.py --scaling      # also parse junk of growing size
    python benchmarks/bench_parse.py --passes 5     # fixed work, for an instruction count
    python benchmarks/bench_parse.py --real         # the 69 real letters of ../shared/realworld
    python benchmarks/bench_parse.py --real --no-spans   # the same with spans=False

Runs on one core (one process). Reports the best and the median round, since a
shared machine makes single rounds noisy. Where the host is too noisy to compare two
versions by time, count instructions instead, which does not vary with the load::

    valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        python benchmarks/bench_parse.py --passes 0   # start-up only
    valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        python benchmarks/bench_parse.py --passes 5   # start-up and 5 passes

(set PYTHONHASHSEED=0 for both); the difference of the two totals, divided by 5 times
the number of letters, is the instructions per letter.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

import imrparse
from imrparse._build import describe

ROOT = Path(__file__).resolve().parents[1]


REAL = ROOT.parent / "shared" / "realworld" / "text" / "pypdf"
"""The real letters of 2016-17 (outside the repository; see tests/test_real_letters.py)."""


def real_corpus() -> list[str]:
    """The 2016-17 real letters as pypdf printed them, where ../shared/realworld exists."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(REAL.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"--real: no letters in {REAL}")
    return texts


def corpus() -> list[str]:
    """The seed letters plus their CRLF and undoubled variants; examples if no seeds."""
    seeds = sorted((ROOT / "tests" / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    if not texts:
        texts = [imrparse.examples.read_text(n) for n in imrparse.examples.names()]
    variants = [t.replace("\n", "\r\n") for t in texts] + [t.replace("\n\n", "\n") for t in texts]
    return texts + variants


def one_round(texts: list[str], seconds: float, options: dict[str, bool]) -> tuple[float, float]:
    """Parse the texts round-robin for ``seconds`` (with ``options``); return letters/s
    and MB/s."""
    corpus_size = sum(len(t.encode("utf-8")) for t in texts)
    count = 0
    start = time.perf_counter()
    deadline = start + seconds
    while time.perf_counter() < deadline:
        for text in texts:
            imrparse.parse(text, **options)
        count += len(texts)
    elapsed = time.perf_counter() - start
    return count / elapsed, count // len(texts) * corpus_size / elapsed / 1e6


def junk(size: int, rng: random.Random) -> str:
    """Letter-like junk: words, colons, outcome words, headings, blank lines."""
    words = [
        "pain",
        "Upheld",
        ":",
        "MTUS",
        "Page(s):",
        "41-42",
        "\n",
        "\n\n",
        " ",
        "CLINICAL",
        "CASE SUMMARY\n",
        "Decision rationale:",
        "#30",
        "10mg",
        "injury on 3-1-08",
        "-",
    ]
    parts: list[str] = []
    length = 0
    while length < size:
        word = rng.choice(words)
        parts.append(word)
        parts.append(" ")
        length += len(word) + 1
    return "".join(parts)[:size]


def scaling(rng: random.Random) -> None:
    print("\nparse time by input size (junk text):")
    print(f"{'size':>10} {'seconds':>9} {'us/KB':>8}")
    for size in (10_000, 100_000, 1_000_000, 4_000_000):
        text = junk(size, rng)
        start = time.perf_counter()
        imrparse.parse(text)
        elapsed = time.perf_counter() - start
        print(f"{size:>10} {elapsed:>9.3f} {elapsed / (size / 1000) * 1e6:>8.1f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=3.0, help="length of one round")
    parser.add_argument("--rounds", type=int, default=5, help="number of rounds")
    parser.add_argument("--scaling", action="store_true", help="also time junk of growing size")
    parser.add_argument(
        "--passes",
        type=int,
        metavar="N",
        help="parse the corpus exactly N times after a warm-up pass, print nothing, time nothing",
    )
    parser.add_argument(
        "--real",
        action="store_true",
        help="parse the real 2016-17 letters of ../shared/realworld instead of the seeds",
    )
    parser.add_argument(
        "--no-spans",
        action="store_true",
        help="parse with spans=False (the cost of spans: run with and without, alternately)",
    )
    args = parser.parse_args(argv)
    spans = not args.no_spans

    texts = real_corpus() if args.real else corpus()
    options = {} if spans else {"spans": False}  # (an older install takes no spans)
    for text in texts:
        imrparse.parse(text, **options)  # warm up imports and regex caches
    if args.passes is not None:
        for _ in range(args.passes):
            for text in texts:
                imrparse.parse(text, **options)
        return 0
    rates = [one_round(texts, args.seconds, options) for _ in range(args.rounds)]
    letters = [r[0] for r in rates]
    mbs = [r[1] for r in rates]
    mean_kb = statistics.mean(len(t.encode()) for t in texts) / 1000
    print(
        f"imrparse {imrparse.__version__} ({describe()}), Python {sys.version.split()[0]}, "
        f"{len(texts)} letters of {mean_kb:.1f} KB on average, one process"
        + ("" if spans else ", spans=False")
    )
    print(f"letters/s: best {max(letters):,.0f}, median {statistics.median(letters):,.0f}")
    print(f"MB/s:      best {max(mbs):.2f}, median {statistics.median(mbs):.2f}")
    if args.scaling:
        scaling(random.Random(7))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
