"""Under CI a skipped test fails the run (tests/conftest.py), but for the tests that need
the real letters on a runner that declares it has none (IMRPARSE_CI_NO_CORPUS=1): a
plain GitHub runner passes and says so once, and CI that has the corpus requires them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CONFTEST = Path(__file__).with_name("conftest.py")

CORPUS_TEST = """
import pytest

@pytest.mark.skipif(True, reason="no ../shared/realworld here")
def test_needs_the_corpus():
    pass

def test_runs():
    pass
"""

OTHER_SKIP = """
import pytest

def test_skips_for_another_reason():
    pytest.skip("pandas is not installed")
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A repository of its own with the project's conftest, and no ../shared beside it."""
    tests = tmp_path / "repo" / "tests"
    tests.mkdir(parents=True)
    shutil.copy(CONFTEST, tests / "conftest.py")
    (tests / "seeds").mkdir()
    (tests / "test_corpus.py").write_text(CORPUS_TEST, encoding="utf-8")
    return tests


def pytest_run(tests: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("CI", "IMRPARSE_CI"))}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tests)],
        capture_output=True,
        text=True,
        cwd=tests.parent,
        env={**clean, **env},
        timeout=300,
    )


def test_in_ci_a_corpus_skip_fails_unless_the_runner_declares_no_corpus(project: Path) -> None:
    strict = pytest_run(project, CI="true")
    assert strict.returncode == 1, strict.stdout
    assert "a skip in CI is a failure" in strict.stdout
    declared = pytest_run(project, CI="true", IMRPARSE_CI_NO_CORPUS="1")
    assert declared.returncode == 0, declared.stdout
    assert declared.stdout.count("CI: 1 test(s) need the real letters") == 1


def test_declaring_no_corpus_allows_no_other_skip(project: Path) -> None:
    (project / "test_other.py").write_text(OTHER_SKIP, encoding="utf-8")
    result = pytest_run(project, CI="true", IMRPARSE_CI_NO_CORPUS="1")
    assert result.returncode == 1
    assert "test_skips_for_another_reason: Skipped: pandas is not installed" in result.stdout


def test_outside_ci_skips_pass(project: Path) -> None:
    assert pytest_run(project).returncode == 0
