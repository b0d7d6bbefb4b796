"""Layouts: one fixture folder per layout, and the registry.

``tests/layouts/<layout>/`` holds small synthetic letters of that layout (never a real
letter), each ``NAME.txt`` beside ``NAME.expected.json``: the whole record as
:func:`imrparse.to_dict` writes it, **diagnostics and unclaimed text included**, checked
by hand. A folder's name is the layout its letters must be recognised as. To write the
expected records after a change, for checking by hand before committing::

    python tests/test_layouts.py --write
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import imrparse
from imrparse import Severity
from imrparse.layouts import Layout, detect, get, register, registered, unregister
from imrparse.readers import registered_readers, unregister_reader

FIXTURES = Path(__file__).parent / "layouts"
LETTERS = sorted(FIXTURES.glob("*/*.txt"))


def record(path: Path) -> Any:
    """The record of one fixture letter, as plain data (JSON round-tripped), without its
    spans (tests/test_spans.py holds them to the text)."""
    letter = imrparse.parse(path.read_text(encoding="utf-8"))
    data = json.loads(imrparse.to_json(letter))
    del data["spans"], data["text"]
    return data


def test_every_registered_layout_has_a_fixture_folder() -> None:
    folders = {p.name for p in FIXTURES.iterdir() if p.is_dir()}
    assert folders == {layout.name for layout in registered()}
    for folder in folders:
        assert list((FIXTURES / folder).glob("*.txt")), folder


@pytest.mark.parametrize("path", LETTERS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_fixture_letter_gives_its_expected_record(path: Path) -> None:
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    got = record(path)
    assert got["layout"] == path.parent.name
    assert got == expected


@pytest.mark.parametrize("path", LETTERS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_recognised_letter_without_determinations_is_never_ok(path: Path) -> None:
    letter = imrparse.parse(path.read_text(encoding="utf-8"))
    if not letter.determinations:
        assert not letter.ok
        assert "no-determinations" in {d.code for d in letter.diagnostics}


def test_the_two_other_layouts_of_the_corpus_are_recognised_and_not_ok() -> None:
    mpr = imrparse.parse((FIXTURES / "mpr" / "report.txt").read_text(encoding="utf-8"))
    assert mpr.layout == "mpr"
    assert mpr.determinations == ()
    assert not mpr.ok
    assert mpr.summary.age == 52
    assert mpr.reviewer.board_certifications == ("Orthopedic Surgery",)
    documents = imrparse.parse(
        (FIXTURES / "fdl-documents" / "documents-reviewed.txt").read_text(encoding="utf-8")
    )
    assert documents.layout == "fdl-documents"
    assert [d.outcome.value for d in documents.determinations] == ["overturned"]
    assert {d.code for d in documents.diagnostics} == {
        "not-extracted",
        "field-not-found",
        "mechanism-not-found",
    }


def test_detect_picks_the_layout_from_headings_and_header_fields() -> None:
    main = {"HOW THE IMR FINAL DETERMINATION WAS MADE", "CLINICAL CASE SUMMARY"}
    assert detect(main | {"IMR ISSUES, DECISIONS AND RATIONALES"}, ()) is get("fdl-2014")
    assert detect(main, {"date-assigned", "decision-date"}) is get("fdl-2016")
    assert detect(main | {"IMR DECISION(S) AND RATIONALE(S)"}, ()) is get("fdl-documents")
    assert detect({"MEDICAL PROFESSIONAL REVIEW", "CASE SUMMARY"}, ()) is get("mpr")
    assert detect({"CASE SUMMARY", "NOTICE OF INDEPENDENT MEDICAL REVIEW DETERMINATION"}, ()) is (
        get("fdl-2013")
    )
    assert detect(set(), {"case-number"}) is None


TOY_LETTER = (
    "PANEL\nThe expert reviewer is Board Certified in Neurology.\n"
    "FACTS OF THE CASE\nThe injured worker is a 50 year old male injured on 2/3/2019.\n"
    "PANEL OUTCOMES\nSoma 350mg #60: Denial stands\n"
    "Reviewer basis: Decision based on MTUS Chronic Pain Medical Treatment 2016.\n"
    "Why: Not recommended for long-term use.\n"
)


@pytest.fixture
def toy() -> Any:
    layout = register(
        Layout(
            name="toy",
            description="A toy layout with words of its own.",
            headings={
                "PANEL": "how",
                "FACTS OF THE CASE": "summary",
                "PANEL OUTCOMES": "decisions",
            },
            marks={"PANEL OUTCOMES": 9},
            readers={"how": "reviewer", "summary": "summary", "decisions": "decisions"},
            parts={"Reviewer basis": "reviewer", "Why": "rationale"},
            outcome_words={"Denial stands": "upheld", "Denial reversed": "overturned"},
        )
    )
    yield layout
    unregister("toy")


def test_a_toy_layout_added_through_the_public_registry_is_read(toy: Layout) -> None:
    letter = imrparse.parse(TOY_LETTER)
    assert letter.layout == "toy"
    assert letter.reviewer.board_certifications == ("Neurology",)
    assert letter.summary.age == 50
    [d] = letter.determinations
    assert (d.treatment.name, d.treatment.strength, d.treatment.quantity) == (
        "Carisoprodol",
        "350mg",
        60,
    )
    assert d.outcome is imrparse.Outcome.UPHELD
    assert [c.source for c in d.reviewer_basis.citations] == ["MTUS"]
    assert d.rationale == "Not recommended for long-term use."
    # the toy declares no claims part: that is reported, not hidden
    assert [x.code for x in letter.diagnostics if x.severity is not Severity.INFO] == [
        "missing-part"
    ]


def test_without_the_toy_layout_its_letter_is_no_letter() -> None:
    letter = imrparse.parse(TOY_LETTER)
    assert letter.layout == "unknown"
    assert [d.code for d in letter.diagnostics] == ["no-letter"]


def test_the_registry_refuses_a_heading_with_another_role() -> None:
    clash = Layout(
        name="clash",
        description="Gives a known heading another role.",
        headings={"CLINICAL CASE SUMMARY": "decisions"},
        readers={"decisions": "decisions"},
    )
    with pytest.raises(ValueError, match="CLINICAL CASE SUMMARY"):
        register(clash)
    assert "clash" not in {layout.name for layout in registered()}


def test_the_registry_refuses_a_label_that_names_another_field() -> None:
    clash = Layout(
        name="clash",
        description="Reads a known label into another field.",
        headings={"TOY": "decisions"},
        readers={"decisions": "decisions"},
        header_table={"Date of Injury": "injury-date"},
    )
    with pytest.raises(ValueError, match="DATE OF INJURY"):
        register(clash)
    assert "clash" not in {layout.name for layout in registered()}


def test_a_mark_counts_with_or_without_its_colon() -> None:
    toy = Layout(
        name="toy",
        description="x",
        headings={"TOY SECTION:": "decisions"},
        marks={"TOY SECTION:": 9},
        readers={"decisions": "decisions"},
    )
    assert toy.marks == {"TOY SECTION": 9}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": "unknown"}, "name"),
        ({"readers": {"how": "guess"}}, "unknown readers"),
        ({"marks": {"NOT A HEADING": 3}}, "none of its headings"),
    ],
)
def test_a_layout_declaration_is_checked(changes: dict[str, Any], message: str) -> None:
    base: dict[str, Any] = {
        "name": "bad",
        "description": "x",
        "headings": {"X": "how"},
        "readers": {"how": "reviewer"},
    }
    with pytest.raises(ValueError, match=message):
        Layout(**{**base, **changes})


# ----------------------------------------------------------------- layouts from outside

PLUGINS = Path(__file__).parent / "layout_plugins"
PLUGIN_LETTERS = sorted(PLUGINS.glob("*/*.txt"))


@pytest.fixture(scope="module")
def plugins() -> Iterator[list[Layout]]:
    """Every layout of ``tests/layout_plugins/<name>/``: its module imported (which
    registers its reader) and its ``LAYOUT`` registered; both unregistered afterwards."""
    added: list[Layout] = []
    readers_before = set(registered_readers())
    for module_path in sorted(PLUGINS.glob("*/*.py")):
        spec = importlib.util.spec_from_file_location(f"plugin_{module_path.stem}", module_path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        added.append(register(module.LAYOUT))
    yield added
    for layout in added:
        unregister(layout.name)
    for name in set(registered_readers()) - readers_before:
        unregister_reader(name)


def test_a_layout_with_its_own_reader_is_one_module_and_one_folder(
    plugins: list[Layout],
) -> None:
    assert [layout.name for layout in plugins] == ["toy-table"]
    toy = plugins[0]
    assert toy.outcomes == "table"  # (said once: by the reader the layout names)
    letter = imrparse.parse((PLUGINS / "toy-table" / "table.txt").read_text(encoding="utf-8"))
    assert letter.layout == "toy-table"
    assert [(d.treatment.name, d.outcome.value) for d in letter.determinations] == [
        ("Hydrocodone/acetaminophen", "upheld"),
        ("Physical therapy", "overturned"),
    ]
    assert letter.reviewer.board_certifications == ("Neurology",)
    assert letter.summary.age == 50


@pytest.mark.parametrize("path", PLUGIN_LETTERS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_plugin_layouts_letters_give_their_expected_records(
    plugins: list[Layout], path: Path
) -> None:
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    assert record(path) == expected


def test_an_empty_table_is_no_determination_in_the_readers_words(plugins: list[Layout]) -> None:
    letter = imrparse.parse((PLUGINS / "toy-table" / "empty-table.txt").read_text(encoding="utf-8"))
    assert not letter.ok
    found = [d for d in letter.diagnostics if d.code == "no-determinations"]
    assert [(d.message, d.line) for d in found] == [("the table has no row", 4)]


def _write() -> None:
    for path in LETTERS:
        target = path.with_suffix(".expected.json")
        target.write_text(
            json.dumps(record(path), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        print(f"wrote {target.relative_to(FIXTURES.parent)}")


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python tests/test_layouts.py --write")
    _write()


MAIN = (FIXTURES / "fdl-2014" / "outcome-alone-on-its-line.txt").read_text(encoding="utf-8")


def test_a_partial_authorization_in_an_unknown_wording_takes_no_rationale_before_it() -> None:
    # The header holds "original request" but not the opening sentence of a known
    # wording: it is the ordinary header, and the rationale before it stays whole.
    unknown = (
        "\nThe original request was for 12 sessions of therapy, of which 6 remain "
        "disputed:\nUpheld\n\nClaims Administrator guideline: x\n\nMAXIMUS guideline: y\n\n"
        "Decision rationale: Not medically necessary.\n"
    )
    letter = imrparse.parse(MAIN + unknown)
    assert len(letter.determinations) == 3
    assert letter.determinations[1].rationale.endswith("The request is medically necessary.")
    third = letter.determinations[2]
    assert third.treatment.text.startswith("The original request was for 12 sessions")
    assert third.original_request is None
    assert "unread-partial-authorization" in {d.code for d in letter.diagnostics}


def test_a_decision_under_another_layouts_heading_is_an_error() -> None:
    text = MAIN.replace("MRI of the right shoulder", "CASE SUMMARY:\nMRI of the right shoulder")
    letter = imrparse.parse(text)
    assert len(letter.determinations) == 1
    codes = [d.code for d in letter.diagnostics]
    assert "unread-determination" in codes and "unclaimed-text" in codes
    assert not letter.ok


def test_a_header_too_long_for_a_partial_authorization_is_reported_not_matched() -> None:
    header = "A was the original request. " * 100 + "B"
    letter = imrparse.parse(MAIN.replace("MRI of the right shoulder without contrast", header))
    [_, second] = letter.determinations
    assert second.original_request is None and second.treatment.text.endswith("B")
    assert "unread-partial-authorization" in {d.code for d in letter.diagnostics}


@pytest.mark.parametrize("verb", ["was", "were"])
def test_a_partial_authorization_of_several_items_reads_as_one_of_one(verb: str) -> None:
    text = (FIXTURES / "fdl-2016" / "partial-authorization-leaving.txt").read_text(encoding="utf-8")
    letter = imrparse.parse(text.replace("spine was the original", f"spine {verb} the original"))
    [d] = letter.determinations
    assert d.original_request == "Chiropractic treatment 12 visits for the lumbar spine"
    assert d.authorized == "Chiropractic treatment 6 visits for the lumbar spine"
    assert d.treatment.text == "Chiropractic treatment 12 visits for the lumbar spine"
