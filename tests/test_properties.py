"""Property-based tests: round trips, the lossless tokenizer, the lenient contract.

The properties, each checked over generated input (see ``tests/strategies.py``):

- round trip: ``parse(render(x)) == x`` for generated letters ``x`` whose facts are
  consistent with their texts, on every field except ``diagnostics`` (render writes
  everything else; ``case_number`` is generated ``None`` because render does not write it);
- clean rendering: ``parse(render(x))`` carries no error- or warning-level diagnostic;
- converter: ``from_dict(to_dict(x), type(x)) == x`` and ``from_json(to_json(x)) == x``,
  diagnostics, unclaimed text and source included;
- tokenize is lossless on arbitrary text, line endings and separators included;
- lenient ``parse`` never raises (and never reports an internal error) on arbitrary text;
- strict ``parse`` raises ``ParseError`` carrying ``line``/``column``/``code`` on text that
  holds no letter, and exactly when an error-level diagnostic exists.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable

import attrs
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

import imrparse
import strategies as gen
from imrparse import Letter, ParseError, Severity
from imrparse.layouts import vocabulary
from imrparse.scanner import Line, scan_text

PART_LABELS = vocabulary().parts
FIELD_LABELS = vocabulary().fields

any_text = gen.any_text


def without_diagnostics(letter: Letter) -> Letter:
    return attrs.evolve(letter, diagnostics=())


@given(gen.letters())
def test_render_round_trip(letter: Letter) -> None:
    text = imrparse.render(letter)
    again = imrparse.parse(text)
    assert without_diagnostics(again) == letter


@given(gen.letters(max_determinations=3))
def test_rendered_text_parses_cleanly(letter: Letter) -> None:
    again = imrparse.parse(imrparse.render(letter))
    bad = [d for d in again.diagnostics if d.severity is not Severity.INFO]
    assert bad == []


@given(gen.letters_with_diagnostics())
def test_converter_round_trip(letter: Letter) -> None:
    assert imrparse.from_dict(imrparse.to_dict(letter), Letter) == letter
    assert imrparse.from_json(imrparse.to_json(letter)) == letter
    assert pickle.loads(pickle.dumps(letter)) == letter
    assert hash(letter) == hash(attrs.evolve(letter))


@given(
    st.one_of(
        gen.treatments(),
        gen.citations().map(lambda c: c.citation),
        gen.reviewers(),
        gen.summaries(),
        gen.determinations(),
        gen.diagnostics,
    )
)
def test_converter_round_trip_of_parts(record: object) -> None:
    assert imrparse.from_dict(imrparse.to_dict(record), type(record)) == record


@given(any_text)
@example("a\r\nb\rc\nd\f\x85e\u2028f\r")
@example("\r\r\n\n")
@example("")
@example("a\r\nb\r\n")  # Windows line ends only: the tokenizer's str.split path
@example("\r\n\r\nx\r\n\r")
@example("\f\n \n\n")
def test_tokenize_is_lossless(text: str) -> None:
    tokens = list(imrparse.tokenize(text))
    assert "".join(t.text for t in tokens) == text
    position = 0
    for token in tokens:
        assert token.start == position and token.end == position + len(token.text)
        assert text[token.start : token.end] == token.text
        position = token.end
    lines = [t.line for t in tokens]
    assert lines == sorted(lines) and len(set(lines)) == len(lines)


@given(any_text)
@example("IMR ISSUES, DECISIONS AND RATIONALES\n:Upheld\nx: upheld\n")
@example("CLINICAL CASE SUMMARY\n\x00\x85Decision rationale:")
def test_lenient_parse_never_raises(text: str) -> None:
    letter = imrparse.parse(text)
    assert isinstance(letter, Letter)
    assert not [d for d in letter.diagnostics if d.code == "internal-error"]
    _check_strict_agrees(text, letter)


def _check_strict_agrees(text: str, letter: Letter) -> None:
    errors = [d for d in letter.diagnostics if d.severity is Severity.ERROR]
    if errors:
        with pytest.raises(ParseError) as info:
            imrparse.parse(text, strict=True)
        first = errors[0]
        assert (info.value.line, info.value.column, info.value.code) == (
            first.line,
            first.column,
            first.code,
        )
    else:
        assert imrparse.parse(text, strict=True) == letter


no_letter_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters=":") | st.sampled_from(gen.SEPARATORS)
)


@given(no_letter_text)
@example("")
@example(" \n\t\n")
@example("not a letter")
def test_strict_raises_on_text_without_a_letter(text: str) -> None:
    upper = " ".join(text.split()).upper()
    # (text that might hold a heading may be a letter: such examples are discarded by
    # assume(), not counted as passes)
    assume(
        not any(
            heading in upper
            for heading in ("CASE SUMMARY", "RATIONALE", "DETERMINATION", "REVIEW", "DOCUMENTS")
        )
    )
    with pytest.raises(ParseError) as info:
        imrparse.parse(text, strict=True)
    err = info.value
    assert err.code in {"empty-input", "no-letter"}
    assert err.line >= 1 and err.column >= 1
    assert str(err).startswith(f"line {err.line}, column {err.column}: ")
    assert str(err).endswith(f"[{err.code}]")


header_text = (
    st.lists(
        st.sampled_from(
            [
                "Final",
                "Determination",
                "DETERMINATION",
                "determination",
                "Letter",
                "LETTER",
                "for IMR Case Number CM15-0000000",
                " ",
                "\t",
                "\u00a0",
                "\u00c2\u00a0",
                "\u00c2",
                "\n",
                "Page 2 of 5",
                "x",
            ]
        )
    ).map("".join)
    | any_text
)


@given(header_text)
@example("Final Determination" + " " * 60 + "Letter for IMR Case Number CM15-0000000")
@example("Final Determination\u00c2\u00a0Letter for IMR Case No. CM15-0000000")
def test_the_page_header_prefilter_never_misses_a_header(text: str) -> None:
    # The tokenizer strips page headers only from texts the cheap whole-text test lets
    # through; a header it turns away would leak into the values.
    from imrparse.cleaning import _ARTIFACT, may_hold_page_header

    if _ARTIFACT.search(text) is not None:
        assert may_hold_page_header(text)


@given(header_text)
@example("Final Determination\n \n\nLetter for IMR Case Number CM15-0000000")
@example("Final Determination\r\nLetter for IMR Case No. CM15-0000000")
def test_a_text_said_to_hold_no_header_holds_none_wrapped_over_lines(text: str) -> None:
    # Values are cleaned without a search for page headers when the scan says the text
    # can hold none, even wrapped over lines: joined lines must then hold none either.
    from imrparse.cleaning import _ARTIFACT
    from imrparse.scanner import scan_text

    scanned = scan_text(text)
    joined = " ".join(line.content for line in scanned.lines)
    if not scanned.headers:
        assert _ARTIFACT.search(joined) is None
        assert _ARTIFACT.search(" ".join(text.split())) is None


def _lines_as_written(text: str) -> list[tuple[Line, str]]:
    """The scanned lines of ``text``, each with its line as written (a text whose lines
    are cut at line feeds alone: others are not asked)."""
    assume("\r" not in text and "\f" not in text)
    bodies = text.split("\n")
    return [(line, bodies[line.number - 1]) for line in scan_text(text).lines]


@given(header_text)
@example("Final Determination Letter for IMR Case Number CM15-0000000 x\nDetermination\nx")
@example("DETERMINATION\nx Final DETERMINATION LETTER for IMR Case Number CM15-0000000")
@example("a\n\nFinal Determination Letter for IMR Case Number CM15-0000000\nPage 2 of 5")
def test_a_line_loses_the_page_headers_it_would_lose_alone(text: str) -> None:
    # The scanner finds the words a running header is looked for by once in the text, not
    # in each line: every line must still lose what it would lose scanned on its own.
    for line, body in _lines_as_written(text):
        (alone,) = scan_text(body).lines
        assert (line.content, line.column, line.artifacts) == (
            alone.content,
            alone.column,
            alone.artifacts,
        )


@given(header_text)
@example("Final Determination Letter for IMR Case Number CM15-0000000 Letter")
@example("  Final Determination Letter for IMR Case Number CM15-0000000 FINAL DETERMINATION x")
@example("Page 2 of 5 Final Determination Letter for IMR Case Number CM15-0000000 Page 2 of 5")
def test_a_line_s_column_is_where_its_content_starts_as_written(text: str) -> None:
    # Where a running header is cut from before a line's content, the column is still
    # that of the content's first character in the line as written (not where its
    # words first stand: inside the header, for "... Letter").
    from imrparse.page_marks import _ARTIFACT

    for line, body in _lines_as_written(text):
        if line.content and line.artifacts:
            at = line.column - 1
            assert body[at] == line.content[0], line
            headers = list(_ARTIFACT.finditer(body))
            assert not any(m.start() <= at < m.end() for m in headers), line
            before = list(body[:at])  # (all of it white space or headers)
            for m in headers:
                before[m.start() : min(m.end(), at)] = " " * max(0, min(m.end(), at) - m.start())
            assert not "".join(before).strip(), line


@given(any_text | gen.letters().map(imrparse.render))
def test_what_scan_learns_on_the_way_matches_the_grammar(text: str) -> None:
    from imrparse.grammar import is_doubled
    from imrparse.records import TokenKind
    from imrparse.scanner import scan, scan_text

    scanned = scan_text(text)
    assert scanned.lines == scan(text)
    assert scanned.doubled == is_doubled(scanned.lines)
    assert scanned.headings == [
        i for i, line in enumerate(scanned.lines) if line.kind is TokenKind.HEADING
    ]
    assert scanned.determinations == [
        i for i, line in enumerate(scanned.lines) if line.kind is TokenKind.DETERMINATION
    ]
    assert scanned.parts == [
        i for i, line in enumerate(scanned.lines) if line.kind is TokenKind.PART
    ]
    assert scanned.artifacts == [i for i, line in enumerate(scanned.lines) if line.artifacts]
    assert scanned.filled == sum(1 for line in scanned.lines if line.content)


_SAMPLE_LINES = [
    "CLINICAL CASE SUMMARY",
    "clinical case summary:",
    "IMR ISSUES,  DECISIONS AND RATIONALES",
    "Soma #60: Upheld",
    "Physical therapy: 12 visits:  OVERTURNED.",
    "Decision \t rationale: Not recommended.",
    "MAXIMUS guideline: Decision based on MTUS",
    "State(s) of Licensure: Texas, California",
    "Certification(s)/Specialty:  Family Practice",
    "Page 2 of 5",
    "The Final Determination was based on decisions for the disputed items:",
]

_spacey_lines = st.lists(
    st.sampled_from(
        [
            "CLINICAL CASE SUMMARY",
            "clinical  case \t summary",
            "CLINICAL" + " \u2003" * 12 + " CASE SUMMARY",
            "CLINICAL  CASE  SUMMARY  " + "x" * 30,
            "IMR ISSUES,       DECISIONS        AND          RATIONALES" + " " * 20 + "x",
            "Page 2 of 5",
            "Soma #60: Upheld",
            "Decision rationale:  Not recommended.",
            "The patient is a 51 year old male who was injured at work on 3/1/08.",
            "A  b  c  d  e  f  g  h  i  j  k  l  m  n  o  p  q  r  s  t  u  v",
            " \f ",
            "   ",
            "",
        ]
    )
    | any_text,
    max_size=12,
).map("\n".join)


@given(st.text(alphabet="(),;ab ."))
@example("(x(y)z, w), v")
@example("a), b (c, d)")
def test_topics_split_outside_parentheses_whichever_path(text: str) -> None:
    # split_topics() splits with one regex when no separator can stand inside
    # parentheses; that must give what counting the depth mark by mark gives.
    from itertools import repeat

    from imrparse.extractors.citations import _split_outside_parentheses, split_topics

    expected = tuple(filter(None, map(str.strip, _split_outside_parentheses(text), repeat(" .:"))))
    assert split_topics(text) == expected


# Patterns that test what precedes their first digit after matching it (so that a
# search skips to digits fast), each with the plain form it must match exactly as.
_DIGIT_FIRST = {
    "numeric date": (
        "imrparse.extractors.dates:_NUMERIC_DATE",
        # (with the OCR rules: no date after an "l" or "O" read for a digit, no two-digit
        # year glued to a letter)
        r"(?<![\d/.lO-])(?P<m>\d{1,2})(?P<sep>[/.-])(?P<d>\d{1,2})(?P=sep)"
        r"(?P<y>\d{4}|\d{2}(?![A-Za-z]))(?![\d/])",
        "0123456789/.-a lO",
    ),
    "strength": (
        "imrparse.extractors.treatments:_STRENGTH",
        r"(?<![\w.#/])\d+(?:\.\d+)?(?:[ \t]?/[ \t]?\d+(?:\.\d+)?){0,3}[ \t]?"
        r"(?:mg|mcg|\u00b5g|gm|g|ml|meq|iu|units?|%)"
        r"(?:[ \t]?/[ \t]?(?:ml|hr|h|g|act|dose|day))?"
        r"(?![A-Za-z0-9])",
        "0123456789./#%mgMG a_\u00e9",
    ),
    "age and sex": (
        "imrparse.extractors.summary:_AGE_SEX",
        r"\b(\d{1,3})[- \t]?(?:years?|yrs?|y/?o|y\.o\.)(?:[- \t]?old)?,?[ \t]+"
        r"(?:[A-Za-z-]+[ \t]+){0,2}?(male|female|man|woman|gentleman|lady|boy|girl)\b",
        "0123456789 -a_\u00e9",
    ),
}


@pytest.mark.parametrize("name", sorted(_DIGIT_FIRST))
@given(data=st.data())
def test_digit_first_patterns_match_as_their_plain_forms(name: str, data: st.DataObject) -> None:
    import importlib
    import re

    where, plain_source, alphabet = _DIGIT_FIRST[name]
    module, attribute = where.split(":")
    fast = getattr(importlib.import_module(module), attribute)
    plain = re.compile(plain_source, fast.flags)
    words = st.sampled_from(
        ["12/11/2001", "10/325mg", "7.5 mg", "51 year old female", " yrs ", "#"]
    )
    text = data.draw(
        st.lists(st.text(alphabet=alphabet, max_size=6) | words, max_size=6).map("".join)
    )
    for pos in range(len(text) + 1):
        found, expected = fast.search(text, pos), plain.search(text, pos)
        assert (found and (found.span(), found.groups())) == (
            expected and (expected.span(), expected.groups())
        ), text


_value_lines = st.lists(
    st.sampled_from(
        [
            "Final Determination",
            "Letter for IMR Case Number CM15-0000000",
            "Final Determination Letter for IMR Case Number",
            ": CM15-0000000 Page 2 of 5",
            "disc herniation at L5-",
            "S1 with  facet",
            "Non-  ",
            "a - ",
            "--",
            "-",
            "  ",
            "",
            "\t",
            "Flexeril\u00c2\u00ae 10mg",
        ]
    )
    | st.text(alphabet=" -\tab:\n\u00a0"),
    max_size=8,
)


@given(_value_lines | st.lists(any_text, max_size=5))
@example(["Final Determination", "Letter for IMR Case Number CM15-0000000", "pain"])
@example(["L5-  ", "", "S1"])
@example(["pain\t", "\tin the\x0bback"])
def test_cleaning_without_the_header_search_changes_nothing_where_none_can_stand(
    lines: list[str],
) -> None:
    # Values are cleaned without a search for page headers when the whole text can hold
    # none, even wrapped over lines (Scan.headers): that search would have found none.
    from imrparse.cleaning import clean_lines, has_control_space, may_hold_page_header

    cleaned = clean_lines(lines)
    assert cleaned == clean_lines(iter(lines))
    if not may_hold_page_header("\n".join(lines), across_lines=True):
        assert clean_lines(lines, headers=False) == cleaned
    # Nor for white space but blanks and line ends where the text holds none (Scan.spaces).
    if not has_control_space("\n".join(lines)):
        assert clean_lines(lines, spaces=False) == cleaned
    assert "  " not in cleaned and "\n" not in cleaned and cleaned == cleaned.strip()


@given(st.lists(st.sampled_from(_SAMPLE_LINES) | any_text, max_size=10).map("\n".join))
def test_each_line_is_named_as_its_folded_label_says(text: str) -> None:
    # The scanner names what a line opens while it classifies it; the grammar relies
    # on that name instead of folding the label again.
    from imrparse.records import TokenKind as K
    from imrparse.scanner import scan, split_outcome

    def fold(label: str) -> str:
        return " ".join(label.split()).upper()

    for line in scan(text):
        kind, content, name = line.kind, line.content, line.name
        before_colon = content[: content.find(":")]
        if kind is K.HEADING:
            assert name == vocabulary().colon_headings[fold(content.rstrip(":"))]
        elif kind is K.PART:
            assert name == PART_LABELS[fold(before_colon)]
        elif kind is K.FIELD:
            assert name == FIELD_LABELS[fold(before_colon)]
        elif kind is K.DETERMINATION:
            assert (content[: content.rfind(":")].strip(), name) == split_outcome(content)
        else:
            assert name == ""


@given(
    st.lists(st.sampled_from(_SAMPLE_LINES) | any_text, max_size=16).map("\n".join)
    | gen.letters().map(imrparse.render)
)
@example(
    "IMR ISSUES, DECISIONS AND RATIONALES\nSoma: Upheld\nCLINICAL CASE SUMMARY\n"
    "IMR ISSUES, DECISIONS AND RATIONALES\nNorco: Upheld\nDecision rationale: x"
)
def test_the_grammar_cuts_the_same_with_the_scans_indexes(text: str) -> None:
    # The parser hands the scan's indexes of treatment headers and part labels to the
    # grammar, shifted to the decisions section; the cut must be the one the grammar
    # finds by itself.
    from imrparse.blocks import split_blocks
    from imrparse.diagnostics import Collector
    from imrparse.grammar import split_sections
    from imrparse.readers import Context
    from imrparse.readers.decisions import read_decisions
    from imrparse.scanner import scan_text

    scanned = scan_text(text)
    for section in split_sections(scanned.lines, Collector(), scanned.headings).sections.values():
        start = section.start
        if start < 0:
            continue
        stop = start + len(section.lines)
        assert scanned.lines[start:stop] == section.lines
        heads = [i - start for i in scanned.determinations if start <= i < stop]
        labels = [i - start for i in scanned.parts if start <= i < stop]
        assert split_blocks(section.lines, scanned.doubled, Collector(), heads, labels) == (
            split_blocks(section.lines, scanned.doubled, Collector())
        )
        if section.name == "decisions":  # and the parser, which hands them over
            context = Context(imrparse.layouts.get("fdl-2014"), scanned)
            given, found = (
                read_decisions(section, context),
                read_decisions(section._replace(start=-1), context),
            )
            assert (given.determinations, given.places, given.diag.items) == (
                found.determinations,
                found.places,
                found.diag.items,
            )


def _heading_like() -> st.SearchStrategy[str]:
    def spaced(title: str, data: st.DataObject) -> str:
        words = title.split()
        gaps = data.draw(
            st.lists(
                st.sampled_from([" ", "  ", "\t", "\u00a0", " \t "]),
                min_size=len(words),
                max_size=len(words),
            )
        )
        return "".join(w + g for w, g in zip(words, gaps, strict=True)).strip()

    titles = st.sampled_from(sorted(vocabulary().headings)).flatmap(
        lambda t: st.sampled_from([t, t.lower(), t.title()])
    )
    return st.builds(spaced, titles, st.data())


@given(st.lists(_heading_like() | any_text, max_size=8).map("\n".join) | _spacey_lines)
@example("CLINICAL" + " \u2003" * 30 + " CASE SUMMARY")
@example("x\n\nCLINICAL" + " " * 60 + "CASE SUMMARY\n")
@example("IMR\x0bISSUES,\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0bDECISIONS AND RATIONALES is long")
def test_scan_classifies_every_line_as_classify_does(text: str) -> None:
    # scan() skips classify() for lines that plainly are prose; it must never skip one
    # that classify() would call something else. The one line it reads otherwise: an
    # outcome alone after a line of text that ends in a colon.
    from imrparse.records import TokenKind
    from imrparse.scanner import classify, outcome_word, scan

    lines = scan(text)
    for n, line in enumerate(lines):
        kind, content = line.kind, line.content
        if not content:
            continue
        alone = kind is TokenKind.DETERMINATION and classify(content) is TokenKind.TEXT
        if alone:
            before = [
                x for x in lines[:n] if x.kind not in (TokenKind.PAGE_BREAK, TokenKind.ARTIFACT)
            ]
            assert outcome_word(content) is not None and before[-1].content.endswith(":"), line
        else:
            assert kind is classify(content), line


@given(
    st.lists(
        st.sampled_from(
            [
                "Physical therapy 6 sessions:",
                "Upheld",
                "Overturned.",
                "x",
                "",
                " ",
                "\f",
                "Page 2 of 5",
                "a: b",
            ]
        ),
        max_size=8,
    ).map("\n".join)
)
@example("Physical therapy 6 sessions:\nUpheld")
def test_an_outcome_alone_after_a_colon_is_a_treatment_header(text: str) -> None:
    from imrparse.records import TokenKind
    from imrparse.scanner import scan

    lines = scan(text)
    for n, line in enumerate(lines):
        kind, content = line.kind, line.content
        if content in ("Upheld", "Overturned."):
            before = [
                x for x in lines[:n] if x.kind not in (TokenKind.PAGE_BREAK, TokenKind.ARTIFACT)
            ]
            after_colon = (
                bool(before)
                and before[-1].kind is TokenKind.TEXT
                and before[-1].content.endswith(":")
            )
            assert (kind is TokenKind.DETERMINATION) == after_colon, (text, content)


def _case_variants(keys: Iterable[str]) -> st.SearchStrategy[str]:
    return st.sampled_from(sorted(keys)).flatmap(
        lambda k: st.sampled_from([k, k.lower(), k.title(), k.capitalize()])
    )


_LABELS = st.one_of(
    st.tuples(st.just("part"), _case_variants(PART_LABELS)),
    st.tuples(st.just("field"), _case_variants(FIELD_LABELS)),
)


@given(
    _LABELS,
    st.sampled_from([":", " :", "  :", "\t:"]),
    st.sampled_from(["", " Decision based on MTUS", " 45", " Texas, California"]),
)
def test_every_label_is_recognised_in_any_case(
    kind_and_label: tuple[str, str], colon: str, value: str
) -> None:
    # classify() skips the label lookup for lines whose first letter starts no label.
    from imrparse.scanner import classify

    kind, label = kind_and_label
    assert classify(label + colon + value).value == kind
