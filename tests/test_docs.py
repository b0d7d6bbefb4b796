"""Tests that keep the documentation true.

Convention for code examples (one convention, everywhere): every block fenced as
```` ```python ```` in ``docs/*.md`` and ``README.md`` is a **doctest session**: input
lines start with ``>>> `` or ``... ``, and the expected output follows, exactly as in a
docstring. The blocks of one page run in file order in one shared namespace, under the
doctest flags ``ELLIPSIS`` and ``NORMALIZE_WHITESPACE``, with the working directory set
to a temporary folder holding copies of ``tests/seeds/*.txt``: each seed under its own
name, one of them (``001_c5f77487a4b823e6.txt``, two determinations) also as
``letter.txt``, and all of them in a folder ``letters/``. Blocks fenced as ``text``,
``console``, ``bash`` (and the other languages in ``SHOWN_LANGUAGES``) are shown, not
run; a fence in any other language, or a ``python`` block without a ``>>>`` prompt, fails
the suite, so no example can silently go untested.

The tests import the installed ``imrparse`` (they never add ``src/`` to ``sys.path``)
and find ``docs/`` and ``README.md`` relative to this file; when those are absent, as in
a run from an installed copy of the tests, the page tests are skipped.
"""

from __future__ import annotations

import ast
import doctest
import enum
import importlib
import pkgutil
import re
import shutil
import types
from dataclasses import dataclass
from pathlib import Path

import attrs
import pytest

import imrparse
import imrparse.diagnostics

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
README = ROOT / "README.md"
SEEDS = Path(__file__).resolve().parent / "seeds"
LETTER_SEED = "001_c5f77487a4b823e6.txt"

SHOWN_LANGUAGES = frozenset({"text", "console", "bash", "json", "toml", "yaml", "ini"})
"""Fence languages that are displayed but not executed."""

DOCTEST_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE

needs_docs = pytest.mark.skipif(
    not DOCS.is_dir(), reason="docs/ is not beside the tests (installed-only run)"
)


# --------------------------------------------------------------------------- helpers


@dataclass(frozen=True)
class Block:
    """One fenced block of a Markdown page."""

    info: str  # the fence's info string: "python", "text", "{note}", ...
    body: str
    line: int  # 1-based line of the opening fence

    @property
    def language(self) -> str:
        return self.info.split()[0] if self.info.split() else ""


_FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})(?P<info>.*)$")


def fenced_blocks(text: str, first_line: int = 1) -> list[Block]:
    """The fenced blocks of a Markdown text in order, looking inside MyST directives.

    A directive such as ```` ```{note} ```` may hold further blocks; its body is scanned
    too, so an example inside an admonition is still found.
    """
    lines = text.split("\n")
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        m = _FENCE.match(lines[i])
        if not m or (m["fence"][0] == "`" and "`" in m["info"]):
            i += 1
            continue
        fence, info, start = m["fence"], m["info"].strip(), i
        closing = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}\s*$")
        j = i + 1
        while j < len(lines) and not closing.match(lines[j]):
            j += 1
        body = "\n".join(lines[i + 1 : j])
        blocks.append(Block(info=info, body=body + "\n", line=first_line + start))
        if info.startswith("{"):
            blocks.extend(fenced_blocks(body, first_line + start + 1))
        i = j + 1
    return blocks


def markdown_pages() -> list[Path]:
    pages = sorted(DOCS.glob("*.md")) if DOCS.is_dir() else []
    if README.is_file():
        pages.append(README)
    return pages


def python_blocks(page: Path) -> list[Block]:
    return [b for b in fenced_blocks(page.read_text(encoding="utf-8")) if b.language == "python"]


def page_id(page: Path) -> str:
    return page.relative_to(ROOT).as_posix()


PAGES_WITH_EXAMPLES = [p for p in markdown_pages() if python_blocks(p)]


@pytest.fixture
def letters_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary working directory with the seed letters, as the docs' examples expect."""
    (tmp_path / "letters").mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copyfile(seed, tmp_path / seed.name)
        shutil.copyfile(seed, tmp_path / "letters" / seed.name)
    shutil.copyfile(SEEDS / LETTER_SEED, tmp_path / "letter.txt")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_doctests(tests: list[doctest.DocTest]) -> tuple[int, str]:
    """Run doctests in order (sharing whatever globals they share); failures and report."""
    report: list[str] = []
    runner = doctest.DocTestRunner(optionflags=DOCTEST_FLAGS)
    for test in tests:
        runner.run(test, out=report.append, clear_globs=False)
    return runner.failures, "".join(report)


