"""The C allocator's setting for reading PDFs (imrparse.allocator): set once a process on
glibc, left alone where ``IMRPARSE_TUNE_MALLOC=0`` says so, and what it is for: reading
one PDF after another does not fault the heap back in for every file.

mallopt's parameters belong to the process, so each case runs in a fresh interpreter.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import imrparse.allocator

GLIBC = sys.platform.startswith("linux") and (os.confstr("CS_GNU_LIBC_VERSION") or "").startswith(
    "glibc"
)
REAL_PDFS = Path(__file__).resolve().parents[1].parent / "shared" / "realworld" / "pdf"


def _run(code: str, tune: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k != imrparse.allocator.ENV_VARIABLE}
    if tune is not None:
        env[imrparse.allocator.ENV_VARIABLE] = tune
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout.strip()


@pytest.mark.parametrize(
    ("tune", "made"), [(None, True), ("1", True), ("0", False), (" Off", False)]
)
def test_the_setting_is_made_once_on_glibc_unless_opted_out(tune: str | None, made: bool) -> None:
    code = "from imrparse.allocator import keep_heap; print(keep_heap(), keep_heap())"
    expected = made and GLIBC  # (elsewhere it is never made)
    assert _run(code, tune) == f"{expected} {expected}"


def test_the_opt_out_calls_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the variable says 0 the C library is not even looked up."""
    monkeypatch.setattr(imrparse.allocator, "_kept", None)
    monkeypatch.setenv(imrparse.allocator.ENV_VARIABLE, "0")

    def fail() -> bool:
        raise AssertionError("the allocator was set")

    monkeypatch.setattr(imrparse.allocator, "_set_glibc", fail)
    assert imrparse.allocator.keep_heap() is False


def _not_musl(name: str) -> str:
    raise ValueError("unrecognized configuration name")  # musl has no CS_GNU_LIBC_VERSION


@pytest.mark.parametrize(
    ("platform", "confstr"),
    [("darwin", None), ("win32", None), ("linux", _not_musl), ("linux", lambda name: None)],
    ids=["macos", "windows", "musl", "no-answer"],
)
def test_elsewhere_than_glibc_nothing_is_set(
    platform: str, confstr: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(imrparse.allocator, "_kept", None)
    monkeypatch.delenv(imrparse.allocator.ENV_VARIABLE, raising=False)
    monkeypatch.setattr(sys, "platform", platform)
    if confstr is not None:
        monkeypatch.setattr(os, "confstr", confstr, raising=False)
    else:  # (Windows has no os.confstr: it must not be asked)
        monkeypatch.delattr(os, "confstr", raising=False)
    assert imrparse.allocator.keep_heap() is False


@pytest.mark.skipif(not REAL_PDFS.is_dir(), reason="../shared/realworld/pdf is absent")
def test_reading_pdfs_does_not_fault_the_heap_in_for_each_file() -> None:
    """DWC's real PDFs, each read to rows once after a first: with the setting a file
    costs a few page faults (about 4 here), without it some 180 on this machine (PDFium's
    heap given back to the system when a document closes, and taken again by the next;
    a glibc set otherwise, to huge pages for one, may not give it back)."""
    pytest.importorskip("pypdfium2")
    if not GLIBC:  # (nothing is set elsewhere: the reader leaves the allocator alone)
        assert (
            _run(
                "import imrparse.pdf as p; p.require(); import imrparse.allocator as a; "
                "print(a.keep_heap())",
                None,
            )
            == "False"
        )
        return
    code = (
        "import resource, imrparse\n"
        f"paths = sorted(__import__('pathlib').Path({str(REAL_PDFS)!r}).glob('*.pdf'))\n"
        "imrparse.parse_file(paths[0])\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt\n"
        "for path in paths:\n"
        "    imrparse.to_rows([imrparse.parse_file(path)])\n"
        "print((resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before) / len(paths))\n"
    )
    kept, given_back = float(_run(code, None)), float(_run(code, "0"))
    assert kept < 20 and kept <= given_back, (kept, given_back)
