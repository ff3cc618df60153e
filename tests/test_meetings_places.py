"""Where a meeting took place: city and country from the words the texts use, one family per table.

Each row is a small document (its first line is the title) with its publication date, next to the
(type, local date, city, country) of its meetings. The sentences are written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from test_meetings import _one_document

D = dt.date


def _places(text: str, published: str) -> list[tuple]:
    m = _one_document(text, published)["meetings"].sort("date_local", "meeting_type", nulls_last=True)
    return [(r["meeting_type"], r["date_local"], r["city"], r["country_code"]) for r in m.iter_rows(named=True)]


JAPANESE_FORMS = [
    pytest.param("日米首脳会談\n石破茂首相は15日、訪問先のペルー・リマでバイデン米大統領と会談した。", "2024-11-16",
                 [("summit", D(2024, 11, 15), "Lima", "PE")], id="country-dot-city-on-a-visit"),
    pytest.param("日米首脳会談\n石破茂首相は15日、リマでバイデン米大統領と会談した。", "2024-11-16",
                 [("summit", D(2024, 11, 15), "Lima", "PE")], id="city-alone"),
    pytest.param("日米韓防衛相会談\n○国務大臣（浜田靖一君）　五月の三十日にシンガポールに参りまして、日米韓の三か国の防衛相会談を"
                 "行ったところであります。", "2009-06-02", [("other", D(2009, 5, 30), "Singapore", "SG")],
                 id="the-speaker-went-there"),
]


@pytest.mark.parametrize(("text", "published", "expected"), JAPANESE_FORMS)
def test_japanese_forms(text, published, expected):
    assert _places(text, published) == expected


def _places_and_zones(text: str, published: str) -> list[tuple]:
    m = _one_document(text, published)["meetings"].sort("date_local", "meeting_type", nulls_last=True)
    return [(r["meeting_type"], r["date_local"], r["city"], r["country_code"], r["tz_local"], r["mode"])
            for r in m.iter_rows(named=True)]


# bilaterals on the margins of summits and ministers' meetings abroad: the host city, its country and zone
HOST_CITIES = [
    pytest.param("日米首脳会談\n岸田文雄首相は17日、APEC首脳会議が開かれている米サンフランシスコでバイデン大統領と会談した。",
                 "2023-11-18", [("summit", D(2023, 11, 17), "San Francisco", "US", "America/Los_Angeles", "in_person")],
                 id="apec-san-francisco"),
    pytest.param("日米首脳会談\n菅義偉首相は12日、G7サミットが開かれている英南西部コーンウォールでバイデン大統領と短時間会談した。",
                 "2021-06-13", [("summit", D(2021, 6, 12), "Cornwall", "GB", "Europe/London", "in_person")],
                 id="g7-cornwall"),
    pytest.param("日米首脳会談\n岸田文雄首相は13日、イタリア南部プーリア州でバイデン大統領と会談した。", "2024-06-14",
                 [("summit", D(2024, 6, 13), "Apulia", "IT", "Europe/Rome", "in_person")], id="g7-apulia"),
    pytest.param("日米首脳会談\n石破茂首相は16日、カナダ西部カナナスキスでトランプ米大統領と約30分会談した。", "2025-06-17",
                 [("summit", D(2025, 6, 16), "Kananaskis", "CA", "America/Edmonton", "in_person")], id="g7-kananaskis"),
    pytest.param("日米外相会談\n上川陽子外相は27日、ASEAN関連外相会議が開かれているラオスの首都ビエンチャンでブリンケン米国務長官"
                 "と会談した。", "2024-07-28",
                 [("foreign_ministers", D(2024, 7, 27), "Vientiane", "LA", "Asia/Vientiane", "in_person")],
                 id="asean-vientiane-ministers"),
    pytest.param("日米首脳が立ち話\n岸田文雄首相は15日、G20首脳会議が開かれているインドネシア・バリ島でバイデン大統領と立ち話を"
                 "した。", "2022-11-16", [("summit", D(2022, 11, 15), "Bali", "ID", "Asia/Makassar", "in_person")],
                 id="g20-bali-brief-talk"),
    pytest.param("日米会談\n安倍晋三首相は17日、パプアニューギニアの首都ポートモレスビーでペンス米副大統領と会談した。", "2018-11-18",
                 [("other", D(2018, 11, 17), "Port Moresby", "PG", "Pacific/Port_Moresby", "in_person")],
                 id="apec-port-moresby-vice-president"),
    pytest.param("日米首脳会談\n安倍晋三首相は23日午後（日本時間24日未明）、国連総会出席のため訪れている米ニューヨークでトランプ"
                 "大統領と会談した。", "2019-09-24",
                 [("summit", D(2019, 9, 23), "New York", "US", "America/New_York", "in_person")], id="unga-new-york"),
    pytest.param("日米外相会談\n岸田文雄外相は19日、ヨルダンの首都アンマンでケリー国務長官と会談した。", "2016-01-20",
                 [("foreign_ministers", D(2016, 1, 19), "Amman", "JO", "Asia/Amman", "in_person")],
                 id="a-capital-from-geonames"),
    pytest.param("日米首脳会談\n安倍晋三首相は25日夜、伊勢志摩サミットを前に、三重県志摩市でオバマ大統領と会談した。", "2016-05-27",
                 [("summit", D(2016, 5, 25), "Shima", "JP", "Asia/Tokyo", "in_person")],
                 id="a-clause-of-circumstance-between-day-and-meeting"),
    pytest.param("日米首脳会談\n菅直人首相は13日、横浜市内のホテルでオバマ大統領と約50分会談した。", "2010-11-14",
                 [("summit", D(2010, 11, 13), "Yokohama", "JP", "Asia/Tokyo", "in_person")], id="apec-yokohama-in-the-city"),
]


@pytest.mark.parametrize(("text", "published", "expected"), HOST_CITIES)
def test_host_cities(text, published, expected):
    assert _places_and_zones(text, published) == expected


# near a city is not in it: the city stays null, its country and zone are the meeting's
NEAR_A_CITY = [
    pytest.param("日米首脳会談\n岸田文雄首相は16日、サンフランシスコ近郊でバイデン大統領と会談した。", "2023-11-17",
                 [("summit", D(2023, 11, 16), None, "US", "America/Los_Angeles", "in_person")], id="kinko"),
    pytest.param("日米首脳会談\n安倍晋三首相は10日、ワシントンの郊外でトランプ大統領と会談した。", "2017-02-11",
                 [("summit", D(2017, 2, 10), None, "US", "America/New_York", "in_person")], id="no-kogai"),
    pytest.param("Readout of the President's Meeting with Prime Minister Kishida of Japan\nPresident Biden met with Prime "
                 "Minister Kishida of Japan today near San Francisco.", "2023-11-16",
                 [("summit", D(2023, 11, 16), None, "US", "America/Los_Angeles", "in_person")], id="near-in-english"),
]


@pytest.mark.parametrize(("text", "published", "expected"), NEAR_A_CITY)
def test_near_a_city(text, published, expected):
    assert _places_and_zones(text, published) == expected


ENGLISH_FORMS = [
    pytest.param("Readout of President Biden's Meeting with Prime Minister Kishida of Japan\nPresident Biden met with "
                 "Prime Minister Kishida Fumio of Japan today in Wilmington, Delaware.", "2024-09-21",
                 [("summit", D(2024, 9, 21), "Wilmington", "US")], id="in-a-city-of-a-state"),
    pytest.param("Remarks by President Biden, Prime Minister Kishida of Japan, and President Yoon Suk Yeol of the "
                 "Republic of Korea Before Trilateral Meeting\nSokha Hotel\nPhnom Penh, Cambodia\n4:37 P.M. ICT\n"
                 "PRESIDENT BIDEN: We grieve with the victims in Seoul two weeks ago.", "2022-11-13",
                 [("trilateral_summit", D(2022, 11, 13), "Phnom Penh", "KH")], id="place-line-not-a-city-talked-of"),
    pytest.param("Press Gaggle by the Press Secretary En Route Lima, Peru\nAboard Air Force One En Route Lima, Peru\n"
                 "3:40 P.M. EST\nTomorrow, the president will also have a brief meeting with Prime Minister Ishiba "
                 "of Japan and President Biden will discuss the alliance.", "2024-11-14",
                 [("summit", D(2024, 11, 15), "Lima", "PE")], id="a-meeting-ahead-at-the-destination"),
    pytest.param("Remarks by President Biden and Prime Minister Suga of Japan Before Bilateral Meeting\n3:09 P.M. EDT\n"
                 "PRESIDENT BIDEN: I'm honored to have Prime Minister Suga here.\nPRIME MINISTER SUGA: Thank you for "
                 "the warm welcome upon my visit to the United States.", "2021-04-16",
                 [("summit", D(2021, 4, 16), None, "US")], id="the-visit-the-text-tells-of"),
]


@pytest.mark.parametrize(("text", "published", "expected"), ENGLISH_FORMS)
def test_english_forms(text, published, expected):
    assert _places(text, published) == expected
