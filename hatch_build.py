"""Wheel build hook: compile imrparse's parsing path to C with mypyc.

The modules in ``PARSING_PATH`` are ordinary, fully annotated Python (``mypy --strict``
checks them). When a wheel is built, mypyc turns each of them into a C extension
module that sits beside its ``.py`` file and is imported in its place; ``parse`` then
runs about 1.5 times as fast. The records, the converter, rendering, I/O and the CLI
stay plain Python. Nothing is needed at run time that a pure install does not need.

The environment variable ``IMRPARSE_COMPILE`` chooses:

``auto`` (the default)
    compile; if that fails (no C compiler, say), print a warning and build a
    pure-Python wheel, which behaves the same, only slower;
``0``
    build a pure-Python wheel without trying;
``1``
    compile, or fail the build.

Editable installs (``pip install -e .``) are never compiled, so that an edit to the
source takes effect at once. ``imrparse --version`` says which kind is installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PACKAGE = "imrparse"

#: The modules compiled, relative to ``src/``: the pipeline that parse() runs. The public
#: doors (parser.py, tokenizer.py) and the documented diagnostics module stay Python,
#: because compiled functions and classes lose their docstrings.
PARSING_PATH = (
    "imrparse/blocks.py",
    "imrparse/casefacts.py",
    "imrparse/cleaning.py",
    "imrparse/grammar.py",
    "imrparse/layout_words.py",
    "imrparse/letter_checks.py",
    "imrparse/line_kinds.py",
    "imrparse/merge.py",
    "imrparse/page_joins.py",
    "imrparse/page_marks.py",
    "imrparse/pipeline.py",
    "imrparse/record_builders.py",
    "imrparse/scanner.py",
    "imrparse/spanrows.py",
    "imrparse/spans.py",
    "imrparse/splitting.py",
    "imrparse/wordlists.py",
    "imrparse/classifier/_engine.py",
    "imrparse/classifier/_firsts.py",
    "imrparse/classifier/_medications.py",
    "imrparse/classifier/_names.py",
    "imrparse/classifier/_patterns.py",
    "imrparse/classifier/_procedures.py",
    "imrparse/classifier/_read.py",
    "imrparse/classifier/_wording.py",
    "imrparse/extractors/__init__.py",
    "imrparse/extractors/citations.py",
    "imrparse/extractors/dates.py",
    "imrparse/extractors/diagnoses.py",
    "imrparse/extractors/header.py",
    "imrparse/extractors/header_labels.py",
    "imrparse/extractors/header_pairing.py",
    "imrparse/extractors/header_shapes.py",
    "imrparse/extractors/reviewer.py",
    "imrparse/extractors/search.py",
    "imrparse/extractors/summary.py",
    "imrparse/extractors/treatments.py",
    "imrparse/readers/base.py",
    "imrparse/readers/decisions.py",
    "imrparse/readers/fields.py",
    "imrparse/readers/preamble.py",
    "imrparse/readers/reviewer.py",
    "imrparse/readers/summary.py",
    "imrparse/readers/unread.py",
)

# Run by a child interpreter inside a copy of the package, so that neither mypy's cache
# nor the C build lands in the source tree, and so that a failure can be reported whole.
_COMPILE = """
import sys
from mypyc.build import mypycify
from setuptools import Distribution

# The optional extras (pandas, pypdfium2, tqdm) are not in the build environment; the
# compiled modules do not import them, the others are only type-checked.
modules = ["--ignore-missing-imports", *sys.argv[1:]]
extensions = mypycify(modules, opt_level="3", debug_level="0", group_name="{group}")
distribution = Distribution({{"name": "{group}", "ext_modules": extensions}})
build = distribution.get_command_obj("build_ext")
build.inplace = True
distribution.run_command("build_ext")
"""


class CompileFailed(Exception):
    """mypyc or the C compiler failed; the message holds the end of their output."""


class MypycBuildHook(BuildHookInterface):
    """Add the compiled parsing modules to a wheel (see the module docstring)."""

    _workdir: str | None = None

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Compile, unless the build is editable or the environment says not to."""
        if self.target_name != "wheel" or version == "editable":
            return
        mode = os.environ.get("IMRPARSE_COMPILE", "auto").strip().lower()
        if mode not in {"auto", "0", "1"}:
            raise ValueError(f"IMRPARSE_COMPILE must be auto, 0 or 1, not {mode!r}")
        if mode == "0":
            self.app.display_info("imrparse: IMRPARSE_COMPILE=0, building a pure-Python wheel")
            return
        self._workdir = tempfile.mkdtemp(prefix="imrparse-mypyc-")
        try:
            built = self._compile(Path(self._workdir))
        except CompileFailed as failure:
            if mode == "1":
                raise
            self.app.display_warning(
                "imrparse: could not compile the parsing modules with mypyc; building a "
                f"pure-Python wheel, which parses about 1.5 times slower.\n{failure}"
            )
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        build_data["force_include"].update(built)

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        """Remove the compilation's working directory once the wheel is written."""
        if self._workdir is not None:
            shutil.rmtree(self._workdir, ignore_errors=True)
            self._workdir = None

    def _compile(self, workdir: Path) -> dict[str, str]:
        """Compile a copy of the package in ``workdir``; map each binary to its wheel path."""
        shutil.copytree(
            Path(self.root) / "src" / PACKAGE,
            workdir / PACKAGE,
            ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.pyd"),  # nothing stale
        )
        command = [sys.executable, "-c", _COMPILE.format(group=PACKAGE), *PARSING_PATH]
        try:
            done = subprocess.run(
                command,
                cwd=workdir,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                check=False,
            )
        except OSError as error:
            raise CompileFailed(str(error)) from error
        if done.returncode != 0:
            tail = "\n".join(done.stdout.splitlines()[-25:])
            raise CompileFailed(f"mypyc exited with {done.returncode}:\n{tail}")
        suffixes = (".so", ".pyd")
        binaries = {
            str(path): path.relative_to(workdir).as_posix()
            for path in workdir.rglob("*")
            if path.suffix in suffixes and path.relative_to(workdir).parts[0] != "build"
        }
        if not binaries:
            raise CompileFailed("mypyc reported success but produced no extension modules")
        return binaries