def headings(text: str) -> list[tuple[int, str, int]]:
    """(level, title, 0-based line index) of every ATX heading outside fenced blocks."""
    found = []
    in_fence: str | None = None
    for index, line in enumerate(text.split("\n")):
        m = _FENCE.match(line)
        if m:
            if in_fence is None:
                in_fence = m["fence"]
            elif m["fence"][0] == in_fence[0] and len(m["fence"]) >= len(in_fence):
                in_fence = None
            continue
        if in_fence is None and (h := re.match(r"^(#{1,6})\s+(.*?)\s*#*\s*$", line)):
            found.append((len(h[1]), h[2], index))
    return found


def sections(text: str, level: int) -> dict[str, str]:
    """Heading title -> the text directly under it (up to the next heading of any level),
    for the headings of one level."""
    lines = text.split("\n")
    heads = headings(text)
    out: dict[str, str] = {}
    for n, (lvl, title, index) in enumerate(heads):
        if lvl != level:
            continue
        end = heads[n + 1][2] if n + 1 < len(heads) else len(lines)
        out[title] = "\n".join(lines[index + 1 : end])
    return out


def first_column(section: str) -> list[str]:
    """The back-quoted names in the first cell of a section's table rows."""
    return re.findall(r"^\|\s*`([^`]+)`\s*\|", section, flags=re.MULTILINE)


# --------------------------------------------------------------------- the examples


@needs_docs
@pytest.mark.parametrize("page", PAGES_WITH_EXAMPLES, ids=page_id)
def test_examples_on_the_page_run(page: Path, letters_dir: Path) -> None:
    """Every ```python block of the page runs, in order, and prints what the page says."""
    parser = doctest.DocTestParser()
    namespace: dict[str, object] = {"__name__": "__docs__"}
    tests = []
    for block in python_blocks(page):
        name = f"{page_id(page)}:{block.line}"
        test = parser.get_doctest(block.body, {}, name, str(page), block.line)
        test.globs = namespace  # DocTest copies its globals; the page's blocks share one
        tests.append(test)
    failures, report = run_doctests(tests)
    assert failures == 0, report


@needs_docs
@pytest.mark.parametrize("page", markdown_pages(), ids=page_id)
def test_code_blocks_are_run_or_declared_shown(page: Path) -> None:
    """No block can escape the examples test by its fence: python blocks are doctest
    sessions, and every other block names a language that is only shown."""
    bad = []
    for block in fenced_blocks(page.read_text(encoding="utf-8")):
        if block.info.startswith("{"):
            continue
        if block.language == "python":
            first = next((ln.strip() for ln in block.body.splitlines() if ln.strip()), "")
            if not first.startswith(">>>"):
                bad.append(f"line {block.line}: python block does not start with '>>>'")
        elif block.language not in SHOWN_LANGUAGES:
            bad.append(f"line {block.line}: fence language {block.info!r} is neither run nor shown")
    assert not bad, f"{page_id(page)}:\n" + "\n".join(bad)


def test_fence_reader_finds_blocks_inside_directives() -> None:
    text = "````{note}\n```python\n>>> 1\n1\n```\n````\n\n```text\nx\n```\n"
    assert [(b.language, b.line) for b in fenced_blocks(text)] == [
        ("{note}", 1),
        ("python", 2),
        ("text", 8),
    ]


@pytest.mark.skipif(not README.is_file(), reason="README.md is not beside the tests")
def test_readme_quick_start_has_the_two_commands() -> None:
    blocks = [b for b in fenced_blocks(README.read_text(encoding="utf-8")) if b.language == "bash"]
    assert [b.body.strip() for b in blocks] == [
        'python3 -m venv .venv && .venv/bin/pip install ".[pdf]" && .venv/bin/imrparse demo',
        'python3 -m venv .venv && .venv/bin/pip install ".[test]" && .venv/bin/python -m pytest',
    ]


# ----------------------------------------------------------------------- docstrings


def package_modules() -> list[str]:
    names = ["imrparse"]
    for info in pkgutil.walk_packages(imrparse.__path__, "imrparse."):
        if info.name.rsplit(".", 1)[-1] != "__main__":
            names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize("module_name", package_modules())
