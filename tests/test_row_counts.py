"""Golden row counts of the seed release: a change to them comes with a CHANGELOG line saying why."""

from __future__ import annotations

import csv

import pytest

import schemas

from conftest import FIXTURES

EXPECTED = {row["table"]: int(row["rows"])
            for row in csv.DictReader((FIXTURES / "seed_row_counts.csv").open(encoding="utf-8"))}


def test_every_table_has_a_golden_count():
    assert set(EXPECTED) == set(schemas.TABLES)


@pytest.mark.parametrize("table", list(schemas.TABLES))
def test_seed_row_count(seed_tables, table):
    assert seed_tables[table].height == EXPECTED[table], (
        f"{table}: {seed_tables[table].height} rows, {EXPECTED[table]} expected; if the change is intended, update "
        "tests/fixtures/seed_row_counts.csv and say why in CHANGELOG.md")
