"""Damaged letters say so: a letter cut off inside its last rationale, and determinations
that pages out of order put inside the case summary.

Each rule is tested on written variants of a shipped example, and on the real letters
in ``../shared/realworld`` (when there) cut at many points: every cut that changes a value
is reported, except where the cut falls right after a decision sentence.
"""

from __future__ import annotations

import random
from pathlib import Path

import attrs
import pytest

import imrparse
from imrparse import ParseError, Severity
from spancheck import check

THREE = imrparse.examples.read_text("three-decisions-2016")
LAST = "The request is not medically necessary. \n"
REALWORLD = Path(__file__).resolve().parents[1].parent / "shared" / "realworld" / "text"


def codes(text: str) -> list[str]:
    return [d.code for d in imrparse.parse(text).diagnostics]


def test_the_whole_example_says_nothing() -> None:
    assert THREE.endswith(LAST)
    assert codes(THREE) == []


@pytest.mark.parametrize(
    "cut",
    [
        "Topical flurbiprofen is not approved by the FDA and topical",  # mid-sentence
        "Any compounded product that contains at least one drug that is not",
        "The request is not medically",  # inside the decision sentence itself
    ],
)
def test_a_letter_cut_mid_sentence_in_its_last_rationale_is_an_error(cut: str) -> None:
    text = THREE[: THREE.rindex(cut) + len(cut)]
    letter = imrparse.parse(text)
    (found,) = [d for d in letter.diagnostics if d.code == "may-be-truncated"]
    assert found.severity is Severity.ERROR
    assert found.line == 61  # (the last determination's header)
    with pytest.raises(ParseError, match="may be cut off"):
        imrparse.parse(text, strict=True)


def test_a_letter_cut_at_a_sentences_end_before_its_decision_is_a_warning() -> None:
    sample = imrparse.examples.read_text("overturned")
    text = sample[: sample.rindex("requested.") + len("requested.")]
    assert codes(text) == ["no-decision-sentence"]
    # a last sentence that decides in other words is whole
    assert codes(text + " Baclofen is not recommended for long-term use.") == []


def test_stray_fragments_after_the_decision_are_no_cut() -> None:
    # (as an extractor prints text from past the page's end after the last sentence)
    text = THREE + " per ear, including hearing aid evaluation, \n"
    assert codes(text) == []


def _move_mri_block(to_summary_end: bool) -> str:
    lines = THREE.split("\n")
    start = next(n for n, line in enumerate(lines) if line.startswith("MRI of the lumbar"))
    end = next(n for n, line in enumerate(lines) if line.startswith("Compounded cream"))
    block = lines[start:end]
    rest = lines[:start] + lines[end:]
    heading = "IMR ISSUES" if to_summary_end else "CLINICAL CASE"
    at = next(n for n, line in enumerate(rest) if line.startswith(heading))
    at = at if to_summary_end else at + 1
    return "\n".join(rest[:at] + block + rest[at:])


def test_determinations_moved_into_the_summary_are_read_where_they_stand() -> None:
    letter = imrparse.parse(_move_mri_block(to_summary_end=True))
    whole = imrparse.parse(THREE)
    # (read in letter order: the moved one now stands first)
    assert letter.determinations == (whole.determinations[1], whole.determinations[0],
                                     whole.determinations[2])  # fmt: skip
    found = [d for d in letter.diagnostics if d.code == "determination-out-of-place"]
    assert [d.severity for d in found] == [Severity.WARNING]
    assert letter.summary == whole.summary
    # (each determination's spans are numbered as the record numbers it, and hold its text)
    text = _move_mri_block(to_summary_end=True)
    assert check(letter, text)[1] == []
    span = letter.span("determinations.0.treatment.text")
    assert span is not None
    assert text[span.start : span.end] == whole.determinations[1].treatment.text


def test_a_determination_moved_before_the_first_heading_keeps_its_spans() -> None:
    lines = THREE.split("\n")
    start = next(n for n, line in enumerate(lines) if line.startswith("MRI of the lumbar"))
    end = next(n for n, line in enumerate(lines) if line.startswith("Compounded cream"))
    rest = lines[:start] + lines[end:]
    at = next(n for n, line in enumerate(rest) if line.startswith("HOW THE IMR"))
    text = "\n".join(rest[:at] + lines[start:end] + rest[at:])
    letter = imrparse.parse(text)
    whole = imrparse.parse(THREE)
    assert "determination-out-of-place" in {d.code for d in letter.diagnostics}
    assert [d.treatment.text for d in letter.determinations] == [
        whole.determinations[1].treatment.text,
        whole.determinations[0].treatment.text,
        whole.determinations[2].treatment.text,
    ]
    # (the preamble's determination counts: the decisions section's are numbered after it)
    assert check(letter, text)[1] == []
    paths = [row[0] for row in letter.spans]
    assert len(paths) == len(set(paths))


def test_a_determination_moved_to_the_summarys_start_is_read_and_reported() -> None:
    # The summary's prose after it cannot be told from its rationale: it is read with
    # the determination, and the warning says where.
    letter = imrparse.parse(_move_mri_block(to_summary_end=False))
    assert len(letter.determinations) == 3
    assert "determination-out-of-place" in {d.code for d in letter.diagnostics}


def test_a_line_that_only_looks_like_a_header_in_the_summary_stays_prose() -> None:
    text = THREE.replace(
        "CLINICAL CASE SUMMARY \n", "CLINICAL CASE SUMMARY \nPrior request for Norco: Upheld \n"
    )
    letter = imrparse.parse(text)
    assert "determination-out-of-place" not in {d.code for d in letter.diagnostics}
    assert len(letter.determinations) == 3


