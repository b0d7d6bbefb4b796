"""The header table of the 2016-2017 letters, in every form text extractors print it.

The synthetic tables below are made up (numbers included); the last tests read the real
letters in ``../shared/realworld`` when that folder is there, and skip otherwise.
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest

from imrparse.extractors.header import HeaderValue, fits_shape, read_header_table

HEADING = "HOW THE IMR FINAL DETERMINATION WAS MADE"
LABELS = {
    "CASE NUMBER": "case-number",
    "DATE ASSIGNED": "date-assigned",
    "DATE OF INJURY": "date-of-injury",
    "DECISION DATE": "decision-date",
    "UR DENIAL DATE": "ur-denial-date",
    "PRIORITY": "priority",
    "APPLICATION RECEIVED": "application-received",
}
SHAPES = {
    "case-number": "case-number",
    "date-assigned": "date",
    "date-of-injury": "date",
    "decision-date": "date",
    "ur-denial-date": "date",
    "priority": "word",
    "application-received": "date",
}
EXPECTED = {
    "case-number": "XY17-0004321",
    "date-assigned": "02/14/2017",
    "date-of-injury": "05/06/2015",
    "decision-date": "03/20/2017",
    "ur-denial-date": "01/09/2017",
    "priority": "Expedited",
    "application-received": "02/01/2017",
}
REALWORLD = Path(__file__).resolve().parents[1].parent / "shared" / "realworld"
EXTRACTORS = ["pypdf", "pdfminer", "pdftotext", "pdftotext-layout", "pdfium"]


def header_lines(text: str) -> list[tuple[int, int, str]]:
    """The non-empty lines before the first heading: (number, column, stripped content)."""
    lines: list[tuple[int, int, str]] = []
    for number, raw in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        content = raw.replace("\f", "")
        stripped = content.strip()
        if stripped == HEADING:
            break
        if stripped:
            lines.append((number, len(content) - len(content.lstrip()) + 1, stripped))
    return lines


def read(text: str) -> tuple[dict[str, HeaderValue], list[int], list[tuple[int, int, str]]]:
    lines = header_lines(text)
    fields, consumed = read_header_table(lines, LABELS, SHAPES)
    return fields, consumed, lines


def values(fields: dict[str, HeaderValue]) -> dict[str, str]:
    return {name: found.value for name, found in fields.items()}


# --------------------------------------------------------------------------- the five forms

PAIRS_ON_A_LINE = """\

Case Number: XY17-0004321
Date Assigned: 02/14/2017 Date of Injury:  05/06/2015
Decision Date: 03/20/2017 UR Denial Date:  01/09/2017
Priority:  Expedited Application
Received:
02/01/2017

HOW THE IMR FINAL DETERMINATION WAS MADE
The reviewer read the file.
"""

LABEL_BLOCK_THEN_VALUE_BLOCK = """\
Case Number:
Date Assigned:
Decision Date:
Priority:

XY17-0004321
02/14/2017
03/20/2017
Expedited

Date of Injury:
UR Denial Date:
Application
Received:

05/06/2015
01/09/2017
02/01/2017

HOW THE IMR FINAL DETERMINATION WAS MADE
"""

# The second column's value between the halves of the split label.
BLOCKS_VALUE_BETWEEN_HALVES = """\
Case Number:
Date Assigned:
Decision Date:
Priority:

XY17-0004321
02/14/2017
03/20/2017
Expedited

Date of Injury:
05/06/2015
UR Denial Date:   01/09/2017
Application
02/01/2017
Received:

HOW THE IMR FINAL DETERMINATION WAS MADE
"""

# Values printed just before their labels in the second column.
BLOCKS_VALUE_BEFORE_LABEL = """\
Case Number:
Date Assigned:
Decision Date:
Priority:

XY17-0004321
02/14/2017
03/20/2017
Expedited
05/06/2015
Date of Injury:
UR Denial Date:   01/09/2017
02/01/2017
Application
Received:

HOW THE IMR FINAL DETERMINATION WAS MADE
"""

COLUMNS_WITH_SPACES = """\
Case Number:          XY17-0004321
Date Assigned:        02/14/2017                      Date of Injury:      05/06/2015
Decision Date:        03/20/2017                      UR Denial Date:      01/09/2017
Priority:             Expedited                       Application          02/01/2017
                                                      Received:

                 HOW THE IMR FINAL DETERMINATION WAS MADE
