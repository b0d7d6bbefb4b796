"""Paths said plainly: every path that is not a letter is reported as that path with its
cause, from the API and from the command line, and is never parsed as a letter's text."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import imrparse
from imrparse.cli import main
from imrparse.paths import scan_folder

SEEDS = sorted((Path(__file__).parent / "seeds").glob("*.txt"))


def run(*args: str | Path, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "imrparse", *map(str, args)],
        input=stdin,
        capture_output=True,
        timeout=300,
    )
    out = subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode("utf-8"), result.stderr.decode()
    )
    assert "Traceback" not in out.stderr, out.stderr
    return out


# -- the API ------------------------------------------------------------------------------


def test_a_mistyped_path_is_a_read_error_naming_it_not_a_text() -> None:
    [letter] = imrparse.parse_many(["pdfs/CM16-022894"])
    assert letter.source == "pdfs/CM16-022894"
    [error] = letter.diagnostics
    assert (error.code, error.message) == ("read-error", "no such file or folder")


def test_parse_many_of_a_missing_folder_says_it_does_not_exist() -> None:
    with pytest.raises(FileNotFoundError) as info:
        imrparse.parse_many("nosuchfolder")
    assert "no such file or folder" in str(info.value)
    assert "nosuchfolder" in str(info.value)


def test_parse_file_of_a_folder_says_it_is_a_folder(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError) as info:
        imrparse.parse_file(tmp_path)
    assert "is a folder, not a letter file" in str(info.value)
    assert str(tmp_path) in str(info.value)


def test_find_letter_files_refuses_a_missing_folder_or_a_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no such file or folder"):
        imrparse.find_letter_files(tmp_path / "nosuch")
    with pytest.raises(NotADirectoryError, match="is a file, not a folder"):
        imrparse.find_letter_files(SEEDS[0])


def test_scan_folder_names_what_it_skips(tmp_path: Path) -> None:
    shutil.copy(SEEDS[0], tmp_path / "a.txt")
    (tmp_path / "notes.docx").write_text("x", encoding="utf-8")
    (tmp_path / ".DS_Store").write_text("x", encoding="utf-8")
    found = scan_folder(tmp_path)
    assert found.files == [tmp_path / "a.txt"]
    assert [(Path(p.path).name, p.cause) for p in found.skipped] == [
        ("notes.docx", "not a .txt or .pdf file")
    ]
    assert found.unreadable == []


def _unreadable_subfolder(monkeypatch: pytest.MonkeyPatch, blocked: Path) -> None:
    """os.walk meets ``blocked`` as a folder it may not list (simulated: the tests may
    run as root, whom permissions do not stop)."""
    scandir = os.scandir

    def guarded(path: str | os.PathLike[str] = ".") -> object:
        if Path(path) == blocked:
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", guarded)


def test_an_unreadable_subfolder_is_a_read_error_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(SEEDS[0], tmp_path / "a.txt")
    (tmp_path / "locked").mkdir()
    _unreadable_subfolder(monkeypatch, tmp_path / "locked")
    letters = list(imrparse.parse_many(tmp_path))
    assert [letter.source for letter in letters] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "locked"),
    ]
    [error] = letters[1].diagnostics
    assert error.code == "read-error"
    assert error.message == "cannot read the folder: Permission denied"


def test_the_cli_names_and_counts_an_unreadable_subfolder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(SEEDS[0], tmp_path / "a.txt")
    (tmp_path / "locked").mkdir()
    _unreadable_subfolder(monkeypatch, tmp_path / "locked")
    assert main(["parse", str(tmp_path), "-o", str(tmp_path / "out.csv")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"{tmp_path / 'locked'}: error: cannot read the folder: Permission denied"
    assert err[-1].endswith("; 0 with errors; 1 path not read")


# -- the command line ---------------------------------------------------------------------


def test_a_missing_folder_is_a_path_error_not_a_letter(tmp_path: Path) -> None:
    result = run("parse", f"{tmp_path / 'nosuch'}/", "-f", "jsonl")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{tmp_path / 'nosuch'}/: error: no such file or folder",
        "imrparse: 0 letters, 0 determinations written to standard output (jsonl); "
        "0 with errors; 1 path not read",
    ]


def test_a_named_file_of_another_type_is_a_path_error(tmp_path: Path) -> None:
    (tmp_path / "letter.docx").write_text("x", encoding="utf-8")
    result = run("parse", tmp_path / "letter.docx", SEEDS[0], "-f", "jsonl")
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 1
    assert f"{tmp_path / 'letter.docx'}: error: not a .txt or .pdf file" in result.stderr


def test_files_of_other_types_in_a_folder_are_named_and_counted(tmp_path: Path) -> None:
    shutil.copy(SEEDS[0], tmp_path / "a.txt")
    for n in range(7):
        (tmp_path / f"page{n}.html").write_text("x", encoding="utf-8")
    result = run("parse", tmp_path, "-f", "jsonl")
    assert result.returncode == 0  # skipping is not an error
    lines = result.stderr.splitlines()
    assert lines[:5] == [
        f"{tmp_path / f'page{n}.html'}: skipped: not a .txt or .pdf file" for n in range(5)
    ]
    assert lines[5] == "imrparse: and 2 more files skipped"
    assert lines[-1].endswith("; 0 with errors; 7 files of other types skipped")


def test_stderr_names_every_error_of_a_letter_or_the_first_five(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from imrparse.cli.inputs import Inputs, report_errors

    def letter(errors: int) -> imrparse.Letter:
        found = tuple(
            imrparse.Diagnostic(
                severity=imrparse.Severity.ERROR,
                code="no-letter",
                message=f"e{n}",
                line=n,
                column=1,
            )
            for n in range(1, errors + 1)
        )
        return imrparse.Letter(source=f"{errors}.txt", diagnostics=found)

    assert report_errors(Inputs(), [letter(2), letter(7)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "2.txt:1:1: error: e1 [no-letter]",
        "2.txt:2:1: error: e2 [no-letter]",
        *(f"7.txt:{n}:1: error: e{n} [no-letter]" for n in range(1, 6)),
        "7.txt: and 2 more errors",
    ]


def test_a_pdf_on_standard_input_is_read_as_a_pdf(tmp_path: Path) -> None:
    pytest.importorskip("pypdfium2")
    from pdf_files import letter_pdf

    path = letter_pdf(SEEDS[0].read_text(encoding="utf-8"), tmp_path / "x.pdf")
    result = run("parse", "-", "-f", "jsonl", stdin=path.read_bytes())
    assert result.returncode == 0, result.stderr
    record = imrparse.from_dict(json.loads(result.stdout))
    assert record.source == "<stdin>"
    assert record.determinations == imrparse.parse_file(path).determinations
