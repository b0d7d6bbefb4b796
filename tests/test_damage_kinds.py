"""Every kind of damage in the catalogue (``tests/damage_kinds.py``) over the real letters
of ``../shared/realworld`` in their five extractors' texts (skipped when absent): a
damaged letter is read right, or says what it could not read.

- A value lost or wrong carries a warning or an error; a value wrong (or a determination
  more or fewer) an error, so that ``strict=True`` raises.
- The exceptions are damage that leaves no trace (:func:`damage_kinds.traceless`): a page
  lost, or a download cut, exactly between two determinations leaves a whole letter with
  fewer determinations, which nothing in the text tells from an undamaged one; and a
  page lost where the pages left join as any two pages do (:func:`damage_kinds.
  seamless_loss`: mid-sentence to mid-sentence), which only the words' sense shows.
- A known limit: a download cut right after a whole sentence that holds a word of
  decision ("... do not establish ...", "... may be appropriate ..."), or mid-sentence
  right after a decision ("... is medically necessary", cut before "because"), is taken
  as the rationale's end (:func:`cut_after_a_verdict`): rationales end with their
  decision sentence, whose wording varies too much to ask for one form.

``benchmarks/damage.py`` prints the same verdicts as shares, per kind, over every letter.
"""

from __future__ import annotations

import os
import random
import re
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import imrparse
from damage_kinds import DAMAGE, judge, seamless_loss, traceless

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "realworld" / "text"
EXTRACTORS = ("pypdf", "pdfminer", "pdftotext", "pdftotext-layout", "pdfium")
TEXTS = (
    {
        f"{extractor}/{path.stem}": path.read_text(encoding="utf-8")
        for extractor in EXTRACTORS
        for path in sorted((REAL / extractor).glob("CM*.txt"))
    }
    if REAL.is_dir()
    else {}
)
KEYS = sorted(TEXTS)
_CLEAN: dict[str, imrparse.Letter] = {}

needs_real = pytest.mark.skipif(not TEXTS, reason="no ../shared/realworld here")


def clean(key: str) -> imrparse.Letter:
    if key not in _CLEAN:
        _CLEAN[key] = imrparse.parse(TEXTS[key])
    return _CLEAN[key]


_VERDICT = re.compile(
    r"necess|certif|recommend|warrant|indicated|support|appropriate|approv|denied|establish",
    re.IGNORECASE,
)


def cut_after_a_verdict(letter: imrparse.Letter) -> bool:
    """Whether the last rationale ends with a whole sentence holding a word of decision,
    or, cut mid-sentence, right after one ("... is determined to be medically necessary",
    cut before "because ...")."""
    if not letter.determinations:
        return False
    rationale = letter.determinations[-1].rationale.rstrip()
    if not rationale.endswith((".", '"', ")")):
        return bool(_VERDICT.search(rationale.rsplit(None, 1)[-1])) if rationale else False
    last = re.split(r"(?<=[.!?])[\"\u201d)]?\s+(?=\S)", rationale)[-1]
    return bool(_VERDICT.search(last))


def undetectable(letter: imrparse.Letter, damaged: str, key: str) -> bool:
    """Whether the damage left nothing in the text's form to find (see the module's doc)."""
    return (
        traceless(letter, clean(key))
        or seamless_loss(damaged, TEXTS[key])
        or cut_after_a_verdict(letter)
    )


_APPLICABLE: dict[str, list[str]] = {}


def applicable(kind: str) -> list[str]:
    """The texts the kind of damage can act on (pages need form feeds, moves need two
    determinations)."""
    if kind not in _APPLICABLE:
        damage = DAMAGE[kind]
        _APPLICABLE[kind] = [k for k in KEYS if damage(TEXTS[k], random.Random(0)) is not None]
    return _APPLICABLE[kind]


# Outside a soak, fewer examples per kind keep CI short (the soak profile runs its count).
_SOAK = os.environ.get("HYPOTHESIS_PROFILE") == "soak"


@needs_real
@pytest.mark.parametrize("kind", sorted(DAMAGE))
@settings(deadline=None, **({} if _SOAK else {"max_examples": 30}))
@given(data=st.data())
def test_damage_is_read_right_or_reported(kind: str, data: st.DataObject) -> None:
    key = data.draw(st.sampled_from(applicable(kind)), label="letter")
    seed = data.draw(st.integers(0, 2**32 - 1), label="seed")
    damaged = DAMAGE[kind](TEXTS[key], random.Random(seed))
    assume(damaged is not None)
    assert damaged is not None
    letter = imrparse.parse(damaged)
    assert not any(d.code == "internal-error" for d in letter.diagnostics)
    verdict = judge(letter, clean(key))
    if not verdict.changed or undetectable(letter, damaged, key):
        return
    assert verdict.warned, f"{kind} on {key}: wrong or lost, and silent: {verdict.differences}"
    if verdict.wrong:
        assert verdict.errors, f"{kind} on {key}: wrong with no error: {verdict.differences}"
        with pytest.raises(imrparse.ParseError):
            imrparse.parse(damaged, strict=True)


@needs_real
def test_every_letter_and_text_once_per_kind() -> None:
    """The whole catalogue over every text, one copy each: no crash, and silent only where
    the damage left no trace."""
    rng = random.Random(7)
    silent: dict[str, list[str]] = {}
    for kind, damage in DAMAGE.items():
        for key in KEYS:
            damaged = damage(TEXTS[key], rng)
            if damaged is None:
                continue
            letter = imrparse.parse(damaged)
            assert not any(d.code == "internal-error" for d in letter.diagnostics), (kind, key)
            verdict = judge(letter, clean(key))
            if (verdict.silent or (verdict.wrong and not verdict.errors)) and not undetectable(
                letter, damaged, key
            ):
                silent.setdefault(kind, []).append(key)
    assert silent == {}


def test_a_page_lost_between_determinations_is_traceless_and_one_inside_is_not() -> None:
    three = imrparse.examples.read_text("three-decisions-2016")
    heads = [i for i in range(len(three)) if three.startswith("Claims Administrator", i)]
    # pages: up to the second determination's header, that determination, the rest
    second = three.rindex("\n", 0, three.index(":", heads[1] - 200) - 40) + 1
    third = three.rindex("\n", 0, heads[2] - 5)
    third = three.rindex("\n", 0, third) + 1
    pages = [three[:second], three[second:third], three[third:]]
    between = imrparse.parse(pages[0] + "\f" + pages[2])
    whole = imrparse.parse(three)
    assert len(between.determinations) == 2
    assert traceless(between, whole)
    inside = imrparse.parse(three[: heads[1] + 300] + "\f" + pages[2])
    assert not traceless(inside, whole)
