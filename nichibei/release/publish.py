"""Publishing a release: Parquet and CSV of every table, datapackage.json, SHA256SUMS, RELEASE.md.

A release is written to a staging folder (`OUT/.staging/`) and renamed into `OUT/releases/` only when whole, so
a run that fails or is killed half-way leaves no half-written release. A published release is never modified. The same
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
from nichibei.release.files import (_atomic_write, _data_checksums, share_tree, write_checksums, write_csv,
                                    write_parquet)
from nichibei.release.licences import withhold_texts
from nichibei.release.lock import output_lock
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


# rows listed per table and kind in RELEASE.md; `nichibei diff OLD NEW` lists every one
RELEASE_NOTES_ROWS = 1000


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
        diff.markdown(limit=RELEASE_NOTES_ROWS) if diff is not None else "First release.\n",
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


STAGING = ".staging"
# the output folder's files that follow its newest release; each release holds its own copy of them
FOLLOWING = ("CHANGELOG.md", REGISTRY_NAME)


def publish(tables: dict[str, pl.DataFrame], out_dir: Path, inputs: dict | None = None,
            public: bool = False) -> Published:
    """Publish validated tables as a new release, or return the latest when nothing changed.

    `public`: withhold the full texts that their licences do not allow to redistribute. One writer at a time
    (`output_lock`); a release is built in `OUT/.staging/` and renamed into `OUT/releases/` when whole, so a run
    killed at any moment leaves the published releases whole and none half-written, and the next run finishes
    what a killed one left (the output folder's `latest.json`, `CHANGELOG.md` and meeting ids follow the newest
    release).
    """
    with output_lock(out_dir):
        _recover(out_dir)
        published = _publish(tables, out_dir, inputs or {}, public)
        _follow_newest(out_dir)
    return published


def _publish(tables: dict[str, pl.DataFrame], out_dir: Path, inputs: dict, public: bool) -> Published:
    withheld = 0
    if public:
        tables, withheld = withhold_texts(tables)
        tables = schemas.validate_tables(tables)
    registered = read_registry(out_dir)
    tables = {name: schemas.conform(name, frame)
              for name, frame in stabilise_meeting_ids(tables, registered).items()}
    releases = out_dir / "releases"
    _shared_dir(releases)
    versions = published_versions(out_dir)
    previous = versions[-1] if versions else None
    _shared_dir(out_dir / STAGING)
    stage = Path(tempfile.mkdtemp(prefix="release-", dir=out_dir / STAGING))
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
        (stage / "CHANGELOG.md").write_text(data_changelog(out_dir / "CHANGELOG.md", version, previous, diff),
                                            encoding="utf-8")
        (stage / REGISTRY_NAME).write_text(registry_json(updated_registry(registered, tables, version)),
                                           encoding="utf-8")
        write_checksums(stage)
        share_tree(stage)
        target = releases / version
        if target.exists():
            raise PublishError(f"release {version} already exists at {target}; published releases are never modified")
        os.rename(stage, target)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    return Published(target, version, True, diff)


def _shared_dir(path: Path) -> None:
    if not path.is_dir():
        path.mkdir(parents=True)
        path.chmod(0o755)


def _recover(out_dir: Path) -> None:
    """What a killed run left: its staging folders (no one else writes here while the lock is held)."""
    staging = out_dir / STAGING
    if staging.is_dir():
        for leftover in staging.iterdir():
            if leftover.is_dir() and not leftover.is_symlink():
                shutil.rmtree(leftover, ignore_errors=True)
            else:
                leftover.unlink(missing_ok=True)


def _follow_newest(out_dir: Path) -> None:
    """`latest.json`, `CHANGELOG.md` and the meeting ids of the output folder made those of its newest release."""
    versions = published_versions(out_dir)
    if not versions:
        return
    newest = out_dir / "releases" / versions[-1]
    wanted = {"latest.json": json.dumps({"version": versions[-1], "path": f"releases/{versions[-1]}"}, indent=2)
              + "\n"}
    for name in FOLLOWING:
        if (newest / name).is_file():  # (releases before 1.x held no copy: their folder's files stay)
            wanted[name] = (newest / name).read_text(encoding="utf-8")
    for name, text in wanted.items():
        path = out_dir / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            _atomic_write(path, text)


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
    rows = "\nEvery row, by key, in the release's `RELEASE.md`.\n" if diff is not None and diff.bump else ""
    entry = f"## [{version}] - {today}\n\nSince {previous or 'nothing'}:\n\n{body}{rows}\n"
    return f"{head.rstrip()}\n\n{entry}{entries}"
