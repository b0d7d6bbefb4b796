"""A real PDF of each seed letter, read by parse_file, gives the records of the text."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import imrparse

pytest.importorskip("pypdf")
fpdf = pytest.importorskip("fpdf")

SEEDS = sorted((Path(__file__).parent / "seeds").glob("*.txt"))


def write_pdf(text: str, path: Path) -> None:
    """Lay the letter out as its PDF was: one text line per printed line, a gap for each
    paragraph break (the extractor's blank line after every line is not printed)."""
    pdf = fpdf.FPDF(format="letter")
    pdf.set_margins(15, 15)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", size=9)
    for line in text.splitlines():
        if not line:
            continue
        if line.isspace():
            pdf.ln(4)
        else:
            pdf.cell(w=0, h=4.5, text=line.rstrip(), new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def comparable(letter: imrparse.Letter) -> imrparse.Letter:
    """Every field but the ones that say how the text was read."""
    return attrs.evolve(letter, diagnostics=(), source=None)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_pdf_gives_the_same_records_as_the_text(seed: Path, tmp_path: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    path = tmp_path / f"{seed.stem}.pdf"
    write_pdf(text, path)
    letter = imrparse.parse_file(path)
    assert letter.source == str(path)
    assert letter.ok, letter.diagnostics
    expected = imrparse.parse(text)
    assert letter.determinations  # the PDF held a real letter
    assert comparable(letter) == comparable(expected)


def test_pdf_spans_pages(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    path = tmp_path / "letter.pdf"
    write_pdf(max((p.read_text(encoding="utf-8") for p in SEEDS), key=len), path)
    assert len(pypdf.PdfReader(path).pages) > 1  # so page joins are exercised above


def test_pdf_in_parse_many_and_cli(tmp_path: Path) -> None:
    paths = []
    for seed in SEEDS:
        paths.append(tmp_path / f"{seed.stem}.pdf")
        write_pdf(seed.read_text(encoding="utf-8"), paths[-1])
    assert list(imrparse.parse_many(paths, workers=2)) == [imrparse.parse_file(p) for p in paths]
    assert list(imrparse.parse_many(map(str, paths))) == [imrparse.parse_file(p) for p in paths]
