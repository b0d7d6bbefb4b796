"""imrparse is typed for its users: the package carries ``py.typed`` (PEP 561) (the wheel
too: tests/test_distribution.py), so mypy and pyright read its annotations instead of ``Any``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import imrparse

USER_SCRIPT = """\
import imrparse

letter = imrparse.parse_file("letters/CM16-0237844.pdf")
reveal_type(letter.dates.decision_date)
reveal_type(letter.determinations[0].outcome)
for row in imrparse.to_rows(imrparse.parse_many(["a.txt"])):
    reveal_type(row)
"""


def test_the_package_carries_py_typed() -> None:
    assert (Path(imrparse.__file__).parent / "py.typed").is_file()


def test_mypy_strict_sees_the_types_of_a_users_script(tmp_path: Path) -> None:
    """A user's script, checked by ``mypy --strict`` against imrparse as installed (or
    on PYTHONPATH): the revealed types are imrparse's, not ``Any``."""
    pytest.importorskip("mypy")
    script = tmp_path / "analysis.py"
    script.write_text(USER_SCRIPT, encoding="utf-8")
    site = str(Path(imrparse.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": site, "MYPYPATH": ""}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--cache-dir",
            os.devnull,
            "--config-file",
            os.devnull,
            str(script),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=600,
    )
    notes = [line for line in result.stdout.splitlines() if "Revealed type" in line]
    assert len(notes) == 3, result.stdout + result.stderr
    assert 'Revealed type is "datetime.date | None"' in notes[0], notes
    assert 'Revealed type is "imrparse.enums.Outcome"' in notes[1], notes
    assert "dict[str, str | int | bool | None]" in notes[2], notes
    assert "Any" not in "".join(notes)
    assert "missing library stubs or py.typed marker" not in result.stdout
    assert result.returncode == 0, result.stdout
    assert "Success: no issues found in 1 source file" in result.stdout
