"""The header table that opens the letters of 2016-2017: ``Case Number:``, ``Priority:``, dates.

In the PDF the table has two columns of label/value pairs. Text extractors print it in
several ways, all of which :func:`read_header_table` reads:

- label and value on one line, one or two pairs a line
  (``Date Assigned: 01/02/2016 Date of Injury: 03/04/2015``), the pairs maybe separated
  by runs of spaces;
- a label split over two lines (``Application`` / ``Received:``), its value after the
  second half, on a third line, or between the two halves;
- a block of labels and, later, a block of their values in the same order, or a value
  printed just before its own label (below the table's first label: a date above it,
  on a cover page, is no value).

How it reads, in three linear passes:

1. **Labels.** Each line is cut into whitespace-free tokens. A run of tokens whose
   words, case and spacing folded, spell a label of the caller's table and end with a
   colon is a label. A label's first words without a colon (``Application``) wait, as
   an *open prefix*, for the rest of the label with its colon (``Received:``) on a later
   line, at most ``2 * fields + 2`` lines on; the latest open prefix that completes it
   makes with it one split label.
2. **Values on the label's line.** The token right after a label on its line is that
   label's value when it has the field's shape; when it has another shape the label gets
   no value (it is never paired with anything else). A label with nothing after it on
   its line is *bare*. A token standing alone (a line, or a cell between runs of spaces
   or between label words), below the first label, that has some field's shape is a
   *bare value*.
3. **Bare labels with bare values.** Bare labels and bare values, each in reading order,
   are paired without crossing (the i-th paired label with the i-th paired value), so
   that the most pairs of matching shape form and, among equal counts, the pairs lie
   closest in lines. A pair may only join events at most ``2 * fields + 2`` apart in the
   stream of bare labels and values, which keeps this step linear.

Values are single tokens whose shape is checked per field: ``date`` (``1/2/2016``,
``01-02-16``; month first, as the letters and the date reader write them), ``case-number`` (``CM16-0001234``: letters, two digits, a
hyphen, digits), ``word`` (letters only: ``Standard``) or, for a field without a shape,
``token`` (any whitespace-free token that does not end with a colon). When a field's
label occurs more than once, its first label with a value wins; the later values are
left unread, for the caller to report.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Final, NamedTuple

from ..wordlists import match_key

__all__ = [
    "SHAPES",
    "SHAPE_CASE_NUMBER",
    "SHAPE_DATE",
    "SHAPE_TOKEN",
    "SHAPE_WORD",
    "HeaderValue",
    "fits_shape",
    "read_header_table",
]

SHAPE_DATE: Final = "date"
"""A numeric date, month first: month, day, year (``1/2/2016``, ``01-02-16``, ``1.2.2016``)."""
SHAPE_CASE_NUMBER: Final = "case-number"
"""Letters, two digits, a hyphen, digits: ``CM16-0001234``."""
SHAPE_WORD: Final = "word"
"""One word of letters only: ``Standard``, ``Expedited``."""
SHAPE_TOKEN: Final = "token"
"""Any whitespace-free token not ending with a colon: the shape of a field given none."""
SHAPES: Final = frozenset({SHAPE_DATE, SHAPE_CASE_NUMBER, SHAPE_WORD, SHAPE_TOKEN})
"""The shape names :func:`read_header_table` accepts."""

# Token roles.
_OTHER: Final = 0
_LABEL: Final = 1  # a word (or the colon) of a label, either half of a split one included
_VALUE: Final = 2  # a value paired with a label

_DATE_SEPARATORS: Final = "/-."
# The label tables already folded, by the caller's table (layouts pass the same few).
_TABLES: Final[dict[tuple[tuple[str, str], ...], _Labels]] = {}


class HeaderValue(NamedTuple):
    """One value of the header table, where it stands in the letter."""

    value: str
    """The value as printed, whitespace-folded: ``11/30/2016``, ``Standard``."""
    line: int
    """1-based line number of the value in the letter."""
    column: int
    """1-based column where the value starts."""


class _Token:
    """One whitespace-free token of a line (a plain class: cheap to make when compiled)."""

    def __init__(self, text: str, offset: int, wide: bool) -> None:
        self.text = text
        self.offset = offset  # 0-based, in the stripped content of its line
        self.wide = wide  # a run of two or more blanks (or a tab, or the line start) before it


class _Labels:
    """The caller's label table, folded, with every way a label can be split."""

    def __init__(self, labels: Mapping[str, str]) -> None:
        self.full: dict[str, str] = {}
        self.prefixes: set[str] = set()
        # suffix key -> (prefix key, field) for every split of every label
        self.suffixes: dict[str, list[tuple[str, str]]] = {}
        self.last_words: set[str] = set()
        # The words any label, or the rest of a split one, starts with.
        self.first_words: set[str] = set()
        self.max_words = 1
        for printed, field in labels.items():
            words = match_key(printed.rstrip().rstrip(":")).casefold().split(" ")
            if not words or not words[0]:
                raise ValueError(f"empty label for field {field!r}")
            key = " ".join(words)
            self.full[key] = field
            self.last_words.add(words[-1])
            self.first_words.update(words)
            self.max_words = max(self.max_words, len(words))
            for cut in range(1, len(words)):
                head = " ".join(words[:cut])
                tail = " ".join(words[cut:])
                self.prefixes.add(head)
                self.suffixes.setdefault(tail, []).append((head, field))


