"""Frictionless plugin: read Parquet through PyArrow, so a Parquet resource is checked as strictly as a CSV one.

Frictionless 5 reads Parquet through pandas: a list cell reaches its `array` type as a NumPy array, a null
integer reaches its `integer` type as NaN, and both are then reported as type errors; nor does it count a
Parquet file's bytes or hash it, so a declared `bytes` is reported as wrong. This parser reads the file's bytes
through Frictionless's own loader (which counts and hashes them) and hands over each row as PyArrow's Python
values: lists as lists, nulls as None, timestamps as aware datetimes. Frictionless finds it by its module name
(`frictionless_*`) once Nichibei is installed; `frictionless validate datapackage.json` then checks every
resource of a release, Parquet and CSV alike.
"""

from __future__ import annotations

import io

import pyarrow.parquet as pq
from frictionless import Parser, Plugin

BATCH_ROWS = 8192


class ArrowParquetParser(Parser):
    """Read-only Parquet parser: rows as Python values, bytes counted by the loader."""

    requires_loader = True
    supported_types = ["array", "boolean", "date", "datetime", "integer", "number", "object", "string", "time"]

    def read_cell_stream_create(self):
        buffer = io.BytesIO()
        while chunk := self.loader.byte_stream.read1(1 << 20):  # read1: the loader counts and hashes what passes
            buffer.write(chunk)
        table = pq.read_table(buffer)
        yield table.column_names
        for batch in table.to_batches(max_chunksize=BATCH_ROWS):
            yield from (list(row) for row in zip(*(column.to_pylist() for column in batch.columns)))


class NichibeiPlugin(Plugin):
    """Registers `ArrowParquetParser` for the `parquet` format ahead of Frictionless's own."""

    def create_parser(self, resource):
        if resource.format in ("parq", "parquet"):
            return ArrowParquetParser(resource)
        return None
