"""What a first pass costs: each letter read once, in a fresh process, as a batch reads them.

The warm benchmark (``bench_parse.py``) parses the same letters again and again, so
every cache in the process is warm: treatments already classified, the CPU's caches
full. A user's batch reads each letter once. This script measures that:

* every round starts fresh processes, one per measure, on the same texts;
* each process first imports what it needs and warms up on letters that are not among
  the texts (the shipped examples), so imports and the compiling of patterns are left
  out, then times ONE pass over all the texts by its own CPU time (``process_time``);
* beside imrparse, a *regex floor* runs on the same texts in the same round: one
  tuned scan that only finds a letter's landmarks (its headings, the treatment headers,
  the dates and "Decision based on"). Nothing that reads a letter can cost less, and
  the ratio imrparse / floor is a figure that the machine's speed cancels out of;
* the same process then passes over the texts ``--warm`` times more and keeps the best
  pass: the warm figure, measured beside the first pass.

The order of the measures alternates from round to round; the report gives the median
of the rounds. ``--python`` adds another interpreter's imrparse (another install: a
version before a change) to every round, so two versions are compared side by side::

    python benchmarks/bench_first_pass.py                       # ../shared/realworld texts
    python benchmarks/bench_first_pass.py --texts DIR --rounds 11
    python benchmarks/bench_first_pass.py --python /tmp/old/bin/python
    python benchmarks/bench_first_pass.py --pdf ../shared/realworld/pdf

With ``--pdf FOLDER`` the measures are PDF files to rows (``parse_file`` + ``to_rows``,
each file once) against PDFium's text extraction alone (pypdfium2's helper API) on the
same files: the floor of reading a PDF at all. PDFium alone is measured twice: as a
program that calls pypdfium2 gets it, and with the C allocator set as imrparse's PDF
reader sets it (``imrparse.allocator``, "heap kept"), so that the reader's own cost
shows beside the time the setting saves.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL_TEXTS = ROOT.parent / "shared" / "realworld" / "text" / "pypdf"

# The regex floor: landmarks only. Each pattern begins with a literal or a character
# class, so the search skips ahead in C; nothing is built from what it finds.
_LANDMARK_LINES = re.compile(
    r"^(?:[ \t]*(?P<heading>HOW THE IMR FINAL DETERMINATION WAS MADE|CLINICAL CASE SUMMARY"
    r"|IMR ISSUES, DECISIONS AND RATIONALES)[ \t]*$|(?P<header>.+:\s*(?:Upheld|Overturned))\s*$)",
    re.MULTILINE,
)
_DATES = re.compile(
    r"[0-9](?<!\w[0-9])[0-9]?[/-][0-9]{1,2}[/-](?:[0-9]{4}|[0-9]{2})\b"
    r"|[0-9](?<!\w[0-9])[0-9]?/[0-9]{4}\b"
)
_BASIS = re.compile("Decision based on")


def regex_floor(texts: list[str]) -> int:
    """Count the landmarks of every text: the least any reader of letters must do."""
    found = 0
    for text in texts:
        for pattern in (_LANDMARK_LINES, _DATES, _BASIS):
            for _ in pattern.finditer(text):
                found += 1
    return found


def read_texts(folder: Path) -> list[str]:
    """The ``.txt`` files of ``folder`` in name order (UTF-8, else cp1252)."""
    texts = []
    for path in sorted(folder.glob("*.txt")):
        data = path.read_bytes()
        try:
            texts.append(data.decode("utf-8"))
        except UnicodeDecodeError:
            texts.append(data.decode("cp1252", errors="replace"))
    return texts


def pdfium_alone(path: Path) -> str:
    """The text of every page with pypdfium2's helper API, pages joined by form feeds."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(path)
    try:
        pages = []
        for page in doc:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\f".join(pages)
    finally:
        doc.close()


