"""The 2013 notice read in its wrapped and joined forms: each rule on variants written here.

The fixtures in ``tests/layouts/fdl-2013/`` hold whole letters; these tests vary one
thing at a time (where a sentence wraps, how a list is numbered, which words are glued,
where a heading runs onto prose, which labels share a line) on small synthetic letters.
"""

from __future__ import annotations

import datetime
import textwrap

import pytest

import imrparse
from imrparse import Outcome, Priority
from imrparse.grammar import split_fields
from imrparse.records import TokenKind
from imrparse.scanner import cut_joined_headings, scan, scan_text

COMPANY = "MAXIMUS Federal Services, Inc. has determined the request for"

OUTCOMES = (
    ("Tramadol ER 150mg #30", "is not medically necessary and appropriate", Outcome.UPHELD),
    (
        "physical therapy twice a week for six weeks",
        "is medically necessary and appropriate",
        Outcome.OVERTURNED,
    ),
)

REST = """
INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE
{dates}
The reviewer relied on the MTUS.

MEDICAL QUALIFICATIONS OF THE EXPERT REVIEWER:
The expert reviewer is Board Certified in Family Practice and is licensed to practice in
California.

CASE SUMMARY:
The patient is a 40 year old male who reported an injury on 01/02/2012.
"""

DATES = (
    "An application for Independent Medical Review was filed on 08/01/2013 disputing the "
    "Utilization Review Denial dated 07/22/2013. A Notice of Assignment and Request for "
    "Information was provided to the above parties on 08/06/2013."
)


def notice(items: str, fields: str = "", opening: str = "", dates: str = DATES) -> str:
    """A 2013 letter with the given outcome list, fields and decisions section's dates."""
    head = opening or "Notice of Independent Medical Review Determination"
    return f"{head}\nDated: 09/16/2013\n{fields}\n{items}\n" + REST.format(dates=dates)


def numbered(mark: str = ".", company: bool = True) -> list[str]:
    """The outcome sentences, numbered ``1.`` or ``1)``, one a string."""
    lead = f"{COMPANY} " if company else ""
    return [
        f"{n}{mark} {lead}{treatment} {words}."
        for n, (treatment, words, _) in enumerate(OUTCOMES, 1)
    ]


def read(text: str) -> imrparse.Letter:
    letter = imrparse.parse(text)
    assert letter.layout == "fdl-2013"
    return letter


def outcomes(letter: imrparse.Letter) -> list[tuple[str, Outcome]]:
    return [(d.treatment.text, d.outcome) for d in letter.determinations]


EXPECTED = [(treatment, outcome) for treatment, _, outcome in OUTCOMES]


@pytest.mark.parametrize("mark", [".", ")"])
@pytest.mark.parametrize("company", [True, False])
def test_numbered_sentences_in_either_numbering_give_every_outcome(
    mark: str, company: bool
) -> None:
    letter = read(notice("\n".join(numbered(mark, company))))
    assert outcomes(letter) == EXPECTED


@pytest.mark.parametrize("mark", [".", ")"])
def test_a_sentence_wrapped_at_any_word_gives_the_same_outcome(mark: str) -> None:
    first, second = numbered(mark)
    words = second.split(" ")
    for at in range(1, len(words)):
        wrapped = " ".join(words[:at]) + "\n" + " ".join(words[at:])
        letter = read(notice(f"{first}\n{wrapped}"))
        assert outcomes(letter) == EXPECTED, wrapped


def test_wrapped_sentences_with_blank_lines_between_their_lines() -> None:
    lines = textwrap.wrap(" ".join(numbered(")")), 50)
    letter = read(notice("\n\n".join(lines)))
    assert outcomes(letter) == EXPECTED


@pytest.mark.parametrize(
    ("words", "outcome"),
    [
        ("isnot medically necessary and appropriate", Outcome.UPHELD),
        ("is notmedically necessary and appropriate", Outcome.UPHELD),
        ("is not medicallynecessary", Outcome.UPHELD),
        ("ismedically necessary and appropriate", Outcome.OVERTURNED),
        ("is medically necessary and appropriate", Outcome.OVERTURNED),
        ("was not medically necessary", Outcome.UPHELD),
    ],
)
def test_glued_words_in_an_outcome_sentence(words: str, outcome: Outcome) -> None:
    letter = read(notice(f"1) {COMPANY} Lumbar MRI without contrast {words}."))
    assert outcomes(letter) == [("Lumbar MRI without contrast", outcome)]


def test_a_list_after_the_request_for_reads_each_item() -> None:
    items = "\n".join(numbered(")", company=False))
    letter = read(notice(f"MAXIMUS Federal Services has determined the request for:\n{items}"))
    assert outcomes(letter) == EXPECTED


@pytest.mark.parametrize(
    "opening",
    [
        "MAXIMUS FEDERAL SERVICES, INC. Notice of Independent Medical Review Determination",
        "MAXIMUS Federal Services, Inc.Notice of Independent Medical Review Determination",
        "MAXIMUS Federal Services    NOTICE OF INDEPENDENT MEDICAL REVIEW DETERMINATION",
    ],
)
def test_the_notice_title_after_the_company_name_opens_the_notice(opening: str) -> None:
    letter = read(notice("\n".join(numbered(")")), opening=opening))
    assert outcomes(letter) == EXPECTED
    codes = {d.code for d in letter.diagnostics}
    assert "missing-section" not in codes
    assert "no-determinations" not in codes


