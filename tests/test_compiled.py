"""A compiled install parses exactly as the Python source does.

A wheel compiles the parsing pipeline with mypyc (``hatch_build.py``) and ships each
module's ``.py`` file beside its compiled form. Where the installed imrparse is such a
build, these tests copy the ``.py`` files of the installed package into a second,
pure-Python package, ``imrparse_source``, and check that both give the same records, as
dictionaries, for the same texts: the seeds, mutated letters and arbitrary text. A
difference would be a place where compiled code behaves otherwise, such as a value
that contradicts its annotation, which mypyc checks at run time and Python does not.

Elsewhere (an editable install, a pure-Python wheel) the tests are skipped: there is
nothing to compare.
"""

from __future__ import annotations

import importlib
import shutil
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import imrparse
import mutations as mut
import strategies as gen
from imrparse._build import compiled

pytestmark = [
    pytest.mark.compiled_only,
    pytest.mark.skipif(not compiled(), reason="the installed imrparse is not compiled"),
]

SEEDS = [
    p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent / "seeds").glob("*.txt"))
]
SHIPPED = [imrparse.examples.read_text(name) for name in imrparse.examples.names()]


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    """The installed package's ``.py`` files, imported as the package ``imrparse_source``."""
    installed = Path(imrparse.__file__).parent
    root = tmp_path_factory.mktemp("source")
    shutil.copytree(
        installed,
        root / "imrparse_source",
        ignore=shutil.ignore_patterns("*.so", "*.pyd", "__pycache__"),
    )
    sys.path.insert(0, str(root))
    try:
        package = importlib.import_module("imrparse_source")
    finally:
        sys.path.remove(str(root))
    assert not compiled_module(package), "the copy must run as Python"
    return package


def compiled_module(package: ModuleType) -> bool:
    return not (importlib.import_module(f"{package.__name__}.scanner").__file__ or "").endswith(
        ".py"
    )


def same_reading(text: str, source: ModuleType) -> None:
    expected: dict[str, Any] = source.to_dict(source.parse(text))
    assert imrparse.to_dict(imrparse.parse(text)) == expected


@pytest.mark.parametrize("text", SEEDS + SHIPPED)
def test_real_and_shipped_letters(text: str, source: ModuleType) -> None:
    same_reading(text, source)


@given(data=st.data())
def test_mutated_letters(data: st.DataObject, source: ModuleType) -> None:
    if data.draw(st.booleans(), label="generated"):
        text = imrparse.render(data.draw(gen.letters(max_determinations=4), label="letter"))
    else:
        text = data.draw(st.sampled_from(SEEDS + SHIPPED), label="letter")
    mutate = mut.preserving if data.draw(st.booleans(), label="preserving") else mut.destructive
    same_reading(data.draw(mutate(text), label="mutated"), source)


@given(text=gen.any_text)
def test_arbitrary_text(text: str, source: ModuleType) -> None:
    same_reading(text, source)
