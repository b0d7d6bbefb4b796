"""Writing the table of :func:`imrparse.to_rows` as Parquet, with pyarrow alone."""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterable
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from .records import Letter
from .table import BOOL_COLUMNS, CATEGORIES, COLUMNS, DATE_COLUMNS, INT_COLUMNS, letter_rows

__all__ = ["SCHEMA", "write_parquet"]

_BATCH = 4096


def _type(name: str) -> Any:
    if name in INT_COLUMNS:
        return pa.int64()
    if name in BOOL_COLUMNS:
        return pa.bool_()
    if name in DATE_COLUMNS:
        return pa.timestamp("ms")  # pandas reads it as datetime64, as to_dataframe gives
    if name in CATEGORIES:
        return pa.dictionary(pa.int32(), pa.string())
    return pa.string()


SCHEMA = pa.schema([(name, _type(name)) for name in COLUMNS])
"""The Parquet schema: whole numbers int64, flags bool, dates timestamps (midnight, no
time zone: ``pandas.read_parquet`` gives ``datetime64`` columns, as
:func:`~imrparse.to_dataframe` does), enums dictionaries."""


def write_parquet(letters: Iterable[Letter], out: IO[bytes]) -> None:
    """Write the rows of ``letters`` to ``out`` as one Parquet file, a batch at a time."""
    rows = (row for index, letter in enumerate(letters) for row in letter_rows(letter, index))
    with pq.ParquetWriter(out, SCHEMA) as writer:
        while batch := list(itertools.islice(rows, _BATCH)):
            columns: dict[str, list[Any]] = {name: [row[name] for row in batch] for name in COLUMNS}
            for name in DATE_COLUMNS:
                columns[name] = [
                    datetime.datetime.fromisoformat(v) if v else None for v in columns[name]
                ]
            writer.write_table(pa.Table.from_pydict(columns, schema=SCHEMA))
