"""Entity resolution: surface forms -> canonical ids, the seeds, and the consistency of the reference tables."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from datetime import date
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from conftest import rebuild_document_text

from nichibei.extract.entities.resolve import (
    MENTION_SCHEMA,
    PROVISIONAL_SCHEMA,
    alias_conflicts,
    entities_table,
    find_collective_mentions,
    load_reference,
    make_reference,
    offices_table,
    resolve_entities,
    title_conflicts,
)

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "nichibei" / "data" / "reference"

# --- a small reference table (test data: the dates are chosen for the tests, not a source of facts) ----------

ENTITIES = [
    # entity_id, entity_type, name_en, name_ja, aliases, country_code
    ("person:kishida_fumio", "person", "Fumio Kishida", "岸田文雄", "岸田文雄|Kishida Fumio|Fumio Kishida|キシダ フミオ", "JP"),
    ("person:ishiba_shigeru", "person", "Shigeru Ishiba", "石破茂", "石破茂|Ishiba Shigeru|Shigeru Ishiba", "JP"),
    ("person:hatoyama_yukio", "person", "Yukio Hatoyama", "鳩山由紀夫", "鳩山由紀夫", "JP"),
    ("person:hirano_hirofumi", "person", "Hirofumi Hirano", "平野博文", "平野博文", "JP"),
    ("person:okada_katsuya", "person", "Katsuya Okada", "岡田克也", "岡田克也", "JP"),
    ("person:ozawa_sakihito", "person", "Sakihito Ozawa", "小沢鋭仁", "小沢鋭仁|小澤鋭仁", "JP"),
    ("person:ozawa_ichiro", "person", "Ichiro Ozawa", "小沢一郎", "小沢一郎", "JP"),
    ("person:fujisaki_ichiro", "person", "Ichiro Fujisaki", "藤﨑一郎", "藤﨑一郎", "JP"),
    ("person:kitazawa_toshimi", "person", "Toshimi Kitazawa", "北澤俊美", "北澤俊美", "JP"),
    ("person:komura_masahiko", "person", "Masahiko Komura", "髙村正彦", "髙村正彦", "JP"),
    ("person:kamikawa_yoko", "person", "Yoko Kamikawa", "上川陽子", "上川陽子", "JP"),
    ("person:biden_joe", "person", "Joe Biden", "ジョー・バイデン", "Joe Biden|ジョー・バイデン|Joseph R. Biden Jr.", "US"),
    ("person:trump_donald", "person", "Donald Trump", "ドナルド・トランプ", "Donald Trump|ドナルド・トランプ|Donald J. Trump", "US"),
    ("person:obama_barack", "person", "Barack Obama", "バラク・オバマ", "Barack Obama|バラク・オバマ", "US"),
    ("person:roos_john", "person", "John Roos", "ジョン・ルース", "John Roos|ジョン・ルース", "US"),
    ("person:campbell_kurt", "person", "Kurt Campbell", "カート・キャンベル", "Kurt Campbell|カート・キャンベル", "US"),
    ("person:donilon_thomas", "person", "Thomas Donilon", "トーマス・ドニロン", "Thomas Donilon|トーマス・ドニロン", "US"),
    ("person:summers_lawrence", "person", "Lawrence Summers", "ローレンス・サマーズ", "Lawrence Summers|ローレンス・サマーズ", "US"),
    ("person:blinken_antony", "person", "Antony Blinken", "アントニー・ブリンケン", "Antony Blinken|アントニー・ブリンケン", "US"),
    ("person:austin_lloyd", "person", "Lloyd Austin", "ロイド・オースティン", "Lloyd Austin|ロイド・オースティン", "US"),
    ("person:marcos_ferdinand_jr", "person", "Ferdinand Marcos Jr.", "フェルディナンド・マルコス・ジュニア",
     "Ferdinand Marcos Jr.|フェルディナンド・マルコス・ジュニア", "PH"),
    ("country:us", "country", "United States", "アメリカ合衆国", "米国|アメリカ|米|United States|U.S.|US", "US"),
    ("country:jp", "country", "Japan", "日本", "日本|日|Japan", "JP"),
    ("country:cn", "country", "China", "中国", "中国|中|China|PRC", "CN"),
    ("country:kr", "country", "South Korea", "韓国", "韓国|韓|South Korea|ROK", "KR"),
    ("country:ph", "country", "Philippines", "フィリピン", "フィリピン|比|Philippines", "PH"),
    ("country:in", "country", "India", "インド", "インド|印|India", "IN"),
    ("country:ua", "country", "Ukraine", "ウクライナ", "ウクライナ|宇|Ukraine", "UA"),
    ("country:de", "country", "Germany", "ドイツ", "ドイツ|独|Germany", "DE"),
    ("framework:quad", "framework", "Quad", "日米豪印", "Quad|日米豪印", None),
    ("place:senkaku_islands", "place", "Senkaku Islands", "尖閣諸島", "尖閣諸島|Senkaku Islands", "JP"),
    ("treaty:us_japan_security_treaty", "treaty", "Treaty of Mutual Cooperation and Security", "日米安全保障条約",
     "日米安全保障条約|日米安保条約", None),
    ("weapon:tomahawk", "weapon_system", "Tomahawk", "トマホーク", "トマホーク|Tomahawk", None),
]

OFFICES = [
    # entity_id, office, office_detail, country_code, host_country_code, start_date, end_date
    ("person:kishida_fumio", "prime_minister", None, "JP", None, "2021-10-04", "2024-10-01"),
    ("person:ishiba_shigeru", "prime_minister", None, "JP", None, "2024-10-01", "2025-10-21"),
    ("person:hatoyama_yukio", "prime_minister", None, "JP", None, "2009-09-16", "2010-06-08"),
    ("person:hirano_hirofumi", "chief_cabinet_secretary", None, "JP", None, "2009-09-16", "2010-06-08"),
    ("person:okada_katsuya", "foreign_minister", None, "JP", None, "2009-09-16", "2010-09-17"),
    ("person:ozawa_sakihito", "minister", "Minister of the Environment", "JP", None, "2009-09-16", "2010-06-08"),
    ("person:fujisaki_ichiro", "ambassador", "Ambassador of Japan to the United States", "JP", "US", "2008-04-01",
     "2012-09-11"),
    ("person:kitazawa_toshimi", "defense_minister", None, "JP", None, "2009-09-16", "2011-09-02"),
    ("person:komura_masahiko", "foreign_minister", None, "JP", None, "2007-09-26", "2008-08-02"),
    ("person:kamikawa_yoko", "foreign_minister", None, "JP", None, "2023-09-13", "2024-10-01"),
    ("person:biden_joe", "president", None, "US", None, "2021-01-20", "2025-01-20"),
    ("person:trump_donald", "president", None, "US", None, "2017-01-20", "2021-01-20"),
    ("person:trump_donald", "president", None, "US", None, "2025-01-20", None),
    ("person:obama_barack", "president", None, "US", None, "2009-01-20", "2017-01-20"),
    ("person:roos_john", "ambassador", "Ambassador of the United States to Japan", "US", "JP", "2009-08-20",
     "2013-08-12"),
    ("person:campbell_kurt", "other", "Assistant Secretary of State for East Asian and Pacific Affairs", "US", None,
     "2009-06-26", "2013-02-08"),
    ("person:donilon_thomas", "deputy_national_security_advisor", None, "US", None, "2009-01-20", "2010-10-08"),
    ("person:summers_lawrence", "other", "Director of the National Economic Council", "US", None, "2009-01-20",
     "2010-12-31"),
    ("person:blinken_antony", "secretary_of_state", None, "US", None, "2021-01-26", "2025-01-20"),
    ("person:austin_lloyd", "secretary_of_defense", None, "US", None, "2021-01-22", "2025-01-20"),
    ("person:marcos_ferdinand_jr", "president", None, "PH", None, "2022-06-30", None),
]


def _entities(rows=ENTITIES) -> pl.DataFrame:
    return pl.DataFrame(
        rows,
        schema=["entity_id", "entity_type", "name_en", "name_ja", "aliases", "country_code"],
        orient="row",
    ).with_columns(pl.lit(None, dtype=pl.Utf8).alias("notes"))


def _offices(rows=OFFICES) -> pl.DataFrame:
    return pl.DataFrame(
        rows,
        schema={
            "entity_id": pl.Utf8, "office": pl.Utf8, "office_detail": pl.Utf8, "country_code": pl.Utf8,
            "host_country_code": pl.Utf8, "start_date": pl.Utf8, "end_date": pl.Utf8,
        },
        orient="row",
    ).with_columns(pl.lit("test").alias("source"))


@pytest.fixture(scope="module")
def ref():
    return make_reference(_entities(), _offices())


def _docs(text: str, d: date | None) -> pl.DataFrame:
    return pl.DataFrame(
        {"doc_id": ["d"], "text": [text], "reference_date": [d]},
        schema={"doc_id": pl.Utf8, "text": pl.Utf8, "reference_date": pl.Date},
    )


def _provisional_id(name: str) -> str:
    key = unicodedata.normalize("NFKC", name).lower()
    return "person:provisional_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


D2009 = date(2009, 11, 13)
D2023 = date(2023, 1, 13)
D2024 = date(2024, 7, 28)
D2025 = date(2025, 2, 7)

# (text, reference_date, expected person mentions as (surface, entity_id, match_kind, flag))
PERSON_CASES = [
    pytest.param("岸田総理大臣は述べた", D2023, [("岸田総理大臣", "person:kishida_fumio", "family_name_title", None)],
                 id="family+総理大臣"),
    pytest.param("岸田首相は述べた", D2023, [("岸田首相", "person:kishida_fumio", "family_name_title", None)],
                 id="family+首相"),
    pytest.param("会談後、岸田氏は述べた", D2023, [("岸田", "person:kishida_fumio", "family_name", None)],
                 id="family+氏-through-office-holders"),
    pytest.param("岸田文雄内閣総理大臣の訪問", D2023,
                 [("岸田文雄内閣総理大臣", "person:kishida_fumio", "alias", None)], id="full-name+内閣総理大臣"),
    pytest.param("Prime Minister Kishida said", D2023,
                 [("Prime Minister Kishida", "person:kishida_fumio", "title_name", None)], id="english-title-name"),
    pytest.param("Ｐｒｉｍｅ Ｍｉｎｉｓｔｅｒ Ｋｉｓｈｉｄａ said", D2023,
                 [("Ｐｒｉｍｅ Ｍｉｎｉｓｔｅｒ Ｋｉｓｈｉｄａ", "person:kishida_fumio", "title_name", None)],
                 id="full-width-latin"),
    pytest.param("talks with Kishida Fumio", D2023, [("Kishida Fumio", "person:kishida_fumio", "alias", None)],
                 id="romaji-family-first"),
    pytest.param("Prime Minister Ishiba Shigeru held", D2025,
                 [("Prime Minister Ishiba Shigeru", "person:ishiba_shigeru", "title_name", None)],
                 id="english-title-family-first-full"),
    pytest.param("外務大臣は述べた", D2024, [("外務大臣", "person:kamikawa_yoko", "office", None)],
                 id="office-alone-2024"),
    pytest.param("外務大臣は述べた", D2009, [("外務大臣", "person:okada_katsuya", "office", None)],
                 id="office-alone-2009"),
    pytest.param("会談には国防長官も出席", D2024, [("国防長官", "person:austin_lloyd", "office", None)],
                 id="office-alone-us"),
    pytest.param("talks with the Secretary of State on", D2024,
                 [("Secretary of State", "person:blinken_antony", "office", None)], id="english-office-alone"),
    pytest.param("日本側:平野官房長官、岡田外務大臣", D2009,
                 [("平野官房長官", "person:hirano_hirofumi", "family_name_title", None),
                  ("岡田外務大臣", "person:okada_katsuya", "family_name_title", None)], id="readout-list"),
    pytest.param("、小沢環境大臣、", D2009, [("小沢環境大臣", "person:ozawa_sakihito", "family_name_title", None)],
                 id="office-decides-namesake"),
    pytest.param("、藤﨑駐米大使", D2009, [("藤﨑駐米大使", "person:fujisaki_ichiro", "family_name_title", None)],
                 id="variant-﨑-in-text"),
    pytest.param("、藤崎駐米大使", D2009, [("藤崎駐米大使", "person:fujisaki_ichiro", "family_name_title", None)],
                 id="variant-崎-for-﨑"),
    pytest.param("、北沢防衛大臣", D2009, [("北沢防衛大臣", "person:kitazawa_toshimi", "family_name_title", None)],
                 id="variant-沢-for-澤"),
    pytest.param("、高村外務大臣", date(2008, 1, 15),
                 [("高村外務大臣", "person:komura_masahiko", "family_name_title", None)], id="variant-高-for-髙"),
    pytest.param("米側:ルース駐日大使、キャンベル国務次官補", D2009,
                 [("ルース駐日大使", "person:roos_john", "family_name_title", None),
                  ("キャンベル国務次官補", "person:campbell_kurt", "family_name_title", None)], id="us-attendees"),
    pytest.param("、ドニロン国家安全保障担当大統領次席補佐官、", D2009,
                 [("ドニロン国家安全保障担当大統領次席補佐官", "person:donilon_thomas", "family_name_title", None)],
                 id="long-title"),
    pytest.param("、サマーズ米国家経済会議議長他", D2009,
                 [("サマーズ米国家経済会議議長", "person:summers_lawrence", "family_name_title", None)],
                 id="country-between-name-and-title"),
    pytest.param("ジョーバイデン大統領", D2023, [("ジョーバイデン大統領", "person:biden_joe", "alias", None)],
                 id="katakana-without-dot"),
    pytest.param("ジョー・バイデン米国大統領", D2023, [("ジョー・バイデン米国大統領", "person:biden_joe", "alias", None)],
                 id="katakana-with-dot-and-title"),
    pytest.param("ｼﾞｮｰ･ﾊﾞｲﾃﾞﾝ大統領と", D2023, [("ｼﾞｮｰ･ﾊﾞｲﾃﾞﾝ大統領", "person:biden_joe", "alias", None)],
                 id="half-width-katakana"),
    pytest.param("ロナルド・トランプ米大統領との会談", D2025,
                 [("ロナルド・トランプ米大統領", "person:trump_donald", "family_name_title", "given_name_mismatch")],
                 id="misspelled-given-name-ja"),
    pytest.param("President Ronald Trump said", D2025,
                 [("President Ronald Trump", "person:trump_donald", "title_name", "given_name_mismatch")],
                 id="misspelled-given-name-en"),
    pytest.param("トランプ大統領と", date(2019, 5, 27), [("トランプ大統領", "person:trump_donald", "family_name_title", None)],
                 id="first-presidency"),
    pytest.param("フィリピンのフェルディナンド・マルコス・ジュニア大統領", date(2024, 4, 11),
                 [("フェルディナンド・マルコス・ジュニア大統領", "person:marcos_ferdinand_jr", "alias", None)],
                 id="full-name-with-suffix"),
    pytest.param("フィリピンのマルコス大統領", date(2024, 4, 11),
                 [("マルコス大統領", "person:marcos_ferdinand_jr", "family_name_title", None)], id="president-country-from-context"),
    pytest.param("バイデン氏と岸田氏は", date(2024, 4, 10),
                 [("バイデン", "person:biden_joe", "family_name", None), ("岸田", "person:kishida_fumio", "family_name", None)],
                 id="honorific-pair"),
    pytest.param("バイデン大統領は述べた。バイデンは", D2023,
                 [("バイデン大統領", "person:biden_joe", "family_name_title", None),
                  ("バイデン", "person:biden_joe", "family_name", None)], id="bare-family-after-anchor"),
    pytest.param("鳩山総理はオバマ大統領と", D2009,
                 [("鳩山総理", "person:hatoyama_yukio", "family_name_title", None),
                  ("オバマ大統領", "person:obama_barack", "family_name_title", None)], id="summit-2009"),
    pytest.param("日本側平野官房長官", D2009, [("平野官房長官", "person:hirano_hirofumi", "family_name_title", None)],
                 id="name-after-側"),
    pytest.param("President Biden spoke. Biden said", D2023,
                 [("President Biden", "person:biden_joe", "title_name", None),
                  ("Biden", "person:biden_joe", "family_name", None)], id="english-bare-family-after-anchor"),
    pytest.param("岸田首相は", None, [("岸田首相", "person:kishida_fumio", "family_name_title", "undated")],
                 id="undated-family+title-any-holder-flagged"),
    pytest.param("関東平野で平野官房長官が", D2009, [("平野官房長官", "person:hirano_hirofumi", "family_name_title", None)],
                 id="family-name-inside-a-word-is-not-a-mention"),
    pytest.param("オースティン長官と上川大臣", D2024,
                 [("オースティン長官", "person:austin_lloyd", "family_name_title", None),
                  ("上川大臣", "person:kamikawa_yoko", "family_name_title", None)], id="generic-title-words"),
    pytest.param("岸田首相と岸氏", D2023, [("岸田首相", "person:kishida_fumio", "family_name_title", None)],
                 id="one-kanji-is-not-a-family-name"),
    pytest.param("岸田前首相は", date(2025, 2, 7), [("岸田前首相", "person:kishida_fumio", "family_name_title", None)],
                 id="former-holder-前"),
    pytest.param("バイデン前米大統領", date(2025, 2, 7),
                 [("バイデン前米大統領", "person:biden_joe", "family_name_title", None)], id="former-with-country"),
    pytest.param("former President Obama said", D2023,
                 [("former President Obama", "person:obama_barack", "title_name", None)], id="english-former"),
    # must not resolve to anyone, or only as flagged
    pytest.param("小沢環境大臣は", date(2012, 1, 1), [("小沢環境大臣", None, "unresolved", "no_holder_at_date")],
                 id="namesake-out-of-office-stays-unresolved"),
    pytest.param("岸田首相は", date(2015, 6, 1), [("岸田首相", None, "unresolved", "no_holder_at_date")],
                 id="family+office-before-term-unresolved"),
    pytest.param("岸田文雄首相は", date(2015, 6, 1),
                 [("岸田文雄首相", "person:kishida_fumio", "alias", "title_not_held_at_date")],
                 id="full-name-resolves-outside-term-flagged"),
    pytest.param("小沢一郎氏は", D2009, [("小沢一郎", "person:ozawa_ichiro", "alias", None)], id="full-name-namesake"),
    pytest.param("会談で両首脳は一致した", D2023, [], id="両首脳-emits-nothing"),
    pytest.param("元外務大臣の発言", D2024, [], id="former-office-without-name"),
    pytest.param("首相官邸で", D2023, [], id="title-inside-a-word"),
    pytest.param("日米の国防長官が", D2024, [], id="offices-of-two-countries"),
    pytest.param("大統領は", D2023, [], id="president-without-country"),
    pytest.param("", D2023, [], id="empty"),
    pytest.param("外務大臣は", None, [], id="office-alone-undated"),
]


@pytest.mark.parametrize(("text", "ref_date", "expected"), PERSON_CASES)
def test_person_mentions(ref, text, ref_date, expected):
    mentions, _ = resolve_entities(_docs(text, ref_date), ref)
    got = [
        (r["surface"], r["entity_id"], r["match_kind"], r["flag"])
        for r in mentions.filter(pl.col("entity_type") == "person").iter_rows(named=True)
    ]
    assert got == expected
    for r in mentions.iter_rows(named=True):
        assert text[r["char_start"] : r["char_end"]] == r["surface"]


# with no reference date, a title next to a name still names the office the person held at some time (flagged)
UNDATED_ROLE_CASES = [
    pytest.param("鳩山首相は", [("鳩山首相", "person:hatoyama_yukio", "prime_minister", "undated")], id="family+首相"),
    pytest.param("岸田文雄首相は", [("岸田文雄首相", "person:kishida_fumio", "prime_minister", "undated")],
                 id="full-name+首相"),
    pytest.param("オバマ大統領と", [("オバマ大統領", "person:obama_barack", "president", "undated")], id="family+大統領"),
    pytest.param("President Barack Obama said", [("President Barack Obama", "person:obama_barack", "president",
                                                  "undated")], id="english-title-name"),
    pytest.param("高村外務大臣は", [("高村外務大臣", "person:komura_masahiko", "foreign_minister", "undated")],
                 id="office-held-once"),
    pytest.param("岸田氏は", [], id="honorific-no-title-no-role"),
    pytest.param("バイデン国務長官", [("バイデン国務長官", None, "secretary_of_state", "undated")],
                 id="title-never-held-stays-unresolved"),
]


@pytest.mark.parametrize(("text", "expected"), UNDATED_ROLE_CASES)
def test_undated_title_gives_role(ref, text, expected):
    mentions, _ = resolve_entities(_docs(text, None), ref)
    got = [(r["surface"], r["entity_id"], r["role"], r["flag"])
           for r in mentions.filter(pl.col("entity_type") == "person").iter_rows(named=True)]
    assert got == expected


PROVISIONAL_CASES = [
    pytest.param("高市首相は", date(2025, 11, 1), "高市首相", "高市", "prime_minister", "JP", id="new-prime-minister"),
    pytest.param("エマニュエル駐日大使が", date(2023, 1, 1), "エマニュエル駐日大使", "エマニュエル", "ambassador", "US",
                 id="unknown-ambassador"),
    pytest.param("中国の王毅外相と", date(2024, 1, 1), "王毅外相", "王毅", "foreign_minister", "CN",
                 id="foreign-minister-of-another-country"),
    pytest.param("Secretary of State Marco Rubio said", date(2025, 3, 1), "Secretary of State Marco Rubio",
                 "Marco Rubio", "secretary_of_state", "US", id="unknown-english"),
]


@pytest.mark.parametrize(("text", "ref_date", "surface", "name", "role", "country"), PROVISIONAL_CASES)
def test_provisional_people(ref, text, ref_date, surface, name, role, country):
    mentions, provisional = resolve_entities(_docs(text, ref_date), ref)
    people = mentions.filter(pl.col("entity_type") == "person")
    eid = _provisional_id(name)
    assert people.select("surface", "entity_id", "match_kind", "role", "country_code", "is_flagged").rows() == [
        (surface, eid, "provisional", role, country, True)
    ]
    latin = name.isascii()
    expected = pl.DataFrame(
        [{"entity_id": eid, "entity_type": "person", "name_en": name if latin else None,
          "name_ja": None if latin else name, "aliases": [name], "country_code": country, "is_provisional": True}],
        schema=PROVISIONAL_SCHEMA,
    )
    assert_frame_equal(provisional, expected)
    published = entities_table(ref, provisional)
    assert published.filter(pl.col("is_provisional"))["entity_id"].to_list() == [eid]


# (text, expected non-person mentions as (surface, entity_id))
DICTIONARY_CASES = [
    pytest.param("日米首脳会談", [("日", "country:jp"), ("米", "country:us")], id="日米"),
    pytest.param("日米韓の協力", [("日", "country:jp"), ("米", "country:us"), ("韓", "country:kr")], id="日米韓"),
    pytest.param("米側は", [("米", "country:us")], id="米側"),
    pytest.param("訪米中の", [("米", "country:us")], id="訪米-中-is-during"),
    pytest.param("米中の対立", [("米", "country:us"), ("中", "country:cn")], id="米中"),
    pytest.param("対中政策", [("中", "country:cn")], id="対中"),
    pytest.param("会談中に", [], id="中-in-会談中"),
    pytest.param("米粉パン", [], id="米粉"),
    pytest.param("13日米国で", [("米国", "country:us")], id="day-日-before-米国"),
    pytest.param("日中は暑い", [], id="日中-daytime"),
    pytest.param("中米諸国", [], id="中米-central-america"),
    pytest.param("日米豪印4か国", [("日米豪印", "framework:quad"), ("日", "country:jp"), ("米", "country:us")],
                 id="quad-longest-and-countries"),
    pytest.param("日米安全保障条約第5条", [("日米安全保障条約", "treaty:us_japan_security_treaty"),
                                         ("日", "country:jp"), ("米", "country:us")], id="treaty"),
    pytest.param("インドネシアとインド太平洋", [], id="インド-inside-words"),
    pytest.param("インドと日本", [("インド", "country:in"), ("日本", "country:jp")], id="インド-alone"),
    pytest.param("the Quad leaders", [("Quad", "framework:quad")], id="Quad"),
    pytest.param("the quadrant", [], id="quadrant"),
    pytest.param("join us in the US", [("US", "country:us")], id="US-not-us"),
    pytest.param("USA", [], id="US-inside-USA"),
    pytest.param("U.S.-Japan ties", [("U.S.", "country:us"), ("Japan", "country:jp")], id="U.S.-Japan"),
    pytest.param("toNorth Korea and Japan’s", [("Japan", "country:jp")], id="apostrophe"),
    pytest.param("尖閣諸島にトマホーク", [("尖閣諸島", "place:senkaku_islands"), ("トマホーク", "weapon:tomahawk")],
                 id="place-weapon"),
    pytest.param("日米比", [("日", "country:jp"), ("米", "country:us"), ("比", "country:ph")], id="日米比"),
    pytest.param("前年比", [], id="比-ratio"),
    pytest.param("日米比較", [("日", "country:jp"), ("米", "country:us")], id="日米比較-comparison"),
    pytest.param("米宇宙軍", [("米", "country:us")], id="米宇宙軍-space-not-ukraine"),
    pytest.param("米中間選挙", [("米", "country:us")], id="米中間選挙-midterms"),
    pytest.param("日米独自の", [("日", "country:jp"), ("米", "country:us")], id="独自-not-germany"),
    pytest.param("日米独首脳", [("日", "country:jp"), ("米", "country:us"), ("独", "country:de")], id="日米独"),
    pytest.param("", [], id="empty"),
]


@pytest.mark.parametrize(("text", "expected"), DICTIONARY_CASES)
def test_dictionary_mentions(ref, text, expected):
    mentions, _ = resolve_entities(_docs(text, D2024), ref)
    got = mentions.filter(pl.col("entity_type") != "person").sort("char_start", pl.col("char_end").neg())
    assert sorted(got.select("surface", "entity_id").rows(), key=lambda r: (text.find(r[0]), -len(r[0]))) == sorted(
        expected, key=lambda r: (text.find(r[0]), -len(r[0]))
    )


def test_mention_frame_shape(ref):
    text = "鳩山総理より、(日本側:平野官房長官他同席)"
    mentions, provisional = resolve_entities(_docs(text, D2009), ref)
    expected = pl.DataFrame(
        {
            "doc_id": ["d", "d", "d"],
            "char_start": [0, 8, 12],
            "char_end": [4, 10, 18],
            "surface": ["鳩山総理", "日本", "平野官房長官"],
            "entity_id": ["person:hatoyama_yukio", "country:jp", "person:hirano_hirofumi"],
            "entity_type": ["person", "country", "person"],
            "match_kind": ["family_name_title", "alias", "family_name_title"],
            "role": ["prime_minister", None, "chief_cabinet_secretary"],
            "role_detail": [None, None, None],
            "country_code": ["JP", "JP", "JP"],
            "reference_date": [D2009, D2009, D2009],
            "is_flagged": [False, False, False],
            "flag": [None, None, None],
        },
        schema=MENTION_SCHEMA,
    )
    assert_frame_equal(mentions, expected)
    assert provisional.schema == pl.Schema(PROVISIONAL_SCHEMA) and provisional.is_empty()


def test_offsets_with_characters_that_fold_to_several(ref):
    text = "㈱の ﾊﾞｲﾃﾞﾝ大統領と岸田首相"
    mentions, _ = resolve_entities(_docs(text, D2023), ref)
    people = mentions.filter(pl.col("entity_type") == "person")
    assert people.select("surface", "entity_id").rows() == [
        ("ﾊﾞｲﾃﾞﾝ大統領", "person:biden_joe"),
        ("岸田首相", "person:kishida_fumio"),
    ]
    for s, e, surface in mentions.select("char_start", "char_end", "surface").iter_rows():
        assert text[s:e] == surface


def test_many_documents_sorted_and_independent(ref):
    docs = pl.DataFrame(
        {
            "doc_id": ["b", "a", "c"],
            "text": ["外務大臣は", "外務大臣は", None],
            "reference_date": [D2009, D2024, D2024],
        },
        schema={"doc_id": pl.Utf8, "text": pl.Utf8, "reference_date": pl.Date},
    )
    mentions, _ = resolve_entities(docs, ref)
    assert mentions.select("doc_id", "entity_id").rows() == [
        ("a", "person:kamikawa_yoko"),
        ("b", "person:okada_katsuya"),
    ]


COLLECTIVE_CASES = [
    pytest.param("会談で両首脳は", [(3, 6, "両首脳")], id="両首脳"),
    pytest.param("日米両首脳は", [(0, 5, "日米両首脳")], id="日米両首脳"),
    pytest.param("四閣僚は", [(0, 3, "四閣僚")], id="四閣僚"),
    pytest.param("The two leaders agreed", [(0, 15, "The two leaders")], id="english"),
    pytest.param("両国は", [], id="両国-not-people"),
    pytest.param("", [], id="empty"),
]


@pytest.mark.parametrize(("text", "expected"), COLLECTIVE_CASES)
def test_collective_mentions(text, expected):
    got = find_collective_mentions(_docs(text, None))
    assert got.select("char_start", "char_end", "surface").rows() == expected


# --- consistency of the tables ------------------------------------------------------------------------------

CONFLICT_CASES = [
    pytest.param(
        [("person:a", "person", "Taro Yamada", "山田太郎", "山田太郎", "JP"),
         ("person:b", "person", "Taro Yamada", "山田太郎", "山田太郎", "JP")],
        [("person:a", "foreign_minister", None, "JP", None, "2001-01-01", "2002-01-01"),
         ("person:b", "foreign_minister", None, "JP", None, "2001-06-01", "2003-01-01")],
        False, id="same-name-overlapping-offices"),
    pytest.param(
        [("person:a", "person", "Taro Yamada", "山田太郎", "山田太郎", "JP"),
         ("person:b", "person", "Taro Yamada", "山田太郎", "山田太郎", "JP")],
        [("person:a", "foreign_minister", None, "JP", None, "2001-01-01", "2002-01-01"),
         ("person:b", "foreign_minister", None, "JP", None, "2005-06-01", "2006-01-01")],
        True, id="same-name-separated-by-dates"),
    pytest.param(
        [("person:a", "person", "Taro Yamada", "山田太郎", "山田太郎", "JP"),
         ("person:b", "person", "Taro Yamada", "山田太郎", "山田太郎", "JP")],
        [("person:a", "foreign_minister", None, "JP", None, "2001-01-01", "2002-01-01")],
        False, id="same-name-one-without-office"),
    pytest.param(
        [("place:x", "place", "Washington", "ワシントン", "ワシントン", "US"),
         ("place:y", "place", "Washington State", "ワシントン州", "ワシントン", "US")],
        [], False, id="places-sharing-an-alias"),
]


@pytest.mark.parametrize(("entities", "offices", "separable"), CONFLICT_CASES)
def test_alias_conflict_rule(entities, offices, separable):
    r = make_reference(_entities(entities), _offices(offices) if offices else _offices([]).clear())
    conflicts = alias_conflicts(r)
    assert conflicts.height >= 1
    assert conflicts["separable"].all() == separable


def test_alias_conflict_none_in_small_table(ref):
    assert alias_conflicts(ref).is_empty()


def test_same_name_resolved_by_office_at_date():
    entities = [("person:a", "person", "Taro Yamada", "山田太郎", "山田太郎", "JP"),
                ("person:b", "person", "Taro Yamada", "山田太郎", "山田太郎", "JP")]
    offices = [("person:a", "foreign_minister", None, "JP", None, "2001-01-01", "2002-01-01"),
               ("person:b", "foreign_minister", None, "JP", None, "2005-06-01", "2006-01-01")]
    r = make_reference(_entities(entities), _offices(offices))
    for d, expected in [
        (date(2001, 5, 1), [("person:a", None)]),
        (date(2005, 7, 1), [("person:b", None)]),
        (date(2010, 1, 1), [(None, "ambiguous_alias")]),
    ]:
        mentions, _ = resolve_entities(_docs("山田太郎は", d), r)
        assert mentions.select("entity_id", "flag").rows() == expected


TITLE_CONFLICT_CASES = [
    pytest.param([("外相", "foreign_minister", "JP", None, "ja", None), ("外相", "minister", "JP", "X", "ja", None)],
                 1, id="one-title-two-offices"),
    pytest.param([("外相", "foreign_minister", "JP", None, "ja", None), ("外務大臣", "foreign_minister", "JP", None, "ja", None)],
                 0, id="two-titles-one-office"),
]


@pytest.mark.parametrize(("rows", "n_conflicts"), TITLE_CONFLICT_CASES)
def test_title_conflict_rule(rows, n_conflicts):
    t = pl.DataFrame(rows, schema=["title", "office", "country_code", "office_detail", "language", "host_country_code"],
                     orient="row")
    assert title_conflicts(t).height == n_conflicts


OFFICE_CODES = {
    "prime_minister", "president", "vice_president", "foreign_minister", "defense_minister",
    "chief_cabinet_secretary", "deputy_chief_cabinet_secretary", "secretary_of_state", "secretary_of_defense",
    "treasury_secretary", "national_security_advisor", "deputy_national_security_advisor", "ambassador", "minister",
    "other",
}


def test_office_titles_table():
    t = pl.read_csv(REFERENCE / "office_titles.csv", infer_schema=False)
    assert title_conflicts(t).is_empty()
    assert set(t["office"].to_list()) <= OFFICE_CODES
    assert t.filter(pl.col("office").is_in(["minister", "other"]) & pl.col("office_detail").is_null()).is_empty()
    assert t.filter(pl.col("office") == "ambassador")["host_country_code"].null_count() <= 1  # "Ambassador" alone


# --- the real reference tables and the seeds ---------------------------------------------------------------

needs_reference = pytest.mark.skipif(
    not (REFERENCE / "entities.csv").exists() or not (REFERENCE / "offices.csv").exists(),
    reason="reference tables not present",
)


@pytest.fixture(scope="module")
def real_ref():
    return load_reference()


@needs_reference
def test_real_reference_has_no_inseparable_alias(real_ref):
    bad = alias_conflicts(real_ref).filter(~pl.col("separable"))
    assert bad.is_empty(), bad.to_dicts()


@needs_reference
def test_publishing_tables(real_ref):
    e = entities_table(real_ref)
    assert e.schema == pl.Schema(PROVISIONAL_SCHEMA)
    assert e["entity_id"].is_unique().all() and not e["is_provisional"].any()
    o = offices_table(real_ref)
    assert o.columns == ["entity_id", "office", "office_detail", "country_code", "host_country_code", "start_date",
                         "end_date"]
    assert o.schema["start_date"] == pl.Date and o.schema["end_date"] == pl.Date


def _seed_docs() -> tuple[pl.DataFrame, list[dict]]:
    rows, golds = [], []
    for line in (ROOT / "nichibei" / "data" / "gold" / "seeds-gold.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        g = json.loads(line)
        text = rebuild_document_text((ROOT / "raw" / g["file"]).read_text(encoding="utf-8"), g["boilerplate_lines"])
        primary = next((m for m in g["meetings"] if m.get("primary")), g["meetings"][0])
        d = primary.get("date_local") or g["published_date"]
        rows.append((g["file"], text, date.fromisoformat(d) if d else None))
        golds.append(g)
    docs = pl.DataFrame(rows, schema={"doc_id": pl.Utf8, "text": pl.Utf8, "reference_date": pl.Date}, orient="row")
    return docs, golds


def _seed_participants():
    _, golds = _seed_docs()
    for g in golds:
        seen = set()
        for m in g["meetings"]:
            for p in m["participants"]:
                if p["name_en"] not in seen:
                    seen.add(p["name_en"])
                    yield pytest.param(g["file"], p["name_en"], p["role"], id=f"{g['file'][:3]}-{p['name_en']}")


@pytest.fixture(scope="module")
def seed_mentions(real_ref):
    docs, _ = _seed_docs()
    mentions, provisional = resolve_entities(docs, real_ref)
    return docs, mentions


@needs_reference
@pytest.mark.parametrize(("doc_id", "name_en", "role"), list(_seed_participants()))
def test_seed_participants_found(real_ref, seed_mentions, doc_id, name_en, role):
    _, mentions = seed_mentions
    ids = real_ref.entities.filter(pl.col("name_en") == name_en)["entity_id"].to_list()
    assert len(ids) == 1, f"{name_en} is not (uniquely) in the reference entities"
    found = mentions.filter((pl.col("doc_id") == doc_id) & (pl.col("entity_id") == ids[0]))
    assert found.height >= 1
    assert role in found["role"].to_list()


@needs_reference
def test_seed_mentions_offsets_and_order(seed_mentions):
    docs, mentions = seed_mentions
    texts = dict(docs.select("doc_id", "text").iter_rows())
    assert mentions.height > 0
    for doc_id, s, e, surface in mentions.select("doc_id", "char_start", "char_end", "surface").iter_rows():
        assert texts[doc_id][s:e] == surface
    assert mentions.select("doc_id", "char_start").equals(mentions.select("doc_id", "char_start").sort("doc_id", "char_start"))


@needs_reference
def test_seed_2009_attendees_are_not_namesakes(real_ref, seed_mentions):
    _, mentions = seed_mentions
    ozawa = mentions.filter(pl.col("surface") == "小沢環境大臣")
    assert ozawa["entity_id"].to_list() == ["person:ozawa_sakihito"]


@pytest.mark.parametrize("batch_size", [pytest.param(1, id="batch-1"), pytest.param(2, id="batch-2")])
def test_batching_does_not_change_the_result(ref, batch_size):
    docs = pl.DataFrame(
        {
            "doc_id": ["a", "b", "c", "d"],
            "text": ["鳩山総理はオバマ大統領と", "", "日米首脳会談", "外務大臣は"],
            "reference_date": [D2009, D2009, None, D2024],
        },
        schema={"doc_id": pl.Utf8, "text": pl.Utf8, "reference_date": pl.Date},
    )
    whole, _ = resolve_entities(docs, ref)
    batched, _ = resolve_entities(docs, ref, batch_size=batch_size)
    assert whole.height == 5
    assert_frame_equal(batched, whole)


ROLE_CASES = [
    pytest.param("平野官房長官", D2009, "chief_cabinet_secretary", None, id="titled"),
    pytest.param("小沢環境大臣", D2009, "minister", "Minister of the Environment", id="minister-with-detail"),
    pytest.param("オースティン長官", D2024, "secretary_of_defense", None, id="generic-title-word"),
    pytest.param("岸田前首相は", date(2025, 2, 7), None, None, id="former-holds-nothing"),
    pytest.param("岸田文雄首相", date(2015, 6, 1), None, None, id="title-not-held-at-date"),
    pytest.param("ジョー・バイデンは", D2023, "president", None, id="untitled-name-takes-office-at-date"),
    pytest.param("キャンベル国務次官補", D2009, "other", "Assistant Secretary of State for East Asian and Pacific Affairs",
                 id="other-with-detail"),
]


@pytest.mark.parametrize(("text", "ref_date", "role", "role_detail"), ROLE_CASES)
def test_roles_at_reference_date(ref, text, ref_date, role, role_detail):
    mentions, _ = resolve_entities(_docs(text, ref_date), ref)
    people = mentions.filter(pl.col("entity_type") == "person")
    assert people.select("role", "role_detail").rows() == [(role, role_detail)]


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_FRAGMENTS = st.sampled_from(
    ["岸田", "総理大臣", "首相", "氏", "バイデン", "大統領", "ジョー・", "ｼﾞｮｰ･ﾊﾞｲﾃﾞﾝ", "米", "日", "中", "国務長官",
     "外務大臣", "Prime Minister ", "Kishida", " the ", "US", "㈱", "ｶﾞ", "\u3099", "🇯🇵", "、", "\n", "前", "藤﨑",
     "駐米大使", "日米豪印", "Quad", "ﾞ", "。"]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.one_of(_FRAGMENTS, st.text(max_size=3)), max_size=25), year=st.sampled_from([2009, 2023, 2024]))
def test_offsets_always_point_at_the_surface(ref, parts, year):
    text = "".join(parts)
    mentions, _ = resolve_entities(_docs(text, date(year, 6, 1)), ref)
    spans: dict[str, list[tuple[int, int]]] = {}
    for s, e, surface, etype in mentions.select("char_start", "char_end", "surface", "entity_type").iter_rows():
        assert 0 <= s < e <= len(text)
        assert text[s:e] == surface
        spans.setdefault(etype, []).append((s, e))
    for etype, ss in spans.items():
        ss.sort()
        for (s1, e1), (s2, e2) in zip(ss, ss[1:]):
            assert e1 <= s2, f"overlapping {etype} mentions in {text!r}"
    assert mentions["char_start"].to_list() == sorted(mentions["char_start"].to_list())


# titles with a prefix, posts the reference data now holds, a country word that must not swallow a ministry
REAL_TITLE_CASES = [
    pytest.param("エマニュエル次期駐日大使も加わった", date(2022, 1, 7), "エマニュエル次期駐日大使", "person:emanuel_rahm",
                 None, id="次期-future-holder-no-role"),
    pytest.param("ヤング駐日米国臨時代理大使ほか", date(2021, 3, 16), "ヤング駐日米国臨時代理大使", "person:young_joseph",
                 "other", id="臨時代理大使-known-chargé"),
    pytest.param("グリーン駐日米国臨時代理大使ほか", date(2021, 9, 1), "グリーン駐日米国臨時代理大使", "provisional",
                 "other", id="臨時代理大使-unknown-chargé-provisional"),
    # a family name spelled like a country (タイ: Thailand) right before a title is the person
    pytest.param("タイ通商代表部（USTR）代表らが同席した", date(2022, 5, 23), "タイ通商代表部（USTR）代表",
                 "person:tai_katherine", "other", id="タイ-family-name-before-title"),
    pytest.param("米側からタイ通商代表が同席した", date(2022, 5, 23), "タイ通商代表", "person:tai_katherine", "other",
                 id="タイ-family-name-not-the-country"),
    pytest.param("タイのプラユット首相と会談", date(2022, 5, 23), "タイ", "country:th", None, id="タイ-the-country-kept"),
    # the Pentagon is an organisation mention in both languages
    pytest.param("米国防総省によると", date(2022, 9, 14), "米国防総省", "org:us_dod", None, id="米国防総省-org"),
    pytest.param("the Pentagon said", date(2022, 9, 14), "the Pentagon", "org:us_dod", None, id="the-Pentagon-org"),
    pytest.param("Department of Defense officials", date(2022, 9, 14), "Department of Defense", "org:us_dod", None,
                 id="Department-of-Defense-org"),
    pytest.param("レモンド商務長官と会談", date(2023, 6, 1), "レモンド商務長官", "person:raimondo_gina", "other",
                 id="商務長官"),
    pytest.param("グテーレス国連事務総長は", date(2023, 6, 1), "グテーレス国連事務総長", "person:guterres_antonio",
                 "other", id="国連事務総長"),
    pytest.param("習近平国家主席", date(2023, 6, 1), "習近平国家主席", "person:xi_jinping", "president",
                 id="国家主席"),
    pytest.param("米国防総省において", date(2022, 9, 14), "米", "country:us", None, id="米-before-国防総省"),
    pytest.param("米国務省で", date(2022, 9, 14), "米", "country:us", None, id="米-before-国務省"),
    pytest.param("米国政府は", date(2022, 9, 14), "米国", "country:us", None, id="米国-before-政府-kept"),
]


@needs_reference
@pytest.mark.parametrize(("text", "ref_date", "surface", "entity", "role"), REAL_TITLE_CASES)
def test_real_titles_and_prefixes(real_ref, text, ref_date, surface, entity, role):
    mentions, _ = resolve_entities(_docs(text, ref_date), real_ref)
    row = mentions.filter(pl.col("surface") == surface)
    assert row.height == 1, mentions.select("surface", "entity_id").rows()
    got = row.row(0, named=True)
    if entity == "provisional":
        assert got["entity_id"].startswith("person:provisional_") and got["match_kind"] == "provisional"
    else:
        assert got["entity_id"] == entity
    assert got["role"] == role


# a one-kanji family name before 氏 names a person only when the document has already named that person with
# that kanji as the whole family name: in full (林芳正) or with a title right after it (林外相, 岸防衛相)
ONE_KANJI_FAMILY_CASES = [
    pytest.param("林芳正外相は10日会談した。林氏は語った。",
                 [("林芳正外相", "person:hayashi_yoshimasa"), ("林", "person:hayashi_yoshimasa")], id="full-name-then-hayashi-shi"),
    pytest.param("林外相は10日会談した。林氏は語った。",
                 [("林外相", "person:hayashi_yoshimasa"), ("林", "person:hayashi_yoshimasa")], id="title-then-hayashi-shi"),
    pytest.param("岸信夫防衛相と岸田文雄首相は10日会談した。岸氏は語った。",
                 [("岸信夫防衛相", "person:kishi_nobuo"), ("岸田文雄首相", "person:kishida_fumio"), ("岸", "person:kishi_nobuo")],
                 id="kishi-not-kishida"),
    pytest.param("岸田文雄首相は10日会談した。岸氏は語った。", [("岸田文雄首相", "person:kishida_fumio")],
                 id="prefix-of-a-longer-family-name"),
    pytest.param("林氏は語った。林芳正外相は10日会談した。", [("林芳正外相", "person:hayashi_yoshimasa")], id="named-only-later"),
    pytest.param("林氏は語った。", [], id="never-named"),
    pytest.param("岸防衛相は10日会談した。山岸氏も語った。", [("岸防衛相", "person:kishi_nobuo")], id="kanji-before-is-another-name"),
]


@pytest.mark.parametrize(("text", "expected"), ONE_KANJI_FAMILY_CASES)
def test_one_kanji_family_name_named_before(text, expected):
    mentions, _ = resolve_entities(_docs(text, date(2022, 3, 10)), load_reference())
    got = [(r["surface"], r["entity_id"]) for r in mentions.filter(pl.col("entity_type") == "person").iter_rows(named=True)]
    assert got == expected


# 伊 (Italy) stands alone only inside a compound of abbreviations, after a prefix or before a suffix or title:
# place names that begin with it (伊勢, 伊豆, 伊丹) need no stop-list of their own
ITALY_ABBREVIATION_CASES = [
    pytest.param("伊勢志摩サミットで会談した。", [], id="ise-shima"),
    pytest.param("三重県伊勢市で", [], id="ise-city"),
    pytest.param("伊勢神宮を訪れた", [], id="ise-shrine"),
    pytest.param("伊豆半島と伊丹空港", [], id="izu-itami"),
    pytest.param("伊首相と会談", [("伊", "country:it")], id="italy-before-title"),
    pytest.param("日米伊首脳", [("日", "country:jp"), ("米", "country:us"), ("伊", "country:it")], id="italy-in-a-compound"),
]


@pytest.mark.parametrize(("text", "expected"), ITALY_ABBREVIATION_CASES)
def test_one_kanji_italy_needs_its_compound(text, expected):
    mentions, _ = resolve_entities(_docs(text, date(2016, 5, 26)), load_reference())
    assert mentions.select("surface", "entity_id").rows() == expected
