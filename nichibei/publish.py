"""Publishing a release: Parquet and CSV of every table, datapackage.json, SHA256SUMS, RELEASE.md.

A release is written to a staging folder beside the releases and renamed into place only when whole, so a
run that fails half-way leaves no half-written release. A published release is never modified. The same
tables always give byte-identical Parquet and CSV files (rows in primary-key order, no build time inside).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

import schemas
from nichibei import __version__
from nichibei.diff import ReleaseDiff, diff_tables, read_release_tables, release_keys
from nichibei.registry import REGISTRY_NAME, read_registry, registry_json, stabilise_meeting_ids, updated_registry

FIRST_VERSION = "1.0.0"
FORMULA_START = r"^'*[=+\-@\t\r]"
DATA_PACKAGE_NAME = "nichibei"
_SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")


class PublishError(RuntimeError):
    pass


@dataclass(frozen=True)
class Published:
    path: Path
    version: str
    is_new: bool
    diff: ReleaseDiff | None


# ---------------------------------------------------------------- files of one table


def escape_formula(column: pl.Expr) -> pl.Expr:
    """One `'` in front of a text cell that a spreadsheet would read as a formula (and of one already so escaped)."""
    return pl.when(column.str.contains(FORMULA_START)).then(pl.lit("'") + column).otherwise(column)


def unescape_formula(cell: str) -> str:
    """What a reader does: remove one leading `'` before `=`, `+`, `-`, `@`, tab or CR (or before such an escape)."""
    return cell[1:] if re.match(FORMULA_START, cell) and cell.startswith("'") else cell


def csv_frame(table: str, frame: pl.DataFrame) -> pl.DataFrame:
    """A table as its CSV holds it: lists joined with `|`, timestamps ISO 8601 in UTC, text escaped."""
    exprs = []
    for c in schemas.columns(table):
        col = pl.col(c.name).cast(c.dtype)
        if isinstance(c.dtype, pl.List):
            col = escape_formula(col.list.join("|"))
        elif isinstance(c.dtype, pl.Datetime):
            col = col.dt.convert_time_zone("UTC").dt.to_string("%Y-%m-%dT%H:%M:%SZ")
        elif c.dtype == pl.Utf8:
            col = escape_formula(col)
        exprs.append(col.alias(c.name))
    return frame.select(exprs)


def write_parquet(table: str, frame: pl.DataFrame, path: Path) -> None:
    arrow = frame.to_arrow().cast(_described_schema(table))
    pq.write_table(arrow, path, compression="zstd", write_statistics=True)


def _described_schema(table: str) -> pa.Schema:
    base = schemas.arrow_schema(table)
    described = {c.name: c.description for c in schemas.columns(table)}
    fields = [f.with_metadata({"description": described[f.name]}) for f in base]
    return pa.schema(fields, metadata={"table": table, "description": schemas.description(table)})


def write_csv(table: str, frame: pl.DataFrame, path: Path) -> None:
    csv_frame(table, frame).write_csv(path, include_bom=True, line_terminator="\n", null_value="")


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# ---------------------------------------------------------------- versions


def parse_version(name: str) -> tuple[int, int, int] | None:
    m = _SEMVER.match(name)
    return tuple(int(x) for x in m.groups()) if m else None


def published_versions(out_dir: Path) -> list[str]:
    releases = out_dir / "releases"
    if not releases.is_dir():
        return []
    names = [p.name for p in releases.iterdir() if p.is_dir() and parse_version(p.name)]
    return sorted(names, key=parse_version)


def bump(version: str, part: str) -> str:
    major, minor, patch = parse_version(version)
    if part == "major":
        return f"{major + 1}.0.0"
    if part == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


# ---------------------------------------------------------------- metadata files


def _field_descriptor(c: schemas.Column) -> dict:
    descriptor = {"name": c.name, "type": schemas.registry.frictionless_type(c.dtype), "description": c.description}
    if isinstance(c.dtype, pl.List):
        descriptor["description"] += " In CSV the items are joined with `|`."
    if c.dtype == pl.Boolean:
        descriptor["trueValues"], descriptor["falseValues"] = ["true"], ["false"]
    if isinstance(c.dtype, pl.Datetime):
        descriptor["format"] = "%Y-%m-%dT%H:%M:%SZ"
    if not c.nullable:
        descriptor["constraints"] = {"required": True}
    return descriptor


def _table_schema(table: str) -> dict:
    return {
        "fields": [_field_descriptor(c) for c in schemas.columns(table)],
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
                "format": fmt,
                "mediatype": "application/vnd.apache.parquet" if fmt == "parquet" else "text/csv",
                "bytes": path.stat().st_size,
                "hash": f"sha256:{sha256_of(path)}",
                "schema": _table_schema(table),
            }
            if fmt == "csv":
                resource["profile"] = "tabular-data-resource"
                resource["encoding"] = "utf-8-sig"
                resource["dialect"] = {"delimiter": ",", "header": True, "quoteChar": '"'}
            else:
                resource["profile"] = "data-resource"
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


def release_notes(version: str, tables: dict[str, pl.DataFrame], inputs: dict, diff: ReleaseDiff | None,
                  previous: str | None) -> str:
    built = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    lines = [
        f"# Nichibei release {version}", "",
        f"- Built: {built} (the only time stamp of the release; the data files hold none)",
        f"- Pipeline: nichibei {__version__}",
        f"- Inputs: {inputs.get('n_files', 0)} raw files, `sources.csv` SHA-256 {inputs.get('manifest_sha256') or '—'}",
        f"- Input fingerprint (SHA-256 of every raw file's path and bytes): {inputs.get('fingerprint', '—')}",
        "", "## Row counts", "", "| table | rows |", "|---|---|",
        *[f"| `{name}` | {frame.height} |" for name, frame in tables.items()],
        "", f"## Changes since {previous or 'nothing (first release)'}", "",
        diff.summary_markdown() if diff is not None else "First release.\n",
    ]
    return "\n".join(lines)


# ---------------------------------------------------------------- the release


def _write_data_files(tables: dict[str, pl.DataFrame], stage: Path) -> None:
    (stage / "csv").mkdir(parents=True)
    for table, frame in tables.items():
        write_parquet(table, frame, stage / f"{table}.parquet")
        write_csv(table, frame, stage / "csv" / f"{table}.csv")


def _data_checksums(release_dir: Path) -> dict[str, str]:
    files = sorted([*release_dir.glob("*.parquet"), *release_dir.glob("csv/*.csv")])
    return {p.relative_to(release_dir).as_posix(): sha256_of(p) for p in files}


def write_checksums(release_dir: Path) -> None:
    files = sorted(p for p in release_dir.rglob("*") if p.is_file() and p.name != "SHA256SUMS")
    lines = [f"{sha256_of(p)}  {p.relative_to(release_dir).as_posix()}" for p in files]
    (release_dir / "SHA256SUMS").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _atomic_write(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, path)


def _write_extras(version: str, tables: dict[str, pl.DataFrame], stage: Path, public: bool, withheld: int) -> None:
    """Files for users beside the data: DuckDB database, workbook, chart and the dataset card."""
    from nichibei import card, exports
    from nichibei.quality import quality_report

    quality_md, quality = quality_report(tables)
    (stage / "QUALITY.md").write_text(quality_md, encoding="utf-8")
    (stage / "quality.json").write_text(json.dumps(quality, ensure_ascii=False, indent=2, default=str) + "\n",
                                        encoding="utf-8")

    exports.write_duckdb(stage, stage / "nichibei.duckdb")
    exports.write_workbook(tables, stage / "nichibei.xlsx")
    (stage / "meetings_by_year.svg").write_text(exports.meetings_chart_svg(tables["meetings"]), encoding="utf-8")
    (stage / "README.md").write_text(card.dataset_card(version, tables, public, withheld), encoding="utf-8")
    (stage / "CITATION.cff").write_text(card.citation_cff(version), encoding="utf-8")
    (stage / "croissant.json").write_text(card.croissant_json(version, stage), encoding="utf-8")


def publish(tables: dict[str, pl.DataFrame], out_dir: Path, inputs: dict | None = None,
            public: bool = False) -> Published:
    """Publish validated tables as a new release, or return the latest when nothing changed.

    `public`: withhold the full texts that their licences do not allow to redistribute.
    """
    inputs = inputs or {}
    withheld = 0
    if public:
        from nichibei.licences import withhold_texts

        tables, withheld = withhold_texts(tables)
        tables = schemas.validate_tables(tables)
    registered = read_registry(out_dir)
    tables = {name: schemas.conform(name, frame)
              for name, frame in stabilise_meeting_ids(tables, registered).items()}
    releases = out_dir / "releases"
    releases.mkdir(parents=True, exist_ok=True)
    versions = published_versions(out_dir)
    previous = versions[-1] if versions else None
    stage = Path(tempfile.mkdtemp(prefix=".staging-", dir=releases))
    try:
        _write_data_files(tables, stage)
        diff = None
        if previous is None:
            version = FIRST_VERSION
        else:
            previous_dir = releases / previous
            if _data_checksums(previous_dir) == _data_checksums(stage):
                shutil.rmtree(stage)
                return Published(previous_dir, previous, False, None)
            keys = {**release_keys(previous_dir), **{t: schemas.primary_key(t) for t in tables}}
            diff = diff_tables(read_release_tables(previous_dir), tables, keys)
            version = bump(previous, diff.bump or "patch")
        _write_extras(version, tables, stage, public, withheld)
        package = datapackage(version, stage, list(tables))
        (stage / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n",
                                                encoding="utf-8")
        (stage / "RELEASE.md").write_text(release_notes(version, tables, inputs, diff, previous), encoding="utf-8")
        write_checksums(stage)
        target = releases / version
        if target.exists():
            raise PublishError(f"release {version} already exists at {target}; published releases are never modified")
        os.rename(stage, target)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    _atomic_write(out_dir / "latest.json", json.dumps({"version": version, "path": f"releases/{version}"},
                                                      indent=2) + "\n")
    _atomic_write(out_dir / "CHANGELOG.md", data_changelog(out_dir / "CHANGELOG.md", version, previous, diff))
    _atomic_write(out_dir / REGISTRY_NAME, registry_json(updated_registry(registered, tables, version)))
    return Published(target, version, True, diff)


DATA_CHANGELOG_HEAD = (
    "# Changelog of the published data\n\n"
    "One entry per release, newest first: rows added, removed and changed per table (by primary key) and "
    "schema changes since the previous release. Versions follow semantic versioning of the tables.\n"
)


def data_changelog(path: Path, version: str, previous: str | None, diff: ReleaseDiff | None) -> str:
    """The data changelog of the output folder with an entry for `version` on top."""
    old = path.read_text(encoding="utf-8") if path.exists() else DATA_CHANGELOG_HEAD
    head, _, entries = old.partition("\n## ")
    entries = f"## {entries}" if entries else ""
    today = datetime.now(timezone.utc).date().isoformat()
    body = diff.summary_markdown() if diff is not None else "First release.\n"
    entry = f"## [{version}] - {today}\n\nSince {previous or 'nothing'}:\n\n{body}\n"
    return f"{head.rstrip()}\n\n{entry}{entries}"


def input_fingerprint(raw_dir: Path) -> dict:
    """What the release was built from: file count, the manifest's checksum, a fingerprint of every file."""
    digest = hashlib.sha256()
    files = sorted(p for p in raw_dir.rglob("*") if p.is_file())
    for p in files:
        digest.update(p.relative_to(raw_dir).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
    manifest = raw_dir / "sources.csv"
    return {
        "n_files": len(files),
        "manifest_sha256": sha256_of(manifest) if manifest.exists() else None,
        "fingerprint": digest.hexdigest(),
    }
