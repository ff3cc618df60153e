"""Checks on the curated reference tables in nichibei/data/reference/.

entities.csv lists people, countries, organisations, places, treaties and weapon systems with their surface
forms; offices.csv lists who held which office between which dates. The matcher resolves a bare title
("外務大臣", "the Secretary of State") or a family name through these office dates, so the tables must be
internally consistent: one holder at a time for single-holder offices, no alias that two entities could
both claim, and the officials of the seed documents present on the dates the documents speak of.

Date convention (see the README): start_date and end_date are both days in office (closed interval); on a
same-day handover the outgoing holder's end_date equals the incoming holder's start_date, and the incoming
holder is the one in office that day.
"""

from __future__ import annotations

import json
import unicodedata
from datetime import date
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

import nichibei.extract.entities.resolve as entities_module

ROOT = Path(__file__).resolve().parents[1]
REF = ROOT / "nichibei" / "data" / "reference"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# the columns the resolver reads, declared once in nichibei.extract.entities.resolve
ENTITY_COLUMNS = list(entities_module.ENTITY_COLUMNS)
OFFICE_COLUMNS = list(entities_module.OFFICE_COLUMNS)
ENTITY_TYPES = {
    "person": "person",
    "country": "country",
    "region": "region",
    "organization": "org",
    "framework": "framework",
    "place": "place",
    "treaty": "treaty",
    "weapon_system": "weapon",
}
OFFICES = {
    "prime_minister",
    "president",
    "vice_president",
    "foreign_minister",
    "defense_minister",
    "chief_cabinet_secretary",
    "deputy_chief_cabinet_secretary",
    "secretary_of_state",
    "secretary_of_defense",
    "treasury_secretary",
    "national_security_advisor",
    "deputy_national_security_advisor",
    "ambassador",
    "minister",
    "other",
}
# Offices held by one person at a time (per country, and per host country for ambassadors).
SINGLE_HOLDER = {
    "prime_minister",
    "president",
    "vice_president",
    "foreign_minister",
    "defense_minister",
    "chief_cabinet_secretary",
    "secretary_of_state",
    "secretary_of_defense",
    "treasury_secretary",
    "national_security_advisor",
    "ambassador",
}


# --------------------------------------------------------------------------------------------- helpers


def _read(path: Path) -> pl.DataFrame:
    """Every column as text; empty fields as null."""
    df = pl.read_csv(path, infer_schema=False, encoding="utf8")
    return df.with_columns(pl.all().replace("", None))


def load_entities(path: Path = REF / "entities.csv") -> pl.DataFrame:
    return _read(path)


def load_offices(path: Path = REF / "offices.csv") -> pl.DataFrame:
    return _read(path).with_columns(
        pl.col("start_date").str.to_date("%Y-%m-%d", strict=True),
        pl.col("end_date").str.to_date("%Y-%m-%d", strict=True),
    )


