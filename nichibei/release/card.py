"""The dataset card of a release: README.md, CITATION.cff and Croissant metadata."""

from __future__ import annotations

import json
from datetime import date

import polars as pl

import schemas
from nichibei.release.files import sha256_of

TITLE = "Nichibei: US–Japan summit and 2+2 meetings"
DATA_LICENSE = "CC-BY-4.0"
DATA_LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"

# What users should know before relying on a table.
KNOWN_LIMITS = {
    "documents": "Titles and languages are read from the text by rules; `published_date` is null when neither a "
                 "dateline nor `sources.csv` gives it.",
    "boilerplate": "Furniture is recognised by rules about kinds of lines and elements; a site with unusual "
                   "furniture may leave some in `documents.text`. Nothing removed is lost: it is all here.",
    "segments": "One segment per line of the cleaned text; language is told by script (kana and kanji vs "
                "Latin letters).",
    "temporal_mentions": "Relative expressions are resolved against the publication date; without one they stay "
                         "unresolved. Tense decides the direction of weekdays and bare months, and can be wrong "
                         "in long sentences.",
    "entities": "Reference data is curated by hand and covers leaders since 1957 and ministers and envoys since "
                "2000; provisional entities are built from names in the text and flagged.",
    "offices": "Office dates are days of taking and leaving office; short vacancies and some acting holders are "
               "missing.",
    "mentions": "Family names and offices alone resolve through who held the office on the date the text speaks "
                "of; a name that fits nobody at that date stays unresolved.",
    "speakers": "Only Diet speeches have speaker marks; members called by name or as 委員 hold no office the "
                "reference data tracks, and a family name shared by two office holders leaves the entity null.",
    "meetings": "Only meetings dated to the day, plus the meeting each document is about; city, venue, start and "
                "duration are null unless a text states them.",
    "meeting_participants": "Rows marked `is_inferred` are not named in the text: they come from who held the "
                            "office on the meeting's date.",
    "meeting_sources": "A document may report several meetings; `is_primary` marks the one it is about.",
    "meeting_field_values": "Only disagreements between documents are listed; a value one document reads wrongly "
                            "and no other document states is not caught here.",
    "topics": "Topics are tagged by keywords of the codebook in each segment; a keyword in a negated or "
              "unrelated sentence is still tagged.",
    "rejections": "Documents that could not be read are not in any other table.",
}


def _markdown_table(frame: pl.DataFrame) -> list[str]:
    rows = [" | ".join(str(v) if v is not None else "—" for v in r) for r in frame.rows()]
    return ["| " + " | ".join(frame.columns) + " |", "|" + "---|" * frame.width, *[f"| {r} |" for r in rows], ""]


def _coverage(tables: dict[str, pl.DataFrame]) -> list[str]:
    docs, meetings = tables["documents"], tables["meetings"]
    dated = meetings.filter(pl.col("date_local").is_not_null())["date_local"]
    published = docs.filter(pl.col("published_date").is_not_null())["published_date"]
    by_lang = dict(docs.group_by("language").len().sort("language").iter_rows())
    lines = [
        f"- Documents: {docs.height} ({', '.join(f'{k}: {v}' for k, v in by_lang.items()) or 'none'}), "
        f"published {published.min() or '—'} to {published.max() or '—'}.",
        f"- Meetings: {meetings.height}, dated {dated.min() or '—'} to {dated.max() or '—'}.",
    ]
    publishers = sorted({p for p in docs["publisher"].to_list() if p})
    lines.append(f"- Sources: {', '.join(publishers) if publishers else 'publishers not recorded in sources.csv'}.")
    if docs.is_empty():
        return lines
    by_source = (docs.with_columns(pl.col("publisher").fill_null("(not recorded)"),
                                   pl.col("published_date").dt.year().alias("year"))
                 .group_by("publisher").agg(pl.len().alias("documents"), pl.col("year").min().alias("from"),
                                             pl.col("year").max().alias("to"),
                                             pl.col("is_relevant").sum().alias("reporting a meeting"))
                 .sort("documents", "publisher", descending=[True, False]))
    lines += ["", "Documents by source:", "", *_markdown_table(by_source)]
    if not meetings.is_empty():
        by_type = (meetings.group_by("meeting_type").agg(pl.len().alias("meetings"),
                                                          pl.col("date_local").dt.year().min().alias("from"),
                                                          pl.col("date_local").dt.year().max().alias("to"))
                   .sort("meetings", "meeting_type", descending=[True, False]))
        lines += ["Meetings by type:", "", *_markdown_table(by_type)]
    return lines


