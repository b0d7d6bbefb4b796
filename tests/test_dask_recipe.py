"""The scaling recipe of docs/scaling.md: a Dask bag of file paths mapped through parse_file."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import imrparse

db = pytest.importorskip("dask.bag")

SEEDS = sorted((Path(__file__).parent / "seeds").glob("*.txt"))
SCALING_PAGE = Path(__file__).parent.parent / "docs" / "scaling.md"


@pytest.mark.parametrize("scheduler", ["synchronous", "processes"])
def test_dask_bag_of_paths_equals_parse_many(scheduler: str) -> None:
    # (each seed once: parse_many flags a letter met twice in its batch, parse_file cannot)
    paths = [str(p) for p in SEEDS]
    bag = db.from_sequence(paths, npartitions=2).map(imrparse.parse_file)
    letters = bag.compute(scheduler=scheduler)
    assert letters == list(imrparse.parse_many(paths))
    rows = bag.map_partitions(imrparse.to_rows).compute(scheduler=scheduler)
    assert [row["treatment_text"] for row in rows] == [
        row["treatment_text"] for row in imrparse.to_rows(letters)
    ]


def test_dask_bag_of_dicts_is_plain_data() -> None:
    bag = db.from_sequence([str(p) for p in SEEDS], npartitions=2)
    dicts = bag.map(imrparse.parse_file).map(imrparse.to_dict).compute(scheduler="synchronous")
    assert [imrparse.from_dict(d) for d in dicts] == [imrparse.parse_file(p) for p in SEEDS]


def test_the_recipe_on_the_scaling_page_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The code shown in docs/scaling.md, run as it stands, gives what parse_many gives."""
    if not SCALING_PAGE.is_file():
        pytest.skip("docs/ is not beside the tests")
    page = SCALING_PAGE.read_text(encoding="utf-8")
    [code] = re.findall(
        r"^```\{code-block\} python\n:name: dask-recipe\n(.*?)^```$",
        page,
        flags=re.MULTILINE | re.DOTALL,
    )
    (tmp_path / "letters" / "more").mkdir(parents=True)
    for n, seed in enumerate(SEEDS):
        folder = tmp_path / "letters" / ("more" if n % 2 else "")
        shutil.copy(seed, folder / seed.name)
    (tmp_path / "letters" / "broken.txt").symlink_to(tmp_path / "gone.txt")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    exec(compile(code, str(SCALING_PAGE), "exec"), namespace)
    paths = namespace["paths"]
    assert isinstance(paths, list)
    assert len(paths) == len(SEEDS) + 1
    expected = list(imrparse.parse_many(paths))
    assert namespace["result"] == expected
    assert [letter.ok for letter in expected].count(False) == 1  # the dangling link
    table = namespace["table"]
    assert isinstance(table, list)
    # letter_index counts within each partition; everything else matches to_rows.
    assert [{**row, "letter_index": 0} for row in table] == [
        {**row, "letter_index": 0} for row in imrparse.to_rows(expected)
    ]
