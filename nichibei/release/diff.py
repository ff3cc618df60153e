"""Comparing two releases (or a release and new tables): schema changes and rows added, removed, changed."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl


@dataclass(frozen=True)
class TableDiff:
    table: str
    added: int = 0
    removed: int = 0
    changed: int = 0
    columns_added: tuple[str, ...] = ()
    columns_removed: tuple[str, ...] = ()
    columns_retyped: tuple[str, ...] = ()
    is_new_table: bool = False
    is_removed_table: bool = False

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.removed or self.changed or self.columns_added or self.columns_removed
                    or self.columns_retyped or self.is_new_table or self.is_removed_table)


@dataclass(frozen=True)
class ReleaseDiff:
    tables: list[TableDiff] = field(default_factory=list)

    @property
    def bump(self) -> str | None:
        """`major`, `minor`, `patch`, or None when nothing changed (semantic versioning of the contract)."""
        if any(t.is_removed_table or t.columns_removed or t.columns_retyped for t in self.tables):
            return "major"
        if any(t.is_new_table or t.columns_added or t.added or t.removed for t in self.tables):
            return "minor"
        if any(t.changed for t in self.tables):
            return "patch"
        return None

    def summary_markdown(self) -> str:
        rows = [t for t in self.tables if t.has_changes]
        if not rows:
            return "No changes.\n"
        out = ["| table | rows added | rows removed | rows changed | schema changes |", "|---|---|---|---|---|"]
        for t in rows:
            schema = []
            if t.is_new_table:
                schema.append("new table")
            if t.is_removed_table:
                schema.append("table removed")
            schema += [f"+{c}" for c in t.columns_added] + [f"-{c}" for c in t.columns_removed]
            schema += [f"~{c} (type)" for c in t.columns_retyped]
            out.append(f"| `{t.table}` | {t.added} | {t.removed} | {t.changed} | {', '.join(schema) or '—'} |")
        return "\n".join(out) + "\n"


def _keyed(frame: pl.DataFrame, key: list[str]) -> pl.DataFrame:
    """Key columns and one hash of every other column, for comparing rows."""
    others = [c for c in frame.columns if c not in key]
    hashed = pl.struct(others).hash(seed=0) if others else pl.lit(0, pl.UInt64)
    return frame.select(*key, hashed.alias("_row_hash"))


def diff_table(table: str, old: pl.DataFrame | None, new: pl.DataFrame | None, key: list[str]) -> TableDiff:
    if old is None and new is None:
        return TableDiff(table)
    if old is None:
        return TableDiff(table, added=new.height, is_new_table=True)
    if new is None:
        return TableDiff(table, removed=old.height, is_removed_table=True)
    old_schema, new_schema = dict(old.schema), dict(new.schema)
    added_cols = tuple(c for c in new_schema if c not in old_schema)
    removed_cols = tuple(c for c in old_schema if c not in new_schema)
    retyped = tuple(c for c in new_schema if c in old_schema and new_schema[c] != old_schema[c])
    common = [c for c in new.columns if c in old_schema and c not in retyped]
    key = [k for k in key if k in common] or common
    a = _keyed(old.select(common), key)
    b = _keyed(new.select(common), key)
    added = b.join(a, on=key, how="anti", nulls_equal=True).height
    removed = a.join(b, on=key, how="anti", nulls_equal=True).height
    both = a.join(b, on=key, how="inner", nulls_equal=True, suffix="_new")
    changed = both.filter(pl.col("_row_hash") != pl.col("_row_hash_new")).height
    return TableDiff(table, added, removed, changed, added_cols, removed_cols, retyped)


def read_release_tables(release_dir: Path) -> dict[str, pl.DataFrame]:
    return {p.stem: pl.read_parquet(p) for p in sorted(release_dir.glob("*.parquet"))}


def release_keys(release_dir: Path) -> dict[str, list[str]]:
    """Primary keys as the release itself declares them in datapackage.json."""
    package = json.loads((release_dir / "datapackage.json").read_text(encoding="utf-8"))
    out = {}
    for resource in package.get("resources", []):
        if resource.get("format") == "parquet":
            key = resource.get("schema", {}).get("primaryKey", [])
            out[resource["name"]] = [key] if isinstance(key, str) else list(key)
    return out


def diff_tables(old: dict[str, pl.DataFrame], new: dict[str, pl.DataFrame],
                keys: dict[str, list[str]]) -> ReleaseDiff:
    names = list(dict.fromkeys([*new, *old]))
    return ReleaseDiff([diff_table(n, old.get(n), new.get(n), keys.get(n, [])) for n in names])


def diff_releases(old_dir: Path, new_dir: Path) -> ReleaseDiff:
    keys = {**release_keys(old_dir), **release_keys(new_dir)}
    return diff_tables(read_release_tables(old_dir), read_release_tables(new_dir), keys)
