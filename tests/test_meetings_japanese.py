"""Japanese readouts and wire reports: who met and how, one family of phrasing per table.

Each row is a small document (a headline, then the report) with its publication date, next to the meetings
expected as (type, local date, mode). The sentences are written for these tests in the style of ministry
readouts and news reports.
"""

from __future__ import annotations

import datetime as dt

import pytest

from test_meetings import _one_document

D = dt.date


def _meetings(text: str, published: str) -> list[tuple]:
    m = _one_document(text, published)["meetings"].sort("date_local", "meeting_type", nulls_last=True)
    return [(r["meeting_type"], r["date_local"], r["mode"]) for r in m.iter_rows(named=True)]


LEVELS_AND_FORMATS = [
    pytest.param("日米外相電話会談\n上川外務大臣は22日、ブリンケン米国務長官と約30分間、電話会談を行いました。", "2024-02-23",
                 [("foreign_ministers", D(2024, 2, 22), "phone")], id="ministers-by-phone-keep-their-level"),
    pytest.param("日米防衛相会談\n浜田防衛大臣は1日、シンガポールでオースティン米国防長官と会談しました。", "2023-06-02",
                 [("defense_ministers", D(2023, 6, 1), "in_person")], id="defence-ministers-abroad"),
    pytest.param("日米2プラス2\n日米両政府は11日、外務・防衛担当閣僚による安全保障協議委員会（2プラス2）をワシントンで開いた。",
                 "2023-01-12", [("2plus2", D(2023, 1, 11), "in_person")], id="security-consultative-committee"),
    pytest.param("日米2+2テレビ会議\n林外務大臣と岸防衛大臣は7日、ブリンケン国務長官及びオースティン国防長官とテレビ会議形式で"
                 "日米「2+2」を開催しました。", "2022-01-08", [("2plus2", D(2022, 1, 7), "video")],
                 id="format-before-the-meeting"),
    pytest.param("日米首脳テレビ会談\n岸田総理大臣は21日夜、バイデン大統領とテレビ会議方式で約1時間20分会談しました。",
                 "2022-01-22", [("video_call", D(2022, 1, 21), "video")], id="leaders-by-video"),
    pytest.param("日米首脳の立ち話\n岸田首相は16日、サンフランシスコでバイデン大統領と立ち話をした。", "2023-11-17",
                 [("summit", D(2023, 11, 16), "in_person")], id="a-word-in-passing-is-a-meeting"),
    pytest.param("日米首脳懇談\n岸田首相は21日、ニューヨークでバイデン米大統領と約30分懇談した。", "2022-09-22",
                 [("summit", D(2022, 9, 21), "in_person")], id="an-informal-talk"),
    pytest.param("日米首脳ワーキングランチ\n岸田総理大臣は18日、広島市でバイデン大統領とワーキングランチを行いました。", "2023-05-19",
                 [("other", D(2023, 5, 18), "in_person")], id="working-lunch"),
    pytest.param("日米韓防衛相会談\n○国務大臣（浜田靖一君）　五月の三十日にシンガポールに参りまして、日米韓の三か国の防衛相会談を"
                 "行ったところであります。", "2009-06-02", [("other", D(2009, 5, 30), "in_person")],
                 id="three-countries-ministers-are-other"),
]


@pytest.mark.parametrize(("text", "published", "expected"), LEVELS_AND_FORMATS)
def test_levels_and_formats(text, published, expected):
    assert _meetings(text, published) == expected


NOT_US_JAPAN = [
    pytest.param("日中首脳会談\n岸田文雄首相は16日、サンフランシスコで中国の習近平国家主席と会談した。", "2023-11-17",
                 id="japan-china-in-the-same-template"),
    pytest.param("日韓首脳会談\n岸田文雄首相は17日、サンフランシスコで韓国の尹錫悦大統領と会談した。", "2023-11-17",
                 id="japan-rok-in-the-same-template"),
    pytest.param("日米首脳会談調整\n政府は岸田首相とバイデン大統領の首脳会談を調整している。", "2024-07-10",
                 id="a-meeting-being-arranged"),
    pytest.param("日米合同委員会\n日米合同委員会が10日、外務省で開かれた。", "2024-07-10", id="a-standing-body"),
    pytest.param("クアッド首脳会合\n日米豪印の4か国首脳会合が24日、首相官邸で開かれた。", "2022-05-25",
                 id="quad-without-a-bilateral"),
    pytest.param("共同記者会見\n岸田首相とバイデン大統領は10日、ホワイトハウスで共同記者会見を行った。", "2024-04-11",
                 id="a-press-conference"),
    pytest.param("日米豪印外相会合\n上川外相は29日、ブリンケン国務長官らと日米豪印外相会合を開いた。", "2024-07-29",
                 id="four-foreign-ministers"),
]


@pytest.mark.parametrize(("text", "published"), NOT_US_JAPAN)
def test_no_us_japan_meeting(text, published):
    assert _meetings(text, published) == []


DIET_DAYS = [
    pytest.param("○石井啓一君　総理は、二十三日に日米首脳会談に臨まれ、認識を共有されたことを評価いたします。", "2022-05-25",
                 [("summit", D(2022, 5, 23), None)], id="a-day-of-the-sitting-month-already-past"),
    pytest.param("○国務大臣（岸田文雄君）　この改定は四月の二十七日に日米２プラス２で合意がなされたものであります。",
                 "2015-08-07", [("2plus2", D(2015, 4, 27), None)], id="month-no-day"),
    pytest.param("○国務大臣（玄葉光一郎君）　十二月十九日の日米外相会談のときに、互いに知恵を出そうと申し上げました。",
                 "2012-03-05", [("foreign_ministers", D(2011, 12, 19), None)], id="the-last-such-day-before-the-sitting"),
]


@pytest.mark.parametrize(("text", "published", "expected"), DIET_DAYS)
def test_days_of_diet_speeches(text, published, expected):
    assert _meetings(text, published) == expected
