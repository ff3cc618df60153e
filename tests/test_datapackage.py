"""datapackage.json is a valid Frictionless Data Package, and its CSV resources validate against their schemas."""

from __future__ import annotations

import json

import pytest
from frictionless import Package, Resource, validate

import schemas


def test_package_metadata_is_valid(seed_release):
    descriptor = json.loads((seed_release / "datapackage.json").read_text(encoding="utf-8"))
    assert [e.message for e in Package.metadata_validate(descriptor)] == []
    names = [r["name"] for r in descriptor["resources"]]
    assert len(names) == len(set(names)) == 2 * len(schemas.TABLES)
    assert descriptor["version"] == seed_release.name


@pytest.mark.parametrize("table", list(schemas.TABLES))
def test_csv_resource_validates(seed_release, table):
    descriptor = json.loads((seed_release / "datapackage.json").read_text(encoding="utf-8"))
    (resource,) = [r for r in descriptor["resources"] if r["name"] == f"{table}-csv"]
    report = validate(Resource(resource, basepath=str(seed_release)))
    assert report.valid, [e.message for task in report.tasks for e in task.errors][:5]
    assert resource["schema"]["primaryKey"] == schemas.primary_key(table)
