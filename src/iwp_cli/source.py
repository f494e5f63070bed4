"""Read a file's bytes and decode them, refusing what is not UTF-8 text before any parsing.

Bounded: at most ``max_bytes + 1`` bytes are read, whatever the file's size, and only from a
regular file (`iwp_cli.reading`); the limit is the shared one of `iwp_cli.limits`.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

from iwp_cli.limits import MAX_BYTES
from iwp_cli.reading import read_head

DEFAULT_MAX_BYTES = MAX_BYTES

_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
_IWP_KEY = re.compile(rb"(?m)^(?:\xef\xbb\xbf)?iwp[ \t]*:")


@dataclass(frozen=True, slots=True)
class SourceProblem:
    """Why a file's bytes are no text to parse: ``too-large``, ``binary``, ``utf16`` or
    ``not-utf8``."""

    kind: str
    line: int = 0
    column: int = 0
    detail: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Source:
    """A file's text, or the problem that kept it from being text.

    Attributes:
        text: The decoded text without a byte-order mark; None when ``problem`` is set.
        problem: Why there is no text.
        mentions_iwp: Whether a line starts with ``iwp:``; tells, for a file that cannot be
            parsed, whether it was meant as a description.
    """

    text: str | None
    problem: SourceProblem | None
    mentions_iwp: bool


def read_source(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read ``path``; raises OSError when it cannot be read at all or is no regular file."""
    raw, size = read_head(path, max_bytes + 1)
    if len(raw) > max_bytes:
        detail = {"size": f"{size:,}", "limit": f"{max_bytes:,}"}
        mentions = _mentions_iwp(raw)
        return Source(None, SourceProblem("too-large", 0, 0, detail), mentions)
    return decode(raw)


#: How Word and OpenDocument files start: a zip, or an OLE compound file (.doc, or a .docx
#: protected with a password).
_OFFICE = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")


def decode(raw: bytes) -> Source:
    """Decode ``raw`` as UTF-8 (with or without a byte-order mark)."""
    for bom, name in _WIDE_BOMS:
        if raw.startswith(bom):
            wide = raw.decode(name.lower().replace("-", "_"), errors="replace")
            mentions = _mentions_iwp(wide.encode("utf-8"))
            return Source(None, SourceProblem("utf16", 1, 1, {"encoding": name}), mentions)
    mentions = _mentions_iwp(raw)
    if raw.startswith(_OFFICE):  # a zip (.docx, .odt) or an OLE file (.doc): `iwp import`
        return Source(None, SourceProblem("office", 1, 1), mentions)
    if b"\x00" in raw[:8192]:
        return Source(None, SourceProblem("binary", 1, 1), mentions)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        start = error.start
        before = raw[:start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        byte = f"0x{raw[start]:02X}"
        return Source(None, SourceProblem("not-utf8", line, column, {"byte": byte}), mentions)
    return Source(text, None, mentions)


def _mentions_iwp(raw: bytes) -> bool:
    return _IWP_KEY.search(raw) is not None
