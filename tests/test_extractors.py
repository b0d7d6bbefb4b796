"""The same records from every common extractor's text (issue #11), and no artifact in any
value (issue #12), over the real letters of 2016-17 in ``../shared/realworld/``.

Each letter's text exists in five versions, as pypdf, pdfminer, pdftotext, ``pdftotext
-layout`` and pdfium print it (``realworld/README.md``), read here byte for byte (pdfium's
``\\r\\n`` line ends kept), and in a PDFBox-style version of each: ``\\r\\n`` line ends and a
leading blank (`` Case Number:``). Parsing any version of a letter gives the same record.

What is compared: :func:`imrparse.to_dict` of the letter, all of it but

- ``diagnostics``: they give lines and columns in the text they were found in, and the
  versions put the same words on other lines;
- ``source``: where the text came from (``None`` here).

Every other field is compared exactly (``unclaimed`` and the summary's ``diagnoses``
included), with two documented allowances for what an extractor destroyed:

- pdftotext deletes every hyphen at a line end, a word's own hyphen included
  (``x-`` / ``ray`` becomes ``xray``, ``10-30-`` / ``2016`` becomes ``10-302016``), so its
  strings are compared with every ``-`` removed on both sides (and white space folded:
  ``imaging --`` / ``Magnetic`` becomes ``imaging -Magnetic``);
- :data:`REORDERED`: letters where an extractor printed words out of reading order
  (pdfminer moved two fragments of a line to the end of its page), which no parser can
  put back; only the listed field is exempt, and only for that extractor and letter.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import imrparse
from artifacts import artifacts

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "realworld"
EXTRACTORS = ("pypdf", "pdfminer", "pdftotext", "pdftotext-layout", "pdfium")
LOSES_LINE_END_HYPHENS = frozenset({"pdftotext"})
REORDERED = {
    # (extractor, case): the path in to_dict that differs, and why
    ("pdfminer", "CM17-0002551"): "determinations[0].rationale",  # text boxes of a line
    # with a redacted amount printed after the page's last paragraph
}

pytestmark = pytest.mark.skipif(
    not (REAL / "text" / "pypdf").is_dir(), reason="no ../shared/realworld here"
)


def _cases() -> list[str]:
    folder = REAL / "text" / "pypdf"
    return sorted(p.stem for p in folder.glob("CM*.txt")) if folder.is_dir() else []


def _text(extractor: str, case: str) -> str:
    return (REAL / "text" / extractor / f"{case}.txt").read_bytes().decode("utf-8")


def pdfbox(text: str) -> str:
    """A text as a PDFBox-based reader prints it: ``\\r\\n`` line ends, a leading blank."""
    return " " + text.replace("\r\n", "\n").replace("\n", "\r\n")


def record(letter: imrparse.Letter) -> dict[str, Any]:
    """What the versions must agree on: ``to_dict`` without diagnostics, source and spans
    (each version's spans are into its own text)."""
    data = imrparse.to_dict(letter)
    del data["diagnostics"], data["source"], data["spans"], data["text"]
    return data  # type: ignore[no-any-return]


def differences(a: Any, b: Any, *, hyphens: bool, path: str = "") -> list[str]:
    """The paths at which ``a`` and ``b`` differ (``hyphens=False``: ``-`` ignored in strings)."""
    if isinstance(a, dict) and isinstance(b, dict):
        found: list[str] = []
        for key in sorted(set(a) | set(b)):
            found += differences(a.get(key), b.get(key), hyphens=hyphens, path=f"{path}.{key}")
        return found
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        found = []
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            found += differences(x, y, hyphens=hyphens, path=f"{path}[{i}]")
        return found
    if isinstance(a, str) and isinstance(b, str) and not hyphens:
        a, b = (" ".join(s.replace("-", "").split()) for s in (a, b))
    return [] if a == b else [f"{path.lstrip('.')}: {a!r} != {b!r}"]


@pytest.mark.parametrize("case", _cases())
def test_every_extractor_gives_the_same_record(case: str) -> None:
    reference = record(imrparse.parse(_text("pypdf", case)))
    for extractor in EXTRACTORS:
        text = _text(extractor, case)
        for version in (text, pdfbox(text)):
            found = differences(
                reference,
                record(imrparse.parse(version)),
                hyphens=extractor not in LOSES_LINE_END_HYPHENS,
            )
            exempt = REORDERED.get((extractor, case))
            found = [d for d in found if exempt is None or not d.startswith(exempt + ":")]
            assert not found, (extractor, found[:5])


@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_no_artifact_in_any_value_of_a_real_letter(extractor: str) -> None:
    for case in _cases():
        text = _text(extractor, case)
        for version in (text, pdfbox(text), text.replace("\r\n", "\n").replace("\n", "\r")):
            found = artifacts(imrparse.parse(version))
            assert not found, (case, found[:5])


@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_every_extractor_reads_every_letter_whole(extractor: str) -> None:
    """No error, nothing unclaimed, the 2016 layout, on every version of every letter."""
    for case in _cases():
        letter = imrparse.parse(_text(extractor, case))
        assert letter.layout == "fdl-2016", case
        assert letter.ok, (case, letter.diagnostics)
        assert letter.unclaimed == (), case
        codes = {d.code for d in letter.diagnostics}
        assert not codes & {"unclaimed-text", "not-extracted", "duplicate-part"}, (case, codes)
