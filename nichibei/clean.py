"""Removing site furniture: from raw text to `documents.text`, `boilerplate`, datelines and titles.

A document is split into units: the lines of a plain-text file, or the blocks of the kept elements of an
HTML page (after BeautifulSoup has removed navigation, scripts and widgets as whole elements). Features of
every unit of every document are computed at once with Polars; a short pass per document then applies the
rules that depend on position (the head before the first body paragraph, a widget and the lines under it,
the last line). Kept units, joined with `\\n`, are the document's text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import polars as pl

from nichibei import furniture as f
from nichibei.html import html_units

UNIT_COLUMNS = {
    "doc_id": pl.Utf8, "unit_no": pl.Int64, "line_no": pl.Int64, "locator": pl.Utf8, "text": pl.Utf8,
}
BOILERPLATE_COLUMNS = {
    "doc_id": pl.Utf8, "piece_no": pl.Int64, "line_no": pl.Int64, "locator": pl.Utf8, "text": pl.Utf8,
    "rule": pl.Utf8,
}
CLEANED_COLUMNS = {
    "doc_id": pl.Utf8, "text": pl.Utf8, "title": pl.Utf8, "title_unit": pl.Int64, "dateline": pl.Utf8,
    "dateline_date": pl.Date,
}


@dataclass(frozen=True)
class CleanParams:
    """Limits that tell furniture from body text."""

    max_tag_chars: int = 30          # a category tag or widget item is short
    max_label_chars: int = 12        # a section label repeated from a menu
    max_menu_item_chars: int = 24    # items of a navigation menu or breadcrumb
    max_title_chars: int = 150
    max_social_chars: int = 80
    min_sentence_words: int = 8      # an English line with fewer words is not a body paragraph


@dataclass(frozen=True)
class Cleaned:
    documents: pl.DataFrame   # CLEANED_COLUMNS
    boilerplate: pl.DataFrame  # BOILERPLATE_COLUMNS
    units: pl.DataFrame       # kept units with their offsets: doc_id, unit_no, text, char_start, char_end, kind


def text_units(docs: pl.DataFrame) -> pl.DataFrame:
    """Plain-text documents as one unit per line (1-based `line_no`); `docs` has doc_id and raw_text."""
    return (
        docs.select("doc_id", pl.col("raw_text").str.split("\n").alias("text"))
        .explode("text")
        .with_columns(pl.int_range(1, pl.len() + 1).over("doc_id").cast(pl.Int64).alias("line_no"))
        .select(
            "doc_id",
            pl.col("line_no").alias("unit_no"),
            "line_no",
            pl.lit(None, pl.Utf8).alias("locator"),
            pl.col("text").fill_null(""),
        )
    )


def unit_features(units: pl.DataFrame, params: CleanParams = CleanParams()) -> pl.DataFrame:
    """Every unit's features, computed for all documents at once."""
    norm = pl.col("norm")
    return (
        units.with_columns(
            pl.col("text").str.normalize("NFKC").str.strip_chars().alias("norm"),
        )
        .with_columns(
            (norm == "").alias("is_blank"),
            norm.str.len_chars().alias("n_chars"),
            norm.str.contains(f.DATELINE).alias("is_date_only"),
            norm.str.contains(f.LIST_MARKER).alias("is_list_item"),
            norm.str.contains(f.NUMBERED_MARKER).alias("is_numbered"),
            (
                norm.str.contains(f.SENTENCE_JA)
                | (
                    norm.str.contains(f.SENTENCE_EN)
                    & (norm.str.count_matches(r"\S+") >= params.min_sentence_words)
                )
            ).alias("is_sentence"),
            norm.str.contains(f.BACK_TO_TOP).alias("is_back_to_top"),
            (norm.str.contains(f.WIDGET_HEADER) & (norm.str.len_chars() <= params.max_tag_chars)).alias(
                "is_widget_header"),
            norm.str.contains(f.RANKING_HEADER).alias("is_ranking"),
            norm.str.contains(f.ADVERTISEMENT).alias("is_advertisement"),
            (
                (norm.str.contains(f.SOCIAL_ACTION) & norm.str.contains(f.SOCIAL_TARGET)
                 & (norm.str.len_chars() <= params.max_social_chars))
                | norm.str.contains(f.SHARE_BAR)
            ).alias("is_social"),
            (norm.str.contains(f.COPYRIGHT) & (norm.str.len_chars() <= 120)).alias("is_copyright"),
            norm.str.contains(f.PAGE_TOOL).alias("is_page_tool"),
            norm.str.contains(f.AUTHOR_LABEL).alias("is_author_label"),
            norm.str.contains(f.CATEGORY_LABEL).alias("is_category_label"),
            norm.str.count_matches(f.MENU_SEPARATOR).alias("n_menu_separators"),
            norm.str.count_matches(f.BREADCRUMB_SEPARATOR).alias("n_crumb_separators"),
        )
    )


