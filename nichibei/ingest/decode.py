"""Bytes to text: the encoding detected, line ends normalised, and the document's id from its bytes."""

from __future__ import annotations

import hashlib

from charset_normalizer import from_bytes

# Encodings the detector may choose from: Japanese and Western news pages, as collected.
CANDIDATE_ENCODINGS = [
    "utf_8", "utf_16", "utf_16_le", "utf_16_be", "utf_32", "cp932", "shift_jis", "euc_jp", "iso2022_jp", "ascii", "cp1252",
]
MAX_CHAOS = 0.2
DETECTOR_THRESHOLD = 0.5


class DecodeError(ValueError):
    reason = "undecodable"


class EmptyDocument(DecodeError):
    reason = "empty_document"


def doc_id_of(raw: bytes) -> str:
    """The stable id of a document: the first 16 hex digits of the SHA-256 of its raw bytes."""
    return hashlib.sha256(raw).hexdigest()[:16]


def normalise_line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def strict_utf8(raw: bytes) -> tuple[str, str] | None:
    """(text, encoding) when the bytes are UTF-8 text (with or without BOM), else None.

    Bytes that decode as strict UTF-8 are UTF-8 whatever a detector would guess of them; only NUL characters
    (UTF-16 or binary data) and the escape sequences of ISO-2022-JP, itself 7-bit, send them to the detector.
    """
    bom = raw.startswith(b"\xef\xbb\xbf")
    try:
        text = raw[3:].decode("utf_8") if bom else raw.decode("utf_8")
    except UnicodeDecodeError:
        return None
    if "\x00" in text or "\x1b" in text:
        return None
    return text, "utf_8_sig" if bom else "utf_8"


def decode(raw: bytes) -> tuple[str, str]:
    """Decode raw bytes; return (text, encoding name). Raise DecodeError if unreadable.

    Strict UTF-8 first; otherwise charset-normalizer chooses among the legacy encodings, and a text it can only
    read as garbled is rejected.
    """
    if not raw.strip():
        raise EmptyDocument("the file is empty or holds only white space")
    utf8 = strict_utf8(raw)
    if utf8 is not None:
        text, encoding = utf8
        if not text.strip():
            raise EmptyDocument("the file holds only white space")
        return normalise_line_ends(text), encoding
    # charset-normalizer drops a candidate when any chunk of a short text looks noisy (its default threshold);
    # judge by the whole text's mess instead, with the same limit
    best = from_bytes(raw, cp_isolation=CANDIDATE_ENCODINGS, threshold=DETECTOR_THRESHOLD).best()
    if best is None:
        raise DecodeError("no candidate encoding decodes these bytes (invalid byte sequences)")
    if best.chaos > MAX_CHAOS:
        raise DecodeError(f"decoded as {best.encoding} the text is garbled (chaos {best.chaos:.2f})")
    text = str(best)
    if "\x00" in text:
        raise DecodeError(f"decoded as {best.encoding} the text holds NUL characters (binary data?)")
    encoding = best.encoding
    if encoding == "utf_8" and best.bom:
        encoding = "utf_8_sig"
    return normalise_line_ends(text), encoding
