"""PDF files for the tests, made with fpdf2: letters (plain, or encrypted as DWC's are),
a scan (an image and no text), and the bytes of a JPEG image."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

fpdf = pytest.importorskip("fpdf")
Image = pytest.importorskip("PIL.Image")


def letter_pdf(text: str, path: Path, *, encrypt: bool = False) -> Path:
    """Lay the letter out as its PDF was: one text line per printed line, a gap for each
    paragraph break (the extractor's blank line after every line is not printed).

    ``encrypt=True`` encrypts it as DWC does: AES-128, an empty user password, an owner
    password, and permissions that allow printing but not copying (extracting) text.
    """
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
    if encrypt:
        from fpdf.enums import AccessPermission, EncryptionMethod

        pdf.set_encryption(
            owner_password="owner secret",
            encryption_method=EncryptionMethod.AES_128,
            permissions=AccessPermission.PRINT_LOW_RES | AccessPermission.PRINT_HIGH_RES,
        )
    pdf.output(str(path))
    return path


def jpeg_bytes() -> bytes:
    """A small grey JPEG image."""
    out = io.BytesIO()
    Image.new("L", (32, 32), 200).save(out, format="JPEG")
    return out.getvalue()


def scan_pdf(path: Path, pages: int = 1) -> Path:
    """A PDF of image-only pages, as a scanner makes them: no text layer."""
    pdf = fpdf.FPDF(format="letter")
    for _ in range(pages):
        pdf.add_page()
        pdf.image(Image.new("L", (64, 64), 230), x=15, y=15, w=180)
    pdf.output(str(path))
    return path