def _menu_items(norm: str, separator: str) -> list[str]:
    return [item.strip() for item in re.split(separator, norm)]


def _is_menu(row: dict, params: CleanParams) -> bool:
    if row["n_menu_separators"] < 2 or "。" in row["norm"] or row["is_social"]:
        return False
    items = _menu_items(row["norm"], f.MENU_SEPARATOR)
    return all(0 < len(i) <= params.max_menu_item_chars for i in items)


def _is_breadcrumb(row: dict, params: CleanParams) -> bool:
    if row["n_crumb_separators"] < 1 or "。" in row["norm"] or row["is_sentence"]:
        return False
    items = _menu_items(row["norm"], f.BREADCRUMB_SEPARATOR)
    return len(items) >= 2 and all(0 < len(i) <= params.max_menu_item_chars for i in items)


def _classify_document(rows: list[dict], params: CleanParams) -> dict[int, str]:
    """Rule per removed unit (unit_no -> rule) for one document's units, in order."""
    rules: dict[int, str] = {}
    body_start = next((r["unit_no"] for r in rows if r["is_sentence"] and not (
        r["is_social"] or r["is_advertisement"] or r["is_copyright"] or r["is_author_label"])), None)
    in_head = (lambda r: body_start is None or r["unit_no"] < body_start)

    menu_items: set[str] = set()
    for r in rows:
        if r["is_blank"]:
            continue
        if _is_menu(r, params):
            rules[r["unit_no"]] = "navigation_menu"
            menu_items.update(_menu_items(r["norm"], f.MENU_SEPARATOR))
            menu_items.update(w for item in _menu_items(r["norm"], f.MENU_SEPARATOR) for w in item.split())
        elif _is_breadcrumb(r, params):
            rules[r["unit_no"]] = "breadcrumb"
            menu_items.update(_menu_items(r["norm"], f.BREADCRUMB_SEPARATOR))

    dateline_seen = False
    widget: str | None = None
    for r in rows:
        n = r["unit_no"]
        if r["is_blank"]:
            continue
        if n in rules:
            widget = None
            continue
        if widget is not None:
            if r["is_list_item"] or r["is_numbered"] or (not r["is_sentence"] and r["n_chars"] <= params.max_tag_chars):
                rules[n] = widget
                continue
            widget = None
        head = in_head(r)
        if r["is_widget_header"] and not r["is_sentence"]:
            widget = "ranking_widget" if r["is_ranking"] else "related_articles"
            rules[n] = widget
        elif head and r["is_date_only"] and not dateline_seen and f.parse_dateline(r["norm"]) is not None:
            rules[n] = "dateline"
            dateline_seen = True
        elif head and not r["is_sentence"] and (
            (r["is_list_item"] and r["n_chars"] <= params.max_tag_chars) or r["is_category_label"]
        ):
            rules[n] = "category_tag"
        elif head and not r["is_sentence"] and r["n_chars"] <= params.max_label_chars and r["norm"] in menu_items:
            rules[n] = "breadcrumb"
        elif r["is_back_to_top"]:
            rules[n] = "back_to_top"
        elif r["is_advertisement"]:
            rules[n] = "advertisement"
        elif r["is_social"]:
            rules[n] = "social_widget"
        elif r["is_copyright"]:
            rules[n] = "copyright"
        elif r["is_page_tool"]:
            rules[n] = "page_tool"
        elif r["is_author_label"]:
            rules[n] = "author_bio"

    nonblank = [r for r in rows if not r["is_blank"] and r["unit_no"] not in rules]
    if nonblank and f.looks_like_author_bio(nonblank[-1]["norm"]) and len(nonblank) > 1:
        rules[nonblank[-1]["unit_no"]] = "author_bio"
    return rules


