"""``imrparse stats --chart``: the uphold rates as a picture (the chart extra)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import imrparse
from imrparse.stats import summarize

SEEDS = sorted((Path(__file__).parent / "seeds").glob("*.txt"))


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "imrparse", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_stats_draws_the_chart_it_is_asked_for(tmp_path: Path, suffix: str) -> None:
    pytest.importorskip("matplotlib")
    out = tmp_path / f"rates{suffix}"
    result = run("stats", *SEEDS, "--chart", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("letters")
    assert result.stderr == f"imrparse: chart written to {out}\n"
    data = out.read_bytes()
    magic = {".png": b"\x89PNG", ".svg": b"<?xml", ".pdf": b"%PDF"}[suffix]
    assert data.startswith(magic)
    if suffix == ".svg":
        text = data.decode("utf-8")
        assert "by reviewer specialty" in text and "Internal Medicine" in text


def test_the_chart_of_no_determinations_is_drawn(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    from imrparse.chart import draw_uphold_rates

    out = tmp_path / "empty.png"
    draw_uphold_rates(summarize([imrparse.Letter()]), out)
    assert out.read_bytes().startswith(b"\x89PNG")


def test_a_chart_of_another_type_is_a_usage_error(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    result = run("stats", *SEEDS, "--chart", tmp_path / "rates.xlsx")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "name it .png, .svg or .pdf" in result.stderr


def test_without_matplotlib_the_chart_is_one_usage_error_up_front(tmp_path: Path) -> None:
    code = (
        "import sys; sys.modules['matplotlib'] = None\n"
        "from imrparse.cli import main\n"
        f"sys.exit(main(['stats', {str(SEEDS[0])!r}, '--chart', {str(tmp_path / 'c.png')!r}]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        'imrparse stats: error: drawing a chart needs matplotlib: pip install "imrparse[chart]"\n'
    )
