"""Versions decided by the data: unchanged → nothing new, rows → minor, values → patch, columns removed → major."""

from __future__ import annotations

import json

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from nichibei.release.diff import diff_releases
from nichibei.release.files import _data_checksums
from nichibei.release.publish import publish


def with_row(tables, table, **row):
    frame = tables[table]
    return dict(tables, **{table: pl.concat([frame, pl.DataFrame([row], schema=frame.schema)])})


REJECTION = {"source_file": "late.txt", "stage": "decode", "reason": "undecodable", "detail": "bad bytes"}


def test_same_input_twice_gives_identical_files_and_no_new_release(seed_tables, tmp_path):
    a = publish(seed_tables, tmp_path / "a")
    b = publish(seed_tables, tmp_path / "b")
    assert _data_checksums(a.path) == _data_checksums(b.path)
    again = publish(seed_tables, tmp_path / "a")
    assert (again.is_new, again.version, again.path) == (False, "1.0.0", a.path)


@pytest.mark.parametrize("change,expected", [
    pytest.param(lambda t: with_row(t, "rejections", **REJECTION), "1.1.0", id="row-added-minor"),
    pytest.param(lambda t: dict(t, documents=t["documents"].with_columns(
        pl.when(pl.col("source_file").str.starts_with("003")).then(pl.lit("Corrected title"))
        .otherwise(pl.col("title")).alias("title"))), "1.0.1", id="value-corrected-patch"),
    pytest.param(lambda t: dict(t, segments=t["segments"].head(-1)), "1.1.0", id="row-removed-minor"),
])
def test_version_follows_the_change(seed_tables, tmp_path, change, expected):
    first = publish(seed_tables, tmp_path)
    second = publish(change(seed_tables), tmp_path)
    assert (first.version, second.version, second.is_new) == ("1.0.0", expected, True)
    assert json.loads((tmp_path / "latest.json").read_text())["version"] == expected
    notes = (second.path / "RELEASE.md").read_text(encoding="utf-8")
    assert "Changes since 1.0.0" in notes
    changelog = (tmp_path / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog.index(f"## [{expected}]") < changelog.index("## [1.0.0]")


def test_a_column_removed_is_major(seed_tables, tmp_path):
    first = publish(seed_tables, tmp_path)
    # the previous release had a column that the new tables no longer have
    path = first.path / "topics.parquet"
    table = pq.read_table(path)
    pq.write_table(table.append_column("confidence", pa.nulls(table.num_rows, pa.float64())), path)
    second = publish(with_row(seed_tables, "rejections", **REJECTION), tmp_path)
    assert second.version == "2.0.0"
    assert "-confidence" in diff_releases(first.path, second.path).summary_markdown()


def test_diff_counts_rows_by_primary_key(seed_tables, tmp_path):
    first = publish(seed_tables, tmp_path)
    changed = with_row(seed_tables, "rejections", **REJECTION)
    changed["segments"] = changed["segments"].with_columns(
        pl.when(pl.col("seg_no") == 1).then(pl.lit("und")).otherwise(pl.col("language")).alias("language"))
    second = publish(changed, tmp_path)
    diff = {t.table: t for t in diff_releases(first.path, second.path).tables}
    n_docs = seed_tables["documents"].height
    assert (diff["rejections"].added, diff["rejections"].removed, diff["rejections"].changed) == (1, 0, 0)
    assert (diff["segments"].added, diff["segments"].removed, diff["segments"].changed) == (0, 0, n_docs)
    assert not diff["documents"].has_changes


def test_a_corrected_meeting_keeps_its_published_id(seed_tables, tmp_path):
    first = publish(seed_tables, tmp_path)
    meetings = pl.read_parquet(first.path / "meetings.parquet")
    target = meetings.filter(pl.col("meeting_type") == "2plus2").row(0, named=True)
    # a later pipeline mints another id for the same meeting (say, its date was corrected)
    renamed = {t: f.with_columns(pl.col("meeting_id").replace({target["meeting_id"]: "m_corrected0000000"}))
               if "meeting_id" in f.columns else f for t, f in seed_tables.items()}
    renamed["meetings"] = renamed["meetings"].with_columns(
        pl.when(pl.col("meeting_id") == "m_corrected0000000").then(pl.lit(75)).otherwise(pl.col("duration_minutes"))
        .alias("duration_minutes"))
    second = publish(renamed, tmp_path)
    assert second.version == "1.0.1"
    again = pl.read_parquet(second.path / "meetings.parquet")
    assert set(again["meeting_id"]) == set(meetings["meeting_id"])
    assert again.filter(pl.col("meeting_id") == target["meeting_id"])["duration_minutes"].to_list() == [75]
    sources = pl.read_parquet(second.path / "meeting_sources.parquet")
    assert "m_corrected0000000" not in sources["meeting_id"].to_list()
    registry = json.loads((tmp_path / "meeting_ids.json").read_text())["meetings"]
    assert {e["meeting_id"] for e in registry} == set(meetings["meeting_id"])


def test_a_new_meeting_gets_a_new_id(seed_tables, tmp_path):
    first = publish(seed_tables, tmp_path)
    row = seed_tables["meetings"].row(0, named=True) | {"meeting_id": "m_new0000000000000", "meeting_type": "other"}
    src = seed_tables["meeting_sources"].row(0, named=True) | {"meeting_id": "m_new0000000000000",
                                                               "is_primary": False}
    more = dict(seed_tables, meetings=pl.concat([seed_tables["meetings"], pl.DataFrame([row],
                                                 schema=seed_tables["meetings"].schema)]),
                meeting_sources=pl.concat([seed_tables["meeting_sources"], pl.DataFrame([src],
                                           schema=seed_tables["meeting_sources"].schema)]))
    second = publish(more, tmp_path)
    assert second.version == "1.1.0"
    ids = pl.read_parquet(second.path / "meetings.parquet")["meeting_id"].to_list()
    assert "m_new0000000000000" in ids and len(ids) == first_count(first) + 1


def first_count(published) -> int:
    return pl.read_parquet(published.path / "meetings.parquet").height


def test_one_document_added_is_minor(tmp_path):
    import shutil

    from conftest import SEEDS
    from nichibei.pipeline import build_tables

    raw = tmp_path / "raw"
    shutil.copytree(SEEDS, raw)
    first = publish(build_tables(raw), tmp_path / "out")
    (raw / "new_phone_call.txt").write_text(
        "日米首脳電話会談\n2021年10月5日\n岸田文雄内閣総理大臣は、5日午前7時35分から約20分間、ジョー・バイデン米国大統領と"
        "電話会談を行いました。\n", encoding="utf-8")
    second = publish(build_tables(raw), tmp_path / "out")
    assert (first.version, second.version) == ("1.0.0", "1.1.0")
    diff = {t.table: t for t in diff_releases(first.path, second.path).tables}
    assert (diff["documents"].added, diff["documents"].removed, diff["documents"].changed) == (1, 0, 0)
    assert diff["meetings"].added == 1 and diff["meetings"].changed == 0
    assert "phone_call" in pl.read_parquet(second.path / "meetings.parquet")["meeting_type"].to_list()


def test_diff_command_prints_the_summary(seed_tables, tmp_path, capsys):
    from nichibei.cli import main

    first = publish(seed_tables, tmp_path)
    second = publish(with_row(seed_tables, "rejections", **REJECTION), tmp_path)
    assert main(["diff", str(first.path), str(second.path)]) == 0
    out = capsys.readouterr().out
    assert "| `rejections` | 1 | 0 | 0 | — |" in out
    assert main(["diff", str(first.path), str(first.path)]) == 0
    assert capsys.readouterr().out == "No changes.\n"


# old rows, new rows → added keys, removed keys, changed cells (key, column, old, new)
ROW_DIFFS = [
    pytest.param([(1, "a", 10)], [(1, "a", 10)], [], [], [], id="same"),
    pytest.param([(1, "a", 10)], [(1, "a", 10), (2, "b", None)], [("2",)], [], [], id="added"),
    pytest.param([(1, "a", 10), (2, "b", 20)], [(2, "b", 20)], [], [("1",)], [], id="removed"),
    pytest.param([(1, "a", 120)], [(1, "a", 90)], [], [], [("1", "minutes", "120", "90")], id="one-cell"),
    pytest.param([(1, "a", 120)], [(1, "c", None)], [], [],
                 [("1", "city", "a", "c"), ("1", "minutes", "120", None)], id="two-cells-one-to-null"),
]


@pytest.mark.parametrize(("old", "new", "added", "removed", "changes"), ROW_DIFFS)
def test_diff_lists_rows_by_key(old, new, added, removed, changes):
    from nichibei.release.diff import diff_table

    schema = {"id": pl.Int64, "city": pl.Utf8, "minutes": pl.Int64}
    d = diff_table("t", pl.DataFrame(old, schema=schema, orient="row"), pl.DataFrame(new, schema=schema, orient="row"),
                   ["id"])
    assert (d.added, d.removed, d.changed) == (len(added), len(removed), len({c[0] for c in changes}))
    assert [tuple(str(v) for v in r) for r in d.added_keys.rows()] == added
    assert [tuple(str(v) for v in r) for r in d.removed_keys.rows()] == removed
    assert d.changes.rows() == changes


def test_diff_of_list_columns_and_long_texts():
    from nichibei.release.diff import CELL_CHARS, ReleaseDiff, diff_table

    schema = {"id": pl.Utf8, "aliases": pl.List(pl.Utf8), "text": pl.Utf8}
    old = pl.DataFrame([("e1", ["A", "B"], "x" * 200)], schema=schema, orient="row")
    new = pl.DataFrame([("e1", ["A"], "y|z")], schema=schema, orient="row")
    d = diff_table("entities", old, new, ["id"])
    assert d.changes.rows() == [("e1", "aliases", "A|B", "A"), ("e1", "text", "x" * 200, "y|z")]
    md = ReleaseDiff([d]).markdown()
    assert md.index("| `entities` | 0 | 0 | 1 |") < md.index("### `entities`")  # the summary first
    assert "| e1 | text | " + "x" * CELL_CHARS + "… (200 characters) | y\\|z |" in md


def test_release_notes_and_cli_name_the_changed_row(seed_tables, tmp_path, capsys):
    from nichibei.cli import main

    first = publish(seed_tables, tmp_path)
    target = seed_tables["meetings"].filter(pl.col("meeting_type") == "2plus2").row(0, named=True)
    corrected = dict(seed_tables, meetings=seed_tables["meetings"].with_columns(
        pl.when(pl.col("meeting_id") == target["meeting_id"]).then(pl.lit(75)).otherwise(pl.col("duration_minutes"))
        .alias("duration_minutes")))
    extra = {**REJECTION, "source_file": "x.txt"}
    second = publish(with_row(corrected, "rejections", **extra), tmp_path)
    line = f"| {target['meeting_id']} | duration_minutes | {target['duration_minutes'] or '∅'} | 75 |"
    notes = (second.path / "RELEASE.md").read_text(encoding="utf-8")
    assert "| `meetings` | 0 | 0 | 1 | — |" in notes and line in notes
    assert "| x.txt | decode | undecodable | bad bytes |" in notes  # an added row by its whole key
    assert main(["diff", str(first.path), str(second.path)]) == 0
    out = capsys.readouterr().out
    assert line in out and out.index("| table |") < out.index("### `meetings`")
    assert main(["diff", "--summary", str(first.path), str(second.path)]) == 0
    assert "### " not in capsys.readouterr().out
    assert main(["diff", "--limit", "0", str(first.path), str(second.path)]) == 0
    assert "… and 1 more (`nichibei diff OLD NEW` lists them all)." in capsys.readouterr().out