@pytest.mark.skipif(not REALWORLD.is_dir(), reason="../shared/realworld is not here")
def test_real_letters_cut_near_their_end_are_rarely_silent() -> None:
    rng = random.Random(7)
    wrong = silent = 0
    for path in sorted(REALWORLD.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        whole = imrparse.parse(text)
        for _ in range(2):
            cut = imrparse.parse(text[: rng.randint(int(len(text) * 0.85), len(text) - 20)])
            same = len(cut.determinations) == len(whole.determinations) and (
                cut.determinations[-1].rationale == whole.determinations[-1].rationale
            )
            if same:
                continue
            wrong += 1
            silent += all(d.severity is Severity.INFO for d in cut.diagnostics)
    assert wrong > 500
    assert silent / wrong < 0.10  # (cuts right after a decision sentence stay silent)


# ----------------------------------------------------------------- the header table

FIXTURES = Path(__file__).parent / "layouts" / "fdl-2016"


@pytest.mark.parametrize("fixture", ["header-in-blocks", "header-as-pairs"])
def test_a_blank_header_date_never_moves_another_date_into_its_field(fixture: str) -> None:
    text = (FIXTURES / f"{fixture}.txt").read_text(encoding="utf-8")
    whole = imrparse.parse(text)
    for day in sorted({str(getattr(whole.dates, a)) for a in DATES} - {"None"}):
        written = f"{day[5:7]}/{day[8:10]}/{day[:4]}"
        blanked = imrparse.parse(text.replace(written, "", 1))
        for attribute in DATES:
            got = getattr(blanked.dates, attribute)
            assert got in (None, getattr(whole.dates, attribute)), (written, attribute)
        missing = [d for d in blanked.diagnostics if d.code == "header-value-missing"]
        assert missing and all(d.severity is Severity.WARNING for d in missing)


def test_a_blank_cell_in_pairs_loses_only_its_own_value() -> None:
    text = (FIXTURES / "header-as-pairs.txt").read_text(encoding="utf-8")
    whole = imrparse.parse(text)
    day = whole.dates.decision_date
    assert day is not None
    blanked = imrparse.parse(text.replace(day.strftime("%m/%d/%Y"), "", 1))
    assert blanked.dates.decision_date is None
    assert blanked.dates.date_assigned == whole.dates.date_assigned
    assert [d.message for d in blanked.diagnostics if d.code == "header-value-missing"] == [
        "the header table states no 'decision-date'"
    ]


DATES = ("application_received", "date_assigned", "decision_date", "ur_denial_date",
         "date_of_injury")  # fmt: skip


@pytest.mark.parametrize("fixture", ["header-in-blocks", "header-as-pairs"])
def test_a_header_table_behind_the_decisions_is_read_where_it_stands(fixture: str) -> None:
    # (pages 1 and 2 swapped: the table follows the last rationale)
    text = (FIXTURES / f"{fixture}.txt").read_text(encoding="utf-8")
    at = text.index("HOW THE IMR")
    moved = text[at:] + "\n" + text[:at]
    letter = imrparse.parse(moved)
    whole = imrparse.parse(text)
    assert (letter.layout, letter.case_number, letter.dates, letter.priority) == (
        whole.layout,
        whole.case_number,
        whole.dates,
        whole.priority,
    )
    assert [d.rationale for d in letter.determinations] == [
        d.rationale for d in whole.determinations
    ]
    found = [d for d in letter.diagnostics if d.code == "header-table-out-of-place"]
    assert [d.severity for d in found] == [Severity.WARNING]


# ----------------------------------------------------------------- OCR slips in labels


@pytest.mark.parametrize(
    ("printed", "slipped"),
    [
        ("State(s) of Licensure:", "State(s) ofLicensure:"),  # a space lost
        ("Certification(s)/Specialty:", "Certification(s)/SpeciaIty:"),  # l read as I
        ("Decision rationale:", "Decisionrationale:"),
        ("MAXIMUS guideline:", "MAXlMUS guideline:"),  # I read as l
        ("Claims Administrator guideline:", "Claims Adrninistrator guideline:"),  # m as rn
    ],
)
def test_a_label_with_an_ocr_slip_is_read_as_the_label(printed: str, slipped: str) -> None:
    text = (FIXTURES / "header-as-pairs.txt").read_text(encoding="utf-8")
    assert printed in text
    whole = imrparse.parse(text)
    slip = imrparse.parse(text.replace(printed, slipped, 1))
    assert slip == attrs.evolve(whole, diagnostics=slip.diagnostics)  # (spans may move)


def test_a_field_label_with_an_ocr_slip_gives_its_value() -> None:
    notice = imrparse.examples.read_text("legacy-2013")
    slip = imrparse.parse(notice.replace("Date of Injury:", "Date 0f Injury:"))
    assert slip.dates == imrparse.parse(notice).dates
    assert slip.dates.date_of_injury is not None


def test_a_slip_that_two_labels_could_be_is_not_guessed() -> None:
    from imrparse.layout_words import Vocabulary, ocr_key

    words = Vocabulary({}, {}, {"DECISION RATIONALE": "rationale"}, {"DECISI0N RATI0NALE": "x"}, {})
    assert ocr_key("DECISIONRATIONALE") not in words.slipped
