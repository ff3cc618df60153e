"""Publishing a release: Parquet and CSV of every table, datapackage.json, SHA256SUMS, RELEASE.md.

A release is written to a staging folder beside the releases and renamed into place only when whole, so a
run that fails half-way leaves no half-written release. A published release is never modified. The same
tables always give byte-identical Parquet and CSV files (rows in primary-key order, no build time inside).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import polars as pl

import schemas
from nichibei import __version__
from nichibei.release import card, exports
from nichibei.release.diff import ReleaseDiff, diff_tables, read_release_tables, release_keys
from nichibei.release.files import _atomic_write, _data_checksums, write_checksums, write_csv, write_parquet
from nichibei.release.licences import withhold_texts
from nichibei.release.metadata import datapackage
from nichibei.release.quality import quality_report
from nichibei.release.registry import (REGISTRY_NAME, read_registry, registry_json, stabilise_meeting_ids,
                                       updated_registry)
from nichibei.release.versions import FIRST_VERSION, bump, published_versions


class PublishError(RuntimeError):
    pass


@dataclass(frozen=True)
class Published:
    path: Path
    version: str
    is_new: bool
    diff: ReleaseDiff | None


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


def _write_extras(version: str, tables: dict[str, pl.DataFrame], stage: Path, public: bool, withheld: int) -> None:
    """Files for users beside the data: DuckDB database, workbook, chart and the dataset card."""
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
