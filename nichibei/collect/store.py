"""Writing what was fetched into the raw folder: each document an immutable file, written to a temporary file
and linked into place (never over a file that is there), its provenance appended to `sources.csv`.

A page is named by its content hash (`<folder>/<sha16>.html`): a page whose content changed is a new snapshot
beside the old one, and the same bytes fetched again add nothing. Rows are appended under the manifest's own
header; a provenance field the header has no column for is kept in `notes` (`field=value`), so no existing line
of the manifest is ever rewritten."""

from __future__ import annotations

import csv
import hashlib
import io
import os
from pathlib import Path

from nichibei.ingest.manifest import MANIFEST_COLUMNS
from nichibei.ingest.scan import MANIFEST_NAME

PAGE_SUFFIXES = {"text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt"}


def sha16(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def page_name(folder: str, data: bytes, content_type: str) -> str:
    return f"{folder}/{sha16(data)}{PAGE_SUFFIXES.get(content_type, '.html')}"


def _inside(raw_dir: Path, rel: str) -> Path:
    """The path of `rel` in the raw folder, refusing one that leaves it or passes through a link."""
    if ".." in Path(rel).parts or Path(rel).is_absolute():
        raise OSError(f"{rel}: not a path inside the raw folder")
    target = raw_dir / rel
    for part in (raw_dir, *(raw_dir / p for p in reversed(Path(rel).parents[:-1])), target):
        if part.is_symlink():
            raise OSError(f"{part}: a symbolic link in the raw folder; nothing written through it")
    return target


def write_new(raw_dir: Path, rel: str, data: bytes) -> bool:
    """Write `data` as `rel` unless a file of that name is there (then False). Whole or not at all."""
    target = _inside(raw_dir, rel)
    if target.exists():
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.link(tmp, target)  # fails if the name was taken meanwhile: never overwrites
    except FileExistsError:
        return False
    finally:
        tmp.unlink(missing_ok=True)
    return True


def _header(manifest: Path) -> list[str]:
    if not manifest.exists():
        return []
    with manifest.open(encoding="utf-8-sig", newline="") as fh:
        return [h.strip() for h in next(csv.reader(fh), [])]


def listed_files(raw_dir: Path) -> set[str]:
    manifest = raw_dir / MANIFEST_NAME
    if not manifest.exists():
        return set()
    with manifest.open(encoding="utf-8-sig", newline="") as fh:
        return {r.get("file", "") for r in csv.DictReader(fh)}


def append_rows(raw_dir: Path, rows: list[dict[str, str]]) -> None:
    """Append manifest rows (a new manifest gets every column of MANIFEST_COLUMNS)."""
    if not rows:
        return
    manifest = raw_dir / MANIFEST_NAME
    header = _header(manifest)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if not header:
        header = list(MANIFEST_COLUMNS)
        writer.writerow(header)
    for row in rows:
        extra = "; ".join(f"{k}={v}" for k, v in row.items() if k not in header and v)
        if extra and "notes" in header:
            row = {**row, "notes": "; ".join(x for x in (row.get("notes", ""), extra) if x)}
        writer.writerow([row.get(h, "") or "" for h in header])
    existing = manifest.read_bytes() if manifest.exists() else b""
    text = ("\n" if existing and not existing.endswith(b"\n") else "") + out.getvalue()
    with manifest.open("a", encoding="utf-8", newline="") as fh:
        fh.write(text)
