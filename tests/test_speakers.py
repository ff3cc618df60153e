"""Speakers of Diet speeches: the mark that opens a speech, and who it names on the sitting date."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from nichibei.clean.speech import speaker_mark
from nichibei.extract.entities.resolve import load_reference, offices_table
from nichibei.extract.speakers import find_speakers


@pytest.mark.parametrize(("text", "surface", "name", "family", "initial", "title"), [
    pytest.param("○岸田国務大臣　お答えします。", "岸田国務大臣", None, "岸田", None, "国務大臣", id="family-and-title"),
    pytest.param("○麻生内閣総理大臣　今、", "麻生内閣総理大臣", None, "麻生", None, "内閣総理大臣", id="prime-minister"),
    pytest.param("○内閣総理大臣（岸田文雄君）　お答え", "内閣総理大臣（岸田文雄君）", "岸田文雄", None, None, "内閣総理大臣",
                 id="title-and-full-name"),
    pytest.param("○副大臣（鈴木馨祐君）　お答え", "副大臣（鈴木馨祐君）", "鈴木馨祐", None, None, "副大臣", id="vice-minister"),
    pytest.param("○内閣総理大臣（野田佳彦君）（続）　次に", "内閣総理大臣（野田佳彦君）", "野田佳彦", None, None, "内閣総理大臣",
                 id="resumed-speech"),
    pytest.param("○石井啓一君　公明党の石井啓一です。", "石井啓一君", "石井啓一", None, None, None, id="member-by-name"),
    pytest.param("○佐藤（茂）委員　ありがとう", "佐藤（茂）委員", None, "佐藤", "茂", "委員", id="member-with-initial"),
    pytest.param("○小林大臣政務官　お答え", "小林大臣政務官", None, "小林", None, "大臣政務官", id="parliamentary-vice-minister"),
    pytest.param("○委員長（岸信夫君）　これより会議を開きます。", "委員長（岸信夫君）", "岸信夫", None, None, "委員長",
                 id="chair-not-member"),
])
def test_speaker_marks(text, surface, name, family, initial, title):
    mark = speaker_mark(text)
    assert (mark.surface, mark.name, mark.family_name, mark.given_initial, mark.title) == (
        surface, name, family, initial, title)
    assert text[mark.start:mark.end] == surface


@pytest.mark.parametrize("text", [
    pytest.param("私は、日米首脳会談について申し上げます。", id="no-mark"),
    pytest.param("　○岸田国務大臣　", id="not-at-the-start"),
    pytest.param("○", id="mark-alone"),
    pytest.param("", id="empty"),
])
def test_no_speaker_mark(text):
    assert speaker_mark(text) is None


SPEECHES = [
    ("○岸田国務大臣　お答えします。", date(2017, 3, 22), "person:kishida_fumio", "foreign_minister"),
    ("○国務大臣（岸田文雄君）　お答えします。", date(2017, 3, 7), "person:kishida_fumio", "foreign_minister"),
    ("○内閣総理大臣（岸田文雄君）　お答えします。", date(2023, 4, 26), "person:kishida_fumio", "prime_minister"),
    ("○麻生内閣総理大臣　今、", date(2009, 2, 26), "person:aso_taro", "prime_minister"),
    ("○松本（剛）国務大臣　お答え", date(2011, 5, 19), "person:matsumoto_takeaki", "foreign_minister"),
    ("○林国務大臣　お答え", date(2022, 2, 14), "person:hayashi_yoshimasa", "foreign_minister"),
    # a minister's family name on a day no minister bore it: nobody is named
    ("○岸田国務大臣　お答え", date(2010, 1, 1), None, None),
    # a member called by name holds no tracked office; known to the reference data, still the same person
    ("○岡田克也君　質問します。", date(2017, 11, 21), "person:okada_katsuya", None),
    ("○赤嶺委員　日本共産党の赤嶺政賢です。", date(2022, 6, 1), None, None),
]


def test_speakers_resolve_through_the_offices_of_the_sitting_date():
    ref = load_reference()
    docs = pl.DataFrame({"doc_id": [f"d{i}" for i in range(len(SPEECHES))], "text": [s[0] for s in SPEECHES],
                         "published_date": [s[1] for s in SPEECHES]})
    speakers = find_speakers(docs, ref.entities, offices_table(ref)).sort("doc_id")
    assert speakers.select("entity_id", "role").rows() == [(s[2], s[3]) for s in SPEECHES]
    assert speakers["reference_date"].to_list() == [s[1] for s in SPEECHES]


def _speech_tables(text: str, sitting: date):
    from nichibei.extract.batch import extract_all

    docs = pl.DataFrame({"doc_id": ["s"], "text": [text], "published_date": [sitting]})
    segments = pl.DataFrame({"doc_id": ["s"], "seg_no": [1], "kind": ["paragraph"], "language": ["ja"],
                             "char_start": [0], "char_end": [len(text)], "text": [text]})
    return extract_all(docs, segments)


def test_the_speakers_watashi_names_the_speaker_and_the_mark_names_nobody():
    text = "○国務大臣（林芳正君）　私は昨日、ブリンケン国務長官と日米外相会談を行いました。私どもとしては協力を続けます。"
    tables = _speech_tables(text, date(2022, 9, 23))
    mentions = tables["mentions"].filter(pl.col("entity_type") == "person")
    selves = mentions.filter(pl.col("match_kind") == "speaker_self").select("surface", "entity_id", "role").rows()
    assert selves == [("私", "person:hayashi_yoshimasa", "foreign_minister")]
    assert mentions.filter(pl.col("char_start") < text.index("　")).is_empty()  # nothing inside the mark
    meeting = tables["meetings"].row(0, named=True)
    assert (meeting["meeting_type"], str(meeting["date_local"])) == ("foreign_ministers", "2022-09-22")
    principals = tables["meeting_participants"].filter(pl.col("side") == "principal")["entity_id"].to_list()
    assert "person:hayashi_yoshimasa" in principals
