"""The C allocator's settings for reading PDFs, made once a process.

PDFium, which reads the PDFs, takes some 0.7 MB of the C heap for each document and
gives it all back when it closes the document. With its default settings, glibc's
allocator then hands the top of its heap back to the system, and the next document
takes it again: on DWC's letters some 180 page faults a file, each a trip into the
kernel and a page of memory cleared, a sixth of the time a PDF takes to read.

So on Linux with glibc, the first time a process loads PDFium, imrparse asks the
allocator (``mallopt``) to keep :data:`TOP_PAD` bytes at the top of its heap when it
gives memory back (``M_TOP_PAD``). Setting any of glibc's parameters stops the
threshold above which glibc maps a block on its own from sliding up, as it does by
default each time the process frees a larger mapped block; imrparse first sets that
threshold (``M_MMAP_THRESHOLD``) where the sliding one would end, :data:`MMAP_THRESHOLD`,
so that a process which makes and frees large blocks is served from the heap, as
glibc would serve it once it had freed one that large. Memory freed in the middle of
the heap stays with the process, as it does then: a long-running process that frees
many large blocks out of order can keep more memory than before. ``malloc_trim(0)``
gives it back; ``IMRPARSE_TUNE_MALLOC=0`` leaves the allocator as it is.

Nothing is changed elsewhere (macOS, Windows, musl), nor where the environment variable
``IMRPARSE_TUNE_MALLOC`` is ``0`` (or ``false``, ``no``, ``off``) when PDFium is first
loaded; a program can set it in ``os.environ`` before that. :func:`keep_heap` is what
the PDF reader calls.
"""

from __future__ import annotations

import os
import sys
import threading

__all__ = ["ENV_VARIABLE", "MMAP_THRESHOLD", "TOP_PAD", "keep_heap"]

TOP_PAD = 4 << 20
"""Bytes the heap keeps at its top when it gives memory back: room for a document."""

MMAP_THRESHOLD = 32 << 20 if sys.maxsize > 2**32 else 512 << 10
"""Blocks smaller than this come from the heap: where glibc's sliding threshold stops
(32 MiB on 64-bit systems, 512 KiB on 32-bit ones)."""

ENV_VARIABLE = "IMRPARSE_TUNE_MALLOC"
"""The environment variable that, set to ``0``, leaves the allocator as it is."""

_OFF = frozenset({"0", "false", "no", "off"})

# mallopt's parameters (glibc's malloc.h).
_M_TOP_PAD = -2
_M_MMAP_THRESHOLD = -3

_LOCK = threading.Lock()
_kept: bool | None = None  # what the first call decided, for every later one


def keep_heap() -> bool:
    """Ask glibc's allocator to keep memory between PDFs, as the module says, once a
    process; return whether it is set (``False``: the C library is not glibc, or
    ``IMRPARSE_TUNE_MALLOC=0`` opts out). Later calls return what the first decided.

    >>> keep_heap() == keep_heap()
    True
    """
    global _kept
    if _kept is None:
        with _LOCK:
            if _kept is None:
                off = os.environ.get(ENV_VARIABLE, "").strip().lower() in _OFF
                _kept = False if off else _set_glibc()
    return _kept


def _set_glibc() -> bool:
    """Set glibc's parameters; ``False`` where the C library is not glibc."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        if not (os.confstr("CS_GNU_LIBC_VERSION") or "").startswith("glibc"):
            return False  # musl has no such name, or answers otherwise
        import ctypes

        # (the process's mallopt: an allocator preloaded in place of glibc's, as jemalloc
        # may be, answers with its own if it has one; if not, glibc's is set, unused)
        mallopt = ctypes.CDLL(None).mallopt
    except (ValueError, OSError, AttributeError, ImportError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    # mallopt answers 1 where it took the value; the pad only once the threshold is set,
    # since setting either stops the threshold sliding.
    threshold_set: bool = mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1
    return threshold_set and mallopt(_M_TOP_PAD, TOP_PAD) == 1
