"""A long batch from the command line and from parse_many: which files a folder gives,
the same case met twice, the summary line, the progress line, and Ctrl-C."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import imrparse

SEEDS = sorted((Path(__file__).parent / "seeds").glob("*.txt"))


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "imrparse", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture
def clone_like(tmp_path: Path) -> Path:
    """A folder like a clone or a download: letters, and hidden folders and files holding
    .txt files that are not letters."""
    shutil.copy(SEEDS[0], tmp_path / "a.txt")
    (tmp_path / "sub").mkdir()
    shutil.copy(SEEDS[1], tmp_path / "sub" / "b.txt")
    for hidden in (".venv/lib/site-packages/x", ".git"):
        (tmp_path / hidden).mkdir(parents=True)
        (tmp_path / hidden / "LICENSE.txt").write_text("MIT License\n", encoding="utf-8")
    (tmp_path / ".notes.txt").write_text("my notes\n", encoding="utf-8")
    return tmp_path


def test_find_letter_files_skips_hidden_files_and_folders(clone_like: Path) -> None:
    found = imrparse.find_letter_files(clone_like)
    assert [p.relative_to(clone_like).as_posix() for p in found] == ["a.txt", "sub/b.txt"]


def test_parse_many_expands_a_folder_as_the_cli_does(clone_like: Path) -> None:
    expected = [imrparse.parse_file(p) for p in imrparse.find_letter_files(clone_like)]
    assert list(imrparse.parse_many(str(clone_like))) == expected
    assert list(imrparse.parse_many(clone_like)) == expected
    assert list(imrparse.parse_many([clone_like, SEEDS[2]])) == [
        *expected,
        imrparse.parse_file(SEEDS[2]),
    ]
    result = run("parse", clone_like, "-f", "jsonl", "-q")
    assert result.returncode == 0, result.stderr
    sources = [json.loads(line)["source"] for line in result.stdout.splitlines()]
    assert sources == [letter.source for letter in expected]


@pytest.mark.parametrize("bare", ["pdfs30", "no/such/folder", Path("no/such/folder")])
def test_parse_many_says_a_single_missing_folder_does_not_exist(bare: str | Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"no such file or folder") as info:
        imrparse.parse_many(bare)
    assert info.value.filename == str(bare)


def test_parse_many_refuses_a_single_file_where_a_folder_is_expected(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match=r"is a file, not a folder: pass \["):
        imrparse.parse_many(SEEDS[0])


def test_parse_many_refuses_a_letter_text_passed_alone() -> None:
    with pytest.raises(TypeError, match="iterable of paths or texts"):
        imrparse.parse_many(imrparse.examples.read_text("multi"))


def test_the_same_case_twice_in_a_batch_is_an_error_on_the_later_letter(tmp_path: Path) -> None:
    shutil.copy(SEEDS[0], tmp_path / "a.txt")
    shutil.copy(SEEDS[0], tmp_path / "b-copy.txt")
    first, second = imrparse.parse_many(tmp_path)
    assert first.ok
    [dup] = [d for d in second.diagnostics if d.code == "duplicate-case"]
    assert dup.severity is imrparse.Severity.ERROR
    assert "was already read in this batch" in dup.message
    assert str(tmp_path / "a.txt") in dup.message
    result = run("parse", tmp_path, "-f", "csv", "-o", tmp_path / "out.csv")
    assert result.returncode == 1
    assert result.stderr.count("[duplicate-case]") == 1
    assert "b-copy.txt:1:1: error: the same letter" in result.stderr


def test_summary_line_names_letters_rows_errors_and_the_output(tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    result = run("parse", *SEEDS, "-f", "csv", "-o", out)
    assert result.returncode == 0
    assert result.stderr == (
        f"imrparse: 4 letters, 6 determinations written to {out} (csv); 0 with errors\n"
    )
    with open(out, newline="", encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == 6


def test_strict_summary_says_how_many_were_left_out(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_text("Dear Sir, not a letter.", encoding="utf-8")
    result = run("parse", SEEDS[0], tmp_path / "bad.txt", "--strict", "-f", "jsonl")
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1].endswith("1 with errors, 1 left out (--strict)")
    assert len(result.stdout.splitlines()) == 1


def test_pdfs_without_the_pdf_extra_are_one_usage_error_up_front(tmp_path: Path) -> None:
    for n in range(3):
        (tmp_path / f"letter{n}.pdf").write_bytes(b"%PDF-1.4\n")
    code = (
        "import sys; sys.modules['pypdfium2'] = None\n"
        "from imrparse.cli import main\n"
        f"sys.exit(main(['parse', {str(tmp_path)!r}, '-f', 'csv']))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("imrparse parse: error: reading PDF files needs the pdf extra")
    assert 'pip install "imrparse[pdf]"' in line


def test_demo_prints_a_short_table_and_what_to_try_next(tmp_path: Path) -> None:
    result = run("demo", "--copy", tmp_path / "letters")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert len(lines) < 40
    assert lines[2].split() == [
        "letter",
        "case",
        "treatment",
        "category",
        "/",
        "subcategory",
        "outcome",
    ]
    assert "Retrospective Flexeril 7.5m...  Pharmaceuticals / Muscle Relaxant" in result.stdout
    assert "What to try next:" in lines
    assert "imrparse parse letters -f csv -o letters.csv" in result.stdout
    copied = sorted(p.name for p in (tmp_path / "letters").iterdir())
    assert copied == [f"{name}.txt" for name in imrparse.examples.names()]
    table = run("parse", "letters", "-f", "csv", "-q", cwd=tmp_path)
    decisions = sum(
        len(imrparse.parse(imrparse.examples.read_text(n)).determinations)
        for n in imrparse.examples.names()
    )
    assert len(list(csv.DictReader(table.stdout.splitlines()))) == decisions


def _interrupt(args: list[str], out: Path) -> subprocess.CompletedProcess[str]:
    """Start the CLI, wait until its output has something, then press Ctrl-C."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "imrparse", *args, "-o", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
    )
    deadline = time.monotonic() + 120

    def written() -> int:  # (the output is written beside the file, under a temporary name)
        return sum(p.stat().st_size for p in out.parent.glob(f".{out.name}.*.tmp"))

    while written() < 20_000 and proc.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.02)
    assert proc.poll() is None, "the batch ended before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=120)
    assert "Traceback" not in stderr, stderr
    return subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2,000 letter files (the seeds again and again): long enough to interrupt."""
    folder = tmp_path_factory.mktemp("many")
    texts = [seed.read_text(encoding="utf-8") for seed in SEEDS]
    # one letter that is bad on its own, early, so the interrupted run has an error to name
    (folder / "0000.txt").write_text("Dear Sir, this is not a letter.", encoding="utf-8")
    for n in range(1, 2000):
        (folder / f"{n:04d}.txt").write_text(texts[n % len(texts)], encoding="utf-8")
    return folder


@pytest.mark.parametrize("workers", ["1", "2"])
@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_an_interrupted_run_leaves_whole_outputs(
    many: Path, tmp_path: Path, fmt: str, workers: str
) -> None:
    out = tmp_path / f"out.{fmt}"
    result = _interrupt(["parse", str(many), "-f", fmt, "-j", workers], out)
    assert result.returncode == 130
    last = result.stderr.splitlines()[-1]
    assert last.startswith("imrparse: interrupted; ")
    assert f"written to {out}.partial ({fmt})" in last
    assert last.endswith(f"; {out} not written")
    assert "(--strict)" not in last
    assert "0000.txt:1:1: error:" in result.stderr  # errors met before the interrupt
    assert not out.exists()
    assert not list(tmp_path.glob(".*.tmp"))
    text = Path(f"{out}.partial").read_text(encoding="utf-8")
    assert text.endswith("\n")
    if fmt == "json":
        letters = json.loads(text)
    elif fmt == "jsonl":
        letters = [json.loads(line) for line in text.splitlines()]
    else:
        rows = list(csv.DictReader(text.splitlines()))
        assert all(len(row) == len(imrparse.to_rows([imrparse.Letter()])[0]) for row in rows)
        letters = sorted({row["source"] for row in rows})
    assert 0 < len(letters) < 2000
    assert f"{len(letters)} letters" in last
    parsed_not_written = re.search(r"; (\d+) letters? parsed but not written", last)
    assert parsed_not_written is not None, last


def test_an_interrupted_run_never_replaces_an_existing_output(many: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    earlier = "source,outcome\nearlier.txt,upheld\n"
    out.write_text(earlier, encoding="utf-8")
    result = _interrupt(["parse", str(many)], out)
    assert result.returncode == 130
    assert out.read_text(encoding="utf-8") == earlier
    last = result.stderr.splitlines()[-1]
    assert f"written to {out}.partial (csv)" in last
    assert last.endswith(f"; {out} left as it was")
    assert "(--strict)" not in last
    rows = list(csv.DictReader(Path(f"{out}.partial").read_text(encoding="utf-8").splitlines()))
    letters = len({row["source"] for row in rows})
    decisions = sum(1 for row in rows if row["outcome"])
    assert re.match(rf"imrparse: interrupted; {letters} letters?, {decisions} determinations", last)


def test_a_parquet_file_interrupted_while_writing_is_closed(tmp_path: Path) -> None:
    """Parquet is written in batches of rows. The first Ctrl-C ends the batch between two
    letters (as for the other formats); a second one lands inside the writer, which must
    still close the file."""
    import pyarrow.parquet as pq

    from imrparse.cli.outputs import _write_parquet

    letters = [imrparse.parse_file(seed) for seed in SEEDS]

    def interrupted() -> Iterator[imrparse.Letter]:
        yield from letters[:3]
        raise KeyboardInterrupt

    out = tmp_path / "cut.parquet"
    with open(out, "wb") as fh, pytest.raises(KeyboardInterrupt):
        _write_parquet(interrupted(), fh)
    table = pq.read_table(out)  # a whole file, with its footer; the rows of the batch
    assert table.column_names == list(imrparse.table.COLUMNS)  # in progress are not in it
    assert table.num_rows == 0


@pytest.mark.skipif(os.name != "posix", reason="a pseudo-terminal is needed")
def test_progress_line_on_a_terminal(tmp_path: Path) -> None:
    import pty

    parent, child = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "imrparse", "parse", *map(str, SEEDS), "-o", str(tmp_path / "o")],
        stderr=child,
        stdout=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
    )
    os.close(child)
    chunks = []
    while True:
        try:
            data = os.read(parent, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(parent)
    shown = b"".join(chunks).decode("utf-8")
    assert "\r[########################]  4/4 letters" in shown
    assert shown.rstrip().endswith("0 with errors")


def test_paths_that_name_nothing_are_counted_in_the_summary(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run("parse", tmp_path / "nosuchdir", tmp_path / "empty", "-f", "csv", "-o", "-")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{tmp_path / 'nosuchdir'}: error: no such file or folder",
        f"{tmp_path / 'empty'}: error: no .txt or .pdf file in this folder",
        "imrparse: 0 letters, 0 determinations written to standard output (csv); "
        "0 with errors; 2 paths not read",
    ]
    assert result.stdout.startswith("source,")  # "-o -" is standard output, not a file
    assert not Path("-").exists()


def test_the_cli_keeps_no_letter_with_errors_until_the_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Memory stays flat whatever the errors: the letters with errors are counted and
    their error lines kept as text, not the letters (a batch of copies: every copy after
    the first has a duplicate-case error)."""
    import gc

    from imrparse.cli import main, outputs

    copies = 40
    for n in range(copies):
        shutil.copy(SEEDS[0], tmp_path / f"copy{n:02d}.txt")
    alive: list[int] = []
    write_csv = outputs.WRITERS["csv"]

    def counting(letters: Iterator[imrparse.Letter], out: object) -> None:
        write_csv(letters, out)  # every letter parsed and written: how many still exist?
        gc.collect()
        alive.append(sum(isinstance(o, imrparse.Letter) for o in gc.get_objects()))

    monkeypatch.setitem(outputs.WRITERS, "csv", counting)
    assert main(["parse", str(tmp_path), "-o", str(tmp_path / "out.csv"), "--workers", "1"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert alive and alive[0] <= 2, alive
    assert sum("[duplicate-case]" in line for line in err) == copies - 1
    assert err[-1].endswith(f"; {copies - 1} with errors")
