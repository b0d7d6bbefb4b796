"""The header table printed as a block of labels and, later, a block of their values:
bare labels paired with bare values in reading order, without crossing (pass 3 of
:func:`~imrparse.extractors.header.read_header_table`).
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["align"]


def align(
    label_event: list[int],
    value_event: list[int],
    window: int,
    pairable: Callable[[int, int], int],
    scale: int,
) -> list[tuple[int, int]]:
    """Pair labels with values without crossing: the most pairs, then the closest ones.

    ``label_event`` and ``value_event`` are the increasing positions of the labels and
    values in the merged stream; label ``i`` may take value ``j`` only if they are at most
    ``window`` apart there and ``pairable(i, j)`` (the distance, or -1) allows it; a pair
    scores ``scale`` less its distance. This is the longest-common-subsequence
    recurrence restricted to a band: ``best[i][j]`` (the best score with labels ``0..i``
    and values before ``j``) is kept for ``j`` in label ``i``'s window only, since past
    the window it is constant and before it equals the previous label's score. Windows
    hold at most ``2 * window + 1`` values, so the work is linear in the events.
    """
    m = len(label_event)
    n = len(value_event)
    lows: list[int] = []
    highs: list[int] = []  # exclusive: values lows[i] .. highs[i] - 1 are in the window
    best: list[list[int]] = []
    move: list[list[int]] = []  # 0 up (label skipped), 1 left (value skipped), 2 pair
    lo = 0
    hi = 0
    for i in range(m):
        while lo < n and value_event[lo] < label_event[i] - window:
            lo += 1
        hi = max(hi, lo)
        while hi < n and value_event[hi] <= label_event[i] + window:
            hi += 1
        lows.append(lo)
        highs.append(hi)
        row: list[int] = []
        moves: list[int] = []
        for j in range(lo, hi + 1):
            score = _previous(best, lows, highs, i, j)
            choice = 0
            if j > lo and row[-1] > score:
                score = row[-1]
                choice = 1
            if j > lo:
                distance = pairable(i, j - 1)
                if distance >= 0:
                    paired = _previous(best, lows, highs, i, j - 1) + scale - distance
                    if paired > score:
                        score = paired
                        choice = 2
            row.append(score)
            moves.append(choice)
        best.append(row)
        move.append(moves)
    pairs: list[tuple[int, int]] = []
    i = m - 1
    j = n
    while i >= 0:
        if j > highs[i]:
            j = highs[i]
        if j < lows[i]:
            i -= 1
            continue
        choice = move[i][j - lows[i]]
        if choice == 0:
            i -= 1
        elif choice == 1:
            j -= 1
        else:
            pairs.append((i, j - 1))
            i -= 1
            j -= 1
    pairs.reverse()
    return pairs


def _previous(best: list[list[int]], lows: list[int], highs: list[int], i: int, j: int) -> int:
    """``best[i - 1][j]``: the best score with labels before ``i`` and values before ``j``."""
    if i == 0:
        return 0
    if j >= highs[i - 1]:
        j = highs[i - 1]
    return best[i - 1][j - lows[i - 1]]