class _Label:
    """One label found in the lines (a split one included)."""

    def __init__(self, field: str, start_line: int, start_tok: int, end_line: int, end_tok: int):
        self.field = field
        self.start_line = start_line  # index into lines of its first word
        self.start_tok = start_tok
        self.end_line = end_line  # index into lines of its colon
        self.end_tok = end_tok  # index of the first token after its colon
        self.value_line = -1
        self.value_tok = -1
        self.bare = False


def _ascii_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _ascii_letters(text: str) -> bool:
    return text.isascii() and text.isalpha()


def _is_date(text: str) -> bool:
    if not ("0" <= text[:1] <= "9"):  # (every date starts with a digit: most tokens go here)
        return False
    first = -1  # the first of the separators in the text
    for sep in _DATE_SEPARATORS:
        at = text.find(sep)
        if at >= 0 and (first < 0 or at < first):
            first = at
    if first < 0:
        return False
    sep = text[first]
    parts = text.split(sep)
    if len(parts) != 3 or not all(_ascii_digits(part) for part in parts):
        return False
    a, b, c = len(parts[0]), len(parts[1]), len(parts[2])
    return 1 <= a <= 2 and 1 <= b <= 2 and c in (2, 4)


def _is_case_number(text: str) -> bool:
    hyphen = text.find("-")
    if hyphen < 3:
        return False
    head = text[:hyphen]
    return (
        _ascii_letters(head[:-2]) and _ascii_digits(head[-2:]) and _ascii_digits(text[hyphen + 1 :])
    )


def fits_shape(text: str, shape: str) -> bool:
    """Whether the token ``text`` has the shape ``shape`` (one of :data:`SHAPES`).

    >>> fits_shape("11/30/2016", "date"), fits_shape("CM16-0001234", "date")
    (True, False)
    """
    if shape == SHAPE_DATE:
        return _is_date(text)
    if shape == SHAPE_CASE_NUMBER:
        return _is_case_number(text)
    if shape == SHAPE_WORD:
        return text.isalpha()
    if shape == SHAPE_TOKEN:
        return bool(text) and not text.endswith(":") and not any(ch.isspace() for ch in text)
    raise ValueError(f"unknown shape {shape!r}; expected one of {sorted(SHAPES)}")


