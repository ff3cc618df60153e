"""What a release is built from, as one key: the raw folder's fingerprint, the pipeline's code and reference data,
the versions of the libraries that shape the output, and whether the release is public. An output folder remembers
the key of every run that ended in a release (`OUT/.cache/builds.json`), so a run with nothing new answers with
that release without reading a document.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import cache
from importlib import metadata
from pathlib import Path

BUILDS = Path(".cache") / "builds.json"
# the packages whose files are the pipeline (code, rules, reference data, schemas, flows)
_PACKAGES = ("nichibei", "schemas", "flows")
# libraries whose version can change the bytes of a release
_LIBRARIES = ("polars", "pyarrow", "pandera", "duckdb", "openpyxl", "beautifulsoup4")


@cache
def code_fingerprint() -> str:
    """SHA-256 of every file of the pipeline's packages (by path and bytes) and of the libraries' versions."""
    import importlib

    roots = {name: Path(importlib.import_module(name).__file__).parent for name in _PACKAGES}
    return files_fingerprint(roots, _LIBRARIES)


def files_fingerprint(roots: dict[str, Path], libraries: tuple[str, ...] = ()) -> str:
    """SHA-256 of every file under the roots (by name/relative path and bytes; compiled files left out) and of the
    installed versions of `libraries`."""
    digest = hashlib.sha256()
    for name, root in sorted(roots.items()):
        for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                           and p.suffix not in (".pyc", ".pyo")):
            digest.update(f"{name}/{path.relative_to(root).as_posix()}".encode() + b"\0" + path.read_bytes() + b"\0")
    for lib in libraries:
        try:
            digest.update(f"{lib}=={metadata.version(lib)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{lib} absent\0".encode())
    return digest.hexdigest()


def build_key(inputs: dict, public: bool) -> str:
    basis = json.dumps({"inputs": inputs.get("fingerprint"), "manifest": inputs.get("manifest_sha256"),
                        "code": code_fingerprint(), "public": public}, sort_keys=True)
    return hashlib.sha256(basis.encode()).hexdigest()


def _read(out_dir: Path) -> dict[str, str]:
    path = out_dir / BUILDS
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def known_release(out_dir: Path, key: str) -> Path | None:
    """The release a run with this key ended in, when it is still the newest (a run with older inputs after newer
    ones publishes a new release) and still there."""
    from nichibei.release.versions import published_versions

    version = _read(out_dir).get(key)
    versions = published_versions(out_dir)
    if not isinstance(version, str) or not versions or versions[-1] != version:
        return None
    release = out_dir / "releases" / version
    return release if (release / "SHA256SUMS").is_file() else None


def remember(out_dir: Path, key: str, version: str, keep: int = 50) -> None:
    """Record that a run with `key` ended in release `version` (the newest `keep` keys are kept)."""
    builds = {k: v for k, v in _read(out_dir).items() if k != key}
    builds[key] = version
    builds = dict(list(builds.items())[-keep:])
    path = out_dir / BUILDS
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".builds-")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(builds, fh, indent=2)
        fh.write("\n")
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)
