"""Rejections: what could not be used, by which stage, and why; shared by every stage."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

REJECTION_COLUMNS = {"source_file": pl.Utf8, "stage": pl.Utf8, "reason": pl.Utf8, "detail": pl.Utf8}


@dataclass(frozen=True)
class Rejection:
    source_file: str
    stage: str
    reason: str
    detail: str


def rejections_frame(rejections: list[Rejection]) -> pl.DataFrame:
    return pl.DataFrame([r.__dict__ for r in rejections], schema=REJECTION_COLUMNS)


class UnreadableDocument(ValueError):
    """A document a stage cannot read, with the short code of the reason (`html_too_deep`)."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