def _measure(kind: str, folder: Path, warm: int) -> dict[str, float]:
    """In a child: set up ``kind``, time one pass and then the best of ``warm`` passes."""
    work: Callable[[], object]
    if kind in ("floor", "imrparse"):
        texts = read_texts(folder)
        count = len(texts)
        if kind == "floor":
            regex_floor(["warm-up 1/2/2016: Upheld\n"])
            work = lambda: regex_floor(texts)  # noqa: E731
        else:
            import imrparse

            for name in imrparse.examples.names():  # imports, patterns compiled on first use
                imrparse.parse(imrparse.examples.read_text(name))
            work = lambda: [imrparse.parse(text) for text in texts]  # noqa: E731
    else:
        paths = sorted(folder.glob("*.pdf"))
        count = len(paths)
        import imrparse

        if kind == "pdfium-kept":  # the allocator as imrparse's PDF reader sets it
            from imrparse.allocator import keep_heap

            keep_heap()
        pdfium_alone(paths[0]) if kind != "pdf-rows" else None
        if kind == "pdf-rows":
            imrparse.parse(imrparse.examples.read_text(imrparse.examples.names()[0]))
            imrparse.to_rows([imrparse.parse_file(paths[-1])])  # the reader loaded
            # (the first and last files are read once more below: a pass over all)
        if kind != "pdf-rows":
            work = lambda: [pdfium_alone(path) for path in paths]  # noqa: E731
        else:
            work = lambda: [imrparse.to_rows([imrparse.parse_file(p)]) for p in paths]  # noqa: E731
    gc.collect()
    start = time.process_time()
    work()
    first = time.process_time() - start
    best = float("inf")
    for _ in range(warm):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return {"first": first, "warm": best, "n": count}


def _child_env(python: str) -> dict[str, str]:
    """The environment of a child: another interpreter runs its own install, so this
    process's PYTHONPATH (a source tree) is not passed to it."""
    env = dict(os.environ)
    if python != sys.executable:
        env.pop("PYTHONPATH", None)
    return env


def _run(python: str, kind: str, folder: Path, warm: int) -> dict[str, float]:
    command = [python, __file__, "--child", kind, "--texts", str(folder), "--warm", str(warm)]
    done = subprocess.run(
        command, capture_output=True, text=True, check=True, env=_child_env(python)
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _describe(python: str) -> str:
    code = "import imrparse, imrparse._build as b; print(imrparse.__file__, b.describe())"
    done = subprocess.run(
        [python, "-c", code], capture_output=True, text=True, env=_child_env(python)
    )
    return done.stdout.strip() or done.stderr.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, default=REAL_TEXTS, help="a folder of .txt")
    parser.add_argument("--pdf", type=Path, help="a folder of PDFs: PDF to rows vs PDFium")
    parser.add_argument("--rounds", type=int, default=7, help="rounds (median reported)")
    parser.add_argument("--warm", type=int, default=3, help="warm passes after the first")
    parser.add_argument(
        "--python", action="append", default=[], help="another interpreter to compare"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        folder = args.pdf or args.texts
        print(json.dumps(_measure(args.child, folder, args.warm)))
        return

    folder = args.pdf or args.texts
    floor, subject = ("pdfium", "pdf-rows") if args.pdf else ("floor", "imrparse")
    pythons = [sys.executable, *args.python]
    for n, python in enumerate(pythons):
        print(f"[{n}] {python}: {_describe(python)}")
    floors = [(floor, sys.executable)]
    if args.pdf:  # PDFium alone again, with the C allocator set as imrparse sets it
        floors.append(("pdfium-kept", sys.executable))
    measures = floors + [(subject, python) for python in pythons]
    results: dict[tuple[str, str], list[dict[str, float]]] = {m: [] for m in measures}
    for round_ in range(args.rounds):
        order = measures if round_ % 2 == 0 else measures[::-1]
        for kind, python in order:
            results[kind, python].append(_run(python, kind, folder, args.warm))
    count = int(results[measures[0]][0]["n"])
    what = "PDF files, to rows" if args.pdf else "letter texts"
    print(f"{count} {what} in {folder}; {args.rounds} rounds, medians; CPU time of one pass")
    names = {"floor": "regex floor", "pdfium": "PDFium alone", "pdfium-kept": "  heap kept"}
    for kind, python in floors:
        for key in ("first", "warm"):
            cpu = statistics.median(r[key] for r in results[kind, python])
            print(
                f"  {names[kind]:<22} {key:<5} {count / cpu:8.0f}/s  {1000 * cpu / count:6.3f} ms each"
            )
    for n, python in enumerate(pythons):
        runs = results[subject, python]
        for key in ("first", "warm"):
            cpu = statistics.median(r[key] for r in runs)
            ratios = [
                statistics.median(r[key] / f[key] for r, f in zip(runs, results[m], strict=True))
                for m in floors
            ]
            label = f"[{n}] {subject}"
            print(
                f"  {label:<22} {key:<5} {count / cpu:8.0f}/s  {1000 * cpu / count:6.3f} ms each"
                f"  x{ratios[0]:.2f} the {'extraction' if args.pdf else 'floor'}"
                + (f" (x{ratios[1]:.2f} with the heap kept)" if args.pdf else "")
            )


if __name__ == "__main__":
    main()
