"""Open a Word (.docx) or OpenDocument (.odt) file safely: what it is, and its XML parts.

Both are zip files. Before anything is decompressed the file is sniffed (a password-protected
Word file and a Word 97-2003 ``.doc`` are OLE compound files, not zips), and the zip's central
directory is bounded by its size on disk, so a zip of a million entries is refused before
Python reads it. Only the parts the importer needs are read, each within its declared size
(`zipfile` stops at the declared size and fails the CRC check when a member holds more), so a
zip bomb or a 50 MB picture never reaches memory. A part with a DOCTYPE is refused: Office never
writes one, and entities are the way to an XML bomb.
"""

from __future__ import annotations

import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from iwp_cli.importer.limits import (
    MAX_CENTRAL_DIRECTORY,
    MAX_FILE_BYTES,
    MAX_MEMBERS,
    MAX_PART_BYTES,
)

DOCX = "docx"
ODT = "odt"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_EMPTY_ZIP = b"PK\x05\x06"
_END = b"PK\x05\x06"
_ODT_MIME = b"application/vnd.oasis.opendocument.text"


class Refused(Exception):
    """The file cannot be imported; ``key`` names the message, ``args`` fill it in."""

    def __init__(self, key: str, **detail: Any) -> None:
        super().__init__(key)
        self.key = key
        self.detail = detail


@dataclass(slots=True)
class Archive:
    """An opened document: its kind and the zip to read parts from."""

    kind: str
    zip: zipfile.ZipFile
    #: Parts present that the importer does not read (pictures and other media), by name.
    media: list[tuple[str, int]]

    def part(self, name: str) -> bytes | None:
        """The bytes of part ``name``, or None when the document has no such part."""
        try:
            info = self.zip.getinfo(name)
        except KeyError:
            return None
        if info.file_size > MAX_PART_BYTES:
            raise Refused(
                "import-part-too-large", part=name, size=info.file_size, limit=MAX_PART_BYTES
            )
        try:
            data = self.zip.read(info)
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as error:
            raise Refused("import-broken-zip", reason=str(error) or type(error).__name__) from None
        if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
            raise Refused("import-doctype", part=name)
        return data


def open_archive(path: Path) -> Archive:
    """Open ``path`` as a .docx or .odt; `Refused` says why it cannot be."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
            if size > MAX_FILE_BYTES:
                raise Refused("import-file-too-large", size=size, limit=MAX_FILE_BYTES)
            _check_ole(head, handle)
            if not head.startswith((_ZIP, _EMPTY_ZIP)):
                raise Refused("import-not-zip")
            _check_directory(handle, size)
    except OSError as error:
        raise Refused("import-unreadable", reason=error.strerror or str(error)) from None
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        raise Refused("import-broken-zip", reason=str(error) or type(error).__name__) from None
    return _kind(archive)


def _check_ole(head: bytes, handle: Any) -> None:
    if head != _OLE:
        return
    handle.seek(0)
    data = handle.read(MAX_PART_BYTES)
    # The directory entries of an OLE file name their streams in UTF-16.
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise Refused("import-encrypted")
    raise Refused("import-old-doc")


def _check_directory(handle: Any, size: int) -> None:
    """Refuse a central directory larger or with more entries than any document needs."""
    tail = min(size, 65_557)
    handle.seek(size - tail)
    data = handle.read(tail)
    at = data.rfind(_END)
    if at < 0 or at + 22 > len(data):
        raise Refused("import-broken-zip", reason="no end of central directory")
    entries, directory_size = struct.unpack("<HI", data[at + 10 : at + 16])
    if entries > MAX_MEMBERS or directory_size > MAX_CENTRAL_DIRECTORY:
        raise Refused("import-too-many-parts", limit=MAX_MEMBERS)


def _kind(archive: zipfile.ZipFile) -> Archive:
    names = set(archive.namelist())
    media = [
        (i.filename, i.file_size)
        for i in archive.infolist()
        if i.filename.startswith(("word/media/", "Pictures/", "media/"))
    ]
    if "word/document.xml" in names:
        return Archive(DOCX, archive, media)
    if "content.xml" in names and "mimetype" in names:
        mime = archive.getinfo("mimetype")
        if mime.file_size < 200 and archive.read(mime).strip() == _ODT_MIME:
            return Archive(ODT, archive, media)
    raise Refused("import-not-word")
