"""The classifier's case-sensitive twins (classifier._patterns.Twin): on ASCII text the
twin, searched lower-cased, finds what the case-blind pattern finds in the text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from imrparse.classifier import default_lexicons, load_lexicons
from imrparse.classifier._engine import engine_for
from imrparse.classifier._names import strip_request
from imrparse.classifier._patterns import Blind, Patterns, Twin, twinnable
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
        # (dir(), not vars(): compiled, Patterns is a native class without a __dict__)
        *(v for v in (getattr(p, name) for name in dir(p)) if isinstance(v, Twin)),
        g.prefix,
        g.guidance,
        engine_for(default_lexicons()).request,
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


def test_the_shipped_request_words_have_a_twin() -> None:
    request = engine_for(default_lexicons()).request
    assert not isinstance(request, Blind)
    assert request.cased.flags & re.IGNORECASE == 0


def test_a_users_request_words_without_a_twin_are_matched_case_blind(tmp_path: Path) -> None:
    # "[A-Z]" is no twin's source (the twin would match upper case on lower-cased text)
    (tmp_path / "words.tsv").write_text("request\tstat[A-Z]?:\n", encoding="utf-8")
    engine = engine_for(load_lexicons(tmp_path))
    assert isinstance(engine.request, Blind)
    for text in ("STATX: MRI of the knee", "statx: MRI of the knee", "Retro: MRI of the knee"):
        assert strip_request(text, engine) == "MRI of the knee", text
    assert strip_request("MRI of the knee", engine) == "MRI of the knee"


def test_a_twin_replaces_from_its_first_match_as_from_the_start() -> None:
    # peel() finds a match, then replaces from where it begins
    for line in _lines():
        low = line.lower()
        for twin in _twins():
            match = twin.search(line, low)
            if match is not None:
                assert twin.sub(" ", line, low, match.start()) == twin.sub(" ", line, low), (
                    twin,
                    line,
                )
