"""What is derived from the models: Polars and Arrow schemas, primary keys, validation, the data dictionary."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pandera.polars as pa
import polars as pl
import pyarrow as pa_arrow

from schemas import tables as t

TABLES: dict[str, type[pa.DataFrameModel]] = {
    "documents": t.Documents,
    "boilerplate": t.Boilerplate,
    "segments": t.Segments,
    "temporal_mentions": t.TemporalMentions,
    "entities": t.Entities,
    "offices": t.Offices,
    "mentions": t.Mentions,
    "speakers": t.Speakers,
    "meetings": t.Meetings,
    "meeting_participants": t.MeetingParticipants,
    "meeting_sources": t.MeetingSources,
    "meeting_field_values": t.MeetingFieldValues,
    "topics": t.Topics,
    "rejections": t.Rejections,
}


@dataclass(frozen=True)
class Column:
    name: str
    dtype: pl.DataType
    nullable: bool
    description: str


@cache
def _schema(table: str) -> pa.DataFrameSchema:
    return TABLES[table].to_schema()


def columns(table: str) -> list[Column]:
    """The declared columns of a table, in order."""
    return [
        Column(c.name, c.dtype.type, bool(c.nullable), c.description or "")
        for c in _schema(table).columns.values()
    ]


def polars_schema(table: str) -> pl.Schema:
    return pl.Schema({c.name: c.dtype for c in columns(table)})


def arrow_schema(table: str) -> pa_arrow.Schema:
    """The Arrow schema a table is written with: the declared types and nullability."""
    empty = pl.DataFrame(schema=polars_schema(table)).to_arrow()
    fields = [
        pa_arrow.field(f.name, _portable(f.type), nullable=c.nullable)
        for f, c in zip(empty.schema, columns(table))
    ]
    return pa_arrow.schema(fields)


def _portable(dtype: pa_arrow.DataType) -> pa_arrow.DataType:
    """Plain (32-bit offset) strings and lists, which every Parquet reader knows."""
    if pa_arrow.types.is_large_string(dtype):
        return pa_arrow.string()
    if pa_arrow.types.is_large_list(dtype):
        return pa_arrow.list_(_portable(dtype.value_type))
    return dtype


def primary_key(table: str) -> list[str]:
    return list(_schema(table).unique or [])


def description(table: str) -> str:
    return _schema(table).description or ""


def empty_frame(table: str) -> pl.DataFrame:
    """A typed table with no rows, for tables that later stages fill."""
    return pl.DataFrame(schema=polars_schema(table))


class ValidationFailed(Exception):
    """Raised with every failure of every table at once."""

    def __init__(self, failures: list[str], doc_ids: dict[str, set[str]] | None = None):
        self.failures = failures
        self.doc_ids = doc_ids or {}  # table -> documents whose rows failed, where a row names its document
        super().__init__(f"{len(failures)} schema failure(s):\n" + "\n".join(failures))


def conform(table: str, frame: pl.DataFrame) -> pl.DataFrame:
    """Select the declared columns in order, cast to the declared types, sort by the primary key.

    A missing column is an error; extra columns are an error too (nothing leaves unseen).
    """
    declared = polars_schema(table)
    missing = [c for c in declared if c not in frame.columns]
    extra = [c for c in frame.columns if c not in declared]
    if missing or extra:
        raise ValidationFailed(
            [f"{table}: missing column {c!r}" for c in missing] + [f"{table}: undeclared column {c!r}" for c in extra]
        )
    out = frame.select([pl.col(name).cast(dtype, strict=True) for name, dtype in declared.items()])
    key = primary_key(table)
    return out.sort(key, nulls_last=False, maintain_order=True) if key and out.height else out


DOC_COLUMNS = ("doc_id", "evidence_doc_id")


def _failed_docs(frame: pl.DataFrame, rows: list[int]) -> set[str]:
    column = next((c for c in DOC_COLUMNS if c in frame.columns), None)
    if column is None:
        return set()
    return {frame[column][i] for i in rows if i is not None and 0 <= i < frame.height} - {None}


def _failed_rows(err: pa.errors.SchemaErrors) -> list[int]:
    return [i for i in err.failure_cases["index"].to_list() if i is not None]


def _describe_failures(table: str, frame: pl.DataFrame, err: pa.errors.SchemaErrors) -> list[str]:
    key = primary_key(table)
    out = []
    for row in err.failure_cases.iter_rows(named=True):
        column = row.get("column")
        index = row.get("index")
        where = ""
        if index is not None and 0 <= index < frame.height and key:
            where = ", ".join(f"{k}={frame[k][index]!r}" for k in key)
        value = row.get("failure_case")
        label = column if column and column != TABLES[table].__name__ else "(row)"
        out.append(f"{table}.{label}: row {index} ({where}) value {value!r} failed {row.get('check')}")
    return out


def validate_tables(frames: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """Conform and validate every table; raise one `ValidationFailed` naming every failure of every table."""
    failures: list[str] = []
    doc_ids: dict[str, set[str]] = {}
    done: dict[str, pl.DataFrame] = {}
    for table in TABLES:
        if table not in frames:
            failures.append(f"{table}: table missing")
            continue
        try:
            frame = conform(table, frames[table])
        except ValidationFailed as exc:
            failures.extend(exc.failures)
            continue
        except (pl.exceptions.InvalidOperationError, pl.exceptions.ComputeError) as exc:
            failures.append(f"{table}: cannot cast to the declared types: {exc}")
            continue
        try:
            TABLES[table].validate(frame, lazy=True)
        except pa.errors.SchemaErrors as exc:
            failures.extend(_describe_failures(table, frame, exc))
            doc_ids.setdefault(table, set()).update(_failed_docs(frame, _failed_rows(exc)))
            continue
        offsets, rows = _offset_failures(table, frame)
        if offsets:
            failures.extend(offsets)
            doc_ids.setdefault(table, set()).update(_failed_docs(frame, rows))
            continue
        done[table] = frame
    if failures:
        raise ValidationFailed(failures, doc_ids)
    return done


def _offset_failures(table: str, frame: pl.DataFrame) -> tuple[list[str], list[int]]:
    pairs = [("char_start", "char_end"), ("evidence_start", "evidence_end")]
    out, rows = [], []
    for start, end in pairs:
        if start in frame.columns:
            bad = frame.with_row_index("_row").filter(pl.col(start) > pl.col(end))
            rows += bad["_row"].cast(pl.Int64).to_list()
            for row in bad.head(50).iter_rows(named=True):
                out.append(f"{table}.{start}: row {row['_row']} value {row[start]} is after {end}={row[end]}")
    return out, rows


def data_dictionary_markdown() -> str:
    """The README's table list: every table and column with its type and description, and the rules of
    `boilerplate.rule`."""
    lines = []
    for table in TABLES:
        key = ", ".join(f"`{k}`" for k in primary_key(table))
        lines.append(f"### `{table}`\n")
        lines.append(f"{description(table)} Primary key: {key}.\n")
        lines.append("| column | type | null | description |")
        lines.append("|---|---|---|---|")
        for c in columns(table):
            desc = c.description.replace("|", "\\|")
            lines.append(f"| `{c.name}` | {_type_name(c.dtype)} | {'yes' if c.nullable else 'no'} | {desc} |")
        lines.append("")
    lines += ["### Rules of `boilerplate.rule`", "", "| rule | what it removes |", "|---|---|"]
    lines += [f"| `{rule}` | {what} |" for rule, what in t.BOILERPLATE_RULES.items()]
    lines.append("")
    return "\n".join(lines)


def _type_name(dtype: pl.DataType) -> str:
    if dtype == pl.Utf8:
        return "string"
    if dtype == pl.Int64:
        return "integer"
    if dtype == pl.Boolean:
        return "boolean"
    if dtype == pl.Date:
        return "date"
    if isinstance(dtype, pl.Datetime):
        return "timestamp (UTC)"
    if isinstance(dtype, pl.List):
        return "list of strings"
    return str(dtype)


def frictionless_type(dtype: pl.DataType) -> str:
    """Table Schema type of a column."""
    return {
        "string": "string", "integer": "integer", "boolean": "boolean", "date": "date",
        "timestamp (UTC)": "datetime", "list of strings": "string",
    }[_type_name(dtype)]
