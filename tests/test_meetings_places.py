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
