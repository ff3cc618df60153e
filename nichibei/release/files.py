"""The files of one table (Parquet, CSV with spreadsheet-safe cells), checksums and atomic writes."""

from __future__ import annotations

import hashlib
import re
import os
import tempfile
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

import schemas

FORMULA_START = r"^'*[=+\-@\t\r]"


def escape_formula(column: pl.Expr) -> pl.Expr:
    """One `'` in front of a text cell that a spreadsheet would read as a formula (and of one already so escaped)."""
    return pl.when(column.str.contains(FORMULA_START)).then(pl.lit("'") + column).otherwise(column)


def unescape_formula(cell: str) -> str:
    """What a reader does: remove one leading `'` before `=`, `+`, `-`, `@`, tab or CR (or before such an escape)."""
    return cell[1:] if re.match(FORMULA_START, cell) and cell.startswith("'") else cell


def csv_frame(table: str, frame: pl.DataFrame) -> pl.DataFrame:
    """A table as its CSV holds it: lists joined with `|`, timestamps ISO 8601 in UTC, text escaped."""
    exprs = []
    for c in schemas.columns(table):
        col = pl.col(c.name).cast(c.dtype)
        if isinstance(c.dtype, pl.List):
            col = escape_formula(col.list.join("|"))
        elif isinstance(c.dtype, pl.Datetime):
            col = col.dt.convert_time_zone("UTC").dt.to_string("%Y-%m-%dT%H:%M:%SZ")
        elif c.dtype == pl.Utf8:
            col = escape_formula(col)
        exprs.append(col.alias(c.name))
    return frame.select(exprs)


def write_parquet(table: str, frame: pl.DataFrame, path: Path) -> None:
    arrow = frame.to_arrow().cast(_described_schema(table))
    pq.write_table(arrow, path, compression="zstd", write_statistics=True)


def _described_schema(table: str) -> pa.Schema:
    base = schemas.arrow_schema(table)
    described = {c.name: c.description for c in schemas.columns(table)}
    fields = [f.with_metadata({"description": described[f.name]}) for f in base]
    return pa.schema(fields, metadata={"table": table, "description": schemas.description(table)})


def write_csv(table: str, frame: pl.DataFrame, path: Path) -> None:
    csv_frame(table, frame).write_csv(path, include_bom=True, line_terminator="\n", null_value="")


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _data_checksums(release_dir: Path) -> dict[str, str]:
    files = sorted([*release_dir.glob("*.parquet"), *release_dir.glob("csv/*.csv")])
    return {p.relative_to(release_dir).as_posix(): sha256_of(p) for p in files}


def write_checksums(release_dir: Path) -> None:
    files = sorted(p for p in release_dir.rglob("*") if p.is_file() and p.name != "SHA256SUMS")
    lines = [f"{sha256_of(p)}  {p.relative_to(release_dir).as_posix()}" for p in files]
    (release_dir / "SHA256SUMS").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _atomic_write(path: Path, text: str) -> None:
    """Replace a file whole (written beside it, then renamed), readable by everyone as a published file is."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def share_tree(root: Path) -> None:
    """Folders 0755 and files 0644: a release is for sharing, whatever the umask or the temporary folder's mode."""
    root.chmod(0o755)
    for path in root.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
