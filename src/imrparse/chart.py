"""The uphold rates of ``imrparse stats`` as a picture (the ``chart`` extra: matplotlib).

:func:`draw_uphold_rates` draws one panel of horizontal bars per breakdown (by DWC's
request category, by the reviewer's guideline family, by the reviewer's specialty),
each bar an uphold rate labelled with its count of determinations, and saves it in the
format its file name says (``.png``, ``.svg``, ``.pdf``). It uses matplotlib's
object-oriented interface only: it never changes the backend of a notebook or script.
"""

from __future__ import annotations

import os

from .stats import Summary, Tally

__all__ = ["INSTALL_HINT", "draw_uphold_rates", "require"]

INSTALL_HINT = 'pip install "imrparse[chart]"'
"""The command that installs what drawing charts needs."""

_PANELS = (
    ("by category", "by_category"),
    ("by guideline source (MAXIMUS guideline)", "by_source"),
    ("by reviewer specialty", "by_specialty"),
)


def require() -> None:
    """Raise :class:`ImportError`, naming the command that installs it, when matplotlib
    is missing."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise ImportError(f"drawing a chart needs matplotlib: {INSTALL_HINT}") from None


def draw_uphold_rates(summary: Summary, path: str | os.PathLike[str], *, top: int = 8) -> None:
    """Draw the uphold rates of ``summary`` (from :func:`~imrparse.stats.summarize`) into
    the image file ``path``, the ``top`` largest groups of each breakdown.

    >>> import imrparse, tempfile, pathlib
    >>> from imrparse.stats import summarize
    >>> letters = [imrparse.parse(imrparse.examples.read_text(n)) for n in imrparse.examples.names()]
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "rates.png"
    >>> draw_uphold_rates(summarize(letters), path)  # doctest: +SKIP
    """
    require()
    from matplotlib.figure import Figure

    panels = [
        (title, _largest(list(getattr(summary, name).values()), top)) for title, name in _PANELS
    ]
    heights = [max(1, len(tallies)) for _, tallies in panels]
    figure = Figure(
        figsize=(8, 1.2 + 0.32 * sum(heights) + 0.6 * len(panels)), layout="constrained"
    )
    axes = figure.subplots(len(panels), 1, height_ratios=heights, squeeze=False)[:, 0]
    overall = summary.overall
    rate = f"{100 * overall.upheld / overall.total:.0f}%" if overall.total else "-"
    figure.suptitle(
        f"Uphold rate: {summary.letters} letters, {overall.total} determinations, {rate} upheld"
    )
    for ax, (title, tallies) in zip(axes, panels, strict=True):
        labels = [t.label for t in tallies][::-1]
        rates = [100 * t.upheld / t.total for t in tallies][::-1]
        ax.barh(labels, rates, color="#4878a8")
        for y, tally in enumerate(tallies[::-1]):
            ax.text(101, y, f"n={tally.total}", va="center", fontsize=8)
        ax.set_xlim(0, 115)
        ax.set_xticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"])
        ax.set_title(title, loc="left", fontsize=10)
        ax.tick_params(axis="y", labelsize=8)
        if not tallies:
            ax.text(50, 0, "none", ha="center", va="center")
            ax.set_yticks([])
    figure.savefig(os.fspath(path))


def _largest(tallies: list[Tally], top: int) -> list[Tally]:
    ranked = sorted(tallies, key=lambda t: (-t.total, t.label.casefold()))
    return [t for t in ranked[:top] if t.total]
