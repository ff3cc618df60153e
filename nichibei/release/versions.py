"""Versions of the releases in an output folder, and the fingerprint of the inputs a release is built from."""

from __future__ import annotations

import hashlib
import re
import stat
from pathlib import Path

from nichibei.ingest.scan import read_regular_file, walk_entries
from nichibei.release.files import sha256_of

FIRST_VERSION = "1.0.0"
_SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")


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


def input_fingerprint(raw_dir: Path) -> dict:
    """What the release was built from: file count, the manifest's checksum, a fingerprint of every file."""
    digest = hashlib.sha256()
    # links and other odd entries are refused by the scan; they count by name only, and are never followed
    entries = sorted(walk_entries(raw_dir), key=lambda e: e[1])
    files = [(path, rel) for path, rel, info in entries if stat.S_ISREG(info.st_mode)]
    for path, rel, info in entries:
        if stat.S_ISDIR(info.st_mode):
            continue
        data = read_regular_file(path) if stat.S_ISREG(info.st_mode) else b"(not a regular file)"
        digest.update(rel.encode("utf-8", "surrogateescape") + b"\0" + data + b"\0")
    manifest = raw_dir / "sources.csv"
    manifest_is_file = manifest.is_file() and not manifest.is_symlink()
    return {
        "n_files": len(files),
        "manifest_sha256": sha256_of(manifest) if manifest_is_file else None,
        "fingerprint": digest.hexdigest(),
    }
