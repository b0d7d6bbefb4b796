"""The wheel build hook (``hatch_build.py``): when it compiles, falls back or refuses.

The compilation itself is exercised by every real install (CI checks that its install
is compiled); these tests pin the decisions around it, with mypyc replaced by a stub
that succeeds or fails on demand.
"""

from __future__ import annotations

import importlib.util
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
