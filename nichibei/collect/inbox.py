"""Collecting new documents: files dropped in an inbox folder join the raw folder, which is only ever added to.

A collector (a person, a scraper) puts documents and, optionally, their own `sources.csv` rows in the inbox.
Collection copies each document into the raw folder under the same relative path, never overwriting one that
is there (a different file of the same name is kept under a name with its doc_id, and its manifest row says
so), and appends the inbox's manifest rows for the documents it took to `raw/sources.csv`. Existing raw files and
rows are never changed. Collection never follows a symbolic link and copies nothing from outside the inbox:
a link, or anything but a regular file, stays in the inbox and is reported as refused.
"""

from __future__ import annotations

import csv
import io
import stat
from dataclasses import dataclass, field
from pathlib import Path

from nichibei.ingest.decode import doc_id_of
from nichibei.ingest.manifest import MANIFEST_COLUMNS
from nichibei.ingest.scan import DOCUMENT_SUFFIXES, MANIFEST_NAME, walk_entries, refusal_of, read_regular_file


@dataclass(frozen=True)
class Collected:
    added: list[str]      # paths relative to the raw folder
    skipped: list[str]    # inbox files already in the raw folder, byte for byte
    refused: list[tuple[str, str]] = field(default_factory=list)  # (inbox path, why): links, odd files


def _inbox_documents(inbox: Path) -> tuple[list[Path], list[tuple[str, str]]]:
    """Regular document files of the inbox, never through a link; and what is refused, with why."""
    files, refused = [], []
    for path, rel, info in sorted(walk_entries(inbox), key=lambda e: e[1]):
        if path.name.startswith(".") or path.name == MANIFEST_NAME or stat.S_ISDIR(info.st_mode):
            continue
        if path.suffix.lower() not in DOCUMENT_SUFFIXES and not stat.S_ISLNK(info.st_mode):
            continue
        refusal = refusal_of(rel, info, path)
        if refusal is not None:
            refused.append((rel, refusal.detail))
        else:
            files.append(path)
    return files, refused


def _manifest_rows(path: Path) -> tuple[list[str], list[dict]]:
    if not path.exists():
        return [], []
    reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))
    return list(reader.fieldnames or []), list(reader)


def collect(inbox: Path, raw_dir: Path) -> Collected:
    """Move what is new in `inbox` into `raw_dir` (copy, then delete from the inbox)."""
    added, skipped, renamed = [], [], {}
    raw_dir.mkdir(parents=True, exist_ok=True)
    files, refused = _inbox_documents(inbox)
    for path in files:
        rel = path.relative_to(inbox).as_posix()
        data = read_regular_file(path)
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
    return Collected(added, skipped, refused)


def _renamed_note(old: str, new: str) -> str:
    return f"collected as {old}; kept as {new} because another file of that name is in the raw folder"


def _append_manifest(inbox_manifest: Path, raw_manifest: Path, renamed: dict[str, str]) -> None:
    _, rows = ([], []) if inbox_manifest.is_symlink() else _manifest_rows(inbox_manifest)
    listed_in_inbox = {r.get("file") for r in rows}
    rows = [dict(r, file=renamed[r["file"]]) for r in rows if r.get("file") in renamed]
    # a document kept under another name has a row that says so, whether the inbox listed it or not
    rows += [{"file": new} for old, new in renamed.items() if old != new and old not in listed_in_inbox]
    for row in rows:
        old = next(o for o, n in renamed.items() if n == row["file"])
        if old != row["file"]:
            row["notes"] = "; ".join(x for x in (row.get("notes"), _renamed_note(old, row["file"])) if x)
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
