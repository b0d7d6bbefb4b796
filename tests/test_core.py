"""The core: tokenizer, grammar, cleaning, dates, parse, records and converter."""

from __future__ import annotations

import datetime
import json
import pickle
import re

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import imrparse
from imrparse import Outcome, ParseError, Severity, TokenKind
from imrparse.cleaning import (
    clean_lines,
    find_mojibake,
    join_lines,
    normalize_space,
    repair_characters,
    strip_artifacts,
)
from imrparse.extractors.dates import parse_date, parse_loose, resolve_year

# Text that exercises every line ending and the separators str.splitlines() knows.
LINEISH = st.lists(
    st.sampled_from(
        [
            *"ab :#\t\u00a0",
            "\n",
            "\r",
            "\r\n",
            "\f",
            "\v",
            "\x85",
            "\u2028",
            "\x1c",
            "Upheld",
            "CLINICAL CASE SUMMARY",
            "Decision rationale:",
            "Soma #60",
        ]
    ),
    max_size=40,
).map("".join)


# --- tokenizer ---------------------------------------------------------------------------


@given(LINEISH)
def test_token_lines_count_only_real_line_ends(text: str) -> None:
    for token in imrparse.tokenize(text):
        before = text[: token.start]
        expected = before.count("\n") + before.count("\r") - before.count("\r\n") + 1
        assert token.line == expected
        body = token.text.rstrip("\r\n")
        assert "\n" not in body and "\r" not in body


def test_token_kinds() -> None:
    text = (
        " HOW THE IMR FINAL DETERMINATION WAS MADE \n"
        "\n"
        "State(s) of Licensure: Texas\n"
        " \n"
        "\f\n"
        "Norco 10/325mg #360:  Upheld \n"
        "MAXIMUS guideline: Decision based on MTUS\n"
        "Final Determination Letter for IMR Case Number CM15-0000000\n"
        "Page 2 of 5\n"
        "plain prose"
    )
    kinds = [t.kind for t in imrparse.tokenize(text)]
    assert kinds == [
        TokenKind.HEADING,
        TokenKind.BLANK,
        TokenKind.FIELD,
        TokenKind.BREAK,
        TokenKind.PAGE_BREAK,
        TokenKind.DETERMINATION,
        TokenKind.PART,
        TokenKind.ARTIFACT,
        TokenKind.ARTIFACT,
        TokenKind.TEXT,
    ]


def test_token_kind_values_are_stable() -> None:
    assert [k.value for k in TokenKind] == [
        "heading",
        "field",
        "determination",
        "part",
        "text",
        "blank",
        "break",
        "page-break",
        "artifact",
    ]


def test_tokenize_rejects_non_str() -> None:
    with pytest.raises(TypeError):
        list(imrparse.tokenize(b"bytes"))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("CLINICAL CASE SUMMARY", TokenKind.HEADING),
        ("clinical   case summary", TokenKind.HEADING),
        ("IMR DECISION(S) AND RATIONALE(S)", TokenKind.HEADING),
        ("Case Summary:", TokenKind.HEADING),
        ("TRIGGER POINT INJECTION ON LEFT SIDE OF LOWER BACK: Upheld", TokenKind.DETERMINATION),
        ("Physical therapy: 12 sessions : OVERTURNED", TokenKind.DETERMINATION),
        ("Decision rationale : The request", TokenKind.PART),
        ("CLAIMS ADMINISTRATOR GUIDELINE: none", TokenKind.PART),
        ("Certification(s)/Specialty: Family Practice", TokenKind.FIELD),
        ("The decision was: the request is upheld by the guideline", TokenKind.TEXT),
        ("CLINICAL CASE SUMMARY of the patient", TokenKind.TEXT),
    ],
)
def test_classify(line: str, kind: TokenKind) -> None:
    (token,) = imrparse.tokenize(line)
    assert token.kind is kind


# --- cleaning ----------------------------------------------------------------------------


def test_join_lines_rejoins_hyphen_wraps_only() -> None:
    assert join_lines(["at L5-", "S1 level"]) == "at L5-S1 level"
    assert join_lines(["Non- ", " MTUS Citation"]) == "Non-MTUS Citation"
    assert join_lines(["pain -", "worse"]) == "pain - worse"
    assert join_lines(["a", "", "  ", "b"]) == "a b"


