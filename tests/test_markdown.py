"""Markdown documents: front matter read by a YAML parser, the body rendered one block per line."""

from __future__ import annotations

from datetime import date, datetime, timezone

import polars as pl
import pytest

from nichibei.clean.classify import clean_documents
from nichibei.ingest.front_matter import FrontMatterError, block_length, parse_front_matter
from nichibei.ingest.load import load_raw
from nichibei.ingest.markdown import render_blocks
from nichibei.pipeline import build_tables

UTC = timezone.utc


@pytest.mark.parametrize(("block", "expected"), [
    pytest.param('---\ntitle: "Readout of President\\_Biden\\u2019s Call"\ndate: \'2021-01-27\'\n---\n',
                 {"title": "Readout of President\u00a0Biden\u2019s Call", "published_date": date(2021, 1, 27)},
                 id="quoted-title-with-yaml-escapes"),
    pytest.param('---\ntitle: "Remarks Before Bilateral\\_\\\n  Meeting"\n---\n',
                 {"title": "Remarks Before Bilateral\u00a0Meeting"}, id="double-quoted-title-folded-with-backslash"),
    pytest.param("---\ntitle: >\n  Joint Statement of\n  Japan and the United States\n---\n",
                 {"title": "Joint Statement of Japan and the United States"}, id="folded-block-title"),
    pytest.param("---\ntitle: Plain title\n---\n", {"title": "Plain title", "published_date": None},
                 id="missing-date"),
    pytest.param("---\npublished_time: 2021-04-16 17:51:44-04:00\n---\n",
                 {"published_date": date(2021, 4, 16), "utc_offset_minutes": -240,
                  "published_utc": datetime(2021, 4, 16, 21, 51, 44, tzinfo=UTC)},
                 id="date-from-published-time-with-offset"),
    pytest.param("---\ndate: '2022-05-23'\npublished_time: 2022-05-23T23:30:00+09:00\n---\n",
                 {"published_date": date(2022, 5, 23), "utc_offset_minutes": 540,
                  "published_utc": datetime(2022, 5, 23, 14, 30, tzinfo=UTC)}, id="date-and-time-in-tokyo"),
    pytest.param("---\nsource_url: https://www.whitehouse.gov/briefing-room/x/\n---\n",
                 {"source_url": "https://www.whitehouse.gov/briefing-room/x/"}, id="source-url"),
    pytest.param("---\ndate: someday\nsource_url: not a url\n---\n",
                 {"published_date": None, "source_url": None,
                  "problems": ("`date`: 'someday' is not an ISO 8601 date",
                               "`source_url`: 'not a url' is not an http(s) address")}, id="unusable-values"),
    pytest.param("---\npublished_time: 2021-04-16 17:51:44\n---\n",
                 {"published_utc": None, "problems": ("`published_time`: '2021-04-16 17:51:44' has no UTC offset",)}, id="time-without-offset"),
    pytest.param("---\n---\n", {"title": None, "n_lines": 2}, id="empty-block"),
])
def test_front_matter_fields(block, expected):
    front = parse_front_matter(block + "Body.\n")
    assert {key: getattr(front, key) for key in expected} == expected


@pytest.mark.parametrize(("text", "message"), [
    pytest.param('---\ntitle: "unclosed\n---\n', "not valid YAML at line", id="unclosed-quote"),
    pytest.param("---\ntitle: [a, b\n---\n", "not valid YAML", id="unclosed-list"),
    pytest.param("---\n- a\n- b\n---\n", "is a list, not a mapping", id="a-list"),
    pytest.param("---\njust words\n---\n", "is a str, not a mapping", id="a-scalar"),
])
def test_a_broken_block_is_a_named_error(text, message):
    with pytest.raises(FrontMatterError, match=message):
        parse_front_matter(text + "Body.\n")


@pytest.mark.parametrize(("text", "n_lines"), [
    pytest.param("---\na: 1\n---\nbody", 3, id="closed-by-dashes"),
    pytest.param("---\na: 1\n...\nbody", 3, id="closed-by-dots"),
    pytest.param("---\nno closing line\nbody", 0, id="never-closed"),
    pytest.param("body\n---\na: 1\n---\n", 0, id="not-on-the-first-line"),
    pytest.param("", 0, id="empty"),
])
def test_block_length(text, n_lines):
    assert block_length(text) == n_lines


