"""The curated reference tables (`nichibei/data/reference/`: entities, offices, office titles): read, checked,
normalised and indexed once per process; the consistency checks of the tables (aliases shared by entities, titles
naming two offices)."""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import polars as pl

from nichibei.extract.entities.folding import fold_key
from nichibei.extract.entities.match_rules import MatchRules
from nichibei.extract.entities.index import build_index, Index


DEFAULT_REFERENCE_FOLDER = Path(__file__).resolve().parents[2] / "data" / "reference"


ENTITY_COLUMNS = ("entity_id", "entity_type", "name_en", "name_ja", "aliases", "country_code", "notes")


OFFICE_COLUMNS = (
    "entity_id",
    "office",
    "office_detail",
    "country_code",
    "host_country_code",
    "start_date",
    "end_date",
    "source",
)


TITLE_COLUMNS = ("title", "office", "country_code", "office_detail", "language", "host_country_code")


@dataclass(frozen=True)
class Reference:
    """Loaded, validated reference tables.

    ``entities``: entity_id, entity_type, name_en, name_ja, aliases (List[Utf8]), country_code, notes.
    ``offices``: entity_id, office, office_detail, country_code, host_country_code, start_date (Date),
    end_date (Date, null while in office), source. ``office_titles``: title, office, country_code, office_detail,
    language, host_country_code.
    """

    entities: pl.DataFrame
    offices: pl.DataFrame
    office_titles: pl.DataFrame
    rules: MatchRules = field(default_factory=MatchRules)
    _index: Index = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", build_index(self.entities, self.offices, self.office_titles, self.rules))


def _normalise_entities(df: pl.DataFrame) -> pl.DataFrame:
    missing = [c for c in ENTITY_COLUMNS if c not in df.columns and c != "notes"]
    if missing:
        raise ValueError(f"entities table lacks columns {missing}")
    if "notes" not in df.columns:
        df = df.with_columns(pl.lit(None, dtype=pl.Utf8).alias("notes"))
    aliases = pl.col("aliases")
    if df.schema["aliases"] != pl.List(pl.Utf8):
        aliases = (
            pl.col("aliases").cast(pl.Utf8).fill_null("").str.split("|").list.eval(
                pl.element().str.strip_chars()
            ).list.eval(pl.element().filter(pl.element() != ""))
        )
    out = df.select(
        pl.col("entity_id").cast(pl.Utf8).str.strip_chars(),
        pl.col("entity_type").cast(pl.Utf8).str.strip_chars(),
        pl.col("name_en").cast(pl.Utf8).str.strip_chars().replace("", None),
        pl.col("name_ja").cast(pl.Utf8).str.strip_chars().replace("", None),
        aliases.alias("aliases"),
        pl.col("country_code").cast(pl.Utf8).str.strip_chars().replace("", None),
        pl.col("notes").cast(pl.Utf8),
    )
    if out["entity_id"].null_count() or out["entity_type"].null_count():
        raise ValueError("entities table has rows without entity_id or entity_type")
    return out


def _normalise_offices(df: pl.DataFrame) -> pl.DataFrame:
    missing = [c for c in OFFICE_COLUMNS if c not in df.columns and c != "source"]
    if missing:
        raise ValueError(f"offices table lacks columns {missing}")
    if "source" not in df.columns:
        df = df.with_columns(pl.lit(None, dtype=pl.Utf8).alias("source"))

    def as_date(c: str) -> pl.Expr:
        if df.schema[c] == pl.Date:
            return pl.col(c)
        return pl.col(c).cast(pl.Utf8).str.strip_chars().replace("", None).str.to_date("%Y-%m-%d", strict=True)

    return df.select(
        pl.col("entity_id").cast(pl.Utf8).str.strip_chars(),
        pl.col("office").cast(pl.Utf8).str.strip_chars(),
        pl.col("office_detail").cast(pl.Utf8).str.strip_chars().replace("", None),
        pl.col("country_code").cast(pl.Utf8).str.strip_chars().replace("", None),
        pl.col("host_country_code").cast(pl.Utf8).str.strip_chars().replace("", None),
        as_date("start_date").alias("start_date"),
        as_date("end_date").alias("end_date"),
        pl.col("source").cast(pl.Utf8),
    )