def test_a_heading_at_the_end_or_the_start_of_a_prose_line_opens_its_section() -> None:
    text = notice("\n".join(numbered(".")))
    text = text.replace(
        "The reviewer relied on the MTUS.\n\nMEDICAL QUALIFICATIONS",
        "The reviewer relied on the MTUS. MEDICAL QUALIFICATIONS",
    ).replace("INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE\n", "")
    text = text.replace(
        "\nAn application", "\nINDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE An application"
    )
    text = text.replace("California.\n\nCASE SUMMARY:\n", "California. CASE SUMMARY:\n")
    letter = read(text)
    assert outcomes(letter) == EXPECTED
    assert letter.reviewer.board_certifications == ("Family Practice",)
    assert letter.summary.age == 40
    assert letter.dates.date_assigned == datetime.date(2013, 8, 6)
    assert "missing-section" not in {d.code for d in letter.diagnostics}


@pytest.mark.parametrize(
    "line",
    [
        "the reviewer read the case summary",
        "as the notice says. The case summary states more",
        "It was noted. Case summary",
        "MTUS guidelines. Documents reviewed are listed",
    ],
)
def test_prose_that_only_names_a_heading_stays_prose(line: str) -> None:
    lines = cut_joined_headings(scan_text(line)).lines
    assert [token.kind for token in lines] == [TokenKind.TEXT]


def test_a_joined_heading_is_two_lines_of_one_number_at_their_columns() -> None:
    scanned = scan_text("x\nThe notes were read. CLINICAL CASE SUMMARY\n")
    assert len(scanned.lines) == 2  # (the scan itself does not look: the pipeline asks)
    cut = cut_joined_headings(scanned)
    lines = cut.lines
    assert cut.headings == [2]
    assert [(line.kind, line.number, line.column, line.content) for line in lines[1:]] == [
        (TokenKind.TEXT, 2, 1, "The notes were read."),
        (TokenKind.HEADING, 2, 22, "CLINICAL CASE SUMMARY"),
    ]


@pytest.mark.parametrize("gap", [" ", "  ", "   ", "\t"])
def test_two_labelled_fields_on_one_line_are_two_fields(gap: str) -> None:
    letter = read(
        notice(
            "\n".join(numbered(")")),
            fields=f"Priority: STANDARD{gap}Application Received: 08/01/2013",
        )
    )
    assert letter.priority is Priority.STANDARD
    assert letter.dates.application_received == datetime.date(2013, 8, 1)
    assert not [d for d in letter.diagnostics if d.code in ("invalid-value", "invalid-date")]


def test_three_fields_on_one_line_and_the_longer_label_first() -> None:
    lines = scan("IMR Case Number: CM13-0000004  Date of Injury: 03/04/2011 Priority: Expedited\n")
    rest, fields = split_fields(lines, doubled=False)
    assert rest == []
    values = {
        name: (label.column, "".join(texts).strip()) for name, (label, texts) in fields.items()
    }
    assert values == {
        "case-number": (1, "CM13-0000004"),
        "date-of-injury": (32, "03/04/2011"),
        "priority": (59, "Expedited"),
    }


@pytest.mark.parametrize(
    "value",
    ["STANDARD  Note: see below", "Standard (see: the notice)", "standard  date of injury: none"],
)
def test_a_colon_in_a_value_that_is_no_declared_label_stays_in_the_value(value: str) -> None:
    _, fields = split_fields(scan(f"Priority: {value}\n"), doubled=False)
    assert list(fields) == ["priority"]
    assert "".join(fields["priority"][1]).strip() == value


@pytest.mark.parametrize(
    "dates",
    [
        DATES,
        # wrapped anywhere
        DATES.replace(" disputing", "\ndisputing").replace("Notice of ", "Notice of\n"),
        DATES.replace(" on 08/06/2013", " on\n\n08/06/2013"),
        # other verbs and forms of the same events
        "The application for IMR was received on 8/1/13, disputing the Utilization Review "
        "decision dated 7/22/13. The Notice of Assignment was sent to the parties on 8/6/13.",
        "An application for Independent Medical Review was filed on August 1, 2013 disputing "
        "the Utilization Review Denial dated July 22, 2013. A Notice of Assignment and Request "
        "for Information was provided to the above parties on August 6, 2013.",
    ],
)
def test_the_decisions_sections_prose_dates(dates: str) -> None:
    letter = read(notice("\n".join(numbered(")")), dates=dates))
    assert letter.dates.application_received == datetime.date(2013, 8, 1)
    assert letter.dates.ur_denial_date == datetime.date(2013, 7, 22)
    assert letter.dates.date_assigned == datetime.date(2013, 8, 6)
    assert letter.dates.decision_date == datetime.date(2013, 9, 16)
    # the sentences read are no longer unclaimed; the rest of the section is
    assert not any("application" in text.lower() for text in letter.unclaimed)
    assert any("relied on the MTUS" in text for text in letter.unclaimed)


def test_a_prose_date_that_differs_from_the_notices_field_is_a_conflict() -> None:
    letter = read(
        notice(
            "\n".join(numbered(")")),
            fields="Application Received: 08/02/2013",
        )
    )
    assert letter.dates.application_received == datetime.date(2013, 8, 2)  # (stated first)
    conflicts = [d for d in letter.diagnostics if d.code == "conflicting-values"]
    assert len(conflicts) == 1
    assert "08/01/2013" in conflicts[0].message


def test_a_decisions_section_without_the_dates_states_none() -> None:
    letter = read(notice("\n".join(numbered(")")), dates="The reviewer read the records."))
    assert letter.dates.application_received is None
    assert letter.dates.date_assigned is None
    assert any("read the records" in text for text in letter.unclaimed)
