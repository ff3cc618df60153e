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
from datetime import date

import polars as pl

from nichibei.clean import furniture as f
from nichibei.clean.html import html_units
from nichibei.clean.speech import speaker_mark
from nichibei.ingest.markdown import markdown_units

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

    max_tag_chars: int = 30          # a category tag is short
    max_widget_item_chars: int = 120  # a headline listed in a widget, or a footer link
    max_masthead_width: int = 40     # a site name above the headline (a kanji counts two)
    max_site_name_chars: int = 60
    min_spaced_menu_items: int = 4
    max_spaced_menu_item_chars: int = 10
    max_label_chars: int = 12        # a section label repeated from a menu
    max_menu_item_chars: int = 24    # items of a navigation menu
    max_crumb_chars: int = 40        # the crumbs of a breadcrumb trail before the page's own
    max_title_chars: int = 150
    max_stamped_chars: int = 40      # an HTML block holding a <time> element and little else is a dateline
    max_social_chars: int = 80
    max_chrome_chars: int = 300      # a cookie notice can be long
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
            pl.lit(None, pl.Utf8).alias("time_stamp"),
            pl.lit(None, pl.Utf8).alias("block_kind"),
        )
    )


def unit_features(units: pl.DataFrame, params: CleanParams = CleanParams()) -> pl.DataFrame:
    """Every unit's features, computed for all documents at once."""
    norm = pl.col("norm")
    return (
        units.with_columns(
            pl.col("text").str.normalize("NFKC").str.strip_chars().alias("norm"),
        )
        .with_columns(*_shape_features(norm, params), *_furniture_features(norm, params))
        .with_columns(
            (pl.col("is_copyright_strong") | (pl.col("is_copyright_weak") & ~pl.col("is_sentence")))
            .alias("is_copyright"),
        )
    )


def _shape_features(norm: pl.Expr, params: CleanParams) -> list[pl.Expr]:
    """What a line is shaped like: blank, a date alone, a list item, a sentence."""
    return [
        (norm == "").alias("is_blank"),
        norm.str.len_chars().alias("n_chars"),
        (norm.str.contains(f.DATELINE) & norm.str.contains(f.LABELLED_DATELINE)).alias("is_labelled_dateline"),
        (norm.str.contains(f.DATELINE)
         | (pl.col("time_stamp").is_not_null() & (norm.str.len_chars() <= params.max_stamped_chars))
         ).alias("is_date_only"),
        norm.str.contains(f.LIST_MARKER).alias("is_list_item"),
        norm.str.contains(f.NUMBERED_MARKER).alias("is_numbered"),
        (
            norm.str.contains(f.SENTENCE_JA)
            | (
                # a list number (`1. `) is no sentence end
                norm.str.replace(f.LIST_NUMBER, "").str.contains(f.SENTENCE_EN)
                & (norm.str.count_matches(r"\S+") >= params.min_sentence_words)
            )
        ).alias("is_sentence"),
    ]