def _normalise_titles(df: pl.DataFrame) -> pl.DataFrame:
    if "host_country_code" not in df.columns:
        df = df.with_columns(pl.lit(None, dtype=pl.Utf8).alias("host_country_code"))
    missing = [c for c in TITLE_COLUMNS if c not in df.columns]
    if missing:
        raise ValueError(f"office_titles table lacks columns {missing}")
    return df.select(
        [pl.col(c).cast(pl.Utf8).str.strip_chars().replace("", None) for c in TITLE_COLUMNS]
    ).filter(pl.col("title").is_not_null())


def _read_csv(path: Path) -> pl.DataFrame:
    return pl.read_csv(path, infer_schema=False, encoding="utf8")


def make_reference(
    entities: pl.DataFrame,
    offices: pl.DataFrame,
    office_titles: pl.DataFrame | None = None,
    rules: MatchRules | None = None,
) -> Reference:
    """Build a :class:`Reference` from in-memory tables (aliases may be a ``|``-joined string or a list; dates
    may be ISO strings or Dates). Without ``office_titles`` the package's table is used."""
    if office_titles is None:
        office_titles = _read_csv(DEFAULT_REFERENCE_FOLDER / "office_titles.csv")
    return Reference(
        entities=_normalise_entities(entities),
        offices=_normalise_offices(offices),
        office_titles=_normalise_titles(office_titles),
        rules=rules or MatchRules(),
    )


def load_reference(folder: Path | None = None, rules: MatchRules | None = None) -> Reference:
    """Load entities.csv, offices.csv and office_titles.csv from ``folder`` (default: the package's
    data/reference folder). With the default rules, a folder is read and indexed once per process: every batch
    of documents, and every retry of a smaller batch, shares the same immutable reference."""
    folder = Path(folder) if folder is not None else DEFAULT_REFERENCE_FOLDER
    if rules is None:
        return _load_reference_once(str(folder.resolve()))
    return _build_reference(folder, rules)


def _build_reference(folder: Path, rules: MatchRules | None) -> Reference:
    return make_reference(
        _read_csv(folder / "entities.csv"),
        _read_csv(folder / "offices.csv"),
        _read_csv(folder / "office_titles.csv"),
        rules,
    )


@functools.lru_cache(maxsize=4)
def _load_reference_once(folder: str) -> Reference:
    return _build_reference(Path(folder), None)


def alias_conflicts(ref: Reference) -> pl.DataFrame:
    """Alias keys (NFKC, variant-folded, lower case) shared by two or more entities of the same type.

    ``separable`` is true only when every entity sharing the key is a person and no two of them hold offices at
    overlapping dates, so that the office held at the reference date can tell them apart. A row with
    ``separable`` false is a defect in the reference data.
    """
    keys: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in ref.entities.iter_rows(named=True):
        for n in [row["name_ja"], row["name_en"], *(row["aliases"] or [])]:
            if n:
                keys[(fold_key(n), row["entity_type"])].add(row["entity_id"])
    offices = ref._index.offices_by_person
    out = {"alias_key": [], "entity_type": [], "entity_ids": [], "separable": []}
    for (key, etype), ids in sorted(keys.items()):
        if len(ids) < 2:
            continue
        separable = etype == "person" and all(offices.get(i) for i in ids)
        if separable:
            spans = [(o.start_date or date.min, o.end_date or date.max, i) for i in ids for o in offices[i]]
            for a in spans:
                for b in spans:
                    if a[2] < b[2] and a[0] <= b[1] and b[0] <= a[1]:
                        separable = False
        out["alias_key"].append(key)
        out["entity_type"].append(etype)
        out["entity_ids"].append(sorted(ids))
        out["separable"].append(separable)
    return pl.DataFrame(
        out,
        schema={"alias_key": pl.Utf8, "entity_type": pl.Utf8, "entity_ids": pl.List(pl.Utf8), "separable": pl.Boolean},
    )


def title_conflicts(office_titles: pl.DataFrame) -> pl.DataFrame:
    """Titles (folded) that map to more than one (office, country, detail, host): each title must name one
    office for a country."""
    t = _normalise_titles(office_titles).with_columns(
        pl.col("title").map_elements(fold_key, return_dtype=pl.Utf8).alias("title_key")
    )
    return (
        t.group_by("title_key")
        .agg(pl.struct("office", "country_code", "office_detail", "host_country_code").unique().alias("targets"))
        .filter(pl.col("targets").list.len() > 1)
        .sort("title_key")
    )
