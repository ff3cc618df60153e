"""A real release of raw/: every table readable by DuckDB and Polars, verify, idempotence, failure safety."""

from __future__ import annotations

import json
import shutil

import duckdb
import polars as pl
import pytest

import schemas
from nichibei.release import publish as publish_module
from nichibei.release.files import sha256_of
from nichibei.cli import main
from nichibei.release.publish import publish
from nichibei.release.verify import verify_release

from conftest import SEEDS


def test_every_table_as_parquet_and_csv(seed_release):
    for table in schemas.TABLES:
        assert (seed_release / f"{table}.parquet").is_file()
        assert (seed_release / "csv" / f"{table}.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    for name in ("datapackage.json", "SHA256SUMS", "RELEASE.md"):
        assert (seed_release / name).is_file()
    assert seed_release.name == "1.0.0"
    latest = json.loads((seed_release.parent.parent / "latest.json").read_text())
    assert latest == {"version": "1.0.0", "path": "releases/1.0.0"}


@pytest.mark.parametrize("table", list(schemas.TABLES))
def test_duckdb_and_polars_read_every_table(seed_release, table, seed_tables):
    path = seed_release / f"{table}.parquet"
    (n,), = duckdb.sql(f"select count(*) from read_parquet('{path.as_posix()}')").fetchall()
    frame = pl.read_parquet(path)
    assert n == frame.height == seed_tables[table].height
    assert frame.columns == [c.name for c in schemas.columns(table)]
    csv = pl.read_csv(seed_release / "csv" / f"{table}.csv", infer_schema=False)
    assert csv.height == frame.height and csv.columns == frame.columns


def test_parquet_is_zstd_and_typed(seed_release):
    import pyarrow.parquet as pq

    meta = pq.ParquetFile(seed_release / "documents.parquet").metadata
    assert meta.row_group(0).column(0).compression == "ZSTD"
    assert pq.read_schema(seed_release / "documents.parquet") .equals(schemas.arrow_schema("documents"),
                                                                      check_metadata=False)


def test_verify_passes_on_the_release(seed_release, capsys):
    assert verify_release(seed_release) == []
    assert main(["verify", str(seed_release)]) == 0


def test_a_query_from_the_readme_runs(seed_release):
    con = duckdb.connect()
    con.execute(f"create view documents as select * from read_parquet('{(seed_release / 'documents.parquet').as_posix()}')")
    rows = con.execute("select language, count(*) from documents group by language order by language").fetchall()
    assert rows == [("ja", 4), ("mixed", 1)]


def test_same_input_publishes_nothing_new(seed_release, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(seed_release.parent.parent, out)
    from nichibei.pipeline import build_tables

    again = publish(build_tables(SEEDS), out)
    assert not again.is_new and again.version == "1.0.0"
    assert sorted(p.name for p in (out / "releases").iterdir()) == ["1.0.0"]


def test_tampered_file_fails_verify_naming_it(seed_release, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(seed_release, copy)
    with (copy / "csv" / "meetings.csv").open("ab") as fh:
        fh.write(b"x\n")
    problems = verify_release(copy)
    assert any(p.startswith("csv/meetings.csv: checksum does not match") for p in problems)
    assert main(["verify", str(copy)]) == 1


def test_missing_file_fails_verify(seed_release, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(seed_release, copy)
    (copy / "topics.parquet").unlink()
    assert "topics.parquet: listed in SHA256SUMS but missing" in verify_release(copy)


def test_a_failed_run_leaves_no_half_written_release(seed_tables, tmp_path, monkeypatch):
    out = tmp_path / "out"
    first = publish(seed_tables, out)
    calls = []

    def failing_csv(table, frame, path):
        calls.append(table)
        if len(calls) == 3:
            raise OSError("disk full")
        return original(table, frame, path)

    original = publish_module.write_csv
    monkeypatch.setattr(publish_module, "write_csv", failing_csv)
    changed = dict(seed_tables, rejections=pl.DataFrame(
        {"source_file": ["x.txt"], "stage": ["decode"], "reason": ["undecodable"], "detail": ["d"]}))
    with pytest.raises(OSError, match="disk full"):
        publish(changed, out)
    assert [p.name for p in (out / "releases").iterdir()] == ["1.0.0"]
    assert verify_release(first.path) == []


def test_a_bad_document_is_rejected_while_the_rest_publish(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(SEEDS, raw)
    (raw / "broken.txt").write_bytes(b"\x81\xff\xfe\x00\x80" * 50)
    out = tmp_path / "out"
    from nichibei.pipeline import build_tables

    tables = build_tables(raw)
    release = publish(tables, out).path
    rejections = pl.read_parquet(release / "rejections.parquet")
    assert rejections.select("source_file", "stage", "reason").rows() == [("broken.txt", "decode", "undecodable")]
    assert pl.read_parquet(release / "documents.parquet").height == 5
    assert verify_release(release) == []


def test_release_command_prints_the_release_path_last(tmp_path, capsys):
    assert main(["release", "--raw", str(tmp_path / "nothing"), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "raw folder" in err[0]


def test_verify_checks_an_older_release_against_its_own_datapackage(seed_release, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    copy = tmp_path / "copy"
    shutil.copytree(seed_release, copy)
    # the release of an older version of the tables had a column the current code no longer declares
    path = copy / "topics.parquet"
    table = pq.read_table(path)
    pq.write_table(table.append_column("weight", pa.nulls(table.num_rows, pa.float64())), path)
    package = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        if resource["name"] == "topics":
            resource["schema"]["fields"].append({"name": "weight", "type": "number"})
            resource["bytes"] = path.stat().st_size
            resource["hash"] = "sha256:" + sha256_of(path)
    (copy / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    from nichibei.release.files import write_checksums

    write_checksums(copy)
    assert verify_release(copy) == []
    pq.write_table(pq.read_table(path).drop_columns(["evidence"]), path)
    write_checksums(copy)
    problems = verify_release(copy)
    assert any("topics.parquet: columns" in p for p in problems)