def _join_lines_listing_every_piece(lines: list[str]) -> str:
    """join_lines as it was before it joined the lines themselves where it could: every
    piece copied into a list of its own (the reference the test below holds it to)."""
    pieces: list[str] = []
    glue = False
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if glue:
            pieces[-1] += line
        else:
            pieces.append(line)
        glue = line[-1] == "-" and len(line) > 1 and not (line[-2].isspace() or line[-2] == "-")
    return " ".join(pieces)


# Lines as values bring them: mostly stripped, some empty, padded, hyphen-wrapped or
# beyond ASCII at an end.
JOINED_LINE = st.lists(
    st.sampled_from(["pain", "L5-", "Non-", "-", " - ", "a", " ", "", "\t", "\u00a0", "é", "x y"]),
    max_size=6,
).map("".join)


@given(st.lists(JOINED_LINE | st.text(max_size=8), max_size=8))
@example(["a", "b-", "c"])
@example(["a", "", "b"])
@example(["a ", "b"])
@example(["b-", "", "c"])
def test_join_lines_is_the_join_of_every_piece(lines: list[str]) -> None:
    assert join_lines(lines) == _join_lines_listing_every_piece(lines)
    assert join_lines(iter(lines)) == _join_lines_listing_every_piece(lines)


@given(
    st.text(
        alphabet=st.sampled_from([*"ab .é", "\u2019", "\u00a0", "\u3000", "\x85", *"\t\n\x0b\x1f"])
    )
)
def test_normalize_space_folds_what_split_does(text: str) -> None:
    # (text beyond ASCII written with blanks alone has them folded in place: the same)
    assert normalize_space(text) == " ".join(text.split())


def test_no_white_space_past_u3000() -> None:
    # (normalize_space looks for white space beyond ASCII up to U+3000 only)
    assert not any(chr(code).isspace() for code in range(0x3001, 0x110000))


def test_the_white_space_beyond_ascii_is_listed_whole() -> None:
    listed = set(imrparse.cleaning._OTHER_SPACE)
    assert listed == {chr(code) for code in range(0x80, 0x110000) if chr(code).isspace()}


def test_strip_artifacts() -> None:
    assert strip_artifacts("Page 3 of 5") == ("", 1)
    assert strip_artifacts("shown on page 3 of 5 pages") == ("shown on page 3 of 5 pages", 0)
    line, count = strip_artifacts(
        "the Final Determination Letter for IMR Case Number CM15-0123456 records show"
    )
    assert (normalize_space(line), count) == ("the records show", 1)
    line, count = strip_artifacts("x Final Determination Letter for IMR Case Number XXXXXXXXX y")
    assert (normalize_space(line), count) == ("x y", 1)


def test_repair_characters() -> None:
    assert repair_characters("FlexerilÂ® 10mg") == ("Flexeril® 10mg", True)
    assert repair_characters("Norcoâ\u00bf\u00a2") == ("Norco\u2122", True)
    # Runs that re-decode cleanly take the fast path; "ï" alone is left as written.
    assert repair_characters("cafÃ© â€œquotedâ€\x9d naïve") == ('café "quoted" naïve', True)
    assert repair_characters("caf\u00e9 \u2018ok\u2019") == ("caf\u00e9 'ok'", False)
    assert repair_characters("\u201cquoted\u201d \u2018x\u2019")[0] == "\"quoted\" 'x'"
    assert repair_characters("plain ascii") == ("plain ascii", False)
    assert find_mojibake("plain") == -1


def test_clean_lines_normalises_space() -> None:
    assert clean_lines(["a\u00a0\u00a0b\t c", "  d  "]) == "a b c d"


# --- dates -------------------------------------------------------------------------------


def test_dates() -> None:
    assert parse_date("on 12/11/2001.") == datetime.date(2001, 12, 11)
    assert parse_date("on 3-1-08") == datetime.date(2008, 3, 1)
    assert parse_date("June 8, 2000") == datetime.date(2000, 6, 8)
    assert parse_date("since 05/2012") is None
    assert resolve_year("39") == 2039 and resolve_year("40") == 1940


def test_loose_dates_never_fill_from_today() -> None:
    assert parse_loose("the 8th of June 2000") == datetime.date(2000, 6, 8)
    assert parse_loose("in June 2000") is None
    assert parse_loose("on the 8th of June") is None


def test_invalid_date_is_reported() -> None:
    letter = imrparse.parse(
        "CLINICAL CASE SUMMARY\nThe injured worker is a 40 year old male injured on 13/45/2001.\n"
    )
    assert letter.summary.date_of_injury is None
    assert "invalid-date" in {d.code for d in letter.diagnostics}


# --- grammar and parse -------------------------------------------------------------------


