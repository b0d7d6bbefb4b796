"""The C allocator's settings for reading PDFs: the one thing imrparse changes in a process.

PDFium, which reads the PDFs, takes some 0.7 MB of the C heap for each document and
gives it all back when it closes the document. With its default settings, glibc's
allocator then hands the top of its heap back to the system, and the next document
takes it again: on DWC's letters some 180 page faults a file, each a trip into the
kernel and a page of memory cleared, a sixth of the time a PDF takes to read.

So on Linux with glibc, the first time a process reads a PDF, imrparse asks the
allocator (``mallopt``) to keep :data:`TOP_PAD` bytes at the top of its heap when it
gives memory back (``M_TOP_PAD``). Setting that turns off glibc's sliding threshold
above which a block is mapped on its own, so imrparse sets that threshold where the
sliding one ends (:data:`MMAP_THRESHOLD`, ``M_MMAP_THRESHOLD``): a process that makes and
frees large blocks is served from the heap as glibc would serve it once it had freed
one. The cost is memory the process keeps: at most :data:`TOP_PAD` more than before.

Nothing is changed elsewhere (macOS, Windows, musl, whose allocators work otherwise), nor
where the environment variable ``IMRPARSE_TUNE_MALLOC`` is ``0`` when the first PDF is
read. :func:`keep_heap` is what the PDF reader calls; a program may call it itself.
"""

from __future__ import annotations

import os
import sys
import threading

__all__ = ["ENV_VARIABLE", "MMAP_THRESHOLD", "TOP_PAD", "keep_heap"]

TOP_PAD = 4 << 20
"""Bytes the heap keeps at its top when it gives memory back: room for a document."""

MMAP_THRESHOLD = 32 << 20
"""Blocks smaller than this come from the heap (glibc's sliding threshold at its top)."""

ENV_VARIABLE = "IMRPARSE_TUNE_MALLOC"
"""The environment variable that, set to ``0``, leaves the allocator as it is."""

# mallopt's parameters (glibc's malloc.h).
_M_TOP_PAD = -2
_M_MMAP_THRESHOLD = -3

_LOCK = threading.Lock()
_kept: bool | None = None  # what the first call decided, for every later one


def keep_heap() -> bool:
    """Ask glibc's allocator to keep memory between PDFs, as the module says, once a
    process; return whether it is set (``False``: not glibc, or opted out with
    ``IMRPARSE_TUNE_MALLOC=0``). Later calls return what the first decided.

    >>> keep_heap() == keep_heap()
    True
    """
    global _kept
    if _kept is None:
        with _LOCK:
            if _kept is None:
                _kept = _set_glibc() if os.environ.get(ENV_VARIABLE) != "0" else False
    return _kept


def _set_glibc() -> bool:
    """Set glibc's parameters; ``False`` where the C library is not glibc."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        if not (os.confstr("CS_GNU_LIBC_VERSION") or "").startswith("glibc"):
            return False  # musl has no such name, or answers otherwise
        import ctypes

        mallopt = ctypes.CDLL("libc.so.6").mallopt
    except (ValueError, OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    # (mallopt answers 1 where it took the value)
    return bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD) & mallopt(_M_TOP_PAD, TOP_PAD))
