"""What a release carries for users beside the tables: card, citation, Croissant, DuckDB, workbook, chart, --public."""

from __future__ import annotations

import json

import duckdb
import polars as pl
import pytest
from openpyxl import load_workbook

import schemas
from nichibei.release.licences import MAX_QUOTE_CHARS, allows_redistribution
from nichibei.release.publish import publish
from nichibei.release.verify import verify_release


def test_dataset_card_and_citation(seed_release):
    card = (seed_release / "README.md").read_text(encoding="utf-8")
    for words in ("## Coverage", "## Licence", "## How to cite", "## Known limits", "meetings_by_year.svg"):
        assert words in card
    for table in schemas.TABLES:
        assert f"- `{table}`:" in card
    cff = (seed_release / "CITATION.cff").read_text(encoding="utf-8")
    assert "cff-version: 1.2.0" in cff and f'version: "{seed_release.name}"' in cff


def test_croissant_describes_every_table(seed_release):
    meta = json.loads((seed_release / "croissant.json").read_text(encoding="utf-8"))
    assert meta["@type"] == "sc:Dataset" and meta["conformsTo"] == "http://mlcommons.org/croissant/1.0"
    assert [r["name"] for r in meta["recordSet"]] == list(schemas.TABLES)
    files = {d["contentUrl"] for d in meta["distribution"]}
    assert files == {f"{t}.parquet" for t in schemas.TABLES}
    for record_set in meta["recordSet"]:
        assert [f["name"] for f in record_set["field"]] == [c.name for c in schemas.columns(record_set["name"])]


def test_duckdb_file_holds_every_table_and_the_wide_view(seed_release, seed_tables):
    con = duckdb.connect(str(seed_release / "nichibei.duckdb"), read_only=True)
    for table in schemas.TABLES:
        assert con.execute(f"select count(*) from {table}").fetchall() == [(seed_tables[table].height,)]
    columns = [row[0] for row in con.execute("describe meetings_wide").fetchall()]
    assert columns[: len(schemas.columns("meetings"))] == [c.name for c in schemas.columns("meetings")]
    assert {"principals", "n_attendees", "source_files", "topics"} <= set(columns)
    assert con.execute("select count(*) from meetings_wide").fetchall() == [(seed_tables["meetings"].height,)]


def test_workbook_opens_with_the_meeting_tables_and_no_full_texts(seed_release, seed_tables):
    book = load_workbook(seed_release / "nichibei.xlsx", read_only=True)
    assert book.sheetnames == ["meetings", "meeting_participants", "meeting_sources", "entities", "documents",
                               "rejections"]
    header = [c.value for c in next(book["documents"].iter_rows(max_row=1))]
    assert "text" not in header and "title" in header
    assert book["documents"].max_row == seed_tables["documents"].height + 1


def test_chart_is_an_svg(seed_release):
    svg = (seed_release / "meetings_by_year.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")


@pytest.mark.parametrize("licence,allowed", [
    pytest.param("CC-BY-4.0", True, id="cc-by"),
    pytest.param("CC BY-SA 4.0", True, id="cc-by-sa"),
    pytest.param("CC0-1.0", True, id="cc0"),
    pytest.param("政府標準利用規約（第2.0版）", True, id="japan-government-terms"),
    pytest.param("CC-BY-NC-4.0", False, id="non-commercial"),
    pytest.param("CC-BY-ND-4.0", False, id="no-derivatives"),
    pytest.param("All rights reserved", False, id="all-rights-reserved"),
    pytest.param(None, False, id="unknown"),
    pytest.param("Public domain (U.S. Government work, 17 U.S.C. 105)", True, id="public-domain-with-a-note"),
    pytest.param("U.S. Government work (17 U.S.C. §105)", True, id="us-government-work"),
    pytest.param("Diet speech: free to use (Copyright Act of Japan, Art. 40(1))", True, id="diet-speech"),
    pytest.param("国会における演説（著作権法第40条第1項）", True, id="diet-speech-ja"),
    pytest.param("CC BY-NC-SA 4.0", False, id="non-commercial-share-alike"),
    pytest.param("Public domain? Not known", False, id="not-a-licence"),
    pytest.param("© 2024 NHK (All rights reserved)", False, id="copyright-with-a-note"),
])
def test_which_licences_allow_redistribution(licence, allowed):
    assert allows_redistribution(licence) is allowed