def minimal(decisions: str) -> str:
    return (
        "HOW THE IMR FINAL DETERMINATION WAS MADE\n"
        "The expert reviewer is Board Certified in Anesthesiology and is licensed to practice in "
        "California.\n\n"
        "CLINICAL CASE SUMMARY\n"
        "The patient is a 40 year old female injured on 1/2/2010.\n\n"
        "IMR ISSUES, DECISIONS AND RATIONALES\n" + decisions
    )


def test_wrapped_treatment_header() -> None:
    letter = imrparse.parse(
        minimal(
            "The Final Determination was based on decisions for the disputed items/services set "
            "forth below:\n\n"
            "Cervical epidural steroid injection at C5-\n6 under fluoroscopy: Upheld\n"
            "Claims Administrator guideline: none.\nMAXIMUS guideline: none.\n"
            "Decision rationale: Not indicated.\n"
        )
    )
    (d,) = letter.determinations
    assert d.treatment.text == "Cervical epidural steroid injection at C5-6 under fluoroscopy"
    assert d.rationale == "Not indicated."
    assert letter.unclaimed == ()


def test_parts_missing_duplicate_out_of_order() -> None:
    letter = imrparse.parse(
        minimal(
            "Soma #60: Upheld\n"
            "Decision rationale: first.\n"
            "MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines.\n"
            "Decision rationale: second.\n"
        )
    )
    codes = [d.code for d in letter.diagnostics]
    assert "missing-part" in codes and "duplicate-part" in codes and "part-out-of-order" in codes
    (d,) = letter.determinations
    assert d.rationale == "first. second."
    assert d.claims_administrator_basis == imrparse.GuidelineBasis()


def test_unclaimed_text_is_kept_and_reported() -> None:
    letter = imrparse.parse(
        "Some cover page words\n"
        + minimal("Soma #60: Overturned\nstray words\nDecision rationale: ok.\n")
    )
    assert letter.unclaimed == ("Some cover page words", "stray words")
    found = [
        (d.code, d.line)
        for d in letter.diagnostics
        if d.code in ("unclaimed-text", "not-extracted")
    ]
    assert found == [("not-extracted", 1), ("unclaimed-text", 10)]


def test_cover_page_fields() -> None:
    cover = (
        "Final Determination Letter\n\nIMR Case Number: CM15-0123456\nDate of Injury: 04/15/2011\n"
        "Dear Claimant:\n\n"
    )
    letter = imrparse.parse(
        cover
        + minimal("Soma #60: Upheld\nDecision rationale: ok.\n").replace(" injured on 1/2/2010", "")
    )
    assert letter.case_number == "CM15-0123456"
    assert letter.dates.date_of_injury == datetime.date(2011, 4, 15)
    assert letter.summary.date_of_injury is None  # (the prose states none)
    assert letter.unclaimed[0] == "Final Determination Letter Dear Claimant:"
    assert "unclaimed-text" not in {d.code for d in letter.diagnostics}


def test_duplicate_and_out_of_order_sections() -> None:
    text = minimal("Soma #60: Upheld\nDecision rationale: ok.\n") + "CLINICAL CASE SUMMARY\nmore.\n"
    letter = imrparse.parse(text)
    assert "duplicate-section" in {d.code for d in letter.diagnostics}
    assert letter.summary.text.endswith("more.")
    swapped = imrparse.parse(
        "CLINICAL CASE SUMMARY\nThe patient is a 30 year old male.\n"
        "HOW THE IMR FINAL DETERMINATION WAS MADE\nThe expert reviewer.\n"
    )
    assert "section-out-of-order" in {d.code for d in swapped.diagnostics}
    assert swapped.summary.age == 30


def test_missing_decisions_is_an_error() -> None:
    letter = imrparse.parse("CLINICAL CASE SUMMARY\nThe patient is a 30 year old male.\n")
    assert not letter.ok
    assert {"missing-section", "no-determinations"} <= {d.code for d in letter.diagnostics}
    with pytest.raises(ParseError) as info:
        imrparse.parse("CLINICAL CASE SUMMARY\nThe patient is a 30 year old male.\n", strict=True)
    assert info.value.code == "missing-section"


def test_control_characters_are_reported_with_position() -> None:
    letter = imrparse.parse("ab\ncd\x00ef\n")
    (control,) = [d for d in letter.diagnostics if d.code == "control-characters"]
    assert (control.line, control.column) == (2, 3)


