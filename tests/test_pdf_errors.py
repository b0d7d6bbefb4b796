"""Files that give no text: each has its own code and message, from parse_file, from
parse_many and from the command line, and nothing else reaches standard error."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import imrparse
import imrparse.pdf
from imrparse import ParseError, Severity

pytest.importorskip("pypdfium2")
from pdf_files import jpeg_bytes, letter_pdf, scan_pdf

SEED = sorted((Path(__file__).parent / "seeds").glob("*.txt"))[0]
HINT = 'pip install "imrparse[pdf]"'


def _letter(path: Path) -> Path:
    return letter_pdf(SEED.read_text(encoding="utf-8"), path)


def _jpeg(path: Path) -> None:
    path.write_bytes(jpeg_bytes())


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _html(path: Path) -> None:
    path.write_text("<!DOCTYPE html>\n<html><body>Not found</body></html>\n", encoding="utf-8")


def _truncated(path: Path) -> None:
    data = _letter(path).read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _broken(path: Path) -> None:
    path.write_bytes(b"%PDF-1.4\nthis is not a PDF body\n%%EOF\n")


def _password(path: Path) -> None:
    fpdf = pytest.importorskip("fpdf")
    from fpdf.enums import EncryptionMethod

    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.cell(text="Case Number: CM16-0000001")
    pdf.set_encryption(
        owner_password="o", user_password="u", encryption_method=EncryptionMethod.AES_128
    )
    pdf.output(str(path))


def _scan(path: Path) -> None:
    scan_pdf(path)


def _scans(path: Path) -> None:
    scan_pdf(path, pages=3)


BAD: dict[str, tuple[Callable[[Path], object], str, str]] = {
    "jpeg": (_jpeg, "not-a-pdf", "not a PDF file: it holds a JPEG image"),
    "empty": (_empty, "not-a-pdf", "not a PDF file: it holds nothing (the file is empty)"),
    "html": (_html, "not-a-pdf", "not a PDF file: it holds an HTML page"),
    "truncated": (
        _truncated,
        "damaged-pdf",
        "damaged PDF: it ends early, with no end-of-file marker (a cut-off download?); "
        "it cannot be opened",
    ),
    "broken": (
        _broken,
        "damaged-pdf",
        "damaged PDF: its structure is broken (PDFium error 3); it cannot be opened",
    ),
    "password": (
        _password,
        "encrypted-pdf",
        "encrypted PDF: it does not open without a password (DWC's letters do), or its encryption data is damaged",
    ),
    "scan": (
        _scan,
        "no-text-layer",
        "no text layer: its page holds only images (a scan?); run OCR on it first",
    ),
    "scans": (
        _scans,
        "no-text-layer",
        "no text layer: its 3 pages hold only images (a scan?); run OCR on it first",
    ),
}


@pytest.fixture
def bad_files(tmp_path: Path) -> dict[str, Path]:
    files = {}
    for name, (make, _, _) in BAD.items():
        files[name] = tmp_path / f"{name}.pdf"
        make(files[name])
    return files


@pytest.mark.parametrize("name", BAD)
def test_parse_file_names_the_problem(
    name: str, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    make, code, message = BAD[name]
    path = tmp_path / f"{name}.pdf"
    make(path)
    capfd.readouterr()
    with pytest.raises(ParseError) as info:
        imrparse.parse_file(path)
    assert (info.value.code, info.value.msg) == (code, message)
    assert str(info.value) == f"line 1, column 1: {message} [{code}]"
    assert capfd.readouterr() == ("", "")  # no log line or C-library noise


def test_parse_many_gives_each_its_code(bad_files: dict[str, Path], tmp_path: Path) -> None:
    good = _letter(tmp_path / "good.pdf")
    letters = list(imrparse.parse_many([good, *bad_files.values()]))
    assert letters[0].ok
    for letter, (name, path) in zip(letters[1:], bad_files.items(), strict=True):
        _, code, message = BAD[name]
        [diagnostic] = letter.diagnostics
        assert (diagnostic.code, diagnostic.message) == (code, message)
        assert diagnostic.severity is Severity.ERROR
        assert letter.source == str(path)


def test_the_cli_names_each_bad_file(bad_files: dict[str, Path], tmp_path: Path) -> None:
    good = _letter(tmp_path / "good.pdf")
    out = tmp_path / "out.csv"
    result = subprocess.run(
        [sys.executable, "-m", "imrparse", "parse", tmp_path, "-f", "csv", "-o", out],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    for name, path in bad_files.items():
        _, code, message = BAD[name]
        assert f"{path}:1:1: error: {message} [{code}]" in lines
    assert not [line for line in lines if ": error: " in line and str(good) in line]
    assert "Traceback" not in result.stderr and "WARNING" not in result.stderr
    assert str(good) in out.read_text(encoding="utf-8")


# -- the pdf extra missing -------------------------------------------------------------


@pytest.fixture
def no_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``import pypdfium2`` fail, as it does without the extra."""
    for module in ("pypdfium2", "pypdfium2.raw"):
        monkeypatch.setitem(sys.modules, module, None)


