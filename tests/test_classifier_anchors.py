"""The procedure rules' literal prefilters (classifier._engine.anchors): a rule whose
anchors are all absent from a text is not searched, so every match must hold one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import imrparse
from imrparse.classifier._engine import anchors, leads

HERE = Path(__file__).parent
REAL = HERE.parent.parent / "shared" / "realworld" / "text"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"physical therap\w*|pt", ("physical therap", "pt")),
        (r"(?:cold|ice)\s+packs?", ("cold", "ice")),
        (r"(?:\w+\s+)?wraps?|gloves", ("wrap", "gloves")),
        (r"\w+ectomy|excision", ("ectomy", "excision")),
        (r"splints?|splint", ("splint",)),  # an anchor beginning with another is left out
        (r"lso|tlso", ("lso", "tlso")),  # one holding another, not at its beginning, is kept
        (r"(?:a|\w)c", ("c",)),
        (r"(?=x)y|z", ()),  # a lookaround: always searched
        (r"[ab]|c", ()),
    ],
)
def test_anchors(pattern: str, expected: tuple[str, ...]) -> None:
    assert anchors(pattern) == expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"physical therap\w*|pt", True),
        (r"(?:cold|ice)\s+packs?|e-?stim\w*|ab??c", True),
        (r"(?:ab)+c|(x)y", True),
        (r"(?:\w+\s+)?wraps?|gloves", False),  # "wrap" may stand after a word
        (r"\w+ectomy|excision", False),
        (r"(?:pre-?op\s+)?clearance", False),
        (r"a*b|c", False),
        (r"(?=x)y|z", False),
        (r"[ab]|c", False),
    ],
)
def test_a_rule_leads_when_every_match_begins_with_an_anchor(pattern: str, expected: bool) -> None:
    assert leads(pattern) is expected


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
        (re.compile(rf"\b(?:{rule.pattern})\b"), anchors(rule.pattern), leads(rule.pattern))
        for rule in imrparse.load_lexicons().procedures
    ]
    assert sum(1 for _, found, _ in rules if found) >= len(rules) - 2
    assert sum(1 for _, _, leading in rules if leading) >= len(rules) - 4
    matches = 0
    for line in _lines():
        for pattern, found, leading in rules:
            for match in pattern.finditer(line):
                matches += 1
                assert not found or any(a in match.group() for a in found), (match, found)
                assert not leading or match.group().startswith(found), (match, found)
    assert matches > 100


def test_a_bracket_inside_a_class_does_not_hide_the_alternatives_after_it() -> None:
    # (the engine's anchors and the first characters split a rule's alternatives alike)
    assert sorted(anchors(r"[(]xyz|abc")) == ["abc", "xyz"]