def test_empty_input() -> None:
    for text in ("", "   \n\n \f\n"):
        letter = imrparse.parse(text)
        assert [d.code for d in letter.diagnostics] == ["empty-input"]
        assert letter.layout == "unknown"


def test_parse_rejects_non_str() -> None:
    with pytest.raises(TypeError):
        imrparse.parse(None)  # type: ignore[arg-type]


_LINE_END = re.compile(r"\r\n|\r|\n")


@given(st.text() | LINEISH)
@example("IMR ISSUES, DECISIONS AND RATIONALES\n: Upheld\nx: Upheld\n")
@example("HOW THE IMR FINAL DETERMINATION WAS MADE\nCertification(s)/Specialty:\n")
@example("ab\r\ncd\x00ef\rCLINICAL CASE SUMMARY\n\x1b")
def test_diagnostics_point_into_the_input(text: str) -> None:
    """Every diagnostic names a line of the input and a column on it (or just past its
    end), counting lines as the scanner does; and no input breaks the parser."""
    letter = imrparse.parse(text)
    assert not [d for d in letter.diagnostics if d.code == "internal-error"]
    lines = _LINE_END.split(text)
    for item in letter.diagnostics:
        assert 1 <= item.line <= len(lines), item
        assert 1 <= item.column <= len(lines[item.line - 1]) + 1, item


def test_strict_passes_on_the_seeds(seed_texts: dict[str, str]) -> None:
    for text in seed_texts.values():
        assert imrparse.parse(text, strict=True) == imrparse.parse(text)


def test_parse_error_pickles() -> None:
    error = ParseError("boom", line=2, column=3, code="no-letter")
    again = pickle.loads(pickle.dumps(error))
    assert (again.line, again.column, again.code, str(again)) == (2, 3, "no-letter", str(error))
    assert isinstance(again, ValueError)


# --- records and converter ---------------------------------------------------------------


def test_records_are_frozen_slotted_hashable_picklable(seed_texts: dict[str, str]) -> None:
    letter = imrparse.parse(seed_texts["001_c5f77487a4b823e6"])
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        letter.layout = "x"  # type: ignore[misc]
    assert not hasattr(letter, "__dict__")
    assert not hasattr(letter.determinations[0].treatment, "__dict__")
    assert hash(letter) == hash(imrparse.parse(seed_texts["001_c5f77487a4b823e6"]))
    assert pickle.loads(pickle.dumps(letter)) == letter
    assert isinstance(letter.determinations, tuple)
    with pytest.raises(TypeError):
        imrparse.Treatment("x", "x")  # type: ignore[misc]  # keyword-only


def test_to_dict_round_trip_and_shape(seed_texts: dict[str, str]) -> None:
    for text in seed_texts.values():
        letter = imrparse.parse(text)
        data = imrparse.to_dict(letter)
        assert imrparse.from_dict(data) == letter
        assert imrparse.from_json(imrparse.to_json(letter)) == letter
    data = imrparse.to_dict(imrparse.parse(seed_texts["002_cc71a2677317644d"]))
    assert data["summary"]["date_of_injury"] == "2012-02-23"
    assert data["summary"]["sex"] == "female"
    assert type(data["summary"]["sex"]) is str  # the value, not the enum member
    assert type(data["determinations"][0]["outcome"]) is str
    assert data["determinations"][0]["outcome"] == "overturned"
    assert data["determinations"][0]["reviewer_basis"]["citations"][0]["pages"] == [41, 42]


def test_from_dict_errors_name_the_path(seed_texts: dict[str, str]) -> None:
    data = imrparse.to_dict(imrparse.parse(seed_texts["001_c5f77487a4b823e6"]))
    data["determinations"][1]["outcome"] = "maybe"
    with pytest.raises(ValueError, match=re.escape("$.determinations[1].outcome")):
        imrparse.from_dict(data)


def test_from_dict_wants_mappings_for_records_and_says_where() -> None:
    with pytest.raises(
        ValueError,
        match=r"^a Letter is read from a mapping \(a JSON object\), not from a list @ \$$",
    ):
        imrparse.from_dict([])
    with pytest.raises(
        ValueError,
        match=re.escape(
            "a CaseDates is read from a mapping (a JSON object), not from a str @ $.dates"
        ),
    ):
        imrparse.from_dict({"dates": "2016-01-01"})
    with pytest.raises(ValueError, match=re.escape("not from a list @ $")):
        imrparse.from_json("[]")