def test_public_release_withholds_texts_it_may_not_redistribute(seed_tables, tmp_path):
    docs = seed_tables["documents"].with_columns(
        pl.when(pl.col("source_file").str.starts_with("004")).then(pl.lit("政府標準利用規約（第2.0版）"))
        .otherwise(pl.col("license")).alias("license"))
    public = publish(dict(seed_tables, documents=docs), tmp_path, public=True)
    assert verify_release(public.path) == []
    out = pl.read_parquet(public.path / "documents.parquet")
    open_doc = out.filter(pl.col("source_file").str.starts_with("004"))
    closed = out.filter(~pl.col("source_file").str.starts_with("004"))
    assert open_doc["text"].to_list() == docs.filter(pl.col("source_file").str.starts_with("004"))["text"].to_list()
    assert closed["text"].null_count() == closed.height and closed["is_text_withheld"].all()
    assert (closed["n_chars"] > 0).all()
    segments = pl.read_parquet(public.path / "segments.parquet").join(closed.select("doc_id"), on="doc_id")
    assert segments.height > 0
    assert segments.filter(pl.col("text").str.len_chars() > MAX_QUOTE_CHARS).height == 0
    csv_text = (public.path / "csv" / "documents.csv").read_text(encoding="utf-8-sig")
    assert "日米同盟の抑止力" not in csv_text
    assert "withheld" in (public.path / "README.md").read_text(encoding="utf-8")


def test_meetings_wide_answers_a_real_question(seed_release):
    """Which meetings lasted longer than 100 minutes, where, and who led them?"""
    con = duckdb.connect(str(seed_release / "nichibei.duckdb"), read_only=True)
    rows = con.execute("""
        select date_local::varchar, meeting_type, city, duration_minutes, principals, n_attendees
        from meetings_wide where duration_minutes > 100 order by date_local
    """).fetchall()
    assert rows == [
        ("2023-01-13", "summit", "Washington", 120, "Fumio Kishida; Joe Biden", 0),
        ("2025-02-07", "summit", "Washington", 110, "Shigeru Ishiba; Donald Trump", 0),
    ]
    (n_attendees,) = con.execute("select n_attendees from meetings_wide where date_local = '2009-11-13'").fetchone()
    assert n_attendees == 11


def test_chart_shows_the_seed_meetings(seed_release, seed_tables):
    svg = (seed_release / "meetings_by_year.svg").read_text(encoding="utf-8")
    dated = seed_tables["meetings"].filter(pl.col("date_local").is_not_null())
    assert f"({dated.height} dated meetings)" in svg
    for year, kind, n in (dated.group_by(pl.col("date_local").dt.year(), "meeting_type").len().iter_rows()):
        assert f"<title>{year} {kind}: {n}</title>" in svg


def test_quality_report_in_the_release(seed_release, seed_tables):
    quality = json.loads((seed_release / "quality.json").read_text(encoding="utf-8"))
    assert quality["row_counts"]["meetings"] == seed_tables["meetings"].height
    assert "meetings" in (seed_release / "QUALITY.md").read_text(encoding="utf-8")


def test_public_release_from_the_command_line(tmp_path, capsys):
    from conftest import SEEDS
    from nichibei.cli import main

    assert main(["release", "--raw", str(SEEDS), "--out", str(tmp_path), "--public"]) == 0
    path = capsys.readouterr().out.strip().splitlines()[-1]
    assert path == str(tmp_path / "public" / "releases" / "1.0.0")
    docs = pl.read_parquet(f"{path}/documents.parquet")
    assert docs["is_text_withheld"].all() and docs["text"].null_count() == docs.height  # no licence recorded
    assert main(["verify", path]) == 0