_TITLE_DECORATION = re.compile(r"\s*【[^【】]{1,20}】\s*$")


def clean_title(title: str) -> str:
    """A title without trailing site decorations such as 【動画】."""
    previous = None
    while previous != title:
        previous, title = title, _TITLE_DECORATION.sub("", title)
    return title.strip()


def _title_unit(rows: list[dict], rules: dict[int, str], params: CleanParams) -> int | None:
    """The first kept unit, when it stands before the body and reads as a title rather than a sentence."""
    for r in rows:
        if r["is_blank"] or r["unit_no"] in rules:
            continue
        if r["is_sentence"] or r["n_chars"] > params.max_title_chars:
            return None
        return r["unit_no"]
    return None


def clean_documents(docs: pl.DataFrame, params: CleanParams = CleanParams()) -> Cleaned:
    """Clean a batch of documents (doc_id, format, raw_text)."""
    html_docs = docs.filter(pl.col("format") == "html")
    units, removed = text_units(docs.filter(pl.col("format") != "html")), []
    if html_docs.height:
        extra_units, html_removed = html_units(html_docs)
        units = pl.concat([units, extra_units.select(units.columns)])
        removed.append(html_removed)
    features = unit_features(units, params).sort("doc_id", "unit_no")

    doc_rows, bp_rows, kept_rows = [], [], []
    for (doc_id,), group in features.group_by("doc_id", maintain_order=True):
        rows = group.to_dicts()
        rules = _classify_document(rows, params)
        title_no = _title_unit(rows, rules, params)
        dateline = next((r for r in rows if rules.get(r["unit_no"]) == "dateline"), None)
        offset, kept = 0, []
        for r in rows:
            rule = rules.get(r["unit_no"])
            if rule is not None:
                bp_rows.append({"doc_id": doc_id, "unit_no": r["unit_no"], "line_no": r["line_no"],
                                "locator": r["locator"], "text": r["text"], "rule": rule})
                continue
            kept.append(r["text"])
            kept_rows.append({"doc_id": doc_id, "unit_no": r["unit_no"], "text": r["text"],
                              "char_start": offset, "char_end": offset + len(r["text"]),
                              "is_title": r["unit_no"] == title_no, "is_blank": r["is_blank"],
                              "is_sentence": r["is_sentence"], "is_list_item": r["is_list_item"],
                              "is_numbered": r["is_numbered"], "n_chars": r["n_chars"]})
            offset += len(r["text"]) + 1
        title = next((clean_title(r["text"].strip()) for r in rows if r["unit_no"] == title_no), None)
        doc_rows.append({
            "doc_id": doc_id, "text": "\n".join(kept), "title": title or None, "title_unit": title_no,
            "dateline": dateline["text"].strip() if dateline else None,
            "dateline_date": f.parse_dateline(dateline["norm"]) if dateline else None,
        })

    boilerplate = pl.DataFrame(bp_rows, schema={**{k: v for k, v in BOILERPLATE_COLUMNS.items() if k != "piece_no"},
                                                "unit_no": pl.Int64})
    if removed:
        boilerplate = pl.concat([boilerplate, removed[0].select(boilerplate.columns)])
    boilerplate = (
        boilerplate.sort("doc_id", "unit_no")
        .with_columns(pl.int_range(1, pl.len() + 1).over("doc_id").cast(pl.Int64).alias("piece_no"))
        .select(list(BOILERPLATE_COLUMNS))
    )
    return Cleaned(
        documents=pl.DataFrame(doc_rows, schema=CLEANED_COLUMNS),
        boilerplate=boilerplate,
        units=pl.DataFrame(kept_rows, schema={
            "doc_id": pl.Utf8, "unit_no": pl.Int64, "text": pl.Utf8, "char_start": pl.Int64,
            "char_end": pl.Int64, "is_title": pl.Boolean, "is_blank": pl.Boolean, "is_sentence": pl.Boolean,
            "is_list_item": pl.Boolean, "is_numbered": pl.Boolean, "n_chars": pl.Int64,
        }),
    )


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)
