"""A PDF of each seed letter, read by parse_file, gives the records of the text; so does
one encrypted as DWC encrypts its letters (AES, empty user password, text extraction
flagged as not allowed)."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import imrparse

pytest.importorskip("pypdfium2")
import imrparse.pdf
from pdf_files import letter_pdf

SEEDS = sorted((Path(__file__).parent / "seeds").glob("*.txt"))


def comparable(letter: imrparse.Letter) -> imrparse.Letter:
    """Every field but the ones that say how the text was read."""
    return attrs.evolve(letter, diagnostics=(), source=None)


@pytest.mark.parametrize("encrypt", [False, True], ids=["plain", "encrypted"])
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_pdf_gives_the_same_records_as_the_text(seed: Path, encrypt: bool, tmp_path: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    path = letter_pdf(text, tmp_path / f"{seed.stem}.pdf", encrypt=encrypt)
    letter = imrparse.parse_file(path)
    assert letter.source == str(path)
    assert letter.ok, letter.diagnostics
    expected = imrparse.parse(text)
    assert letter.determinations  # the PDF held a real letter
    assert comparable(letter) == comparable(expected)


def test_the_encrypted_pdf_is_encrypted_as_dwc_does(tmp_path: Path) -> None:
    """AES (security handler revision 4), and the permission to extract text is off."""
    raw = pytest.importorskip("pypdfium2.raw")
    data = letter_pdf("Case Number: CM16-0000001", tmp_path / "x.pdf", encrypt=True).read_bytes()
    assert b"/AESV2" in data
    doc = raw.FPDF_LoadMemDocument64(data, len(data), None)
    try:
        assert raw.FPDF_GetSecurityHandlerRevision(doc) == 4
        copy_text = 1 << 4  # bit 5 of /P: "copy or otherwise extract text"
        assert not raw.FPDF_GetDocPermissions(doc) & copy_text
    finally:
        raw.FPDF_CloseDocument(doc)
    assert imrparse.pdf.read_text(tmp_path / "x.pdf") == "Case Number: CM16-0000001"


def test_pages_are_joined_by_a_line_break(tmp_path: Path) -> None:
    path = letter_pdf(
        max((p.read_text(encoding="utf-8") for p in SEEDS), key=len), tmp_path / "l.pdf"
    )
    text = imrparse.pdf.read_text(path)
    assert "\r" not in text and "\f" not in text and "\ufffe" not in text
    raw = pytest.importorskip("pypdfium2.raw")
    data = path.read_bytes()
    doc = raw.FPDF_LoadMemDocument64(data, len(data), None)
    try:
        assert raw.FPDF_GetPageCount(doc) > 1  # so page joins are exercised above
    finally:
        raw.FPDF_CloseDocument(doc)


def test_pdf_in_parse_many_and_cli(tmp_path: Path) -> None:
    paths = [letter_pdf(s.read_text(encoding="utf-8"), tmp_path / f"{s.stem}.pdf") for s in SEEDS]
    assert list(imrparse.parse_many(paths, workers=2)) == [imrparse.parse_file(p) for p in paths]
    assert list(imrparse.parse_many(map(str, paths))) == [imrparse.parse_file(p) for p in paths]


def test_pdf_reading_is_safe_from_threads(tmp_path: Path) -> None:
    """PDFium is not thread-safe; the reader's lock makes threads wait their turn."""
    from concurrent.futures import ThreadPoolExecutor

    paths = [letter_pdf(s.read_text(encoding="utf-8"), tmp_path / f"{s.stem}.pdf") for s in SEEDS]
    expected = [imrparse.pdf.read_text(p) for p in paths]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(imrparse.pdf.read_text, paths * 5)) == expected * 5


def test_the_reused_text_buffer_gives_each_page_its_own_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The buffer a page's text is copied into is reused and grown: a short page read after
    a long one gives its own text (nothing of the longer one's), as with a fresh buffer."""
    texts = sorted((s.read_text(encoding="utf-8") for s in SEEDS), key=len)
    paths = [letter_pdf(t, tmp_path / f"{n}.pdf") for n, t in enumerate([texts[-1], texts[0]])]
    expected = [imrparse.pdf.read_pages(p) for p in paths]
    monkeypatch.setattr(imrparse.pdf, "_BUFFER_UNITS", 8)  # grown by the first page
    monkeypatch.setattr(imrparse.pdf, "_buffer", None)
    assert [imrparse.pdf.read_pages(p) for p in [*paths, *reversed(paths)]] == [
        *expected,
        *reversed(expected),
    ]
    assert len(imrparse.pdf._buffer) > 8  # (it grew to the longest page read)


_PAGE_TEXT = st.text(alphabet="ab \r\n\ufffe-", max_size=12)


@given(st.lists(_PAGE_TEXT, min_size=1, max_size=5))
def test_pages_joined_are_the_text_read_whole(pages: list[str]) -> None:
    """Each page's line ends made alone, then joined, give the text that making them over
    the joined pages gives; a page start is given only where its text is that page's."""
    text, starts = imrparse.pdf._joined(pages)
    assert text == imrparse.pdf._lines("\n".join(pages))
    if starts:
        ends = [*starts[1:], len(text) + 1]
        assert [text[a : b - 1] for a, b in zip(starts, ends, strict=True)] == [
            imrparse.pdf._lines(page) for page in pages
        ]
    else:  # only a page ending "\r" before another makes the starts unknown
        assert any(page.endswith("\r") for page in pages[:-1])
