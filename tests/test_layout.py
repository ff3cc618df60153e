"""The shape of the code: stages as packages, imports pointing one way, no circle."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("nichibei", "flows", "schemas")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """Each module of the project and the project modules it imports (at any depth of its code)."""
    modules = {_module_name(p): p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                # `from package import submodule` imports the submodule; `from module import name`, the module
                submodules = [f"{node.module}.{a.name}" for a in node.names if f"{node.module}.{a.name}" in modules]
                targets = submodules if len(submodules) == len(node.names) else [node.module, *submodules]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                continue
            found |= {t for t in targets if t in modules and t != name}
        graph[name] = found
    return graph


GRAPH = _imports()


def test_no_import_circle():
    visiting, done, circles = set(), set(), []

    def visit(module: str, path: list[str]) -> None:
        if module in visiting:
            circles.append(path[path.index(module):] + [module])
            return
        if module in done:
            return
        visiting.add(module)
        for target in sorted(GRAPH[module]):
            visit(target, path + [module])
        visiting.discard(module)
        done.add(module)

    for module in sorted(GRAPH):
        visit(module, [])
    assert circles == []


@pytest.mark.parametrize(("lower", "higher"), [
    pytest.param("nichibei.ingest", "nichibei.clean", id="ingest-before-clean"),
    pytest.param("nichibei.ingest", "nichibei.extract", id="ingest-before-extract"),
    pytest.param("nichibei.clean", "nichibei.extract", id="clean-before-extract"),
    pytest.param("nichibei.ingest", "nichibei.release", id="ingest-before-release"),
    pytest.param("nichibei.clean", "nichibei.release", id="clean-before-release"),
    pytest.param("nichibei.extract", "nichibei.release", id="extract-before-release"),
    pytest.param("nichibei", "nichibei.cli", id="nothing-imports-the-cli"),
    pytest.param("nichibei", "flows", id="the-library-never-imports-the-flows"),
])
def test_dependencies_point_one_way(lower, higher):
    def within(module: str, package: str) -> bool:
        return module == package or module.startswith(package + ".")

    wrong = sorted(f"{m} imports {t}" for m, targets in GRAPH.items() for t in targets
                   if within(m, lower) and within(t, higher) and not within(m, higher)
                   and m != "nichibei.cli")  # the command line stands above the flows it runs
    assert wrong == []


def test_stage_packages_say_what_goes_in_and_comes_out():
    for package in ("ingest", "clean", "extract", "release"):
        doc = ast.get_docstring(ast.parse((ROOT / "nichibei" / package / "__init__.py").read_text(encoding="utf-8")))
        assert doc and "In:" in doc and "Out:" in doc, package
