"""Mutation properties on the real letters of 2016-17 (``../shared/realworld/``), and the
no-artifact property over the mutation catalogue (issues #11 and #12).

The bases are every real letter in each of its five extractor texts, read from
``../shared/realworld/text/`` (skipped when absent). The mutations (``tests/mutations.py``)
split lines at ``\\n``, so a base's ``\\r\\n`` line ends are read as ``\\n`` (the
``line_endings`` mutation puts them back) and a form feed glued between two lines of text
(pdfium) gets a line end before it: both are equivalent for the parser
(``tests/test_extractors.py``), and ``page_breaks`` glues feeds again.

- Preserving mutations, the header table's included, give the same records.
- Destructive mutations never make ``parse`` raise or report ``internal-error``; strict
  and lenient agree; what they break is reported: a header-table row dropped or its value
  garbled leaves a diagnostic, a section or its heading dropped gives ``missing-section``,
  a part label dropped ``missing-part``.
- No value ever holds an artifact (``tests/artifacts.py``) after preserving mutations of
  any base (real letters, seeds, shipped examples, generated letters), nor after
  destructive ones: no control character, no doubled or other white space; no mojibake
  mark where the mutation brought in no new character (page headers are not checked
  there: a destructive edit can join a page number to prose, where it reads as prose).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import imrparse
import mutations as mut
import strategies as gen
from artifacts import assert_clean
from imrparse import Letter, TokenKind, examples

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "realworld" / "text"
EXTRACTORS = ("pypdf", "pdfminer", "pdftotext", "pdftotext-layout", "pdfium")
_GLUED_FEED = re.compile(r"(?<=\S)([ \t]*)\f(?=[ \t]*\S)")


def _base(text: str) -> str:
    return _GLUED_FEED.sub(lambda m: m.group(1) + "\n\f", text.replace("\r\n", "\n"))


REAL_TEXTS = (
    {
        f"{extractor}/{path.stem}": _base(path.read_bytes().decode("utf-8"))
        for extractor in EXTRACTORS
        for path in sorted((REAL / extractor).glob("CM*.txt"))
    }
    if REAL.is_dir()
    else {}
)
REAL_KEYS = sorted(REAL_TEXTS)
SEEDS = {
    f"seed-{p.stem[:3]}": p.read_bytes().decode("utf-8")
    for p in sorted((Path(__file__).parent / "seeds").glob("*.txt"))
}
SHIPPED = {name: examples.read_text(name) for name in examples.names()}

needs_real = pytest.mark.skipif(not REAL_TEXTS, reason="no ../shared/realworld here")

# Real letters are long: outside a soak, fewer examples per property keep CI short (the
# soak profile runs its full count).
_SOAK = os.environ.get("HYPOTHESIS_PROFILE") == "soak"
_LARGE = [HealthCheck.large_base_example, HealthCheck.too_slow, HealthCheck.data_too_large]
real_settings = settings(suppress_health_check=_LARGE, **({} if _SOAK else {"max_examples": 25}))


def essence(letter: Letter) -> Letter:
    return attrs.evolve(letter, diagnostics=(), unclaimed=(), source=None)


@st.composite
def real_texts(draw: st.DrawFn) -> str:
    return REAL_TEXTS[draw(st.sampled_from(REAL_KEYS), label="real letter")]


@st.composite
def any_texts(draw: st.DrawFn) -> str:
    """A real letter (when present), a seed, a shipped example or a generated letter."""
    pick = draw(st.integers(0, 3))
    if pick == 0:
        return imrparse.render(draw(gen.letters(max_determinations=4)))
    if pick == 1 or not REAL_TEXTS:
        bases = {**SEEDS, **SHIPPED}
        return bases[draw(st.sampled_from(sorted(bases)))]
    return draw(real_texts())


# --------------------------------------------------------------------------- preserving


@needs_real
@pytest.mark.parametrize("name", mut.PRESERVING_ORDER)
@real_settings
@given(data=st.data())
def test_each_preserving_mutation_keeps_a_real_letter(name: str, data: st.DataObject) -> None:
    text = data.draw(real_texts())
    mutated = data.draw(mut.PRESERVING[name](text), label="mutated")
    assert essence(imrparse.parse(mutated)) == essence(imrparse.parse(text))


@needs_real
@real_settings
@given(data=st.data())
def test_composed_preserving_mutations_keep_a_real_letter(data: st.DataObject) -> None:
    text = data.draw(real_texts())
    mutated = data.draw(mut.preserving(text), label="mutated")
    assert essence(imrparse.parse(mutated)) == essence(imrparse.parse(text))


# --------------------------------------------------------------------------- destructive


@needs_real
@real_settings
@given(data=st.data())
def test_composed_destructive_mutations_never_raise_on_a_real_letter(data: st.DataObject) -> None:
    text = data.draw(real_texts())
    mut.check_lenient_and_strict(data.draw(mut.destructive(text), label="mutated"))


_TABLE_CODES = ("header-value-missing", "invalid-date", "invalid-value", "unclaimed-text")


@needs_real
@pytest.mark.parametrize("name", sorted(mut.HEADER_DESTRUCTIVE))
@real_settings
@given(data=st.data())
def test_damage_to_the_header_table_is_reported(name: str, data: st.DataObject) -> None:
    """A row dropped or a value garbled: a diagnostic the letter did not have, and the
    date or priority it damaged is never read as another value it does not state."""
    text = data.draw(real_texts())
    text = data.draw(st.sampled_from((text, data.draw(mut.preserving(text)))), label="base")
    before = imrparse.parse(text)
    mutated = data.draw(mut.HEADER_DESTRUCTIVE[name](text), label="mutated")
    if mutated == text:
        return
    after = mut.check_lenient_and_strict(mutated)
    counts = Counter(d.code for d in after.diagnostics if d.code in _TABLE_CODES)
    was = Counter(d.code for d in before.diagnostics if d.code in _TABLE_CODES)
    assert counts - was, after.diagnostics
    stated = {before.case_number, before.priority, *attrs.astuple(before.dates)}
    assert {after.case_number, after.priority, *attrs.astuple(after.dates)} <= stated | {None}


@needs_real
@real_settings
@given(data=st.data())
def test_dropping_a_section_or_label_of_a_real_letter_is_reported(data: st.DataObject) -> None:
    text = data.draw(real_texts())
    lines = text.split("\n")
    kinds = [mut.reads_as(line) for line in lines]
    part = data.draw(st.booleans(), label="part label")
    wanted = TokenKind.PART if part else TokenKind.HEADING
    n = data.draw(st.sampled_from([i for i, k in enumerate(kinds) if k is wanted]), label="line")
    if part:
        lines[n] = lines[n][lines[n].find(":") + 1 :]
    else:
        del lines[n]
    letter = mut.check_lenient_and_strict("\n".join(lines))
    codes = {d.code for d in letter.diagnostics}
    assert ("missing-part" if part else "missing-section") in codes


# --------------------------------------------------------------------------- no artifact


@real_settings
@given(data=st.data())
def test_no_artifact_after_preserving_mutations(data: st.DataObject) -> None:
    text = data.draw(any_texts(), label="base")
    assert_clean(imrparse.parse(data.draw(mut.preserving(text), label="mutated")))


@real_settings
@given(data=st.data())
def test_no_artifact_after_destructive_mutations(data: st.DataObject) -> None:
    text = data.draw(mut.preserving(data.draw(any_texts(), label="base")), label="preserved")
    mutated = text
    for _ in range(data.draw(st.integers(1, 3))):
        name = data.draw(st.sampled_from(sorted(mut.DESTRUCTIVE)))
        mutated = data.draw(mut.DESTRUCTIVE[name](mutated), label=name)
    assert_clean(
        mut.check_lenient_and_strict(mutated), mojibake=set(mutated) <= set(text), headers=False
    )
