"""Checking a downloaded or published release: checksums, files, and every table against its schema."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl

import schemas
from nichibei.release.files import sha256_of


def verify_release(release_dir: Path) -> list[str]:
    """Every problem found, naming the file; an empty list means the release is whole."""
    if not release_dir.is_dir():
        return [f"{release_dir}: not a directory"]
    problems: list[str] = []
    sums = release_dir / "SHA256SUMS"
    listed: dict[str, str] = {}
    if not sums.exists():
        problems.append("SHA256SUMS: missing")
    else:
        for n, line in enumerate(sums.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            digest, sep, name = line.partition("  ")
            if not sep or len(digest) != 64:
                problems.append(f"SHA256SUMS line {n}: not `<sha256>  <file>`")
                continue
            listed[name] = digest
        for name, digest in listed.items():
            path = release_dir / name
            if not path.is_file():
                problems.append(f"{name}: listed in SHA256SUMS but missing")
            elif sha256_of(path) != digest:
                problems.append(f"{name}: checksum does not match SHA256SUMS (file changed or damaged)")
        present = {p.relative_to(release_dir).as_posix() for p in release_dir.rglob("*") if p.is_file()}
        for name in sorted(present - set(listed) - {"SHA256SUMS"}):
            problems.append(f"{name}: not listed in SHA256SUMS")
    problems += _check_datapackage(release_dir)
    frames = {}
    for table in schemas.TABLES:
        for rel in (f"{table}.parquet", f"csv/{table}.csv"):
            if not (release_dir / rel).is_file():
                problems.append(f"{rel}: missing")
        path = release_dir / f"{table}.parquet"
        if path.is_file():
            try:
                frames[table] = pl.read_parquet(path)
            except Exception as exc:  # noqa: BLE001 - any unreadable file is a finding, not a crash
                problems.append(f"{table}.parquet: unreadable ({exc})")
    current = all(frames.get(t) is not None and frames[t].columns == list(schemas.polars_schema(t))
                  for t in schemas.TABLES)
    if len(frames) == len(schemas.TABLES) and current:
        try:
            schemas.validate_tables(frames)
        except schemas.ValidationFailed as exc:
            problems += [f"schema: {f}" for f in exc.failures]
    else:  # a release of another version of the tables: check it against its own datapackage.json
        problems += _check_declared_schemas(release_dir, frames)
    return problems


def _check_declared_schemas(release_dir: Path, frames: dict[str, pl.DataFrame]) -> list[str]:
    try:
        package = json.loads((release_dir / "datapackage.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return []
    problems = []
    for resource in package.get("resources", []):
        frame = frames.get(resource["name"])
        if frame is None or resource.get("format") != "parquet":
            continue
        fields = resource.get("schema", {}).get("fields", [])
        names = [f["name"] for f in fields]
        if frame.columns != names:
            problems.append(f"{resource['path']}: columns {frame.columns} differ from datapackage.json {names}")
            continue
        for field in fields:
            if field.get("constraints", {}).get("required") and frame[field["name"]].null_count():
                problems.append(f"{resource['path']}: required column {field['name']} has nulls")
        key = resource.get("schema", {}).get("primaryKey") or []
        if key and frame.select(key).is_duplicated().any():
            problems.append(f"{resource['path']}: primary key {key} is not unique")
    return problems


def _check_datapackage(release_dir: Path) -> list[str]:
    path = release_dir / "datapackage.json"
    if not path.is_file():
        return ["datapackage.json: missing"]
    try:
        package = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        return [f"datapackage.json: not valid JSON ({exc})"]
    problems = []
    for resource in package.get("resources", []):
        file = release_dir / resource.get("path", "")
        if not file.is_file():
            problems.append(f"{resource.get('path')}: in datapackage.json but missing")
            continue
        if resource.get("bytes") != file.stat().st_size:
            problems.append(f"{resource['path']}: size differs from datapackage.json")
        if resource.get("hash") != f"sha256:{sha256_of(file)}":
            problems.append(f"{resource['path']}: hash differs from datapackage.json")
    return problems
