"""Failures the property suites found, pinned as plain tests named after what found them.

Mutated whole letters that once failed live in ``tests/regressions/`` and are checked
by ``test_mutations.py::test_regression_fixtures_parse_like_their_clean_form``.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import imrparse
import imrparse.scanner
from imrparse import CaseSummary, Citation, Letter, Reviewer
from imrparse.extractors.citations import parse_citation
from imrparse.extractors.diagnoses import split_diagnoses

SEEDS = Path(__file__).parent / "seeds"


def test_render_round_trip__reviewer_without_title() -> None:
    letter = Letter(layout="fdl-2014", reviewer=Reviewer(licensed_states=("Texas",)))
    assert imrparse.parse(imrparse.render(letter)).reviewer == letter.reviewer


def test_render_round_trip__acoem_chapter_name_with_commas() -> None:
    citation = parse_citation(
        "MTUS ACOEM Chapter 11 Forearm, Wrist, and Hand Complaints, Physical Methods Page(s): 267"
    )
    assert citation == Citation(
        source="ACOEM",
        mtus=True,
        title="ACOEM Chapter 11 Forearm, Wrist, and Hand Complaints",
        topics=("Physical Methods",),
        pages=(267,),
    )


def test_render_round_trip__singular_guideline_inside_a_title() -> None:
    citation = parse_citation(
        "Other Medical Treatment Guidelines National Guideline Clearinghouse, Soma"
    )
    assert (citation.source, citation.title, citation.topics) == (
        "Other",
        "National Guideline Clearinghouse",
        ("Soma",),
    )


def test_render_round_trip__diagnosis_lists_and_their_last_and() -> None:
    assert split_diagnoses("lumbar radiculopathy and chronic pain syndrome") == (
        "lumbar radiculopathy",
        "chronic pain syndrome",
    )
    assert split_diagnoses(
        "depression, arthropathy, unspecified, shoulder region and cervical disc displacement"
    ) == ("depression", "arthropathy, unspecified, shoulder region", "cervical disc displacement")
    assert split_diagnoses(
        "depression, chronic pain syndrome and arthropathy, unspecified, shoulder region"
    ) == (
        "depression",
        "chronic pain syndrome",
        "arthropathy, unspecified, shoulder region",
    )
    # What stays whole: a right side of qualifiers only, or one item of qualifiers.
    assert split_diagnoses("pain in joint and lower leg") == ("pain in joint and lower leg",)
    assert split_diagnoses("left and right knee pain") == ("left and right knee pain",)


def test_render_round_trip__summary_facts() -> None:
    text = (
        "The applicant is a 35 year old male who sustained an industrial injury on 03/01/1987 "
        "while pulling a patient from a bed. The diagnoses have included lumbar facet "
        "arthropathy at L4-L5 and degeneration of lumbar or lumbosacral intervertebral disc."
    )
    letter = Letter(layout="fdl-2014", summary=CaseSummary(text=text))
    summary = imrparse.parse(imrparse.render(letter)).summary
    assert (summary.age, summary.date_of_injury, summary.mechanism_of_injury) == (
        35,
        datetime.date(1987, 3, 1),
        "pulling a patient from a bed",
    )
    assert summary.diagnoses == (
        "lumbar facet arthropathy at L4-L5",
        "degeneration of lumbar or lumbosacral intervertebral disc",
    )


def test_hyphen_wraps__case_number_wrapped_after_its_hyphen() -> None:
    assert imrparse.parse("IMR Case Number: CM13-\n\n0000004\n").case_number == "CM13-0000004"


def test_no_break_spaces__page_header_with_no_break_spaces_is_removed() -> None:
    line = (
        "the records Final\u00a0Determination\u00a0Letter for IMR Case Number CM16-0000000 do not"
    )
    assert imrparse.cleaning.strip_artifacts(line) == ("the records  do not", 1)
    assert imrparse.cleaning.is_page_number("Page\u00a02 of\u00a05")


def test_colon_spacing_and_tabs__header_and_label_with_runs_of_white_space() -> None:
    assert (
        imrparse.scanner.classify("Flexeril 10mg #30:   \t \t   \t  Upheld")
        is imrparse.TokenKind.DETERMINATION
    )
    assert (
        imrparse.scanner.classify("Decision \t \t rationale \t\t :   text")
        is imrparse.TokenKind.PART
    )
    assert (
        imrparse.scanner.classify("IMR\t\tISSUES,  \u00a0DECISIONS \t AND\t\tRATIONALES")
        is imrparse.TokenKind.HEADING
    )


def test_whitespace_lines_and_mojibake__misdecoded_no_break_space_line_is_a_break() -> None:
    lines = imrparse.scanner.scan("text one\n\u00c2\u00a0\nDecision\u00c2\u00a0rationale: x\n")
    assert [line.kind.value for line in lines] == ["text", "break", "part"]


def test_soak_running_headers__header_before_a_colon_or_page_prose() -> None:
    strip = imrparse.cleaning.strip_artifacts
    header = "Final Determination Letter for IMR Case Number"
    assert strip(f"EPIDURAL AT L5-S1 {header} :\tOVERTURNED") == (
        "EPIDURAL AT L5-S1  :\tOVERTURNED",
        1,
    )
    assert strip(f"As noted on {header} page 41 of the guidelines") == (
        "As noted on  page 41 of the guidelines",
        1,
    )
    assert strip(f"a {header}: [redacted] Page 1 of 2 b") == ("a  b", 1)
    assert strip(f"{header}:") == ("", 1)


def test_soak_page_breaks__page_break_inside_a_field_value() -> None:
    text = (
        "HOW THE IMR FINAL DETERMINATION WAS MADE\n"
        "Certification(s)/Specialty: Preventive Medicine, Public Health &\n\f\n"
        "General Preventive Medicine\n"
    )
    assert imrparse.parse(text).reviewer.board_certifications == (
        "Preventive Medicine",
        "Public Health & General Preventive Medicine",
    )


def test_soak_edits_inside_one_determination__a_few_new_lines_keep_the_doubling() -> None:
    # Character edits inside determination 2's body put five lines of text next to others
    # ("0", "0", "00000 " and a split line). That tipped the whole letter from doubled to
    # undoubled, and the reviewer's wrapped specialty field lost its continuation.
    text = (SEEDS / "003_ca4af5e6e3409f09.txt").read_text(encoding="utf-8")
    header = "Flexeril 10mg #30: Upheld \n\n \n\n"
    assert text.count(header) == 1
    edited = text.replace(header, header + "0\n0\n00000 \n\n", 1).replace(
        "(Flexeril) and \n\nOther Medical", "(Flexeril) and \n0\nOther Medical", 1
    )
    assert edited.count("\n0\n") == 2
    before, after = imrparse.parse(text), imrparse.parse(edited)
    assert after.reviewer == before.reviewer
    assert after.reviewer.board_certifications[-1] == "Public Health & General Preventive Medicine"
    assert after.summary == before.summary
    assert after.determinations[0] == before.determinations[0]
