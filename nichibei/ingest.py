"""Reading the raw folder: documents, their encodings, ids, and what `sources.csv` records about them."""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import polars as pl
from charset_normalizer import from_bytes

DOCUMENT_SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html"}
MANIFEST_NAME = "sources.csv"
MANIFEST_COLUMNS = ["file", "publisher", "source_url", "published_at", "retrieved_at", "license", "notes"]
# Files that sit in the raw folder but are not documents.
NOT_DOCUMENTS = {MANIFEST_NAME, "README.md", ".gitkeep", ".gitattributes"}

# Encodings the detector may choose from: Japanese and Western news pages, as collected.
CANDIDATE_ENCODINGS = [
    "utf_8", "utf_16", "utf_32", "cp932", "shift_jis", "euc_jp", "iso2022_jp", "ascii", "cp1252",
]
MAX_CHAOS = 0.2
DETECTOR_THRESHOLD = 0.5

RAW_COLUMNS = {
    "doc_id": pl.Utf8, "source_file": pl.Utf8, "raw_sha256": pl.Utf8, "encoding": pl.Utf8,
    "format": pl.Utf8, "raw_text": pl.Utf8,
}
REJECTION_COLUMNS = {"source_file": pl.Utf8, "stage": pl.Utf8, "reason": pl.Utf8, "detail": pl.Utf8}
MANIFEST_FRAME_COLUMNS = {
    "source_file": pl.Utf8, "publisher": pl.Utf8, "source_url": pl.Utf8, "manifest_published_date": pl.Date,
    "retrieved_date": pl.Date, "license": pl.Utf8, "notes": pl.Utf8,
}


@dataclass(frozen=True)
class Rejection:
    source_file: str
    stage: str
    reason: str
    detail: str


class DecodeError(ValueError):
    pass


def doc_id_of(raw: bytes) -> str:
    """The stable id of a document: the first 16 hex digits of the SHA-256 of its raw bytes."""
    return hashlib.sha256(raw).hexdigest()[:16]


def normalise_line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(raw: bytes) -> tuple[str, str]:
    """Decode raw bytes with charset-normalizer; return (text, encoding name). Raise DecodeError if unreadable."""
    if not raw.strip():
        raise DecodeError("the file is empty")
    # charset-normalizer drops a candidate when any chunk of a short text looks noisy (its default threshold);
    # judge by the whole text's mess instead, with the same limit
    best = from_bytes(raw, cp_isolation=CANDIDATE_ENCODINGS, threshold=DETECTOR_THRESHOLD).best()
    if best is None:
        raise DecodeError("no candidate encoding decodes these bytes (invalid byte sequences)")
    if best.chaos > MAX_CHAOS:
        raise DecodeError(f"decoded as {best.encoding} the text is garbled (chaos {best.chaos:.2f})")
    text = str(best)
    if "\x00" in text:
        raise DecodeError(f"decoded as {best.encoding} the text holds NUL characters (binary data?)")
    encoding = best.encoding
    if encoding == "utf_8" and best.bom:
        encoding = "utf_8_sig"
    return normalise_line_ends(text), encoding


def scan_raw(raw_dir: Path) -> tuple[list[Path], list[Rejection]]:
    """Document files under the raw folder, in a stable order, and the files that are not documents."""
    files, rejected = [], []
    for path in sorted(p for p in raw_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(raw_dir).as_posix()
        if any(part.startswith(".") for part in Path(rel).parts) or path.name in NOT_DOCUMENTS:
            continue
        if path.suffix.lower() in DOCUMENT_SUFFIXES:
            files.append(path)
        else:
            rejected.append(Rejection(rel, "scan", "unsupported_format",
                                      f"{path.suffix or 'no extension'}: only .txt, .html and .htm are read"))
    return files, rejected


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


_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


def _parse_date(value: str) -> date:
    """An ISO 8601 date or date-time (its date part; the local date as written)."""
    value = value.strip()
    try:
        return date.fromisoformat(value)
    except ValueError:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()


def read_manifest(raw_dir: Path) -> tuple[pl.DataFrame, list[Rejection]]:
    """Read `sources.csv`: one row per file; a bad value is nulled and recorded, never fatal."""
    path = raw_dir / MANIFEST_NAME
    empty = pl.DataFrame(schema=MANIFEST_FRAME_COLUMNS)
    if not path.exists():
        return empty, []
    try:
        text, _ = decode(path.read_bytes())
    except (OSError, DecodeError) as exc:
        return empty, [Rejection(MANIFEST_NAME, "manifest", "unreadable_manifest", str(exc))]
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in (reader.fieldnames or [])]
    if "file" not in header:
        return empty, [Rejection(MANIFEST_NAME, "manifest", "invalid_manifest",
                                 f"no `file` column (columns: {', '.join(header) or 'none'})")]
    rejections = [
        Rejection(MANIFEST_NAME, "manifest", "unknown_manifest_column", f"column {h!r} is not one of "
                  f"{', '.join(MANIFEST_COLUMNS)}; ignored")
        for h in header if h not in MANIFEST_COLUMNS
    ]
    rows, seen = [], set()
    for line_no, record in enumerate(reader, start=2):
        record = {(k or "").strip(): (v or "").strip() for k, v in record.items() if k}
        name = record.get("file", "")
        where = f"{MANIFEST_NAME} line {line_no}"
        if not name:
            rejections.append(Rejection(MANIFEST_NAME, "manifest", "invalid_manifest_value", f"{where}: empty `file`"))
            continue
        if name in seen:
            rejections.append(Rejection(name, "manifest", "duplicate_manifest_row", f"{where}: {name} listed again"))
            continue
        seen.add(name)
        row = {"source_file": name}
        for column in ("publisher", "license", "notes"):
            row[column] = record.get(column) or None
        url = record.get("source_url") or None
        if url and not _URL.match(url):
            rejections.append(Rejection(name, "manifest", "invalid_manifest_value",
                                        f"{where}: source_url {url!r} is not an http(s) address; left out"))
            url = None
        row["source_url"] = url
        for column, target in (("published_at", "manifest_published_date"), ("retrieved_at", "retrieved_date")):
            value = record.get(column) or None
            row[target] = None
            if value:
                try:
                    row[target] = _parse_date(value)
                except ValueError:
                    rejections.append(Rejection(name, "manifest", "invalid_manifest_value",
                                                f"{where}: {column} {value!r} is not an ISO 8601 date; left out"))
        rows.append(row)
    return pl.DataFrame(rows, schema=MANIFEST_FRAME_COLUMNS), rejections


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


def rejections_frame(rejections: list[Rejection]) -> pl.DataFrame:
    return pl.DataFrame([r.__dict__ for r in rejections], schema=REJECTION_COLUMNS)
