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

This module holds :func:`read_header_table` and its passes 2 and 3; the parts are
:mod:`~imrparse.extractors.header_shapes` (the value shapes),
:mod:`~imrparse.extractors.header_labels` (tokens and labels: pass 1) and
:mod:`~imrparse.extractors.header_pairing` (bare labels with bare values: pass 3).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final, NamedTuple

from .header_labels import (
    LABEL,
    OTHER,
    VALUE,
    Label,
    Labels,
    join_hyphen_wraps,
    match_label,
    may_slip,
    open_prefix,
    tokenize,
)
from .header_pairing import align
from .header_shapes import (
    SHAPE_CASE_NUMBER,
    SHAPE_DATE,
    SHAPE_TOKEN,
    SHAPE_WORD,
    SHAPES,
    fits_shape,
)

__all__ = [
    "SHAPES",
    "SHAPE_CASE_NUMBER",
    "SHAPE_DATE",
    "SHAPE_TOKEN",
    "SHAPE_WORD",
    "HeaderValue",
    "fits_shape",
    "read_header_table",
    "read_header_values",
]


class _Plan:
    """A caller's label table folded, with its fields' shapes checked (layouts pass the same
    few tables: each is made once)."""

    def __init__(self, labels: Mapping[str, str], shapes: Mapping[str, str] | None) -> None:
        # Copies of the tables it was made from, to tell whether a call passes the same
        # (the labels in order too: the order breaks ties between split labels).
        self.labels: dict[str, str] = dict(labels)
        self.order = list(labels)
        self.shapes: dict[str, str] | None = None if shapes is None else dict(shapes)
        self.table = Labels(labels)
        self.field_shape: dict[str, str] = {}
        for field in labels.values():
            shape = SHAPE_TOKEN if shapes is None else shapes.get(field, SHAPE_TOKEN)
            if shape not in SHAPES:
                raise ValueError(
                    f"unknown shape {shape!r} for {field!r}; expected one of {sorted(SHAPES)}"
                )
            self.field_shape[field] = shape
        self.used_shapes = sorted(set(self.field_shape.values()))
        self.window = 2 * len(self.field_shape) + 2
        # Each shape's bit in the shapes a value has (pass 3).
        self.shape_bit = {shape: 1 << bit for bit, shape in enumerate(self.used_shapes)}


# The plans made (a few: layouts pass the same tables), the latest used first.
_PLANS: Final[list[_Plan]] = []


def _plan(labels: Mapping[str, str], shapes: Mapping[str, str] | None) -> _Plan:
    """The plan of ``labels`` and ``shapes``, made on first use.

    Found by comparing the tables with the plans' copies: no key is built, and a table
    the caller changed in place since is a new one.
    """
    for i in range(len(_PLANS)):
        plan = _PLANS[i]
        if (
            plan.labels == labels
            and (plan.shapes is None if shapes is None else plan.shapes == shapes)
            and plan.order == list(labels)
        ):
            if i:
                _PLANS[0], _PLANS[i] = plan, _PLANS[0]
            return plan
    if len(_PLANS) >= 16:
        _PLANS.pop()
    plan = _Plan(labels, shapes)
    _PLANS.insert(0, plan)
    return plan


# HeaderValue(...) runs the (interpreted) __new__ that NamedTuple makes; tuple.__new__
# makes the same tuple in C.
_new_tuple: Final = tuple.__new__


class HeaderValue(NamedTuple):
    """One value of the header table, where it stands in the letter."""

    value: str
    """The value as printed, whitespace-folded: ``11/30/2016``, ``Standard``."""
    line: int
    """1-based line number of the value in the letter."""
    column: int
    """1-based column where the value starts."""


def _reading_order(label: Label) -> tuple[int, int]:
    return label.start_line, label.start_tok


