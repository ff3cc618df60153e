"""Furniture rules on documents written for the purpose: input lines beside the lines removed and why."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import polars as pl
import pytest

from nichibei.clean import furniture
from nichibei.clean.classify import clean_documents, clean_title
from nichibei.clean.furniture import looks_like_author_bio, parse_dateline
from nichibei.rules import load_rules

BODY_JA = "両首脳は日米同盟の抑止力・対処力を一層強化していくことで一致した。"
BODY_EN = "The two leaders reaffirmed that the alliance remains the cornerstone of peace and security in the region."


def run(lines: list[str], fmt: str = "text"):
    docs = pl.DataFrame({"doc_id": ["d"], "format": [fmt], "raw_text": ["\n".join(lines)]})
    return clean_documents(docs)


CASES = [
    pytest.param(["日米首脳会談", "- 政治", "2024年7月31日 10時10分", BODY_JA], {2: "category_tag", 3: "dateline"},
                 date(2024, 7, 31), "日米首脳会談", id="ja-category-and-dateline"),
    pytest.param(["Summit in Tokyo", "Published: March 3, 2025", BODY_EN], {2: "dateline"}, date(2025, 3, 3),
                 "Summit in Tokyo", id="en-labelled-dateline"),
    pytest.param(["令和元年5月1日", "新天皇即位に祝意", BODY_JA], {1: "dateline"}, date(2019, 5, 1), "新天皇即位に祝意",
                 id="era-first-year-dateline"),
    pytest.param(["２０２４年７月３１日（水）", "見出し", BODY_JA], {1: "dateline"}, date(2024, 7, 31), "見出し",
                 id="full-width-dateline-with-weekday"),
    pytest.param(["見出し", BODY_JA, "2024年7月31日", BODY_JA], {}, None, "見出し",
                 id="date-line-after-the-body-starts-is-body"),
    pytest.param(["見出し", "2024-7-31", "2024-8-1", BODY_JA], {2: "dateline", 3: "timestamp"}, date(2024, 7, 31),
                 "見出し", id="at-most-one-dateline-then-timestamps"),
    pytest.param(["Headline", "Published April 7, 2025", "Updated on April 8, 2025 02:35 JST", BODY_EN],
                 {2: "dateline", 3: "timestamp"}, date(2025, 4, 7), "Headline", id="updated-stamp"),
    pytest.param(["見出し", "2010.11.22（月）06:00", "週刊誌 2010年11月30日号 掲載", "文＝政治ジャーナリスト 山本和夫", BODY_JA,
                  "【この記事の関連キーワード】 日米関係\u3000普天間", "この記事をシェアする\u3000はてブ 8\u3000ツイート",
                  "最新号のご案内"],
                 {2: "dateline", 3: "timestamp", 4: "byline", 6: "tag_list", 7: "social_widget",
                  8: "advertisement"}, date(2010, 11, 22), "見出し", id="magazine-issue-credit-keywords"),
    pytest.param(["Headline over two words", "The Example Shimbun", "10:58 JST, November 18, 2016", BODY_EN,
                  "Most Read", "1. Governor under fire over the use of his political funds this year",
                  "2. What the leaders will eat at the summit dinner tonight"],
                 {2: "byline", 3: "dateline", 5: "ranking_widget", 6: "ranking_widget", 7: "ranking_widget"},
                 date(2016, 11, 18), "Headline over two words", id="paper-credit-and-numbered-ranking"),
    pytest.param(["見出し", BODY_JA, "〔写真特集〕日米首脳会談の歩み", "通信社\u3000Copyright EXAMPLE PRESS LTD.", "関連リンク\u3000総理の一日",
                  "私たちの行動規範：通信社「信頼の原則」"],
                 {3: "photo_caption", 4: "copyright", 5: "related_articles", 6: "byline"}, None, "見出し",
                 id="photo-feature-link-inline-copyright-related-link-standards"),
    pytest.param(["Headline", BODY_EN, "Subscribe to Example.gov Products",
                  "Choose which Example.gov products you want delivered to you.", "LEARN MORE"],
                 {3: "social_widget", 4: "social_widget", 5: "page_tool"}, None, "Headline",
                 id="subscribe-prompt-and-its-follow-up"),
    pytest.param(["Headline", "The leaders discussed copyright protection and trade secrets at length today.", BODY_EN],
                 {}, None, "Headline", id="copyright-word-in-a-sentence-kept"),
    pytest.param(["見出し", "TBSテレビ 政治部", "2025年6月17日 火曜 午前7:05", BODY_JA, "はてブ 12", "12 Comments"],
                 {2: "byline", 3: "dateline", 5: "page_tool", 6: "page_tool"}, date(2025, 6, 17), "見出し",
                 id="desk-credit-and-counters"),
    pytest.param(["見出し", "2024-2-30", BODY_JA], {}, None, "見出し", id="impossible-date-is-no-dateline"),
    pytest.param(["ホーム > 政治 > 外交", "見出し", BODY_JA], {1: "breadcrumb"}, None, "見出し", id="breadcrumb-trail"),
    pytest.param(["政治", "ホーム | 政治 | 経済 | 国際", "見出し", BODY_JA],
                 {1: "breadcrumb", 2: "navigation_menu"}, None, "見出し", id="section-label-from-the-menu"),
    pytest.param(["見出し", BODY_JA, "関連記事", "- 別の記事の見出し", "- もう一つの見出し"],
                 {3: "related_articles", 4: "related_articles", 5: "related_articles"}, None, "見出し",
                 id="related-articles-widget"),
    pytest.param(["見出し", BODY_JA, "アクセスランキング", "1. 記事A", "2. 記事B", "", BODY_JA],
                 {3: "ranking_widget", 4: "ranking_widget", 5: "ranking_widget"}, None, "見出し",
                 id="ranking-widget-ends-at-body"),
    pytest.param(["見出し", BODY_JA, "スポンサーリンク", BODY_JA], {3: "advertisement"}, None, "見出し",
                 id="advertisement"),
    pytest.param(["見出し", "LINEで友だち追加はこちら", BODY_JA], {2: "social_widget"}, None, "見出し",
                 id="follow-call-to-action"),
    pytest.param(["Headline", BODY_EN, "Share | Tweet | Email"], {3: "social_widget"}, None, "Headline",
                 id="share-bar"),
    pytest.param(["見出し", BODY_JA, "ページの先頭へ戻る", "記事一覧へ戻る"], {3: "back_to_top", 4: "back_to_top"},
                 None, "見出し", id="back-links"),
    pytest.param(["Headline", BODY_EN, "Back to top"], {3: "back_to_top"}, None, "Headline", id="back-to-top-en"),
    pytest.param(["見出し", BODY_JA, "Copyright © 2024 Example News. All rights reserved."], {3: "copyright"},
                 None, "見出し", id="copyright"),
    pytest.param(["見出し", BODY_JA, "「旅行好き。コーヒー中毒。元新聞記者。」"], {3: "author_bio"}, None, "見出し",
                 id="author-blurb-last-line"),
    pytest.param(["見出し", BODY_JA, "筆者プロフィール：外交担当の記者。"], {3: "author_bio"}, None, "見出し",
                 id="author-label"),
    pytest.param(["見出し", BODY_JA, "会談は1時間行われた。両首脳は握手した。声明を出した。"], {}, None, "見出し",
                 id="short-sentences-are-body"),
    pytest.param([BODY_JA, BODY_JA], {}, None, None, id="no-title-when-the-first-line-is-a-sentence"),
    pytest.param(["日米首脳会談 同盟強化で一致【動画あり】", BODY_JA], {}, None, "日米首脳会談 同盟強化で一致",
                 id="title-decoration-left-out-of-title-only"),
    pytest.param([""], {}, None, None, id="empty"),
    pytest.param(["(1)日米関係総論", "(2)米軍再編", BODY_JA], {}, None, "(1)日米関係総論", id="numbered-headings-kept"),
    pytest.param(["Example Times", "NEWS / NATIONAL / POLITICS", "Leaders agree to deepen the alliance",
                  "Feb 23, 2013", "By Jane Doe", "Staff Writer", BODY_EN],
                 {1: "masthead", 2: "category_tag", 4: "dateline", 5: "byline", 6: "byline"}, date(2013, 2, 23),
                 "Leaders agree to deepen the alliance", id="masthead-section-path-byline"),
    pytest.param(["首相官邸ホームページ", "日米首脳テレビ会談", "令和4年1月21日", BODY_JA],
                 {1: "masthead", 3: "dateline"}, date(2022, 1, 21), "日米首脳テレビ会談",
                 id="site-name-wider-than-the-headline"),
    pytest.param(["News Agency", "Updated Apr 18, 2018 8:05 AM JST", "World | Politics",
                  "Leaders agree to keep pressure on the North", BODY_EN],
                 {1: "masthead", 2: "dateline", 3: "navigation_menu"}, date(2018, 4, 18),
                 "Leaders agree to keep pressure on the North", id="dateline-before-headline"),
    pytest.param(["外務省 > 会談・訪問 > 日米外相会談", "Japanese | English", "日米外相会談", "平成28年4月10日", "English",
                  BODY_JA],
                 {1: "breadcrumb", 2: "navigation_menu", 4: "dateline", 5: "breadcrumb"}, date(2016, 4, 10),
                 "日米外相会談", id="headline-equal-to-last-crumb-kept"),
    pytest.param(["Department of State", "Readout of a meeting", "READOUT", "OFFICE OF THE SPOKESPERSON",
                  "January 21, 2025", BODY_EN],
                 {1: "masthead", 3: "category_tag", 4: "category_tag", 5: "dateline"}, date(2025, 1, 21),
                 "Readout of a meeting", id="all-caps-labels-after-headline"),
    pytest.param(["見出し", BODY_JA, "（2009/02/25-03:12）", "写真拡大"], {3: "dateline", 4: "page_tool"},
                 date(2009, 2, 25), "見出し", id="agency-time-stamp-after-the-article"),
    pytest.param(["見出し", BODY_JA, "タグ：2＋2　ガイドライン", "この記事をシェア", "Facebook", "前の記事 / 次の記事"],
                 {3: "tag_list", 4: "social_widget", 5: "social_widget", 6: "pagination"}, None, "見出し",
                 id="tags-share-pagination"),
    pytest.param(["Headline", BODY_EN, "Tags", "Japan", "The Secretary of State", "Related coverage:",
                  "Leaders to meet again in the spring, officials say", "Subscribe to our newsletter", "Your email",
                  "1600 Example Ave NW", "Privacy"],
                 {3: "tag_list", 4: "tag_list", 5: "tag_list", 6: "related_articles", 7: "related_articles",
                  8: "social_widget", 9: "social_widget", 10: "footer", 11: "footer"}, None, "Headline",
                 id="tag-block-related-headlines-footer"),
    pytest.param(["見出し", BODY_JA, "（共同）"], {}, None, "見出し", id="credit-before-any-furniture-kept"),
    pytest.param(["見出し", "（写真）会談に臨む両首脳＝16日、ワシントン", BODY_JA, "写真：ロイター",
                  "この記事は有料記事です。残り1285文字", "コメント 12件", "▼関連ニュース", "・別の記事"],
                 {2: "photo_caption", 4: "photo_caption", 5: "paywall", 6: "page_tool", 7: "related_articles",
                  8: "related_articles"}, None, "見出し", id="captions-paywall-counter-decorated-widget"),
    pytest.param(["見出し", BODY_JA + "（共同）"], {}, None, "見出し", id="agency-credit-ending-a-paragraph-kept"),
    pytest.param(["Example News", "Sign in", "We use cookies to personalize content and ads and to analyze our traffic.",
                  "WORLD NEWS", "Leaders meet in Tokyo", "Published 8:48 AM EDT, April 24, 2014", BODY_EN,
                  "Leaders shake hands after the talks in Tokyo. (AP Photo/Staff)", "___",
                  "Reporting by Jane Doe; Editing by John Roe"],
                 {1: "masthead", 2: "page_tool", 3: "page_tool", 4: "category_tag", 6: "dateline",
                  8: "photo_caption", 9: "separator", 10: "byline"}, date(2014, 4, 24), "Leaders meet in Tokyo",
                 id="cookie-notice-is-not-the-body"),
    pytest.param(["防衛省", "English\u3000サイトマップ\u3000文字サイズ\u3000標準\u3000拡大", "日米防衛相会談（概要）",
                  "令和4年9月15日", BODY_JA, "▲ページトップへ"],
                 {1: "masthead", 2: "navigation_menu", 4: "dateline", 6: "back_to_top"}, date(2022, 9, 15),
                 "日米防衛相会談（概要）", id="menu-set-apart-by-wide-spaces"),
    pytest.param(["見出し", "2012年5月1日 朝刊", BODY_JA], {2: "dateline"}, date(2012, 5, 1), "見出し",
                 id="dateline-with-edition"),
    pytest.param(["Headline", BODY_EN, "Related", "Another headline", "Posted: Jan 12, 2023 08:15 ET"],
                 {3: "related_articles", 4: "related_articles", 5: "dateline"}, date(2023, 1, 12), "Headline",
                 id="labelled-time-stamp-ends-a-widget"),
]


@pytest.mark.parametrize("lines,removed,dateline,title", CASES)
def test_furniture_rules(lines, removed, dateline, title):
    cleaned = run(lines)
    got = dict(cleaned.boilerplate.select("line_no", "rule").iter_rows())
    assert got == removed
    doc = cleaned.documents.row(0, named=True)
    assert doc["dateline_date"] == dateline
    assert doc["title"] == title
    kept = [line for i, line in enumerate(lines, 1) if i not in removed]
    assert doc["text"] == "\n".join(kept)


@pytest.mark.parametrize("line,expected", [
    pytest.param("2024-7-31 10:10", date(2024, 7, 31), id="iso-ish-with-time"),
    pytest.param("平成21年11月13日", date(2009, 11, 13), id="heisei"),
    pytest.param("昭和64年1月7日", date(1989, 1, 7), id="showa-last-day"),
    pytest.param("2025/02/09 13:05 更新", date(2025, 2, 9), id="slashes-updated"),
    pytest.param("Feb. 7, 2025", date(2025, 2, 7), id="en-abbreviated"),
    pytest.param("7 February 2025", date(2025, 2, 7), id="en-day-first"),
    pytest.param("2025年2月9日 午後1時5分", date(2025, 2, 9), id="ja-time"),
    pytest.param("2025年2月9日に会談", None, id="sentence-is-not-a-dateline"),
    pytest.param("February 30, 2025", None, id="invalid-date"),
    pytest.param("", None, id="empty"),
])
def test_parse_dateline(line, expected):
    assert parse_dateline(line) == expected


@pytest.mark.parametrize("line,expected", [
    pytest.param("「Webライター。猫好き。元エンジニア。」", True, id="blurb"),
    pytest.param("両首脳は会談した。声明を出した。握手した。", False, id="sentences"),
    pytest.param("猫好き。", False, id="one-phrase"),
])
def test_author_bio_shape(line, expected):
    assert looks_like_author_bio(line) is expected


@pytest.mark.parametrize("title,expected", [
    pytest.param("日米首脳会談【詳報】【動画】", "日米首脳会談", id="two-decorations"),
    pytest.param("【速報】日米首脳会談", "日米首脳会談", id="leading-kicker"),
    pytest.param("【ワシントン=共同】", "【ワシントン=共同】", id="nothing-but-brackets-kept"),
    pytest.param("Summit", "Summit", id="plain"),
])
def test_clean_title(title, expected):
    assert clean_title(title) == expected


HTML = """<!doctype html><html><head><title>Site | Summit</title><script>var x=1;</script></head>
<body><header><a href="/">Home</a></header>
<nav><ul><li><a href="/a">A</a></li><li><a href="/b">B</a></li></ul></nav>
<main><article><header><h1>Leaders meet in Tokyo</h1><p class="date">March 3, 2025</p></header>
<p>The two leaders met in Tokyo on Monday and agreed to strengthen the alliance further, officials said.</p>
<div class="share-buttons"><a href="#">Share</a></div>
<ul><li><a href="/1">Related one</a></li><li><a href="/2">Related two</a></li><li><a href="/3">Three</a></li></ul>
<p>They also discussed<br>North Korea.</p></article></main>
<aside>Most read</aside><footer>(c) Example</footer></body></html>"""


def test_html_keeps_ideographic_spaces_and_reads_time_elements():
    page = ('<html><body><div id="header"><a href="/">新聞オンライン</a></div><article><h1>日米首脳が会談\u3000同盟強化</h1>'
            '<div class="article-meta"><time datetime="2022-11-17T23:40:00+09:00">2022年11月17日 23:40</time> '
            '<span>政治</span></div><p>\u3000両首脳は会談し、同盟の強化で一致した。</p></article></body></html>')
    cleaned = run([page], fmt="html")
    doc = cleaned.documents.row(0, named=True)
    assert doc["text"] == "日米首脳が会談\u3000同盟強化\n\u3000両首脳は会談し、同盟の強化で一致した。"
    assert doc["dateline_date"] == date(2022, 11, 17)
    assert doc["dateline"] == "2022年11月17日 23:40 政治"
    assert dict(zip(cleaned.boilerplate["rule"], cleaned.boilerplate["text"]))["html_header"] == "新聞オンライン"


def test_html_container_with_a_widget_class_word_keeps_the_article():
    body = "".join(f"<p>両首脳は会談し、同盟の強化と地域の安定に向けた協力で一致したと政府関係者は説明した（{i}）。</p>" for i in range(3))
    page = f'<html><body><div class="article premium-content"><h1>日米首脳会談</h1>{body}</div>' \
           '<div class="premium-banner">有料会員になると続きを読めます</div></body></html>'
    cleaned = run([page], fmt="html")
    text = cleaned.documents.row(0, named=True)["text"]
    assert text.startswith("日米首脳会談\n両首脳は会談し") and text.count("両首脳は") == 3
    assert cleaned.boilerplate.select("rule", "text").rows() == [("paywall", "有料会員になると続きを読めます")]


def test_html_page():
    cleaned = run([HTML], fmt="html")
    doc = cleaned.documents.row(0, named=True)
    assert doc["text"].split("\n") == [
        "Leaders meet in Tokyo",
        "The two leaders met in Tokyo on Monday and agreed to strengthen the alliance further, officials said.",
        "They also discussed",
        "North Korea.",
    ]
    assert doc["title"] == "Leaders meet in Tokyo"
    assert doc["dateline_date"] == date(2025, 3, 3)
    removed = cleaned.boilerplate
    assert removed["line_no"].null_count() == removed.height
    assert dict(zip(removed["rule"], removed["text"])) == {
        "html_head": "Site | Summit",
        "html_header": "Home",
        "html_navigation": "A B",
        "dateline": "March 3, 2025",
        "social_widget": "Share",
        "link_dense_list": "Related one Related two Three",
        "html_aside": "Most read",
        "html_footer": "(c) Example",
    }
    locators = dict(zip(removed["rule"], removed["locator"]))
    assert locators["html_navigation"] == "html > body > nav"
    assert locators["dateline"] == "html > body > main > article > header > p"


FURNITURE_ROWS = load_rules("nichibei.clean", "furniture", ("kind", "pattern", "flags"))


@pytest.mark.parametrize("row", FURNITURE_ROWS, ids=lambda r: f"{r['kind']}:{r['example'][:30]}")
def test_every_furniture_row_is_matched_by_its_kind(row):
    """Each row's example is furniture of its kind: the assembled pattern of the kind recognises it."""
    assert re.search(getattr(furniture, row["kind"].upper()), unicodedata.normalize("NFKC", row["example"]).strip())
