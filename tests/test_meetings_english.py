"""English readouts, statements and transcripts: which meetings they report, one family of phrasing per table.

Each row is a small document (its first line is the title) with its publication date, next to the meetings
expected as (type, local date), in date order. The sentences are written for these tests in the phrasing of
White House pages.
"""

from __future__ import annotations

import datetime as dt

import pytest

from test_meetings import _one_document

D = dt.date


def _meetings(text: str, published: str) -> list[tuple]:
    m = _one_document(text, published)["meetings"].sort("date_local", "meeting_type", nulls_last=True)
    return [(r["meeting_type"], r["date_local"]) for r in m.iter_rows(named=True)]


def _principals(text: str, published: str) -> list[str]:
    out = _one_document(text, published)
    return sorted(out["meeting_participants"].filter(out["meeting_participants"]["side"] == "principal")["entity_id"])


GROUPINGS = [
    pytest.param("Readout of the Economic Dialogue\nFollowing the March 3, 2023 Tokyo Summit of the US – Japan – "
                 "Republic of Korea Trilateral Partnership, officials met in Honolulu.", "2023-04-01",
                 [("trilateral_summit", D(2023, 3, 3))], id="spaced-dashes-after-of"),
    pytest.param("Background Press Call on the U.S.-ROK-Japan Trilateral Meeting\nMODERATOR: Thanks, everyone.\n"
                 "SENIOR ADMINISTRATION OFFICIAL: Sure. We just wrapped up the trilateral leaders-level meeting "
                 "between President Biden, President Yoon Suk Yeol and Prime Minister Ishiba Shigeru.", "2024-11-15",
                 [("trilateral_summit", D(2024, 11, 15))], id="title-grouping-just-held"),
    pytest.param("Remarks by President Biden\nToday we mark the first-ever leaders' summit between the United "
                 "States, Japan, and the Philippines, with President Marcos and Prime Minister Kishida.",
                 "2024-04-11", [("trilateral_summit", D(2024, 4, 11))], id="listed-after-between"),
    pytest.param("Statement\nPresident Biden welcomed the Japan-ROK summit held today by Prime Minister Kishida and "
                 "President Yoon Suk Yeol.", "2023-03-16", [], id="japan-rok-is-no-us-japan-meeting"),
    pytest.param("Statement\nToday the summit of Australia, India, Japan and the United States was held in Tokyo "
                 "with President Biden and Prime Minister Kishida.", "2022-05-24", [], id="four-countries-quad"),
]


@pytest.mark.parametrize(("text", "published", "expected"), GROUPINGS)
def test_country_groupings(text, published, expected):
    assert _meetings(text, published) == expected


JOINT_ACTS = [
    pytest.param("Joint Statement of Japan, the Philippines, and the United States\nWe, the leaders of Japan, the "
                 "Philippines, and the United States, met in Washington to chart a path forward.", "2024-04-11",
                 [("trilateral_summit", D(2024, 4, 11))], id="we-the-leaders-met"),
    pytest.param("Japan-U.S. Joint Leaders' Statement\nToday, Japan and the United States affirm a partnership "
                 "stronger than ever.\nIn this spirit, Prime Minister Kishida Fumio welcomed Joseph R. Biden, Jr. "
                 "to Japan on his first visit as President.", "2022-05-23", [("summit", D(2022, 5, 23))],
                 id="host-welcomed-the-visitor"),
    pytest.param("Press Briefing\nPresident Biden looks forward to welcoming Prime Minister Suga to the White "
                 "House on Friday, April 16th.", "2021-04-02", [("summit", D(2021, 4, 16))],
                 id="welcoming-on-a-day"),
    pytest.param("Fact Sheet: Investments\nToday in Tokyo, President Donald J. Trump announced projects with "
                 "Japan.\nPresident Trump and Prime Minister Sanae Takaichi conducted a signing ceremony for the "
                 "agreement.", "2025-10-28", [("summit", D(2025, 10, 28))], id="signing-ceremony"),
    pytest.param("Statement\nPrime Minister Kishida welcomed the U.S. strategy to Japan's security.",
                 "2022-05-23", [], id="welcomed-a-thing-is-no-meeting"),
]


@pytest.mark.parametrize(("text", "published", "expected"), JOINT_ACTS)
def test_joint_acts_and_visits(text, published, expected):
    assert _meetings(text, published) == expected


FORMATS_AND_LENGTHS = [
    pytest.param("Background Press Call on President Biden's Meeting With Prime Minister Kishida of Japan\n"
                 "This is a call to read out the President's meeting with Prime Minister Kishida.\nWe just "
                 "concluded a 90-minute session — a virtual session between Prime Minister Kishida and President "
                 "Biden.", "2022-01-21", [("video_call", D(2022, 1, 21), 90)], id="title-meeting-takes-the-format"),
    pytest.param("Remarks by President Biden on Semiconductors\nI spent about an hour and a half today with the "
                 "Japanese Prime Minister on a virtual meeting.", "2022-01-21", [("video_call", D(2022, 1, 21), 90)],
                 id="length-of-a-meeting-in-passing"),
]