def _furniture_features(norm: pl.Expr, params: CleanParams) -> list[pl.Expr]:
    """Which kinds of furniture a line looks like by its words (`furniture.py`, `rules/furniture.csv`)."""
    return [
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
        (norm.str.contains(f.COPYRIGHT) & (norm.str.len_chars() <= 250)).alias("is_copyright_strong"),
        (norm.str.contains(f.COPYRIGHT_WEAK) & (norm.str.len_chars() <= 120)).alias("is_copyright_weak"),
        (norm.str.contains(f.SUBSCRIBE_FOLLOWUP) & (norm.str.len_chars() <= 100)).alias("is_subscribe_followup"),
        norm.str.contains(f.PAGE_TOOL).alias("is_page_tool"),
        norm.str.contains(f.AUTHOR_LABEL).alias("is_author_label"),
        norm.str.contains(f.CATEGORY_LABEL).alias("is_category_label"),
        norm.str.contains(f.TAG_HEADER).alias("is_tag_header"),
        norm.str.contains(f.READ_MORE).alias("is_read_more"),
        norm.str.contains(f.DESK_CREDIT).alias("is_desk_credit"),
        norm.str.contains(f.TAG_LINE).alias("is_tag_line"),
        (norm.str.contains(f.ANY_DATE) & norm.str.contains(f.TIMESTAMP_WORD)
         & (norm.str.len_chars() <= params.max_tag_chars + 10)).alias("is_stamp"),
        (
            norm.str.contains(f.PHOTO_CAPTION)
            | ((norm.str.contains(f.PHOTO_CAPTION_WEAK) | norm.str.contains(f.CAPTION_SHAPE))
               & ~norm.str.contains("。"))
        ).alias("is_caption"),
        (norm.str.contains(f.PAYWALL) & (norm.str.len_chars() <= params.max_social_chars)).alias("is_paywall"),
        (norm.str.contains(f.PAGE_CHROME) & (norm.str.len_chars() <= params.max_chrome_chars)).alias("is_chrome"),
        norm.str.contains(f.SEPARATOR).alias("is_separator"),
        norm.str.contains(f.END_MARK).alias("is_end_mark"),
        norm.str.contains(f.AGENCY_CREDIT).alias("is_agency_credit"),
        (pl.col("text").str.strip_chars().str.count_matches(r"\u3000+|\s{2,}") + 1).alias("n_spaced_tokens"),
        norm.str.contains(f.SUBSCRIBE).alias("is_subscribe"),
        norm.str.contains(f.PAGINATION).alias("is_pagination"),
        norm.str.contains(f.BYLINE).alias("is_byline"),
        norm.str.contains(f.BYLINE_ROLE).alias("is_byline_role"),
        norm.str.contains(f.ALL_CAPS_LABEL).alias("is_all_caps"),
        (norm.str.contains(f.SITE_NAME) & (norm.str.len_chars() <= params.max_site_name_chars)).alias("is_site_name"),
        norm.str.count_matches(f.SECTION_SEPARATOR).alias("n_section_separators"),
        norm.str.count_matches(f.MENU_SEPARATOR).alias("n_menu_separators"),
        norm.str.count_matches(f.BREADCRUMB_SEPARATOR).alias("n_crumb_separators"),
    ]


def _menu_items(norm: str, separator: str) -> list[str]:
    return [item.strip() for item in re.split(separator, norm)]


def _short_items(items: list[str], limit: int) -> bool:
    return len(items) >= 2 and all(0 < len(i) <= limit for i in items)


def _is_menu(row: dict, params: CleanParams, in_head: bool) -> bool:
    """`A | B | C`: a navigation menu; in the head one separator is enough (`Japanese | English`)."""
    if row["n_menu_separators"] < (1 if in_head else 2) or "。" in row["norm"] or row["is_social"]:
        return False
    return _short_items(_menu_items(row["norm"], f.MENU_SEPARATOR), params.max_menu_item_chars)


def _is_section_path(row: dict, params: CleanParams) -> bool:
    """`NEWS / NATIONAL / POLITICS`, `Briefings & Statements`: section names joined by / or &."""
    if row["n_section_separators"] < 1 or row["is_sentence"] or "。" in row["norm"]:
        return False
    return _short_items(re.split(f.SECTION_SEPARATOR, row["norm"]), params.max_menu_item_chars)


def _is_breadcrumb(row: dict, params: CleanParams) -> bool:
    """`ホーム > 政治 > 外交`; the last crumb (the page itself) may be long."""
    if row["n_crumb_separators"] < 1 or "。" in row["norm"] or row["is_sentence"]:
        return False
    items = _menu_items(row["norm"], f.BREADCRUMB_SEPARATOR)
    return (len(items) >= 2 and all(0 < len(i) <= params.max_crumb_chars for i in items[:-1])
            and 0 < len(items[-1]) <= params.max_title_chars)


