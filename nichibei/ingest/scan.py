"""The files of the raw folder that are documents, and those that are not."""

from __future__ import annotations

from pathlib import Path

from nichibei.rejections import Rejection

DOCUMENT_SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown"}
MANIFEST_NAME = "sources.csv"
# Files that sit in the raw folder but are not documents.
NOT_DOCUMENTS = {MANIFEST_NAME, "README.md", ".gitkeep", ".gitattributes"}


def scan_raw(raw_dir: Path) -> tuple[list[Path], list[Rejection]]:
    """Document files under the raw folder, in a stable order, and the files that are not documents."""
    files, rejected = [], []
    for path in sorted(p for p in raw_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(raw_dir).as_posix()
        if any(part.startswith(".") for part in Path(rel).parts) or path.name in NOT_DOCUMENTS:
            continue
        if path.suffix.lower() in DOCUMENT_SUFFIXES:
            files.append(path)
        else:
            rejected.append(Rejection(rel, "scan", "unsupported_format",
                                      f"{path.suffix or 'no extension'}: only {', '.join(DOCUMENT_SUFFIXES)} files are read"))
    return files, rejected
