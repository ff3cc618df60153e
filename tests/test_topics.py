"""Topic tagging from the codebook: per segment, offsets into the document, the words that matched."""

from __future__ import annotations

import polars as pl
import pytest
from polars.testing import assert_frame_equal

import schemas
from nichibei.extract.topics.tagging import CODEBOOK_COLUMNS, load_codebook, make_codebook, tag_topics

REQUIRED = {
    "alliance_deterrence", "article5_senkaku", "taiwan_strait", "east_south_china_sea",
    "north_korea_nuclear_missiles", "abductions", "russia_ukraine", "economic_security",
    "tech_semiconductors_ai_quantum", "energy_lng", "investment_trade", "okinawa_realignment", "defense_industry",
    "command_and_control", "space", "cyber", "climate", "nuclear_disarmament", "afghanistan_pakistan", "iran",
    "groupings_quad_ipef", "g7",
}


def test_codebook_is_complete_and_bilingual():
    table = load_codebook().table
    assert list(table.columns) == list(CODEBOOK_COLUMNS)
    assert REQUIRED <= set(table["topic_code"].to_list())
    assert table["topic_code"].is_unique().all()
    for col in CODEBOOK_COLUMNS:
        assert table[col].null_count() == 0, col


def _segments(texts: list[str], offset: int = 10) -> pl.DataFrame:
    return pl.DataFrame({"doc_id": ["d"] * len(texts), "seg_no": list(range(1, len(texts) + 1)),
                         "char_start": [offset + 100 * i for i in range(len(texts))], "text": texts})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("日米安全保障条約第5条が尖閣諸島に適用される", [("article5_senkaku", 8, 11, "第5条"),
                                                          ("article5_senkaku", 12, 14, "尖閣")], id="japanese"),
        pytest.param("台湾海峡の平和と安定", [("taiwan_strait", 0, 4, "台湾海峡")], id="longest-wins"),
        pytest.param("ＬＮＧの輸出", [("energy_lng", 0, 3, "ＬＮＧ")], id="full-width-latin"),
        pytest.param("They discussed AI and the Taiwan Strait.",
                     [("tech_semiconductors_ai_quantum", 15, 17, "AI"), ("taiwan_strait", 26, 39, "Taiwan Strait")],
                     id="english"),
        pytest.param("AIR and FAIR play; said Iranian officials", [("iran", 24, 28, "Iran")],
                     id="acronyms-need-word-ends"),
        # a digit before 5条 makes another article; a digit after Article 5 another number
        pytest.param("憲法第15条と25条、35条", [], id="5jo-not-15-25-35"),
        pytest.param("安保条約５条の適用", [("article5_senkaku", 4, 6, "５条")], id="5jo-full-width"),
        pytest.param("Article 50 and Article 5.", [("article5_senkaku", 15, 24, "Article 5")], id="article-5-not-50"),
        # サミット alone is any summit; the G7 only by its name
        pytest.param("核セキュリティ・サミットと民主主義サミット", [("nuclear_disarmament", 0, 7, "核セキュリティ")],
                     id="summit-alone-not-g7"),
        pytest.param("G7広島サミットで主要7カ国の首脳が", [("g7", 0, 2, "G7"), ("g7", 9, 14, "主要7カ国")], id="g7-by-name"),
        # single English words too broad for a topic need their compound
        pytest.param("a breathing space, a trade-off, jobs at home", [], id="space-trade-jobs-alone"),
        pytest.param("cooperation in outer space and a trade agreement",
                     [("space", 15, 26, "outer space"), ("investment_trade", 33, 48, "trade agreement")],
                     id="space-trade-compounds"),
        pytest.param("Taiwan's election; peace across the Taiwan Strait", [("taiwan_strait", 36, 49, "Taiwan Strait")],
                     id="taiwan-alone-not-strait"),
        pytest.param("Biden met Kishida in Guam; the relocation to Guam", [("okinawa_realignment", 31, 49, "relocation to Guam")],
                     id="guam-only-relocation"),
        pytest.param("グアムで会談した。建物の修繕と衛星放送", [], id="guam-repair-broadcast-alone"),
        pytest.param("天気の話", [], id="nothing"),
        pytest.param("", [], id="empty"),
    ],
)
def test_tag_topics(text, expected):
    out = tag_topics(_segments([text]), load_codebook())
    got = [(r["topic_code"], r["char_start"] - 10, r["char_end"] - 10, r["evidence"]) for r in out.to_dicts()]
    assert sorted(got, key=lambda x: x[1]) == expected


def test_frame_shape_and_evidence_offsets():
    segs = _segments(["拉致問題", "北朝鮮の弾道ミサイル"])
    out = tag_topics(segs, load_codebook())
    expected = pl.DataFrame(
        {"doc_id": ["d", "d", "d"], "seg_no": [1, 2, 2], "topic_code": ["abductions", "north_korea_nuclear_missiles",
                                                                        "north_korea_nuclear_missiles"],
         "char_start": [10, 110, 114], "char_end": [12, 113, 120], "evidence": ["拉致", "北朝鮮", "弾道ミサイル"]},
        schema=schemas.polars_schema("topics"))
    assert_frame_equal(out, expected)


def test_custom_codebook():
    table = pl.DataFrame({"topic_code": ["x"], "label_en": ["X"], "label_ja": ["エックス"], "keywords_ja": ["髙"],
                          "keywords_en": ["widget"]})
    out = tag_topics(_segments(["高い widgets"]), make_codebook(table))
    assert out["evidence"].to_list() == ["高", "widget"]


def test_missing_codebook_column_is_an_error():
    with pytest.raises(ValueError):
        make_codebook(pl.DataFrame({"topic_code": ["x"]}))
