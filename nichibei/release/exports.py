"""Ready-to-use files in a release: a DuckDB database, an Excel workbook, a chart of meetings over time."""

from __future__ import annotations

from html import escape
from pathlib import Path

import duckdb
import polars as pl
from openpyxl import Workbook

import schemas
from nichibei.release.files import csv_frame

MEETINGS_WIDE_SQL = """
create view meetings_wide as
with principals as (
    select p.meeting_id,
           string_agg(coalesce(e.name_en, e.name_ja, p.entity_id), '; ' order by p.country_code, p.entity_id)
               as principals,
           string_agg(p.entity_id, '|' order by p.country_code, p.entity_id) as principal_ids
    from meeting_participants p left join entities e using (entity_id)
    where p.side = 'principal'
    group by p.meeting_id
), attendees as (
    select meeting_id, count(*) as n_attendees
    from meeting_participants where side = 'attendee' group by meeting_id
), sources as (
    select s.meeting_id,
           string_agg(d.source_file, '|' order by s.is_primary desc, d.source_file) as source_files,
           string_agg(d.doc_id, '|' order by s.is_primary desc, d.source_file) as doc_ids
    from meeting_sources s join documents d using (doc_id)
    group by s.meeting_id
), meeting_topics as (
    select s.meeting_id, string_agg(distinct t.topic_code, '|' order by t.topic_code) as topics
    from meeting_sources s join topics t using (doc_id)
    where s.is_primary
    group by s.meeting_id
)
select m.*, p.principals, p.principal_ids, coalesce(a.n_attendees, 0) as n_attendees,
       s.source_files, s.doc_ids, t.topics
from meetings m
left join principals p using (meeting_id)
left join attendees a using (meeting_id)
left join sources s using (meeting_id)
left join meeting_topics t using (meeting_id)
order by m.date_local nulls last, m.meeting_id
"""

# Sheets for spreadsheet users: the meeting tables and document metadata (never full texts).
WORKBOOK_SHEETS = ["meetings", "meeting_participants", "meeting_sources", "entities", "documents", "rejections"]
WORKBOOK_DROP = {"documents": ["text"]}
EXCEL_MAX_ROWS = 1_048_575
EXCEL_MAX_CELL = 32_767


def write_duckdb(release_dir: Path, path: Path) -> None:
    """Every table of the release, loaded from its Parquet file, and the `meetings_wide` view."""
    con = duckdb.connect(str(path))
    try:
        for table in schemas.TABLES:
            parquet = (release_dir / f"{table}.parquet").as_posix()
            con.execute(f"create table {table} as select * from read_parquet('{parquet}')")
            con.execute(f"comment on table {table} is '{schemas.description(table).replace(chr(39), chr(39) * 2)}'")
        con.execute(MEETINGS_WIDE_SQL)
    finally:
        con.close()


def write_workbook(tables: dict[str, pl.DataFrame], path: Path) -> None:
    """An .xlsx workbook with the meeting tables and document metadata, text escaped as in the CSV files."""
    book = Workbook()
    book.remove(book.active)
    for table in WORKBOOK_SHEETS:
        frame = csv_frame(table, tables[table]).drop(WORKBOOK_DROP.get(table, []))
        if frame.height > EXCEL_MAX_ROWS:
            raise ValueError(f"{table} has {frame.height} rows, more than a sheet holds")
        sheet = book.create_sheet(table[:31])
        sheet.append(frame.columns)
        for row in frame.iter_rows():
            sheet.append([v[:EXCEL_MAX_CELL] if isinstance(v, str) else v for v in row])
        sheet.freeze_panes = "A2"
    book.save(path)


TYPE_COLOURS = {
    "summit": "#1f77b4", "2plus2": "#d62728", "trilateral_summit": "#9467bd", "phone_call": "#7f7f7f",
    "video_call": "#bcbd22", "foreign_ministers": "#2ca02c", "defense_ministers": "#8c564b",
    "courtesy_call": "#e377c2", "other": "#17becf",
}


def meetings_chart_svg(meetings: pl.DataFrame) -> str:
    """A stacked bar chart of meetings per year by type, as SVG (undated meetings are left out)."""
    dated = meetings.filter(pl.col("date_local").is_not_null())
    counts = (dated.group_by(pl.col("date_local").dt.year().alias("year"), "meeting_type").len()
              .sort("year", "meeting_type"))
    years = list(range(counts["year"].min(), counts["year"].max() + 1)) if counts.height else []
    per_year = {y: {} for y in years}
    for year, kind, n in counts.iter_rows():
        per_year[year][kind] = n
    top = max([sum(v.values()) for v in per_year.values()] or [1])
    width, height, left, bottom, plot_h = max(420, 40 + 28 * len(years) + 180), 310, 40, 60, 210
    bar_w = 20
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" '
        f'font-size="11">',
        f'<title>US–Japan meetings per year, by type ({dated.height} dated meetings)</title>',
        f'<text x="{left}" y="16" font-size="13">US–Japan meetings per year, by type</text>',
        f'<line x1="{left}" y1="{height - bottom}" x2="{left + 28 * max(len(years), 1)}" y2="{height - bottom}" '
        'stroke="#333"/>',
    ]
    for tick in range(0, top + 1, max(1, top // 5)):
        y = height - bottom - plot_h * tick / top
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{tick}</text>')
    for i, year in enumerate(years):
        x, base = left + 4 + 28 * i, height - bottom
        for kind in TYPE_COLOURS:
            n = per_year[year].get(kind, 0)
            if n:
                h = plot_h * n / top
                base -= h
                parts.append(f'<rect x="{x}" y="{base:.1f}" width="{bar_w}" height="{h:.1f}" '
                             f'fill="{TYPE_COLOURS[kind]}"><title>{year} {kind}: {n}</title></rect>')
        parts.append(f'<text x="{x + bar_w / 2}" y="{height - bottom + 14}" text-anchor="middle" '
                     f'transform="rotate(45 {x + bar_w / 2} {height - bottom + 14})">{year}</text>')
    legend_x = left + 28 * max(len(years), 1) + 20
    shown = [k for k in TYPE_COLOURS if k in set(counts["meeting_type"].to_list())]
    for j, kind in enumerate(shown):
        y = 20 + 16 * j
        parts.append(f'<rect x="{legend_x}" y="{y - 9}" width="10" height="10" fill="{TYPE_COLOURS[kind]}"/>')
        parts.append(f'<text x="{legend_x + 14}" y="{y}">{escape(kind)}</text>')
    if not years:
        parts.append(f'<text x="{left + 10}" y="{height / 2}">No dated meetings in this release.</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
