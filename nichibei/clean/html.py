"""HTML pages: BeautifulSoup removes whole furniture elements, and the kept elements become text units."""

from __future__ import annotations

import re
import sys

import polars as pl
from bs4 import BeautifulSoup, Comment, Doctype, NavigableString, ProcessingInstruction, Tag

from nichibei.rejections import UnreadableDocument

# Elements removed whole, with the rule recorded for them.
REMOVED_TAGS = {
    "head": "html_head", "script": "html_script", "style": "html_script", "noscript": "html_script",
    "template": "html_script", "iframe": "html_widget", "svg": "html_widget", "canvas": "html_widget",
    "form": "html_form", "button": "html_widget", "select": "html_form", "nav": "html_navigation",
    "header": "html_header", "footer": "html_footer", "aside": "html_aside", "menu": "html_navigation",
    "figcaption": "photo_caption",
}
REMOVED_ROLES = {
    "navigation": "html_navigation", "banner": "html_header", "contentinfo": "html_footer",
    "complementary": "html_aside", "search": "html_form", "menu": "html_navigation", "menubar": "html_navigation",
}
# Class or id words of widgets; the first group that matches names the rule.
WIDGET_WORDS = [
    ("breadcrumb", re.compile(r"breadcrumbs?|topicpath|pankuzu|pan-?kuzu")),
    ("photo_caption", re.compile(r"caption|credit|photo-?credit|figcaption")),
    ("paywall", re.compile(r"premium|paywall|members?-?only|subscriber|locked|regwall")),
    ("social_widget", re.compile(r"share|sharing|social|sns|follow|subscribe|newsletter")),
    ("ranking_widget", re.compile(r"ranking|popular|most-?read|trending")),
    ("related_articles", re.compile(r"related|recommend|pickup|more-?stories|read-?next")),
    ("advertisement", re.compile(r"ads?|advert\w*|sponsor\w*|promo\w*|banner|pr")),
    ("back_to_top", re.compile(r"page-?top|go-?top|back-?to-?top|to-?top")),
    ("html_navigation", re.compile(r"g?nav|navi(?:gation)?|menu|sidebar|side-?bar")),
    ("html_header", re.compile(r"header|masthead|site-?header|global-?header")),
    ("html_footer", re.compile(r"footer|site-?footer|global-?footer|copyright")),
    ("html_widget", re.compile(r"comments?|cookie|modal|popup|widget")),
]
BLOCK_TAGS = {
    "address", "article", "blockquote", "body", "caption", "dd", "details", "div", "dl", "dt", "figcaption",
    "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main", "ol", "p", "pre", "section", "summary",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "html",
}
# HTML collapses runs of ASCII white space; an ideographic space (U+3000) is text and stays as written.
_SPACE = re.compile(r"[ \t\r\n\f\v]+")
_ASCII_SPACE = " \t\r\n\f\v"
_WORD_SPLIT = re.compile(r"[\s_-]+|(?<=[a-z])(?=[A-Z])")


def _locator(el: Tag) -> str:
    """CSS path of an element: `html > body > div:nth-of-type(2) > p`."""
    parts = []
    while isinstance(el, Tag) and el.name != "[document]":
        siblings = [s for s in el.parent.find_all(el.name, recursive=False)] if el.parent else [el]
        part = el.name if len(siblings) == 1 else f"{el.name}:nth-of-type({siblings.index(el) + 1})"
        parts.append(part)
        el = el.parent
    return " > ".join(reversed(parts))


def _widget_rule(el: Tag) -> str | None:
    words = " ".join([*el.get("class", []), el.get("id", "") or ""]).lower()
    if not words.strip():
        return None
    tokens = [t for t in _WORD_SPLIT.split(words) if t]
    for rule, pattern in WIDGET_WORDS:
        if any(pattern.fullmatch(t) for t in tokens):
            return rule
    return None


def _inside(el: Tag, names: set[str]) -> bool:
    return any(p.name in names for p in el.parents)


def _removal_rule(el: Tag) -> str | None:
    if el.name in ("header", "footer") and _inside(el, {"article", "main"}):
        return None  # an article's own header holds its title and date
    if el.name in REMOVED_TAGS:
        return REMOVED_TAGS[el.name]
    role = (el.get("role") or "").lower()
    if role in REMOVED_ROLES:
        return REMOVED_ROLES[role]
    if el.name in ("html", "body", "main", "article"):
        return None
    rule = _widget_rule(el)
    if rule in ("html_header", "html_footer") and (_inside(el, {"article", "main"}) or el.find("h1")):
        return None  # the article's own header or footer
    if rule is not None and _holds_article_text(el):
        return None  # a class word on a container of the article (`<div class="article premium">`)
    if rule is not None:
        return rule
    if el.name in ("ul", "ol") and _is_link_dense(el):
        return "link_dense_list"
    return None


