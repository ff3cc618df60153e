"""The pipeline's stages as pure functions over batches of documents: load, clean, extract.

The Prefect flow in `flows/release.py` calls these in order; tests call them directly. A stage that fails on
one document records it in `rejections` and goes on with the others.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import polars as pl

import schemas
from nichibei.clean.classify import Cleaned, CleanParams, clean_documents
from nichibei.extract.batch import extract_all
from nichibei.extract.meetings.merge import only_disagreements
from nichibei.ingest.load import load_raw
from nichibei.rejections import Rejection, UnreadableDocument, rejections_frame
from nichibei.clean.segments import SegmentParams, build_segments, document_language

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Loaded:
    raw_docs: pl.DataFrame     # doc_id, source_file, raw_sha256, encoding, format, raw_text + manifest columns
    rejections: pl.DataFrame


@dataclass(frozen=True)
class CleanedStage:
    documents: pl.DataFrame    # the `documents` table but `is_relevant`
    boilerplate: pl.DataFrame
    segments: pl.DataFrame
    rejections: pl.DataFrame


def load(raw_dir: Path) -> Loaded:
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"raw folder {raw_dir} does not exist")
    raw_docs, rejections = load_raw(raw_dir)
    return Loaded(raw_docs, rejections)


def isolate_failures(
    fn: Callable[[pl.DataFrame], object], docs: pl.DataFrame, stage: str
) -> tuple[object | None, pl.DataFrame, list[Rejection]]:
    """Run `fn` on the batch; if it raises, find the documents it fails on, reject them and run it on the rest.

    The failing documents are found by halving the batch, so a few bad documents in a large batch cost a few
    dozen runs on smaller batches rather than one run per document.
    """
    try:
        return fn(docs), docs, []
    except Exception:  # noqa: BLE001 - any failure of a stage on a document must not stop the run
        log.warning("%s failed on the batch of %d documents; looking for the ones it fails on", stage,
                    docs.height, exc_info=True)
    bad: dict[int, Exception] = {}

    def search(lo: int, hi: int) -> None:
        try:
            fn(docs[lo:hi])
        except Exception as exc:  # noqa: BLE001
            if hi - lo == 1:
                bad[lo] = exc
            else:
                mid = (lo + hi) // 2
                search(lo, mid)
                search(mid, hi)

    mid = docs.height // 2
    search(0, mid) if mid else None
    search(mid, docs.height)
    rejected = [
        Rejection(docs["source_file"][i] if "source_file" in docs.columns else docs["doc_id"][i], stage,
                  *((exc.reason, str(exc)) if isinstance(exc, UnreadableDocument)
                    else (f"{stage}_failed", f"{type(exc).__name__}: {exc}")))
        for i, exc in sorted(bad.items())
    ]
    rest = docs.with_row_index("_i").filter(~pl.col("_i").is_in(list(bad))).drop("_i")
    return (fn(rest) if rest.height else None), rest, rejected


def manifest_conflicts(documents: pl.DataFrame) -> list[Rejection]:
    """A manifest value that the document's own text contradicts is not used; each one is recorded."""
    checks = (("published_at", "manifest_published_date", "text_date", "date"),
              ("source_url", "source_url", "front_source_url", "front matter's `source_url`"))
    conflicts = []
    for column, manifest_value, text_value, what in checks:
        rows = documents.filter(pl.col(manifest_value).is_not_null() & pl.col(text_value).is_not_null()
                                & (pl.col(manifest_value) != pl.col(text_value)))
        conflicts += [
            Rejection(source_file, "manifest", "conflicting_manifest_value",
                      f"sources.csv {column} {str(listed)!r} disagrees with the text's {what} {str(own)!r}, "
                      "which is published")
            for source_file, listed, own in rows.select("source_file", manifest_value, text_value).iter_rows()
        ]
    return conflicts


