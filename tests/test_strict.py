"""Nothing silently wrong: every input whose record would be incomplete or wrong in a
table is an error, and a text of several letters gives one record per letter.

For each kind of damage: the lenient letter carries the right error diagnostics, and
``strict=True`` raises :class:`~imrparse.ParseError`. For the concatenations,
:func:`~imrparse.split_letters`, :func:`~imrparse.parse_letters`,
:func:`~imrparse.parse_file_letters`, :func:`~imrparse.parse_many` and the CLI give one
record per letter. On the real letters (``../shared/realworld``, skipped where absent):
two different letters concatenated give exactly the two letters read alone.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import imrparse
import strategies as gen
from imrparse import Letter, ParseError, Severity
from imrparse.diagnostics import CODES

MULTI = imrparse.examples.read_text("multi")
OVERTURNED = imrparse.examples.read_text("overturned")
TABLE = imrparse.examples.read_text("header-2016")
REAL = Path(__file__).parent.parent.parent / "shared" / "realworld" / "text"
# (pdfium's text damages headings that open letters; the other extractors' do not)
EXTRACTORS = ("pypdf", "pdfminer", "pdftotext", "pdftotext-layout")


def errors(letter: Letter) -> list[str]:
    return [d.code for d in letter.diagnostics if d.severity is Severity.ERROR]


def strict_raises(text: str, code: str) -> None:
    with pytest.raises(ParseError) as info:
        imrparse.parse(text, strict=True)
    assert info.value.code == code


def without_positions(letter: Letter) -> Letter:
    return attrs.evolve(letter, diagnostics=(), source_lines=None)


# -- damage that a table would not show --------------------------------------------


def test_truncated_inside_a_determination() -> None:
    cut = MULTI[: MULTI.rindex("Decision rationale:")]  # the last rationale lost
    letter = imrparse.parse(cut)
    assert errors(letter) == ["missing-part"]
    assert len(letter.determinations) == 3 and letter.determinations[-1].rationale == ""
    strict_raises(cut, "missing-part")


def test_truncated_after_a_label() -> None:
    cut = MULTI[: MULTI.rindex("Decision rationale:") + len("Decision rationale:")]
    assert errors(imrparse.parse(cut)) == ["empty-part"]
    strict_raises(cut, "empty-part")


def test_truncated_before_its_guidelines() -> None:
    cut = MULTI[: MULTI.rindex("Claims Administrator guideline:")]
    assert errors(imrparse.parse(cut)) == ["missing-part"] * 3
    strict_raises(cut, "missing-part")


def test_merged_decision() -> None:
    """A header in a form no layout knows: its decision merges into the one before."""
    second = MULTI.index("Norco 10/325mg #90: Upheld")
    header_end = MULTI.index("\n", second)
    damaged = MULTI[:second] + "Norco 10/325mg #90 - not certified" + MULTI[header_end:]
    letter = imrparse.parse(damaged)
    assert len(letter.determinations) == 2
    assert set(errors(letter)) == {"duplicate-part"}
    strict_raises(damaged, "duplicate-part")


def test_duplicated_decisions_section() -> None:
    decisions = MULTI.index("IMR ISSUES")
    doubled = MULTI + MULTI[decisions:]
    letter = imrparse.parse(doubled)
    assert len(letter.determinations) == 6
    # (the repeated section's opening sentence stands in the last rationale: out of order)
    assert errors(letter) == ["duplicate-section"] + ["duplicate-determination"] * 3 + [
        "pages-out-of-order"
    ]
    strict_raises(doubled, "duplicate-section")


def test_repeated_determination() -> None:
    start = MULTI.index("Lidoderm 5% patch #30: Upheld")
    end = MULTI.index("Norco 10/325mg #90: Upheld")
    block = MULTI[start:end]
    repeated = MULTI[:end] + block + MULTI[end:]
    letter = imrparse.parse(repeated)
    assert errors(letter) == ["duplicate-determination"]
    first, copy = letter.determinations[0], letter.determinations[1]
    assert first == copy
    strict_raises(repeated, "duplicate-determination")


def test_same_treatment_with_another_rationale_is_no_repeat() -> None:
    start = MULTI.index("Lidoderm 5% patch #30: Upheld")
    end = MULTI.index("Norco 10/325mg #90: Upheld")
    block = MULTI[start:end].replace("Decision rationale:", "Decision rationale: Again.")
    other = MULTI[:end] + block + MULTI[end:]
    assert imrparse.parse(other, strict=True).determinations[1].rationale.startswith("Again.")


@pytest.mark.parametrize("times", [2, 3, 50])
def test_letter_repeated(times: int) -> None:
    text = MULTI * times
    letter = imrparse.parse(text)
    assert errors(letter) == ["several-letters"]
    assert without_positions(letter) == without_positions(imrparse.parse(MULTI))
    several = letter.diagnostics[-1]
    assert several.line == MULTI.count("\n") + 1
    strict_raises(text, "several-letters")
    pieces = imrparse.split_letters(text)
    assert [p.text for p in pieces] == [MULTI] * times
    letters = imrparse.parse_letters(text)
    assert len(letters) == times and all(letter.ok for letter in letters)
    assert {without_positions(letter) for letter in letters} == {
        without_positions(imrparse.parse(MULTI))
    }


def test_two_different_letters() -> None:
    text = OVERTURNED + TABLE
    letter = imrparse.parse(text)
    assert errors(letter) == ["several-letters"]
    strict_raises(text, "several-letters")
    first, second = imrparse.split_letters(text)
    assert second.text.startswith("Case Number:")  # the header table opens the second
    assert first.text + second.text == text
    a, b = imrparse.parse_letters(text)
    assert without_positions(a) == without_positions(imrparse.parse(OVERTURNED))
    assert without_positions(b) == without_positions(imrparse.parse(TABLE))
    assert (a.source_lines, b.source_lines) == (
        (first.first_line, first.last_line),
        (second.first_line, second.last_line),
    )
    assert a.source_lines[1] + 1 == b.source_lines[0]


def test_diagnostics_of_a_later_letter_count_lines_in_the_whole_text() -> None:
    damaged = OVERTURNED.replace("47 year old male", "worker")
    alone = imrparse.parse(damaged).diagnostics
    _, second = imrparse.parse_letters(OVERTURNED + damaged)
    assert second.source_lines is not None
    shift = second.source_lines[0] - 1
    assert [d.line for d in second.diagnostics] == [d.line + shift for d in alone]


def test_a_repeated_opening_heading_is_no_second_letter() -> None:
    """A heading repeated by a page header, or a letter whose tail is no letter."""
    how = "HOW THE IMR FINAL DETERMINATION WAS MADE\n"
    assert len(imrparse.split_letters(MULTI + how + "Some text.\n")) == 1
    summary = MULTI.index("CLINICAL CASE SUMMARY")
    assert len(imrparse.split_letters(MULTI[:summary] + how + MULTI[summary:])) == 1


# -- files, batches, the command line ----------------------------------------------


def test_files_of_several_letters(tmp_path: Path) -> None:
    merged = tmp_path / "merged.txt"
    merged.write_text(MULTI + TABLE + OVERTURNED, encoding="utf-8")
    single = tmp_path / "single.txt"
    single.write_text(MULTI, encoding="utf-8")
    assert errors(imrparse.parse_file(merged)) == ["several-letters"]
    with pytest.raises(ParseError):
        imrparse.parse_file(merged, strict=True)
    letters = imrparse.parse_file_letters(merged)
    assert [letter.layout for letter in letters] == ["fdl-2014", "fdl-2016", "fdl-2014"]
    assert all(letter.ok and letter.source == str(merged) for letter in letters)
    assert imrparse.parse_file_letters(single) == (imrparse.parse_file(single),)
    batch = list(imrparse.parse_many([single, merged, single]))
    assert len(batch) == 5
    assert [letter.source_lines is None for letter in batch] == [True, False, False, False, True]
    assert list(imrparse.parse_many([single, merged, single], workers=2, chunksize=1)) == batch
    rows = imrparse.to_rows(batch)
    spans = [(r["source_first_line"], r["source_last_line"]) for r in rows]
    expected = [letter.source_lines for letter in letters for _ in letter.determinations]
    assert spans == [(None, None)] * 3 + expected + [(None, None)] * 3


def test_source_lines_round_trip() -> None:
    for letter in imrparse.parse_letters(MULTI + TABLE):
        assert imrparse.from_dict(imrparse.to_dict(letter)) == letter
        assert imrparse.from_json(imrparse.to_json(letter)) == letter


# -- properties ---------------------------------------------------------------------


@given(st.lists(gen.letters(max_determinations=2), min_size=1, max_size=3), st.data())
def test_concatenated_letters_split_into_the_letters(
    letters: list[Letter], data: st.DataObject
) -> None:
    texts = [imrparse.render(letter) for letter in letters]
    seps = [data.draw(st.sampled_from(["", "\n", "\n\n", "\f\n"])) for _ in texts]
    whole = "".join(text + sep for text, sep in zip(texts, seps, strict=True))
    pieces = imrparse.split_letters(whole)
    assert "".join(piece.text for piece in pieces) == whole
    assert len(pieces) == len(texts)
    parsed = imrparse.parse_letters(whole)
    for got, text in zip(parsed, texts, strict=True):
        alone = imrparse.parse(text)
        assert got.determinations == alone.determinations
        assert (got.reviewer, got.summary) == (alone.reviewer, alone.summary)
    if len(texts) > 1:
        assert "several-letters" in errors(imrparse.parse(whole))


@given(st.text())
def test_split_letters_is_lossless(text: str) -> None:
    pieces = imrparse.split_letters(text)
    assert "".join(piece.text for piece in pieces) == text
    assert pieces[0].first_line == 1
    for before, after in itertools.pairwise(pieces):
        assert after.first_line == before.last_line + 1


def test_every_error_code_is_documented_as_a_loss() -> None:
    """The codes whose records are wrong for a table are exactly the errors."""
    losses = {
        "empty-input",
        "no-letter",
        "no-determinations",
        "duplicate-part",
        "unread-determination",
        "missing-section",
        "duplicate-section",
        "missing-part",
        "empty-part",
        "duplicate-determination",
        "several-letters",
        "read-error",
        "duplicate-case",
        "not-a-pdf",
        "damaged-pdf",
        "encrypted-pdf",
        "no-text-layer",
        "missing-extra",
        "internal-error",
        "may-be-truncated",
        "pages-do-not-join",
        "pages-out-of-order",
        "unread-partial-authorization",
    }
    assert {code for code, info in CODES.items() if info.severity is Severity.ERROR} == losses


# -- real letters --------------------------------------------------------------------


def _real(extractor: str) -> list[Path]:
    folder = REAL / extractor
    if not folder.is_dir():
        pytest.skip("the real letters (../shared/realworld) are not here")
    return sorted(folder.glob("*.txt"))


@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_real_letters_concatenated(extractor: str) -> None:
    paths = _real(extractor)
    for a, b in zip(paths, paths[1:] + paths[:1], strict=True):
        first, second = (p.read_text(encoding="utf-8") for p in (a, b))
        assert len(imrparse.split_letters(first)) == 1, a.name
        whole = first + second
        assert errors(imrparse.parse(whole)) == ["several-letters"], a.name
        got = imrparse.parse_letters(whole)
        assert [without_positions(x) for x in got] == [
            without_positions(imrparse.parse(first)),
            without_positions(imrparse.parse(second)),
        ], (a.name, b.name)


def test_the_command_line_gives_one_record_per_letter(tmp_path: Path) -> None:
    merged = tmp_path / "merged.txt"
    merged.write_text(MULTI + TABLE + OVERTURNED, encoding="utf-8")
    single = tmp_path / "single.txt"
    single.write_text(MULTI, encoding="utf-8")
    command = [sys.executable, "-m", "imrparse", "parse", "--format", "jsonl"]
    result = subprocess.run(
        [*command, str(single), str(merged), "-", str(single)],
        input=MULTI + MULTI,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    # (the same letters come again, as duplicate-case errors: the exit code says so)
    assert "Traceback" not in result.stderr, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["source"], r["source_lines"]) for r in records] == [
        (str(single), None),
        (str(merged), [1, 63]),
        (str(merged), [64, 125]),
        (str(merged), [126, 197]),
        ("<stdin>", [1, 62]),
        ("<stdin>", [63, 124]),
        (str(single), None),
    ]


def test_first_decision_with_a_damaged_header() -> None:
    """The first decision's header unread: its parts stand before any header, lost."""
    damaged = MULTI.replace("Lidoderm 5% patch #30: Upheld", "Lidoderm 5% patch #30: Uphld")
    letter = imrparse.parse(damaged)
    assert len(letter.determinations) == 2
    assert errors(letter) == ["unread-determination"]
    strict_raises(damaged, "unread-determination")
