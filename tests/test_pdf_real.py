"""DWC's real PDFs (encrypted, text extraction flagged as not allowed) give the records of
the pypdf text of the same letters, through parse_file and through the command line.

The PDFs are read from ``../shared/realworld/pdf`` beside the repository; the tests skip
when that folder is absent (a fresh clone has no ``../shared``; CI has it).
"""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

import imrparse

pytest.importorskip("pypdfium2")

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "realworld"
PDFS = sorted((REAL / "pdf").glob("*.pdf"))
DETERMINATIONS = 136  # in the 69 letters, as the gold has them
TEXTS = REAL / "text" / "pypdf"

pytestmark = pytest.mark.skipif(not PDFS, reason="../shared/realworld/pdf is absent")


def _rows(letter: imrparse.Letter) -> list[dict[str, object]]:
    return [{k: v for k, v in row.items() if k != "source"} for row in imrparse.to_rows([letter])]


def _text_letter(pdf: Path) -> imrparse.Letter:
    return imrparse.parse((TEXTS / f"{pdf.stem}.txt").read_text(encoding="utf-8"))


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.stem)
def test_a_real_pdf_gives_the_records_of_its_text(pdf: Path) -> None:
    letter = imrparse.parse_file(pdf)
    assert letter.ok, letter.diagnostics
    assert letter.case_number == pdf.stem
    assert _rows(letter) == _rows(_text_letter(pdf))


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [{k: v for k, v in row.items() if k != "source"} for row in csv.DictReader(fh)]


def test_the_cli_writes_one_row_per_determination_of_every_real_pdf(tmp_path: Path) -> None:
    out = tmp_path / "pdf.csv"
    result = subprocess.run(
        [sys.executable, "-m", "imrparse", "parse", REAL / "pdf", "-f", "csv", "-o", out],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        f"imrparse: {len(PDFS)} letters, {DETERMINATIONS} determinations written to {out} "
        "(csv); 0 with errors\n"
    )
    rows = _csv(out)
    expected = [_text_letter(pdf) for pdf in PDFS]
    assert len(rows) == sum(len(letter.determinations) for letter in expected)
    assert len({row["letter_index"] for row in rows}) == len(PDFS)
    assert {row["case_number"] for row in rows} == {pdf.stem for pdf in PDFS}
    # the same table as the pypdf text gives, read the same way
    reference = tmp_path / "text.csv"
    texts = [TEXTS / f"{pdf.stem}.txt" for pdf in PDFS]
    subprocess.run(
        [sys.executable, "-m", "imrparse", "parse", *texts, "-f", "csv", "-o", reference],
        capture_output=True,
        check=True,
    )
    assert rows == _csv(reference)


def test_parse_many_in_processes_reads_the_real_pdfs() -> None:
    assert list(imrparse.parse_many(PDFS, workers=2)) == [imrparse.parse_file(p) for p in PDFS]