@pytest.mark.parametrize(("body", "units"), [
    pytest.param("First line\nwrapped here.\n\nSecond paragraph.",
                 [(0, "paragraph", "First line wrapped here."), (3, "paragraph", "Second paragraph.")],
                 id="wrapped-lines-joined"),
    pytest.param("2:38 P.M. EDT  \n\u00a0  \nSPEAKER:\u00a0 Thank you.",
                 [(0, "paragraph", "2:38 P.M. EDT"), (2, "paragraph", "SPEAKER:\u00a0 Thank you.")],
                 id="a-no-break-space-line-separates-blocks"),
    pytest.param("Lubber Run Park  \nArlington, Virginia",
                 [(0, "paragraph", "Lubber Run Park"), (1, "paragraph", "Arlington, Virginia")],
                 id="hard-break-starts-a-line"),
    pytest.param("## The **Indo-Pacific**\n\n- one *item*\n- [a link](https://example.org/x) kept\n",
                 [(0, "heading", "The Indo-Pacific"), (2, "list_item", "one item"), (3, "list_item", "a link kept")],
                 id="heading-and-list-items-without-markup"),
    pytest.param("President\\_Biden \\*met\\* the Prime Minister &amp; <u>others</u>.",
                 [(0, "paragraph", "President_Biden *met* the Prime Minister & others.")], id="escapes-and-html"),
    pytest.param("<!-- -->\n\n\\###", [(2, "paragraph", "###")], id="comment-dropped-end-mark-kept-for-cleaning"),
    pytest.param("Text.\n\n```\n  code line\n```", [(0, "paragraph", "Text."), (3, "paragraph", "code line")],
                 id="fenced-code-lines-on-their-raw-lines"),
    pytest.param("", [], id="empty"),
])
def test_rendered_blocks(body, units):
    assert [(u["line"], u["block_kind"], u["text"]) for u in render_blocks(body)] == units


PAGE = """---
title: "Readout of President\\_Biden\\u2019s Call with Prime Minister Suga of Japan"
date: '2021-01-27'
published_time: 2021-01-27 22:00:00-05:00
source_url: https://www.whitehouse.gov/briefing-room/statements-releases/2021/01/27/readout/
---

President Joseph R. Biden, Jr. spoke today with Prime Minister
Yoshihide Suga of Japan.

- Article 5 applies to the Senkaku Islands.

\\###
"""


def test_a_markdown_page_through_the_pipeline(tmp_path):
    (tmp_path / "wh").mkdir()
    (tmp_path / "wh" / "readout.md").write_text(PAGE, encoding="utf-8")
    tables = build_tables(tmp_path)
    doc = tables["documents"].row(0, named=True)
    assert doc["format"] == "markdown"
    assert doc["title"] == "Readout of President\u00a0Biden\u2019s Call with Prime Minister Suga of Japan"
    assert (doc["published_date"], doc["published_date_source"]) == (date(2021, 1, 27), "text")
    assert doc["published_utc"] == datetime(2021, 1, 28, 3, tzinfo=UTC)
    assert doc["published_utc_offset_minutes"] == -300
    assert doc["source_url"].endswith("/2021/01/27/readout/")
    # the front matter's title is the page's headline, the first line of its text; the block stays furniture
    assert doc["text"] == ("Readout of President\u00a0Biden\u2019s Call with Prime Minister Suga of Japan\n"
                           "President Joseph R. Biden, Jr. spoke today with Prime Minister Yoshihide Suga of Japan.\n"
                           "Article 5 applies to the Senkaku Islands.")
    removed = tables["boilerplate"].select("line_no", "rule").rows()
    assert removed == [(n, "front_matter") for n in range(1, 7)] + [(13, "end_mark")]
    segments = tables["segments"].select("kind", "char_start", "char_end", "text").rows()
    assert [s[0] for s in segments] == ["title", "paragraph", "list_item"]
    for _, start, end, text in segments:
        assert doc["text"][start:end] == text
    assert tables["rejections"].height == 0


