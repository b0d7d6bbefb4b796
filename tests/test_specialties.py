"""Reviewer specialties under the boards' names: misspellings and other spellings of a
board's specialty group together; the letter's own words stay in the records."""

from __future__ import annotations

import attrs
import pytest

import imrparse
from imrparse.specialties import BOARD_NAMES, board_name, board_names
from imrparse.stats import summarize


@pytest.mark.parametrize(
    ("written", "board"),
    [
        ("Sports Medicinea", "Sports Medicine"),
        ("Physical Medicine & Rehabilitation", "Physical Medicine and Rehabilitation"),
        ("physical medicine and rehabilitation", "Physical Medicine and Rehabilitation"),
        (
            "Public Health & General Preventive Medicine",
            "Public Health and General Preventive Medicine",
        ),
        ("Family Practice", "Family Medicine"),
        ("Orthopedic Surgery", "Orthopaedic Surgery"),
        ("Pulmonary Diseases", "Pulmonary Disease"),
        ("Pain Management", "Pain Medicine"),
        ("Occupational  Medicine", "Occupational Medicine"),
        ("Neurology", "Neurology"),
        ("Neurotology", "Neurotology"),  # a board name near another
        ("Nephrologist", "Nephrologist"),  # not near enough: as written
        ("Chiropractor", "Chiropractor"),
    ],
)
def test_board_name(written: str, board: str) -> None:
    assert board_name(written) == board


def test_every_board_name_is_its_own() -> None:
    assert [board_name(name) for name in BOARD_NAMES] == list(BOARD_NAMES)


def test_board_names_keep_the_order_and_each_once() -> None:
    assert board_names(("Sports Medicinea", "Internal Medicine", "Sports Medicine")) == (
        "Sports Medicine",
        "Internal Medicine",
    )


def _with_certifications(*certifications: str) -> imrparse.Letter:
    letter = imrparse.parse(imrparse.examples.read_text("overturned"))
    reviewer = attrs.evolve(letter.reviewer, board_certifications=certifications)
    return attrs.evolve(letter, reviewer=reviewer)


def test_the_table_keeps_the_letters_words_and_gives_the_boards() -> None:
    [row] = imrparse.to_rows([_with_certifications("Orthopedic Surgery", "Sports Medicinea")])
    assert row["board_certifications"] == "Orthopedic Surgery; Sports Medicinea"
    assert row["board_specialties"] == "Orthopaedic Surgery; Sports Medicine"


def test_stats_count_a_misspelt_specialty_under_the_board_name() -> None:
    letters = [_with_certifications("Sports Medicinea"), _with_certifications("Sports Medicine")]
    summary = summarize(letters)
    assert [(t.label, t.total) for t in summary.by_specialty.values()] == [("Sports Medicine", 2)]