def _tokenize(content: str, last_words: set[str]) -> list[_Token]:
    """Whitespace-free tokens; ``Number:CM16-1`` is cut after a label's last word and colon."""
    tokens: list[_Token] = []
    end = 0  # where the token before ends
    for text in content.split():
        start = content.find(text, end)
        wide = start - end >= 2 or "\t" in content[end:start] or not tokens
        end = start + len(text)
        colon = text.find(":")
        if 0 < colon < len(text) - 1 and text[:colon].casefold() in last_words:
            tokens.append(_Token(text[: colon + 1], start, wide))
            tokens.append(_Token(text[colon + 1 :], start + colon + 1, False))
        else:
            tokens.append(_Token(text, start, wide))
    return tokens


def _match_label(
    tokens: list[_Token], roles: list[int], start: int, max_words: int, keys: Mapping[str, object]
) -> tuple[str, int]:
    """The longest run of words from ``start`` ending with a colon whose key is in ``keys``.

    Returns the key and the index of the first token after the colon, or ``("", -1)``.
    """
    n = len(tokens)
    for count in range(min(max_words, n - start), 0, -1):
        words: list[str] = []
        ok = True
        for k in range(start, start + count):
            if roles[k] != _OTHER or (k < start + count - 1 and ":" in tokens[k].text):
                ok = False
                break
            words.append(tokens[k].text)
        if not ok:
            continue
        last = words[-1]
        end = start + count
        if len(last) > 1 and last.endswith(":") and ":" not in last[:-1]:
            words[-1] = last[:-1]
        elif ":" not in last and end < n and tokens[end].text == ":" and roles[end] == _OTHER:
            end += 1
        else:
            continue
        key = " ".join(word.casefold() for word in words)
        if key in keys:
            return key, end
    return "", -1


