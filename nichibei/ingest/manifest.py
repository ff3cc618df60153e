"""`sources.csv`: what was recorded about each document when it was collected, checked value by value."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime
from pathlib import Path, PurePosixPath

import polars as pl

from nichibei.ingest.decode import DecodeError, decode
from nichibei.ingest.scan import MANIFEST_NAME, read_regular_file
from nichibei.rejections import Rejection

MANIFEST_COLUMNS = ["file", "publisher", "source_url", "published_at", "retrieved_at", "license", "notes", "http_status", "content_type", "charset", "speaker", "house", "committee"]
MANIFEST_FRAME_COLUMNS = {
    "source_file": pl.Utf8, "publisher": pl.Utf8, "source_url": pl.Utf8, "manifest_published_date": pl.Date,
    "retrieved_date": pl.Date, "license": pl.Utf8, "notes": pl.Utf8,
}


_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


def _parse_date(value: str) -> date:
    """An ISO 8601 date or date-time (its date part; the local date as written)."""
    value = value.strip()
    try:
        return date.fromisoformat(value)
    except ValueError:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()


def _leaves_raw_folder(name: str) -> bool:
    """A manifest path that is absolute or climbs out (`../x`, `/etc/x`, `C:\\x`) names nothing in the raw folder."""
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return name.startswith(("/", "\\")) or ".." in parts or bool(re.match(r"^[A-Za-z]:", name))


def read_manifest(raw_dir: Path) -> tuple[pl.DataFrame, list[Rejection]]:
    """Read `sources.csv`: one row per file; a bad value is nulled and recorded, never fatal."""
    path = raw_dir / MANIFEST_NAME
    empty = pl.DataFrame(schema=MANIFEST_FRAME_COLUMNS)
    if path.is_symlink() or not path.exists():  # a linked manifest is refused by the scan
        return empty, []
    try:
        text, _ = decode(read_regular_file(path))
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
        if _leaves_raw_folder(name):
            rejections.append(Rejection(name, "manifest", "invalid_manifest_value",
                                        f"{where}: {name!r} is not a path inside the raw folder; row left out"))
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
