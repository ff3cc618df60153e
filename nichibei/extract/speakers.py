"""Speakers of Diet speeches: who opens each speech, and the office they held on the sitting date.

In: documents (doc_id, text, published_date: the sitting date) and the `entities` and `offices` tables. Out:
the `speakers` table, one row per speaker mark (`clean.speech`). The speaker is resolved only from the mark's
own words: a full name through the reference names; a family name with a title through who held an office
that title stands for on the sitting date, with the given name's first kanji where the mark gives it. Several
or no candidates leave the entity null. A member called by name or as `委員` holds no office the reference
data tracks: their role is null.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import polars as pl

import schemas
from nichibei.clean.speech import SpeakerMark, speaker_mark
from nichibei.rules import load_rules, values

_TITLE_OFFICES = {r["word"]: tuple(o for o in r["offices"].split("|") if o)
                  for r in load_rules("nichibei.clean", "speaker_titles", ("word", "offices"))}


_SELF = re.compile("(?:" + "|".join(map(re.escape, values("nichibei.clean", "speaker_self", "word"))) + ")"
                   "(?!" + "|".join(map(re.escape, values("nichibei.clean", "speaker_self_plural", "word"))) + ")")


def _key(name: str) -> str:
    return unicodedata.normalize("NFKC", name).replace(" ", "").replace("\u3000", "")


def _key_expr(names: pl.Expr) -> pl.Expr:
    """`_key` of a column of names, for all rows at once (NFKC turns U+3000 into a space)."""
    return names.str.normalize("NFKC").str.replace_all(" ", "", literal=True)


def _holders(offices: pl.DataFrame, codes: tuple[str, ...], on: date | None) -> pl.DataFrame:
    """Office terms of Japan's offices `codes` that include the day `on`."""
    if on is None or not codes:
        return offices.clear()
    return offices.filter(
        (pl.col("country_code") == "JP") & pl.col("office").is_in(list(codes))
        & (pl.col("start_date") <= on) & (pl.col("end_date").is_null() | (pl.col("end_date") >= on))
    )


def _by_full_name(people: pl.DataFrame, name: str) -> list[str]:
    key = _key(name)
    return people.filter(
        (pl.col("name_key") == key) | pl.col("aliases").list.eval(pl.element() == key).list.any()
    )["entity_id"].to_list()


def _by_family_name(people: pl.DataFrame, mark: SpeakerMark, holders: pl.DataFrame) -> list[str]:
    prefix = _key(mark.family_name or "") + _key(mark.given_initial or "")
    named = people.filter(pl.col("name_key").str.starts_with(prefix)
                          & (pl.col("name_key").str.len_chars() > len(_key(mark.family_name or ""))))
    return sorted(set(named["entity_id"]) & set(holders["entity_id"]))


def resolve_speaker(mark: SpeakerMark, sitting: date | None, people: pl.DataFrame,
                    offices: pl.DataFrame) -> tuple[str | None, str | None, str | None]:
    """(entity_id, role, role_detail) of the speaker, or Nones when the mark does not single one out."""
    codes = _TITLE_OFFICES.get(mark.title or "", ())
    holders = _holders(offices, codes, sitting)
    if mark.name is not None:
        candidates = _by_full_name(people, mark.name)
    elif mark.family_name is not None and codes:
        candidates = _by_family_name(people, mark, holders)
    else:
        candidates = []
    if len(candidates) != 1:
        return None, None, None
    terms = holders.filter(pl.col("entity_id") == candidates[0]).sort("office")
    if terms.is_empty():
        return candidates[0], None, None
    return candidates[0], terms["office"][0], terms["office_detail"][0]


def find_speakers(docs: pl.DataFrame, entities: pl.DataFrame, offices: pl.DataFrame) -> pl.DataFrame:
    """The `speakers` table of a batch of documents."""
    people = (entities.filter((pl.col("entity_type") == "person") & (pl.col("country_code") == "JP"))
              .with_columns(_key_expr(pl.col("name_ja").fill_null("")).alias("name_key"),
                            pl.col("aliases").list.eval(_key_expr(pl.element()))))
    rows = []
    for doc_id, text, sitting in docs.select("doc_id", "text", "published_date").iter_rows():
        mark = speaker_mark(text or "")
        if mark is None:
            continue
        entity_id, role, role_detail = resolve_speaker(mark, sitting, people, offices)
        rows.append({"doc_id": doc_id, "char_start": mark.start, "char_end": mark.end, "surface": mark.surface,
                     "name_as_written": mark.name or mark.family_name, "title_as_written": mark.title,
                     "entity_id": entity_id, "role": role, "role_detail": role_detail,
                     "reference_date": sitting})
    return pl.DataFrame(rows, schema=schemas.polars_schema("speakers"))


def with_speakers(mentions: pl.DataFrame, speakers: pl.DataFrame, docs: pl.DataFrame) -> pl.DataFrame:
    """Mentions as a speech means them: the speaker mark names nobody the speech is about, and the speaker's
    `私` names the speaker (with the office held on the sitting date), when the mark resolved to one person."""
    if speakers.is_empty():
        return mentions
    marks = speakers.select("doc_id", pl.col("char_start").alias("_mark_start"), pl.col("char_end").alias("_mark_end"))
    kept = (mentions.join(marks, on="doc_id", how="left")
            .filter(pl.col("_mark_end").is_null() | (pl.col("char_start") >= pl.col("_mark_end"))
                    | (pl.col("char_end") <= pl.col("_mark_start")))
            .drop("_mark_start", "_mark_end"))
    texts = dict(docs.select("doc_id", "text").iter_rows())
    rows = []
    for speaker in speakers.filter(pl.col("entity_id").is_not_null()).iter_rows(named=True):
        text = texts.get(speaker["doc_id"]) or ""
        rows += [{"doc_id": speaker["doc_id"], "char_start": m.start(), "char_end": m.end(), "surface": m.group(),
                  "entity_id": speaker["entity_id"], "entity_type": "person", "match_kind": "speaker_self",
                  "role": speaker["role"], "role_detail": speaker["role_detail"], "country_code": "JP",
                  "reference_date": speaker["reference_date"], "is_flagged": False, "flag": None}
                 for m in _SELF.finditer(text, speaker["char_end"])]
    if not rows:
        return kept
    selves = pl.DataFrame(rows).select([pl.col(c).cast(t) for c, t in kept.schema.items() if c in rows[0]])
    return pl.concat([kept, selves], how="diagonal_relaxed").sort("doc_id", "char_start", "char_end")