def _holds_article_text(el: Tag, min_paragraphs: int = 2, min_chars: int = 400) -> bool:
    """Several paragraphs or a long text: the element holds the article, whatever its class says."""
    paragraphs = [p for p in el.find_all("p") if len(p.get_text(strip=True)) > 40]
    return len(paragraphs) >= min_paragraphs or len(re.sub(r"\s", "", el.get_text())) >= min_chars


def _is_link_dense(el: Tag, min_items: int = 3, min_share: float = 0.7) -> bool:
    items = el.find_all("li", recursive=False)
    if len(items) < min_items:
        return False
    total = len(re.sub(r"\s", "", el.get_text()))
    linked = sum(len(re.sub(r"\s", "", a.get_text())) for a in el.find_all("a"))
    return total > 0 and linked / total >= min_share


def _has_block(el: Tag) -> bool:
    return any(isinstance(d, Tag) and d.name in BLOCK_TAGS for d in el.descendants)


def page_units(html: str) -> tuple[list[dict], list[dict]]:
    """(kept units, removed pieces) of one page, each numbered in document order (`unit_no`)."""
    soup = BeautifulSoup(html, "html.parser")
    units: list[dict] = []
    removed: list[dict] = []
    counter = iter(range(1, 1_000_000))

    stamps: list[str] = []  # `<time datetime>` values seen in the buffer being filled

    def emit(parts: list[str], owner: Tag) -> None:
        text = _SPACE.sub(" ", "".join(parts)).strip(_ASCII_SPACE)
        if text:
            units.append({"unit_no": next(counter), "locator": _locator(owner), "text": text,
                          "time_stamp": stamps[0] if stamps else None})
        stamps.clear()

    def walk(el: Tag) -> None:
        buffer: list[str] = []
        for child in list(el.children):
            if isinstance(child, (Comment, Doctype, ProcessingInstruction)):
                continue
            if isinstance(child, NavigableString):
                buffer.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            rule = _removal_rule(child)
            if rule is not None:
                emit(buffer, el)
                buffer = []
                text = _SPACE.sub(" ", child.get_text(" ")).strip(_ASCII_SPACE)
                if text:
                    removed.append({"unit_no": next(counter), "locator": _locator(child), "text": text,
                                    "rule": rule})
                continue
            if child.name == "br":
                emit(buffer, el)
                buffer = []
            elif child.name in BLOCK_TAGS or _has_block(child):
                emit(buffer, el)
                buffer = []
                walk(child)
            else:
                times = [child] if child.name == "time" else child.find_all("time")
                stamps.extend(t.get("datetime") or t.get_text() for t in times)
                buffer.append(child.get_text())
        emit(buffer, el)

    walk(soup)
    return units, removed


def html_units(docs: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Units and removed pieces of a batch of HTML documents (doc_id, raw_text)."""
    unit_rows, removed_rows = [], []
    for doc_id, raw in docs.select("doc_id", "raw_text").iter_rows():
        try:
            units, removed = page_units(raw)
        except RecursionError:
            raise UnreadableDocument("html_too_deep", "the page nests its elements too deeply to be read (more than "
                                     f"about {sys.getrecursionlimit()} levels)") from None
        unit_rows += [{"doc_id": doc_id, "line_no": None, **u} for u in units]
        removed_rows += [{"doc_id": doc_id, "line_no": None, **r} for r in removed]
    units_frame = pl.DataFrame(unit_rows, schema={"doc_id": pl.Utf8, "line_no": pl.Int64, "unit_no": pl.Int64,
                                                  "locator": pl.Utf8, "text": pl.Utf8, "time_stamp": pl.Utf8})
    removed_frame = pl.DataFrame(removed_rows, schema={"doc_id": pl.Utf8, "line_no": pl.Int64,
                                                       "unit_no": pl.Int64, "locator": pl.Utf8, "text": pl.Utf8,
                                                       "rule": pl.Utf8})
    return units_frame.select("doc_id", "unit_no", "line_no", "locator", "text", "time_stamp"), removed_frame
