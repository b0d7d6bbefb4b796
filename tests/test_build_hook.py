"""The wheel build hook (``hatch_build.py``): when it compiles, falls back or refuses.

The compilation itself is exercised by every real install (CI checks that its install
is compiled); these tests pin the decisions around it, with mypyc replaced by a stub
that succeeds or fails on demand.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

pytest.importorskip("hatchling", reason="the build hook runs inside hatchling")

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def hook_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("hatch_build", ROOT / "hatch_build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["hatch_build"] = module
    spec.loader.exec_module(module)
    return module


class Messages:
    """Stands in for hatchling's application object: keeps what the hook says."""

    def __init__(self) -> None:
        self.info: list[str] = []
        self.warnings: list[str] = []

    def display_info(self, message: str) -> None:
        self.info.append(message)

    def display_warning(self, message: str) -> None:
        self.warnings.append(message)


def make_hook(module: ModuleType, compile_result: dict[str, str] | Exception) -> Any:
    """A hook whose compilation is a stub: returns ``compile_result`` or raises it."""

    class StubbedHook(module.MypycBuildHook):
        compiled_in: Path | None = None

        def _compile(self, workdir: Path) -> dict[str, str]:
            self.compiled_in = workdir
            if isinstance(compile_result, Exception):
                raise compile_result
            return compile_result

    return StubbedHook(str(ROOT), {}, None, None, str(ROOT / "dist"), "wheel", Messages())


def empty_build_data() -> dict[str, Any]:
    return {"force_include": {}, "artifacts": []}


