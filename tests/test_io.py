"""parse_file and parse_many: encodings, bad files, order, processes, progress."""

from __future__ import annotations

import itertools
import os
import pickle
import re
import sys
from pathlib import Path

import attrs
import pytest

import imrparse
from imrparse import Letter, ParseError, Severity
from imrparse.paths import is_path

SEEDS = sorted((Path(__file__).parent / "seeds").glob("*.txt"))
BROKEN = "Flexeril 10mg #30: Pending\nNothing here is a Final Determination Letter.\n"


def seed_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def with_registered_mark(text: str) -> str:
    """The text with a non-ASCII character early on, so cp1252 bytes are not valid UTF-8."""
    first, rest = text.split("\n", 1)
    return f"{first}\nFlexeril®\n{rest}"


def test_there_are_seeds() -> None:
    assert len(SEEDS) >= 4


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_parse_file_equals_parse_with_source(path: Path) -> None:
    letter = imrparse.parse_file(path)
    assert letter == attrs.evolve(imrparse.parse(seed_text(path)), source=str(path))
    assert imrparse.parse_file(str(path)) == letter


def test_utf8_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    text = seed_text(SEEDS[0])
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert imrparse.parse_file(path) == attrs.evolve(imrparse.parse(text), source=str(path))


def test_windows_1252_fallback_is_reported(tmp_path: Path) -> None:
    text = with_registered_mark(seed_text(SEEDS[0]))
    path = tmp_path / "cp1252.txt"
    path.write_bytes(text.encode("cp1252"))
    letter = imrparse.parse_file(path)
    note, *rest = letter.diagnostics
    assert (note.code, note.severity) == ("encoding-fallback", Severity.INFO)
    assert "Windows-1252" in note.message
    assert (note.line, note.column) == (2, len("Flexeril") + 1)  # the first non-UTF-8 byte
    expected = imrparse.parse(text)
    assert attrs.evolve(letter, diagnostics=tuple(rest)) == attrs.evolve(expected, source=str(path))


