"""Japanese reports of meetings abroad: the local date from days stated with a zone, and days that reach the
meeting word through its place and its list of people. One family per table; the sentences are written for
these tests in the style of wire reports and ministry readouts.
"""

from __future__ import annotations

import datetime as dt

import pytest

from test_meetings import _one_document

D = dt.date


def _rows(text: str, published: str) -> list[tuple]:
    m = _one_document(text, published)["meetings"].sort("date_local", "meeting_type", nulls_last=True)
    return [(r["meeting_type"], r["date_local"], r["city"], r["country_code"]) for r in m.iter_rows(named=True)]


ZONED_DAYS = [
    pytest.param("日米首脳会談\n岸田文雄首相は2日午前9時（米東部時間）、ワシントンでバイデン米大統領と約1時間会談した。",
                 "2024-04-03", [("summit", D(2024, 4, 2), "Washington", "US")], id="zone-in-brackets-after-the-clock"),
    pytest.param("日米首脳会談\n岸田文雄首相は米太平洋時間10日午後2時、サンフランシスコでバイデン米大統領と会談した。",
                 "2023-11-11", [("summit", D(2023, 11, 10), "San Francisco", "US")], id="zone-before-the-day"),
    pytest.param("日米安全保障協議委員会\n1月11日（現地時間）、ワシントンDCにおいて、日米安全保障協議委員会（日米「2+2」）が開催"
                 "された。", "2023-01-12", [("2plus2", D(2023, 1, 11), "Washington", "US")], id="local-time-in-brackets"),
    pytest.param("日米外相会談\nニューヨークを訪れている茂木外務大臣は日本時間の22日未明、ポンペオ国務長官と会談しました。",
                 "2019-09-22", [("foreign_ministers", D(2019, 9, 21), "New York", "US")],
                 id="japan-time-before-dawn-is-the-day-before-in-new-york"),
    pytest.param("日米首脳会談\n岸田首相は日本時間14日午前、ワシントンでバイデン大統領と会談した。", "2024-01-14",
                 [("summit", D(2024, 1, 13), "Washington", "US")], id="japan-time-morning-is-the-evening-before"),
    pytest.param("日米首脳会談\n岸田首相は日本時間14日、ワシントンでバイデン大統領と会談した。", "2024-01-14",
                 [("summit", None, "Washington", "US")], id="a-japan-day-spans-two-days-there-null"),
    pytest.param("日米首脳会談\n岸田首相は13日午前（日本時間14日未明）、ワシントンでバイデン大統領と会談した。", "2024-01-14",
                 [("summit", D(2024, 1, 13), "Washington", "US")], id="local-day-with-japan-time-in-brackets"),
    pytest.param("日米首脳会談\n岸田首相は14日、東京でバイデン大統領と会談した。", "2024-01-14",
                 [("summit", D(2024, 1, 14), "Tokyo", "JP")], id="at-home-the-day-is-the-day"),
]


@pytest.mark.parametrize(("text", "published", "expected"), ZONED_DAYS)
def test_zoned_days(text, published, expected):
    assert _rows(text, published) == expected


DAYS_THROUGH_PLACES_AND_LISTS = [
    pytest.param("日米韓首脳会談\n岸田総理大臣は18日、キャンプ・デービッドで、バイデン大統領、韓国のユン・ソンニョル大統領と"
                 "日米韓3か国の首脳会談を行いました。", "2023-08-19", [("trilateral_summit", D(2023, 8, 18), "Camp David", "US")],
                 id="place-and-list-between-day-and-meeting"),
    pytest.param("日米「2＋2」\n林外務大臣と浜田防衛大臣は11日、ワシントンでブリンケン国務長官、オースティン国防長官と日米安全"
                 "保障協議委員会（日米「2プラス2」）を開催しました。", "2023-01-12", [("2plus2", D(2023, 1, 11), "Washington", "US")],
                 id="place-with-the-first-of-a-list"),
    pytest.param("日米比首脳会談\n岸田総理大臣は11日、ホワイトハウスでバイデン大統領、フィリピンのマルコス大統領と日米比首脳会談"
                 "を行いました。", "2024-04-12", [("trilateral_summit", D(2024, 4, 11), None, "US")], id="venue-and-list"),
    pytest.param("日米首脳会談\n首相は10日に来日する予定で、バイデン大統領との首脳会談も行う。", "2024-04-01",
                 [("summit", None, None, None)], id="another-verbs-day-does-not-pass"),
]


@pytest.mark.parametrize(("text", "published", "expected"), DAYS_THROUGH_PLACES_AND_LISTS)
def test_days_through_places_and_lists(text, published, expected):
    assert _rows(text, published) == expected


UTC = dt.timezone.utc

CLOCKS_OF_THE_TALKS = [
    pytest.param("日米首脳会談\n岸田文雄首相は2日午前9時（米東部時間）、ワシントンでバイデン米大統領と約1時間会談した。",
                 "2024-04-03", dt.datetime(2024, 4, 2, 13, 0, tzinfo=UTC), id="clock-with-its-zone-in-brackets"),
    pytest.param("日米首脳会談\n岸田文雄首相は米太平洋時間10日午後2時、サンフランシスコでバイデン米大統領と会談した。",
                 "2023-11-11", dt.datetime(2023, 11, 10, 22, 0, tzinfo=UTC), id="zone-before-the-clock"),
    pytest.param("日米首脳会談\n岸田文雄首相は2日午前9時、ホワイトハウスに到着し、バイデン米大統領と会談した。", "2024-04-03",
                 None, id="the-clock-of-another-verb"),
]


@pytest.mark.parametrize(("text", "published", "expected"), CLOCKS_OF_THE_TALKS)
def test_clocks_of_the_talks(text, published, expected):
    m = _one_document(text, published)["meetings"]
    assert m["start_utc"].to_list() == [expected]


def test_the_clock_of_an_announcement_is_not_the_start():
    text = ("日米「2+2」\n防衛省は7月28日18時45分、同日、防衛大臣と外務大臣が日米安全保障協議委員会を東京において実施したことを"
            "公表した。")
    assert _one_document(text, "2024-07-28")["meetings"]["start_utc"].to_list() == [None]


LENGTHS = [
    pytest.param("日米首脳会談\n岸田首相は10日午後3時から4時10分まで、ホワイトハウスでバイデン大統領と会談した。", "2024-04-11", 70,
                 id="span-with-the-end-in-the-same-half-day"),
    pytest.param("日米首脳会談\n岸田首相は10日午前11時から午後1時まで、ホワイトハウスでバイデン大統領と会談した。", "2024-04-11", 120,
                 id="span-across-noon"),
    pytest.param("日米首脳会談\n岸田首相は10日、ホワイトハウスでバイデン大統領と少人数会合と拡大会合を計約1時間半行った。",
                 "2024-04-11", 90, id="a-total"),
    pytest.param("日米首脳会談\n岸田首相は10日午後3時から、ホワイトハウスでバイデン大統領と会談した。", "2024-04-11", None,
                 id="a-start-alone-is-no-length"),
]


@pytest.mark.parametrize(("text", "published", "expected"), LENGTHS)
def test_lengths(text, published, expected):
    assert _one_document(text, published)["meetings"]["duration_minutes"].to_list() == [expected]
