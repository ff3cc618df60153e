"""Reading the raw folder: documents, their encodings, ids, and what `sources.csv` records about them."""

from __future__ import annotations

import hashlib
from pathlib import Path

import polars as pl

from nichibei.ingest.decode import DecodeError, decode, doc_id_of
from nichibei.ingest.manifest import read_manifest
from nichibei.ingest.scan import DOCUMENT_SUFFIXES, MANIFEST_NAME, scan_raw
from nichibei.rejections import Rejection, rejections_frame

RAW_COLUMNS = {
    "doc_id": pl.Utf8, "source_file": pl.Utf8, "raw_sha256": pl.Utf8, "encoding": pl.Utf8,
    "format": pl.Utf8, "raw_text": pl.Utf8,
}


def read_documents(raw_dir: Path) -> tuple[pl.DataFrame, list[Rejection]]:
    """Read and decode every document file; undecodable ones become rejections."""
    files, rejections = scan_raw(raw_dir)
    rows, seen = [], {}
    for path in files:
        rel = path.relative_to(raw_dir).as_posix()
        try:
            raw = path.read_bytes()
        except OSError as exc:
            rejections.append(Rejection(rel, "read", "unreadable_file", str(exc)))
            continue
        try:
            text, encoding = decode(raw)
        except DecodeError as exc:
            rejections.append(Rejection(rel, "decode", "undecodable", str(exc)))
            continue
        doc_id = doc_id_of(raw)
        if doc_id in seen:
            rejections.append(Rejection(rel, "read", "duplicate_document",
                                        f"same bytes as {seen[doc_id]}, which is published"))
            continue
        seen[doc_id] = rel
        rows.append({
            "doc_id": doc_id, "source_file": rel, "raw_sha256": hashlib.sha256(raw).hexdigest(),
            "encoding": encoding, "format": DOCUMENT_SUFFIXES[path.suffix.lower()], "raw_text": text,
        })
    return pl.DataFrame(rows, schema=RAW_COLUMNS), rejections


def load_raw(raw_dir: Path) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Documents with their manifest metadata, and every rejection so far."""
    docs, rejections = read_documents(raw_dir)
    manifest, manifest_rejections = read_manifest(raw_dir)
    known = set(docs["source_file"].to_list())
    rejections += manifest_rejections
    rejections += [
        Rejection(name, "manifest", "unknown_manifest_file", f"{MANIFEST_NAME} lists {name}, which is not a "
                  "readable document in the raw folder")
        for name in manifest["source_file"].to_list() if name not in known
    ]
    joined = docs.join(manifest, on="source_file", how="left")
    return joined, rejections_frame(rejections)
