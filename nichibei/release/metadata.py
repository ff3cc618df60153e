"""`datapackage.json`: the Frictionless Data Package describing every file, column and primary key."""

from __future__ import annotations

from pathlib import Path

import polars as pl

import schemas
from nichibei.release.files import sha256_of

DATA_PACKAGE_NAME = "nichibei"


def _field_descriptor(c: schemas.Column, fmt: str) -> dict:
    descriptor = {"name": c.name, "type": schemas.registry.frictionless_type(c.dtype), "description": c.description}
    if isinstance(c.dtype, pl.List):
        if fmt == "parquet":
            descriptor["type"], descriptor["arrayItem"] = "array", {"type": "string"}
        else:
            descriptor["description"] += " In CSV the items are joined with `|`."
    if c.dtype == pl.Boolean:
        descriptor["trueValues"], descriptor["falseValues"] = ["true"], ["false"]
    if isinstance(c.dtype, pl.Datetime):
        descriptor["format"] = "%Y-%m-%dT%H:%M:%SZ"
    if not c.nullable:
        descriptor["constraints"] = {"required": True}
    return descriptor


def _table_schema(table: str, fmt: str) -> dict:
    return {
        "fields": [_field_descriptor(c, fmt) for c in schemas.columns(table)],
        "primaryKey": schemas.primary_key(table),
        "missingValues": [""],
    }


def datapackage(version: str, release_dir: Path, tables: list[str]) -> dict:
    resources = []
    for table in tables:
        for rel, fmt in ((f"{table}.parquet", "parquet"), (f"csv/{table}.csv", "csv")):
            path = release_dir / rel
            resource = {
                "name": table if fmt == "parquet" else f"{table}-csv",
                "path": rel,
                "title": f"{table} ({fmt})",
                "description": schemas.description(table),
                "profile": "tabular-data-resource",
                "format": fmt,
                "mediatype": "application/vnd.apache.parquet" if fmt == "parquet" else "text/csv",
                "bytes": path.stat().st_size,
                "hash": f"sha256:{sha256_of(path)}",
                "schema": _table_schema(table, fmt),
            }
            if fmt == "csv":
                resource["encoding"] = "utf-8-sig"
                resource["dialect"] = {"delimiter": ",", "header": True, "quoteChar": '"'}
            resources.append(resource)
    return {
        "profile": "data-package",
        "name": DATA_PACKAGE_NAME,
        "title": "Nichibei: US–Japan summit and 2+2 meetings",
        "description": "US–Japan summit and \"2+2\" meetings extracted from Japanese and English news reports and "
                       "government readouts, every value traceable to its source text.",
        "version": version,
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                      "title": "Creative Commons Attribution 4.0 (the dataset's own tables; document texts keep "
                               "their sources' licences, see documents.license)"}],
        "resources": resources,
    }