def test_docstring_examples_run(
    module_name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The examples in every module's docstrings pass (doctest.testmod, with a report)."""
    monkeypatch.chdir(tmp_path)
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:  # a module behind an optional extra, e.g. pyarrow
        if exc.name and not exc.name.startswith("imrparse"):
            pytest.skip(f"{module_name} needs {exc.name}, an optional dependency")
        raise
    tests = docstring_tests(module)
    failures, report = run_doctests(tests)
    assert failures == 0, report


def docstring_tests(module: types.ModuleType) -> list[doctest.DocTest]:
    """The examples in a module's docstrings, sorted by name.

    A module compiled by mypyc (see hatch_build.py) keeps no docstrings, so its examples
    are read from the ``.py`` file the wheel ships beside it, and run against the
    compiled module: a compiled install is held to the same examples.
    """
    path = Path(module.__file__ or "")
    if path.suffix == ".py":
        found = doctest.DocTestFinder(exclude_empty=True).find(module)
        return sorted(found, key=lambda t: t.name)
    source = path.with_name(path.name.split(".", 1)[0] + ".py")
    tree = ast.parse(source.read_text(encoding="utf-8"), str(source))
    parser = doctest.DocTestParser()
    tests = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef):
            continue
        doc = ast.get_docstring(node)
        if doc and ">>>" in doc:
            name = module.__name__ if isinstance(node, ast.Module) else node.name
            line = 0 if isinstance(node, ast.Module) else node.lineno
            globs = dict(vars(module))
            tests.append(parser.get_doctest(doc, globs, name, str(source), line))
    return sorted(tests, key=lambda t: t.name)


def _public_objects() -> dict[str, object]:
    return {name: getattr(imrparse, name) for name in imrparse.__all__}


def test_every_public_name_has_a_docstring_example() -> None:
    """Every function, class and module in ``imrparse.__all__`` shows how it is used."""
    data = {"__version__", "converter"}  # plain values: documented on the API page instead
    lacking = sorted(
        name
        for name, obj in _public_objects().items()
        if name not in data and ">>>" not in (getattr(obj, "__doc__", None) or "")
    )
    assert not lacking, f"public names whose docstring has no example: {lacking}"


# ------------------------------------------------------------------------ API page


# A documented object: "```{py:data} name" in MyST, or ".. autofunction:: imrparse.name"
# (and the like) inside an eval-rst block.
_API_TARGET = re.compile(
    r"^(?:```\{(?:auto\w+|py:\w+)\}|\s*\.\. (?:auto\w+|py:\w+)::)\s+(\S+)", flags=re.MULTILINE
)


@needs_docs
def test_api_page_documents_exactly_the_public_names() -> None:
    """The API page documents every name in ``imrparse.__all__`` and nothing else, then
    the ``imrparse.diagnostics`` module under its own heading."""
    text = (DOCS / "api.md").read_text(encoding="utf-8")
    public, _, diagnostics = text.partition("\n## Diagnostic codes\n")
    documented = {t.removeprefix("imrparse.") for t in _API_TARGET.findall(public)}
    documented = {t for t in documented if "." not in t} - {"imrparse"}
    assert documented == set(imrparse.__all__)
    names = {t.rsplit(".", 1)[-1] for t in _API_TARGET.findall(diagnostics)}
    assert "imrparse.diagnostics" in _API_TARGET.findall(diagnostics)
    assert set(imrparse.diagnostics.__all__) <= names


# ---------------------------------------------------------------- the data model


def _records() -> dict[str, type]:
    return {n: o for n, o in _public_objects().items() if isinstance(o, type) and attrs.has(o)}


def _enums() -> dict[str, type[enum.Enum]]:
    return {
        n: o
        for n, o in _public_objects().items()
        if isinstance(o, type) and issubclass(o, enum.Enum)
    }


@needs_docs
def test_data_model_page_lists_every_field_of_every_record() -> None:
    """Renaming, adding or removing a field fails here until the page says so too."""
    text = (DOCS / "data-model.md").read_text(encoding="utf-8")
    documented = {title: first_column(body) for title, body in sections(text, 2).items()}
    records = _records()
    assert records, "no attrs records among the public names"
    for name, cls in records.items():
        assert name in documented, f"data-model.md has no '## {name}' section"
        fields = [f.name for f in attrs.fields(cls)]
        assert documented[name] == fields, (
            f"{name}: page lists {documented[name]}, record has {fields}"
        )


@needs_docs
def test_data_model_page_lists_every_enum_value() -> None:
    text = (DOCS / "data-model.md").read_text(encoding="utf-8")
    tables = sections(text, 3)
    for name, cls in _enums().items():
        assert name in tables, f"data-model.md has no '### {name}' section"
        rows = re.findall(
            r'^\|\s*`(\w+)`\s*\|\s*`"([^"`]*)"`\s*\|', tables[name], flags=re.MULTILINE
        )
        assert rows == [(m.name, m.value) for m in cls], f"{name}: the page's values differ"