def test_to_json_writes_records_only() -> None:
    for wrong in (None, "x", {"case_number": "CM16-0000001"}):
        with pytest.raises(
            TypeError, match=r"^to_json\(\) writes a Letter \(or another record\), not "
        ):
            imrparse.to_json(wrong)  # type: ignore[arg-type]
    treatment = imrparse.Treatment(text="Soma #60", name="Soma", quantity=60)
    assert (
        imrparse.from_dict(json.loads(imrparse.to_json(treatment)), imrparse.Treatment) == treatment
    )


def test_the_classifier_doors_name_what_they_take() -> None:
    from imrparse.classifier import read_treatment, reclassify_treatment

    letter = imrparse.parse(imrparse.examples.read_text("multi"))
    with pytest.raises(
        TypeError, match=r"^read_treatment\(\) takes a treatment's text \(a str\), not NoneType$"
    ):
        read_treatment(None)  # type: ignore[arg-type]
    with pytest.raises(
        TypeError, match=r"^reclassify_treatment\(\) takes a Treatment, not NoneType$"
    ):
        reclassify_treatment(None)  # type: ignore[arg-type]
    for call in (lambda: imrparse.reclassify(letter, "x"), lambda: read_treatment("Soma", "x")):
        with pytest.raises(
            TypeError, match=r"^lexicons must be Lexicons \(see load_lexicons\), not str$"
        ):
            call()  # type: ignore[no-untyped-call]


def test_render_and_reclassify_take_letters() -> None:
    for call, name in (
        (imrparse.render, "render"),
        (lambda x: imrparse.reclassify(x, None), "reclassify"),
    ):
        for wrong in (None, "CM16-0000001"):
            with pytest.raises(
                TypeError, match=rf"^{name}\(\) takes a Letter, not {type(wrong).__name__}$"
            ):
                call(wrong)


def test_enum_values() -> None:
    assert [o.value for o in Outcome] == ["upheld", "overturned"]
    assert [s.value for s in imrparse.Sex] == ["male", "female"]
    assert [s.value for s in Severity] == ["error", "warning", "info"]


# --- render ------------------------------------------------------------------------------


def written(letter: imrparse.Letter) -> tuple[object, ...]:
    return (
        letter.case_number,
        letter.priority,
        letter.dates,
        letter.reviewer,
        letter.summary,
        letter.determinations,
    )


def test_render_round_trip_on_seeds_and_examples(seed_texts: dict[str, str]) -> None:
    texts = [
        *seed_texts.values(),
        *(imrparse.examples.read_text(n) for n in imrparse.examples.names()),
    ]
    for text in texts:
        letter = imrparse.parse(text)
        again = imrparse.parse(imrparse.render(letter))
        assert written(again) == written(letter)
        assert again.layout == ("fdl-2016" if letter.dates != imrparse.CaseDates() else "fdl-2014")


def test_render_never_breaks_after_a_hyphen() -> None:
    letter = imrparse.parse(imrparse.examples.read_text("multi"))
    for line in imrparse.render(letter).splitlines():
        assert not line.endswith("-")
        assert len(line) <= 200


# --- extractor variants seen across the family of letters -------------------------------


def test_outcome_with_trailing_period_and_colon_in_treatment() -> None:
    letter = imrparse.parse(
        minimal(
            "Retrospective request for: Norco 10/325mg #60:  OVERTURNED.\nDecision rationale: ok.\n"
        )
    )
    (d,) = letter.determinations
    assert d.treatment.text == "Retrospective request for: Norco 10/325mg #60"
    assert (d.treatment.strength, d.treatment.quantity) == ("10/325mg", 60)
    assert d.outcome is Outcome.OVERTURNED


def test_board_clause_ends_at_a_comma_verb() -> None:
    from imrparse.extractors.reviewer import extract_reviewer

    reviewer = extract_reviewer(
        "The expert reviewer is Board Certified in Psychiatry, has a subspecialty in Addiction "
        "Medicine and is licensed to practice in New York and California.",
        {},
    )
    assert reviewer.board_certifications == ("Psychiatry",)
    assert reviewer.licensed_states == ("New York", "California")


_CREDENTIALS_PROSE = (
    "The expert reviewer is Board Certified in Psychiatry and is licensed to practice in "
    "Ohio. He/she has been in active clinical practice for more than five years."
)