def _in_reading_order(labels: list[Label]) -> bool:
    """Whether ``labels`` are sorted by where they start (as they are found, but for a
    label split over lines): sorting them costs a call of the key a label."""
    for i in range(1, len(labels)):
        before = labels[i - 1]
        label = labels[i]
        if label.start_line < before.start_line or (
            label.start_line == before.start_line and label.start_tok < before.start_tok
        ):
            return False
    return True


def _unfound(shape: str, field_shape: dict[str, str], labels: list[Label]) -> bool:
    """Whether some field of ``shape`` has no label among ``labels``."""
    for field, field_shape_of in field_shape.items():
        if field_shape_of == shape and not any(label.field == field for label in labels):
            return True
    return False


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
    found, consumed = read_header_values(lines, labels, shapes)
    return {field: _new_tuple(HeaderValue, value) for field, value in found.items()}, consumed


def read_header_values(
    lines: Sequence[tuple[int, int, str]],
    labels: Mapping[str, str],
    shapes: Mapping[str, str] | None = None,
) -> tuple[dict[str, tuple[str, int, int]], list[int]]:
    """:func:`read_header_table`, each value a plain ``(value, line, column)`` tuple (the
    reader of the preamble's: compiled, a tuple of native values is made in C, where a
    :class:`HeaderValue` costs a call of ``tuple.__new__``)."""
    # (Typed as a list: compiled, a loop over a Sequence takes the iterator protocol.)
    rows: list[tuple[int, int, str]] = lines if isinstance(lines, list) else list(lines)
    plan = _plan(labels, shapes)
    table = plan.table
    field_shape = plan.field_shape
    used_shapes = plan.used_shapes
    window = plan.window

    # Pass 1: labels, whole or split over lines.
    all_tokens = [
        tokenize(content.replace("\f", "") if "\f" in content else content, table)
        for _, _, content in rows
    ]
    carried = join_hyphen_wraps(all_tokens, used_shapes, table.first_words)
    found_labels: list[Label] = []
    open_prefixes: dict[str, list[tuple[int, int, int]]] = {}  # key -> (line, token, count)
    for li, tokens in enumerate(all_tokens):
        t = 0
        while t < len(tokens):
            token = tokens[t]
            if token.role != OTHER:
                t += 1
                continue
            if not token.word and not may_slip(token.text):
                # (no label, nor the rest of a split one, starts with it: most tokens)
                t += 1
                continue
            key, end, tail, tail_end = match_label(tokens, t, table)
            opened: tuple[int, int, int] | None = None
            opened_field = ""
            if tail_end >= 0 and tail_end >= end:
                for head, field in table.suffixes[tail]:
                    candidate = open_prefix(open_prefixes.get(head), all_tokens, li, window)
                    if candidate is not None and (opened is None or candidate > opened):
                        opened = candidate
                        opened_field = field
            if opened is not None:
                p_line, p_tok, p_count = opened
                for k in range(p_tok, p_tok + p_count):
                    all_tokens[p_line][k].role = LABEL
                for k in range(t, tail_end):
                    tokens[k].role = LABEL
                found_labels.append(Label(opened_field, p_line, p_tok, li, tail_end))
                t = tail_end
            elif end >= 0:
                for k in range(t, end):
                    tokens[k].role = LABEL
                found_labels.append(Label(table.full[key], li, t, li, end))
                t = end
            else:
                t += 1
        # This line's words that could begin a label split over lines.
        # (Every word of a prefix is some label's: first_words holds them all.)
        for t in range(len(tokens)):
            head = ""
            for k in range(t, min(len(tokens), t + table.max_words - 1)):
                token = tokens[k]
                if token.role != OTHER or not token.word or token.colon >= 0:
                    break
                word = token.stem  # (its folded word: it holds no colon)
                head = word if k == t else head + " " + word
                if head in table.prefixes:
                    open_prefixes.setdefault(head, []).append((li, t, k - t + 1))
    if not _in_reading_order(found_labels):  # (a split label: its start is on a line above)
        found_labels.sort(key=_reading_order)

    # Cells: runs of unread tokens between labels and runs of blanks.
    for tokens in all_tokens:
        cell = -1
        previous_other = False
        for token in tokens:
            if token.role != OTHER:
                previous_other = False
                continue
            if not previous_other or token.wide:
                cell += 1
            token.cell = cell
            previous_other = True

    # Pass 2: the value right after a label on its line.
    for label in found_labels:
        tokens = all_tokens[label.end_line]
        k = label.end_tok
        if k < len(tokens) and tokens[k].role == OTHER:
            # Its cell holds the label's own value: the cell's tokens (this one, after the
            # label, first) give no bare value.
            cell = tokens[k].cell
            j = k
            while j < len(tokens) and tokens[j].cell == cell:
                tokens[j].claimed = True
                j += 1
            if fits_shape(tokens[k].text, field_shape[label.field]):
                label.value_line = label.end_line
                label.value_tok = k
        elif k == len(tokens):
            label.bare = True
        # (else another label follows on its line, as a pair's: its cell is blank)

    # Pass 3: bare labels with bare values, in reading order, without crossing.
    bare_labels = [label for label in found_labels if label.bare]
    bare_values: list[tuple[int, int]] = []  # (line, token)
    value_shapes: list[int] = []  # the shapes each bare value has, as bits
    shape_bit = plan.shape_bit
    events: list[tuple[int, int, int, int]] = []  # (line, token, 0 label / 1 value, index)
    for i, label in enumerate(bare_labels):
        events.append((label.start_line, label.start_tok, 0, i))
    # The table starts with a label: a value above the first one (a date on a cover
    # page) belongs to none.
    first_line = found_labels[0].start_line if found_labels else 0
    first_tok = found_labels[0].start_tok if found_labels else 0
    for li in range(first_line, len(all_tokens)):
        tokens = all_tokens[li]
        for k in range(first_tok if li == first_line else 0, len(tokens)):
            token = tokens[k]
            if token.role != OTHER or token.claimed:
                continue
            cell = token.cell
            alone = (k == 0 or tokens[k - 1].cell != cell) and (
                k + 1 == len(tokens) or tokens[k + 1].cell != cell
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
    scale = (len(rows) + 1) * (len(bare_labels) + 1) + 1
    # Where the block has fewer values of a shape than labels of it (a blank cell), which
    # label lost its value cannot be told; where it has more while a label of that shape
    # is missing (not recognised, as when OCR joined its words), which value is whose
    # cannot either. No label of that shape is paired then, and the values stay unread
    # (the caller reports them), rather than each shifted to the next label.
    # (The shapes short, as bits; counted by loops, compiled, where sum() over a
    # generator made an object a shape; the fields found asked only of a shape with more
    # values than labels.)
    short = 0
    if bare_labels:  # (else nothing is paired: align gives no pair)
        for shape, bit in shape_bit.items():
            labelled = 0
            for label in bare_labels:
                if field_shape[label.field] == shape:
                    labelled += 1
            valued = 0
            for fitting in value_shapes:
                if fitting & bit:
                    valued += 1
            if labelled > valued or (
                labelled < valued and _unfound(shape, field_shape, found_labels)
            ):
                short |= bit
    for i, j in align(label_event, value_event, window, pairable, scale):
        if short & shape_bit[field_shape[bare_labels[i].field]]:
            continue
        bare_labels[i].value_line, bare_labels[i].value_tok = bare_values[j]

    # The fields: the first label of each field that has a value.
    fields: dict[str, tuple[str, int, int]] = {}
    for label in found_labels:
        if label.value_line < 0 or label.field in fields:
            continue
        line_number, column, _content = rows[label.value_line]
        token = all_tokens[label.value_line][label.value_tok]
        fields[label.field] = (token.text, line_number, column + token.offset)
        token.role = VALUE
    read = [bool(tokens) and all(token.role != OTHER for token in tokens) for tokens in all_tokens]
    for li in carried:  # a line whose only token went up to the line before, with it
        read[li] = read[li - 1]
    consumed = [li for li, whole in enumerate(read) if whole]
    return fields, consumed
