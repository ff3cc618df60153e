"""Comparing two releases (or a release and new tables): schema changes, and every row added, removed or changed
by its primary key, with the old and new values of the changed columns."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl


# the longest value a cell of the details shows (a text changed is shown by its start and its length)
CELL_CHARS = 80


@dataclass(frozen=True)
class TableDiff:
    """One table's changes. `added_keys`/`removed_keys`: the key columns of the rows added and removed;
    `changes`: one row per changed cell, the key columns then `column`, `old`, `new` (values as text).
    A new or removed table has counts only."""

    table: str
    added: int = 0
    removed: int = 0
    changed: int = 0
    columns_added: tuple[str, ...] = ()
    columns_removed: tuple[str, ...] = ()
    columns_retyped: tuple[str, ...] = ()
    is_new_table: bool = False
    is_removed_table: bool = False
    key: tuple[str, ...] = ()
    added_keys: pl.DataFrame | None = field(default=None, compare=False, repr=False)
    removed_keys: pl.DataFrame | None = field(default=None, compare=False, repr=False)
    changes: pl.DataFrame | None = field(default=None, compare=False, repr=False)

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
        """The summary table of every table that changed."""
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

    def details_markdown(self, limit: int | None = None) -> str:
        """Every row added, removed and changed, table by table, by key; a changed row with each changed column's
        old and new value. `limit`: at most so many lines per list, with the number left out said."""
        out: list[str] = []
        for t in self.tables:
            lists = [("Added", t.added_keys), ("Removed", t.removed_keys), ("Changed", t.changes)]
            if not any(frame is not None and frame.height for _, frame in lists):
                continue
            out += [f"### `{t.table}`", "", f"Rows by key ({', '.join(f'`{k}`' for k in t.key)}).", ""]
            for heading, frame in lists:
                if frame is None or frame.is_empty():
                    continue
                n = t.changed if heading == "Changed" else frame.height
                what = f"{n} row(s), {frame.height} value(s)" if heading == "Changed" else f"{n} row(s)"
                out += [f"{heading}: {what}.", ""] + _markdown_rows(frame, limit) + [""]
        return "\n".join(out)

    def markdown(self, limit: int | None = None) -> str:
        """The summary first, then the details."""
        details = self.details_markdown(limit)
        return self.summary_markdown() + (f"\n{details}" if details else "")


def _cell(value) -> str:
    if value is None:
        return "∅"
    text = str(value).replace("\\", "\\\\").replace("|", "\\|").replace("\n", "⏎").replace("\r", "")
    if len(text) > CELL_CHARS:
        text = f"{text[:CELL_CHARS]}… ({len(str(value))} characters)"
    return text


def _markdown_rows(frame: pl.DataFrame, limit: int | None) -> list[str]:
    shown = frame if limit is None else frame.head(limit)
    lines = ["| " + " | ".join(shown.columns) + " |", "|" + "---|" * shown.width]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in shown.iter_rows()]
    if shown.height < frame.height:
        lines += ["", f"… and {frame.height - shown.height} more (`nichibei diff OLD NEW` lists them all)."]
    return lines


def _as_text(frame: pl.DataFrame, column: str) -> pl.Expr:
    dtype = frame.schema[column]
    col = pl.col(column)
    if isinstance(dtype, pl.List):
        return col.cast(pl.List(pl.Utf8)).list.join("|")
    return col.cast(pl.Utf8)


def _cell_changes(old: pl.DataFrame, new: pl.DataFrame, key: list[str]) -> pl.DataFrame:
    """Changed cells of rows present in both (same key): key columns, `column`, `old`, `new`."""
    renamed = new.rename({c: f"{c}__new" for c in new.columns if c not in key})
    both = old.join(renamed, on=key, how="inner", nulls_equal=True)
    parts = []
    for c in old.columns:
        if c in key:
            continue
        differs = both.filter(pl.col(c).ne_missing(pl.col(f"{c}__new")))
        if differs.height:
            parts.append(differs.select(*[pl.col(k).cast(pl.Utf8) for k in key], pl.lit(c).alias("column"),
                                        _as_text(both, c).alias("old"), _as_text(both, f"{c}__new").alias("new")))
    if not parts:
        return pl.DataFrame(schema={**{k: pl.Utf8 for k in key}, "column": pl.Utf8, "old": pl.Utf8, "new": pl.Utf8})
    return pl.concat(parts).sort([*key, "column"], nulls_last=True)


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
    added_keys = b.join(a, on=key, how="anti", nulls_equal=True).select(key).sort(key, nulls_last=True)
    removed_keys = a.join(b, on=key, how="anti", nulls_equal=True).select(key).sort(key, nulls_last=True)
    both = a.join(b, on=key, how="inner", nulls_equal=True, suffix="_new")
    changed_keys = both.filter(pl.col("_row_hash") != pl.col("_row_hash_new")).select(key)
    changes = _cell_changes(old.select(common).join(changed_keys, on=key, how="semi", nulls_equal=True),
                            new.select(common).join(changed_keys, on=key, how="semi", nulls_equal=True), key)
    return TableDiff(table, added_keys.height, removed_keys.height, changed_keys.height, added_cols, removed_cols,
                     retyped, key=tuple(key), added_keys=added_keys, removed_keys=removed_keys, changes=changes)


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
