"""Shared fixtures and the hypothesis profiles.

Profiles (pick one with HYPOTHESIS_PROFILE=<name>):
- ``ci``: derandomized and bounded, so CI runs are reproducible (the default when CI is set);
- ``dev``: the default locally, a little wider;
- ``soak``: tens of thousands of examples per property, for long local runs.

Under CI (``CI`` set to anything but ``""``, ``0`` or ``false``) a skipped test fails the
run: a test that CI does not run checks nothing where it matters. The exceptions are
tests that carry a marker named in ``IMRPARSE_CI_ALLOW_SKIP`` (comma-separated):
``.ci/run`` names ``compiled_only`` for its pass over the pure-Python source, where the
compiled-only tests have nothing to compare.

Tests that need the real letters (``../shared/realworld`` beside the repository, which
is not published with it) count too: CI that has the corpus must run them. CI that has
not declares so with ``IMRPARSE_CI_NO_CORPUS=1`` (the GitHub workflows and the
cibuildwheel test runs set it); their skips are then allowed, and the run says once how
many there were. A skip for any other reason still fails the run.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=60,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "dev",
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "soak",
    max_examples=10_000,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

SEEDS_DIR = Path(__file__).parent / "seeds"
REALWORLD = Path(__file__).resolve().parents[1].parent / "shared" / "realworld"
"""The real letters, beside the repository; not published with it."""


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _allowed_skip(report: pytest.CollectReport | pytest.TestReport) -> bool:
    allowed = {m.strip() for m in os.environ.get("IMRPARSE_CI_ALLOW_SKIP", "").split(",")}
    keywords = getattr(report, "keywords", {})
    return any(marker in keywords for marker in allowed if marker) or _no_corpus_skip(report)


def _no_corpus() -> bool:
    return os.environ.get("IMRPARSE_CI_NO_CORPUS", "").strip().lower() in ("1", "true", "yes")


def _reason(report: pytest.CollectReport | pytest.TestReport) -> str:
    return str(report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr)


def _no_corpus_skip(report: pytest.CollectReport | pytest.TestReport) -> bool:
    """A skip for want of the real letters, on a runner that declared it has none."""
    return _no_corpus() and "realworld" in _reason(report) and not REALWORLD.is_dir()


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Under CI, fail the run when a test was skipped that may not be (see above)."""
    if not _in_ci():
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is None:
        return
    every = reporter.stats.get("skipped", [])
    corpus = [r for r in every if _no_corpus_skip(r)]
    if corpus:
        reporter.write_line("")
        reporter.write_line(
            f"CI: {len(corpus)} test(s) need the real letters ({REALWORLD}), which this "
            "runner has not (IMRPARSE_CI_NO_CORPUS=1): skipped",
            yellow=True,
        )
    skipped = [r for r in every if not _allowed_skip(r)]
    if not skipped:
        return
    reporter.write_line("")
    reporter.write_line(
        f"CI: {len(skipped)} test(s) skipped, and a skip in CI is a failure "
        "(install the test extra; see tests/conftest.py):",
        red=True,
        bold=True,
    )
    for report in skipped:
        reporter.write_line(f"  {report.nodeid}: {_reason(report)}", red=True)
    session.exitstatus = pytest.ExitCode.TESTS_FAILED


SEED_PATHS = sorted(SEEDS_DIR.glob("*.txt"))


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    """The four real letters, keyed by file stem, read byte for byte."""
    return {p.stem: p.read_bytes().decode("utf-8") for p in SEED_PATHS}
