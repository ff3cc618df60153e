"""The English temporal grammar, family by family: each row is a sentence, the mention read in it and its value
(reference 2013-02-12, a Tuesday); the negatives are plain words and numbers that must give nothing."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from nichibei.extract.temporal import extract_temporal

REFERENCE = dt.date(2013, 2, 12)


def _mentions(text: str, anchor: dt.date | None = REFERENCE) -> pl.DataFrame:
    docs = pl.DataFrame({"doc_id": ["d"], "text": [text], "anchor_date": [anchor]},
                        schema={"doc_id": pl.Utf8, "text": pl.Utf8, "anchor_date": pl.Date})
    return extract_temporal(docs)


def _read(text: str, surface: str) -> tuple[str, str | None]:
    hit = _mentions(text).filter(pl.col("surface") == surface)
    assert hit.height == 1, _mentions(text).select("surface", "kind", "value").rows()
    return hit["kind"][0], hit["value"][0]


def _param(text: str, surface: str, kind: str, value: str | None):
    return pytest.param(text, surface, kind, value, id=f"{surface} -> {value}")


NUMERIC_DATES = [
    _param("The leaders will meet 2/15.", "2/15", "date", "2013-02-15"),
    _param("The leaders will meet 2 / 15.", "2 / 15", "date", "2013-02-15"),
    _param("The leaders will meet on 2-15.", "2-15", "date", "2013-02-15"),
    _param("The leaders met 1/20.", "1/20", "date", "2013-01-20"),
    _param("He was born 10/31/1974.", "10/31/1974", "date", "1974-10-31"),
    _param("He was born 10/31/74.", "10/31/74", "date", "1974-10-31"),
    _param("He was born 10-31-74.", "10-31-74", "date", "1974-10-31"),
    _param("He was born 10.31.1974.", "10.31.1974", "date", "1974-10-31"),
    _param("The leaders will meet 3/3/2015.", "3/3/2015", "date", "2015-03-03"),
    _param("The deal was signed 12/25/09.", "12/25/09", "date", "2009-12-25"),
]

MONTH_NAMES = [
    _param("The leaders will meet march 3.", "march 3", "date", "2013-03-03"),
    _param("The leaders will meet february 15.", "february 15", "date", "2013-02-15"),
    _param("The leaders will meet 15th february.", "15th february", "date", "2013-02-15"),
    _param("The leaders will meet the 15th of february.", "15th of february", "date", "2013-02-15"),
    _param("The leaders will meet 15 of february.", "15 of february", "date", "2013-02-15"),
    _param("The leaders will meet the second of march.", "second of march", "date", "2013-03-02"),
    _param("The leaders will meet march first.", "march first", "date", "2013-03-01"),
    _param("The leaders will meet march third 2015.", "march third 2015", "date", "2015-03-03"),
    _param("The leaders will meet on the twenty-first of june.", "twenty-first of june", "date", "2013-06-21"),
    _param("The leaders will meet the third day of october.", "third day of october", "date", "2013-10-03"),
    _param("The leaders will meet 4th of July.", "4th of July", "date", "2013-07-04"),
    _param("The leaders will meet 4 of july.", "4 of july", "date", "2013-07-04"),
    _param("He was born 31st Oct 1974.", "31st Oct 1974", "date", "1974-10-31"),
    _param("The leaders will meet 14april 2015.", "14april 2015", "date", "2015-04-14"),
    _param("The leaders will meet may 7.", "may 7", "date", "2013-05-07"),
    _param("The leaders will meet Wed, Feb13.", "Wed, Feb13", "date", "2013-02-13"),
    _param("The leaders met SEPTEMBER 9.", "SEPTEMBER 9", "date", "2012-09-09"),
    _param("The leaders will meet february the 15th.", "february the 15th", "date", "2013-02-15"),
]

WEEKDAYS = [
    _param("The leaders will meet thu.", "thu.", "weekday", "2013-02-14"),
    _param("The leaders will meet thu", "thu", "weekday", "2013-02-14"),
    _param("The leaders will meet on fri.", "fri.", "weekday", "2013-02-15"),
    _param("The leaders will meet sat.", "sat.", "weekday", "2013-02-16"),
    _param("The leaders will meet on sun", "sun", "weekday", "2013-02-17"),
    _param("The leaders met on Sat.", "Sat.", "weekday", "2013-02-09"),
    _param("The leaders will meet wednesday.", "wednesday", "weekday", "2013-02-13"),
]

DAY_ALONE = [
    _param("The leaders will meet on the 15th.", "the 15th", "date", "2013-02-15"),
    _param("The leaders will meet on the first.", "the first", "date", "2013-03-01"),
    _param("The leaders will meet the 1st.", "the 1st", "date", "2013-03-01"),
    _param("The leaders met on the 3rd.", "the 3rd", "date", "2013-02-03"),
    _param("The talks run from February 20th to the 22nd.", "the 22nd", "date", "2013-02-22"),
    _param("The leaders will meet on the 3rd at 5pm.", "the 3rd", "date", "2013-03-03"),
]

RELATIVE_MONTH_DAYS = [
    _param("The leaders will meet 20 of next month.", "20 of next month", "date", "2013-03-20"),
    _param("The leaders will meet the 20th of the next month.", "20th of the next month", "date", "2013-03-20"),
    _param("The leaders will meet 20th day of next month.", "20th day of next month", "date", "2013-03-20"),
    _param("The leaders will meet the 20th of the current month.", "20th of the current month", "date", "2013-02-20"),
    _param("The leaders will meet 20 of this month.", "20 of this month", "date", "2013-02-20"),
    _param("The leaders met the 20th of the previous month.", "20th of the previous month", "date", "2013-01-20"),
    _param("The leaders met the 5th of last month.", "5th of last month", "date", "2013-01-05"),
    # the previous month of a text that has named a month is the month before that one
    _param("In June 2012 they agreed. The leaders met the 3rd of the following month.", "3rd of the following month",
           "date", "2012-07-03"),
]

# a clock with its day is one mention: a datetime where the zone is known, the clock alone where it is not
CLOCK_WITH_A_DAY = [
    _param("The leaders will meet Thursday 8:00 gmt.", "Thursday 8:00 gmt", "datetime", "2013-02-14T08:00:00+00:00"),
    _param("The leaders will meet Thursday 8h00 gmt.", "Thursday 8h00 gmt", "datetime", "2013-02-14T08:00:00+00:00"),
    _param("The leaders will meet Thursday 8h GMT.", "Thursday 8h GMT", "datetime", "2013-02-14T08:00:00+00:00"),
    _param("The leaders will meet Thu at 8 GMT.", "Thu at 8 GMT", "datetime", "2013-02-14T08:00:00+00:00"),
    _param("The leaders will meet Thursday 9 am (BST).", "Thursday 9 am", "datetime", "2013-02-14T09:00:00+00:00"),
    _param("The leaders will meet Thursday 8:00 PST.", "Thursday 8:00 PST", "datetime", "2013-02-14T08:00:00-08:00"),
    _param("The leaders will meet Thu at 8 am pst.", "Thu at 8 am pst", "datetime", "2013-02-14T08:00:00-08:00"),
    _param("The leaders will meet Thursday at 9:30pm ist.", "Thursday at 9:30pm ist", "datetime",
           "2013-02-14T21:30:00+05:30"),
    _param("The leaders will meet in Tokyo tomorrow at 5pm.", "tomorrow at 5pm", "datetime",
           "2013-02-13T17:00:00+09:00"),
    _param("The leaders will meet in Tokyo tomorrow afternoon at 5.", "tomorrow afternoon at 5", "datetime",
           "2013-02-13T17:00:00+09:00"),
    _param("The leaders met in Tokyo this afternoon at 3:20.", "this afternoon at 3:20", "datetime",
           "2013-02-12T15:20:00+09:00"),
    _param("The leaders met in Tokyo 8 tonight.", "8 tonight", "datetime", "2013-02-12T20:00:00+09:00"),
    _param("The leaders will meet in Tokyo 9 tomorrow evening.", "9 tomorrow evening", "datetime",
           "2013-02-13T21:00:00+09:00"),
    _param("The leaders will meet in Tokyo at 9am on Saturday.", "9am on Saturday", "datetime",
           "2013-02-16T09:00:00+09:00"),
    _param("The leaders will meet in Tokyo at 7:30 PM on Fri, Sep 20.", "7:30 PM on Fri, Sep 20", "datetime",
           "2013-09-20T19:30:00+09:00"),
    _param("The leaders will meet in Tokyo 4/25 at 16h00.", "4/25 at 16h00", "datetime", "2013-04-25T16:00:00+09:00"),
    _param("The leaders will meet tonight at 8 o'clock.", "tonight at 8 o'clock", "time", "20:00"),
    _param("The leaders will meet tomorrow at 150ish.", "tomorrow at 150ish", "time", "01:50"),
    _param("The leaders met this morning @ 10.", "this morning @ 10", "time", "10:00"),
    _param("The leaders met day before yesterday 8am.", "day before yesterday 8am", "time", "08:00"),
    _param("The leaders will meet Saturday morning at 9.", "Saturday morning at 9", "time", "09:00"),
    _param("The leaders will meet on Saturday for 9am.", "Saturday for 9am", "time", "09:00"),
    _param("The leaders will meet Fri, Jul 18, 2014 07:00 PM.", "Fri, Jul 18, 2014 07:00 PM", "time", "19:00"),
]

RELATIVE_COUNTS = [
    _param("The leaders will meet 3 years from today.", "3 years from today", "date", "2016-02-12"),
    _param("The leaders will meet in a week.", "a week", "date", "2013-02-19"),
    _param("The leaders will meet in 1 week.", "1 week", "date", "2013-02-19"),
    _param("The war will be over in ten days.", "ten days", "date", "2013-02-22"),
    _param("The leaders met three months ago.", "three months ago", "month", "2012-11"),
    _param("The leaders will meet three months hence.", "three months hence", "month", "2013-05"),
    # in with a count is a length unless what comes before it makes it a shift
    _param("It grew for the first time in 40 years.", "40 years", "duration", "P40Y"),
    _param("It will be her fourth visit to Asia in two years.", "two years", "duration", "P2Y"),
]

DURATIONS = [
    _param("The leaders met for one sec.", "one sec", "duration", "PT1S"),
    _param('The leaders met for 1".', '1"', "duration", "PT1S"),
    _param("The leaders met for 2 mins.", "2 mins", "duration", "PT2M"),
    _param("The leaders met for 2'.", "2'", "duration", "PT2M"),
    _param("The leaders met for 2 more minutes.", "2 more minutes", "duration", "PT2M"),
    _param("The leaders met for two additional minutes.", "two additional minutes", "duration", "PT2M"),
    _param("The leaders met for 2 extra minutes.", "2 extra minutes", "duration", "PT2M"),
    _param("The leaders met for 2m.", "2m", "duration", "PT2M"),
    _param("The leaders met for 2 m.", "2 m", "duration", "PT2M"),
    _param("The leaders met for a month.", "a month", "duration", "P1M"),
    _param("The leaders met for 1/2 h.", "1/2 h", "duration", "PT30M"),
    _param("The leaders met for 1.5 hrs.", "1.5 hrs", "duration", "PT1H30M"),
    _param("The call lasted 3 h.", "3 h", "duration", "PT3H"),
]


@pytest.mark.parametrize(("text", "surface", "kind", "value"), [
    *NUMERIC_DATES, *MONTH_NAMES, *WEEKDAYS, *DAY_ALONE, *RELATIVE_MONTH_DAYS, *CLOCK_WITH_A_DAY, *RELATIVE_COUNTS,
    *DURATIONS,
])
def test_english_grammar(text, surface, kind, value):
    assert _read(text, surface) == (kind, value)


# words and numbers that look like a date, a weekday or a length and are not one where they stand
NEGATIVES = [
    ("you may 3 times", "may 3"),
    ("They may 2 or 3 more.", "may 2"),
    ("We march 3 miles a day.", "march 3"),
    ("the march to the sea", "march"),
    ("I sat down with him.", "sat"),
    ("When we sat in the room, we agreed.", "sat"),
    ("the sun is shining", "sun"),
    ("observations of UV radiation from the Sun.", "Sun"),
    ("wed to the idea", "wed"),
    ("On Mon- — thank you, Karine.", "Mon"),
    ("2m people were displaced.", "2m"),
    ("The deal was worth $2m.", "2m"),
    ("They paid for 2m shares.", "2m"),
    ("He stands 5'11\" tall.", "5'"),
    ("He ran for a second term.", "a second"),
    ("They meet once a month.", "a month"),
    ("the 9/11 attacks", "9/11"),
    ("after 9/11, we changed", "9/11"),
    ("the disaster of 3/11", "3/11"),
    ("working on this 24/7.", "24/7"),
    ("the 26/11 attacks in Mumbai", "26/11"),
    ("G8/20 leaders", "8/20"),
    ("The court voted 5-4.", "5-4"),
    ("50-80 per cent of people", "50-80"),
    ("version 1.5.2 of the code", "1.5.2"),
    ("the 21st century", "21st"),
    ("We welcome the 3rd\xa0Summit of the Forum.", "3rd"),
    ("By the 10th year following the increase", "10th"),
    ("the first time in years", "first"),
    ("Can you just prompt me on the first?", "first"),
    ("So, on the first question, I agree.", "first"),
    ("seen this first-hand", "first"),
    ("every second dose of vaccine", "second"),
    ("one third of March's budget", "third of March"),
    ("tested for COVID-19 this morning", "19 this morning"),
    ("They met first.", "first"),
    ("He was on the second floor.", "second"),
    ("The bill passed by 2/3 majority.", "2/3"),
    ("He met 2-3 times.", "2-3"),
    ("It opens from 3-5 p.m.", "3-5"),
    ("The couple will wed.", "wed"),
    ("He will meet Sun Yat-sen's heirs.", "Sun"),
]


@pytest.mark.parametrize(("text", "word"), NEGATIVES, ids=[f"{t}" for t, _ in NEGATIVES])
def test_english_plain_words_give_nothing(text, word):
    start = text.find(word)
    assert start >= 0
    out = _mentions(text)
    overlapping = out.filter((pl.col("char_start") < start + len(word)) & (pl.col("char_end") > start))
    assert overlapping.is_empty(), overlapping.select("surface", "kind", "value").rows()
