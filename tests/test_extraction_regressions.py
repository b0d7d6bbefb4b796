"""Small cases pinned from the work on extractor texts and artifacts (issues #11, #12).

Each names what found it: the pdfium texts of the real letters, the equality of the
five extractors' records, the no-artifact property, the header-table mutations.
"""

from __future__ import annotations

import imrparse
from artifacts import artifacts
from imrparse import TokenKind
from imrparse.cleaning import clean_lines, repair_characters, repair_hyphens

LETTER = imrparse.examples.read_text("overturned")


def _essence(letter: imrparse.Letter) -> imrparse.Letter:
    import attrs

    return attrs.evolve(letter, diagnostics=(), unclaimed=(), source=None)


def test_pdfium_form_feed_glued_to_the_next_pages_first_line() -> None:
    """pdfium joins pages with a form feed and no line end: the label after it is a label."""
    for label in ("MAXIMUS guideline:", "Decision rationale:", "Claims Administrator guideline:"):
        glued = LETTER.replace(f"\n{label}", f" \f{label}", 1)
        assert glued != LETTER
        assert _essence(imrparse.parse(glued)) == _essence(imrparse.parse(LETTER)), label
        assert _essence(imrparse.parse(glued.replace("\n", "\r\n"))) == _essence(
            imrparse.parse(LETTER)
        )


def test_a_glued_form_feed_keeps_the_lines_number_and_the_tokens_stay_lossless() -> None:
    text = "CLINICAL CASE SUMMARY\r\nset forth below:\fSoma #60: Upheld\r\nmore"
    tokens = list(imrparse.tokenize(text))
    assert "".join(t.text for t in tokens) == text
    assert [t.kind for t in tokens][1] is TokenKind.DETERMINATION  # (its second piece's kind)
    lines = imrparse.scanner.scan(text)
    assert [(line.number, line.column) for line in lines] == [(1, 1), (2, 1), (2, 18), (3, 1)]


def test_pdfium_line_break_hyphen_is_a_hyphen() -> None:
    """pdfium prints U+FFFE for a hyphen at a line break, and drops the line end."""
    assert repair_hyphens("range-of\ufffemotion") == "range-of-motion"
    assert clean_lines(["non\u00ef\u00bf\u00becertified"]) == "non-certified"  # (mis-decoded too)
    assert repair_hyphens("electro\u00ad\nmyography") == "electro-\nmyography"
    assert clean_lines(["electro\u00admyography"]) == "electromyography"


def test_mojibake_beside_a_correct_character_is_repaired() -> None:
    """A mis-decoded trademark sign next to a (correct) no-break space: the run does not
    decode whole, and ftfy left 'â"¢' in the value."""
    assert repair_characters("request for soma\u00e2\u201e\u00a2\u00a0#60")[0] == (
        "request for soma\u2122\u00a0#60"
    )
    assert clean_lines(["soma\u00b0\u00e2\u201e\u00a2 60"]) == "soma\u00b0\u2122 60"
    # A character whose last bytes were lost leaves nothing unknowable in the value.
    assert clean_lines(["request for soma\u00e2\u00a060"]) == "request for soma 60"
    assert clean_lines(["the \u00e2\u20ac quote"]).count("\u00e2") == 0


def test_mojibake_in_a_rationale_leaves_no_mark() -> None:
    text = LETTER.replace(
        "Decision rationale:", "Decision rationale: Soma\u00e2\u201e\u00a2\u00a0#60.", 1
    )
    assert text != LETTER
    assert artifacts(imrparse.parse(text)) == []


def test_a_page_list_cut_out_of_a_citation_leaves_one_blank() -> None:
    basis = "Decision based on MTUS Chronic Pain Treatment Guidelines Opioids Page(s): 1. The rest"
    citation = imrparse.extractors.citations.parse_basis(basis).citations[0]
    assert all("  " not in topic for topic in citation.topics), citation.topics


TABLE = (
    "Case Number: CM16-0224814\n"
    "Date Assigned: 11/30/2016 Date of Injury: 10/11/2016\n"
    "Decision Date: 01/06/2017 UR Denial Date: 11/04/2016\n"
    "Priority: Standard Application\n"
    "Received:\n"
    "11/21/2016\n"
)


def _with_table(table: str) -> imrparse.Letter:
    return imrparse.parse(table + LETTER)


def test_a_header_table_row_stated_twice_is_reported() -> None:
    """The second 'Date Assigned' line was read as a labelled field and dropped unreported."""
    letter = _with_table(
        TABLE.replace("Decision Date:", "Date Assigned: 12/01/2016\nDecision Date:")
    )
    assert letter.dates.date_assigned is not None
    assert letter.dates.date_assigned.isoformat() == "2016-11-30"
    assert "unclaimed-text" in {d.code for d in letter.diagnostics}


def test_a_garbled_header_value_is_reported_and_never_another_labels() -> None:
    """'Date Assigned: 11/3O/2016 Date of Injury: 10/11/2016' gave date_assigned 10/11/2016."""
    letter = _with_table(TABLE.replace("11/30/2016", "11/3O/2016"))
    assert letter.dates.date_assigned is None
    assert letter.dates.date_of_injury is not None
    codes = {d.code for d in letter.diagnostics}
    assert {"header-value-missing", "unclaimed-text"} <= codes


def test_a_header_value_wrapped_after_its_hyphen() -> None:
    letter = _with_table(TABLE.replace("CM16-0224814", "CM16-\n0224814"))
    assert letter.case_number == "CM16-0224814"
    assert not {d.code for d in letter.diagnostics} & {"unclaimed-text", "header-value-missing"}


def test_c1_controls_and_noncharacters_leave_no_value() -> None:
    """The destructive no-artifact soak: a C1 control (``\\x90``) inserted into a letter
    stayed in its unclaimed text (control characters were blanked below 0x80 only)."""
    stray = LETTER.replace("Decision rationale:", "x\x90y \uffff z\ud800\nDecision rationale:", 1)
    assert stray != LETTER
    assert artifacts(imrparse.parse(stray)) == []
    assert clean_lines(["\u00e2\u20ac\x9dquoted"]) == '"quoted'  # (still repaired first)


def test_a_partial_authorization_header_hyphen_wrapped_before_its_first_sentence_ends() -> None:
    """The real-letter ``hyphen_wraps`` property: "... followed by" / "re-" / "examination
    was the original request. ..." lost the header's first line to the rationale before."""
    from pathlib import Path

    import pytest

    path = Path(__file__).resolve().parents[1].parent / "shared/realworld/text/pdfminer"
    path = path / "CM16-0231706.txt"
    if not path.is_file():
        pytest.skip("no ../shared/realworld here")
    text = path.read_bytes().decode("utf-8")
    wrapped = text.replace("by \nre-examination was", "by \nre-\nexamination was", 1)
    assert wrapped != text
    assert _essence(imrparse.parse(wrapped)) == _essence(imrparse.parse(text))
