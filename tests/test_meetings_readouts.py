"""Japanese readout pages and wire reports read whole: the ministry readout (era date line, 概要は以下のとおりです,
numbered paragraphs, 冒頭 / 両首脳は / これに対し), the Prime Minister's office report of the day, wire datelines and
bylines, NHK's Japan time. One family per table; the pages are written for these tests in the style of the genre.

Each row: the document (first line the title), its publication date (None: only the text dates it), and the
(type, local date, start UTC, zone, city, country, venue, minutes, mode, principals) of its meetings.
"""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from nichibei.extract.batch import extract_all

D = dt.date
UTC = dt.timezone.utc


def _t(y, mo, d, h, mi):
    return dt.datetime(y, mo, d, h, mi, tzinfo=UTC)


def _read(text: str, published: str | None, publisher: str | None = None, url: str | None = None) -> list[tuple]:
    docs = pl.DataFrame({"doc_id": ["0123456789abcdef"], "text": [text],
                         "published_date": [D.fromisoformat(published) if published else None],
                         "publisher": [publisher], "source_url": [url]},
                        schema={"doc_id": pl.Utf8, "text": pl.Utf8, "published_date": pl.Date, "publisher": pl.Utf8,
                                "source_url": pl.Utf8})
    first = text.split("\n", 1)[0]
    segs = pl.DataFrame({"doc_id": ["0123456789abcdef"], "seg_no": [1], "kind": ["title"], "language": ["ja"],
                         "char_start": [0], "char_end": [len(first)], "text": [first]})
    out = extract_all(docs, segs)
    parts = out["meeting_participants"]
    rows = []
    for r in out["meetings"].sort("date_local", nulls_last=True).iter_rows(named=True):
        people = sorted(parts.filter(pl.col("meeting_id") == r["meeting_id"])["entity_id"].to_list())
        rows.append((r["meeting_type"], r["date_local"], r["start_utc"], r["tz_local"], r["city"], r["country_code"],
                     r["venue"], r["duration_minutes"], r["mode"], people))
    return rows


KISHIDA, BIDEN = "person:kishida_fumio", "person:biden_joe"
HAYASHI, BLINKEN = "person:hayashi_yoshimasa", "person:blinken_antony"

MINISTRY_READOUTS = [
    pytest.param("日米首脳会談\n令和6年4月11日\n　現地時間4月10日午前10時30分（日本時間同日午後11時30分）から約1時間40分、国賓として"
                 "米国を訪問中の岸田文雄内閣総理大臣は、ホワイトハウスにおいて、ジョセフ・バイデン・アメリカ合衆国大統領と日米首脳"
                 "会談を行ったところ、概要は以下のとおりです。\n1　冒頭\n　冒頭、バイデン大統領から、国賓としての訪問を歓迎する旨の"
                 "発言がありました。これに対し、岸田総理大臣から、温かい歓迎に謝意を表明しました。\n2　日米関係\n　両首脳は、日米同盟"
                 "がかつてなく強固であることを確認しました。", "2024-04-11",
                 [("summit", D(2024, 4, 10), _t(2024, 4, 10, 14, 30), "America/New_York", None, "US", "White House", 100,
                   "in_person", [BIDEN, KISHIDA])], id="summit-abroad-local-time-with-japan-time-in-brackets"),
    pytest.param("日米外相電話会談\n令和5年1月6日\n　1月5日、午後9時40分から約30分間、林芳正外務大臣は、アントニー・ブリンケン米国"
                 "国務長官と日米外相電話会談を行ったところ、概要は以下のとおりです。\n1　冒頭、両外相は、新年の挨拶を交わしました。\n"
                 "2　両外相は、日米同盟の抑止力・対処力を一層強化していくことで一致しました。", None,
                 [("foreign_ministers", D(2023, 1, 5), _t(2023, 1, 5, 12, 40), None, None, None, None, 30, "phone",
                   [BLINKEN, HAYASHI])], id="ministers-call-dated-by-the-era-line-alone"),
    pytest.param("日米外相電話会談\n令和5年1月6日\n　本6日、午前8時30分から約20分間、林芳正外務大臣は、アントニー・ブリンケン米国国務"
                 "長官と日米外相電話会談を行ったところ、概要は以下のとおりです。\n(1)冒頭、林大臣から、新年の挨拶を述べました。",
                 "2023-01-06",
                 [("foreign_ministers", D(2023, 1, 6), _t(2023, 1, 5, 23, 30), None, None, None, None, 20, "phone",
                   [BLINKEN, HAYASHI])], id="this-day-of-the-readout"),
    pytest.param("日米防衛相会談\n令和6年7月28日\n　令和6年7月28日（日）10時00分から11時15分まで、木原防衛大臣は、東京都内においてオース"
                 "ティン米国防長官と日米防衛相会談を実施しました。概要は以下のとおりです。\n１　冒頭、木原大臣から、オースティン長官の"
                 "訪日を歓迎しました。", None,
                 [("defense_ministers", D(2024, 7, 28), _t(2024, 7, 28, 1, 0), "Asia/Tokyo", "Tokyo", "JP", None, 75,
                   "in_person", ["person:austin_lloyd", "person:kihara_minoru"])], id="defence-span-from-to"),
    pytest.param("日米首脳テレビ会議\n令和4年1月22日\n　1月21日、午後10時20分から午後11時40分までの約80分間、岸田文雄内閣総理大臣は、"
                 "ジョセフ・バイデン米国大統領との間で日米首脳テレビ会議を行いました。概要は以下のとおりです。\n1　冒頭、両首脳は新年の"
                 "挨拶を交わしました。", None,
                 [("video_call", D(2022, 1, 21), _t(2022, 1, 21, 13, 20), None, None, None, None, 80, "video",
                   [BIDEN, KISHIDA])], id="video-conference"),
    pytest.param("日米首脳会談\n平成29年2月11日\n　現地時間2月10日午後0時47分から約40分間，安倍晋三内閣総理大臣は，ドナルド・トランプ米国"
                 "大統領とホワイトハウスにおいて首脳会談を行ったところ，概要は以下のとおりです。\n1　冒頭\n（1）トランプ大統領から，"
                 "安倍総理の訪米を歓迎する旨の発言がありました。", None,
                 [("summit", D(2017, 2, 10), _t(2017, 2, 10, 17, 47), "America/New_York", None, "US", "White House", 40,
                   "in_person", ["person:abe_shinzo", "person:trump_donald"])], id="heisei-page-with-full-width-commas"),
]


