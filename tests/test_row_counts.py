"""Golden row counts of the seed release and of the whole raw/ folder (the real dataset): a change to them comes
with a CHANGELOG line saying why."""

from __future__ import annotations

import csv

import pytest

import schemas

from conftest import FIXTURES



def _counts(name: str) -> dict[str, int]:
    with (FIXTURES / name).open(encoding="utf-8") as fh:
        return {row["table"]: int(row["rows"]) for row in csv.DictReader(fh)}


EXPECTED = _counts("seed_row_counts.csv")
EXPECTED_RAW = _counts("raw_row_counts.csv")


@pytest.mark.parametrize("counts", [EXPECTED, EXPECTED_RAW], ids=["seeds", "raw"])
def test_every_table_has_a_golden_count(counts):
    assert set(counts) == set(schemas.TABLES)


@pytest.mark.parametrize("table", list(schemas.TABLES))
def test_seed_row_count(seed_tables, table):
    assert seed_tables[table].height == EXPECTED[table], (
        f"{table}: {seed_tables[table].height} rows, {EXPECTED[table]} expected; if the change is intended, update "
        "tests/fixtures/seed_row_counts.csv and say why in CHANGELOG.md")


@pytest.mark.parametrize("table", list(schemas.TABLES))
def test_raw_row_count(real_tables, table):
    assert real_tables[table].height == EXPECTED_RAW[table], (
        f"{table}: {real_tables[table].height} rows, {EXPECTED_RAW[table]} expected; if the change is intended, "
        "update tests/fixtures/raw_row_counts.csv and say why in CHANGELOG.md")
