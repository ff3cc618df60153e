"""Collecting new documents: files dropped in an inbox folder join the raw folder, which is only ever added to.

A collector (a person, a scraper) puts documents and, optionally, their own `sources.csv` rows in the inbox.
Collection copies each document into the raw folder under the same relative path, never overwriting one that
is there (a different file of the same name is kept under a name with its doc_id), and appends the inbox's
manifest rows for the documents it took to `raw/sources.csv`. Existing raw files and rows are never changed.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from nichibei.ingest.decode import doc_id_of
from nichibei.ingest.manifest import MANIFEST_COLUMNS
from nichibei.ingest.scan import DOCUMENT_SUFFIXES, MANIFEST_NAME


@dataclass(frozen=True)
class Collected:
    added: list[str]      # paths relative to the raw folder
    skipped: list[str]    # inbox files already in the raw folder, byte for byte


def _manifest_rows(path: Path) -> tuple[list[str], list[dict]]:
    if not path.exists():
        return [], []
    reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))
    return list(reader.fieldnames or []), list(reader)


def collect(inbox: Path, raw_dir: Path) -> Collected:
    """Move what is new in `inbox` into `raw_dir` (copy, then delete from the inbox)."""
    added, skipped, renamed = [], [], {}
    raw_dir.mkdir(parents=True, exist_ok=True)
    for path in sorted(p for p in inbox.rglob("*") if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES):
        rel = path.relative_to(inbox).as_posix()
        data = path.read_bytes()
        target = raw_dir / rel
        if target.exists():
            if target.read_bytes() == data:
                skipped.append(rel)
                path.unlink()
                continue
            target = target.with_name(f"{target.stem}_{doc_id_of(data)}{target.suffix}")
            if target.exists():
                skipped.append(rel)
                path.unlink()
                continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.part")
        tmp.write_bytes(data)
        tmp.rename(target)
        new_rel = target.relative_to(raw_dir).as_posix()
        renamed[rel] = new_rel
        added.append(new_rel)
        path.unlink()
    _append_manifest(inbox / MANIFEST_NAME, raw_dir / MANIFEST_NAME, renamed)
    return Collected(added, skipped)


def _append_manifest(inbox_manifest: Path, raw_manifest: Path, renamed: dict[str, str]) -> None:
    _, rows = _manifest_rows(inbox_manifest)
    rows = [dict(r, file=renamed[r["file"]]) for r in rows if r.get("file") in renamed]
    if not rows:
        return
    header, existing = _manifest_rows(raw_manifest)
    header = header or list(MANIFEST_COLUMNS)
    header += [c for r in rows for c in r if c not in header and c is not None]
    listed = {r.get("file") for r in existing}
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, extrasaction="ignore", lineterminator="\n")
    if not raw_manifest.exists():
        writer.writeheader()
    for row in rows:
        if row["file"] not in listed:
            writer.writerow({k: row.get(k, "") or "" for k in header})
    existing_text = raw_manifest.read_text(encoding="utf-8-sig") if raw_manifest.exists() else ""
    if existing_text and not existing_text.endswith("\n"):
        out = io.StringIO("\n" + out.getvalue())
    with raw_manifest.open("a", encoding="utf-8", newline="") as fh:
        fh.write(out.getvalue())
