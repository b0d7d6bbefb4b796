"""A letter in a notebook: a short repr, a readable pretty form and HTML, and help()
that explains the fields."""

from __future__ import annotations

import pickle
import pydoc

import attrs

import imrparse
from imrparse import Letter


def nine_decisions() -> Letter:
    letter = imrparse.parse(imrparse.examples.read_text("header-2016"))
    many = imrparse.parse(imrparse.examples.read_text("multi"))
    determinations = (many.determinations * 3)[:9]
    return attrs.evolve(letter, determinations=determinations, source="pdfs/CM16-0000001.pdf")


class Printer:
    """What IPython's pretty printer offers a _repr_pretty_ (its text method)."""

    def __init__(self) -> None:
        self.out: list[str] = []

    def text(self, text: str) -> None:
        self.out.append(text)


def test_the_repr_of_a_nine_decision_letter_is_one_short_line() -> None:
    letter = nine_decisions()
    text = repr(letter)
    assert len(text) < 300, text
    assert "\n" not in text
    assert "'CM16-0000001'" in text
    assert "layout='fdl-2016'" in text
    assert "decided=2017-01-06" in text
    assert "determinations=9 (" in text
    assert "errors=0" in text


def test_the_repr_counts_errors() -> None:
    letter = imrparse.parse("not a letter")
    assert "errors=1" in repr(letter)
    assert "(no case number)" in repr(letter)
    assert repr(Letter()).startswith("<Letter (no case number) layout='unknown' decided=None")


def test_the_pretty_form_lists_the_determinations() -> None:
    letter = nine_decisions()
    printer = Printer()
    letter._repr_pretty_(printer, False)
    [text] = printer.out
    lines = text.splitlines()
    assert lines[0] == "Letter CM16-0000001 (fdl-2016), decided 2017-01-06"
    assert "  source: pdfs/CM16-0000001.pdf" in lines
    assert sum(line.startswith("    ") for line in lines) == 9
    assert max(len(line) for line in lines) < 120
    assert lines[-1] == "  diagnostics: none"


def test_the_html_form_escapes_what_the_letter_says() -> None:
    letter = nine_decisions()
    first = letter.determinations[0]
    odd = attrs.evolve(first, treatment=attrs.evolve(first.treatment, text="<b>Norco</b> & co"))
    letter = attrs.evolve(letter, determinations=(odd,), source="<x>.pdf")
    page = letter._repr_html_()
    assert "<b>Norco" not in page and "&lt;b&gt;Norco&lt;/b&gt; &amp; co" in page
    assert "&lt;x&gt;.pdf" in page
    assert page.startswith("<div") and page.endswith("</div>")


def test_equality_hashing_pickling_and_the_converter_are_unchanged() -> None:
    letter = nine_decisions()
    again = imrparse.from_dict(imrparse.to_dict(letter))
    assert again == letter and hash(again) == hash(letter)
    assert pickle.loads(pickle.dumps(letter)) == letter
    assert "__repr__" not in imrparse.to_dict(letter)


def test_help_on_a_record_explains_its_fields() -> None:
    page = pydoc.render_doc(imrparse.Letter, renderer=pydoc.plaintext)
    assert "determinations: tuple[Determination, ...]" in page
    assert "One per disputed treatment, in letter order." in page
    reviewer = pydoc.render_doc(imrparse.Reviewer, renderer=pydoc.plaintext)
    assert "board_certifications: tuple[str, ...]" in reviewer
    assert "One entry per specialty" in reviewer


def test_every_record_field_has_a_docstring() -> None:
    for cls in (
        imrparse.Letter,
        imrparse.CaseDates,
        imrparse.Reviewer,
        imrparse.CaseSummary,
        imrparse.Determination,
        imrparse.Treatment,
        imrparse.GuidelineBasis,
        imrparse.Citation,
        imrparse.Diagnostic,
        imrparse.Token,
    ):
        doc = cls.__doc__ or ""
        section = doc.split("Fields (each with its type and meaning):")[1]
        for field in attrs.fields(cls):
            entry = section.split(f"\n{field.name}: ", 1)[1].split("\n")
            assert entry[1].startswith("    "), (cls.__name__, field.name)


def test_help_on_the_package_maps_the_public_surface() -> None:
    page = imrparse.__doc__ or ""
    for name in ("parse_file", "parse_many", "to_rows", "to_dataframe", "Letter", "ParseError"):
        assert name in page
    assert len(page.splitlines()) > 20