@pytest.mark.parametrize(("text", "published", "expected"), FORMATS_AND_LENGTHS)
def test_formats_and_lengths(text, published, expected):
    m = _one_document(text, published)["meetings"]
    assert [(r["meeting_type"], r["date_local"], r["duration_minutes"]) for r in m.iter_rows(named=True)] == expected


WHO_SPEAKS = [
    pytest.param("Remarks by President Biden on Semiconductors\nI spent about an hour today with the Japanese Prime "
                 "Minister on a virtual meeting with our staffs.", "2022-01-21", [("video_call", D(2022, 1, 21))],
                 id="speaker-I-and-demonym-title"),
    pytest.param("Press Gaggle\nPresident Biden will travel to Wilmington this afternoon.\nThe first meeting will be "
                 "this evening with Prime Minister Albanese.\nTomorrow morning, he will meet individually with Prime "
                 "Minister Kishida and then meet with Prime Minister Modi.", "2024-09-21",
                 [("summit", D(2024, 9, 22))], id="pronoun-and-two-bilaterals-in-one-sentence"),
    pytest.param("Press Gaggle\nTomorrow morning, Prime Minister Modi will meet with Prime Minister Albanese.",
                 "2024-09-21", [], id="two-other-leaders"),
    pytest.param("Readout of President Biden's Meeting with Partners\nOn the margins of the NATO Summit, President "
                 "Biden met today with President Yoon Suk Yeol of the Republic of Korea, Prime Minister Kishida Fumio "
                 "of Japan, Prime Minister Christopher Luxon of New Zealand, and Deputy Prime Minister Richard "
                 "Marles of Australia.", "2024-07-11", [("other", D(2024, 7, 11))], id="five-countries-are-other"),
    pytest.param("Statement Marking the Anniversary of the Strategy\nOver two years, we have done much.\nIn "
                 "addition, President Biden hosted the historic U.S.-Japan-ROK trilateral summit at Camp David.",
                 "2024-02-09", [], id="undated-recollection-under-another-title"),
]


@pytest.mark.parametrize(("text", "published", "expected"), WHO_SPEAKS)
def test_who_speaks(text, published, expected):
    assert _meetings(text, published) == expected


ATTENDEES = [
    pytest.param("Remarks by President Biden and Prime Minister Kishida at Arrival Ceremony\nPRESIDENT BIDEN: Mr. "
                 "Prime Minister, Mrs. Kishida, welcome.\nOn behalf of Jill and me, welcome to the White House.",
                 "2024-04-10", ["person:biden_jill", "person:kishida_yuko"], id="greeted-guests-and-the-host-couple"),
    pytest.param("Remarks by President Biden and Prime Minister Kishida at Arrival Ceremony\nPRESIDENT BIDEN: Mr. "
                 "Prime Minister, welcome to the White House.", "2024-04-10", [], id="no-one-else-named"),
]


@pytest.mark.parametrize(("text", "published", "expected"), ATTENDEES)
def test_attendees_greeted(text, published, expected):
    out = _one_document(text, published)
    parts = out["meeting_participants"]
    assert sorted(parts.filter(parts["side"] == "attendee")["entity_id"]) == expected


TRILATERAL_PRINCIPALS = [
    pytest.param("Remarks by President Biden, Prime Minister Kishida of Japan, and President Yoon Suk Yeol of the "
                 "Republic of Korea Before Trilateral Meeting\nPRESIDENT BIDEN: Well, welcome to you both.",
                 "2022-11-13", ["person:biden_joe", "person:kishida_fumio", "person:yoon_suk_yeol"],
                 id="third-leader-named-in-the-title"),
]


@pytest.mark.parametrize(("text", "published", "expected"), TRILATERAL_PRINCIPALS)
def test_trilateral_principals(text, published, expected):
    assert _principals(text, published) == expected


SPEECHES = [
    pytest.param("○国務大臣（岡田克也君）　ＳＣＣは２プラス２、私と防衛大臣の会議でありますので、私からお答えします。",
                 "2010-09-09", [], id="a-definition-is-no-meeting"),
    pytest.param("○国務大臣（林芳正君）　首脳会談あるいは２プラス２を初めとする累次の機会に確認してきております。",
                 "2022-03-16", [], id="repeated-occasions-in-passing"),
    pytest.param("○内閣総理大臣（菅義偉君）　今回の日米首脳会談の意義についてお尋ねがありました。バイデン大統領との"
                 "初会談を行いました。", "2021-04-20", [("summit", None)], id="this-meeting-is-the-subject"),
]


@pytest.mark.parametrize(("text", "published", "expected"), SPEECHES)
def test_undated_meetings_in_speeches(text, published, expected):
    assert _meetings(text, published) == expected