@needs_docs
def test_data_model_page_documents_no_record_that_does_not_exist() -> None:
    text = (DOCS / "data-model.md").read_text(encoding="utf-8")
    with_tables = {t for t, body in sections(text, 2).items() if first_column(body)}
    with_tables |= {t for t, body in sections(text, 3).items() if first_column(body)}
    assert with_tables == set(_records()) | set(_enums())


# ------------------------------------------------------------------- diagnostics


_SEVERITY_HEADINGS = {
    "Errors": imrparse.Severity.ERROR,
    "Warnings": imrparse.Severity.WARNING,
    "Information": imrparse.Severity.INFO,
}


def _documented_codes() -> list[tuple[str, imrparse.Severity]]:
    text = (DOCS / "diagnostics.md").read_text(encoding="utf-8")
    found = []
    severity = None
    for level, title, _ in headings(text):
        if level == 2:
            severity = _SEVERITY_HEADINGS.get(title)
        elif level == 3 and (m := re.fullmatch(r"`([a-z0-9-]+)`", title)):
            assert severity is not None, f"code {m[1]} is not under a severity heading"
            found.append((m[1], severity))
    return found


@needs_docs
def test_diagnostics_page_lists_exactly_the_codes() -> None:
    """Each code is a '### `code`' heading under its severity's '## ' heading."""
    documented = _documented_codes()
    codes = [code for code, _ in documented]
    assert len(codes) == len(set(codes)), "a code is documented twice"
    assert set(codes) == set(imrparse.diagnostics.CODES)
    expected = {code: info.severity for code, info in imrparse.diagnostics.CODES.items()}
    assert dict(documented) == expected, "a code is listed under the wrong severity"


@needs_docs
def test_diagnostics_page_says_what_to_do_for_every_code() -> None:
    text = (DOCS / "diagnostics.md").read_text(encoding="utf-8")
    for title, body in sections(text, 3).items():
        for part in ("**Meaning.**", "**Example.**", "**What to do.**"):
            assert part in body, f"diagnostics.md, {title}: no {part}"


def _package_sources() -> dict[str, str]:
    root = Path(imrparse.__file__).parent
    return {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in root.rglob("*.py")
    }


def test_the_catalogue_holds_exactly_the_codes_the_code_emits() -> None:
    """Every code passed to a diagnostic is catalogued, and every catalogued code is used.

    Looks at the installed package's source: string literals given as ``code=...`` or
    as the first argument of a collector's ``add(...)`` are emitted codes; a catalogued
    code must appear as a literal somewhere outside the catalogue.
    """
    catalogue = set(imrparse.diagnostics.CODES)
    emitted: set[str] = set()
    mentioned: set[str] = set()
    for name, source in _package_sources().items():
        tree = ast.parse(source)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                if (
                    isinstance(node.func, ast.Attribute)
                    and node.func.attr == "add"
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                ):
                    emitted.add(node.args[0].value)
                for kw in node.keywords:
                    if (
                        kw.arg == "code"
                        and isinstance(kw.value, ast.Constant)
                        and isinstance(kw.value.value, str)
                    ):
                        emitted.add(kw.value.value)
            if (
                name != "diagnostics.py"
                and isinstance(node, ast.Constant)
                and node.value in catalogue
            ):
                mentioned.add(node.value)
    emitted.discard("")
    assert emitted <= catalogue, f"emitted but not catalogued: {sorted(emitted - catalogue)}"
    assert catalogue <= mentioned, f"catalogued but never used: {sorted(catalogue - mentioned)}"


# ------------------------------------------------------------------ site settings


@needs_docs
def test_toctree_lists_every_page_once() -> None:
    text = (DOCS / "index.md").read_text(encoding="utf-8")
    [toctree] = [b for b in fenced_blocks(text) if b.info.startswith("{toctree}")]
    entries = [
        ln.strip() for ln in toctree.body.splitlines() if ln.strip() and not ln.startswith(":")
    ]
    pages = sorted(p.stem for p in DOCS.glob("*.md") if p.stem != "index")
    assert sorted(entries) == pages
    assert len(entries) == len(set(entries))


@needs_docs
def test_docs_build_settings_stay_strict() -> None:
    conf = (DOCS / "conf.py").read_text(encoding="utf-8")
    assert re.search(r"^nitpicky = True$", conf, flags=re.MULTILINE)
    assert "intersphinx" not in conf.split("extensions", 1)[1].split("]", 1)[0]


def test_seed_letters_for_the_examples_exist() -> None:
    assert (SEEDS / LETTER_SEED).is_file()
    assert len(list(SEEDS.glob("*.txt"))) >= 4
