"""`meetings.mode`: how a meeting was held, when the text says; `meeting_type` stays who met."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from nichibei.extract.batch import extract_all


def _meeting(text: str, published: date) -> tuple[str, str | None]:
    docs = pl.DataFrame({"doc_id": ["d"], "text": [text], "published_date": [published]})
    segments = pl.DataFrame({"doc_id": ["d"], "seg_no": [1], "kind": ["paragraph"], "language": ["ja"],
                             "char_start": [0], "char_end": [len(text)], "text": [text]})
    (row,) = extract_all(docs, segments)["meetings"].select("meeting_type", "mode").rows()
    return row


@pytest.mark.parametrize(("text", "published", "expected"), [
    pytest.param("茂木外務大臣は22日、ポンペオ国務長官と電話会談を行った。", date(2020, 3, 23),
                 ("foreign_ministers", "phone"), id="ministers-by-telephone-keep-their-type"),
    pytest.param("林外務大臣は10日、ブリンケン国務長官とテレビ会議方式で会談した。", date(2022, 1, 11),
                 ("foreign_ministers", "video"), id="ministers-by-video"),
    pytest.param("岸田総理大臣は10日、ワシントンでバイデン大統領と首脳会談を行った。", date(2024, 4, 11),
                 ("summit", "in_person"), id="a-place-says-in-person"),
    pytest.param("岸田総理大臣は10日、バイデン大統領と首脳会談を行った。", date(2024, 4, 11),
                 ("summit", None), id="nothing-says-how"),
    pytest.param("岸田総理大臣は24日夜、バイデン大統領と電話会談を行った。", date(2023, 8, 25),
                 ("phone_call", "phone"), id="leaders-by-telephone"),
    pytest.param("President Biden spoke by phone today with Prime Minister Kishida of Japan.", date(2023, 8, 24),
                 ("phone_call", "phone"), id="english-phone-call"),
])
def test_mode(text, published, expected):
    assert _meeting(text, published) == expected
