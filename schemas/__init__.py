"""The release's tables, declared once as Pandera models, and what is derived from them."""

from schemas.registry import (
    TABLES,
    Column,
    ValidationFailed,
    arrow_schema,
    columns,
    conform,
    data_dictionary_markdown,
    description,
    empty_frame,
    polars_schema,
    primary_key,
    validate_tables,
)

__all__ = [
    "TABLES", "Column", "ValidationFailed", "arrow_schema", "columns", "conform", "data_dictionary_markdown",
    "description", "empty_frame", "polars_schema", "primary_key", "validate_tables",
]
