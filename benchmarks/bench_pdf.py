"""What reading PDFs costs: parse_file + to_rows against the PDF extractor alone, and
parse_many over PDFs in two processes against one.

Run from the repository: ``python benchmarks/bench_pdf.py`` (needs the ``pdf`` extra and
``../shared/realworld/pdf``, or name a folder of PDFs with ``--pdf``).

1. Per letter, in one process: the extractor alone (pypdfium2's own text API, as a user
   would call it, and imrparse's reader, :func:`imrparse.pdf.read_text`) and the whole
   way to rows (``parse_file`` + ``to_rows``), on the same files in interleaved passes;
   each figure is the sum over files of each file's best of ``--rounds``, by the wall
   clock and by this process's CPU time (which a busy machine moves less); the measures
   run one after another on each file. (A process per file, as poppler's pdftotext
   runs, has its CPU time in the child, which this CPU figure does not count.) The ratio of the last to the fastest
   extractor is what parsing and everything around it add.
2. ``parse_many`` over the PDFs repeated ``--repeat`` times (so that starting the pool
   is amortised), with ``workers=1`` and ``workers=2``, interleaved, best of
   ``--many-rounds``.

Other extractors (pypdf, pdfminer.six, PyMuPDF, pdf_oxide, poppler's pdftotext) are timed too with
``--others``, where installed, for the comparison on the docs' PDF input page.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import imrparse
import imrparse.pdf

ROOT = Path(__file__).resolve().parent.parent
REAL_PDF = ROOT.parent / "shared" / "realworld" / "pdf"


def pdfium_alone(path: Path) -> str:
    """The text of every page with pypdfium2's helper API, pages joined by form feeds."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(path)
    try:
        texts = []
        for page in doc:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\f".join(texts)
    finally:
        doc.close()


def to_rows(path: Path) -> object:
    return imrparse.to_rows([imrparse.parse_file(path)])


def pypdf_text(path: Path) -> str:
    import pypdf

    reader = pypdf.PdfReader(path)
    if reader.is_encrypted:
        reader.decrypt("")
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def pdfminer_text(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return str(extract_text(path))


def pymupdf_text(path: Path) -> str:
    import pymupdf  # AGPL: timed for the comparison only, never used by imrparse

    with pymupdf.open(path) as doc:
        return "\f".join(page.get_text() for page in doc)


def pdf_oxide_text(path: Path) -> str:
    import pdf_oxide

    doc = pdf_oxide.PdfDocument(str(path))
    return "\f".join(doc.extract_text(page) for page in range(doc.page_count()))


def poppler_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True)
    return done.stdout.decode("utf-8")


OTHERS: dict[str, tuple[str, Callable[[Path], object]]] = {
    "pypdf (+cryptography)": ("pypdf", pypdf_text),
    "pdfminer.six": ("pdfminer", pdfminer_text),
    "PyMuPDF (AGPL)": ("pymupdf", pymupdf_text),
    "pdf_oxide": ("pdf_oxide", pdf_oxide_text),
    "poppler pdftotext (a process per file)": ("", poppler_text),
}


