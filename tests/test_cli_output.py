"""The output of ``imrparse parse``: its format follows the file's extension, ``-f`` may
only agree with it, and the file appears under its name only when whole."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
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


def test_the_output_extension_chooses_csv(tmp_path: Path) -> None:
    out = tmp_path / "table.csv"
    result = run("parse", *SEEDS, "-o", out)
    assert result.returncode == 0, result.stderr
    with open(out, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(imrparse.table.COLUMNS)
    assert result.stderr.rstrip().endswith("(csv); 0 with errors")


def test_the_output_extension_chooses_json_and_jsonl(tmp_path: Path) -> None:
    assert run("parse", *SEEDS, "-o", tmp_path / "a.json").returncode == 0
    assert len(json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))) == len(SEEDS)
    assert run("parse", *SEEDS, "-o", tmp_path / "a.JSONL").returncode == 0
    lines = (tmp_path / "a.JSONL").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["source"] for line in lines] == [str(seed) for seed in SEEDS]


def test_the_output_extension_chooses_parquet(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "table.parquet"
    assert run("parse", *SEEDS, "-o", out).returncode == 0
    assert pq.read_table(out).num_rows == 6


@pytest.mark.parametrize(
    ("given", "name"), [("json", "t.csv"), ("csv", "t.parquet"), ("jsonl", "t.json")]
)
def test_a_format_that_disagrees_with_the_extension_is_a_usage_error(
    tmp_path: Path, given: str, name: str
) -> None:
    result = run("parse", *SEEDS, "-f", given, "-o", tmp_path / name)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"imrparse parse: error: -f {given} disagrees with the output file")
    assert list(tmp_path.iterdir()) == []


def test_a_format_that_agrees_or_a_name_without_extension(tmp_path: Path) -> None:
    assert run("parse", *SEEDS, "-f", "csv", "-o", tmp_path / "t.csv", "-q").returncode == 0
    assert run("parse", *SEEDS, "-f", "csv", "-o", tmp_path / "plain", "-q").returncode == 0
    assert (tmp_path / "plain").read_text(encoding="utf-8").startswith("source,")
    assert run("parse", SEEDS[0], "-o", tmp_path / "bare", "-q").returncode == 0
    assert json.loads((tmp_path / "bare").read_text(encoding="utf-8"))[0]["layout"]


def test_an_unknown_extension_needs_a_format(tmp_path: Path) -> None:
    result = run("parse", *SEEDS, "-o", tmp_path / "table.xlsx")
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert "cannot tell the format of" in line and "-f" in line
    assert run("parse", *SEEDS, "-f", "csv", "-o", tmp_path / "t.txt", "-q").returncode == 0


def test_the_output_keeps_the_permissions_of_a_new_file(tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    assert run("parse", SEEDS[0], "-o", out, "-q").returncode == 0
    reference = tmp_path / "reference"
    reference.write_text("", encoding="utf-8")
    assert out.stat().st_mode == reference.stat().st_mode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reference", "t.csv"]


def test_an_output_in_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = run("parse", SEEDS[0], "-o", tmp_path / "no" / "t.csv")
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert f"cannot write {tmp_path / 'no' / 't.csv'}" in line


def test_excel_csv_has_a_byte_order_mark(tmp_path: Path) -> None:
    out = tmp_path / "table.csv"
    assert run("parse", *SEEDS, "--excel", "-o", out, "-q").returncode == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfsource,")
    plain = tmp_path / "plain.csv"
    assert run("parse", *SEEDS, "-o", plain, "-q").returncode == 0
    assert data[3:] == plain.read_bytes()
    piped = subprocess.run(
        [sys.executable, "-m", "imrparse", "parse", *map(str, SEEDS), "-f", "csv", "--excel"],
        capture_output=True,
        timeout=300,
    )
    assert piped.stdout == data


def test_excel_is_for_csv_only(tmp_path: Path) -> None:
    result = run("parse", *SEEDS, "--excel", "-o", tmp_path / "t.json")
    assert result.returncode == 2
    assert result.stderr == "imrparse parse: error: --excel is for csv output, not json\n"
