"""The injury sentence read by its structure: who, when, what happened, while doing what.

Every sentence here was written for these tests (none is a real letter's): each rule is
held to variants of its own form, and to sentences that look alike and state no mechanism.
"""

from __future__ import annotations

import datetime
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import imrparse
from imrparse.diagnostics import Collector
from imrparse.extractors import summary
from imrparse.extractors.search import lower_ascii, sentence_end
from imrparse.extractors.summary import extract_summary

DOI = datetime.date(2015, 3, 4)


def read(text: str) -> tuple[imrparse.CaseSummary, list[str]]:
    diag = Collector()
    summary = extract_summary(text, diag)
    return summary, [d.message for d in diag.items if d.code == "mechanism-not-found"]


@pytest.mark.parametrize(
    ("text", "mechanism"),
    [
        # a circumstance after the injury's own words: when, while, after, due to, from
        ("The worker was injured on 3/4/15 when she tripped over a cord.", "tripped over a cord"),
        (
            "The patient sustained injury to the back on 3/4/15 while lifting a box of files.",
            "lifting a box of files",
        ),
        (
            "He sustained an industrial injury on 03/04/2015 to the right knee after stepping "
            "off a forklift.",
            "stepping off a forklift",
        ),
        (
            "The applicant reported an injury to the neck, shoulders and low back on March 4, "
            "2015 due to a motor vehicle accident.",
            "a motor vehicle accident",
        ),
        ("She injured her wrist on 3/4/15 from pulling a pallet jack.", "pulling a pallet jack"),
        # the circumstance before the injury's words
        (
            "While carrying a ladder on 3/4/15, the worker injured his shoulder.",
            "carrying a ladder",
        ),
        (
            "When lifting a crate on 3-4-15, the employee hurt and injured his back.",
            "lifting a crate",
        ),
        # the work named first, then what happened
        (
            "The worker was injured on 3/4/15 while working as a cook when she slipped on "
            "spilled oil.",
            "slipped on spilled oil",
        ),
        # an event the worker underwent, in a sentence that states the date of injury
        (
            "The injured worker sustained an injury on 3/4/15. Notes indicate the injured "
            "worker slipped and fell while working and broke his wrist on 3/4/15.",
            "slipped and fell while working",
        ),
        (
            "The injured worker sustained an injury on 3/4/15. The injured worker reported "
            "that on 3/4/15 he was struck by a falling box at work.",
            "struck by a falling box at work",
        ),
        (
            "The patient sustained an injury on 3/4/15. The patient stated that while "
            "unloading a truck on 3/4/15, she tripped on a strap and fell onto her knees.",
            "tripped on a strap and fell onto her knees",
        ),
    ],
)
def test_the_mechanism_is_read_from_the_sentences_structure(text: str, mechanism: str) -> None:
    summary, said = read(text)
    assert summary.mechanism_of_injury == mechanism
    assert summary.date_of_injury == DOI
    assert said == []


@pytest.mark.parametrize(
    ("text", "work"),
    [
        (
            "The injured worker is a 45 year old female who was injured on 03/04/2015 who "
            "sustained injury to her neck and low back while working as a housekeeper.",
            "working as a housekeeper",
        ),
        (
            "This 38 year old man was injured on 3/4/15 while employed by a grocery chain.",
            "employed by a grocery chain",
        ),
        (
            "The patient sustained injury on 3/4/15 while performing his usual job duties.",
            "performing his usual job duties",
        ),
    ],
)
def test_a_circumstance_that_names_only_the_work_is_no_mechanism_and_is_said(
    text: str, work: str
) -> None:
    summary, said = read(text)
    assert summary.mechanism_of_injury is None
    assert summary.date_of_injury == DOI
    assert len(said) == 1
    assert work in said[0]


@pytest.mark.parametrize(
    "text",
    [
        "The injured worker is a 51 year old female who sustained an industrial injury on 3/4/15.",
        "The injured worker is a 37 year old female with an industrial injury date of 3/4/15.",
        "The applicant has filed a claim for knee pain associated with an industrial injury "
        "of March 4, 2015.",
        # the date of injury stated again, in a sentence of care, not of an event
        "The injured worker sustained an industrial injury on 3/4/15. The injured worker "
        "presented on 3/4/15 with complaints of back pain.",
        "The patient sustained an injury on 3/4/15 and has been treated for lumbar strain "
        "after a course of therapy.",
    ],
)
def test_an_injury_stated_without_how_it_happened_is_said(text: str) -> None:
    summary, said = read(text)
    assert summary.mechanism_of_injury is None
    assert said == ["the case summary states the injury but not how it happened"]


