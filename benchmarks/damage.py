"""How often a damaged letter comes back wrong with no warning and no error.

Damages the real letters of ``../shared/realworld`` (all five extractors' texts) in the
ways analysts' files get damaged, parses each damaged copy, and counts, per kind of
damage, the copies whose record differs from the clean letter's (any value but the
diagnostics and the unclaimed text) and that carry no warning and no error: *wrong and
silent*. A copy whose record only lacks values (a field left empty) is *incomplete*; one
with a value that differs, or a determination more or fewer, is *wrong*, and
``strict=True`` should stop it: "no error" counts the wrong ones it would not. "No trace"
counts the silent ones whose damage left nothing in the text's form to find (a page lost
exactly between two determinations, or where the pages left join mid-sentence to
mid-sentence: ``tests/damage_kinds.py``).

    python benchmarks/damage.py                 # every kind, 2 copies a letter and text
    python benchmarks/damage.py --copies 4 --kinds truncate blank-header-date
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import imrparse

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT.parent / "shared" / "realworld" / "text"
sys.path.insert(0, str(ROOT / "tests"))

from damage_kinds import DAMAGE, judge, seamless_loss, traceless  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=2, help="damaged copies per letter and text")
    ap.add_argument("--kinds", nargs="+", default=list(DAMAGE), choices=list(DAMAGE))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--show",
        type=int,
        default=0,
        help="print this many silent or wrong-and-no-error letters per kind",
    )
    args = ap.parse_args(argv)
    if not TEXTS.is_dir():
        print(f"no letters at {TEXTS}", file=sys.stderr)
        return 2
    paths = sorted(TEXTS.glob("*/*.txt"))
    texts = [(path, path.read_text(encoding="utf-8")) for path in paths]
    cleans = [imrparse.parse(text) for _, text in texts]
    failing = [str(path) for (path, _), clean in zip(texts, cleans, strict=True) if not clean.ok]
    if failing:
        print(f"clean letters with an error (fix these first): {failing[:5]}", file=sys.stderr)
        return 1
    crashes = 0
    # damaged, changed, silent, wrong, wrong and no error, silent and traceless
    totals = [0, 0, 0, 0, 0, 0]
    print(
        f"{'kind':28} {'damaged':>8} {'changed':>8} {'silent':>7} {'wrong':>6} "
        f"{'no error':>9} {'no trace':>9}  silent share"
    )
    for kind in args.kinds:
        damage = DAMAGE[kind]
        rng = random.Random(f"{args.seed}-{kind}")
        counts = [0, 0, 0, 0, 0, 0]
        shown: list[str] = []
        for (path, text), clean in zip(texts, cleans, strict=True):
            for _ in range(args.copies):
                damaged = damage(text, rng)
                if damaged is None:
                    continue
                try:
                    letter = imrparse.parse(damaged)
                except Exception as error:  # (counted, not raised)
                    crashes += 1
                    print(f"  crash {path.parent.name}/{path.stem}: {error!r}")
                    continue
                crashes += any(d.code == "internal-error" for d in letter.diagnostics)
                counts[0] += 1
                verdict = judge(letter, clean)
                counts[1] += verdict.changed
                counts[2] += verdict.silent
                counts[3] += verdict.wrong
                counts[4] += verdict.wrong and not verdict.errors
                counts[5] += verdict.silent and (
                    traceless(letter, clean) or seamless_loss(damaged, text)
                )
                if (verdict.silent or (verdict.wrong and not verdict.errors)) and len(
                    shown
                ) < args.show:
                    what = "silent" if verdict.silent else "no error"
                    codes = sorted({d.code for d in letter.diagnostics})
                    shown.append(
                        f"  {what} {path.parent.name}/{path.stem}: {codes}\n"
                        + "\n".join(f"    {d}" for d in verdict.differences[:4])
                    )
        share = counts[2] / counts[0] if counts[0] else 0.0
        print(
            f"{kind:28} {counts[0]:>8} {counts[1]:>8} {counts[2]:>7} {counts[3]:>6} "
            f"{counts[4]:>9} {counts[5]:>9}  {share:6.1%}"
        )
        for line in shown:
            print(line)
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
    share = totals[2] / totals[0] if totals[0] else 0.0
    print(
        f"{'overall':28} {totals[0]:>8} {totals[1]:>8} {totals[2]:>7} {totals[3]:>6} "
        f"{totals[4]:>9} {totals[5]:>9}  {share:6.1%}"
    )
    traced = (totals[2] - totals[5]) / totals[0] if totals[0] else 0.0
    print(f"silent where the damage left a trace: {totals[2] - totals[5]} ({traced:.1%})")
    print(f"crashes: {crashes}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