def test_bytes_undefined_in_windows_1252_still_decode(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(seed_text(SEEDS[0]).encode("ascii") + b"\x81\x8d\n")
    letter = imrparse.parse_file(path)
    assert letter.diagnostics[0].code == "encoding-fallback"
    assert "Latin-1" in letter.diagnostics[0].message


@pytest.mark.parametrize("name", ["letter.docx", "letter", "letter.TXT.bak"])
def test_unsupported_suffix_is_a_parse_error(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(seed_text(SEEDS[0]), encoding="utf-8")
    with pytest.raises(ParseError) as info:
        imrparse.parse_file(path)
    assert info.value.code == "read-error"
    assert "unsupported file type" in str(info.value)


def test_suffix_is_case_insensitive(tmp_path: Path) -> None:
    path = tmp_path / "LETTER.TXT"
    path.write_text(seed_text(SEEDS[0]), encoding="utf-8")
    assert imrparse.parse_file(path).layout == imrparse.parse(seed_text(SEEDS[0])).layout


def test_missing_and_unreadable_files_raise_oserror(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "gone.txt")
    for path in (tmp_path / "missing.txt", tmp_path / "missing.pdf", folder, dangling):
        with pytest.raises(OSError, match=r"no such file or folder|is a folder, not a letter"):
            imrparse.parse_file(path)


def test_paths_of_the_wrong_type_say_so(tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_text(seed_text(SEEDS[0]), encoding="utf-8")
    # bytes name a file as os.fsdecode reads them, as in the os module
    assert imrparse.parse_file(os.fsencode(path)) == imrparse.parse_file(path)
    assert imrparse.parse_file_letters(os.fsencode(path)) == imrparse.parse_file_letters(path)
    assert imrparse.find_letter_files(os.fsencode(tmp_path)) == [path]
    calls = {
        "parse_file": imrparse.parse_file,
        "parse_file_letters": imrparse.parse_file_letters,
        "find_letter_files": imrparse.find_letter_files,
    }
    for name, call in calls.items():
        for wrong in (None, 3, ["a.txt"]):
            message = rf"^{name}\(\) needs a path \(str, bytes or os.PathLike\), not {type(wrong).__name__}$"
            with pytest.raises(TypeError, match=message):
                call(wrong)


def test_parse_many_refuses_what_is_not_an_iterable_of_sources() -> None:
    for wrong, kind in ((None, "NoneType"), (7, "int")):
        with pytest.raises(
            TypeError, match=rf"iterable of paths or texts, or one folder; not {kind}$"
        ):
            imrparse.parse_many(wrong)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"not bytes \(os.fsdecode a path given as bytes\)$"):
        imrparse.parse_many(b"letters")  # type: ignore[arg-type]


def test_pdf_without_the_extra_names_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "letter.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # import pypdfium2 now raises ImportError
    with pytest.raises(ParseError) as info:
        imrparse.parse_file(path)
    assert 'pip install "imrparse[pdf]"' in str(info.value)
    assert info.value.code == "missing-extra"


def test_damaged_pdf_is_a_parse_error(tmp_path: Path) -> None:
    pytest.importorskip("pypdfium2")
    path = tmp_path / "damaged.pdf"
    path.write_bytes(b"%PDF-1.4\nthis is not a PDF body")
    with pytest.raises(ParseError) as info:
        imrparse.parse_file(path)
    assert info.value.code == "damaged-pdf"


# -- the case number from the file name -------------------------------------------------


def _without_case_number(text: str) -> str:
    return re.sub(r"CM\d{2}-\d{7}", "CM16-XXXXXXX", text)


@pytest.mark.parametrize(
    "name", ["CM16-0237844.txt", "cm16-0237844.txt", "letter CM16-0237844 (2).txt"]
)
def test_the_file_name_gives_a_missing_case_number(tmp_path: Path, name: str) -> None:
    text = _without_case_number(imrparse.examples.read_text("header-2016"))
    assert imrparse.parse(text).case_number is None
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    letter = imrparse.parse_file(path)
    assert letter.case_number == "CM16-0237844"
    note = letter.diagnostics[-1]
    assert (note.code, note.severity) == ("case-number-from-file-name", Severity.INFO)
    assert "CM16-0237844 is taken from the file name" in note.message
    assert letter.diagnostics[:-1] == imrparse.parse(text).diagnostics


def test_the_texts_case_number_wins_over_the_file_name(tmp_path: Path) -> None:
    text = imrparse.examples.read_text("header-2016")
    path = tmp_path / "CM16-0237844.txt"
    path.write_text(text, encoding="utf-8")
    letter = imrparse.parse_file(path)
    assert letter.case_number == imrparse.parse(text).case_number != "CM16-0237844"
    assert "case-number-from-file-name" not in [d.code for d in letter.diagnostics]


@pytest.mark.parametrize(
    "name",
    ["letter.txt", "CM16-02378441.txt", "XCM16-0237844.txt", "CM16-0237844 CM16-0237845.txt"],
)
def test_no_case_number_from_a_name_without_exactly_one(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(
        _without_case_number(imrparse.examples.read_text("header-2016")), encoding="utf-8"
    )
    assert imrparse.parse_file(path).case_number is None


def test_strict_is_passed_on(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_text(BROKEN, encoding="utf-8")
    assert not imrparse.parse_file(path).ok
    with pytest.raises(ParseError):
        imrparse.parse_file(path, strict=True)


# -- parse_many ---------------------------------------------------------------------------


def test_which_strings_are_paths(tmp_path: Path) -> None:
    existing = tmp_path / "no-suffix"
    existing.write_text("x", encoding="utf-8")
    assert is_path(Path("anything at all"))
    assert is_path(str(existing))
    assert is_path("missing/letter.txt")
    assert is_path("MISSING.PDF")
    assert is_path("missing/letter")  # a path without a suffix: not a text
    assert is_path("pdfs/CM16-022894")
    assert not is_path(f"{existing}\n")
    assert not is_path("CLINICAL CASE SUMMARY\nThe injured worker is a 65 year old male.txt")
    assert not is_path("")


def test_parse_many_keeps_order_and_mixes_paths_and_texts(tmp_path: Path) -> None:
    texts = [seed_text(p) for p in SEEDS]
    sources: list[str | Path] = [SEEDS[0], texts[1], str(SEEDS[2]), texts[3]]
    letters = list(imrparse.parse_many(sources))
    assert letters == [
        imrparse.parse_file(SEEDS[0]),
        imrparse.parse(texts[1]),
        imrparse.parse_file(SEEDS[2]),
        imrparse.parse(texts[3]),
    ]
    assert [letter.source for letter in letters] == [str(SEEDS[0]), None, str(SEEDS[2]), None]


def test_bad_inputs_never_stop_the_batch(tmp_path: Path) -> None:
    folder = tmp_path / "x.txt"
    folder.mkdir()
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "gone.txt")
    docx = tmp_path / "letter.docx"
    docx.write_text("x", encoding="utf-8")
    bad = [folder, dangling, str(tmp_path / "missing.txt"), docx, 42]
    sources = [SEEDS[0], *bad, SEEDS[1]]
    letters = list(imrparse.parse_many(sources))  # type: ignore[arg-type]
    assert len(letters) == len(sources)
    assert letters[0] == imrparse.parse_file(SEEDS[0])
    assert letters[-1] == imrparse.parse_file(SEEDS[1])
    for letter, source in zip(letters[1:-1], bad, strict=False):
        [diagnostic] = letter.diagnostics
        assert diagnostic.code == "read-error"
        assert diagnostic.severity is Severity.ERROR
        assert letter.determinations == ()
        assert letter.source == (None if source == 42 else os.fspath(source))  # type: ignore[arg-type]
    assert "unsupported file type" in letters[4].diagnostics[0].message
    assert letters[1].diagnostics[0].message == "no .txt or .pdf file in this folder"


def test_a_parser_crash_becomes_an_internal_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(text: str, *, strict: bool = False, spans: bool = True) -> Letter:
        raise RuntimeError("boom")

    monkeypatch.setattr(imrparse.batch, "parse_letters", explode)
    [letter] = imrparse.parse_many(["some text\nmore"])
    assert letter.diagnostics[0].code == "internal-error"
    assert "boom" in letter.diagnostics[0].message


def test_failed_letters_pickle() -> None:
    [letter] = imrparse.parse_many(["missing.txt"])
    assert pickle.loads(pickle.dumps(letter)) == letter


def test_workers_two_equal_sequential_on_seeds_repeated_200_times() -> None:
    sources = [p for p in SEEDS for _ in range(200)]
    sequential = list(imrparse.parse_many(sources))
    parallel = list(imrparse.parse_many(sources, workers=2))
    assert len(parallel) == len(sources)
    assert parallel == sequential


def test_workers_with_texts_and_bad_inputs_and_odd_chunks(tmp_path: Path) -> None:
    sources: list[str | Path] = [*SEEDS, seed_text(SEEDS[0]), str(tmp_path / "missing.txt")] * 5
    expected = list(imrparse.parse_many(sources))
    for chunksize in (1, 3, 1000):
        assert list(imrparse.parse_many(sources, workers=3, chunksize=chunksize)) == expected


def test_parallel_reads_an_endless_iterable_lazily() -> None:
    endless = itertools.cycle(SEEDS)
    first = list(itertools.islice(imrparse.parse_many(endless, workers=2, chunksize=2), 6))
    assert first[:4] == [imrparse.parse_file(p) for p in SEEDS]
    for again, seed in zip(first[4:], SEEDS, strict=False):  # met before: duplicate-case
        assert again.determinations == imrparse.parse_file(seed).determinations
        assert again.diagnostics[-1].code == "duplicate-case"


def test_a_chunk_that_cannot_go_to_a_worker_is_parsed_here() -> None:
    class LocalPath(os.PathLike):  # type: ignore[type-arg]  # defined here: does not pickle
        def __init__(self, path: Path) -> None:
            self.path = path

        def __fspath__(self) -> str:
            return str(self.path)

    sources = [LocalPath(p) for p in SEEDS]
    assert list(imrparse.parse_many(sources, workers=2)) == [imrparse.parse_file(p) for p in SEEDS]


@pytest.mark.parametrize("workers", [0, -1])
def test_workers_must_be_positive(workers: int) -> None:
    with pytest.raises(ValueError, match="workers"):
        imrparse.parse_many(SEEDS, workers=workers)


def test_progress_line_is_drawn_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    letters = list(imrparse.parse_many(SEEDS, progress=True))
    assert letters == list(imrparse.parse_many(SEEDS))
    err = capsys.readouterr().err
    assert f"{len(SEEDS)}/{len(SEEDS)} letters" in err
    assert err.endswith("\n")
