"""The classifier's shortcuts on a text it has not seen: the procedure rules' anchors found
in one scan, and the patterns searched only when their hints are there. Each must find
exactly what a plain search finds."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import imrparse
from imrparse.classifier._engine import engine_for, found_anchors

REAL = Path(__file__).parent.parent.parent / "shared" / "realworld"


def _texts() -> list[str]:
    texts = [
        "physical therapy 2 times a week for 6 weeks",
        "therapeutic exercise",
        "cold pack and ice packs",
        "appendectomy",
        "",
        "x",
        "mri of the cervical spine without contrast",
    ]
    for path in sorted((REAL / "gold").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        texts += [d["treatment_text"] for d in data.get("determinations", ())]
    return [t.lower() for t in texts if t is not None]


def test_found_anchors_are_the_anchors_a_plain_search_finds() -> None:
    engine = engine_for(imrparse.load_lexicons())
    every = {a for _, _, found in engine.rules for a in found}
    for text in _texts():
        assert found_anchors(text, engine) == {a for a in every if a in text}, text


def test_overlapping_anchors_are_all_found() -> None:
    # anchors that begin one another, end one another and overlap: "a", "ab", "abc", "bc", "cab"
    lex = imrparse.load_lexicons(
        procedures=[(p, "Surgery", None) for p in ("a", "ab", "abc", "bc|cab", "ca")]
    )
    engine = engine_for(lex)
    every = {a for _, _, found in engine.rules for a in found}
    for n in range(8):
        for letters in itertools.product("abc ", repeat=n):
            text = "".join(letters)
            assert found_anchors(text, engine) == {a for a in every if a in text}, text