@pytest.mark.parametrize(("name", "content", "fmt"), [
    pytest.param("page.md", "Just *Markdown*, no front matter.\n", "markdown", id="md-without-front-matter"),
    pytest.param("page.txt", "---\ntitle: A page\n---\nBody text.\n", "markdown", id="txt-opening-with-front-matter"),
    pytest.param("page.txt", "---\nA line of dashes above, no block.\n", "text", id="txt-with-a-rule-line"),
])
def test_which_files_are_markdown(tmp_path, name, content, fmt):
    (tmp_path / name).write_text(content, encoding="utf-8")
    docs, rejections = load_raw(tmp_path)
    assert (docs["format"].to_list(), rejections.height) == ([fmt], 0)


@pytest.mark.parametrize(("content", "reason"), [
    pytest.param('---\ntitle: "unclosed\n---\nBody.\n', "invalid_front_matter", id="broken-block"),
    pytest.param("---\ntitle: Only metadata\n---\n\n", "empty_document", id="front-matter-only"),
])
def test_a_bad_markdown_file_is_one_rejection_and_the_rest_are_read(tmp_path, content, reason):
    (tmp_path / "bad.md").write_text(content, encoding="utf-8")
    (tmp_path / "good.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "sources.csv").write_text("file,publisher\nbad.md,The White House\ngood.md,The White House\n",
                                          encoding="utf-8")
    docs, rejections = load_raw(tmp_path)
    assert docs["source_file"].to_list() == ["good.md"]
    assert rejections.select("source_file", "reason").rows() == [("bad.md", reason)]


def test_unusable_front_matter_values_are_recorded_and_the_document_read(tmp_path):
    (tmp_path / "page.md").write_text("---\ndate: 2021-13-45\n---\nBody text.\n", encoding="utf-8")
    docs, rejections = load_raw(tmp_path)
    assert docs["front_published_date"].to_list() == [None]
    assert rejections.select("reason").rows() == [("invalid_front_matter_value",)]
    assert "`date`" in rejections["detail"][0]


def test_a_manifest_value_the_text_contradicts_is_recorded(tmp_path):
    (tmp_path / "page.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "sources.csv").write_text(
        "file,source_url,published_at\npage.md,https://example.org/other,2021-01-28\n", encoding="utf-8")
    tables = build_tables(tmp_path)
    doc = tables["documents"].row(0, named=True)
    assert (str(doc["published_date"]), doc["source_url"].startswith("https://www.whitehouse.gov/")) == (
        "2021-01-27", True)
    conflicts = tables["rejections"].select("source_file", "stage", "reason").rows()
    assert conflicts == [("page.md", "manifest", "conflicting_manifest_value")] * 2
    assert {d.split(" ")[1] for d in tables["rejections"]["detail"]} == {"published_at", "source_url"}


def test_a_page_without_a_title_has_no_title_line(tmp_path):
    (tmp_path / "page.md").write_text("---\ndate: '2021-01-27'\n---\nBody text of the page.\n", encoding="utf-8")
    tables = build_tables(tmp_path)
    assert tables["documents"]["text"].to_list() == ["Body text of the page."]
    assert tables["segments"]["kind"].to_list() == ["paragraph"]


def test_markdown_units_keep_raw_line_numbers_under_a_long_block():
    body = "\n" * 9 + "First.\n\nSecond line of the page."
    assert [(u["line"], u["text"]) for u in render_blocks(body)] == [(9, "First."), (11, "Second line of the page.")]


def test_cleaning_a_markdown_batch_beside_plain_text():
    docs = pl.DataFrame({"doc_id": ["a", "b"], "format": ["markdown", "text"],
                         "raw_text": [PAGE, "日米首脳会談\n両首脳は会談した。\n"]})
    cleaned = clean_documents(docs)
    texts = dict(cleaned.documents.select("doc_id", "text").iter_rows())
    assert texts["a"].startswith("Readout of President\u00a0Biden\u2019s Call with Prime Minister Suga of Japan\nPresident")
    assert texts["b"] == "日米首脳会談\n両首脳は会談した。\n"
    assert cleaned.documents.filter(pl.col("doc_id") == "a")["title"].to_list() == [
        "Readout of President\u00a0Biden\u2019s Call with Prime Minister Suga of Japan"]  # the block's title
