"""The procedure rules' literal prefilters (classifier._engine.anchors): a rule whose
anchors are all absent from a text is not searched, so every match must hold one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import imrparse
from imrparse.classifier._engine import anchors

HERE = Path(__file__).parent
REAL = HERE.parent.parent / "shared" / "realworld" / "text"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"physical therap\w*|pt", ("physical therap", "pt")),
        (r"(?:cold|ice)\s+packs?", ("cold", "ice")),
        (r"(?:\w+\s+)?wraps?|gloves", ("wrap", "gloves")),
        (r"\w+ectomy|excision", ("ectomy", "excision")),
        (r"splints?|splint", ("splint",)),  # an anchor holding another is left out
        (r"(?:a|\w)c", ("c",)),
        (r"(?=x)y|z", ()),  # a lookaround: always searched
        (r"[ab]|c", ()),
    ],
)
def test_anchors(pattern: str, expected: tuple[str, ...]) -> None:
    assert anchors(pattern) == expected


def _lines() -> set[str]:
    files = [*HERE.rglob("*.txt"), *REAL.rglob("*.txt")]
    files += (Path(imrparse.__file__).parent / "data").glob("*.tsv")
    return {
        line
        for path in files
        for line in path.read_text(encoding="utf-8", errors="replace").lower().splitlines()
    }


def test_every_match_of_a_shipped_rule_holds_one_of_its_anchors() -> None:
    rules = [
        (re.compile(rf"\b(?:{rule.pattern})\b"), anchors(rule.pattern))
        for rule in imrparse.load_lexicons().procedures
    ]
    assert sum(1 for _, found in rules if found) >= len(rules) - 2
    matches = 0
    for line in _lines():
        for pattern, found in rules:
            for match in pattern.finditer(line):
                matches += 1
                assert not found or any(a in match.group() for a in found), (match, found)
    assert matches > 100
