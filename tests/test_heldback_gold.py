"""The held-back gold: documents read by hand and never used to write a rule, scored apart in QUALITY.md."""

from __future__ import annotations

from conftest import RAW, load_corpus_gold

from nichibei.release.quality import quality_figures, render_markdown
from nichibei.release.scoring import load_gold

HELD_BACK = load_gold("heldback-gold.jsonl")
CORPUS = load_corpus_gold()


def test_held_back_documents_are_real_documents_apart_from_the_corpus_gold():
    files = [g["file"] for g in HELD_BACK]
    assert len(files) == len(set(files)) == 30
    assert not set(files) & {g["file"] for g in CORPUS}
    assert all((RAW / f).is_file() for f in files)
    assert {f.split("/")[0] for f in files} == {"wh", "diet"}


def test_held_back_gold_has_the_corpus_gold_format():
    doc_keys = {frozenset(k for k in g if k not in ("body_rendered", "boilerplate_lines")) for g in CORPUS}
    meeting_keys = {frozenset(m) for g in CORPUS for m in g["meetings"]}
    participant_keys = {frozenset(p) for g in CORPUS for m in g["meetings"] for p in m["participants"]}
    for g in HELD_BACK:
        assert frozenset(k for k in g if k not in ("body_rendered", "boilerplate_lines")) in doc_keys, g["file"]
        for m in g["meetings"]:
            assert frozenset(m) in meeting_keys, g["file"]
            assert all(frozenset(p) in participant_keys for p in m["participants"]), g["file"]


def test_quality_report_scores_the_held_back_gold_apart(real_tables):
    figures = quality_figures(real_tables)
    rows = {r["group"]: r for r in figures["scores_against_heldback_gold"]}
    assert rows["all"]["documents"] == 30
    assert rows["all"]["meetings_in_gold"] == sum(
        1 for g in HELD_BACK for m in g["meetings"] if not m.get("optional"))
    text = render_markdown(figures)
    assert text.index("## Scores against the hand-read gold") < text.index("## Scores against the held-back gold")