def dataset_card(version: str, tables: dict[str, pl.DataFrame], public: bool, withheld: int) -> str:
    year = date.today().year
    out = [
        f"# {TITLE} — release {version}", "",
        "US–Japan summit and \"2+2\" meetings, who took part, when, where, for how long and what they discussed, "
        "extracted from Japanese and English news reports and government readouts. Every value points at the "
        "words of a source document (`doc_id` and code-point offsets into `documents.text`), or is null.", "",
        "## Coverage", "", *_coverage(tables), "",
        "![Meetings per year, by type](meetings_by_year.svg)", "",
        "## Files", "",
        "- `<table>.parquet` and `csv/<table>.csv` for every table; `datapackage.json` (Frictionless) and "
        "`croissant.json` (Croissant) describe them; `SHA256SUMS` lets you check a download "
        "(`nichibei verify DIR` or `sha256sum -c SHA256SUMS`).",
        "- `nichibei.duckdb`: every table and the view `meetings_wide` (one row per meeting with its principals, "
        "sources and topics).",
        "- `nichibei.xlsx`: the meeting tables and document metadata for spreadsheets (no full texts).", "",
        "## Licence", "",
        f"The tables are offered under {DATA_LICENSE} ({DATA_LICENSE_URL}). Document texts keep the licences of "
        "their sources (`documents.license`). The countries, zones and coordinates of meeting places come from "
        "GeoNames (https://www.geonames.org/, CC BY 4.0).",
    ]
    if public:
        out.append(f"This is a public release: the full text of {withheld} document(s) whose licence does not "
                   "allow redistribution is withheld (`documents.is_text_withheld`); their metadata, offsets and "
                   "short quotations (at most 200 characters each) remain.")
    else:
        out.append("This is a local release: it keeps every document's full text. Publish only a release built "
                   "with `nichibei release --public`.")
    out += [
        "", "## How to cite", "",
        f"Nichibei contributors ({year}). *{TITLE}*, version {version}. See `CITATION.cff`.", "",
        "## Known limits", "",
        *[f"- `{t}`: {KNOWN_LIMITS[t]}" for t in schemas.TABLES], "",
    ]
    return "\n".join(out)


def citation_cff(version: str) -> str:
    return "\n".join([
        "cff-version: 1.2.0",
        "message: If you use this dataset, please cite it as below.",
        "type: dataset",
        f'title: "{TITLE}"',
        f'version: "{version}"',
        f"date-released: {date.today().isoformat()}",
        f"license: {DATA_LICENSE}",
        "authors:",
        "  - name: Nichibei contributors",
        "keywords:",
        "  - US–Japan relations",
        "  - summits",
        "  - international relations",
        "",
    ])


_CROISSANT_TYPES = {"string": "sc:Text", "integer": "sc:Integer", "boolean": "sc:Boolean", "date": "sc:Date",
                    "datetime": "sc:DateTime"}
_CROISSANT_CONTEXT = {  # the standard Croissant 1.0 context, as its reference implementation writes it
    "@language": "en", "@vocab": "https://schema.org/", "citeAs": "cr:citeAs", "column": "cr:column",
    "conformsTo": "dct:conformsTo", "cr": "http://mlcommons.org/croissant/", "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"}, "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/", "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"}, "extract": "cr:extract", "field": "cr:field",
    "fileProperty": "cr:fileProperty", "fileObject": "cr:fileObject", "fileSet": "cr:fileSet", "format": "cr:format",
    "includes": "cr:includes", "isLiveDataset": "cr:isLiveDataset", "jsonPath": "cr:jsonPath", "key": "cr:key",
    "md5": "cr:md5", "parentField": "cr:parentField", "path": "cr:path", "recordSet": "cr:recordSet",
    "references": "cr:references", "regex": "cr:regex", "repeated": "cr:repeated", "replace": "cr:replace",
    "samplingRate": "cr:samplingRate", "sc": "https://schema.org/", "separator": "cr:separator", "source": "cr:source",
    "subField": "cr:subField", "transform": "cr:transform",
}


def croissant(version: str, release_dir) -> dict:
    """Croissant 1.0 metadata: one FileObject per Parquet file, one RecordSet per table."""
    distribution, record_sets = [], []
    for table in schemas.TABLES:
        file_id = f"{table}.parquet"
        distribution.append({
            "@type": "cr:FileObject", "@id": file_id, "name": file_id, "contentUrl": file_id,
            "encodingFormat": "application/x-parquet",  # the media type Croissant readers know Parquet by
            "sha256": sha256_of(release_dir / file_id),
        })
        fields = []
        for c in schemas.columns(table):
            ftype = schemas.registry.frictionless_type(c.dtype)
            fields.append({
                "@type": "cr:Field", "@id": f"{table}/{c.name}", "name": c.name, "description": c.description,
                "dataType": _CROISSANT_TYPES[ftype], "source": {"fileObject": {"@id": file_id},
                                                                 "extract": {"column": c.name}},
                **({"repeated": True} if isinstance(c.dtype, pl.List) else {}),
            })
        record_sets.append({
            "@type": "cr:RecordSet", "@id": table, "name": table, "description": schemas.description(table),
            "key": [{"@id": f"{table}/{k}"} for k in schemas.primary_key(table)], "field": fields,
        })
    return {
        "@context": _CROISSANT_CONTEXT, "@type": "sc:Dataset", "conformsTo": "http://mlcommons.org/croissant/1.0",
        "name": "nichibei", "description": TITLE, "version": version, "license": DATA_LICENSE_URL,
        "citeAs": f"Nichibei contributors. {TITLE}, version {version}.", "isLiveDataset": False,
        "distribution": distribution, "recordSet": record_sets,
    }


def croissant_json(version: str, release_dir) -> str:
    return json.dumps(croissant(version, release_dir), ensure_ascii=False, indent=2) + "\n"
