"""How often a damaged letter comes back wrong with no warning and no error.

Damages the real letters of ``../shared/realworld`` (all five extractors' texts) in the
ways analysts' files get damaged, parses each damaged copy, and counts, per kind of
damage, the copies whose record differs from the clean letter's (any value but the
diagnostics and the unclaimed text) and that carry no warning and no error: *wrong and
silent*. A copy whose record only lacks values (a field left empty) is *incomplete*; one
with a value that differs, or a determination more or fewer, is *wrong*, and
``strict=True`` should stop it: the last column counts the wrong ones it would not (no
error).

    python benchmarks/damage.py                 # every kind, 2 copies a letter and text
    python benchmarks/damage.py --copies 4 --kinds truncate blank-header-date
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import imrparse
from imrparse import Severity

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT.parent / "shared" / "realworld" / "text"
_HEADER = re.compile(r"^.*:\s*(?:Upheld|Overturned)\s*$", re.MULTILINE | re.IGNORECASE)
_DATE = re.compile(r"\d{2}/\d{2}/\d{4}")

Damage = Callable[[str, random.Random], str | None]


def truncate(text: str, rng: random.Random) -> str | None:
    """A download cut off in the last sixth of the letter."""
    return text[: rng.randint(len(text) * 5 // 6, len(text) - 20)]


def blank_header_date(text: str, rng: random.Random) -> str | None:
    """One date of the header table blanked (an empty cell)."""
    head = text[: text.find("HOW THE IMR")]
    dates = list(_DATE.finditer(head))
    if not dates:
        return None
    m = rng.choice(dates)
    return text[: m.start()] + text[m.end() :]


def swap_pages(text: str, rng: random.Random) -> str | None:
    """The first two pages swapped (texts whose pages are parted by form feeds)."""
    pages = text.split("\f")
    if len(pages) < 3:
        return None
    return "\f".join([pages[1], pages[0], *pages[2:]])


def determination_into_summary(text: str, rng: random.Random) -> str | None:
    """The last determination moved to the end of the case summary (pages reordered)."""
    heads = list(_HEADER.finditer(text))
    decisions = text.find("IMR ISSUES")
    if len(heads) < 2 or decisions < 0:
        return None
    at = heads[-1].start()
    return text[:decisions] + text[at:] + "\n" + text[decisions:at]


def lose_header(text: str, rng: random.Random) -> str | None:
    """A treatment header lost mid-letter (its line dropped)."""
    heads = list(_HEADER.finditer(text))
    if len(heads) < 2:
        return None
    m = rng.choice(heads[1:])
    return text[: m.start()] + text[m.end() :]


def label_space(text: str, rng: random.Random) -> str | None:
    """OCR drops one space inside a label."""
    labels = [
        "State(s) of Licensure",
        "Decision rationale",
        "MAXIMUS guideline",
        "Claims Administrator guideline",
    ]
    present = [label for label in labels if label in text]
    if not present:
        return None
    label = rng.choice(present)
    spaces = [i for i, c in enumerate(label) if c == " "]
    i = rng.choice(spaces)
    return text.replace(label, label[:i] + label[i + 1 :], 1)


def label_letters(text: str, rng: random.Random) -> str | None:
    """OCR reads l as 1 or o as 0 in a label."""
    label = rng.choice(["Decision rationale", "Claims Administrator guideline"])
    if label not in text:
        return None
    return text.replace(label, label.replace("l", "1", 1).replace("o", "0", 1), 1)


KINDS: dict[str, Damage] = {
    "truncate": truncate,
    "blank-header-date": blank_header_date,
    "swap-pages": swap_pages,
    "determination-into-summary": determination_into_summary,
    "lose-header": lose_header,
    "label-space": label_space,
    "label-letters": label_letters,
}


def _lost_only(damaged: Any, clean: Any) -> bool:
    """Whether every value where ``damaged`` differs from ``clean`` is missing in it (a
    value lost, not a wrong one)."""
    if damaged == clean:
        return True
    if damaged in (None, "", [], {}):
        return True
    if isinstance(damaged, dict) and isinstance(clean, dict):
        return all(_lost_only(damaged.get(k), clean.get(k)) for k in clean)
    if isinstance(damaged, list) and isinstance(clean, list) and len(damaged) == len(clean):
        return all(_lost_only(a, b) for a, b in zip(damaged, clean, strict=True))
    return False


def values(letter: imrparse.Letter) -> dict[str, Any]:
    data = imrparse.to_dict(letter)
    for key in ("diagnostics", "unclaimed", "source", "source_lines"):
        data.pop(key, None)
    return data


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=2, help="damaged copies per letter and text")
    ap.add_argument("--kinds", nargs="+", default=list(KINDS), choices=list(KINDS))
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    if not TEXTS.is_dir():
        print(f"no letters at {TEXTS}", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    paths = sorted(TEXTS.glob("*/*.txt"))
    totals = [0, 0, 0, 0, 0]  # damaged, changed, silent, wrong, wrong and no error
    print(
        f"{'kind':28} {'damaged':>8} {'changed':>8} {'silent':>7} {'wrong':>6} "
        f"{'no error':>9}  silent share"
    )
    for kind in args.kinds:
        damage = KINDS[kind]
        counts = [0, 0, 0, 0, 0]
        for path in paths:
            text = path.read_text(encoding="utf-8")
            clean = values(imrparse.parse(text))
            for _ in range(args.copies):
                damaged = damage(text, rng)
                if damaged is None:
                    continue
                letter = imrparse.parse(damaged)
                counts[0] += 1
                got = values(letter)
                if got == clean:
                    continue
                counts[1] += 1
                severities = {d.severity for d in letter.diagnostics}
                counts[2] += not severities & {Severity.WARNING, Severity.ERROR}
                if not _lost_only(got, clean):
                    counts[3] += 1
                    counts[4] += Severity.ERROR not in severities
        share = counts[2] / counts[0] if counts[0] else 0.0
        print(
            f"{kind:28} {counts[0]:>8} {counts[1]:>8} {counts[2]:>7} {counts[3]:>6} "
            f"{counts[4]:>9}  {share:6.1%}"
        )
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
    share = totals[2] / totals[0] if totals[0] else 0.0
    print(
        f"{'overall':28} {totals[0]:>8} {totals[1]:>8} {totals[2]:>7} {totals[3]:>6} "
        f"{totals[4]:>9}  {share:6.1%}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
