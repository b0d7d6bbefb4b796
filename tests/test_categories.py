"""Treatment categories, generic names and grouping names, and the lexicons behind them.

The accuracy test reads the 69 development letters and their hand-made labels from
``../shared/realworld`` and skips when that folder is absent.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import imrparse
from imrparse import Category, Severity
from imrparse.classifier import read_treatment
from imrparse.classifier.lexicons import DATA_FILES, default_lexicons, load_lexicons
from strategies import DRUG_NAMES, PROCEDURES

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "realworld"
LABELS = REAL / "categories-dev.jsonl"
TEXTS = REAL / "text" / "pypdf"

real = pytest.mark.skipif(
    not LABELS.is_file() or not TEXTS.is_dir(), reason="no ../shared/realworld here"
)


@pytest.fixture(scope="module")
def dev() -> list[tuple[dict[str, str | None], imrparse.Treatment]]:
    letters = {p.stem: imrparse.parse_file(p) for p in sorted(TEXTS.glob("CM*.txt"))}
    pairs = []
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        label = json.loads(line)
        determination = letters[label["case"]].determinations[label["index"]]
        assert determination.treatment.text.replace("- ", "-") == label["treatment_text"].replace(
            "- ", "-"
        )
        pairs.append((label, determination.treatment))
    return pairs


@real
def test_accuracy_on_the_development_letters(
    dev: list[tuple[dict[str, str | None], imrparse.Treatment]],
) -> None:
    n = len(dev)
    category = sum(
        (t.category.value if t.category else None) == label["category"] for label, t in dev
    )
    subcategory = sum(t.subcategory == label["subcategory"] for label, t in dev)
    medications = [(label, t) for label, t in dev if label["generic"]]
    generic = sum(t.generic == label["generic"] for label, t in medications)
    print(
        f"\ncategory {category}/{n} = {category / n:.1%}, subcategory {subcategory}/{n} = "
        f"{subcategory / n:.1%}, generic {generic}/{len(medications)} = "
        f"{generic / len(medications):.1%}"
    )
    assert category / n >= 0.97
    assert subcategory / n >= 0.93
    assert generic / len(medications) >= 0.95


@real
def test_names_group(dev: list[tuple[dict[str, str | None], imrparse.Treatment]]) -> None:
    names = [t.name for _, t in dev]
    print(f"\n{len(set(names))} distinct names for {len(names)} determinations")
    assert len(set(names)) <= 0.8 * len(names)
    # no two names differ only by case
    assert len({n.casefold() for n in names}) == len(set(names))
    lex = default_lexicons()
    request = re.compile(r"^(?:retro|prospective|post|pre-?op|one container|continue)", re.I)
    for _, t in dev:
        assert not request.match(t.name), t.name
        if t.generic is not None:  # a medication goes by its generic name, never a brand
            assert t.name.casefold() == t.generic.casefold()
            assert t.name.casefold() not in lex.brands
            assert t.strength is None or t.strength not in t.name


def test_the_lexicons_ship_as_package_data() -> None:
    folder = resources.files("imrparse").joinpath("data")
    for name in (*DATA_FILES, "taxonomy.tsv"):
        assert folder.joinpath(name).is_file(), name
    lex = default_lexicons()
    lex.check()
    assert sum(len(v) for v in lex.taxonomy.values()) == 70
    assert set(lex.taxonomy) == {c.value for c in Category}


def test_a_user_extends_the_lexicons_with_a_folder(tmp_path: Path) -> None:
    (tmp_path / "brands.tsv").write_text(
        "# my brands\nZorblatt\tcyclobenzaprine\nNorco\toxycodone/acetaminophen\n",
        encoding="utf-8",
    )
    (tmp_path / "procedures.tsv").write_text(
        "hippotherap\\w*\tRehabilitation\tOther Therapies\n", encoding="utf-8"
    )
    lex = load_lexicons(tmp_path)
    assert read_treatment("Zorblatt 10mg #30", lex).generic == "cyclobenzaprine"
    assert read_treatment("Norco 10/325mg", lex).generic == "oxycodone/acetaminophen"
    assert read_treatment("Hippotherapy 6 sessions", lex).subcategory == "Other Therapies"
    # the shipped lexicons are untouched, and still in use elsewhere
    assert read_treatment("Zorblatt 10mg #30").unknown == "unknown-medication"
    assert read_treatment("Norco 10/325mg").generic == "hydrocodone/acetaminophen"
    replaced = load_lexicons(tmp_path, replace=True)
    assert "flexeril" not in replaced.brands
    assert read_treatment("Flexeril 10mg", replaced).unknown == "unknown-medication"
    assert read_treatment("Cyclobenzaprine 10mg", replaced).generic == "cyclobenzaprine"


def test_a_user_extends_the_lexicons_with_mappings() -> None:
    lex = load_lexicons(
        brands={"Zorblatt": "cyclobenzaprine"},
        drug_classes={"zorbamine": "Stimulants"},
        procedures=[("hippotherapy", "Rehabilitation", "Other Therapies")],
    )
    assert read_treatment("Zorbamine 5mg", lex).subcategory == "Stimulants"
    letter = imrparse.parse(
        imrparse.examples.read_text("overturned").replace("Baclofen", "Zorblatt")
    )
    before = [d for d in letter.diagnostics if d.code == "unknown-medication"]
    assert len(before) == 1 and before[0].severity is Severity.INFO and before[0].line > 1
    again = imrparse.reclassify(letter, lex)
    assert again.determinations[0].treatment.subcategory == "Muscle Relaxant"
    assert not [d for d in again.diagnostics if d.code == "unknown-medication"]


def test_a_class_outside_the_taxonomy_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not a DWC drug class"):
        load_lexicons(drug_classes={"zorbamine": "Happy Pills"})
    with pytest.raises(ValueError, match="taxonomy"):
        load_lexicons(procedures=[("hippotherapy", "Rehabilitation", "Horses")])
    with pytest.raises(NotADirectoryError):
        load_lexicons(tmp_path / "missing")


def test_unknown_treatments_get_none_and_an_info_diagnostic() -> None:
    text = imrparse.examples.read_text("overturned")
    text = text.replace("Baclofen 10mg #60", "Zorbing the aura")
    line = text[: text.index("Zorbing the aura:")].count("\n") + 1
    letter = imrparse.parse(text)
    t = letter.determinations[0].treatment
    assert (t.category, t.subcategory, t.generic) == (None, None, None)
    found = [d for d in letter.diagnostics if d.code == "unknown-treatment"]
    assert [(d.severity, d.line, d.column) for d in found] == [(Severity.INFO, line, 1)]


@pytest.mark.parametrize(
    ("text", "name", "category", "subcategory", "generic", "sessions"),
    [
        ("Retrospective Flexeril 10mg #60 DOS: 3/4/15", "Cyclobenzaprine", "Pharmaceuticals",
         "Muscle Relaxant", "cyclobenzaprine", None),
        ("Post-op Percocet 5/325mg #40", "Oxycodone/acetaminophen", "Pharmaceuticals",
         "Opioids", "oxycodone/acetaminophen", None),
        ("Three months coverage of Viagra 100mg", "Sildenafil", "Pharmaceuticals",
         "Impotence Agents", "sildenafil", None),
        ("One container of Ketoprofen 10%, Lidocaine 5% cream", "Ketoprofen/lidocaine",
         "Pharmaceuticals", "Topical Compounds", "ketoprofen/lidocaine", None),
        ("Voltaren gel 1% #3", "Diclofenac", "Pharmaceuticals", "Topical Analgesics",
         "diclofenac", None),
        ("Butrans 10mcg/hr patch #4", "Buprenorphine", "Pharmaceuticals", "Opioids",
         "buprenorphine", None),
        ("Toradol 60mg IM injection", "Ketorolac", "Pharmaceuticals", "Injection",
         "ketorolac", None),
        ("Kenalog injection to the left shoulder", "Kenalog injection to the left shoulder",
         "Injection", "Injection", None, None),
        ("MRI LUMBAR SPINE WITHOUT CONTRAST", "MRI of the lumbar spine", "Diagnostic Testing",
         "Imaging/Radiology", None, None),
        ("Lumbar spine MRI", "MRI of the lumbar spine", "Diagnostic Testing",
         "Imaging/Radiology", None, None),
        ("Physical Therapy twice a week for 4 weeks, left knee", "Physical therapy of the left knee",
         "Rehabilitation", "Physical Therapy/Occupational Therapy (PT/OT)", None, 8),
        ("Bilateral L4-5 facet injections", "Bilateral L4-5 facet injections", "Injection",
         "Facet Injection", None, None),
        ("Orthopedic surgeon consultation", "Orthopedic surgeon consultation", "Surgery",
         "Surgical Consult", None, None),
        ("Cognitive behavioral therapy 6 sessions", "Cognitive behavioral therapy",
         "Psych Services", "Therapies", None, 6),
    ],
)  # fmt: skip
def test_reading_a_treatment(
    text: str,
    name: str,
    category: str,
    subcategory: str,
    generic: str | None,
    sessions: int | None,
) -> None:
    r = read_treatment(text)
    got = (r.name, r.category.value if r.category else None, r.subcategory, r.generic)
    assert got == (name, category, subcategory, generic)
    assert r.sessions == sessions


def test_a_qty_is_a_quantity() -> None:
    t = (
        imrparse.parse(
            imrparse.examples.read_text("overturned").replace(
                "Baclofen 10mg #60", "Baclofen QTY: 2"
            )
        )
        .determinations[0]
        .treatment
    )
    assert (t.name, t.quantity) == ("Baclofen", 2)


@given(st.sampled_from(DRUG_NAMES + PROCEDURES) | st.text(max_size=80))
def test_any_text_reads_to_a_value_of_the_taxonomy(text: str) -> None:
    r = read_treatment(text)
    taxonomy = default_lexicons().taxonomy
    assert r.name or not text.strip()
    if r.category is None:
        assert r.subcategory is None and r.generic is None
        assert r.unknown == "unknown-treatment"
    elif r.subcategory is not None:
        assert r.subcategory in taxonomy[r.category.value]
    if r.generic is not None:
        assert r.category is Category.PHARMACEUTICALS and r.generic == r.generic.lower()


def test_stats_and_rows_carry_the_categories() -> None:
    from imrparse.stats import summarize

    letters = [imrparse.parse(imrparse.examples.read_text(n)) for n in imrparse.examples.names()]
    report = str(summarize(letters))
    assert "Uphold rate by category" in report
    assert "Pharmaceuticals / Opioids" in report
    rows = imrparse.to_rows(letters)
    norco = next(r for r in rows if r["treatment_text"] == "Norco 10/325mg #90")
    assert (norco["treatment_category"], norco["treatment_subcategory"]) == (
        "Pharmaceuticals",
        "Opioids",
    )
    assert norco["treatment_generic"] == "hydrocodone/acetaminophen"
    assert norco["treatment_name"] == "Hydrocodone/acetaminophen"
