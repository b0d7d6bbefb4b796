"""The classifier's case-sensitive twins (classifier._patterns.Twin): on ASCII text the
twin, searched lower-cased, finds what the case-blind pattern finds in the text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from imrparse.classifier._patterns import Patterns, Twin, twinnable
from imrparse.classifier._wording import grammar

REAL = Path(__file__).parent.parent.parent / "shared" / "realworld"


@pytest.mark.parametrize(
    "source",
    [
        r"abc\b\s+\d",
        r"(?P<r0>a)|(?P=r0)",
        r"(?<![\d./-])x(?=y)(?!z)",
        r"[a-z'-]+[\s,:;.-]*[^()\[\]]",
        r"\\x41",  # a backslash and "x41"
    ],
)
def test_a_source_that_names_lower_case_letters_only_is_twinnable(source: str) -> None:
    assert twinnable(source)


@pytest.mark.parametrize(
    "source",
    [
        "DOS",
        r"\x41",  # "A"
        r"(a)\1",
        r"(?-i:abc)",
        r"(?i)abc",
        r"[!-`]",  # "A" to "Z", not "a" to "z"
        r"[\!-\`]",
        r"[--`]",
        r"\u017f",
        "\u212a",
    ],
)
def test_a_source_whose_letters_may_differ_by_case_is_not(source: str) -> None:
    assert not twinnable(source)
    with pytest.raises(ValueError, match="twin"):
        Twin(source)


def _twins() -> list[Twin]:
    p = Patterns()
    g = grammar()
    return [
        *(v for v in vars(p).values() if isinstance(v, Twin)),
        g.prefix,
        g.guidance,
        *(twin for _, twin, _ in g.anywhere),
    ]


def _lines() -> list[str]:
    lines = {
        "Physical Therapy 2 TIMES A WEEK for Six weeks (12)",
        "DOS: 1/2/2016 Retro request for MRI W/O contrast, qty: 3",
        "Ice\u017fpack x3 \u212aenalog 5 sessions, 2",
        "Twelve sessions of acupuncture, 3 refills, 30 day supply, BID prn",
    }
    for path in sorted((REAL / "text").rglob("*.txt"))[:20]:
        lines.update(path.read_text(encoding="utf-8", errors="replace").splitlines())
    return sorted(lines | {line.upper() for line in lines} | {line.title() for line in lines})


def _found(matches: list[re.Match[str]]) -> list[tuple[tuple[int, int], ...]]:
    return [tuple(m.span(g) for g in range(m.re.groups + 1)) for m in matches]


def test_a_twin_finds_what_its_case_blind_pattern_finds() -> None:
    twins = _twins()
    assert len(twins) > 12
    lines = _lines()
    assert sum(1 for line in lines if not line.isascii()) > 3
    found = 0
    for line in lines:
        low = line.lower()
        for twin in twins:
            blind = list(twin.blind.finditer(line))
            found += len(blind)
            if line.isascii():
                assert _found(list(twin.cased.finditer(low))) == _found(blind), (twin, line)
            match = twin.search(line, low)
            assert _found([match] if match else []) == _found(blind[:1]), (twin, line)
            assert twin.sub(" ", line, low) == twin.blind.sub(" ", line), (twin, line)
            assert twin.sub("", line, low) == twin.blind.sub("", line), (twin, line)
    assert found > 1000
