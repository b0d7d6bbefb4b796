"""The four real letters: every API field, hand-checked.

Structured values are asserted here in Python, element by element. The long
prose values (summary text, guideline paragraphs, rationales) are in the
``*.expected.json`` file beside each seed, checked by hand against the letter;
``test_expected_json`` compares the whole record with it.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import imrparse
from imrparse import Category, Outcome, Sex

SEEDS = Path(__file__).parent / "seeds"

PHARMA = Category.PHARMACEUTICALS


def load(stem: str) -> imrparse.Letter:
    return imrparse.parse((SEEDS / f"{stem}.txt").read_bytes().decode("utf-8"))


def cite(
    source: str, mtus: bool, title: str, topics: tuple[str, ...] = (), pages: tuple[int, ...] = ()
) -> imrparse.Citation:
    return imrparse.Citation(source=source, mtus=mtus, title=title, topics=topics, pages=pages)


CHRONIC = "Chronic Pain Treatment Guidelines"
CPMT_2009 = "Chronic Pain Medical Treatment 2009"


def test_seed_000() -> None:
    letter = load("000_e5350cdfc27560a1")
    assert letter.layout == "fdl-2014"
    assert letter.case_number is None
    assert letter.reviewer == imrparse.Reviewer(
        title="expert reviewer",
        board_certifications=("Internal Medicine",),
        licensed_states=("California",),
        min_years_in_practice=5,
        min_hours_per_week=24,
    )
    s = letter.summary
    assert (s.age, s.sex, s.date_of_injury) == (65, Sex.MALE, datetime.date(2001, 12, 11))
    assert s.mechanism_of_injury is None  # "Mechanism of injury is not described."
    assert s.diagnoses == (
        "history of low back pain with lumbar sprain/strain with radicular symptoms in the left leg",
        "history of grade 1 spondylolisthesis defect with degenerative disc disease with disc "
        "herniation at L5-S1 with severe facet arthropathy",
    )
    assert s.text.startswith("The injured worker is a 65 year old male who had a work related")
    assert s.text.endswith("Current request is for Flexeril 10mg #30.")
    (d,) = letter.determinations
    assert d.treatment == imrparse.Treatment(
        text="Flexeril 10mg #30",
        name="Cyclobenzaprine",
        brand="Flexeril",
        strength="10mg",
        quantity=30,
        category=PHARMA,
        subcategory="Muscle Relaxant",
        generic="cyclobenzaprine",
    )
    assert d.outcome is Outcome.UPHELD
    assert d.claims_administrator_basis == imrparse.GuidelineBasis(
        text="The Claims Administrator did not cite any medical evidence for its decision.",
        citations=(),
    )
    assert d.reviewer_basis.citations == (
        cite("MTUS", True, CHRONIC, ("Cyclobenzaprine (Flexeril)",), (41,)),
    )
    assert d.rationale.startswith("As noted on page 41 of the Chronic Pain Medical Treatment")
    assert d.rationale.endswith("cannot be established at this time.")
    assert letter.diagnostics == ()


def test_seed_001() -> None:
    letter = load("001_c5f77487a4b823e6")
    assert letter.layout == "fdl-2014"
    assert letter.reviewer == imrparse.Reviewer(
        title="physician reviewer",
        board_certifications=("Internal Medicine", "Pulmonary Diseases"),
        licensed_states=("California",),
        min_years_in_practice=5,
        min_hours_per_week=24,
    )
    s = letter.summary
    assert (s.age, s.sex, s.date_of_injury) == (55, Sex.FEMALE, datetime.date(2000, 6, 8))
    assert s.mechanism_of_injury is None  # "The mechanism of injury was not documented."
    assert s.diagnoses == ()  # the summary names no diagnosis
    assert [d.code for d in letter.diagnostics] == ["field-not-found"]
    first, second = letter.determinations
    assert first.treatment == imrparse.Treatment(
        text="Flexeril 5mg #60",
        name="Cyclobenzaprine",
        brand="Flexeril",
        strength="5mg",
        quantity=60,
        category=PHARMA,
        subcategory="Muscle Relaxant",
        generic="cyclobenzaprine",
    )
    assert first.outcome is Outcome.UPHELD
    assert first.claims_administrator_basis.citations == (cite("MTUS", True, CHRONIC),)
    assert first.reviewer_basis.citations == (
        cite("MTUS", True, CHRONIC, ("Cyclobenzaprine", "Muscle Relaxants"), (41, 63)),
    )
    assert second.treatment == imrparse.Treatment(
        text="Norco 10/325mg #360",
        name="Hydrocodone/acetaminophen",
        brand="Norco",
        strength="10/325mg",
        quantity=360,
        category=PHARMA,
        subcategory="Opioids",
        generic="hydrocodone/acetaminophen",
    )
    assert second.outcome is Outcome.UPHELD
    assert second.claims_administrator_basis.citations == (cite("MTUS", True, CHRONIC, (), (91,)),)
    assert second.reviewer_basis.citations == (
        cite("MTUS", True, CHRONIC, ("Opioids",), tuple(range(74, 97))),
    )
    assert second.rationale.endswith("The request is non-certified.")


def test_seed_002() -> None:
    letter = load("002_cc71a2677317644d")
    assert letter.reviewer == imrparse.Reviewer(
        title="expert reviewer",
        board_certifications=("Family Practice",),
        licensed_states=("Texas", "California"),
        min_years_in_practice=5,
        min_hours_per_week=24,
    )
    s = letter.summary
    assert (s.age, s.sex, s.date_of_injury) == (54, Sex.FEMALE, datetime.date(2012, 2, 23))
    assert s.mechanism_of_injury is None
    assert s.diagnoses == (
        "chronic pain syndrome",
        "pain in joint, lower leg",
        "arthropathy, unspecified, shoulder region",
        "degeneration of lumbar or lumbosacral intervertebral disc",
    )
    (d,) = letter.determinations
    assert d.treatment == imrparse.Treatment(
        text="Fexmid 7.5mg #90",
        name="Cyclobenzaprine",
        brand="Fexmid",
        strength="7.5mg",
        quantity=90,
        category=PHARMA,
        subcategory="Muscle Relaxant",
        generic="cyclobenzaprine",
    )
    assert d.outcome is Outcome.OVERTURNED
    assert d.claims_administrator_basis.citations == (cite("MTUS", True, CHRONIC, (), (64,)),)
    assert d.reviewer_basis.citations == (
        cite("MTUS", True, CHRONIC, ("Cyclobenzaprine (Flexeril)",), (41, 42)),
    )
    assert d.rationale.startswith("Request: Fexmid 7.5mg #90. According to CA MTUS guidelines")
    # the summary states the injury, not how it happened: a true note, nothing more
    assert [(d.severity.value, d.code) for d in letter.diagnostics] == [
        ("info", "mechanism-not-found")
    ]


def test_seed_003() -> None:
    letter = load("003_ca4af5e6e3409f09")
    assert letter.reviewer == imrparse.Reviewer(
        title="expert reviewer",
        board_certifications=(
            "Preventive Medicine",
            "Occupational Medicine",
            "Public Health & General Preventive Medicine",
        ),
        licensed_states=("Iowa", "Illinois", "California"),
        min_years_in_practice=5,
        min_hours_per_week=24,
    )
    s = letter.summary
    assert (s.age, s.sex, s.date_of_injury) == (51, Sex.FEMALE, datetime.date(2008, 3, 1))
    assert s.mechanism_of_injury is None
    assert s.diagnoses == (
        "history of multiple thoracolumbar surgeries including multiple level fusions",
        "residual thoracolumbar pain",
        "lumbar radiculopathy",
    )
    soma, flexeril = letter.determinations
    assert soma.treatment == imrparse.Treatment(
        text="Soma #60",
        name="Carisoprodol",
        brand="Soma",
        quantity=60,
        category=PHARMA,
        subcategory="Muscle Relaxant",
        generic="carisoprodol",
    )
    assert soma.outcome is Outcome.UPHELD
    assert soma.claims_administrator_basis.citations == (
        cite("MTUS", True, CPMT_2009, ("Carisoprodol (Soma)",)),
    )
    assert soma.reviewer_basis.citations == (
        cite("MTUS", True, CPMT_2009, ("Carisoprodol (Soma)", "Muscle relaxants (for pain)")),
        cite("ODG", False, "Official Disability Guidelines (ODG)", ("Pain", "Soma (Carisoprodol)")),
    )
    assert flexeril.treatment == imrparse.Treatment(
        text="Flexeril 10mg #30",
        name="Cyclobenzaprine",
        brand="Flexeril",
        strength="10mg",
        quantity=30,
        category=PHARMA,
        subcategory="Muscle Relaxant",
        generic="cyclobenzaprine",
    )
    assert flexeril.outcome is Outcome.UPHELD
    assert flexeril.claims_administrator_basis.citations == (
        cite("MTUS", True, CPMT_2009, ("Muscle relaxants (for pain)",)),
        cite("ODG", False, "Official Disability Guidelines", ("non sedating muscle relaxants",)),
    )
    # "Non-" / "MTUS" is wrapped at the hyphen in the letter: it must read "Non-MTUS".
    assert "Decision based on Non-MTUS Citation" in flexeril.reviewer_basis.text
    assert flexeril.reviewer_basis.citations == (
        cite(
            "MTUS", True, CPMT_2009, ("Muscle relaxants (for pain)", "Cyclobenzaprine (Flexeril)")
        ),
        cite(
            "ODG",
            False,
            "Official Disability Guidelines (ODG)",
            ("Pain", "Cyclobenzaprine (Flexeril)"),
        ),
        cite("Other", False, "UpToDate", ("Flexeril",)),
    )
    # the summary states the injury, not how it happened: a true note, nothing more
    assert [(d.severity.value, d.code) for d in letter.diagnostics] == [
        ("info", "mechanism-not-found")
    ]


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_expected_json(path: Path) -> None:
    """The whole record equals the hand-checked fixture, diagnostics and unclaimed text
    included (the spans are held to the text by tests/test_spans.py)."""
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    got = json.loads(imrparse.to_json(imrparse.parse(path.read_text(encoding="utf-8"))))
    del got["spans"], got["text"]
    assert got == expected


def strings(value: Any) -> Iterator[str]:
    """Every string inside a record, recursively."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from strings(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            if field.name != "diagnostics":
                yield from strings(getattr(value, field.name))


