"""A release passes the standards' own validators: Frictionless on every resource, mlcroissant on every record set.

Frictionless reads Parquet with the parser of `frictionless_nichibei` (PyArrow's Python values, bytes counted by
its loader); it finds that module by name when Nichibei is installed, and it is registered here as well so that the
tests do not depend on how the package was installed.
"""

from __future__ import annotations

import json
import shutil

import mlcroissant
import polars as pl
import pytest
from frictionless import Package, system, validate

import schemas
from frictionless_nichibei import NichibeiPlugin
from nichibei.release.publish import publish


@pytest.fixture(scope="module", autouse=True)
def parquet_plugin():
    system.register("nichibei", NichibeiPlugin())
    yield
    system.deregister("nichibei")


@pytest.fixture(scope="module")
def public_release(real_tables, tmp_path_factory):
    """A public release of raw/: the seeds' texts withheld, the corpus' kept, speakers and quotations present."""
    return publish(real_tables, tmp_path_factory.mktemp("public"), public=True).path


def _errors(report) -> list[tuple[str, str, str]]:
    return [(task.name, e.type, e.message) for task in report.tasks for e in task.errors]


def _descriptor(release) -> dict:
    return json.loads((release / "datapackage.json").read_text(encoding="utf-8"))


def test_package_metadata_is_valid(seed_release):
    descriptor = _descriptor(seed_release)
    assert [e.message for e in Package.metadata_validate(descriptor)] == []
    names = [r["name"] for r in descriptor["resources"]]
    assert len(names) == len(set(names)) == 2 * len(schemas.TABLES)
    assert descriptor["version"] == seed_release.name
    for resource in descriptor["resources"]:
        table = resource["name"].removesuffix("-csv")
        assert resource["schema"]["primaryKey"] == schemas.primary_key(table)


@pytest.mark.parametrize("release", ["seed_release", "public_release"])
def test_frictionless_validates_every_resource(release, request):
    """`frictionless validate datapackage.json`: rows, types, required cells, keys, bytes and hashes."""
    path = request.getfixturevalue(release)
    report = validate(str(path / "datapackage.json"))
    assert _errors(report)[:5] == []
    assert report.valid
    assert sorted(task.name for task in report.tasks) == sorted(r["name"] for r in _descriptor(path)["resources"])
    rows = {task.name: task.stats.get("rows", 0) for task in report.tasks}  # no count for an empty table
    for table in schemas.TABLES:
        height = pl.read_parquet(path / f"{table}.parquet").height
        assert rows[table] == rows[f"{table}-csv"] == height, table


def test_list_columns_are_arrays_in_parquet_and_joined_strings_in_csv(seed_release):
    fields = {r["name"]: {f["name"]: f for f in r["schema"]["fields"]} for r in _descriptor(seed_release)["resources"]}
    assert fields["entities"]["aliases"]["type"] == "array"
    assert fields["entities"]["aliases"]["arrayItem"] == {"type": "string"}
    assert fields["entities-csv"]["aliases"]["type"] == "string"
    assert "joined with `|`" in fields["entities-csv"]["aliases"]["description"]


# What a damaged release looks like to Frictionless: each row changes one thing and names the error it must raise.
DAMAGE = [
    # (what is changed,                                  resource,        expected error type)
    ("declared bytes of a Parquet file one too many",     "meetings",      "byte-count"),
    ("declared hash of a Parquet file of another file",   "meetings",      "hash-count"),
    ("declared bytes of a CSV file one too many",         "meetings-csv",  "byte-count"),
    ("a list column declared as integers",                "entities",      "type-error"),
    ("a nullable integer column declared required",       "meetings",      "constraint-error"),
]


@pytest.mark.parametrize(("change", "resource", "error"), DAMAGE, ids=[row[0] for row in DAMAGE])
def test_frictionless_reports_a_damaged_release(seed_release, tmp_path, change, resource, error):
    release = tmp_path / "release"
    shutil.copytree(seed_release, release)
    descriptor = _descriptor(release)
    (target,) = [r for r in descriptor["resources"] if r["name"] == resource]
    fields = {f["name"]: f for f in target["schema"]["fields"]}
    if change.startswith("declared bytes"):
        target["bytes"] += 1
    elif change.startswith("declared hash"):
        (other,) = [r for r in descriptor["resources"] if r["name"] == "entities"]
        target["hash"] = other["hash"]
    elif change.startswith("a list column"):
        fields["aliases"].update(type="integer")
        fields["aliases"].pop("arrayItem")
    else:
        nulls = pl.read_parquet(release / "meetings.parquet")["duration_minutes"].null_count()
        assert nulls > 0  # the seeds have meetings without a stated duration
        fields["duration_minutes"]["constraints"] = {"required": True}
    (release / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    report = validate(str(release / "datapackage.json"))
    assert not report.valid
    assert {e for name, e, _ in _errors(report) if name == resource} == {error}
    assert {name for name, _, _ in _errors(report)} == {resource}


@pytest.mark.parametrize("release", ["seed_release", "public_release"])
def test_mlcroissant_loads_every_record_set(release, request):
    path = request.getfixturevalue(release)
    dataset = mlcroissant.Dataset(jsonld=str(path / "croissant.json"))
    assert [rs.name for rs in dataset.metadata.record_sets] == list(schemas.TABLES)
    for table in schemas.TABLES:
        frame = pl.read_parquet(path / f"{table}.parquet")
        records = list(dataset.records(record_set=table))
        assert len(records) == frame.height, table
        if table == "entities" and records:
            first = frame.row(0, named=True)
            assert [a.decode() for a in records[0]["entities/aliases"]] == first["aliases"]
            assert records[0]["entities/entity_id"].decode() == first["entity_id"]