def alias_key(text: str) -> str:
    """The comparison form of a surface form: NFKC, case-folded, runs of white space collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def alias_table(entities: pl.DataFrame) -> pl.DataFrame:
    """One row per (entity, alias key): the aliases plus name_en and name_ja."""
    return (
        entities.select(
            "entity_id",
            "entity_type",
            pl.concat_list(
                pl.col("aliases").fill_null("").str.split("|"),
                pl.concat_list(pl.col("name_en").fill_null(""), pl.col("name_ja").fill_null("")),
            ).alias("alias"),
        )
        .explode("alias")
        .filter(pl.col("alias") != "")
        .with_columns(pl.col("alias").map_elements(alias_key, return_dtype=pl.String).alias("key"))
        .unique(["entity_id", "key"])
    )


def ambiguous_aliases(entities: pl.DataFrame, offices: pl.DataFrame) -> pl.DataFrame:
    """Pairs of entities of one type that share an alias key and that office dates cannot tell apart.

    The rule: a key shared by two entities of the same type is a defect, except when both are persons, each
    holds at least one office, and no office interval of the one overlaps an office interval of the other
    (a same-day handover, one's end_date equal to the other's start_date, does not count as an overlap).
    Then the matcher can tell them apart by the date of the document ("George Bush" in 1990 and in 2005).
    Returns columns key, entity_id_a, entity_id_b (a < b), sorted.
    """
    aliases = alias_table(entities)
    pairs = (
        aliases.join(aliases, on=["key", "entity_type"], suffix="_b")
        .filter(pl.col("entity_id") < pl.col("entity_id_b"))
        .select("key", "entity_type", pl.col("entity_id").alias("entity_id_a"), "entity_id_b")
        .unique()
    )
    spans = offices.select(
        "entity_id", "start_date", pl.col("end_date").fill_null(date(9999, 12, 31))
    )
    holders = spans.select("entity_id").unique()
    overlapping = (
        pairs.join(spans, left_on="entity_id_a", right_on="entity_id")
        .join(spans, left_on="entity_id_b", right_on="entity_id", suffix="_b")
        .filter(
            (pl.col("start_date") < pl.col("end_date_b")) & (pl.col("start_date_b") < pl.col("end_date"))
        )
        .select("key", "entity_id_a", "entity_id_b")
        .unique()
    )
    separable = (
        pairs.filter(pl.col("entity_type") == "person")
        .join(holders, left_on="entity_id_a", right_on="entity_id", how="semi")
        .join(holders, left_on="entity_id_b", right_on="entity_id", how="semi")
        .join(overlapping, on=["key", "entity_id_a", "entity_id_b"], how="anti")
    )
    return (
        pairs.join(separable, on=["key", "entity_id_a", "entity_id_b"], how="anti")
        .select("key", "entity_id_a", "entity_id_b")
        .sort("key", "entity_id_a", "entity_id_b")
    )


def holders_on(
    offices: pl.DataFrame,
    office: str,
    country: str,
    on: date,
    host: str | None = None,
    detail: str | None = None,
) -> pl.DataFrame:
    """Rows of offices.csv in force on a day (closed intervals), optionally for one host / office_detail."""
    rows = offices.filter(
        (pl.col("office") == office)
        & (pl.col("country_code") == country)
        & (pl.col("start_date") <= on)
        & (pl.col("end_date").is_null() | (pl.col("end_date") >= on))
    )
    if host is not None:
        rows = rows.filter(pl.col("host_country_code") == host)
    if detail is not None:
        rows = rows.filter(pl.col("office_detail") == detail)
    return rows


def holder_on(offices: pl.DataFrame, office: str, country: str, on: date, host: str | None = None) -> str | None:
    """The single holder on a day; on a same-day handover, the incoming holder. None when vacant."""
    rows = holders_on(offices, office, country, on, host)
    if rows.height == 0:
        return None
    return rows.sort("start_date", descending=True)["entity_id"][0]


@pytest.fixture(scope="module")
def entities() -> pl.DataFrame:
    return load_entities()


@pytest.fixture(scope="module")
def offices() -> pl.DataFrame:
    return load_offices()


# --------------------------------------------------------------------------------------------- structure


def test_entities_columns_and_types(entities):
    assert entities.columns == ENTITY_COLUMNS
    assert all(dtype == pl.String for dtype in entities.schema.values())
    assert entities.height > 0


def test_offices_columns_and_types(offices):
    assert offices.columns == OFFICE_COLUMNS
    expected = {c: pl.String for c in OFFICE_COLUMNS} | {"start_date": pl.Date, "end_date": pl.Date}
    assert dict(offices.schema) == expected
    assert offices.height > 0


def test_entity_ids_unique_and_well_formed(entities):
    assert entities["entity_id"].is_duplicated().sum() == 0
    bad = entities.filter(
        ~pl.col("entity_id").str.contains(r"^[a-z]+:[a-z0-9]+(_[a-z0-9]+)*$")
        | (pl.col("entity_id").str.extract(r"^([a-z]+):") != pl.col("entity_type").replace_strict(ENTITY_TYPES, default=""))
    )
    assert bad.height == 0, bad["entity_id"].to_list()


def test_entity_types_and_names(entities):
    assert set(entities["entity_type"].unique()) <= set(ENTITY_TYPES)
    assert entities.filter(pl.col("name_en").is_null() | (pl.col("name_en").str.strip_chars() == "")).height == 0
    assert entities.filter(pl.col("name_ja").is_null()).height == 0


def test_country_codes_are_iso_alpha2(entities, offices):
    pattern = r"^[A-Z]{2}$"
    assert entities.filter(pl.col("country_code").is_not_null() & ~pl.col("country_code").str.contains(pattern)).height == 0
    for col in ("country_code", "host_country_code"):
        assert offices.filter(pl.col(col).is_not_null() & ~pl.col(col).str.contains(pattern)).height == 0
    assert offices["country_code"].null_count() == 0
    # a country entity carries its own code, lowercased in its id
    countries = entities.filter(pl.col("entity_type") == "country")
    assert (countries["entity_id"] == "country:" + countries["country_code"].str.to_lowercase()).all()


def test_people_have_a_country(entities):
    people = entities.filter(pl.col("entity_type") == "person")
    assert people["country_code"].null_count() == 0


def test_aliases_are_clean(entities):
    aliases = entities.select("entity_id", pl.col("aliases").str.split("|")).explode("aliases")
    assert aliases["aliases"].null_count() == 0, "every entity lists at least one alias"
    bad = aliases.filter(
        (pl.col("aliases") == "") | (pl.col("aliases") != pl.col("aliases").str.strip_chars())
    )
    assert bad.height == 0, bad.rows()


def test_person_aliases_are_not_bare_family_names(entities):
    """Family names alone (岸田, Kishida, バイデン) are resolved through offices, not listed as aliases."""
    people = entities.filter(pl.col("entity_type") == "person")
    offenders = []
    for eid, name_en, name_ja, aliases in people.select("entity_id", "name_en", "name_ja", "aliases").iter_rows():
        family_en = name_en.replace(" Jr.", "").split()[-1]
        family_ja = name_ja.split("・")[-1] if "・" in name_ja else None
        if eid.startswith("person:") and "・" not in name_ja:
            family_en = eid.split(":")[1].split("_")[0]
        forbidden = {alias_key(family_en)} | ({alias_key(family_ja)} if family_ja else set())
        offenders += [(eid, a) for a in aliases.split("|") if alias_key(a) in forbidden]
    assert offenders == []


def test_office_vocabulary(offices):
    assert set(offices["office"].unique()) <= OFFICES


def test_office_details_where_required(offices):
    """minister, other and ambassador rows name the post; ambassadors name the host country."""
    named = offices.filter(pl.col("office").is_in(["minister", "other", "ambassador"]))
    assert named["office_detail"].null_count() == 0
    ambassadors = offices.filter(pl.col("office") == "ambassador")
    assert ambassadors["host_country_code"].null_count() == 0
    assert (ambassadors["host_country_code"] != ambassadors["country_code"]).all()
    assert offices.filter((pl.col("office") != "ambassador") & pl.col("host_country_code").is_not_null()).height == 0


def test_dates_ordered(offices):
    bad = offices.filter(pl.col("end_date").is_not_null() & (pl.col("start_date") > pl.col("end_date")))
    assert bad.height == 0, bad.rows()
    assert offices.filter(pl.col("start_date") > date(2026, 11, 22)).height == 0
    assert offices["source"].null_count() == 0


def test_offices_refer_to_known_entities(entities, offices):
    missing = offices.join(entities, on="entity_id", how="anti")
    assert missing.height == 0, missing["entity_id"].to_list()


def test_office_holders_are_people(entities, offices):
    kinds = offices.join(entities.select("entity_id", "entity_type"), on="entity_id")
    assert set(kinds["entity_type"].unique()) == {"person"}


def test_single_holder_offices_never_overlap(offices):
    """At most one holder at a time; touching at a same-day handover is allowed."""
    single = offices.filter(pl.col("office").is_in(SINGLE_HOLDER)).with_row_index("row").with_columns(
        pl.col("end_date").fill_null(date(9999, 12, 31)), pl.col("host_country_code").fill_null("")
    )
    overlaps = (
        single.join(single, on=["office", "country_code", "host_country_code"], suffix="_b")
        .filter(
            (pl.col("row") < pl.col("row_b"))
            & (pl.col("start_date") < pl.col("end_date_b"))
            & (pl.col("start_date_b") < pl.col("end_date"))
        )
        .select("office", "country_code", "entity_id", "entity_id_b", "start_date", "start_date_b")
    )
    assert overlaps.height == 0, overlaps.rows()


# --------------------------------------------------------------------------------------------- alias ambiguity

_TINY_ENTITIES = [
    ("person:bush_george_h_w", "person", "George H. W. Bush", "ジョージ・H・W・ブッシュ", "George Bush|ジョージ・ブッシュ", "US", None),
    ("person:bush_george_w", "person", "George W. Bush", "ジョージ・W・ブッシュ", "George Bush|ジョージ・ブッシュ", "US", None),
    ("person:a_one", "person", "Taro Yamada", "山田太郎", "山田太郎|Yamada Taro", "JP", None),
    ("person:a_two", "person", "Taro Yamada", "山田太郎", "山田 太郎|TARO YAMADA", "JP", None),
    ("place:x", "place", "Camp David", "キャンプ・デービッド", "Camp David", "US", None),
    ("place:y", "place", "Camp-David", "キャンプ・デービッド", "ｷｬﾝﾌﾟ･ﾃﾞｰﾋﾞｯﾄﾞ", "US", None),
    ("country:us", "country", "United States", "米国", "US|米", "US", None),
    ("framework:us", "framework", "Unrelated", "別物", "US", "", None),
]


def _tiny(ids: list[str], offices: list[tuple]) -> tuple[pl.DataFrame, pl.DataFrame]:
    ents = pl.DataFrame([r for r in _TINY_ENTITIES if r[0] in ids], schema={c: pl.String for c in ENTITY_COLUMNS}, orient="row")
    offs = pl.DataFrame(
        [(e, o, None, c, None, date.fromisoformat(s), date.fromisoformat(t) if t else None, "test") for e, o, c, s, t in offices],
        schema={
            "entity_id": pl.String,
            "office": pl.String,
            "office_detail": pl.String,
            "country_code": pl.String,
            "host_country_code": pl.String,
            "start_date": pl.Date,
            "end_date": pl.Date,
            "source": pl.String,
        },
        orient="row",
    )
    return ents, offs


_BUSH_41 = ("person:bush_george_h_w", "president", "US", "1989-01-20", "1993-01-20")
_BUSH_43 = ("person:bush_george_w", "president", "US", "2001-01-20", "2009-01-20")


@pytest.mark.parametrize(
    ("ids", "office_rows", "expected_keys"),
    [
        pytest.param(
            ["person:bush_george_h_w", "person:bush_george_w"],
            [_BUSH_41, _BUSH_43],
            [],
            id="pass-shared-alias-separated-by-office-dates",
        ),
        pytest.param(
            ["person:bush_george_h_w", "person:bush_george_w"],
            [_BUSH_41, ("person:bush_george_w", "president", "US", "1993-01-20", "2009-01-20")],
            [],
            id="pass-same-day-handover-is-not-an-overlap",
        ),
        pytest.param(
            ["person:bush_george_h_w", "person:bush_george_w"],
            [_BUSH_41, ("person:bush_george_w", "other", "US", "1990-01-01", "1991-01-01")],
            ["george bush", "ジョージ・ブッシュ"],
            id="fail-office-dates-overlap",
        ),
        pytest.param(
            ["person:bush_george_h_w", "person:bush_george_w"],
            [_BUSH_41],
            ["george bush", "ジョージ・ブッシュ"],
            id="fail-one-person-holds-no-office",
        ),
        pytest.param(
            ["person:bush_george_h_w", "person:bush_george_w"],
            [_BUSH_41, ("person:bush_george_w", "president", "US", "2001-01-20", None)],
            [],
            id="pass-open-ended-office-after-the-other",
        ),
        pytest.param(
            ["person:a_one", "person:a_two"],
            [
                ("person:a_one", "minister", "JP", "2020-01-01", None),
                ("person:a_two", "minister", "JP", "2021-01-01", "2022-01-01"),
            ],
            ["taro yamada", "山田太郎"],
            id="fail-case-variants-collide-and-overlap",
        ),
        pytest.param(
            ["place:x", "place:y"],
            [],
            ["キャンプ・デービッド"],
            id="fail-places-share-alias-after-nfkc-halfwidth-kana",
        ),
        pytest.param(
            ["country:us", "framework:us"],
            [],
            [],
            id="pass-same-alias-on-different-types",
        ),
        pytest.param([], [], [], id="pass-empty-tables"),
    ],
)
def test_ambiguous_alias_rule(ids, office_rows, expected_keys):
    ents, offs = _tiny(ids, office_rows)
    got = ambiguous_aliases(ents, offs)
    assert sorted(got["key"].unique().to_list()) == sorted(alias_key(k) for k in expected_keys)


def test_no_ambiguous_aliases_in_reference_data(entities, offices):
    got = ambiguous_aliases(entities, offices)
    expected = pl.DataFrame(schema={"key": pl.String, "entity_id_a": pl.String, "entity_id_b": pl.String})
    assert_frame_equal(got, expected)


def test_alias_key_normalises():
    assert alias_key("ＫＩＳＨＩＤＡ　Ｆｕｍｉｏ") == "kishida fumio"
    assert alias_key("ﾄﾗﾝﾌﾟ") == "トランプ"
    assert alias_key("") == ""


# --------------------------------------------------------------------------------------------- office dates


@pytest.mark.parametrize(
    ("office", "country", "on", "host", "expected"),
    [
        pytest.param("prime_minister", "JP", "2009-11-13", None, "person:hatoyama_yukio", id="pm-2009-hatoyama"),
        pytest.param("president", "US", "2009-11-13", None, "person:obama_barack", id="president-2009-obama"),
        pytest.param("chief_cabinet_secretary", "JP", "2009-11-13", None, "person:hirano_hirofumi", id="ccs-2009-hirano"),
        pytest.param("foreign_minister", "JP", "2009-11-13", None, "person:okada_katsuya", id="fm-2009-okada"),
        pytest.param("defense_minister", "JP", "2009-11-13", None, "person:kitazawa_toshimi", id="dm-2009-kitazawa"),
        pytest.param("treasury_secretary", "US", "2009-11-13", None, "person:geithner_timothy", id="treasury-2009-geithner-not-summers"),
        pytest.param("ambassador", "JP", "2009-11-13", "US", "person:fujisaki_ichiro", id="jp-ambassador-2009-fujisaki"),
        pytest.param("ambassador", "US", "2009-11-13", "JP", "person:roos_john", id="us-ambassador-2009-roos"),
        pytest.param("foreign_minister", "JP", "2024-07-28", None, "person:kamikawa_yoko", id="fm-2024-kamikawa"),
        pytest.param("defense_minister", "JP", "2024-07-28", None, "person:kihara_minoru", id="dm-2024-kihara"),
        pytest.param("secretary_of_state", "US", "2024-07-28", None, "person:blinken_antony", id="sos-2024-blinken"),
        pytest.param("secretary_of_defense", "US", "2024-07-28", None, "person:austin_lloyd", id="secdef-2024-austin"),
        pytest.param("prime_minister", "JP", "2025-02-07", None, "person:ishiba_shigeru", id="pm-2025-ishiba"),
        pytest.param("president", "US", "2025-02-07", None, "person:trump_donald", id="president-2025-trump"),
        pytest.param("treasury_secretary", "US", "2025-02-07", None, "person:bessent_scott", id="treasury-2025-bessent"),
        pytest.param("prime_minister", "JP", "2024-04-10", None, "person:kishida_fumio", id="pm-2024-04-kishida"),
        pytest.param("president", "US", "2024-04-10", None, "person:biden_joe", id="president-2024-04-biden"),
        pytest.param("president", "PH", "2024-04-11", None, "person:marcos_ferdinand_jr", id="president-ph-marcos"),
        pytest.param("prime_minister", "JP", "2023-01-13", None, "person:kishida_fumio", id="pm-2023-kishida"),
        pytest.param("president", "US", "2023-01-13", None, "person:biden_joe", id="president-2023-biden"),
        pytest.param("prime_minister", "JP", "2024-09-30", None, "person:kishida_fumio", id="pm-eve-of-handover"),
        pytest.param("prime_minister", "JP", "2024-10-01", None, "person:ishiba_shigeru", id="pm-handover-day-incoming"),
        pytest.param("president", "US", "2025-01-20", None, "person:trump_donald", id="president-inauguration-day"),
        pytest.param("president", "US", "2019-01-01", None, "person:trump_donald", id="president-first-trump-term"),
        pytest.param("prime_minister", "JP", "2015-01-01", None, "person:abe_shinzo", id="pm-second-abe-term"),
        pytest.param("defense_minister", "JP", "2003-06-01", None, "person:ishiba_shigeru", id="jda-director-general-ishiba"),
        pytest.param("secretary_of_defense", "US", "2019-04-19", None, "person:shanahan_patrick", id="acting-secdef-shanahan"),
        pytest.param("secretary_of_defense", "US", "2025-10-01", None, "person:hegseth_pete", id="secretary-of-war-title"),
        pytest.param("national_security_advisor", "US", "2025-06-01", None, "person:rubio_marco", id="nsa-rubio-interim"),
        pytest.param("prime_minister", "JP", "1957-01-01", None, "person:ishibashi_tanzan", id="pm-1957-ishibashi"),
        pytest.param("president", "US", "1957-01-01", None, "person:eisenhower_dwight", id="president-1957-eisenhower"),
        pytest.param("prime_minister", "JP", "2026-06-01", None, "person:takaichi_sanae", id="pm-2026-takaichi"),
        pytest.param("foreign_minister", "JP", "2026-06-01", None, "person:motegi_toshimitsu", id="fm-2026-motegi"),
        pytest.param("chief_cabinet_secretary", "JP", "2026-06-01", None, "person:kihara_minoru", id="ccs-2026-kihara"),
        pytest.param("defense_minister", "JP", "2026-06-01", None, "person:koizumi_shinjiro", id="dm-2026-koizumi"),
        pytest.param("ambassador", "US", "2020-06-01", "JP", None, id="us-ambassador-vacant-2020"),
        pytest.param("prime_minister", "JP", "1900-01-01", None, None, id="before-coverage-is-null"),
    ],
)
def test_spot_checks(offices, office, country, on, host, expected):
    assert holder_on(offices, office, country, date.fromisoformat(on), host) == expected


@pytest.mark.parametrize(
    ("office", "detail", "on", "expected"),
    [
        pytest.param("minister", "Minister of the Environment", "2009-11-13", "person:ozawa_sakihito", id="environment-ozawa-sakihito"),
        pytest.param("minister", "Minister of Economy, Trade and Industry", "2009-11-13", "person:naoshima_masayuki", id="meti-naoshima"),
        pytest.param("other", "Assistant Secretary of State for East Asian and Pacific Affairs", "2009-11-13", "person:campbell_kurt", id="campbell-assistant-secretary"),
        pytest.param("other", "Director of the National Economic Council", "2009-11-13", "person:summers_lawrence", id="summers-nec"),
        pytest.param("deputy_national_security_advisor", None, "2009-11-13", "person:donilon_thomas", id="donilon-deputy-nsa"),
        pytest.param("deputy_chief_cabinet_secretary", None, "2009-11-13", "person:matsuno_yorihisa", id="matsuno-yorihisa-deputy-ccs"),
        pytest.param("minister", "Minister of Finance", "2010-03-01", "person:kan_naoto", id="finance-kan-after-fujii"),
    ],
)
def test_multi_holder_spot_checks(offices, office, detail, on, expected):
    country = "US" if office in {"other", "deputy_national_security_advisor"} else "JP"
    rows = holders_on(offices, office, country, date.fromisoformat(on), detail=detail)
    assert expected in rows["entity_id"].to_list()


_CHECK_DATES = [
    "2000-06-01",
    "2003-03-20",
    "2006-01-15",
    "2008-06-01",
    "2009-11-13",
    "2011-08-01",
    "2013-04-01",
    "2015-06-01",
    "2018-06-12",
    "2019-04-19",
    "2021-06-01",
    "2023-01-13",
    "2024-07-28",
    "2025-02-07",
    "2026-06-01",
]
_CONTINUOUS = [
    ("prime_minister", "JP"),
    ("foreign_minister", "JP"),
    ("defense_minister", "JP"),
    ("chief_cabinet_secretary", "JP"),
    ("president", "US"),
    ("vice_president", "US"),
    ("secretary_of_state", "US"),
    ("secretary_of_defense", "US"),
    ("treasury_secretary", "US"),
    ("national_security_advisor", "US"),
]


@pytest.mark.parametrize(("office", "country"), [pytest.param(o, c, id=f"{o}-{c}") for o, c in _CONTINUOUS])
@pytest.mark.parametrize("on", _CHECK_DATES)
def test_exactly_one_holder(offices, office, country, on):
    rows = holders_on(offices, office, country, date.fromisoformat(on))
    # two rows only on a same-day handover
    if rows.height == 2:
        ends, starts = rows["end_date"].to_list(), rows["start_date"].to_list()
        assert date.fromisoformat(on) in ends and date.fromisoformat(on) in starts
    else:
        assert rows.height == 1, rows.rows()


@pytest.mark.parametrize(
    ("country", "host", "on"),
    [
        pytest.param("JP", "US", d, id=f"jp-to-us-{d}")
        for d in ["2009-11-13", "2013-04-01", "2018-06-12", "2021-06-01", "2024-07-28", "2026-06-01"]
    ]
    + [
        pytest.param("US", "JP", d, id=f"us-to-jp-{d}")
        for d in ["2006-01-15", "2009-11-13", "2015-06-01", "2018-06-12", "2023-01-13", "2026-06-01"]
    ],
)
def test_exactly_one_ambassador(offices, country, host, on):
    assert holders_on(offices, "ambassador", country, date.fromisoformat(on), host).height == 1


# --------------------------------------------------------------------------------------------- seed people


def _seed_participants() -> list[tuple[str, str, str, str, str]]:
    out = []
    for line in (ROOT / "nichibei" / "data" / "gold" / "seeds-gold.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        for meeting in doc["meetings"]:
            for p in meeting["participants"]:
                out.append((meeting["date_local"], p["name_en"], p["name_ja"], p["role"], p["country"]))
    return sorted(set(out))


@pytest.mark.parametrize(
    ("on", "name_en", "name_ja", "role", "country"),
    [pytest.param(*p, id=f"{p[0]}-{p[1]}") for p in _seed_participants()],
)
def test_seed_participants_resolve_with_their_office(entities, offices, on, name_en, name_ja, role, country):
    """Both names of a participant resolve to one entity that held the role in that country on the day."""
    aliases = alias_table(entities)
    by_en = aliases.filter(pl.col("key") == alias_key(name_en))["entity_id"].unique().to_list()
    by_ja = aliases.filter(pl.col("key") == alias_key(name_ja))["entity_id"].unique().to_list()
    assert len(by_en) == 1 and by_en == by_ja, (by_en, by_ja)
    held = holders_on(offices, role, country, date.fromisoformat(on)).filter(pl.col("entity_id") == by_en[0])
    assert held.height >= 1


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        pytest.param("岸田文雄", "person:kishida_fumio", id="kanji"),
        pytest.param("きしだ ふみお", "person:kishida_fumio", id="hiragana"),
        pytest.param("キシダ フミオ", "person:kishida_fumio", id="katakana"),
        pytest.param("Kishida Fumio", "person:kishida_fumio", id="romaji-family-first"),
        pytest.param("Prime Minister Kishida", None, id="title-plus-family-is-for-the-matcher"),
        pytest.param("藤崎一郎", "person:fujisaki_ichiro", id="variant-saki"),
        pytest.param("藤﨑一郎", "person:fujisaki_ichiro", id="official-saki"),
        pytest.param("北沢俊美", "person:kitazawa_toshimi", id="variant-sawa"),
        pytest.param("Joseph R. Biden Jr.", "person:biden_joe", id="english-full"),
        pytest.param("ジョーバイデン", "person:biden_joe", id="katakana-without-dot"),
        pytest.param("Donald J. Trump", "person:trump_donald", id="trump-initial"),
        pytest.param("小沢一郎", None, id="ichiro-ozawa-is-not-listed"),
        pytest.param("米国", "country:us", id="us-kanji"),
        pytest.param("U.S.", "country:us", id="us-dotted"),
        pytest.param("中華人民共和国", "country:cn", id="prc"),
        pytest.param("DPRK", "country:kp", id="dprk"),
        pytest.param("日米豪印", "framework:quad", id="quad"),
        pytest.param("２＋２", "framework:scc", id="two-plus-two-fullwidth"),
        pytest.param("国連安保理", "org:unsc", id="unsc"),
        pytest.param("同盟調整メカニズム", "framework:acm", id="acm"),
        pytest.param("日米安保条約", "treaty:us_japan_security_treaty", id="security-treaty"),
        pytest.param("Article V", "treaty:us_japan_security_treaty_article_5", id="article-5"),
        pytest.param("PAC-3MSE", "weapon:pac_3_mse", id="pac3mse"),
        pytest.param("滑空段階迎撃用誘導弾", "weapon:gpi", id="gpi"),
        pytest.param("南西諸島", "place:southwest_islands", id="southwest-islands"),
        pytest.param("迎賓館", "place:akasaka_palace", id="akasaka-palace"),
        pytest.param("習近平", "person:xi_jinping", id="xi-kanji"),
        pytest.param("シー・ジンピン", "person:xi_jinping", id="xi-chinese-reading"),
        pytest.param("Xi Jinping", "person:xi_jinping", id="xi-english-family-first"),
        pytest.param("Jinping Xi", "person:xi_jinping", id="xi-name-en"),
        pytest.param("李強", "person:li_qiang", id="li-qiang"),
        pytest.param("李克強", "person:li_keqiang", id="li-keqiang"),
        pytest.param("金正恩", "person:kim_jong_un", id="kim-jong-un-kanji"),
        pytest.param("Kim Jong-un", "person:kim_jong_un", id="kim-jong-un-hyphen"),
        pytest.param("キム・ジョンイル", "person:kim_jong_il", id="kim-jong-il-kana"),
        pytest.param("尹錫悦", "person:yoon_suk_yeol", id="yoon-kanji"),
        pytest.param("ユン・ソンニョル", "person:yoon_suk_yeol", id="yoon-kana"),
        pytest.param("ユンソンニョル", "person:yoon_suk_yeol", id="yoon-kana-no-dot"),
        pytest.param("ｲ･ｼﾞｪﾐｮﾝ", "person:lee_jae_myung", id="lee-jae-myung-halfwidth"),
        pytest.param("朴槿惠", "person:park_geun_hye", id="park-traditional-variant"),
        pytest.param("ゼレンシキー", None, id="zelensky-family-name-alone-is-not-listed"),
        pytest.param("ウォロディミル・ゼレンシキー", "person:zelensky_volodymyr", id="zelensky-ukrainian-transcription"),
        pytest.param("Volodymyr Zelenskyy", "person:zelensky_volodymyr", id="zelensky-official-spelling"),
        pytest.param("ウラジーミル・プーチン", "person:putin_vladimir", id="putin"),
        pytest.param("アンソニー・アルバニージー", "person:albanese_anthony", id="albanese"),
        pytest.param("賴清德", "person:lai_ching_te", id="lai-traditional"),
        pytest.param("頼清徳", "person:lai_ching_te", id="lai-japanese-form"),
        pytest.param("蔡英文", "person:tsai_ing_wen", id="tsai"),
        pytest.param("潘基文", "person:ban_ki_moon", id="ban-ki-moon"),
        pytest.param("赤沢亮正", "person:akazawa_ryosei", id="akazawa-common-form"),
        pytest.param("赤澤亮正", "person:akazawa_ryosei", id="akazawa-official-form"),
        pytest.param("尾崎正直", "person:ozaki_masanao", id="ozaki-common-form"),
        pytest.param("斎藤健", "person:saito_ken", id="saito-ken-variant"),
        pytest.param("木原誠二", "person:kihara_seiji", id="kihara-seiji-not-minoru"),
        pytest.param("Nederland", None, id="unlisted-form"),
        pytest.param("", None, id="empty"),
    ],
)
def test_surface_forms(entities, surface, expected):
    found = alias_table(entities).filter(pl.col("key") == alias_key(surface))["entity_id"].unique().to_list()
    assert found == ([expected] if expected else [])


REQUIRED_ENTITIES = [
    "country:us", "country:jp", "country:cn", "country:kr", "country:kp", "country:ru", "country:ua", "country:tw",
    "country:ph", "country:au", "country:in", "country:gb", "country:ca", "country:fr", "country:de", "country:it",
    "region:eu", "region:pacific_islands", "country:af", "country:pk", "country:ir", "country:il",
    "country:bn", "country:kh", "country:id", "country:la", "country:my", "country:mm", "country:sg", "country:th",
    "country:vn",
    "org:g7", "org:g8", "org:g20", "framework:quad", "framework:ipef", "framework:aukus", "org:nato", "org:asean",
    "org:un", "org:unsc", "org:apec", "org:wto", "org:iaea", "framework:dicas", "org:biac", "framework:acm",
    "org:jjoc", "framework:scc", "framework:six_party_talks", "treaty:npt", "framework:cop",
    "place:senkaku_islands", "place:taiwan_strait", "place:east_china_sea", "place:south_china_sea", "place:okinawa",
    "place:futenma", "place:henoko", "place:guam", "place:southwest_islands", "place:white_house",
    "place:washington_dc", "place:tokyo", "place:hiroshima", "place:new_york", "place:camp_david",
    "place:mar_a_lago", "place:kantei", "place:akasaka_palace",
    "treaty:us_japan_security_treaty", "treaty:us_japan_security_treaty_article_5",
    "weapon:tomahawk", "weapon:amraam", "weapon:pac_3_mse", "weapon:gpi", "weapon:sm_3", "weapon:f_35",
]


def test_required_entities_present(entities):
    missing = sorted(set(REQUIRED_ENTITIES) - set(entities["entity_id"].to_list()))
    assert missing == []


def test_every_pm_and_president_since_1957_has_an_office_row(offices):
    """Coverage from 1957-01-01 to today has no day without a prime minister or a president."""
    for office, country in [("prime_minister", "JP"), ("president", "US")]:
        rows = offices.filter((pl.col("office") == office) & (pl.col("country_code") == country)).sort("start_date")
        assert rows["start_date"][0] <= date(1957, 1, 1)
        assert rows["end_date"][-1] is None
        gaps = [
            (a, b)
            for a, b in zip(rows["end_date"].to_list()[:-1], rows["start_date"].to_list()[1:])
            if a is not None and b > a and (office, a) != ("prime_minister", date(1980, 6, 12))
        ]
        assert gaps == [], gaps


# --------------------------------------------------------------------------------------------- other countries' leaders

# Codes in offices.country_code that are not countries: ISO 3166-1 reserves "UN" for the United Nations; NATO has
# no code, so its posts use the user-assigned code "XN" (see the README).
ORGANISATION_OFFICE_CODES = {"UN", "XN"}


def test_office_countries_are_known(entities, offices):
    countries = set(entities.filter(pl.col("entity_type") == "country")["country_code"].to_list())
    unknown = set(offices["country_code"].unique().to_list()) - countries - ORGANISATION_OFFICE_CODES
    assert unknown == set()
    assert set(offices["host_country_code"].drop_nulls().unique().to_list()) <= countries


@pytest.mark.parametrize(
    ("office", "country", "on", "expected"),
    [
        pytest.param("president", "RU", "2010-01-01", "person:medvedev_dmitry", id="ru-president-medvedev"),
        pytest.param("prime_minister", "RU", "2010-01-01", "person:putin_vladimir", id="ru-pm-putin"),
        pytest.param("president", "RU", "2023-01-13", "person:putin_vladimir", id="ru-president-putin-again"),
        pytest.param("president", "RU", "2012-05-07", "person:putin_vladimir", id="ru-handover-day-incoming"),
        pytest.param("president", "CN", "2009-11-13", "person:hu_jintao", id="cn-president-hu"),
        pytest.param("president", "CN", "2024-07-28", "person:xi_jinping", id="cn-president-xi"),
        pytest.param("prime_minister", "CN", "2015-06-01", "person:li_keqiang", id="cn-premier-li-keqiang"),
        pytest.param("prime_minister", "CN", "2024-07-28", "person:li_qiang", id="cn-premier-li-qiang"),
        pytest.param("president", "KR", "2009-11-13", "person:lee_myung_bak", id="kr-lee-myung-bak"),
        pytest.param("president", "KR", "2015-06-01", "person:park_geun_hye", id="kr-park"),
        pytest.param("president", "KR", "2017-04-01", None, id="kr-vacant-after-park-removal"),
        pytest.param("president", "KR", "2018-06-12", "person:moon_jae_in", id="kr-moon"),
        pytest.param("president", "KR", "2023-08-18", "person:yoon_suk_yeol", id="kr-yoon"),
        pytest.param("president", "KR", "2025-05-01", None, id="kr-vacant-after-yoon-removal"),
        pytest.param("president", "KR", "2025-10-29", "person:lee_jae_myung", id="kr-lee-jae-myung"),
        pytest.param("president", "UA", "2024-06-13", "person:zelensky_volodymyr", id="ua-zelensky"),
        pytest.param("prime_minister", "AU", "2013-07-01", "person:rudd_kevin", id="au-rudd-second-term"),
        pytest.param("prime_minister", "AU", "2012-01-01", "person:gillard_julia", id="au-gillard"),
        pytest.param("prime_minister", "AU", "2024-09-21", "person:albanese_anthony", id="au-albanese"),
        pytest.param("prime_minister", "IN", "2009-11-13", "person:singh_manmohan", id="in-singh"),
        pytest.param("prime_minister", "IN", "2024-09-21", "person:modi_narendra", id="in-modi"),
        pytest.param("president", "PH", "2015-06-01", "person:aquino_benigno_iii", id="ph-aquino"),
        pytest.param("president", "PH", "2018-06-12", "person:duterte_rodrigo", id="ph-duterte"),
        pytest.param("prime_minister", "GB", "2022-10-01", "person:truss_liz", id="gb-truss"),
        pytest.param("prime_minister", "GB", "2023-05-19", "person:sunak_rishi", id="gb-sunak"),
        pytest.param("prime_minister", "NL", "2015-06-01", "person:rutte_mark", id="nl-rutte"),
    ],
)
def test_foreign_leader_spot_checks(offices, office, country, on, expected):
    assert holder_on(offices, office, country, date.fromisoformat(on)) == expected


@pytest.mark.parametrize(
    ("office", "detail", "country", "on", "expected"),
    [
        pytest.param("minister", "Minister of Economy, Trade and Industry", "JP", "2024-07-28", "person:saito_ken", id="meti-2024-saito"),
        pytest.param("minister", "Minister of Economy, Trade and Industry", "JP", "2026-06-01", "person:akazawa_ryosei", id="meti-2026-akazawa"),
        pytest.param("minister", "Minister of Finance", "JP", "2015-06-01", "person:aso_taro", id="finance-2015-aso"),
        pytest.param("minister", "Minister of Finance", "JP", "2025-02-07", "person:kato_katsunobu", id="finance-2025-kato"),
        pytest.param("minister", "Minister of Finance", "JP", "2026-06-01", "person:katayama_satsuki", id="finance-2026-katayama"),
        pytest.param("minister", "Minister of State for Economic Security", "JP", "2023-01-13", "person:takaichi_sanae", id="economic-security-2023-takaichi"),
        pytest.param("minister", "Minister of State for Economic Security", "JP", "2026-06-01", "person:onoda_kimi", id="economic-security-2026-onoda"),
        pytest.param("minister", "Minister of State for Economic Revitalization", "JP", "2025-02-07", "person:akazawa_ryosei", id="revitalization-2025-akazawa"),
        pytest.param("deputy_chief_cabinet_secretary", None, "JP", "2023-01-13", "person:kihara_seiji", id="deputy-ccs-kihara-seiji"),
        pytest.param("deputy_chief_cabinet_secretary", None, "JP", "2026-06-01", "person:ozaki_masanao", id="deputy-ccs-ozaki"),
        pytest.param("other", "Secretary General of the National Security Secretariat", "JP", "2024-07-28", "person:akiba_takeo", id="nss-akiba"),
        pytest.param("other", "President of Taiwan", "TW", "2023-01-13", "person:tsai_ing_wen", id="taiwan-tsai"),
        pytest.param("other", "President of Taiwan", "TW", "2024-05-20", "person:lai_ching_te", id="taiwan-inauguration-day-both-rows"),
        pytest.param("other", "General Secretary of the Chinese Communist Party", "CN", "2013-01-01", "person:xi_jinping", id="cn-general-secretary-before-presidency"),
        pytest.param("other", "Chairman of the National Defence Commission of North Korea", "KP", "2009-11-13", "person:kim_jong_il", id="kp-kim-jong-il"),
        pytest.param("other", "Chairman of the State Affairs Commission", "KP", "2018-06-12", "person:kim_jong_un", id="kp-kim-jong-un"),
        pytest.param("other", "Secretary-General of the United Nations", "UN", "2015-06-01", "person:ban_ki_moon", id="un-ban"),
        pytest.param("other", "Secretary General of NATO", "XN", "2024-07-28", "person:stoltenberg_jens", id="nato-stoltenberg"),
        pytest.param("other", "Deputy Secretary of State", "US", "2024-07-28", "person:campbell_kurt", id="deputy-sos-campbell"),
        pytest.param("other", "Deputy Secretary of State", "US", "2016-01-01", "person:blinken_antony", id="deputy-sos-blinken"),
        pytest.param("other", "Deputy Secretary of Defense", "US", "2023-01-13", "person:hicks_kathleen", id="deputy-secdef-hicks"),
        pytest.param("other", "Director of the National Economic Council", "US", "2025-02-07", "person:hassett_kevin", id="nec-hassett"),
        pytest.param("other", "United States Trade Representative", "US", "2024-04-10", "person:tai_katherine", id="ustr-tai"),
        pytest.param("other", "Secretary of Commerce", "US", "2025-10-28", "person:lutnick_howard", id="commerce-lutnick"),
        pytest.param("other", "White House Chief of Staff", "US", "2025-02-07", "person:wiles_susie", id="chief-of-staff-wiles"),
        pytest.param("other", "White House Chief of Staff", "US", "2019-06-01", "person:mulvaney_mick", id="chief-of-staff-acting-prefix"),
        pytest.param("deputy_national_security_advisor", None, "US", "2023-01-13", "person:finer_jon", id="deputy-nsa-finer"),
    ],
)
def test_other_posts_spot_checks(offices, office, detail, country, on, expected):
    """Posts with several holders at a time: the expected person is among the holders; office_detail matches
    as a prefix, as the matcher compares titles ("White House Chief of Staff" covers "... (acting)")."""
    rows = holders_on(offices, office, country, date.fromisoformat(on))
    if detail is not None:
        rows = rows.filter(pl.col("office_detail").str.starts_with(detail))
    assert expected in rows["entity_id"].to_list()


@pytest.mark.parametrize(
    ("office", "detail", "country", "on"),
    [
        pytest.param("other", "Secretary of Commerce", "US", "2025-02-07", id="commerce-before-lutnick-sworn-in"),
        pytest.param("minister", "Minister of State for Economic Security", "JP", "2021-01-01", id="economic-security-before-the-post"),
        pytest.param("other", "Secretary General of the National Security Secretariat", "JP", "2013-06-01", id="nss-before-the-post"),
    ],
)
def test_other_posts_vacant(offices, office, detail, country, on):
    rows = holders_on(offices, office, country, date.fromisoformat(on), detail=detail)
    assert rows.height == 0


_FOREIGN_CONTINUOUS = [
    ("president", "RU", ["2003-03-20", "2009-11-13", "2015-06-01", "2026-06-01"]),
    ("president", "CN", ["2006-01-15", "2013-04-01", "2026-06-01"]),
    ("prime_minister", "CN", ["2006-01-15", "2015-06-01", "2026-06-01"]),
    ("president", "KR", ["2009-11-13", "2013-04-01", "2021-06-01", "2024-07-28", "2026-06-01"]),
    ("prime_minister", "AU", ["2008-06-01", "2011-08-01", "2013-09-18", "2018-06-12", "2026-06-01"]),
    ("prime_minister", "IN", ["2006-01-15", "2015-06-01", "2026-06-01"]),
    ("president", "PH", ["2013-04-01", "2019-04-19", "2026-06-01"]),
    ("prime_minister", "GB", ["2008-06-01", "2011-08-01", "2018-06-12", "2021-06-01", "2024-04-10"]),
]


@pytest.mark.parametrize(
    ("office", "country", "on"),
    [pytest.param(o, c, d, id=f"{o}-{c}-{d}") for o, c, ds in _FOREIGN_CONTINUOUS for d in ds],
)
def test_exactly_one_foreign_leader(offices, office, country, on):
    rows = holders_on(offices, office, country, date.fromisoformat(on))
    if rows.height == 2:
        assert date.fromisoformat(on) in rows["end_date"].to_list()
        assert date.fromisoformat(on) in rows["start_date"].to_list()
    else:
        assert rows.height == 1, rows.rows()


@pytest.mark.parametrize(
    ("surface", "on", "expected"),
    [
        pytest.param("ジョン・ケリー", "2015-06-01", "person:kerry_john", id="john-kerry-as-secretary-of-state"),
        pytest.param("ジョン・ケリー", "2018-06-12", "person:kelly_john_f", id="john-kelly-as-chief-of-staff"),
        pytest.param("ジョン・ケリー", "2020-06-01", None, id="neither-in-office"),
        pytest.param("George Bush", "2005-01-01", "person:bush_george_w", id="bush-43"),
    ],
)
def test_shared_alias_resolves_by_office_date(entities, offices, surface, on, expected):
    """An alias listed for several people names the one in office on the date, or nobody."""
    ids = alias_table(entities).filter(pl.col("key") == alias_key(surface))["entity_id"].unique().to_list()
    assert len(ids) >= 2
    d = date.fromisoformat(on)
    active = (
        offices.filter(
            pl.col("entity_id").is_in(ids)
            & (pl.col("start_date") <= d)
            & (pl.col("end_date").is_null() | (pl.col("end_date") >= d))
        )["entity_id"]
        .unique()
        .to_list()
    )
    assert active == ([expected] if expected else [])