def test_a_reviewers_section_met_again_gives_the_same_credentials_and_places() -> None:
    from imrparse.extractors.reviewer import Sections, extract_reviewer

    fields = {"specialties": "Internal Medicine, Pain Medicine", "states": "Texas"}
    sections = Sections()
    read = extract_reviewer(_CREDENTIALS_PROSE, fields, None, sections)
    assert list(sections.proses) == [_CREDENTIALS_PROSE]
    assert list(sections.lists) == [("specialties", fields["specialties"]), ("states", "Texas")]
    assert read.board_certifications == ("Psychiatry", "Internal Medicine", "Pain Medicine")
    again: list[tuple[str, str, str, int, int]] = []
    expected: list[tuple[str, str, str, int, int]] = []
    assert extract_reviewer(_CREDENTIALS_PROSE, fields, again, sections) == read
    assert extract_reviewer(_CREDENTIALS_PROSE, fields, expected) == read
    assert again == expected and [name for name, *_ in again] == [
        "board_certifications",
        "board_certifications",
        "board_certifications",
        "licensed_states",
        "licensed_states",
        "title",
    ]
    # (a list is remembered by its field's name too: the two fields are split apart)
    other = extract_reviewer(_CREDENTIALS_PROSE, {"states": "Texas and Iowa"}, None, sections)
    named = extract_reviewer(_CREDENTIALS_PROSE, {"specialties": "Texas and Iowa"}, None, sections)
    assert other == extract_reviewer(_CREDENTIALS_PROSE, {"states": "Texas and Iowa"})
    assert named == extract_reviewer(_CREDENTIALS_PROSE, {"specialties": "Texas and Iowa"})
    assert other.licensed_states == ("Ohio", "Texas", "Iowa")
    assert named.board_certifications == ("Psychiatry", "Texas", "Iowa")
    assert len(sections.proses) == 1 and len(sections.lists) == 4


def test_a_full_table_of_reviewers_sections_is_cleared_before_it_takes_one_more() -> None:
    from imrparse.extractors.reviewer import MAX_SECTIONS, Sections, extract_reviewer

    sections = Sections()
    for n in range(MAX_SECTIONS):
        sections.proses[str(n)] = (None, (), [], (), [], [], None, None)
        sections.lists["states", str(n)] = ()
    read = extract_reviewer(_CREDENTIALS_PROSE, {"states": "Iowa"}, None, sections)
    assert list(sections.proses) == [_CREDENTIALS_PROSE]
    assert list(sections.lists) == [("states", "Iowa")]
    assert read == extract_reviewer(_CREDENTIALS_PROSE, {"states": "Iowa"})


@pytest.mark.parametrize(
    ("sentence", "age", "sex"),
    [
        ("The patient is a 45 yo male.", 45, imrparse.Sex.MALE),
        ("This 62-year-old right-handed woman was hurt.", 62, imrparse.Sex.FEMALE),
        ("A 38 year old, female cashier.", 38, imrparse.Sex.FEMALE),
    ],
)
def test_age_and_sex_forms(sentence: str, age: int, sex: imrparse.Sex) -> None:
    from imrparse.extractors.summary import extract_summary

    summary = extract_summary(sentence)
    assert (summary.age, summary.sex) == (age, sex)


def test_characters_whose_lower_case_is_longer_do_not_shift_offsets() -> None:
    # "\u0130".lower() is two characters; extractors search a lower-case copy.
    letter = imrparse.parse(
        minimal(
            "X: Upheld\nMAXIMUS guideline: \u0130\u0130\u0130 Decision based on MTUS Chronic Pain "
            "Treatment Guidelines Page(s): 4.\nDecision rationale: ok.\n"
        ).replace("The expert reviewer is", "\u0130\u0130 The expert reviewer is")
    )
    (citation,) = letter.determinations[0].reviewer_basis.citations
    assert (citation.title, citation.pages) == ("Chronic Pain Treatment Guidelines", (4,))
    assert letter.reviewer.board_certifications == ("Anesthesiology",)


def test_sections_no_rule_reads_are_kept_and_reported() -> None:
    text = imrparse.examples.read_text("overturned") + (
        "\nDOCUMENTS REVIEWED\nMedical records dated 1/1/2015\nCASE SUMMARY\nstray summary\n"
    )
    letter = imrparse.parse(text)
    assert letter.unclaimed == ("Medical records dated 1/1/2015", "stray summary")
    found = [(d.code, d.line) for d in letter.diagnostics]
    # (DOCUMENTS REVIEWED is the layout's, knowingly unread; CASE SUMMARY is another layout's)
    assert ("not-extracted", 75) in found and ("unclaimed-text", 77) in found
    assert (
        letter.determinations
        == imrparse.parse(imrparse.examples.read_text("overturned")).determinations
    )
