"""Reading the raw folder: documents, their encodings, ids, and what `sources.csv` records about them."""

from __future__ import annotations

import hashlib
from pathlib import Path

import polars as pl

from nichibei.ingest.decode import DecodeError, decode, doc_id_of
from nichibei.ingest.front_matter import FrontMatterError, block_length, parse_front_matter
from nichibei.ingest.manifest import read_manifest
from nichibei.ingest.scan import DOCUMENT_SUFFIXES, MANIFEST_NAME, read_regular_file, scan_raw
from nichibei.rejections import Rejection, rejections_frame

RAW_COLUMNS = {
    "doc_id": pl.Utf8, "source_file": pl.Utf8, "raw_sha256": pl.Utf8, "encoding": pl.Utf8,
    "format": pl.Utf8, "raw_text": pl.Utf8,
}
# What a document's front matter says of it (null without one).
FRONT_MATTER_COLUMNS = {
    "front_title": pl.Utf8, "front_published_date": pl.Date, "published_utc": pl.Datetime("us", "UTC"),
    "published_utc_offset_minutes": pl.Int64, "front_source_url": pl.Utf8,
}


def document_format(suffix: str, text: str) -> str:
    """`text`, `html` or `markdown`: by the file's suffix, and a text file that opens with front matter is Markdown."""
    fmt = DOCUMENT_SUFFIXES[suffix.lower()]
    return "markdown" if fmt == "text" and block_length(text) else fmt


def front_matter_values(rel: str, text: str) -> tuple[dict, list[Rejection]]:
    """The front-matter columns of one Markdown document, and its unusable fields as rejections.

    Raise FrontMatterError when the block does not parse.
    """
    front = parse_front_matter(text)
    if front is None:
        return dict.fromkeys(FRONT_MATTER_COLUMNS), []
    values = {"front_title": front.title, "front_published_date": front.published_date,
              "published_utc": front.published_utc, "published_utc_offset_minutes": front.utc_offset_minutes,
              "front_source_url": front.source_url}
    return values, [Rejection(rel, "read", "invalid_front_matter_value", f"{problem}; left out")
                    for problem in front.problems]


def read_documents(raw_dir: Path) -> tuple[pl.DataFrame, list[Rejection]]:
    """Read and decode every document file; undecodable ones become rejections."""
    files, rejections = scan_raw(raw_dir)
    rows, seen = [], {}
    for path in files:
        rel = path.relative_to(raw_dir).as_posix()
        try:
            raw = read_regular_file(path)
        except OSError as exc:
            rejections.append(Rejection(rel, "read", "unreadable_file", str(exc)))
            continue
        try:
            text, encoding = decode(raw)
        except DecodeError as exc:
            rejections.append(Rejection(rel, "decode", exc.reason, str(exc)))
            continue
        doc_id = doc_id_of(raw)
        if doc_id in seen:
            rejections.append(Rejection(rel, "read", "duplicate_document",
                                        f"same bytes as {seen[doc_id]}, which is published"))
            continue
        fmt = document_format(path.suffix, text)
        try:
            front, problems = front_matter_values(rel, text) if fmt == "markdown" else (
                dict.fromkeys(FRONT_MATTER_COLUMNS), [])
        except FrontMatterError as exc:
            rejections.append(Rejection(rel, "read", "invalid_front_matter", str(exc)))
            continue
        if fmt == "markdown" and not "\n".join(text.split("\n")[block_length(text):]).strip():
            rejections.append(Rejection(rel, "read", "empty_document", "the document holds front matter only"))
            continue
        seen[doc_id] = rel
        rejections += problems
        rows.append({
            "doc_id": doc_id, "source_file": rel, "raw_sha256": hashlib.sha256(raw).hexdigest(),
            "encoding": encoding, "format": fmt, "raw_text": text, **front,
        })
    return pl.DataFrame(rows, schema={**RAW_COLUMNS, **FRONT_MATTER_COLUMNS}), rejections


def load_raw(raw_dir: Path) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Documents with their manifest metadata, and every rejection so far."""
    docs, rejections = read_documents(raw_dir)
    manifest, manifest_rejections = read_manifest(raw_dir)
    # a file already rejected is not also an unknown entry of the manifest: one row per problem
    known = set(docs["source_file"].to_list()) | {r.source_file for r in rejections}
    rejections += manifest_rejections
    rejections += [
        Rejection(name, "manifest", "unknown_manifest_file", f"{MANIFEST_NAME} lists {name}, which is not a "
                  "readable document in the raw folder")
        for name in manifest["source_file"].to_list() if name not in known
    ]
    joined = docs.join(manifest, on="source_file", how="left")
    return joined, rejections_frame(rejections)