def clean(loaded: Loaded, params: CleanParams = CleanParams(),
          segment_params: SegmentParams = SegmentParams()) -> CleanedStage:
    """Boilerplate removal, datelines, titles, segments and languages."""
    raw = loaded.raw_docs
    result, kept, rejected = isolate_failures(lambda d: clean_documents(d, params), raw, "clean")
    if result is None:
        result = clean_documents(raw.clear(), params)
    empty = result.documents.filter(pl.col("text").str.strip_chars().fill_null("") == "")["doc_id"].to_list()
    empty += kept.join(result.documents, on="doc_id", how="anti")["doc_id"].to_list()
    if empty:
        # nothing of the document is left once its furniture is gone (a page of scripts): it is no document
        files = dict(kept.select("doc_id", "source_file").iter_rows())
        rejected += [Rejection(files[d], "clean", "empty_document", "no text is left once the page's furniture, "
                               "scripts and markup are removed") for d in sorted(set(empty))]
        kept = kept.filter(~pl.col("doc_id").is_in(empty))
        result = Cleaned(result.documents.filter(~pl.col("doc_id").is_in(empty)),
                         result.boilerplate.filter(~pl.col("doc_id").is_in(empty)),
                         result.units.filter(~pl.col("doc_id").is_in(empty)))
    segments = build_segments(result.units, segment_params)
    languages = document_language(segments, segment_params)
    documents = (
        kept.join(result.documents, on="doc_id", how="left")
        .join(languages, on="doc_id", how="left")
        .with_columns(pl.coalesce("dateline_date", "front_published_date").alias("text_date"))
    )
    rejected += manifest_conflicts(documents)
    documents = (
        documents.with_columns(
            pl.coalesce("text_date", "manifest_published_date").alias("published_date"),
            pl.when(pl.col("text_date").is_not_null()).then(pl.lit("text"))
            .when(pl.col("manifest_published_date").is_not_null()).then(pl.lit("manifest"))
            .otherwise(pl.lit(None, pl.Utf8)).alias("published_date_source"),
            pl.coalesce("front_title", "title").alias("title"),
            pl.coalesce("front_source_url", "source_url").alias("source_url"),
            pl.col("language").fill_null("ja"),
            pl.col("text").str.len_chars().cast(pl.Int64).alias("n_chars"),
        )
    )
    return CleanedStage(
        documents=documents,
        boilerplate=result.boilerplate,
        segments=segments,
        rejections=pl.concat([loaded.rejections, rejections_frame(rejected)]),
    )


EXTRACTED_TABLES = ("temporal_mentions", "entities", "offices", "mentions", "speakers", "meetings",
                    "meeting_participants", "meeting_sources", "meeting_field_values", "topics")


def extract(cleaned: CleanedStage) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    """Dates, entities, meetings and topics from the cleaned text, and the documents extraction failed on.

    A document that makes extraction fail stays published with its text; it is recorded in `rejections`
    and contributes no extracted rows.
    """
    docs = cleaned.documents.select("doc_id", "source_file", "text", "published_date", "publisher", "source_url")

    def run(batch: pl.DataFrame) -> dict[str, pl.DataFrame]:
        segments = cleaned.segments.join(batch.select("doc_id"), on="doc_id", how="semi")
        return extract_all(batch.drop("source_file"), segments)

    tables, _, rejected = isolate_failures(run, docs, "extract")
    if tables is None:
        tables = {name: schemas.empty_frame(name) for name in EXTRACTED_TABLES}
    return tables, rejections_frame(rejected)


def assemble(cleaned: CleanedStage, extracted: dict[str, pl.DataFrame],
             extract_rejections: pl.DataFrame | None = None) -> dict[str, pl.DataFrame]:
    """Every release table, in the declared columns."""
    relevant = extracted["meeting_sources"].select("doc_id").unique().with_columns(pl.lit(True).alias("_rel"))
    documents = (
        cleaned.documents.join(relevant, on="doc_id", how="left")
        .with_columns(pl.col("_rel").fill_null(False).alias("is_relevant"), pl.lit(False).alias("is_text_withheld"))
        .select(list(schemas.polars_schema("documents")))
    )
    tables = {
        "documents": documents,
        "boilerplate": cleaned.boilerplate,
        "segments": cleaned.segments,
        **extracted,
        "rejections": pl.concat([cleaned.rejections, *([extract_rejections] if extract_rejections is not None
                                                       else [])]).unique(maintain_order=True),
    }
    return {name: tables[name] for name in schemas.TABLES}


