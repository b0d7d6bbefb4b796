"""to_rows and to_dataframe: one flat row per determination, stable documented columns."""

from __future__ import annotations

import datetime
import re
import sys
from pathlib import Path

import pytest

import imrparse
from imrparse import (
    CaseSummary,
    Citation,
    Determination,
    Diagnostic,
    GuidelineBasis,
    Letter,
    Outcome,
    Reviewer,
    Severity,
    Sex,
    Treatment,
)
from imrparse.table import BOOL_COLUMNS, CATEGORIES, COLUMNS, DATE_COLUMNS, INT_COLUMNS

SEEDS = sorted((Path(__file__).parent / "seeds").glob("*.txt"))
DOCS = Path(__file__).parent.parent / "docs"


def diag(severity: Severity, code: str) -> Diagnostic:
    return Diagnostic(severity=severity, code=code, message="m", line=1, column=1)


SYNTHETIC = Letter(
    layout="fdl-2014",
    case_number="CM13-0000004",
    reviewer=Reviewer(
        title="expert reviewer",
        board_certifications=("Internal Medicine", "Pulmonary Diseases"),
        licensed_states=("Texas", "California"),
        min_years_in_practice=5,
        min_hours_per_week=24,
    ),
    summary=CaseSummary(
        age=55,
        sex=Sex.FEMALE,
        date_of_injury=datetime.date(2008, 3, 1),
        mechanism_of_injury="lifting boxes",
        diagnoses=("low back pain", "lumbar strain"),
        text="prose",
    ),
    determinations=(
        Determination(
            treatment=Treatment(
                text="Norco 10/325mg #360", name="Norco", strength="10/325mg", quantity=360
            ),
            outcome=Outcome.UPHELD,
            claims_administrator_basis=GuidelineBasis(text="No medical evidence was cited."),
            reviewer_basis=GuidelineBasis(
                text="Decision based on ...",
                citations=(
                    Citation(
                        source="MTUS",
                        mtus=True,
                        title="Chronic Pain Treatment Guidelines",
                        topics=("Opioids",),
                        pages=(74, 75),
                    ),
                    Citation(
                        source="ODG",
                        mtus=False,
                        title="Official Disability Guidelines",
                        topics=("Pain", "Soma (Carisoprodol)"),
                    ),
                ),
            ),
            rationale="Not medically necessary.",
        ),
        Determination(
            treatment=Treatment(text="Soma #60", name="Soma", quantity=60),
            outcome=Outcome.OVERTURNED,
            claims_administrator_basis=GuidelineBasis(
                citations=(Citation(source="Other", mtus=False, title="UpToDate"),)
            ),
        ),
    ),
    diagnostics=(
        diag(Severity.WARNING, "unclaimed-text"),
        diag(Severity.INFO, "field-not-found"),
        diag(Severity.INFO, "field-not-found"),
        diag(Severity.INFO, "encoding-fallback"),
    ),
    source="letters/a.txt",
)


def test_columns_are_unique_and_typed_sets_are_columns() -> None:
    assert isinstance(COLUMNS, tuple)
    assert len(set(COLUMNS)) == len(COLUMNS)
    typed = INT_COLUMNS | BOOL_COLUMNS | DATE_COLUMNS | set(CATEGORIES)
    assert typed <= set(COLUMNS)


def test_rows_of_a_synthetic_letter() -> None:
    first, second = imrparse.to_rows([SYNTHETIC])
    assert tuple(first) == COLUMNS
    assert tuple(second) == COLUMNS
    shared = {
        "source": "letters/a.txt",
        "source_first_line": None,
        "source_last_line": None,
        "letter_index": 0,
        "layout": "fdl-2014",
        "case_number": "CM13-0000004",
        "claim_number": None,
        "priority": None,
        "application_received": None,
        "date_assigned": None,
        "decision_date": None,
        "ur_denial_date": None,
        "reviewer_title": "expert reviewer",
        "board_certifications": "Internal Medicine; Pulmonary Diseases",
        "board_specialties": "Internal Medicine; Pulmonary Disease",  # the board's name
        "licensed_states": "Texas; California",
        "min_years_in_practice": 5,
        "min_hours_per_week": 24,
        "age": 55,
        "sex": "female",
        "date_of_injury": "2008-03-01",
        "mechanism_of_injury": "lifting boxes",
        "diagnoses": "low back pain; lumbar strain",
        "determination_count": 2,
        "error_count": 0,
        "warning_count": 1,
        "info_count": 3,
        "diagnostic_codes": "encoding-fallback; field-not-found; unclaimed-text",
    }
    assert first == {
        **shared,
        "determination_index": 0,
        "treatment_text": "Norco 10/325mg #360",
        "treatment_name": "Norco",
        "treatment_brand": None,
        "treatment_strength": "10/325mg",
        "treatment_quantity": 360,
        "treatment_sessions": None,
        "treatment_category": None,
        "treatment_subcategory": None,
        "treatment_generic": None,
        "original_request": None,
        "authorized": None,
        "outcome": "upheld",
        "ca_citation_count": 0,
        "ca_sources": None,
        "ca_mtus": None,
        "ca_titles": None,
        "ca_topics": None,
        "ca_pages": None,
        "reviewer_citation_count": 2,
        "reviewer_sources": "MTUS; ODG",
        "reviewer_mtus": True,
        "reviewer_titles": "Chronic Pain Treatment Guidelines; Official Disability Guidelines",
        "reviewer_topics": "Opioids; Pain; Soma (Carisoprodol)",
        "reviewer_pages": "74; 75",
        "rationale": "Not medically necessary.",
    }
    assert second["determination_index"] == 1
    assert second["outcome"] == "overturned"
    assert second["treatment_strength"] is None
    assert (second["ca_citation_count"], second["ca_sources"], second["ca_mtus"]) == (
        1,
        "Other",
        False,
    )
    assert (second["reviewer_citation_count"], second["reviewer_mtus"]) == (0, None)
    assert second["rationale"] == ""


