"""Mutation properties: what PDF extraction and people do to letters (``tests/mutations.py``).

Preserving mutations leave every extracted field unchanged: the records compare equal
once diagnostics, unclaimed text and source are set aside. Checked on the four real
seeds, on the shipped examples and on generated letters (``render(x)``, then mutated).

Destructive mutations lose information. What must still hold:

- lenient ``parse`` never raises and never reports ``internal-error``;
- strict ``parse`` raises ``ParseError`` exactly when the lenient letter has an
  error-level diagnostic, and it is that diagnostic (line, column, code);
- *broken* is detected: removing one of the three main section headings (or the whole
  section) yields ``missing-section``; removing a part label (``MAXIMUS guideline:``) yields
  ``missing-part``; truncating before the end of the first treatment header's outcome
  word yields an error-level diagnostic; truncating inside a determination before its
  ``Decision rationale:`` label yields ``missing-part``;
- what the mutation did not touch is still extracted: edits confined to the body of
  determination k (after its header line, before the break that ends it) leave the
  reviewer, the case summary and every other determination unchanged; truncating
  anywhere after determination k's header line keeps the reviewer, the summary and
  determinations 1..k-1 intact.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import imrparse
import mutations as mut
import strategies as gen
from imrparse import Letter, TokenKind, examples

SEEDS = {
    p.stem[:3]: p.read_bytes().decode("utf-8")
    for p in sorted((Path(__file__).parent / "seeds").glob("*.txt"))
}
SHIPPED = {name: examples.read_text(name) for name in examples.names()}
REGRESSIONS_DIR = Path(__file__).parent / "regressions"
REGRESSIONS = {
    p.stem: p.read_bytes().decode("utf-8") for p in sorted(REGRESSIONS_DIR.glob("*.txt"))
}
BASES = {**{f"seed-{k}": v for k, v in SEEDS.items()}, **SHIPPED}
MAIN_LAYOUT = {k: v for k, v in BASES.items() if imrparse.parse(v).layout == "fdl-2014"}


def essence(letter: Letter) -> Letter:
    """The extracted fields: everything but diagnostics, unclaimed text and source."""
    return attrs.evolve(letter, diagnostics=(), unclaimed=(), source=None)


@st.composite
def base_texts(draw: st.DrawFn, bases: dict[str, str] = BASES) -> str:
    """A real seed, a shipped example, or a generated letter rendered to text."""
    if draw(st.integers(0, 2)) == 0:
        return imrparse.render(draw(gen.letters(max_determinations=4)))
    return bases[draw(st.sampled_from(sorted(bases)))]


# --------------------------------------------------------------------------- preserving


@pytest.mark.parametrize("name", mut.PRESERVING_ORDER)
@given(data=st.data())
def test_each_preserving_mutation_keeps_every_field(name: str, data: st.DataObject) -> None:
    text = data.draw(base_texts(), label="base")
    mutated = data.draw(mut.PRESERVING[name](text), label="mutated")
    assert essence(imrparse.parse(mutated)) == essence(imrparse.parse(text))


@given(data=st.data())
def test_composed_preserving_mutations_keep_every_field(data: st.DataObject) -> None:
    """On the four real seeds and the shipped examples (drawn, so one soak covers all)."""
    text = BASES[data.draw(st.sampled_from(sorted(BASES)), label="base")]
    mutated = data.draw(mut.preserving(text), label="mutated")
    assert essence(imrparse.parse(mutated)) == essence(imrparse.parse(text))


@given(letter=gen.letters(max_determinations=6), data=st.data())
def test_composed_preserving_mutations_on_generated_letters(
    letter: Letter, data: st.DataObject
) -> None:
    mutated = data.draw(mut.preserving(imrparse.render(letter)), label="mutated")
    assert essence(imrparse.parse(mutated)) == letter


@pytest.mark.parametrize("name", sorted(REGRESSIONS))
def test_regression_fixtures_parse_like_their_clean_form(name: str) -> None:
    """Mutated texts that once failed, kept as files: ``<base>--<what found it>.txt``.

    The base is a seed or shipped example; a mutated generated letter keeps the letter
    it was generated from beside it as ``<name>.expected.json``.
    """
    base = name.split("--")[0]
    expected_file = REGRESSIONS_DIR / f"{name}.expected.json"
    if expected_file.exists():
        expected = imrparse.from_json(expected_file.read_text(encoding="utf-8"))
    else:
        expected = essence(imrparse.parse(BASES[base]))
    assert essence(imrparse.parse(REGRESSIONS[name])) == expected


# --------------------------------------------------------------------------- destructive


@pytest.mark.parametrize("name", sorted(mut.DESTRUCTIVE))
@given(data=st.data())
def test_each_destructive_mutation_never_raises(name: str, data: st.DataObject) -> None:
    text = data.draw(base_texts(), label="base")
    mut.check_lenient_and_strict(data.draw(mut.DESTRUCTIVE[name](text), label="mutated"))


@given(data=st.data())
def test_composed_destructive_mutations_never_raise(data: st.DataObject) -> None:
    text = data.draw(base_texts(), label="base")
    mut.check_lenient_and_strict(data.draw(mut.destructive(text), label="mutated"))


MAIN_HEADINGS = (
    "HOW THE IMR FINAL DETERMINATION WAS MADE",
    "CLINICAL CASE SUMMARY",
    "IMR ISSUES, DECISIONS AND RATIONALES",
)


@given(data=st.data())
def test_dropping_a_section_or_its_heading_is_reported(data: st.DataObject) -> None:
    """Without one of the three main headings (or its whole section): ``missing-section``."""
    text = data.draw(base_texts(MAIN_LAYOUT), label="base")
    lines = text.split("\n")
    headings = [n for n, line in enumerate(lines) if mut.reads_as(line) is TokenKind.HEADING]
    main = [n for n in headings if " ".join(lines[n].split()) in MAIN_HEADINGS]
    n = data.draw(st.sampled_from(main), label="heading")
    if data.draw(st.booleans(), label="whole section"):
        end = min([h for h in headings if h > n], default=len(lines))
        del lines[n:end]
    else:
        del lines[n]
    letter = mut.check_lenient_and_strict(data.draw(mut.preserving("\n".join(lines))))
    assert "missing-section" in {d.code for d in letter.diagnostics}


class Block(NamedTuple):
    header_end: int
    """Offset just past the header line's outcome word (a trailing period excluded)."""
    body: tuple[int, int]
    """Offsets of the block's body: from the end of the header line to the end of its
    last line holding text (the separator that ends the block excluded)."""
    rationale_label: int
    """Offset of the ``Decision rationale`` label."""