@pytest.mark.usefixtures("no_extra")
def test_a_missing_extra_is_named_with_its_install_command(tmp_path: Path) -> None:
    message = f"reading PDF files needs the pdf extra: {HINT}"
    with pytest.raises(ParseError) as info:
        imrparse.pdf.require()
    assert (info.value.code, info.value.msg) == ("missing-extra", message)
    path = tmp_path / "letter.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    with pytest.raises(ParseError) as info:
        imrparse.parse_file(path)
    assert (info.value.code, info.value.msg) == ("missing-extra", message)
    with pytest.raises(ParseError) as info:  # once, up front: not one error letter per file
        imrparse.parse_many([path, path, tmp_path])
    assert (info.value.code, info.value.msg) == ("missing-extra", message)
    letters = imrparse.parse_many(iter([path, path]))  # lazily given: at the first PDF
    with pytest.raises(ParseError, match=r"\[missing-extra\]"):
        next(letters)


@pytest.mark.usefixtures("no_extra")
def test_a_file_that_is_no_pdf_is_named_so_without_the_extra(tmp_path: Path) -> None:
    path = tmp_path / "photo.pdf"
    _jpeg(path)
    with pytest.raises(ParseError, match=r"not a PDF file.*\[not-a-pdf\]"):
        imrparse.parse_file(path)


def test_require_passes_with_the_extra() -> None:
    assert imrparse.pdf.require() is None


def test_the_cli_names_a_missing_extra(tmp_path: Path) -> None:
    path = _letter(tmp_path / "letter.pdf")
    code = (
        "import sys; sys.modules['pypdfium2'] = None; from imrparse.cli import main; "
        f"sys.exit(main(['parse', {str(path)!r}, '-f', 'csv', '-o', {str(tmp_path / 'o.csv')!r}]))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 2  # once, up front, before any file is parsed
    assert (
        result.stderr == f"imrparse parse: error: reading PDF files needs the pdf extra: {HINT}\n"
    )


def test_a_pdfium_that_does_not_load_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """The package is there but its shared library fails to load (ctypes: OSError)."""

    class Broken:
        @staticmethod
        def find_spec(name: str, *_: object) -> None:
            if name.startswith("pypdfium2"):
                raise OSError("libpdfium.so: cannot open shared object file")

    for module in ("pypdfium2", "pypdfium2.raw"):
        monkeypatch.delitem(sys.modules, module, raising=False)
    monkeypatch.setattr(sys, "meta_path", [Broken(), *sys.meta_path])
    with pytest.raises(ParseError) as info:
        imrparse.pdf.require()
    assert info.value.code == "missing-extra"
    assert "libpdfium.so" in info.value.msg and HINT in info.value.msg


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"PK\x03\x04\x14\x00", "a ZIP archive (a Word or Excel file?)"),
        (b"Final Determination Letter\n", "text (no '%PDF-' header)"),
        (b"\x00\x01\x02\x03", "data of another kind (no '%PDF-' header)"),
    ],
)
def test_what_a_file_that_is_no_pdf_holds(data: bytes, kind: str) -> None:
    with pytest.raises(ParseError) as info:
        imrparse.pdf.extract_text(data)
    assert (info.value.code, info.value.msg) == ("not-a-pdf", f"not a PDF file: it holds {kind}")


def test_bytes_before_the_pdf_header_are_allowed(tmp_path: Path) -> None:
    """PDF readers accept up to 1024 bytes of anything before the header."""
    data = _letter(tmp_path / "letter.pdf").read_bytes()
    assert imrparse.pdf.extract_text(b"junk\n" * 100 + data) == imrparse.pdf.extract_text(data)


# -- damaged files of every kind -------------------------------------------------------


@pytest.fixture(scope="module")
def small_pdfs(tmp_path_factory: pytest.TempPathFactory) -> list[bytes]:
    folder = tmp_path_factory.mktemp("pdfs")
    text = SEED.read_text(encoding="utf-8")[:1500]
    plain = letter_pdf(text, folder / "plain.pdf").read_bytes()
    encrypted = letter_pdf(text, folder / "encrypted.pdf", encrypt=True).read_bytes()
    return [plain, encrypted]


CODES = {"not-a-pdf", "damaged-pdf", "encrypted-pdf", "no-text-layer"}


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_damaged_pdf_gives_text_or_one_of_the_codes(
    small_pdfs: list[bytes], data: st.DataObject
) -> None:
    """Bytes overwritten, cut out, inserted or cut off anywhere: PDFium never crashes the
    process, and the reader gives a str or a ParseError with one of the PDF codes."""
    pdf = bytearray(data.draw(st.sampled_from(small_pdfs)))
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(pdf) - 1))
        kind = data.draw(st.sampled_from(["overwrite", "cut", "insert", "truncate"]))
        if kind == "overwrite":
            pdf[at] = data.draw(st.integers(0, 255))
        elif kind == "cut":
            del pdf[at : at + data.draw(st.integers(1, 500))]
        elif kind == "insert":
            pdf[at:at] = data.draw(st.binary(min_size=1, max_size=50))
        else:
            del pdf[at:]
        if not pdf:
            break
    outcome = _extract(bytes(pdf))
    if isinstance(outcome, ParseError):
        assert outcome.code in CODES, outcome
    else:
        assert "\r" not in outcome


def _extract(data: bytes) -> str | ParseError:
    try:
        return imrparse.pdf.extract_text(data)
    except ParseError as exc:
        return exc