def read_header_table(
    lines: Sequence[tuple[int, int, str]],
    labels: Mapping[str, str],
    shapes: Mapping[str, str] | None = None,
) -> tuple[dict[str, HeaderValue], list[int]]:
    """Read the label/value table printed before a letter's first section heading.

    ``lines`` are the non-empty lines before the heading, each as ``(line number, column
    of its first character, content)`` with the content stripped and form feeds removed;
    lines that are not part of the table (a cover page, a page header) may be among them
    and are left alone. ``labels`` maps each printed label (any case and spacing, with or
    without its colon) to a field name; ``shapes`` maps field names to the shape of their
    value (:data:`SHAPES`; a field without one takes any token).

    Returns the fields found, by name, and the indexes into ``lines`` of the lines read
    entirely (every token a label or the value paired with one). A label whose value is
    missing, or has another shape, is absent from the fields.

    >>> table = {"DATE ASSIGNED": "assigned", "PRIORITY": "priority"}
    >>> lines = [(1, 1, "Date Assigned:"), (2, 1, "Priority:"), (4, 1, "2/3/2016"), (5, 3, "Standard")]
    >>> found, read = read_header_table(lines, table, {"assigned": "date", "priority": "word"})
    >>> found["assigned"], found["priority"].value, read
    (HeaderValue(value='2/3/2016', line=4, column=1), 'Standard', [0, 1, 2, 3])
    """
    known = tuple(labels.items())
    table = _TABLES.get(known)
    if table is None:
        if len(_TABLES) >= 64:
            _TABLES.clear()
        table = _TABLES[known] = _Labels(labels)
    field_shape: dict[str, str] = {}
    for field in labels.values():
        shape = SHAPE_TOKEN if shapes is None else shapes.get(field, SHAPE_TOKEN)
        if shape not in SHAPES:
            raise ValueError(
                f"unknown shape {shape!r} for {field!r}; expected one of {sorted(SHAPES)}"
            )
        field_shape[field] = shape
    used_shapes = sorted(set(field_shape.values()))
    window = 2 * len(field_shape) + 2

    # Pass 1: labels, whole or split over lines.
    all_tokens = [_tokenize(content.replace("\f", ""), table.last_words) for _, _, content in lines]
    carried = _join_hyphen_wraps(all_tokens, used_shapes)
    all_roles: list[list[int]] = []
    found_labels: list[_Label] = []
    open_prefixes: dict[str, list[tuple[int, int, int]]] = {}  # key -> (line, token, count)
    for li, tokens in enumerate(all_tokens):
        roles = [_OTHER] * len(tokens)
        all_roles.append(roles)
        t = 0
        while t < len(tokens):
            if roles[t] != _OTHER:
                t += 1
                continue
            if tokens[t].text.rstrip(":").casefold() not in table.first_words:
                # (no label, nor the rest of a split one, starts with it: most tokens)
                t += 1
                continue
            key, end = _match_label(tokens, roles, t, table.max_words, table.full)
            tail, tail_end = _match_label(tokens, roles, t, table.max_words - 1, table.suffixes)
            opened: tuple[int, int, int] | None = None
            opened_field = ""
            if tail_end >= 0 and tail_end >= end:
                for head, field in table.suffixes[tail]:
                    candidate = _open_prefix(open_prefixes.get(head), all_roles, li, window)
                    if candidate is not None and (opened is None or candidate > opened):
                        opened = candidate
                        opened_field = field
            if opened is not None:
                p_line, p_tok, p_count = opened
                for k in range(p_tok, p_tok + p_count):
                    all_roles[p_line][k] = _LABEL
                for k in range(t, tail_end):
                    roles[k] = _LABEL
                found_labels.append(_Label(opened_field, p_line, p_tok, li, tail_end))
                t = tail_end
            elif end >= 0:
                for k in range(t, end):
                    roles[k] = _LABEL
                found_labels.append(_Label(table.full[key], li, t, li, end))
                t = end
            else:
                t += 1
        # This line's words that could begin a label split over lines.
        for t in range(len(tokens)):
            words: list[str] = []
            for k in range(t, min(len(tokens), t + table.max_words - 1)):
                if roles[k] != _OTHER or ":" in tokens[k].text:
                    break
                words.append(tokens[k].text.casefold())
                head = " ".join(words)
                if head in table.prefixes:
                    open_prefixes.setdefault(head, []).append((li, t, k - t + 1))
    found_labels.sort(key=lambda label: (label.start_line, label.start_tok))

    # Cells: runs of unread tokens between labels and runs of blanks.
    all_cells: list[list[int]] = []
    for tokens, roles in zip(all_tokens, all_roles, strict=True):
        cells = [-1] * len(tokens)
        cell = -1
        previous_other = False
        for k, token in enumerate(tokens):
            if roles[k] != _OTHER:
                previous_other = False
                continue
            if not previous_other or token.wide:
                cell += 1
            cells[k] = cell
            previous_other = True
        all_cells.append(cells)

    # Pass 2: the value right after a label on its line.
    claimed: set[tuple[int, int]] = set()  # (line, cell) holding a label's own value
    for label in found_labels:
        tokens = all_tokens[label.end_line]
        roles = all_roles[label.end_line]
        k = label.end_tok
        if k < len(tokens) and roles[k] == _OTHER:
            claimed.add((label.end_line, all_cells[label.end_line][k]))
            if fits_shape(tokens[k].text, field_shape[label.field]):
                label.value_line = label.end_line
                label.value_tok = k
        else:
            label.bare = True

    # Pass 3: bare labels with bare values, in reading order, without crossing.
    bare_labels = [label for label in found_labels if label.bare]
    bare_values: list[tuple[int, int]] = []  # (line, token)
    value_shapes: list[int] = []  # the shapes each bare value has, as bits
    shape_bit = {shape: 1 << bit for bit, shape in enumerate(used_shapes)}
    events: list[tuple[int, int, int, int]] = []  # (line, token, 0 label / 1 value, index)
    for i, label in enumerate(bare_labels):
        events.append((label.start_line, label.start_tok, 0, i))
    # The table starts with a label: a value above the first one (a date on a cover
    # page) belongs to none.
    first = (found_labels[0].start_line, found_labels[0].start_tok) if found_labels else (0, 0)
    for li, (tokens, roles) in enumerate(zip(all_tokens, all_roles, strict=True)):
        cells = all_cells[li]
        for k, token in enumerate(tokens):
            if roles[k] != _OTHER or (li, cells[k]) in claimed or (li, k) < first:
                continue
            alone = (k == 0 or cells[k - 1] != cells[k]) and (
                k + 1 == len(tokens) or cells[k + 1] != cells[k]
            )
            if not alone:
                continue
            fitting = 0  # bit b set: the token has shape used_shapes[b]
            for bit, shape in enumerate(used_shapes):
                if fits_shape(token.text, shape):
                    fitting |= 1 << bit
            if fitting:
                events.append((li, k, 1, len(bare_values)))
                bare_values.append((li, k))
                value_shapes.append(fitting)
    events.sort()
    label_event = [0] * len(bare_labels)
    value_event = [0] * len(bare_values)
    for position, (_li, _k, kind, index) in enumerate(events):
        if kind == 0:
            label_event[index] = position
        else:
            value_event[index] = position

    def pairable(i: int, j: int) -> int:
        """-1 if label i cannot take value j, else the lines between them."""
        label = bare_labels[i]
        if not value_shapes[j] & shape_bit[field_shape[label.field]]:
            return -1
        li = bare_values[j][0]
        if label.start_line <= li <= label.end_line:
            return 0
        return min(abs(li - label.start_line), abs(li - label.end_line))

    # One more pair outweighs any saving in distance.
    scale = (len(lines) + 1) * (len(bare_labels) + 1) + 1
    for i, j in _align(label_event, value_event, window, pairable, scale):
        bare_labels[i].value_line, bare_labels[i].value_tok = bare_values[j]

    # The fields: the first label of each field that has a value.
    fields: dict[str, HeaderValue] = {}
    for label in found_labels:
        if label.value_line < 0 or label.field in fields:
            continue
        line_number, column, _content = lines[label.value_line]
        token = all_tokens[label.value_line][label.value_tok]
        fields[label.field] = HeaderValue(token.text, line_number, column + token.offset)
        all_roles[label.value_line][label.value_tok] = _VALUE
    read = [bool(roles) and all(role != _OTHER for role in roles) for roles in all_roles]
    for li in carried:  # a line whose only token went up to the line before, with it
        read[li] = read[li - 1]
    consumed = [li for li, whole in enumerate(read) if whole]
    return fields, consumed


