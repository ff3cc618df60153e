"""The README and the command line document what exists: the data dictionary, every command, runnable examples."""

from __future__ import annotations

import re

import pytest

from nichibei.cli import parser
from schemas.__main__ import render

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_data_dictionary_matches_the_schemas():
    assert render(README) == README, "README data dictionary is stale: run `python -m schemas`"


def test_readme_gives_exactly_two_command_lines_the_second_is_ci():
    blocks = re.findall(r"```sh\n(.*?)```", README, flags=re.S)
    assert len(blocks) == 2 and all(len(b.strip().splitlines()) == 1 for b in blocks)
    assert "nichibei release" in blocks[0] and "pytest" in blocks[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert blocks[1].strip() in ci


def _subcommands():
    p = parser()
    (sub,) = [a for a in p._actions if a.__class__.__name__ == "_SubParsersAction"]
    return sub.choices


@pytest.mark.parametrize("name", sorted(_subcommands()))
def test_every_command_has_documented_help(name, capsys):
    command = _subcommands()[name]
    assert command.description and command.epilog and "example:" in command.epilog
    with pytest.raises(SystemExit) as exit_info:
        parser().parse_args([name, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "example:" in out and f"nichibei {name}" in out
    for action in command._actions:
        if action.dest != "help":
            assert action.help, f"{name}: argument {action.dest} has no help"


@pytest.mark.parametrize("language", ["DuckDB", "Polars"])
def test_readme_examples_run_on_a_real_release(seed_release, language, capsys):
    section = README.split(f"**{language}**", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, flags=re.S).group(1)
    code = code.replace('"output/releases/1.0.0"', repr(str(seed_release)))
    exec(compile(code, f"README-{language}", "exec"), {})
    assert capsys.readouterr().out.strip()
