"""Spans (issue #22): every value of a letter knows where it stands in the text parsed.

- The span property (``tests/spancheck.py``) over every real letter of
  ``../shared/realworld/`` in all five extractors' texts, the layout fixtures, the seeds
  and the shipped examples: each value's span holds the value as written, and no span
  overlaps another value's. At least 99% of values hold it; the rest are listed here,
  each with why.
- The mutation catalogue keeps it: after preserving mutations of a real letter, every
  value's span is right wherever the unmutated letter's is.
- Spans survive ``to_dict``/``from_dict``, JSON, pickling, letters cut from a longer text
  and ``parse_file`` of a PDF (with its pages); ``to_rows`` adds span columns on request.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import imrparse
import imrparse.view  # (loaded when first imported, not by `import imrparse`)
import mutations as mut
from spancheck import check, wrong
from test_real_mutations import any_texts, needs_real, real_settings, real_texts

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "realworld"
EXTRACTORS = ("pypdf", "pdfminer", "pdftotext", "pdftotext-layout", "pdfium")

ALLOWED = {
    # The summary writes "abdominal [pain, pelvic girdle ..." (a stray bracket inside the
    # list): the diagnosis reads "abdominal pain", which the text does not write as such.
    ("CM16-0232182", "summary.diagnoses.0: no span ('left lower quadrant abdominal pain')"),
    # "treated for facial contusion, status post being punched in the face": the
    # mechanism is read from inside the diagnosis, so the two spans share its words.
    ("CM17-0006045", "summary.diagnoses.0: overlaps summary.mechanism_of_injury"),
}


def _fixtures() -> dict[str, str]:
    paths = sorted(
        [*(ROOT / "tests" / "layouts").glob("*/*.txt"), *(ROOT / "tests" / "seeds").glob("*.txt")]
    )
    texts = {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in paths}
    texts.update(
        {f"example:{name}": imrparse.examples.read_text(name) for name in imrparse.examples.names()}
    )
    return texts


def test_the_span_property_holds_for_the_fixtures_seeds_and_examples() -> None:
    problems = []
    for name, text in _fixtures().items():
        problems += [f"{name}: {p}" for p in check(imrparse.parse(text), text)[1]]
    assert problems == []


@needs_real
def test_the_span_property_holds_for_the_real_letters_in_every_text() -> None:
    total = 0
    found: set[tuple[str, str]] = set()
    for extractor in EXTRACTORS:
        for path in sorted((REAL / "text" / extractor).glob("CM*.txt")):
            text = path.read_bytes().decode("utf-8")
            count, problems = check(imrparse.parse(text), text)
            total += count
            found.update((path.stem, problem) for problem in problems)
    assert total > 9000  # (69 letters x 5 texts)
    assert found == ALLOWED
    wrong = sum(1 for extractor in EXTRACTORS for _ in ALLOWED)  # (each in every text)
    assert (total - wrong) / total >= 0.99


@needs_real
@real_settings
@given(data=st.data())
def test_preserving_mutations_keep_every_span_right(data: st.DataObject) -> None:
    text = data.draw(real_texts())
    mutated = data.draw(mut.preserving(text), label="mutated")
    before = {p.split(":")[0] for p in check(imrparse.parse(text), text)[1]}
    problems = check(imrparse.parse(mutated), mutated)[1]
    assert [p for p in problems if p.split(":")[0] not in before] == []


@pytest.mark.parametrize("name", mut.PRESERVING_ORDER)
@real_settings
@given(data=st.data())
def test_each_preserving_mutation_keeps_the_spans_of_a_seed(name: str, data: st.DataObject) -> None:
    texts = _fixtures()
    text = texts[data.draw(st.sampled_from(sorted(texts)))]
    mutated = data.draw(mut.PRESERVING[name](text), label="mutated")
    before = {p.split(":")[0] for p in check(imrparse.parse(text), text)[1]}
    problems = check(imrparse.parse(mutated), mutated)[1]
    assert [p for p in problems if p.split(":")[0] not in before] == []


def _multi() -> tuple[str, imrparse.Letter]:
    text = imrparse.examples.read_text("multi")
    return text, imrparse.parse(text)


def test_spans_survive_dicts_json_and_pickles() -> None:
    _, letter = _multi()
    assert letter.spans
    for copy in (
        imrparse.from_dict(imrparse.to_dict(letter)),
        imrparse.from_json(imrparse.to_json(letter)),
        pickle.loads(pickle.dumps(letter)),
    ):
        assert copy.spans == letter.spans
        assert copy.span("summary.age") == letter.span("summary.age")
    data = imrparse.to_dict(letter)
    span = letter.span("determinations.1.treatment.text")
    assert span is not None
    assert data["spans"]["determinations.1.treatment.text"] == [
        span.start,
        span.end,
        span.line,
        span.column,
        None,
    ]


def test_a_span_names_the_value_as_written() -> None:
    text, letter = _multi()
    span = letter.span("reviewer.licensed_states.1")
    assert span is not None and text[span.start : span.end] == "California"
    assert (span.line, span.column, span.page) == (8, 32, None)
    line = text.splitlines()[span.line - 1]
    assert line[span.column - 1 :].startswith("California")


def test_a_path_of_no_value_says_which_paths_there_are() -> None:
    _, letter = _multi()
    assert letter.span("determinations.9.outcome") is None
    assert letter.span("dates.decision_date") is None  # (no header table)
    with pytest.raises(ValueError, match=r"names no value.*summary\.diagnoses"):
        letter.span("nonsense.path")


def test_letters_compare_by_value_not_by_where() -> None:
    text, letter = _multi()
    moved = imrparse.parse("\n\n" + text)
    moved, letter = (attrs.evolve(x, diagnostics=()) for x in (moved, letter))
    assert moved == letter and hash(moved) == hash(letter)
    a, b = letter.span("summary.age"), moved.span("summary.age")
    assert a is not None and b is not None and b.start == a.start + 2 and b.line == a.line + 2


def test_letters_cut_from_a_longer_text_have_spans_into_it() -> None:
    text = imrparse.examples.read_text("overturned")
    whole = text + "\f" + text
    first, second = imrparse.parse_letters(whole)
    for letter in (first, second):
        assert check(letter, whole)[1] == []
    a, b = first.span("determinations.0.rationale"), second.span("determinations.0.rationale")
    assert a is not None and b is not None
    assert b.start == a.start + len(text) + 1 and (a.page, b.page) == (1, 2)


def test_to_rows_adds_span_columns_on_request_only() -> None:
    text, letter = _multi()
    plain = imrparse.to_rows([letter])
    assert tuple(plain[0]) == imrparse.table.COLUMNS
    rows = imrparse.to_rows([letter], spans=True)
    assert tuple(rows[0]) == imrparse.table.COLUMNS + imrparse.table.SPAN_COLUMNS
    row = rows[2]
    assert text[row["treatment_text_start"] : row["treatment_text_end"]] == row["treatment_text"]
    assert row["outcome_line"] == letter.span("determinations.2.outcome").line  # type: ignore[union-attr]
    assert rows[0]["decision_date_start"] is None


PDF = REAL / "pdf" / "CM16-0224814.pdf"


@pytest.mark.skipif(not PDF.exists(), reason="no ../shared/realworld here")
def test_parse_file_of_a_pdf_keeps_its_text_and_pages() -> None:
    pytest.importorskip("pypdfium2")
    letter = imrparse.parse_file(PDF, keep_text=True)
    assert letter.text is not None
    count, problems = check(letter, letter.text)
    assert count >= 20 and problems == []
    assert {letter.span(path).page for path in ("case_number", "determinations.0.rationale")} == {
        1,
        2,
    }  # type: ignore[union-attr]
    assert imrparse.parse_file(PDF).text is None
    assert attrs.evolve(letter, text=None) == letter


# ------------------------------------------------------------------ spans=False


def _without_spans(letter: imrparse.Letter) -> dict[str, object]:
    data = imrparse.to_dict(letter)
    data.pop("spans")
    return data


def _same_but_spans(text: str) -> None:
    """``parse(text, spans=False)`` is ``parse(text)`` to the last diagnostic, without spans,
    and ``parse_letters`` likewise."""
    plain = imrparse.parse(text, spans=False)
    assert plain.spans == ()
    assert _without_spans(plain) == _without_spans(imrparse.parse(text))
    plain_letters = imrparse.parse_letters(text, spans=False)
    assert all(letter.spans == () for letter in plain_letters)
    assert [_without_spans(x) for x in plain_letters] == [
        _without_spans(x) for x in imrparse.parse_letters(text)
    ]


def test_without_spans_the_fixtures_read_the_same() -> None:
    for text in _fixtures().values():
        _same_but_spans(text)


@needs_real
def test_without_spans_every_real_letter_reads_the_same_in_every_text() -> None:
    count = 0
    for extractor in EXTRACTORS:
        for path in sorted((REAL / "text" / extractor).glob("CM*.txt")):
            _same_but_spans(path.read_bytes().decode("utf-8"))
            count += 1
    assert count == 5 * 69


@real_settings
@given(data=st.data())
def test_without_spans_any_letter_damaged_or_not_reads_the_same(data: st.DataObject) -> None:
    text = data.draw(any_texts())
    if data.draw(st.booleans(), label="damaged"):
        text = data.draw(mut.destructive(text), label="mutated")
    _same_but_spans(text)


def test_without_spans_a_text_of_several_letters_reads_the_same() -> None:
    text = imrparse.examples.read_text("overturned")
    plain = imrparse.parse_letters(text + "\f" + text, spans=False)
    full = imrparse.parse_letters(text + "\f" + text)
    assert [x.spans for x in plain] == [(), ()]
    assert [_without_spans(x) for x in plain] == [_without_spans(x) for x in full]


def test_without_spans_files_bytes_and_batches_read_the_same(tmp_path: Path) -> None:
    text = imrparse.examples.read_text("multi")
    path = tmp_path / "letter.txt"
    path.write_text(text, encoding="utf-8")
    full = imrparse.parse_file(path)
    assert full.span("summary.age") is not None
    for letter in (
        imrparse.parse_file(path, spans=False),
        imrparse.parse_file_letters(path, spans=False)[0],
        imrparse.reading.parse_bytes(text.encode(), source=str(path), spans=False),
        imrparse.reading.parse_bytes_letters(text.encode(), source=str(path), spans=False)[0],
        *imrparse.parse_many([path], spans=False),
    ):
        assert letter.spans == () and letter.span("summary.age") is None
        assert _without_spans(letter) == _without_spans(full)
    # (the second of two sources naming one case gets a duplicate-case error: only that)
    for letter in imrparse.parse_many([path, path], spans=False, workers=2):
        assert letter.spans == ()
        kept = tuple(d for d in letter.diagnostics if d.code != "duplicate-case")
        assert _without_spans(attrs.evolve(letter, diagnostics=kept)) == _without_spans(full)


def test_what_needs_spans_refuses_a_letter_parsed_without_them() -> None:
    text = imrparse.examples.read_text("multi")
    letter = imrparse.parse(text, spans=False)
    for show in (
        lambda: imrparse.to_rows([letter], spans=True),
        lambda: imrparse.view.terminal(letter, text),
        lambda: imrparse.view.html_page(letter, text),
    ):
        with pytest.raises(ValueError, match="spans=False"):
            show()
    assert imrparse.to_rows([letter]) == imrparse.to_rows([imrparse.parse(text)])


def test_a_case_number_wrapped_around_a_page_header_is_itself_as_written() -> None:
    # (found by the mutation property: the span holds the header between the halves)
    written = "CM17-\n\nFinal Determination Letter for IMR Case Number\n\n0009282"
    assert wrong("case_number", "CM17-0009282", written) is None
    assert wrong("case_number", "CM17-0009283", written) is not None


def test_a_treatment_header_without_its_treatment_has_no_span() -> None:
    path = Path(__file__).parent / "layouts" / "fdl-2014" / "outcome-alone-on-its-line.txt"
    text = path.read_text(encoding="utf-8").replace(
        "Physical therapy 2 times a week for 6 weeks for the cervical spine and the right "
        "shoulder:\n",
        ":\n",
    )
    letter = imrparse.parse(text)
    assert letter.determinations[0].treatment.text == ""
    # (an empty value stands nowhere: no empty span at the colon)
    assert letter.span("determinations.0.treatment.text") is None
    assert letter.span("determinations.0.outcome") is not None


@pytest.mark.parametrize("separator", ["\x1c", "\x1d", "\x1e", "\x1f", "\t", "\x0b", "\x0c"])
def test_white_space_beyond_the_blank_inside_a_value_keeps_its_spans(separator: str) -> None:
    # Cleaning folds every white space character (str.isspace) of a value; the count that
    # maps a value back onto its lines must count the same ones (it once counted the
    # information separators \x1c-\x1f as text, and the mechanism's span slid by two).
    text = imrparse.examples.read_text("multi").replace("The injured", f"The{separator} injured", 1)
    letter = imrparse.parse(text)
    for path, value in (
        ("summary.age", "62"),
        ("summary.mechanism_of_injury", letter.summary.mechanism_of_injury),
    ):
        span = letter.span(path)
        assert span is not None and text[span.start : span.end] == value, (path, separator)