_LEAKS = re.compile(
    r"Final Determination Letter|IMR Case Number|Page \d+ of \d+|\u00c3|\u00c2|\u00e2\u20ac|  |\n|\r|\t|\f"
)


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_no_artifact_leaks_into_values(path: Path) -> None:
    letter = imrparse.parse(path.read_text(encoding="utf-8"))
    for text in strings(letter):
        assert not _LEAKS.search(text), text
        assert text == text.strip()


def test_no_artifact_leaks_with_headers_and_mojibake(seed_texts: dict[str, str]) -> None:
    """A seed with page headers spliced into lines and mojibake keeps clean values."""
    text = seed_texts["003_ca4af5e6e3409f09"]
    dirty = text.replace(
        "medical documents indicate",
        "medical Final Determination Letter for IMR Case Number CM15-0000000 documents indicate",
    ).replace("Flexeril 10mg #30: Upheld", "FlexerilÂ® 10mg #30: Upheld")
    dirty = dirty.replace("Review determinations. \n", "Review determinations. \n\nPage 2 of 4\n")
    letter = imrparse.parse(dirty)
    for value in strings(letter):
        assert not _LEAKS.search(value), value
    assert letter.determinations[1].treatment.text == "Flexeril® 10mg #30"
    assert (
        letter.determinations[1].rationale
        == load("003_ca4af5e6e3409f09").determinations[1].rationale
    )
    assert {d.code for d in letter.diagnostics} >= {"page-artifact-removed", "mojibake-repaired"}