def test_a_compiled_wheel_is_platform_specific_and_carries_the_binaries(
    hook_module: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("IMRPARSE_COMPILE", raising=False)
    binaries = {"/tmp/x/imrparse/scanner.so": "imrparse/scanner.so"}
    hook = make_hook(hook_module, binaries)
    data = empty_build_data()
    hook.initialize("standard", data)
    assert data["pure_python"] is False and data["infer_tag"] is True
    assert data["force_include"] == binaries
    workdir = hook.compiled_in
    assert workdir is not None and workdir.is_dir()
    hook.finalize("standard", data, "dist/x.whl")
    assert not workdir.exists()


@pytest.mark.parametrize(
    ("version", "setting"),
    [("editable", "1"), ("standard", "0")],
    ids=["editable install, even with IMRPARSE_COMPILE=1", "IMRPARSE_COMPILE=0"],
)
def test_no_compilation_is_tried(
    hook_module: ModuleType, monkeypatch: pytest.MonkeyPatch, version: str, setting: str
) -> None:
    monkeypatch.setenv("IMRPARSE_COMPILE", setting)
    hook = make_hook(hook_module, {"a.so": "a.so"})
    data = empty_build_data()
    hook.initialize(version, data)
    assert data == empty_build_data() and hook.compiled_in is None
    said = ["imrparse: IMRPARSE_COMPILE=0, building a pure-Python wheel"]
    assert hook.app.info == (said if version == "standard" else [])


def test_a_failed_compilation_falls_back_to_pure_python_with_the_reason(
    hook_module: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IMRPARSE_COMPILE", "auto")
    failure = hook_module.CompileFailed("mypyc exited with 1:\nerror: no C compiler")
    hook = make_hook(hook_module, failure)
    data = empty_build_data()
    hook.initialize("standard", data)
    assert data == empty_build_data()
    (warning,) = hook.app.warnings
    assert "pure-Python wheel" in warning and "no C compiler" in warning
    hook.finalize("standard", data, "dist/x.whl")
    assert hook.compiled_in is not None and not hook.compiled_in.exists()


def test_compile_1_fails_the_build_instead_of_falling_back(
    hook_module: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IMRPARSE_COMPILE", "1")
    hook = make_hook(hook_module, hook_module.CompileFailed("no C compiler"))
    with pytest.raises(hook_module.CompileFailed, match="no C compiler"):
        hook.initialize("standard", empty_build_data())


@pytest.mark.parametrize("value", ["yes", "2", "pure"])
def test_an_unknown_setting_is_refused_by_name(
    hook_module: ModuleType, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("IMRPARSE_COMPILE", value)
    hook = make_hook(hook_module, {"a.so": "a.so"})
    with pytest.raises(ValueError, match="IMRPARSE_COMPILE must be auto, 0 or 1"):
        hook.initialize("standard", empty_build_data())
    assert hook.compiled_in is None


def test_the_compiled_modules_exist_and_include_neither_public_door(
    hook_module: ModuleType,
) -> None:
    # parse() and tokenize() must keep their docstrings: their modules stay Python.
    compiled = set(hook_module.PARSING_PATH)
    assert all((ROOT / "src" / path).is_file() for path in compiled)
    assert not compiled & {"imrparse/parser.py", "imrparse/tokenizer.py", "imrparse/diagnostics.py"}


GCC = "#define __GNUC__ 12\n#define __GNUC_MINOR__ 2\n#define __x86_64__ 1\n"
CLANG = "#define __GNUC__ 4\n#define __clang__ 1\n#define __clang_major__ 15\n"
ICC = "#define __GNUC__ 11\n#define __INTEL_COMPILER 2021\n"


@pytest.mark.parametrize(
    ("macros", "gcc"), [(GCC, True), (CLANG, False), (ICC, False), ("", False)]
)
def test_gcc_is_told_by_its_macros(hook_module: ModuleType, macros: str, gcc: bool) -> None:
    assert hook_module.is_gcc(macros) is gcc


@pytest.mark.parametrize(
    ("setting", "mode"),
    [(None, "auto"), ("auto", "auto"), (" AUTO ", "auto"), ("0", "0"), ("1", "1")],
)
def test_pgo_settings(hook_module: ModuleType, setting: str | None, mode: str) -> None:
    assert hook_module.pgo_mode(setting) == mode


def test_an_unknown_pgo_setting_is_refused_by_name(hook_module: ModuleType) -> None:
    with pytest.raises(ValueError, match="IMRPARSE_PGO must be auto, 0 or 1, not 'yes'"):
        hook_module.pgo_mode("yes")


def test_the_compiler_here_answers_with_its_macros(hook_module: ModuleType) -> None:
    # (CI builds with GCC: the check must see it so, or no build there is profile-guided)
    if sys.platform != "linux":
        pytest.skip("the compiler of Python's builds is GCC on Linux")
    macros = hook_module.compiler_macros()
    assert "#define __GNUC__ " in macros


def pgo_hook(module: ModuleType, failing: str | None) -> Any:
    """A hook whose builds and training run are stubs that keep what they were asked;
    the step named ``failing`` fails (``counts``: the training writes no counts)."""

    class StubbedSteps(module.MypycBuildHook):
        def __init__(self, *args: Any) -> None:
            super().__init__(*args)
            self.steps: list[Any] = []

        def _build(self, workdir: Path, flags: tuple[str, ...], *, force: bool) -> None:
            self.steps.append((flags, force))
            if failing == "use" and flags[-len(module.PGO_USE) :] == module.PGO_USE:
                raise module.CompileFailed("gcc: error: coverage mismatch")
            (workdir / "imrparse" / "scanner.so").write_bytes(b"")

        def _train(self, workdir: Path) -> None:
            self.steps.append("train")
            if failing == "train":
                raise module.CompileFailed("the profile's training run exited with 1")
            if failing != "counts":
                (workdir / "build" / "x.gcda").parent.mkdir(exist_ok=True)
                (workdir / "build" / "x.gcda").write_bytes(b"")

    return StubbedSteps(str(ROOT), {}, None, None, str(ROOT / "dist"), "wheel", Messages())


@pytest.mark.parametrize("failing", [None, "train", "counts", "use"])
def test_a_profile_guided_build_trains_between_its_builds_and_falls_back_whole(
    hook_module: ModuleType, monkeypatch: pytest.MonkeyPatch, failing: str | None
) -> None:
    monkeypatch.setenv("IMRPARSE_COMPILE", "1")
    monkeypatch.delenv("IMRPARSE_PGO", raising=False)
    monkeypatch.setattr(hook_module, "compiler_macros", lambda: GCC)
    hook = pgo_hook(hook_module, failing)
    data = empty_build_data()
    hook.initialize("standard", data)
    common = hook_module.GCC_FLAGS
    generate = ((*common, *hook_module.PGO_GENERATE), False)
    use = ((*common, *hook_module.PGO_USE), True)
    plain_again = (common, True)  # rebuilt whole: no object keeps the counters
    expected = {
        None: [generate, "train", use],
        "train": [generate, "train", plain_again],
        "counts": [generate, "train", plain_again],
        "use": [generate, "train", use, plain_again],
    }[failing]
    assert hook.steps == expected
    assert list(data["force_include"].values()) == ["imrparse/scanner.so"]
    (said,) = hook.app.info
    if failing is None:
        assert said.startswith("imrparse: compiled profile-guided")
    else:
        assert "profile-guided compilation failed, compiling without it" in said
        why = {
            "train": "training run exited",
            "counts": "wrote no counts",
            "use": "coverage mismatch",
        }
        assert why[failing] in said
    hook.finalize("standard", data, "dist/x.whl")


@pytest.mark.parametrize(("setting", "macros"), [("0", GCC), (None, CLANG)])
def test_without_pgo_one_plain_build(
    hook_module: ModuleType, monkeypatch: pytest.MonkeyPatch, setting: str | None, macros: str
) -> None:
    monkeypatch.setenv("IMRPARSE_COMPILE", "1")
    if setting is None:
        monkeypatch.delenv("IMRPARSE_PGO", raising=False)
    else:
        monkeypatch.setenv("IMRPARSE_PGO", setting)
    monkeypatch.setattr(hook_module, "compiler_macros", lambda: macros)
    hook = pgo_hook(hook_module, None)
    data = empty_build_data()
    hook.initialize("standard", data)
    common = hook_module.GCC_FLAGS if macros == GCC else ()
    assert hook.steps == [(common, False)] and hook.app.info == []
    hook.finalize("standard", data, "dist/x.whl")


@pytest.mark.parametrize(("macros", "failing"), [(CLANG, None), (GCC, "train")])
def test_pgo_1_fails_the_build_rather_than_build_plain(
    hook_module: ModuleType, monkeypatch: pytest.MonkeyPatch, macros: str, failing: str | None
) -> None:
    monkeypatch.setenv("IMRPARSE_COMPILE", "1")
    monkeypatch.setenv("IMRPARSE_PGO", "1")
    monkeypatch.setattr(hook_module, "compiler_macros", lambda: macros)
    hook = pgo_hook(hook_module, failing)
    with pytest.raises(hook_module.CompileFailed, match=r"needs GCC|training run"):
        hook.initialize("standard", empty_build_data())
    assert hook.steps == (
        []
        if macros == CLANG
        else [((*hook_module.GCC_FLAGS, *hook_module.PGO_GENERATE), False), "train"]
    )


def test_the_training_run_keeps_the_build_environments_path(
    hook_module: ModuleType, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # pip's isolated build environment (where the runtime dependencies the training run
    # imports are installed) is reached through PYTHONPATH: a run without it found no
    # attrs on a fresh machine, and the build fell back to plain (a regression).
    seen: list[dict[str, str] | None] = []
    monkeypatch.setattr(
        hook_module, "_run", lambda command, workdir, what, env=None: seen.append(env)
    )
    monkeypatch.setenv("PYTHONPATH", "/isolated/overlay")
    hook = make_hook(hook_module, {})
    hook._train(tmp_path)
    assert seen and seen[0] is not None
    assert seen[0]["PYTHONPATH"] == "/isolated/overlay"
    assert seen[0]["PYTHONHASHSEED"] == "0"


def test_the_training_run_refuses_a_package_that_is_not_the_instrumented_one(
    hook_module: ModuleType, tmp_path: Path
) -> None:
    # The source tree (pure Python) is not compiled; an empty folder holds no imrparse,
    # so the one found is another's. Either way the training run must stop.
    for workdir in (ROOT / "src", tmp_path):
        done = subprocess.run(
            [sys.executable, "-c", hook_module._TRAIN, str(workdir)],
            cwd=workdir,
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        )
        assert done.returncode == 1, done.stderr
        assert "the instrumented modules were not imported" in done.stderr
