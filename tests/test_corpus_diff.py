"""benchmarks/corpus_diff.py: its comparison of two records' dicts."""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "corpus_diff.py"
_SPEC = importlib.util.spec_from_file_location("corpus_diff", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
corpus_diff = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(corpus_diff)


def test_diff_names_each_changed_value_by_its_path() -> None:
    before = {
        "case_number": "CM16-1",
        "determinations": [
            {"outcome": "upheld", "citations": [{"source": "MTUS"}, {"source": "ODG"}]},
        ],
        "diagnostics": [],
    }
    after = {
        "case_number": "CM16-1",
        "determinations": [
            {"outcome": "overturned", "citations": [{"source": "MTUS"}, {"source": "ACOEM"}]},
            {"outcome": "upheld", "citations": []},
        ],
        "diagnostics": [],
        "layout": "fdl-2014",
    }
    changes = list(corpus_diff.diff(before, after))
    assert [(path, old, new) for path, old, new in changes if old is not corpus_diff.ABSENT] == [
        ("determinations[0].outcome", "upheld", "overturned"),
        ("determinations[0].citations[1].source", "ODG", "ACOEM"),
    ]
    assert [path for path, old, _ in changes if old is corpus_diff.ABSENT] == [
        "determinations[1]",
        "layout",
    ]


def test_equal_records_and_type_changes() -> None:
    record = {"a": [1, {"b": None}], "c": "x"}
    assert list(corpus_diff.diff(record, record)) == []
    # 1 == True in Python, but a changed JSON type is a change
    assert list(corpus_diff.diff({"n": 1}, {"n": True})) == [("n", 1, True)]
    assert list(corpus_diff.diff({"n": None}, {"n": 0})) == [("n", None, 0)]


def test_ignore_keys_anywhere_or_by_path_pattern() -> None:
    before = {
        "diagnostics": [{"line": 3}],
        "determinations": [{"rationale": "a", "outcome": "upheld"}],
    }
    after = {
        "diagnostics": [{"line": 4}],
        "determinations": [{"rationale": "b", "outcome": "upheld"}],
    }
    ignore = ["diagnostics", "determinations[*].rationale"]
    assert (
        list(corpus_diff.diff(corpus_diff.strip(before, ignore), corpus_diff.strip(after, ignore)))
        == []
    )
    assert len(list(corpus_diff.diff(before, after))) == 2


def test_report_counts_changes_by_field() -> None:
    before = {"pypdf": {"CM1": {"determinations": [{"outcome": "upheld"}, {"outcome": "upheld"}]}}}
    after = {
        "pypdf": {"CM1": {"determinations": [{"outcome": "overturned"}, {"outcome": "overturned"}]}}
    }
    out = io.StringIO()
    counts = corpus_diff.report(before, after, [], 100, out)
    assert counts == {"determinations[].outcome": 2}
    lines = out.getvalue().splitlines()
    assert lines[0] == 'CM1  pypdf  determinations[0].outcome: "upheld" -> "overturned"'
    assert "2 changed values in 1 letter (1 letter text compared, 1 extractor)" in lines
