"""Real published letters of 2016-17, scored against their hand-checked gold.

The letters, their texts as five extractors print them and the gold live outside the
repository, in ``../shared/realworld/`` (see its README); these tests read them from
there and skip when the folder is absent (a user's clone has none, CI has it). The
scoring is the project's ruler, ``../shared/tools/score_real.py``, loaded from there.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

import imrparse

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REAL = SHARED / "realworld"
RULER = SHARED / "tools" / "score_real.py"
EXTRACTORS = ("pypdf", "pdfminer", "pdftotext", "pdftotext-layout", "pdfium")

pytestmark = pytest.mark.skipif(
    not (REAL / "gold").is_dir() or not RULER.is_file(), reason="no ../shared/realworld here"
)


def _ruler() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_real", RULER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cases() -> list[str]:
    return sorted(p.stem for p in (REAL / "gold").glob("CM*.json"))


def _letter(extractor: str, case: str) -> imrparse.Letter:
    return imrparse.parse((REAL / "text" / extractor / f"{case}.txt").read_bytes().decode("utf-8"))


@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_real_letters_score_against_their_gold(extractor: str) -> None:
    ruler = _ruler()
    score = ruler.Score()
    for case in _cases():
        gold = json.loads((REAL / "gold" / f"{case}.json").read_text(encoding="utf-8"))
        ruler.score_letter(score, case, gold, _letter(extractor, case))
    good = sum(v[0] for v in score.by_field.values())
    total = sum(v[1] for v in score.by_field.values())
    counts = score.by_field["determinations.count"]
    listing = "\n".join(
        f"[{case}] {field}: expected {exp!r}, got {act!r}"
        for case, field, exp, act in score.mismatches
    )
    print(f"{extractor}: fields {100 * good / total:.1f}% ({good}/{total}), counts {counts}")
    assert counts[0] == counts[1] == len(_cases()), listing
    assert good / total >= 0.99, listing


def test_real_letters_are_read_whole() -> None:
    # No line is dropped without a diagnostic, nothing is left unread but what a layout
    # knowingly leaves out, and no letter of 2016-17 has an error.
    for case in _cases():
        letter = _letter("pypdf", case)
        assert letter.layout == "fdl-2016", case
        assert letter.ok, (case, letter.diagnostics)
        codes = {d.code for d in letter.diagnostics}
        assert not codes & {"unclaimed-text", "not-extracted", "duplicate-part"}, (case, codes)
        assert letter.unclaimed == (), case


def test_one_real_letter_in_full() -> None:
    case = _cases()[0]
    gold = json.loads((REAL / "gold" / f"{case}.json").read_text(encoding="utf-8"))
    letter = _letter("pypdf", case)
    header = gold["header"]
    assert letter.case_number == gold["case_number"]
    assert letter.priority is not None and letter.priority.value == header["priority"].lower()
    assert letter.dates.decision_date is not None
    assert letter.dates.decision_date.isoformat() == header["decision_date"]
    assert letter.dates.application_received is not None
    assert letter.dates.application_received.isoformat() == header["application_received"]
    assert [d.outcome.value for d in letter.determinations] == [
        d["outcome"] for d in gold["determinations"]
    ]