def _join_hyphen_wraps(all_tokens: list[list[_Token]], shapes: list[str]) -> list[int]:
    """Values wrapped after a hyphen (``CM16-`` / ``0224814``), joined on their first line.

    A line's last token that ends in a hyphen after a letter or digit takes the next line's
    first token when that makes a value of some shape the table has and the token alone is
    none. Returns the lines left with no token (read with the line they went up to).
    """
    emptied: list[int] = []
    for li in range(len(all_tokens) - 1):
        tokens, following = all_tokens[li], all_tokens[li + 1]
        if not tokens or not following:
            continue
        last = tokens[-1]
        text = last.text
        if len(text) < 2 or text[-1] != "-" or not text[-2].isalnum():
            continue
        joined = text + following[0].text
        if any(fits_shape(joined, shape) for shape in shapes) and not any(
            fits_shape(text, shape) for shape in shapes
        ):
            tokens[-1] = _Token(joined, last.offset, last.wide)
            del following[0]
            if not following:
                emptied.append(li + 1)
    return emptied


def _open_prefix(
    candidates: list[tuple[int, int, int]] | None,
    all_roles: list[list[int]],
    line: int,
    window: int,
) -> tuple[int, int, int] | None:
    """The latest still unread label beginning on an earlier line, within ``window`` lines."""
    if not candidates:
        return None
    while candidates:
        p_line, p_tok, p_count = candidates[-1]
        roles = all_roles[p_line]
        if all(roles[k] == _OTHER for k in range(p_tok, p_tok + p_count)):
            break
        candidates.pop()
    if not candidates:
        return None
    found = candidates[-1]
    return found if 0 < line - found[0] <= window else None


def _align(
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