@pytest.mark.parametrize(
    "text",
    [
        # no injury stated: "the injured worker" says who, not what happened
        "The injured worker is a 40 year old man. He has back pain rated 6 out of 10.",
        # the summary itself says the mechanism is not known
        "The patient sustained an injury on 3/4/15. The mechanism of injury is not described.",
    ],
)
def test_nothing_is_said_where_no_injury_or_the_summary_says_so(text: str) -> None:
    summary, said = read(text)
    assert summary.mechanism_of_injury is None
    assert said == []


def test_the_injured_worker_is_no_mention_of_the_injury_for_its_date() -> None:
    summary, _ = read(
        "The injured worker was seen on 11/1/16 for an injury sustained on 3/4/15 when he "
        "fell from a scaffold."
    )
    assert summary.date_of_injury == DOI
    assert summary.mechanism_of_injury == "fell from a scaffold"


def test_a_sentence_that_names_the_word_mechanism_leaves_the_event_read() -> None:
    # "mechanism" in a sentence that states none, before the event the date of injury
    # is stated again with: the event is still read from that sentence (a regression:
    # the sentence's failed match stood in for where the date of injury is written)
    text = (
        "The injured worker sustained an injury on 3/4/15. The pain mechanism is unclear. "
        "The injured worker reported that on 3/4/15 he was struck by a falling box at work."
    )
    summary, said = read(text)
    assert summary.mechanism_of_injury == "struck by a falling box at work"
    assert said == []


def test_a_later_fall_in_a_sentence_of_another_date_is_no_mechanism() -> None:
    summary, said = read(
        "The injured worker sustained an industrial injury on 3/4/15. On 6/1/15 the injured "
        "worker fell at home."
    )
    assert summary.mechanism_of_injury is None
    assert said == ["the case summary states the injury but not how it happened"]


def test_the_info_reaches_the_letter_with_the_summarys_line() -> None:
    letter = imrparse.parse(
        "CLINICAL CASE SUMMARY\nThe injured worker is a 45 year old female who was injured on "
        "03/04/2015 who sustained injury to her neck while working as a housekeeper.\n"
    )
    found = [d for d in letter.diagnostics if d.code == "mechanism-not-found"]
    assert [(d.severity.value, d.line) for d in found] == [("info", 1)]


# The rule sentence_end reads without a regex, as a regex.
_SENTENCE_END = re.compile(r"\.[\"\u201d]?(?=[ \t]+[A-Z(\"'\u201c]|$)|\.[ \t]*$")


@given(
    st.text(alphabet=". \t\nAa(\"'\u201c\u201d1", max_size=12),
    st.integers(0, 13),
    st.integers(-1, 13),
)
def test_sentence_end_is_where_the_regex_of_its_rule_finds_one(
    text: str, start: int, end: int
) -> None:
    found = _SENTENCE_END.search(text, start, len(text) if end < 0 else end)
    assert sentence_end(text, start, end) == (found.start() if found else -1)


_AGE_WORDS = ("51", "5", "123", "1234", "\u0663", " ", "-", "\t", "year", "YEARS", "yrs", "yr")
_AGE_WORDS += ("y/o", "y.o.", "yo", "old", "Old", "male", "female", "woman", "a", "_", "\u017f")


@given(st.lists(st.sampled_from(_AGE_WORDS), max_size=9).map("".join))
def test_an_age_is_sought_before_a_y_as_a_search_finds_it(text: str) -> None:
    low = lower_ascii(text)
    for pattern, where in ((summary._AGE_SEX, low), (summary._AGE_ONLY, text)):
        found = pattern.search(where)
        tried = summary._before_a_y(pattern, where, low)
        assert (tried and (tried.span(), tried.groups())) == (
            found and (found.span(), found.groups())
        )
