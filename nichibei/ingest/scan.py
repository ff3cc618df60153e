"""The files of the raw folder that are documents, and those that are not.

The raw folder is closed: the scan never follows a symbolic link (to a file or a folder), reads nothing that is
not a regular file inside it, and reads a document without following a link swapped in after the scan. Every
such entry, and a name that is not text, is a rejection with its reason.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from nichibei.rejections import Rejection

DOCUMENT_SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown"}
MANIFEST_NAME = "sources.csv"
# A document is a report or a page, not an archive: a larger file is refused unread (the pipeline holds a batch's
# texts in memory).
MAX_DOCUMENT_BYTES = 20_000_000
# Files that sit in the raw folder but are not documents.
NOT_DOCUMENTS = {MANIFEST_NAME, "README.md", ".gitkeep", ".gitattributes"}


def walk_entries(raw_dir: Path):
    """(path, relative path, lstat) of every entry under the raw folder, links included but never followed."""
    for top, dirs, names in os.walk(raw_dir, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in [*dirs, *names]:
            path = Path(top) / name
            yield path, path.relative_to(raw_dir).as_posix(), path.lstat()


def refusal_of(rel: str, info: os.stat_result, path: Path) -> Rejection | None:
    """Why an entry of the raw folder is not read, or None when it is a regular file that may be."""
    if stat.S_ISLNK(info.st_mode):
        return Rejection(rel, "scan", "symbolic_link", f"a symbolic link (to {os.readlink(path)!r}): links are never "
                         "followed, so nothing outside the raw folder is read")
    if stat.S_ISDIR(info.st_mode):
        return None
    if not stat.S_ISREG(info.st_mode):
        return Rejection(rel, "scan", "not_a_regular_file", "not a regular file (a pipe, socket or device)")
    if info.st_size > MAX_DOCUMENT_BYTES:
        return Rejection(rel, "scan", "too_large", f"{info.st_size:,} bytes: a document is at most "
                         f"{MAX_DOCUMENT_BYTES:,} bytes (a report or a page, not an archive)")
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        return Rejection(rel.encode("utf-8", "surrogateescape").decode("utf-8", "replace"), "scan",
                         "undecodable_file_name", "the file's name is not valid UTF-8")
    return None


def scan_raw(raw_dir: Path) -> tuple[list[Path], list[Rejection]]:
    """Document files under the raw folder, in a stable order, and the files that are not documents."""
    files, rejected = [], []
    for path, rel, info in sorted(walk_entries(raw_dir), key=lambda e: e[1]):
        if path.name.startswith(".") or path.name in NOT_DOCUMENTS and not stat.S_ISLNK(info.st_mode):
            continue
        refusal = refusal_of(rel, info, path)
        if refusal is not None:
            rejected.append(refusal)
        elif stat.S_ISDIR(info.st_mode):
            continue
        elif path.suffix.lower() in DOCUMENT_SUFFIXES:
            files.append(path)
        else:
            rejected.append(Rejection(rel, "scan", "unsupported_format", f"{path.suffix or 'no extension'}: only "
                                      f"{', '.join(DOCUMENT_SUFFIXES)} files are read"))
    return files, rejected


def read_regular_file(path: Path) -> bytes:
    """The bytes of a regular file, refusing a symbolic link put in its place since the scan."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as fh:
        return fh.read()