"""

CRLF_AND_FORM_FEED = (
    "\fCase Number: XY17-0004321\r\n"
    "Date Assigned: 02/14/2017 Date of Injury: 05/06/2015\r\n"
    "Decision Date: 03/20/2017 UR Denial Date: 01/09/2017\r\n"
    "Priority: Expedited Application \r\n"
    "Received: \r\n"
    "02/01/2017\r\n"
    "HOW THE IMR FINAL DETERMINATION WAS MADE\r\n"
    "The reviewer read the file. \r\n"
)

FORMS = {
    "pairs on a line": PAIRS_ON_A_LINE,
    "label block then value block": LABEL_BLOCK_THEN_VALUE_BLOCK,
    "value between the halves": BLOCKS_VALUE_BETWEEN_HALVES,
    "value before its label": BLOCKS_VALUE_BEFORE_LABEL,
    "columns with spaces": COLUMNS_WITH_SPACES,
    "crlf and form feed": CRLF_AND_FORM_FEED,
    "crlf and form feed, lf only": CRLF_AND_FORM_FEED.replace("\r\n", "\n"),
    "pairs on a line, crlf": PAIRS_ON_A_LINE.replace("\n", "\r\n"),
    "label blocks, cr only": LABEL_BLOCK_THEN_VALUE_BLOCK.replace("\n", "\r"),
}


@pytest.mark.parametrize("form", sorted(FORMS))
def test_every_form_reads_every_field_and_every_line(form: str) -> None:
    fields, consumed, lines = read(FORMS[form])
    assert values(fields) == EXPECTED
    assert consumed == list(range(len(lines)))


def test_pairs_on_a_line_positions() -> None:
    fields, _, _ = read(PAIRS_ON_A_LINE)
    assert fields["case-number"] == HeaderValue("XY17-0004321", 2, 14)
    assert fields["date-of-injury"] == HeaderValue("05/06/2015", 3, 44)
    assert fields["priority"] == HeaderValue("Expedited", 5, 12)
    assert fields["application-received"] == HeaderValue("02/01/2017", 7, 1)


def test_columns_with_spaces_positions() -> None:
    fields, _, _ = read(COLUMNS_WITH_SPACES)
    assert fields["case-number"] == HeaderValue("XY17-0004321", 1, 23)
    assert fields["date-of-injury"] == HeaderValue("05/06/2015", 2, 76)
    assert fields["ur-denial-date"] == HeaderValue("01/09/2017", 3, 76)
    assert fields["application-received"] == HeaderValue("02/01/2017", 4, 76)


def test_blocks_positions() -> None:
    fields, _, _ = read(BLOCKS_VALUE_BEFORE_LABEL)
    assert fields["priority"] == HeaderValue("Expedited", 9, 1)
    assert fields["date-of-injury"] == HeaderValue("05/06/2015", 10, 1)
    assert fields["ur-denial-date"] == HeaderValue("01/09/2017", 12, 19)
    assert fields["application-received"] == HeaderValue("02/01/2017", 13, 1)


def test_form_feed_glued_to_the_first_line() -> None:
    fields, _, lines = read(CRLF_AND_FORM_FEED)
    assert lines[0] == (1, 1, "Case Number: XY17-0004321")
    assert fields["case-number"] == HeaderValue("XY17-0004321", 1, 14)
    assert fields["application-received"] == HeaderValue("02/01/2017", 6, 1)


def test_a_form_feed_left_in_the_content_is_blank() -> None:
    lines = [(1, 1, "Case Number:\fXY17-0004321"), (2, 1, "Priority:\f Standard")]
    fields, consumed = read_header_table(lines, LABELS, SHAPES)
    assert values(fields) == {"case-number": "XY17-0004321", "priority": "Standard"}
    assert consumed == [0, 1]


# --------------------------------------------------------------------------- missing and wrong


def test_missing_value_in_a_block_leaves_only_that_field_out() -> None:
    text = LABEL_BLOCK_THEN_VALUE_BLOCK.replace("Expedited\n", "")
    fields, consumed, lines = read(text)
    expected = dict(EXPECTED)
    del expected["priority"]
    assert values(fields) == expected
    # The label was read; the caller reports the missing value.
    assert consumed == list(range(len(lines)))


def test_missing_value_on_a_line_leaves_the_label_unpaired() -> None:
    text = PAIRS_ON_A_LINE.replace("Priority:  Expedited Application", "Priority:  Application")
    fields, _, _ = read(text)
    expected = dict(EXPECTED)
    del expected["priority"]
    assert values(fields) == expected


def test_missing_date_does_not_take_the_next_date() -> None:
    text = PAIRS_ON_A_LINE.replace("Date Assigned: 02/14/2017 ", "Date Assigned: ")
    fields, _, _ = read(text)
    assert "date-assigned" not in fields
    assert fields["date-of-injury"].value == "05/06/2015"


def test_value_of_the_wrong_shape_on_the_label_line() -> None:
    text = PAIRS_ON_A_LINE.replace("Priority:  Expedited", "Priority:  07/07/2017")
    fields, consumed, lines = read(text)
    assert "priority" not in fields
    assert fields["application-received"].value == "02/01/2017"
    unread = [lines[i][2] for i in range(len(lines)) if i not in consumed]
    assert unread == ["Priority:  07/07/2017 Application"]


def test_value_of_the_wrong_shape_in_a_block() -> None:
    text = LABEL_BLOCK_THEN_VALUE_BLOCK.replace("XY17-0004321\n", "pending\n")
    fields, consumed, lines = read(text)
    expected = dict(EXPECTED)
    del expected["case-number"]
    assert values(fields) == expected
    assert [lines[i][2] for i in range(len(lines)) if i not in consumed] == ["pending"]


def test_a_date_is_never_a_case_number_nor_a_priority() -> None:
    lines = [(1, 1, "Case Number:"), (2, 1, "Priority:"), (3, 1, "09/09/2016"), (4, 1, "12")]
    fields, consumed = read_header_table(lines, LABELS, SHAPES)
    assert fields == {}
    assert consumed == [0, 1]


def test_unrelated_lines_are_left_alone() -> None:
    text = (
        "Independent Medical Review\n"
        "Final Determination Letter for IMR Case Number XY17-0009999\n"
        + LABEL_BLOCK_THEN_VALUE_BLOCK.replace(
            "Date of Injury:\n", "Page 2 of 5\nDate of Injury:\n"
        ).replace("05/06/2015\n", "05/06/2015\nSome words of a running footer\n")
    )
    fields, consumed, lines = read(text)
    assert values(fields) == EXPECTED
    unread = [lines[i][2] for i in range(len(lines)) if i not in consumed]
    assert unread == [
        "Independent Medical Review",
        "Final Determination Letter for IMR Case Number XY17-0009999",
        "Page 2 of 5",
        "Some words of a running footer",
    ]


def test_a_date_on_a_cover_page_is_not_taken() -> None:
    text = "Dated:\n01/31/2017\n" + LABEL_BLOCK_THEN_VALUE_BLOCK
    fields, consumed, lines = read(text)
    assert values(fields) == EXPECTED
    assert [lines[i][2] for i in range(len(lines)) if i not in consumed] == [
        "Dated:",
        "01/31/2017",
    ]


def test_a_date_above_the_table_never_fills_a_missing_value() -> None:
    text = "Notice\n01/31/2017\n" + PAIRS_ON_A_LINE.replace(
        "Date Assigned: 02/14/2017 ", "Date Assigned: "
    )
    fields, consumed, lines = read(text)
    expected = dict(EXPECTED)
    del expected["date-assigned"]
    assert values(fields) == expected
    assert [lines[i][2] for i in range(len(lines)) if i not in consumed] == ["Notice", "01/31/2017"]


def test_two_split_labels_in_two_columns() -> None:
    text = (
        "Case Number:   XY17-0004321\n"
        "Date                     Application    02/01/2017\n"
        "Assigned: 02/14/2017     Received:\n"
    )
    fields, consumed, _ = read(text)
    assert fields == {
        "case-number": HeaderValue("XY17-0004321", 1, 16),
        "application-received": HeaderValue("02/01/2017", 2, 41),
        "date-assigned": HeaderValue("02/14/2017", 3, 11),
    }
    assert consumed == [0, 1, 2]


def test_value_at_the_start_of_the_next_line() -> None:
    lines = [(1, 1, "Date Assigned:"), (2, 1, "02/14/2017 Date of Injury: 05/06/2015")]
    fields, consumed = read_header_table(lines, LABELS, SHAPES)
    assert values(fields) == {"date-assigned": "02/14/2017", "date-of-injury": "05/06/2015"}
    assert consumed == [0, 1]


def test_a_repeated_label_keeps_the_first_value() -> None:
    text = PAIRS_ON_A_LINE.replace("02/01/2017\n", "02/01/2017\nCase Number: XY17-0000001\n")
    fields, consumed, lines = read(text)
    assert fields["case-number"].value == "XY17-0004321"
    assert [lines[i][2] for i in range(len(lines)) if i not in consumed] == [
        "Case Number: XY17-0000001"
    ]


# --------------------------------------------------------------------------- any label table


def test_three_word_label_split_after_its_second_word() -> None:
    lines = [(1, 1, "Priority: Standard UR Denial"), (2, 5, "Date: 4/5/2016")]
    fields, consumed = read_header_table(lines, LABELS, SHAPES)
    assert fields == {
        "priority": HeaderValue("Standard", 1, 11),
        "ur-denial-date": HeaderValue("4/5/2016", 2, 11),
    }
    assert consumed == [0, 1]


def test_three_word_label_split_after_its_first_word_with_lines_between() -> None:
    lines = [(1, 1, "UR"), (2, 1, "some page header"), (3, 1, "Denial Date:"), (4, 1, "4/5/16")]
    fields, consumed = read_header_table(lines, LABELS, SHAPES)
    assert fields == {"ur-denial-date": HeaderValue("4/5/16", 4, 1)}
    assert consumed == [0, 2, 3]


def test_labels_any_case_any_spacing_colon_apart_or_glued() -> None:
    lines = [
        (1, 1, "CASE   number :   xy16-0000007"),
        (2, 1, "date assigned:12/01/2016"),
        (3, 1, "PRIORITY:\tstandard"),
    ]
    table = {"Case  Number:": "case", "date Assigned": "assigned", "priority": "priority"}
    shapes = {"case": "case-number", "assigned": "date", "priority": "word"}
    fields, consumed = read_header_table(lines, table, shapes)
    assert values(fields) == {
        "case": "xy16-0000007",
        "assigned": "12/01/2016",
        "priority": "standard",
    }
    assert fields["assigned"] == HeaderValue("12/01/2016", 2, 15)
    assert consumed == [0, 1, 2]


def test_a_made_up_table_without_shapes() -> None:
    lines = [
        (1, 1, "Claim"),
        (2, 1, "Reference:"),
        (3, 1, "Office Code:"),
        (4, 1, "AB/77"),
        (5, 1, "North-3"),
        (6, 1, "Region of Work: West  Office Code: ignored"),
    ]
    table = {"CLAIM REFERENCE": "claim", "OFFICE CODE": "office", "REGION OF WORK": "region"}
    fields, consumed = read_header_table(lines, table)
    assert values(fields) == {"claim": "AB/77", "office": "North-3", "region": "West"}
    assert consumed == [0, 1, 2, 3, 4]


def test_unknown_shape_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown shape"):
        read_header_table([(1, 1, "Priority: Standard")], LABELS, {"priority": "colour"})


def test_nothing_to_read() -> None:
    assert read_header_table([], LABELS, SHAPES) == ({}, [])
    lines = [(1, 1, "Dear reader,"), (2, 1, "MAXIMUS Federal Services")]
    assert read_header_table(lines, LABELS, SHAPES) == ({}, [])


@pytest.mark.parametrize(
    ("text", "shape", "fits"),
    [
        ("11/30/2016", "date", True),
        ("1/2/16", "date", True),
        ("01-02-2016", "date", True),
        ("2016-01-02", "date", False),  # (year first: no letter writes it, no reader reads it)
        ("1/2-2016", "date", False),
        ("05/2012", "date", False),
        ("11/30/201", "date", False),
        ("XY17-0004321", "case-number", True),
        ("X17-1", "case-number", True),
        ("17-0004321", "case-number", False),
        ("XY1-0004321", "case-number", False),
        ("XY17-", "case-number", False),
        ("XY17-00a4", "case-number", False),
        ("Standard", "word", True),
        ("Standard,", "word", False),
        ("12", "word", False),
        ("anything/at-all", "token", True),
        ("Label:", "token", False),
    ],
)
def test_shapes(text: str, shape: str, fits: bool) -> None:
    assert fits_shape(text, shape) is fits


def test_a_table_repeated_thousands_of_times() -> None:
    # (its time, linear in the lines, is measured by benchmarks/bench_linearity.py)
    block = LABEL_BLOCK_THEN_VALUE_BLOCK.split(HEADING)[0]
    lines = header_lines(block * 4000)
    fields, consumed = read_header_table(lines, LABELS, SHAPES)
    assert values(fields) == EXPECTED
    assert len(lines) == 4000 * 15
    # Each block's eight label lines, and the first block's seven values (later values
    # repeat fields already found, so their lines are left to the caller).
    assert len(consumed) == 4000 * 8 + 7


# --------------------------------------------------------------------------- the real letters


def iso(text: str) -> str:
    month, day, year = (int(part) for part in re.split(r"[/.-]", text))
    return datetime.date(year if year > 99 else 2000 + year, month, day).isoformat()


@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_real_letters(extractor: str) -> None:
    folder = REALWORLD / "text" / extractor
    if not folder.is_dir():
        pytest.skip(f"{folder} is not there")
    golds = sorted((REALWORLD / "gold").glob("*.json"))
    assert len(golds) == 69
    wrong: list[str] = []
    for gold_path in golds:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (folder / f"{gold_path.stem}.txt").read_text(encoding="utf-8")
        assert HEADING in text
        fields, consumed, lines = read(text)
        expected = {"case-number": gold["case_number"]}
        got = {"case-number": fields["case-number"].value if "case-number" in fields else None}
        for key, value in gold["header"].items():
            name = key.replace("_", "-")
            found = fields.get(name)
            expected[name] = value.casefold() if name == "priority" else value
            if found is None:
                got[name] = None
            elif name == "priority":
                got[name] = found.value.casefold()
            else:
                got[name] = iso(found.value)
        assert len(expected) == 7
        if got != expected:
            wrong.append(f"{gold_path.stem}: {got} != {expected}")
        if consumed != list(range(len(lines))):
            wrong.append(f"{gold_path.stem}: lines not read: {consumed}")
    assert wrong == []


def _tokens(content: str, table: object) -> list[tuple[str, int, bool, str, bool, int]]:
    from imrparse.extractors.header_labels import tokenize

    return [
        (t.text, t.offset, t.wide, t.stem, t.word, t.colon)
        for t in tokenize(content, table)  # type: ignore[arg-type]
    ]


@pytest.mark.parametrize(
    "content",
    [
        "Case Number:  CM16-1  Date Assigned: 1/2/2016",
        "CASE NUMBER: CM16-1 Number:CM16-2",
        "Aßigned: 1/2/2016 Caſe Nurnber: x",
        "Date::::  " + "Date" + ":" * 60,
        "ID: 7  İD: 8  Kelvin: 9",
    ],
)
def test_a_token_read_from_the_remembered_stems_is_the_token_read_afresh(content: str) -> None:
    # The tokenizer remembers, per label table, the stems of the texts that spell a label's
    # word: reading a line again from that memory gives the same tokens as a fresh table,
    # under another table too, and after the memory was cleared for being full.
    from imrparse.extractors import header_labels
    from imrparse.extractors.header_labels import Labels

    labels = {"Case Number": "cn", "Date Assigned": "da", "ID": "id"}
    other = {"Date": "d", "Kelvin": "k", "Case Number": "cn"}
    fresh = _tokens(content, Labels(labels))
    remembering = Labels(labels)
    assert _tokens(content, remembering) == fresh
    assert remembering.spelled  # (some text of each line spells a word of a label)
    assert all(len(text) <= header_labels._SPELLED_LENGTH for text in remembering.spelled)
    assert _tokens(content, remembering) == fresh
    assert _tokens(content, Labels(other)) == _tokens(content, Labels(other))
    # Full (texts that all spell "case": its cases times its colons), it forgets them all.
    cases = [
        "".join(c.upper() if bit >> i & 1 else c for i, c in enumerate("case")) for bit in range(16)
    ]
    for colons in range(1, 30):
        _tokens(" ".join(case + ":" * colons for case in cases), remembering)
    assert 0 < len(remembering.spelled) <= header_labels._SPELLED
    assert _tokens(content, remembering) == fresh
