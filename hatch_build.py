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

Where the C compiler is GCC, the compilation is profile-guided: the modules are built
once with counters, the package's own example letters are parsed with that build, and
the modules are built again with what the counters measured (hot paths laid out
together, branches ordered by how they went). ``IMRPARSE_PGO=0`` builds without it; if any
step of it fails, the modules are built the plain way and the build says why
(``IMRPARSE_PGO=1``: the build fails instead). Other compilers (clang, MSVC) build the
plain way. GCC also builds with
``-fno-semantic-interposition`` (see ``GCC_FLAGS``). Together the two make a first pass
over real letters cost about 7% less CPU time than a plain build.
"""

from __future__ import annotations

import json
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
    "imrparse/classifier/_treatment.py",
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
# Its first argument holds the extra C flags and whether to rebuild what is up to date
# (the second build of a profile-guided compilation: mypy's cache makes its mypyc step
# take seconds).
_COMPILE = """
import json
import sys
from mypyc.build import mypycify
from setuptools import Distribution

options = json.loads(sys.argv[1])
# The optional extras (pandas, pypdfium2, tqdm) are not in the build environment; the
# compiled modules do not import them, the others are only type-checked.
modules = ["--ignore-missing-imports", *sys.argv[2:]]
extensions = mypycify(modules, opt_level="3", debug_level="0", group_name="{group}")
for extension in extensions:
    extension.extra_compile_args = [*extension.extra_compile_args, *options["flags"]]
    extension.extra_link_args = [*extension.extra_link_args, *options["flags"]]
distribution = Distribution({{"name": "{group}", "ext_modules": extensions}})
build = distribution.get_command_obj("build_ext")
build.inplace = True
build.force = options["force"]
distribution.run_command("build_ext")
"""

# The training run of a profile-guided compilation, given the working directory (whose
# ``imrparse`` is the package with the instrumented modules beside their sources): every
# example letter the package ships, parsed as users parse, with and without spans, and
# turned into rows. The working directory is put first on the path by hand (not left to
# ``-c``, which ``PYTHONSAFEPATH`` turns off), and the run refuses a package that is not
# the working directory's, compiled.
_TRAIN = """
import os
import sys

workdir = sys.argv[1]
sys.path.insert(0, workdir)
import imrparse
from imrparse import _build, examples

if not (_build.compiled() and imrparse.__file__.startswith(os.path.join(workdir, ""))):
    raise SystemExit("the instrumented modules were not imported")
for _ in range(3):
    for name in examples.names():
        text = examples.read_text(name)
        imrparse.to_rows(imrparse.parse_letters(text))
        imrparse.parse(text, spans=False)
"""

#: The flags of each build of a profile-guided compilation (GCC's names).
PGO_GENERATE = ("-fprofile-generate",)
PGO_USE = ("-fprofile-use", "-fprofile-partial-training", "-Wno-missing-profile")

#: GCC's flags for every build. The compiled modules call one another's functions, which
#: are exported (the modules' shims find them so); built as a shared library, GCC must
#: assume that another library could replace each of them, and so calls them through the
#: procedure linkage table and never inlines one into another. Nothing replaces them.
GCC_FLAGS = ("-fno-semantic-interposition",)


def is_gcc(macros: str) -> bool:
    """Whether the C compiler whose predefined ``macros`` these are (what ``$CC -dM -E -``
    prints) is GCC: it defines ``__GNUC__``, as clang and Intel's compilers do too."""
    return (
        "#define __GNUC__ " in macros
        and "__clang__" not in macros
        and "__INTEL_COMPILER" not in macros
    )


def pgo_mode(setting: str | None) -> str:
    """``IMRPARSE_PGO``: ``auto`` (the default: profile-guided with GCC, else plain, and
    plain again if a step fails), ``0`` (plain) or ``1`` (profile-guided, or fail)."""
    mode = (setting or "auto").strip().lower()
    if mode not in {"auto", "0", "1"}:
        raise ValueError(f"IMRPARSE_PGO must be auto, 0 or 1, not {mode!r}")
    return mode


def compiler_macros() -> str:
    """What the C compiler that builds extensions predefines (``$CC -dM -E -``; "" if none
    runs). A wrapper such as ``ccache gcc`` is run whole, so the compiler behind it answers."""
    import shlex
    import sysconfig

    command = os.environ.get("CC") or sysconfig.get_config_var("CC") or ""
    words = shlex.split(command)
    if not words:
        return ""
    try:
        done = subprocess.run(
            [*words, "-dM", "-E", "-"],
            input="",
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout


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
        mode = pgo_mode(os.environ.get("IMRPARSE_PGO"))
        gcc = is_gcc(compiler_macros())
        common = GCC_FLAGS if gcc else ()
        if mode == "1" and not gcc:
            raise CompileFailed("IMRPARSE_PGO=1: a profile-guided compilation needs GCC")
        if mode != "0" and gcc:
            try:
                self._build(workdir, (*common, *PGO_GENERATE), force=False)
                self._train(workdir)
                if not any(workdir.rglob("*.gcda")):
                    raise CompileFailed("the profile's training run wrote no counts")
                self._build(workdir, (*common, *PGO_USE), force=True)
                self.app.display_info("imrparse: compiled profile-guided (IMRPARSE_PGO=0: without)")
            except CompileFailed as failure:
                if mode == "1":
                    raise
                self.app.display_info(
                    f"imrparse: the profile-guided compilation failed, compiling without it:\n{failure}"
                )
                self._build(workdir, common, force=True)
        else:
            self._build(workdir, common, force=False)
        suffixes = (".so", ".pyd")
        binaries = {
            str(path): path.relative_to(workdir).as_posix()
            for path in workdir.rglob("*")
            if path.suffix in suffixes and path.relative_to(workdir).parts[0] != "build"
        }
        if not binaries:
            raise CompileFailed("mypyc reported success but produced no extension modules")
        return binaries

    def _build(self, workdir: Path, flags: tuple[str, ...], *, force: bool) -> None:
        """Run mypyc and the C compiler in ``workdir`` with extra C ``flags``."""
        options = json.dumps({"flags": list(flags), "force": force})
        command = [sys.executable, "-c", _COMPILE.format(group=PACKAGE), options, *PARSING_PATH]
        _run(command, workdir, "mypyc")

    def _train(self, workdir: Path) -> None:
        """Parse the example letters with the instrumented build (its counters are written
        beside its objects when the process ends). String hashing is fixed, so that the
        counts, and the build made from them, are the same each time.

        The environment is passed on whole: pip's isolated build environment, which holds
        the runtime dependencies the run imports (attrs, ...), is reached through
        ``PYTHONPATH``; the run puts its working directory first on the path itself, and
        refuses any other ``imrparse`` (a source tree on ``PYTHONPATH``)."""
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        command = [sys.executable, "-c", _TRAIN, str(workdir.resolve())]
        _run(command, workdir, "the profile's training run", env=env)


def _run(command: list[str], workdir: Path, what: str, env: dict[str, str] | None = None) -> None:
    """Run ``command`` in ``workdir``; :class:`CompileFailed` with the end of its output."""
    try:
        done = subprocess.run(
            command,
            cwd=workdir,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            check=False,
            env=env,
        )
    except OSError as error:
        raise CompileFailed(str(error)) from error
    if done.returncode != 0:
        tail = "\n".join(done.stdout.splitlines()[-25:])
        raise CompileFailed(f"{what} exited with {done.returncode}:\n{tail}")
