"""Sphinx configuration for the imrparse documentation.

Build it strictly, as CI does:

    sphinx-build -W --keep-going -n -b html docs docs/_build/html
"""

from __future__ import annotations

import sys
from pathlib import Path

# Autodoc imports the package from the source tree, always: an installed wheel runs
# the parsing modules compiled by mypyc, and compiled functions keep no docstrings.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import imrparse

project = "imrparse"
author = "imrparse developers"
copyright = "imrparse developers"
release = imrparse.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

# MyST: anchors on headings down to level 3, so a page can link to
# diagnostics.md#missing-section and the CLI can point at a code's entry.
myst_heading_anchors = 3
myst_enable_extensions = ["deflist"]

# Autodoc.
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_preserve_defaults = True
python_use_unqualified_type_names = True
add_module_names = False

# Every cross-reference must resolve.
nitpicky = True
# There is no intersphinx (the docs build offline), so references into the
# standard library and third-party packages cannot resolve. Only those are
# ignored here; a broken reference to an imrparse name still fails the build.
nitpick_ignore_regex = [
    # Standard library types that appear in signatures and docstrings.
    ("py:class", r"(datetime|enum|os|pathlib|importlib|collections\.abc|typing|re)\..*"),
    # The same, named bare where a module imports them for type checking only (pathlib and
    # importlib.resources load when a file is first read, not with ``import imrparse``).
    ("py:class", r"Path|Traversable"),
    # Third-party types: the cattrs converter, pandas frames.
    ("py:class", r"(cattrs|pandas)\..*"),
    # The type variable of from_dict's signature.
    ("py:class", r"(imrparse\.\w+\.)?T"),
    # Where a reader's values stand (Stated.source, Reading.determination_spans): the span machinery.
    ("py:class", r"(imrparse\.spans\.)?(Source|Where)"),
]

html_theme = "furo"
html_title = f"imrparse {release}"
html_static_path: list[str] = []
pygments_style = "sphinx"
pygments_dark_style = "monokai"


def _public_alias(app, env, node, contnode):  # type: ignore[no-untyped-def]
    """Resolve references that name an imrparse object by another spelling.

    The public names live in submodules but are documented where users import
    them from, the top-level package. Type hints name the defining module, so a
    reference to ``imrparse.<module>.<Name>`` is retried as ``imrparse.<Name>``
    when ``<Name>`` is public. A bare name in a submodule's docstring (such as
    ``COLUMNS``) resolves when exactly one documented imrparse object has it.
    Anything else stays unresolved, and the nitpicky build fails on it.
    """
    if node.get("refdomain") != "py":
        return None
    target = node.get("reftarget", "")
    domain = env.get_domain("py")
    parts = target.split(".")
    if parts[0] != "imrparse":
        # An unqualified name in a docstring, such as :data:`COLUMNS` in a module's
        # own docstring: accept it when exactly one documented imrparse object has it.
        found = [name for name in domain.objects if name.endswith("." + target)]
        if len(found) != 1 or not found[0].startswith("imrparse."):
            return None
        alias = found[0]
    else:
        # The first component after the package that is a public name starts the alias.
        for i in range(1, len(parts)):
            if parts[i] in imrparse.__all__:
                alias = ".".join(["imrparse", *parts[i:]])
                break
        else:
            return None
        if alias == target:
            return None
    return domain.resolve_xref(
        env, node.get("refdoc", ""), app.builder, node["reftype"], alias, node, contnode
    )


def _without_help_fields(app, what, name, obj, options, lines):  # type: ignore[no-untyped-def]
    """Drop the *Fields* section imrparse.fielddocs appends to a record's docstring for
    help(): the site documents each field under the class, from its own docstring."""
    from imrparse.fielddocs import MARKER

    if MARKER in lines:
        del lines[lines.index(MARKER) :]


CHART = Path(__file__).parent / "_build" / "generated" / "uphold-rates.svg"
"""The chart the getting-started page shows, drawn from the example letters at each build
(docs/_build is not in the repository)."""

_NO_CHART = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="480" height="40"><text x="10" y="25">'
    "The chart is drawn when matplotlib is installed (the chart extra).</text></svg>\n"
)


def _draw_chart(app):  # type: ignore[no-untyped-def]
    """Draw the uphold rates of the example letters, as ``imrparse stats --chart`` does."""
    from imrparse.stats import summarize

    CHART.parent.mkdir(parents=True, exist_ok=True)
    letters = [imrparse.parse(imrparse.examples.read_text(n)) for n in imrparse.examples.names()]
    try:
        from imrparse.chart import draw_uphold_rates

        draw_uphold_rates(summarize(letters), CHART)
    except ImportError:
        CHART.write_text(_NO_CHART, encoding="utf-8")


def setup(app):  # type: ignore[no-untyped-def]
    app.connect("builder-inited", _draw_chart)
    app.connect("missing-reference", _public_alias)
    app.connect("autodoc-process-docstring", _without_help_fields)