def blocks_of(text: str) -> list[Block]:
    tokens = list(imrparse.tokenize(text))
    heads = [i for i, t in enumerate(tokens) if t.kind is TokenKind.DETERMINATION]
    found = []
    for k, i in enumerate(heads):
        stop = heads[k + 1] if k + 1 < len(heads) else len(tokens)
        body = [t for t in tokens[i + 1 : stop] if t.kind in (TokenKind.TEXT, TokenKind.PART)]
        header = tokens[i]
        label = next(t for t in body if "rationale" in t.text.lower() and t.kind is TokenKind.PART)
        found.append(
            Block(
                header_end=header.start + len(header.text.rstrip().rstrip(".")),
                body=(header.end, body[-1].start + len(body[-1].text.rstrip())),
                rationale_label=label.start,
            )
        )
    return found


@given(data=st.data())
def test_dropping_a_part_label_is_reported_and_stays_local(data: st.DataObject) -> None:
    text = data.draw(base_texts(MAIN_LAYOUT), label="base")
    before = imrparse.parse(text)
    lines = text.split("\n")
    labelled = [n for n, line in enumerate(lines) if mut.reads_as(line) is TokenKind.PART]
    n = data.draw(st.sampled_from(labelled), label="label line")
    k = sum(1 for line in lines[:n] if mut.reads_as(line) is TokenKind.DETERMINATION) - 1
    lines[n] = lines[n][lines[n].find(":") + 1 :]
    letter = mut.check_lenient_and_strict("\n".join(lines))
    assert "missing-part" in {d.code for d in letter.diagnostics}
    _assert_untouched_except(before, letter, k)


def _assert_untouched_except(before: Letter, after: Letter, k: int) -> None:
    assert after.reviewer == before.reviewer
    assert after.summary == before.summary
    assert after.determinations[:k] == before.determinations[:k]
    tail = len(before.determinations) - k - 1
    if tail:
        assert after.determinations[-tail:] == before.determinations[-tail:]


@given(data=st.data())
def test_truncation_keeps_what_comes_before(data: st.DataObject) -> None:
    text = data.draw(base_texts(MAIN_LAYOUT), label="base")
    before = imrparse.parse(text)
    blocks = blocks_of(text)
    k = data.draw(st.integers(0, len(blocks) - 1), label="block")
    start = blocks[k].header_end
    end = blocks[k + 1].header_end if k + 1 < len(blocks) else len(text)
    cut = data.draw(st.integers(start, end), label="cut")
    letter = mut.check_lenient_and_strict(text[:cut])
    assert letter.reviewer == before.reviewer
    assert letter.summary == before.summary
    assert letter.determinations[:k] == before.determinations[:k]
    assert letter.determinations[k].treatment == before.determinations[k].treatment
    assert letter.determinations[k].outcome == before.determinations[k].outcome
    if cut <= blocks[k].rationale_label:
        assert "missing-part" in {d.code for d in letter.diagnostics}


@given(data=st.data())
def test_truncation_before_the_first_outcome_is_an_error(data: st.DataObject) -> None:
    text = data.draw(base_texts(MAIN_LAYOUT), label="base")
    first = blocks_of(text)[0]
    letter = mut.check_lenient_and_strict(text[: data.draw(st.integers(0, first.header_end - 1))])
    assert not letter.ok


@given(data=st.data())
def test_edits_inside_one_determination_stay_there(data: st.DataObject) -> None:
    text = data.draw(base_texts(MAIN_LAYOUT), label="base")
    before = imrparse.parse(text)
    blocks = blocks_of(text)
    k = data.draw(st.integers(0, len(blocks) - 1), label="block")
    start, end = blocks[k].body
    body = text[start:end]
    edit = data.draw(st.sampled_from(("line_edits", "block_edits", "char_edits", "drop_label")))
    changed = data.draw(mut.DESTRUCTIVE[edit](body.lstrip("\r\n")), label="edited body")
    lead = body[: len(body) - len(body.lstrip("\r\n"))]
    mutated = text[:start] + lead + changed + text[end:]
    letter = mut.check_lenient_and_strict(mutated)
    assert letter.reviewer == before.reviewer
    assert letter.summary == before.summary
    assert letter.determinations[:k] == before.determinations[:k]
    tail = len(before.determinations) - k - 1
    if tail:
        assert letter.determinations[-tail:] == before.determinations[-tail:]


def test_mis_decoding_takes_a_lone_surrogate() -> None:
    """Another mutation may leave a lone surrogate, which UTF-8 cannot encode strictly: it is
    mis-decoded from the three bytes it would take (a regression: the generator raised)."""
    assert mut.mis_decode("\ud800") == "\u00ed\u00a0\u20ac"
    assert mut.mis_decode("\u00e9") == "\u00c3\u00a9"
