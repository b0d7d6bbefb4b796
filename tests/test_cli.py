"""The command line, run as a subprocess: outputs, exit codes, messages for bad inputs."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

import imrparse
from imrparse._build import describe
from imrparse.table import BOOL_COLUMNS, COLUMNS, DATE_COLUMNS, INT_COLUMNS

SEEDS = sorted((Path(__file__).parent / "seeds").glob("*.txt"))
ERROR_LINE = re.compile(
    r"^(?P<path>.+):(?P<line>\d+):(?P<column>\d+): error: .+ \[(?P<code>[a-z-]+)\]$"
)


PATH_LINE = re.compile(r"^(?P<path>.+): (?P<what>error|skipped): (?P<cause>.+)$")
SUMMARY_LINE = re.compile(r"^imrparse: \d+ letters?, \d+ determinations? written to .+\n$")


def run(
    *args: str | Path, stdin: bytes = b"", cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "imrparse", *map(str, args)],
        input=stdin.decode("utf-8", "surrogateescape"),
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=300,
    )
    assert "Traceback" not in result.stderr, result.stderr
    quiet = "-q" in args or "--quiet" in args or "--help" in args
    if args and args[0] == "parse" and not quiet and result.returncode in (0, 1):
        # the summary line that ends a parse run; its own tests are in test_cli_batch.py
        *rest, summary = result.stderr.splitlines(keepends=True) or [""]
        assert SUMMARY_LINE.match(summary), result.stderr
        result.stderr = "".join(rest)
    return result


def dicts(letters: Sequence[imrparse.Letter]) -> list[object]:
    return [imrparse.to_dict(letter) for letter in letters]


def as_csv_cell(value: object) -> str:
    return "" if value is None else str(value)


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of a seed, a broken letter, an empty file, a Windows-1252 file, an unreadable
    path (a dangling link), a folder named like a letter (searched, not read) and a file
    of another type (skipped)."""
    folder = tmp_path_factory.mktemp("mixed")
    shutil.copy(SEEDS[0], folder / "a_seed.txt")
    seed = SEEDS[1].read_text(encoding="utf-8")
    broken = re.sub(r"\b(Upheld|Overturned)\b", "Pending", seed)
    (folder / "b_broken.txt").write_text(broken, encoding="utf-8")
    (folder / "c_empty.txt").write_bytes(b"")
    first, rest = SEEDS[2].read_text(encoding="utf-8").split("\n", 1)
    (folder / "d_cp1252.txt").write_bytes(f"{first}\nFlexeril®\n{rest}".encode("cp1252"))
    (folder / "e_folder.txt").mkdir()  # empty: contributes nothing
    (folder / "f_dangling.txt").symlink_to(folder / "gone.txt")
    (folder / "notes.md").write_text("not a letter", encoding="utf-8")
    return folder


GOOD = ("a_seed.txt", "d_cp1252.txt")
BAD = ("b_broken.txt", "c_empty.txt", "f_dangling.txt")


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"imrparse {imrparse.__version__} ({describe()})"