@pytest.mark.parametrize(("text", "published", "expected"), MINISTRY_READOUTS)
def test_ministry_readouts(text, published, expected):
    assert _read(text, published) == expected


PRIME_MINISTERS_OFFICE = [
    pytest.param("日米首脳会談\n令和5年5月18日\n岸田総理は、広島市内で、ジョセフ・バイデン・アメリカ合衆国大統領と日米首脳会談を"
                 "行いました。", "2023-05-18",
                 [("summit", D(2023, 5, 18), None, "Asia/Tokyo", "Hiroshima", "JP", None, None, "in_person",
                   [BIDEN, KISHIDA])], id="the-page-date-dates-a-meeting-at-home"),
    pytest.param("総理の一日\n令和5年5月18日\n岸田総理は、広島県広島市で、バイデン大統領と日米首脳会談を行いました。", "2023-05-18",
                 [("summit", D(2023, 5, 18), None, "Asia/Tokyo", "Hiroshima", "JP", None, None, "in_person",
                   [BIDEN, KISHIDA])], id="a-day-of-the-prime-minister-is-no-date"),
    pytest.param("日米首脳電話会談\n令和5年1月6日\n岸田総理は、バイデン大統領と日米首脳電話会談を行いました。", "2023-01-06",
                 [("phone_call", D(2023, 1, 6), None, None, None, None, None, None, "phone", [BIDEN, KISHIDA])],
                 id="a-call-on-the-page-date"),
    # abroad, the day in Japan the page is dated need not be the day of the meeting there: left null
    pytest.param("日米首脳会談\n令和6年4月11日\n岸田総理は、ワシントンで、バイデン大統領と日米首脳会談を行いました。", "2024-04-11",
                 [("summit", None, None, "America/New_York", "Washington", "US", None, None, "in_person",
                   [BIDEN, KISHIDA])], id="abroad-the-page-date-is-not-the-day"),
]


@pytest.mark.parametrize(("text", "published", "expected"), PRIME_MINISTERS_OFFICE)
def test_prime_ministers_office_reports(text, published, expected):
    assert _read(text, published) == expected


WIRE_DATELINES_AND_BYLINES = [
    pytest.param("岸田首相、バイデン氏と会談\n【ワシントン共同】岸田文雄首相は10日午前（日本時間同日深夜）、ホワイトハウスでバイデン"
                 "大統領と会談した。", "2024-04-11",
                 [("summit", D(2024, 4, 10), None, "America/New_York", "Washington", "US", "White House", None,
                   "in_person", [BIDEN, KISHIDA])], id="kyodo-dateline-japan-time-apposition"),
    pytest.param("日米首脳会談\n【ワシントン時事】岸田文雄首相は10日、バイデン米大統領とホワイトハウスで約2時間会談した。", "2024-04-11",
                 [("summit", D(2024, 4, 10), None, "America/New_York", "Washington", "US", "White House", 120,
                   "in_person", [BIDEN, KISHIDA])], id="jiji-dateline"),
    pytest.param("日米首脳会談\n【ワシントン＝山田太郎】岸田文雄首相は10日、バイデン米大統領と会談した。", "2024-04-11",
                 [("summit", D(2024, 4, 10), None, "America/New_York", "Washington", "US", None, None, "in_person",
                   [BIDEN, KISHIDA])], id="dateline-with-the-reporter"),
    pytest.param("日米首脳会談\n岸田文雄首相は10日、バイデン米大統領と会談した。\n（ワシントン　山田太郎）", "2024-04-11",
                 [("summit", D(2024, 4, 10), None, "America/New_York", "Washington", "US", None, None, "in_person",
                   [BIDEN, KISHIDA])], id="byline-at-the-end"),
    pytest.param("日米首脳会談\n岸田文雄首相は10日、東京でバイデン米大統領と会談した。\n（ワシントン＝山田太郎）", "2024-04-11",
                 [("summit", D(2024, 4, 10), None, "Asia/Tokyo", "Tokyo", "JP", None, None, "in_person",
                   [BIDEN, KISHIDA])], id="the-text-names-the-place-the-byline-does-not-override"),
]


