"""Shared fixtures and the hypothesis profiles.

Profiles (pick one with HYPOTHESIS_PROFILE=<name>):
- ``ci``: derandomized and bounded, so CI runs are reproducible (the default when CI is set);
- ``dev``: the default locally, a little wider;
- ``soak``: tens of thousands of examples per property, for long local runs.
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
SEED_PATHS = sorted(SEEDS_DIR.glob("*.txt"))


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    """The four real letters, keyed by file stem, read byte for byte."""
    return {p.stem: p.read_bytes().decode("utf-8") for p in SEED_PATHS}