def _width(text: str) -> int:
    """Display width: a kanji or kana counts two, a Latin letter one."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _dateline_date(r: dict) -> date | None:
    """The date a dateline unit states: its text, else the `datetime` of the HTML <time> element in it."""
    parsed = f.parse_dateline(r["norm"])
    if parsed is None and r.get("time_stamp"):
        stamp = unicodedata.normalize("NFKC", r["time_stamp"]).strip()
        try:
            parsed = date.fromisoformat(stamp[:10])
        except ValueError:
            parsed = f.parse_dateline(stamp)
    return parsed


def _is_body(r: dict) -> bool:
    return r["is_sentence"] and _line_rule(r) is None


def _is_spaced_menu(r: dict, params: CleanParams) -> bool:
    """`English　サイトマップ　文字サイズ　標準　拡大`: short items set apart by wide spaces."""
    if r["n_spaced_tokens"] < params.min_spaced_menu_items or r["is_sentence"] or "。" in r["norm"]:
        return False
    items = re.split(r"\u3000+|\s{2,}", r["text"].strip())
    return all(0 < len(i.strip()) <= params.max_spaced_menu_item_chars for i in items)


def _line_rule(r: dict) -> str | None:
    """Rules a line matches by itself, wherever it stands."""
    if r["is_chrome"]:
        return "page_tool"
    if r["is_caption"]:
        return "photo_caption"
    if r["is_paywall"]:
        return "paywall"
    if r["is_end_mark"]:
        return "end_mark"
    if r["is_separator"]:
        return "separator"
    if r["is_agency_credit"] or r["is_desk_credit"]:
        return "byline"
    if r["is_tag_line"]:
        return "tag_list"
    if r["is_read_more"]:
        return "related_articles"
    if r["is_back_to_top"]:
        return "back_to_top"
    if r["is_pagination"]:
        return "pagination"
    if r["is_advertisement"]:
        return "advertisement"
    if r["is_social"] or r["is_subscribe"]:
        return "social_widget"
    if r["is_copyright"]:
        return "copyright"
    if r["is_page_tool"]:
        return "page_tool"
    if r["is_author_label"]:
        return "author_bio"
    if r["is_byline"]:
        return "byline"
    if r["is_category_label"]:
        return "tag_list"
    return None


def _classify_document(rows: list[dict], params: CleanParams) -> tuple[dict[int, str], int | None]:
    """(rule per removed unit, the title's unit) for one document's units, in order."""
    body = [r["unit_no"] for r in rows if _is_body(r)]
    body_start, body_end = (body[0], body[-1]) if body else (None, None)
    in_head = (lambda r: body_start is None or r["unit_no"] < body_start)
    in_tail = (lambda r: body_end is not None and r["unit_no"] > body_end)
    rules, menu_items = _menus_and_breadcrumbs(rows, params, in_head, body_start)
    dateline_seen = _line_by_line_rules(rows, params, rules, menu_items, in_head, body_start)
    if not dateline_seen and body_end is not None:
        _trailing_dateline(rows, rules, in_tail)
    nonblank = [r for r in rows if not r["is_blank"] and r["unit_no"] not in rules]
    if len(nonblank) > 1 and f.looks_like_author_bio(nonblank[-1]["norm"]):
        rules[nonblank[-1]["unit_no"]] = "author_bio"
    if body_end is not None:
        _page_footer(rows, params, rules, in_tail)
    title = _title_unit(rows, rules, in_head, params)
    if title is not None and body_start is not None:
        _around_the_headline(rows, params, rules, title, body_start)
    _keep_a_lone_date(rows, rules)
    return rules, title


def _keep_a_lone_date(rows: list[dict], rules: dict[int, str]) -> None:
    """A document that is one date and nothing else (a note, a calendar entry) is that date, not a dateline."""
    nonblank = [r["unit_no"] for r in rows if not r["is_blank"]]
    if len(nonblank) == 1 and rules.get(nonblank[0]) == "dateline":
        del rules[nonblank[0]]


def _menus_and_breadcrumbs(rows: list[dict], params: CleanParams, in_head, body_start) -> tuple[dict[int, str], set]:
    """Menus and breadcrumb trails, wherever they stand, and the words of the menus' items."""
    rules: dict[int, str] = {}
    menu_items: set[str] = set()
    for r in rows:
        if r["is_blank"]:
            continue
        if _is_menu(r, params, in_head(r) and body_start is not None) or _is_spaced_menu(r, params):
            rules[r["unit_no"]] = "navigation_menu"
            items = _menu_items(r["norm"], f.MENU_SEPARATOR)
            menu_items.update(items)
            menu_items.update(w for item in items for w in item.split())
        elif _is_breadcrumb(r, params):
            rules[r["unit_no"]] = "breadcrumb"
    return rules, menu_items


def _line_by_line_rules(rows: list[dict], params: CleanParams, rules: dict[int, str], menu_items: set,
                        in_head, body_start) -> bool:
    """Widgets and the lines under them, the dateline and later stamps, and the rules a line matches by itself or
    by the line before it; whether a dateline was found."""
    dateline_seen = False
    widget: str | None = None
    previous: dict | None = None
    for r in rows:
        n = r["unit_no"]
        if r["is_blank"]:
            continue
        if n in rules:
            widget, previous = None, r
            continue
        head = in_head(r)
        line_rule = _line_rule(r)
        starts_widget = (r["is_widget_header"] or r["is_tag_header"]) and not r["is_sentence"]
        if widget is not None and line_rule is None and not starts_widget and not r["is_labelled_dateline"]:
            if not _is_body(r) and (r["n_chars"] <= params.max_widget_item_chars or r["is_list_item"]):
                rules[n] = widget
                previous = r
                continue
        widget = None
        if starts_widget:
            widget = "tag_list" if r["is_tag_header"] else (
                "ranking_widget" if r["is_ranking"] else "related_articles")
            rules[n] = widget
        elif head and r["is_date_only"] and not dateline_seen and _dateline_date(r) is not None:
            rules[n] = "dateline"
            dateline_seen = True
        else:
            rule = _rule_in_place(r, params, rules, menu_items, previous, head, dateline_seen, body_start, line_rule)
            if rule is not None:
                rules[n] = rule
        previous = r
    return dateline_seen


def _rule_in_place(r: dict, params: CleanParams, rules: dict[int, str], menu_items: set, previous: dict | None,
                   head: bool, dateline_seen: bool, body_start, line_rule: str | None) -> str | None:
    """The rule of a line that depends on where it stands: after the dateline, after a byline or a prompt, in the
    head before the body; else the rule it matches by itself."""
    if head and dateline_seen and not r["is_sentence"] and (
        (r["is_date_only"] and _dateline_date(r) is not None) or r["is_stamp"]
    ):
        return "timestamp"  # an update time or print edition after the dateline
    if line_rule is not None:
        return line_rule
    if previous is not None and rules.get(previous["unit_no"]) == "byline" and r["is_byline_role"]:
        return "byline"
    if previous is not None and rules.get(previous["unit_no"]) == "social_widget" and r["is_subscribe_followup"]:
        return "social_widget"
    if head and body_start is not None and not r["is_sentence"] and (
        (r["is_list_item"] and r["n_chars"] <= params.max_tag_chars) or r["is_all_caps"]
        or _is_section_path(r, params)
    ):
        return "category_tag"
    if head and not r["is_sentence"] and r["n_chars"] <= params.max_label_chars and r["norm"] in menu_items:
        return "breadcrumb"
    return None


def _trailing_dateline(rows: list[dict], rules: dict[int, str], in_tail) -> None:
    """A news agency's time stamp after the article (（2009/02/25-03:12）) when none stands before it."""
    for r in rows:
        if in_tail(r) and r["unit_no"] not in rules and r["is_date_only"] and _dateline_date(r):
            rules[r["unit_no"]] = "dateline"
            break


def _page_footer(rows: list[dict], params: CleanParams, rules: dict[int, str], in_tail) -> None:
    """After the article, once furniture begins, the short lines that follow are the page's footer."""
    furniture_begun = False
    for r in rows:
        if not in_tail(r) or r["is_blank"]:
            continue
        if r["unit_no"] in rules:
            furniture_begun = True
        elif furniture_begun and not r["is_sentence"] and r["n_chars"] <= params.max_widget_item_chars:
            rules[r["unit_no"]] = "footer"


def _around_the_headline(rows: list[dict], params: CleanParams, rules: dict[int, str], title: int,
                         body_start: int) -> None:
    """Short lines above the headline (the site's name, section labels), and the publication's name below it."""
    before = [r for r in rows if r["unit_no"] < title and not r["is_blank"] and r["unit_no"] not in rules]
    for r in before:
        if (_width(r["norm"]) <= params.max_masthead_width or r["is_site_name"]) and not r["is_sentence"]:
            first = all(q["is_blank"] for q in rows if q["unit_no"] < r["unit_no"])
            rules[r["unit_no"]] = "masthead" if first else "category_tag"
    # below the headline, the publication's name is its credit (`The Yomiuri Shimbun`)
    for r in rows:
        if (title < r["unit_no"] < body_start and not r["is_blank"] and r["unit_no"] not in rules
                and r["is_site_name"] and not r["is_sentence"]):
            rules[r["unit_no"]] = "byline"


def _classify_structured(rows: list[dict]) -> tuple[dict[int, str], int | None]:
    """Rules for the blocks of a document whose structure is known (Markdown): its title and date are in its
    front matter, so only the furniture a line shows by itself is removed, never a head line by position."""
    rules = {r["unit_no"]: rule for r in rows if not r["is_blank"] and r["block_kind"] != "title"
             and (rule := _line_rule(r)) is not None}
    title = next((r["unit_no"] for r in rows if r["block_kind"] == "title"), None)
    return rules, title


_TITLE_DECORATION = re.compile(r"\s*【[^【】]{1,20}】\s*$")
_TITLE_KICKER = re.compile(r"^\s*【[^【】]{1,8}】\s*(?=\S)")


def clean_title(title: str) -> str:
    """A title without site decorations: a trailing 【動画】, a leading kicker such as 【速報】."""
    previous, original = None, title
    while previous != title:
        previous, title = title, _TITLE_KICKER.sub("", _TITLE_DECORATION.sub("", title))
    return title.strip() or original.strip()


def _title_unit(rows: list[dict], rules: dict[int, str], in_head, params: CleanParams) -> int | None:
    """The headline: the widest kept line before the body that reads as a title rather than a sentence."""
    candidates = [
        r for r in rows
        if in_head(r) and not r["is_blank"] and r["unit_no"] not in rules and not r["is_sentence"]
        and not r["is_list_item"] and not r["is_date_only"] and r["n_chars"] <= params.max_title_chars
    ]
    if not candidates or not any(_is_body(r) for r in rows):
        first = next((r for r in rows if not r["is_blank"] and r["unit_no"] not in rules), None)
        if first is None or first["is_sentence"] or first["n_chars"] > params.max_title_chars:
            return None
        return first["unit_no"]
    h1 = [r for r in candidates if (r["locator"] or "").split(" > ")[-1].split(":")[0] == "h1"]
    if h1:
        return h1[0]["unit_no"]
    headlines = [r for r in candidates if not r["is_site_name"]] or candidates
    return max(headlines, key=lambda r: (_width(r["norm"]), -r["unit_no"]))["unit_no"]


def document_units(docs: pl.DataFrame) -> tuple[pl.DataFrame, list[pl.DataFrame]]:
    """Units of every document of the batch by its format, and the pieces removed before the line rules."""
    columns = ["doc_id", "unit_no", "line_no", "locator", "text", "time_stamp", "block_kind"]
    units, removed = [text_units(docs.filter(pl.col("format") == "text")).select(columns)], []
    html_docs = docs.filter(pl.col("format") == "html")
    if html_docs.height:
        extra_units, html_removed = html_units(html_docs)
        units.append(extra_units.with_columns(pl.lit(None, pl.Utf8).alias("block_kind")).select(columns))
        removed.append(html_removed)
    markdown_docs = docs.filter(pl.col("format") == "markdown")
    if markdown_docs.height:
        extra_units, front_matter = markdown_units(markdown_docs)
        units.append(extra_units.select(columns))
        removed.append(front_matter)
    return pl.concat(units), removed


def clean_documents(docs: pl.DataFrame, params: CleanParams = CleanParams()) -> Cleaned:
    """Clean a batch of documents (doc_id, format, raw_text)."""
    units, removed = document_units(docs)
    structured = set(docs.filter(pl.col("format") == "markdown")["doc_id"].to_list())
    features = unit_features(units, params).sort("doc_id", "unit_no")

    doc_rows, bp_rows, kept_rows = [], [], []
    for (doc_id,), group in features.group_by("doc_id", maintain_order=True):
        rows = group.to_dicts()
        rules, title_no = (_classify_structured(rows) if doc_id in structured
                           else _classify_document(rows, params))
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
                              "is_numbered": r["is_numbered"], "n_chars": r["n_chars"],
                              "block_kind": r["block_kind"]})
            offset += len(r["text"]) + 1
        title = next((clean_title(r["text"].strip()) for r in rows if r["unit_no"] == title_no), None)
        if title is None and (mark := speaker_mark("\n".join(kept))) is not None:
            title = mark.surface  # a speech of the Diet record has no heading but its speaker
        doc_rows.append({
            "doc_id": doc_id, "text": "\n".join(kept), "title": title or None, "title_unit": title_no,
            "dateline": dateline["text"].strip() if dateline else None,
            "dateline_date": _dateline_date(dateline) if dateline else None,
        })

    boilerplate = pl.DataFrame(bp_rows, schema={**{k: v for k, v in BOILERPLATE_COLUMNS.items() if k != "piece_no"},
                                                "unit_no": pl.Int64})
    if removed:
        boilerplate = pl.concat([boilerplate, *(r.select(boilerplate.columns) for r in removed)])
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
            "is_list_item": pl.Boolean, "is_numbered": pl.Boolean, "n_chars": pl.Int64, "block_kind": pl.Utf8,
        }),
    )
