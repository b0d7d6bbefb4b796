"""What a release ships: the version stated once, a wheel that carries py.typed and the
package data, the cibuildwheel matrix and the release workflow."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import imrparse

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = ROOT / "pyproject.toml"

needs_source = pytest.mark.skipif(
    not (ROOT / "src" / "imrparse").is_dir(), reason="needs the source tree beside the tests"
)


@pytest.fixture(scope="module")
def pure_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("hatchling")
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(out)],
        cwd=ROOT,
        env={**os.environ, "IMRPARSE_COMPILE": "0"},
        check=True,
        capture_output=True,
        timeout=600,
    )
    [wheel] = out.glob("*.whl")
    return wheel


@needs_source
def test_the_version_is_stated_once() -> None:
    text = PYPROJECT.read_text(encoding="utf-8")
    assert re.search(r'^dynamic = \["version"\]$', text, re.MULTILINE)
    assert not re.search(r"^version = ", text, re.MULTILINE)
    assert '[tool.hatch.version]\npath = "src/imrparse/__init__.py"' in text
    init = (ROOT / "src" / "imrparse" / "__init__.py").read_text(encoding="utf-8")
    assert re.findall(r'^__version__ = "(.+)"$', init, re.MULTILINE) == [imrparse.__version__]


@needs_source
def test_the_pure_wheel_carries_the_version_py_typed_and_the_data(pure_wheel: Path) -> None:
    assert pure_wheel.name == f"imrparse-{imrparse.__version__}-py3-none-any.whl"
    with zipfile.ZipFile(pure_wheel) as archive:
        names = set(archive.namelist())
        metadata = archive.read(f"imrparse-{imrparse.__version__}.dist-info/METADATA")
    assert "imrparse/py.typed" in names
    assert "imrparse/data/taxonomy.tsv" in names
    assert "imrparse/examples/overturned.txt" in names
    assert "imrparse/cli/__init__.py" in names
    assert f"Version: {imrparse.__version__}".encode() in metadata


@needs_source
def test_cibuildwheel_builds_cpython_310_to_313_on_every_platform() -> None:
    text = PYPROJECT.read_text(encoding="utf-8")
    assert 'build = ["cp310-*", "cp311-*", "cp312-*", "cp313-*"]' in text
    assert 'archs = ["x86_64", "aarch64"]' in text
    assert "[tool.cibuildwheel.macos]" in text and "[tool.cibuildwheel.windows]" in text
    assert 'environment = { IMRPARSE_COMPILE = "1" }' in text
    assert 'test-command = "python -m pytest' in text


@pytest.mark.skipif(not (ROOT / ".github").is_dir(), reason="needs the repository's .github")
def test_the_release_workflow_builds_wheels_sdist_and_the_pure_wheel() -> None:
    release = (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    assert "pypa/cibuildwheel@" in release
    assert "IMRPARSE_COMPILE: 0" in release
    assert "--sdist" in release
    assert "pypa/gh-action-pypi-publish@" in release
    assert "id-token: write" in release
    tests = (ROOT / ".github" / "workflows" / "tests.yml").read_text(encoding="utf-8")
    assert 'IMRPARSE_CI_NO_CORPUS: "1"' in tests
