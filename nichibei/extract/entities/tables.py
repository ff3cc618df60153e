"""The published tables of the entity stage: the mention and provisional-entity schemas, the entities table
(reference entities plus provisional ones) and the offices table."""

from __future__ import annotations


import polars as pl

from nichibei.extract.entities.reference import Reference


MENTION_SCHEMA: dict[str, pl.DataType] = {
    "doc_id": pl.Utf8(),
    "char_start": pl.Int64(),
    "char_end": pl.Int64(),
    "surface": pl.Utf8(),
    "entity_id": pl.Utf8(),
    "entity_type": pl.Utf8(),
    "match_kind": pl.Utf8(),
    "role": pl.Utf8(),
    "role_detail": pl.Utf8(),
    "country_code": pl.Utf8(),
    "reference_date": pl.Date(),
    "is_flagged": pl.Boolean(),
    "flag": pl.Utf8(),
}


PROVISIONAL_SCHEMA: dict[str, pl.DataType] = {
    "entity_id": pl.Utf8(),
    "entity_type": pl.Utf8(),
    "name_en": pl.Utf8(),
    "name_ja": pl.Utf8(),
    "aliases": pl.List(pl.Utf8()),
    "country_code": pl.Utf8(),
    "is_provisional": pl.Boolean(),
}


def entities_table(ref: Reference, provisional: pl.DataFrame | None = None) -> pl.DataFrame:
    """The entities table to publish: reference entities plus provisional ones from the text."""
    base = ref.entities.select(
        "entity_id", "entity_type", "name_en", "name_ja", "aliases", "country_code",
        pl.lit(False).alias("is_provisional"),
    ).cast(PROVISIONAL_SCHEMA)
    if provisional is None or provisional.is_empty():
        return base
    extra = provisional.select(list(PROVISIONAL_SCHEMA)).cast(PROVISIONAL_SCHEMA)
    extra = extra.filter(~pl.col("entity_id").is_in(base["entity_id"].implode()))
    return pl.concat([base, extra]).unique("entity_id", keep="first", maintain_order=True)


def offices_table(ref: Reference) -> pl.DataFrame:
    """The offices table to publish (dates as Date, end_date null while in office)."""
    return ref.offices.select(
        "entity_id", "office", "office_detail", "country_code", "host_country_code", "start_date", "end_date"
    )