@pytest.mark.parametrize("command", [[], ["parse"], ["stats"], ["demo"]])
def test_help_for_every_command(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: imrparse")


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["frobnicate"],
        ["parse"],
        ["parse", "--format", "xml", "x.txt"],
        ["parse", "--workers", "0", "x.txt"],
        ["parse", "--workers", "two", "x.txt"],
        ["stats", "--top", "-1", "x.txt"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert "usage: imrparse" in result.stderr


def test_unwritable_output_is_a_usage_error(tmp_path: Path) -> None:
    result = run("parse", SEEDS[0], "--output", tmp_path)
    assert result.returncode == 2
    assert str(tmp_path) in result.stderr


def test_parse_seeds_as_json() -> None:
    result = run("parse", *SEEDS)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # but for the summary line, which run() checks
    assert json.loads(result.stdout) == dicts([imrparse.parse_file(p) for p in SEEDS])


def test_parse_a_folder_is_recursive_and_sorted(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    shutil.copy(SEEDS[1], tmp_path / "sub" / "b.txt")
    shutil.copy(SEEDS[0], tmp_path / "a.txt")
    (tmp_path / "skip.md").write_text("x", encoding="utf-8")
    result = run("parse", tmp_path, "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    sources = [json.loads(line)["source"] for line in result.stdout.splitlines()]
    assert sources == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.txt")]


def test_parse_a_glob_pattern(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for seed in SEEDS:
        shutil.copy(seed, tmp_path / seed.name)
    result = run("parse", "*.txt", "--format", "jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    expected = [imrparse.parse_file(Path(seed.name)) for seed in SEEDS]
    assert [json.loads(line) for line in result.stdout.splitlines()] == dicts(expected)
    nothing = run("parse", "*.none", cwd=tmp_path)
    assert nothing.returncode == 1
    assert nothing.stderr == "*.none: error: no file matches this pattern\n"


def test_a_folder_named_on_the_command_line_is_searched(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "x.txt").mkdir()
    shutil.copy(SEEDS[0], tmp_path / "x.txt" / "inside.txt")
    result = run("parse", tmp_path / "empty", tmp_path / "x.txt", "--format", "jsonl")
    assert result.returncode == 1
    assert bad_files_named(result.stderr) == {"empty": "path"}
    [line] = result.stdout.splitlines()
    assert json.loads(line)["source"] == str(tmp_path / "x.txt" / "inside.txt")


def test_parse_stdin() -> None:
    data = SEEDS[0].read_bytes()
    result = run("parse", "-", "--format", "jsonl", stdin=data)
    assert result.returncode == 0, result.stderr
    [line] = result.stdout.splitlines()
    letter = imrparse.parse(data.decode("utf-8"))
    assert json.loads(line) == {**imrparse.to_dict(letter), "source": "<stdin>"}


def test_stdin_between_files_keeps_the_order() -> None:
    result = run("parse", SEEDS[0], "-", SEEDS[1], "--format", "jsonl", stdin=SEEDS[2].read_bytes())
    sources = [json.loads(line)["source"] for line in result.stdout.splitlines()]
    assert sources == [str(SEEDS[0]), "<stdin>", str(SEEDS[1])]


def test_jsonl_and_csv_load_back_to_the_rows(tmp_path: Path) -> None:
    letters = [imrparse.parse_file(p) for p in SEEDS]
    rows = imrparse.to_rows(letters)
    jsonl = run("parse", *SEEDS, "--format", "jsonl")
    assert jsonl.returncode == 0
    back = [imrparse.from_dict(json.loads(line)) for line in jsonl.stdout.splitlines()]
    assert back == letters
    assert imrparse.to_rows(back) == rows
    out = tmp_path / "table.csv"
    result = run("parse", *SEEDS, "--format", "csv", "--output", out)
    assert (result.returncode, result.stdout) == (0, "")
    with out.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames or ()) == COLUMNS
        loaded = list(reader)
    assert loaded == [{k: as_csv_cell(v) for k, v in row.items()} for row in rows]
    for name in INT_COLUMNS:  # whole numbers come back as whole numbers
        assert [int(r[name]) if r[name] else None for r in loaded] == [r[name] for r in rows]
    for name in BOOL_COLUMNS:
        assert [{"True": True, "False": False, "": None}[r[name]] for r in loaded] == [
            r[name] for r in rows
        ]


def test_csv_to_stdout() -> None:
    result = run("parse", *SEEDS, "--format", "csv")
    assert result.returncode == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert len(rows) == len(imrparse.to_rows(map(imrparse.parse_file, SEEDS)))


def test_parquet(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "table.parquet"
    result = run("parse", *SEEDS, "--format", "parquet", "-o", out)
    assert result.returncode == 0, result.stderr
    table = pq.read_table(out)
    assert tuple(table.column_names) == COLUMNS
    rows = imrparse.to_rows(map(imrparse.parse_file, SEEDS))
    back = table.to_pylist()
    for row in back:
        for name in DATE_COLUMNS:  # timestamps at midnight
            day = row[name]
            assert day is None or day.time() == datetime.time(0)
            row[name] = day.date().isoformat() if day is not None else None
    assert back == rows


def test_parquet_dates_read_by_pandas_are_datetimes(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    out = tmp_path / "table.parquet"
    assert run("parse", *SEEDS, imrparse.examples.paths()[0], "-o", out).returncode in (0, 1)
    frame = pd.read_parquet(out)
    for name in DATE_COLUMNS:
        assert frame[name].dtype.kind == "M", (name, frame[name].dtype)
    assert frame["date_of_injury"].dt.year.notna().any()
    expected = imrparse.to_dataframe(
        [*map(imrparse.parse_file, SEEDS), imrparse.parse_file(imrparse.examples.paths()[0])]
    )
    assert list(frame["date_of_injury"]) == list(expected["date_of_injury"])


def test_parquet_without_pyarrow_names_the_extra(tmp_path: Path) -> None:
    code = (
        "import sys; sys.modules['pyarrow'] = None; from imrparse.cli import main; "
        f"sys.exit(main(['parse', {str(SEEDS[0])!r}, '--format', 'parquet', '-o', "
        f"{str(tmp_path / 'x.parquet')!r}]))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 2
    assert 'pip install "imrparse[parquet]"' in result.stderr
    assert "Traceback" not in result.stderr


def bad_files_named(stderr: str) -> dict[str, str]:
    """The file named by each ``path:line:column: error: ... [code]`` line, with its code,
    and by each ``path: error: cause`` line (a path not read), with the code ``path``;
    files skipped (``path: skipped: cause``) are not named."""
    named = {}
    for line in stderr.splitlines():
        if line.startswith("imrparse: "):  # a summary
            continue
        match = ERROR_LINE.match(line)
        if match:
            named[Path(match["path"]).name] = match["code"]
            continue
        match = PATH_LINE.match(line)
        assert match, line
        if match["what"] == "error":
            named[Path(match["path"]).name] = "path"
    return named


def test_mixed_folder(mixed: Path) -> None:
    result = run("parse", mixed, "--format", "jsonl")
    assert result.returncode == 1
    named = bad_files_named(result.stderr)
    assert set(named) == set(BAD)
    assert named["f_dangling.txt"] == "read-error"
    assert named["c_empty.txt"] == "empty-input"
    letters = [imrparse.from_dict(json.loads(line)) for line in result.stdout.splitlines()]
    by_name = {Path(letter.source or "").name: letter for letter in letters}
    assert sorted(by_name) == sorted(GOOD + BAD)  # every input, in order
    assert [Path(letter.source or "").name for letter in letters] == sorted(GOOD + BAD)
    assert by_name["a_seed.txt"] == imrparse.parse_file(mixed / "a_seed.txt")
    cp1252 = by_name["d_cp1252.txt"]
    assert cp1252.ok
    assert cp1252.determinations
    assert "encoding-fallback" in {d.code for d in cp1252.diagnostics}
    assert all(not by_name[name].ok for name in BAD)


def test_mixed_folder_strict_leaves_bad_letters_out(mixed: Path) -> None:
    result = run("parse", mixed, "--strict", "--format", "jsonl", "--workers", "2")
    assert result.returncode == 1
    assert set(bad_files_named(result.stderr)) == set(BAD)
    sources = [Path(json.loads(line)["source"]).name for line in result.stdout.splitlines()]
    assert sources == list(GOOD)


def test_error_lines_give_the_first_error_position(mixed: Path) -> None:
    result = run("parse", mixed / "b_broken.txt")
    assert result.returncode == 1
    letter = imrparse.parse_file(mixed / "b_broken.txt")
    errors = [d for d in letter.diagnostics if d.severity is imrparse.Severity.ERROR]
    assert len(errors) > 1  # every error of the letter is named, in order
    assert result.stderr == "".join(
        f"{mixed / 'b_broken.txt'}:{e.line}:{e.column}: error: {e.message} [{e.code}]\n"
        for e in errors
    )


def test_missing_file_on_the_command_line(tmp_path: Path) -> None:
    result = run("parse", SEEDS[0], tmp_path / "missing.txt", "--format", "jsonl")
    assert result.returncode == 1
    assert bad_files_named(result.stderr) == {"missing.txt": "path"}
    assert f"{tmp_path / 'missing.txt'}: error: no such file or folder" in result.stderr
    assert len(result.stdout.splitlines()) == 1  # a path that names nothing is not a letter


def test_workers_give_the_same_output() -> None:
    one = run("parse", *SEEDS, *SEEDS, "--format", "csv")
    two = run("parse", *SEEDS, *SEEDS, "--format", "csv", "--workers", "2")
    assert two.returncode == one.returncode == 1  # each seed met twice: duplicate-case
    assert two.stdout == one.stdout
    assert two.stderr == one.stderr
    assert one.stderr.count("[duplicate-case]") == len(SEEDS)


def test_no_progress_bar_when_stderr_is_not_a_terminal() -> None:
    assert run("parse", *SEEDS, "-q").stderr == ""
    shown = run("parse", *SEEDS, "--progress", "-q")
    assert shown.returncode == 0
    assert f"{len(SEEDS)}/{len(SEEDS)} letters" in shown.stderr


def test_stats_on_seeds() -> None:
    letters = [imrparse.parse_file(p) for p in SEEDS]
    determinations = [d for letter in letters for d in letter.determinations]
    upheld = sum(d.outcome is imrparse.Outcome.UPHELD for d in determinations)
    result = run("stats", *SEEDS)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert re.search(rf"^letters\s+{len(letters)}$", out, re.MULTILINE)
    assert re.search(rf"^determinations\s+{len(determinations)}$", out, re.MULTILINE)
    assert re.search(rf"^  upheld\s+{upheld}\s", out, re.MULTILINE)
    for heading in ("guideline source", "reviewer specialty", "treatment name"):
        assert f"Uphold rate by {heading}" in out
    assert "Diagnostics by code" in out
    for d in determinations:
        assert d.treatment.name in out or "more" in out


def test_stats_top_limits_the_breakdowns() -> None:
    result = run("stats", *SEEDS, "--top", "1")
    names = {
        d.treatment.name.casefold() for p in SEEDS for d in imrparse.parse_file(p).determinations
    }
    section = result.stdout.split("Uphold rate by treatment name")[1].split("\n\n")[0]
    listed = section.strip().splitlines()[1:]
    assert len(listed) == (2 if len(names) > 1 else 1)
    if len(names) > 1:
        assert listed[-1].strip() == f"... and {len(names) - 1} more"


def test_stats_on_the_mixed_folder_reports_bad_files(mixed: Path) -> None:
    result = run("stats", mixed)
    assert result.returncode == 1
    assert set(bad_files_named(result.stderr)) == set(BAD)
    assert re.search(r"^letters\s+5$", result.stdout, re.MULTILINE)
    assert re.search(r"^  with errors\s+3$", result.stdout, re.MULTILINE)


def test_demo_json_prints_the_examples_records() -> None:
    result = run("demo", "--json")
    records = json.loads(result.stdout)
    names = [path.name for path in imrparse.examples.paths()]
    assert [r["source"] for r in records] == [f"examples/{name}" for name in names]
    for record, path in zip(records, imrparse.examples.paths(), strict=False):
        letter = imrparse.parse(path.read_text(encoding="utf-8"))
        assert record == {**imrparse.to_dict(letter), "source": f"examples/{path.name}"}
    assert result.returncode == (0 if all(imrparse.from_dict(r).ok for r in records) else 1)
    assert result.stdout.startswith("[\n  {")
