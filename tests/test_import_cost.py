"""``import imrparse`` stays light: what only some uses need loads when first used.

The performance page promises it (cattrs, the process pool, ctypes and html load when
first needed, and pathlib and importlib.resources when a file is first read); a module-level import added anywhere would undo it unnoticed.
"""

from __future__ import annotations

import subprocess
import sys

LAZY = ("cattrs", "concurrent.futures", "ctypes", "html", "imrparse.view", "pypdfium2")
# Loaded when a file, a folder or a shipped resource is first read (a fifth of the
# import's cost); a parse of a text needs none of them.
FILES = ("pathlib", "importlib.resources", "tempfile")


def test_import_imrparse_loads_none_of_the_lazy_modules() -> None:
    lazy = LAZY + FILES
    code = (
        f"import sys, imrparse\nprint(','.join(name for name in {lazy!r} if name in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_parsing_a_letter_loads_none_of_them_either() -> None:
    code = (
        "import sys, imrparse\n"
        "imrparse.to_rows([imrparse.parse(imrparse.examples.read_text('multi'))])\n"
        f"print(','.join(name for name in {LAZY!r} if name in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""