CLEANED_TABLES = ("documents", "boilerplate", "segments")


def _without_documents(tables: dict[str, pl.DataFrame], extracted_from: set[str],
                       dropped: set[str]) -> dict[str, pl.DataFrame]:
    """Tables without anything extracted from `extracted_from`, and without the documents `dropped` at all."""
    out = dict(tables)
    gone = list(extracted_from | dropped)
    for table in ("temporal_mentions", "mentions", "speakers", "topics", "meeting_sources"):
        out[table] = tables[table].filter(~pl.col("doc_id").is_in(gone))
    kept = out["meeting_sources"]
    out["meetings"] = (tables["meetings"].join(kept.select("meeting_id").unique(), on="meeting_id", how="semi")
                       .drop("n_sources")
                       .join(kept.group_by("meeting_id").len("n_sources"), on="meeting_id"))
    out["meeting_participants"] = (
        tables["meeting_participants"].join(out["meetings"].select("meeting_id"), on="meeting_id", how="semi")
        .filter(~pl.col("evidence_doc_id").is_in(gone)))
    out["meeting_field_values"] = only_disagreements(
        tables["meeting_field_values"].join(out["meetings"].select("meeting_id"), on="meeting_id", how="semi")
        .filter(~pl.col("doc_id").is_in(gone)))
    for table in CLEANED_TABLES:
        out[table] = tables[table].filter(~pl.col("doc_id").is_in(list(dropped)))
    out["documents"] = out["documents"].with_columns(
        (pl.col("is_relevant") & ~pl.col("doc_id").is_in(list(extracted_from))).alias("is_relevant"))
    return out


def validate(tables: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """Validate every table; rows that fail and name their document take that document's extraction out.

    The document is recorded in `rejections` with every failure; the others are published. Failures that no
    document can be blamed for (a reference table, a missing column) stop the run.
    """
    try:
        return schemas.validate_tables(tables)
    except schemas.ValidationFailed as exc:
        failure = exc
    blamed = {t: ids for t, ids in failure.doc_ids.items() if ids}
    failing_tables = {line.split(".")[0].split(":")[0] for line in failure.failures}
    unblamed = failing_tables - set(blamed)
    meeting_docs: set[str] = set()
    if "meetings" in unblamed:  # a meeting names its documents through meeting_sources
        bad_ids = {line.split("(meeting_id=")[1].split(")")[0].strip("'") for line in failure.failures
                   if line.startswith("meetings.") and "(meeting_id=" in line}
        meeting_docs = set(tables["meeting_sources"].filter(pl.col("meeting_id").is_in(list(bad_ids)))["doc_id"])
        if meeting_docs:
            unblamed.discard("meetings")
    if unblamed:
        raise failure
    dropped = set().union(*(blamed.get(t, set()) for t in CLEANED_TABLES))
    extracted_from = set().union(*blamed.values(), meeting_docs) - dropped
    files = dict(tables["documents"].select("doc_id", "source_file").iter_rows())
    rejected = [
        Rejection(files.get(doc, doc), "clean" if doc in dropped else "extract", "invalid_values",
                  "; ".join(line for line in failure.failures if doc in line)[:2000] or failure.failures[0])
        for doc in sorted(dropped | extracted_from)
    ]
    log.warning("validation failed for %d document(s); their rows are left out: %s", len(rejected),
                ", ".join(r.source_file for r in rejected))
    repaired = _without_documents(tables, extracted_from, dropped)
    repaired["rejections"] = pl.concat([tables["rejections"], rejections_frame(rejected)])
    return schemas.validate_tables(repaired)


def build_tables(raw_dir: Path) -> dict[str, pl.DataFrame]:
    """The whole pipeline without Prefect: raw folder in, validated tables out."""
    cleaned = clean(load(raw_dir))
    return validate(assemble(cleaned, *extract(cleaned)))