def test_a_letter_without_determinations_keeps_one_row() -> None:
    failed = Letter(source="x.txt", diagnostics=(diag(Severity.ERROR, "read-error"),))
    rows = imrparse.to_rows([SYNTHETIC, failed, SYNTHETIC])
    assert [row["letter_index"] for row in rows] == [0, 0, 1, 2, 2]
    row = rows[2]
    assert (row["source"], row["layout"], row["determination_count"]) == ("x.txt", "unknown", 0)
    assert (row["error_count"], row["diagnostic_codes"]) == (1, "read-error")
    start, end = COLUMNS.index("determination_index"), COLUMNS.index("error_count")
    assert all(row[name] is None for name in COLUMNS[start:end])


def test_no_letters_no_rows() -> None:
    assert imrparse.to_rows([]) == []
    assert imrparse.to_rows(iter([SYNTHETIC])) == imrparse.to_rows([SYNTHETIC])


def test_one_letter_alone_is_a_list_of_one_and_other_things_are_refused() -> None:
    assert imrparse.to_rows(SYNTHETIC) == imrparse.to_rows([SYNTHETIC])
    parsed = imrparse.parse(imrparse.examples.read_text("multi"))
    assert imrparse.to_rows(parsed, spans=True) == imrparse.to_rows([parsed], spans=True)
    for wrong, said in (
        (None, r"not NoneType$"),
        ("CM16-0000001", r"not str$"),
        ([SYNTHETIC, None], r": item 1 is NoneType$"),
        ((SYNTHETIC.determinations,), r": item 0 is tuple$"),
    ):
        with pytest.raises(TypeError, match=r"^to_rows\(\) takes letters .*" + said):
            imrparse.to_rows(wrong)  # type: ignore[arg-type]


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_rows_hold_scalars_and_match_the_letter(path: Path) -> None:
    letter = imrparse.parse_file(path)
    rows = imrparse.to_rows([letter])
    assert len(rows) == max(1, len(letter.determinations))
    for row in rows:
        assert tuple(row) == COLUMNS
        for name, value in row.items():
            assert value is None or type(value) in (str, int, bool), name
            if name in INT_COLUMNS and value is not None:
                assert type(value) is int, name
    for row, d in zip(rows, letter.determinations, strict=False):
        assert row["source"] == str(path)
        assert row["treatment_text"] == d.treatment.text
        assert row["outcome"] == d.outcome.value
        assert row["reviewer_citation_count"] == len(d.reviewer_basis.citations)
        assert row["age"] == letter.summary.age
        doi = letter.summary.date_of_injury
        assert row["date_of_injury"] == (doi.isoformat() if doi else None)


def test_dataframe_dtypes_and_values() -> None:
    pd = pytest.importorskip("pandas")
    letters = [SYNTHETIC, Letter(source="empty.txt"), *map(imrparse.parse_file, SEEDS)]
    frame = imrparse.to_dataframe(letters)
    rows = imrparse.to_rows(letters)
    assert tuple(frame.columns) == COLUMNS
    assert len(frame) == len(rows)
    assert isinstance(frame["outcome"].dtype, pd.CategoricalDtype)
    assert list(frame["outcome"].cat.categories) == ["upheld", "overturned"]
    assert isinstance(frame["sex"].dtype, pd.CategoricalDtype)
    assert pd.api.types.is_datetime64_any_dtype(frame["date_of_injury"])
    for name in INT_COLUMNS:
        assert str(frame[name].dtype) == "Int64", name
    for name in BOOL_COLUMNS:
        assert str(frame[name].dtype) == "boolean", name
    assert frame.loc[0, "date_of_injury"] == pd.Timestamp("2008-03-01")
    assert imrparse.to_dataframe(SYNTHETIC).equals(imrparse.to_dataframe([SYNTHETIC]))
    with pytest.raises(TypeError, match=r"^to_dataframe\(\) takes letters .*: item 1 is str$"):
        imrparse.to_dataframe([SYNTHETIC, "x"])  # type: ignore[list-item]
    assert frame.loc[0, "treatment_quantity"] == 360
    assert pd.isna(frame.loc[2, "outcome"])
    assert pd.isna(frame.loc[2, "age"])
    for i, row in enumerate(rows):
        for name in COLUMNS:
            value = frame.loc[i, name]
            if row[name] is None:
                assert pd.isna(value), (i, name)
            elif name in DATE_COLUMNS:
                assert value == pd.Timestamp(str(row[name])), (i, name)
            else:
                assert value == row[name], (i, name)


def test_dataframe_of_nothing_has_the_columns() -> None:
    pytest.importorskip("pandas")
    frame = imrparse.to_dataframe([])
    assert tuple(frame.columns) == COLUMNS
    assert len(frame) == 0


def test_dataframe_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=re.escape('pip install "imrparse[dataframe]"')):
        imrparse.to_dataframe([SYNTHETIC])


def test_docs_list_exactly_the_columns() -> None:
    page = DOCS / "columns.md"
    if not page.exists():
        pytest.skip("docs/ is not beside the tests")
    listed = re.findall(r"^\|\s*`([a-z_]+)`\s*\|", page.read_text(encoding="utf-8"), re.MULTILINE)
    assert tuple(listed) == COLUMNS