@pytest.mark.parametrize(("text", "published", "expected"), WIRE_DATELINES_AND_BYLINES)
def test_wire_datelines_and_bylines(text, published, expected):
    assert _read(text, published) == expected


_NHK_REPORT = ("日米首脳会談\nアメリカを訪れている岸田総理大臣は、ワシントンのホワイトハウスで、11日午前0時半ごろからバイデン大統領と"
               "およそ1時間半会談しました。")

# NHK tells an unmarked time in Japan time wherever the meeting is; 現地時間 is still the place's own time
NHK_JAPAN_TIME = [
    pytest.param(_NHK_REPORT, "NHK NEWS WEB", None,
                 [("summit", D(2024, 4, 10), _t(2024, 4, 10, 15, 30), "America/New_York", "Washington", "US",
                   "White House", 90, "in_person", [BIDEN, KISHIDA])], id="publisher-nhk"),
    pytest.param(_NHK_REPORT, None, "https://www3.nhk.or.jp/news/html/20240411/k10000000000000.html",
                 [("summit", D(2024, 4, 10), _t(2024, 4, 10, 15, 30), "America/New_York", "Washington", "US",
                   "White House", 90, "in_person", [BIDEN, KISHIDA])], id="nhk-address"),
    pytest.param(_NHK_REPORT, "共同通信", None,
                 [("summit", D(2024, 4, 11), _t(2024, 4, 11, 4, 30), "America/New_York", "Washington", "US",
                   "White House", 90, "in_person", [BIDEN, KISHIDA])], id="others-time-of-the-place"),
    pytest.param(_NHK_REPORT.replace("11日午前0時半", "現地時間の10日午前10時半"), "NHK NEWS WEB", None,
                 [("summit", D(2024, 4, 10), _t(2024, 4, 10, 14, 30), "America/New_York", "Washington", "US",
                   "White House", 90, "in_person", [BIDEN, KISHIDA])], id="nhk-local-time-marked"),
]


@pytest.mark.parametrize(("text", "publisher", "url", "expected"), NHK_JAPAN_TIME)
def test_nhk_japan_time(text, publisher, url, expected):
    assert _read(text, "2024-04-11", publisher, url) == expected


# the same page template for meetings that are not US–Japan ones, or not meetings held: no row
NO_US_JAPAN_MEETING = [
    pytest.param("日中首脳会談\n令和5年11月17日\n　現地時間11月16日午後5時15分から約65分間、APEC首脳会議に出席するため米国を訪問中の"
                 "岸田文雄内閣総理大臣は、習近平中国国家主席と日中首脳会談を行ったところ、概要は以下のとおりです。\n1　冒頭、両首脳は"
                 "戦略的互恵関係を包括的に推進することを再確認しました。", "2023-11-17", id="japan-china-on-a-visit-to-the-us"),
    pytest.param("日韓首脳会談\n令和5年3月16日\n　3月16日、午後5時30分から約85分間、岸田文雄内閣総理大臣は、尹錫悦大韓民国大統領と日韓"
                 "首脳会談を行ったところ、概要は以下のとおりです。", "2023-03-16", id="japan-rok"),
    pytest.param("日米豪印首脳会合\n令和4年5月24日\n　5月24日、午前10時から約1時間半、岸田文雄内閣総理大臣は、東京で日米豪印首脳会合を"
                 "主催しました。概要は以下のとおりです。", "2022-05-24", id="quad-session-without-a-bilateral"),
    pytest.param("岸田内閣総理大臣記者会見\n令和6年4月11日\n　本日、ワシントンで記者会見を行いました。", "2024-04-11",
                 id="press-conference"),
]


@pytest.mark.parametrize(("text", "published"), NO_US_JAPAN_MEETING)
def test_no_us_japan_meeting_in_the_template(text, published):
    assert _read(text, published) == []
