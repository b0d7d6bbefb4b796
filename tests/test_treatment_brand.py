"""``Treatment.brand``: the brand as the letter names it; ``None`` for a generic or a
procedure. Written variants, not letters' words."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

import imrparse
from imrparse.classifier import read_treatment
from imrparse.classifier.lexicons import default_lexicons, load_lexicons


@pytest.mark.parametrize(
    ("text", "brand", "generic"),
    [
        ("Norco 10/325mg #90", "Norco", "hydrocodone/acetaminophen"),
        ("NORCO 10/325MG #90", "NORCO", "hydrocodone/acetaminophen"),
        ("Ultram (tramadol) 50mg #90", "Ultram", "tramadol"),
        ("MS Contin 30mg #60", "MS Contin", "morphine"),
        ("Retrospective Lidoderm 5% patch #30", "Lidoderm", "lidocaine"),
    ],
)
def test_a_brand_is_kept_as_written(text: str, brand: str, generic: str) -> None:
    reading = read_treatment(text)
    assert (reading.brand, reading.generic) == (brand, generic)


@pytest.mark.parametrize(
    "text",
    [
        "Tramadol 50mg #60",
        "Cyclobenzaprine 7.5mg #60",
        "Hydrocodone/acetaminophen 10/325mg",
        "MRI of the lumbar spine",
        "Physical therapy 2 times a week for 6 weeks",
        "Zorblatt 10mg #30",
    ],
)
def test_a_generic_a_procedure_or_an_unknown_name_has_no_brand(text: str) -> None:
    assert read_treatment(text).brand is None


def test_the_brand_reaches_the_record_and_the_table() -> None:
    letter = imrparse.parse(imrparse.examples.read_text("multi"))
    norco = letter.determinations[1].treatment
    assert (norco.text, norco.brand) == ("Norco 10/325mg #90", "Norco")
    rows = imrparse.to_rows([letter])
    assert rows[1]["treatment_brand"] == "Norco"
    assert rows[2]["treatment_brand"] is None
    assert imrparse.from_json(imrparse.to_json(letter)) == letter


def test_the_public_brand_table_extends_the_curated_one(tmp_path: Path) -> None:
    shipped = default_lexicons()
    assert shipped.brands["zyrtec"] == ("cetirizine",)  # brands-public.tsv only
    assert shipped.brands["fioricet"] == ("butalbital", "acetaminophen", "caffeine")  # curated
    reading = read_treatment("Three refills of Zyrtec 10mg")
    assert (reading.brand, reading.generic, reading.subcategory) == (
        "Zyrtec",
        "cetirizine",
        "Antihistamine",
    )
    (tmp_path / "brands.tsv").write_text("zorblatt\tcyclobenzaprine\n", encoding="utf-8")
    own = load_lexicons(tmp_path, replace=True)
    assert "zyrtec" not in own.brands and "norco" not in own.brands
    assert "zyrtec" in load_lexicons(tmp_path).brands


def test_the_public_brand_table_states_its_derivation() -> None:
    text = resources.files("imrparse").joinpath("data/brands-public.tsv").read_text("utf-8")
    header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    assert "drug-named-entity-recognition" in header and "MIT" in header
    assert "Permission is hereby granted" in header
    assert "UNII" in header