def one_pass(work: Callable[[Path], object], paths: list[Path]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one pass (CPU time is less moved by a busy machine;
    it counts the child processes that pdftotext runs in)."""
    wall, cpu = time.perf_counter(), _cpu_with_children()
    for path in paths:
        work(path)
    return time.perf_counter() - wall, _cpu_with_children() - cpu


def per_file_best(
    measures: dict[str, Callable[[Path], object]], paths: list[Path], rounds: int
) -> dict[str, list[float]]:
    """Each measure's seconds over all files, by the wall clock and by CPU time, as the sum
    over files of each file's best of ``rounds``. The measures run one after another on
    the same file, so that each pair sees the same machine: a burst of load elsewhere
    moves one file's figures, for one round, not a whole pass of one measure."""
    inf = float("inf")
    wall = {name: [inf] * len(paths) for name in measures}
    cpu = {name: [inf] * len(paths) for name in measures}
    for _ in range(rounds):
        for i, path in enumerate(paths):
            for name, work in measures.items():
                w, c = time.perf_counter(), time.process_time()
                work(path)
                c, w = time.process_time() - c, time.perf_counter() - w
                wall[name][i] = min(wall[name][i], w)
                cpu[name][i] = min(cpu[name][i], c)
    return {name: [sum(wall[name]), sum(cpu[name])] for name in measures}


def many_pass(paths: list[Path], workers: int) -> tuple[float, float]:
    """Wall-clock seconds, and CPU seconds of this process and its (finished) workers."""
    start, before = time.perf_counter(), _cpu_with_children()
    count = sum(1 for _ in imrparse.parse_many(paths, workers=workers))
    assert count == len(paths)
    return time.perf_counter() - start, _cpu_with_children() - before


def _cpu_with_children() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def available(module: str) -> bool:
    if not module:
        return shutil.which("pdftotext") is not None
    try:
        __import__(module)
    except ImportError:
        return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdf", type=Path, default=REAL_PDF, help="a folder of PDFs")
    parser.add_argument("--rounds", type=int, default=7, help="passes per measure (best)")
    parser.add_argument("--repeat", type=int, default=4, help="copies for parse_many")
    parser.add_argument("--many-rounds", type=int, default=3, help="parse_many runs (best)")
    parser.add_argument("--others", action="store_true", help="time other extractors too")
    args = parser.parse_args()
    paths = sorted(args.pdf.glob("*.pdf"))
    if not paths:
        raise SystemExit(f"no PDF in {args.pdf}")
    imrparse.pdf.require()
    n = len(paths)
    print(f"{n} PDFs in {args.pdf}, {os.cpu_count()} CPUs")

    measures: dict[str, Callable[[Path], object]] = {
        "pypdfium2 alone (helper API)": pdfium_alone,
        "imrparse.pdf.read_text": imrparse.pdf.read_text,
        "parse_file": imrparse.parse_file,
        "parse_file + to_rows": to_rows,
    }
    if args.others:
        measures |= {name: work for name, (module, work) in OTHERS.items() if available(module)}
    for work in measures.values():  # warm up: imports, caches, the page cache
        one_pass(work, paths[:3])
    best = per_file_best(measures, paths, args.rounds)
    fastest = [
        min(best["pypdfium2 alone (helper API)"][clock], best["imrparse.pdf.read_text"][clock])
        for clock in (0, 1)
    ]
    print(f"{'':42} {'wall clock':>28}   {'CPU time':>28}")
    for name, (wall, cpu) in best.items():
        print(
            f"{name:42} {n / wall:7.1f} letters/s {1000 * wall / n:6.2f} ms x{wall / fastest[0]:.3f}"
            f"   {n / cpu:7.1f} letters/s {1000 * cpu / n:6.2f} ms x{cpu / fastest[1]:.3f}"
        )
    print("(x: against the fastest PDFium extraction alone, on the same clock)")

    many = paths * args.repeat
    walls = {1: float("inf"), 2: float("inf")}
    cpus = {1: float("inf"), 2: float("inf")}
    for _ in range(args.many_rounds):
        for workers in walls:
            wall, cpu = many_pass(many, workers)
            walls[workers], cpus[workers] = min(walls[workers], wall), min(cpus[workers], cpu)
    for workers in walls:
        print(
            f"parse_many workers={workers}  {len(many) / walls[workers]:7.1f} letters/s"
            f"  ({cpus[workers]:.2f} CPU seconds in all)"
        )
    # The CPU seconds show what the pool adds (start-up, pickling); the speed-up itself
    # needs two idle cores, so measure it on a quiet machine.
    print(f"workers=2 vs 1: x{walls[1] / walls[2]:.2f} faster by the wall clock")


if __name__ == "__main__":
    main()
