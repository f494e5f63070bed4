"""`iwp import` on bad input: a clear message and exit 2 (or findings), never a traceback, bounded
time and memory, nothing written. Figures on this machine are in the README."""

from __future__ import annotations

import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

import word_forms
from iwp_cli.importer.limits import MAX_PART_BYTES, MAX_TABLES

_BODY = "<w:document {W}><w:body>{body}</w:body></w:document>"
_TABLE = (
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Kenmerk</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>Effect(en)</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>Randvoorwaarde(n)</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
)
_FORM = "".join(
    word_forms.run(text).join(("<w:p>", "</w:p>"))
    for text in ("NAAM IWP: Zorglab", "C. Processen", "Samen prototypes testen")
)


def _docx(path: Path, body: str = _FORM, extra: dict[str, bytes] | None = None) -> Path:
    """A minimal .docx: its document part (and ``extra`` parts, stored as they are)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", _BODY.format(W=word_forms.W, body=body))
        for name, data in (extra or {}).items():
            archive.writestr(name, data, compress_type=zipfile.ZIP_STORED)
    return path


def _run(iwp, path: Path) -> tuple[object, float, int]:  # type: ignore[no-untyped-def]
    tracemalloc.start()
    start = time.perf_counter()
    result = iwp("import", path, "--lang", "en")
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return result, seconds, peak


def _refused(iwp, path: Path, expected: str) -> None:  # type: ignore[no-untyped-def]
    before = sorted(p.name for p in path.parent.iterdir())
    result, seconds, peak = _run(iwp, path)
    assert result.exit_code == 2, result.stdout  # type: ignore[attr-defined]
    assert result.stderr.startswith(f"iwp: {path}: "), result.stderr  # type: ignore[attr-defined]
    assert expected in result.stderr  # type: ignore[attr-defined]
    assert "Traceback" not in result.stderr  # type: ignore[attr-defined]
    assert sorted(p.name for p in path.parent.iterdir()) == before
    assert seconds < 10 and peak < 64 * 1024 * 1024, (seconds, peak)


def test_not_a_zip(tmp_path: Path, iwp) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "form.docx"
    path.write_text("NAAM IWP: Zorglab\nA. Uitgangspunten\n", encoding="utf-8")
    _refused(iwp, path, "not a Word (.docx) or OpenDocument (.odt) file; open it in Word")


def test_a_zip_bomb(tmp_path: Path, iwp) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bomb.docx"
    block = b" " * (1024 * 1024)
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("word/document.xml", "w", force_zip64=False) as member,
    ):
        for _ in range(MAX_PART_BYTES // len(block) + 8):
            member.write(block)
    assert path.stat().st_size < 200_000
    _refused(
        iwp, path, "unpacks to 25,165,824 bytes, more than the 16,777,216 allowed (a zip bomb?)"
    )


def test_a_zip_bomb_that_lies_about_its_size(tmp_path: Path, iwp) -> None:  # type: ignore[no-untyped-def]
    path = _docx(tmp_path / "liar.docx", " " * (8 * 1024 * 1024))
    name = b"word/document.xml"
    with zipfile.ZipFile(path) as archive:
        local = archive.getinfo(name.decode()).header_offset
    data = bytearray(path.read_bytes())
    small = (1000).to_bytes(4, "little")  # says 1,000 bytes, unpacks to 8 MB
    data[local + 22 : local + 26] = small
    central = data.find(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(name)] != name:
        central = data.find(b"PK\x01\x02", central + 1)
    data[central + 24 : central + 28] = small
    path.write_bytes(bytes(data))
    _refused(iwp, path, "the file is damaged (Bad CRC-32 for file 'word/document.xml')")


def test_no_recognisable_part(tmp_path: Path, iwp) -> None:  # type: ignore[no-untyped-def]
    body = word_forms.run("Boodschappen: melk, brood").join(("<w:p>", "</w:p>"))
    _refused(iwp, _docx(tmp_path / "list.docx", body), "no part of the appendix form found")


def test_five_hundred_tables(tmp_path: Path, iwp) -> None:  # type: ignore[no-untyped-def]
    path = _docx(tmp_path / "tables.docx", _FORM + _TABLE * 500)
    _refused(iwp, path, f"more than {MAX_TABLES} tables; the appendix form has one per principle")


def test_tables_nested_a_thousand_deep(tmp_path: Path, iwp) -> None:  # type: ignore[no-untyped-def]
    body = "<w:tbl><w:tr><w:tc>" * 1000 + "<w:p/>" + "</w:tc></w:tr></w:tbl>" * 1000
    _refused(iwp, _docx(tmp_path / "deep.docx", _FORM + body), "is not valid XML")


def test_an_xml_bomb(tmp_path: Path, iwp) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "laughs.docx"
    entities = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    xml = f'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY l0 "ha">{entities}]><w:document/>'
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", xml)
    _refused(iwp, path, "declares a DOCTYPE or entities, which Word never writes")


def test_too_many_parts(tmp_path: Path, iwp) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "parts.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", _BODY.format(W=word_forms.W, body=_FORM))
        for index in range(6000):
            archive.writestr(f"p/{index}", b"")
    _refused(iwp, path, "more parts than the 5,000 a document may have")


@pytest.mark.parametrize(
    ("stream", "expected"),
    [
        ("EncryptedPackage", "the document is protected with a password; open it in Word"),
        ("WordDocument", "a Word 97-2003 document (.doc); open it in Word and save it as"),
    ],
)
def test_ole_files(tmp_path: Path, iwp, stream: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "form.docx"
    sector = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    path.write_bytes(sector + stream.encode("utf-16-le").ljust(128, b"\0") + bytes(384))
    _refused(iwp, path, expected)


def test_a_fifty_megabyte_picture_is_left_unread(tmp_path: Path, iwp) -> None:  # type: ignore[no-untyped-def]
    path = _docx(
        tmp_path / "photo.docx", extra={"word/media/image1.png": b"\x89PNG" + bytes(50 * 2**20)}
    )
    result, seconds, peak = _run(iwp, path)
    assert result.exit_code == 0, result.stderr  # type: ignore[attr-defined]
    assert (
        "in the file: a picture, not imported: word/media/image1.png (52,428,804 bytes)"
        in result.stdout
    )  # type: ignore[attr-defined]
    assert (tmp_path / "photo.md").is_file()
    assert seconds < 10 and peak < 32 * 1024 * 1024, (seconds, peak)


def test_damaged_documents_never_give_a_traceback(tmp_path: Path) -> None:
    """Bytes of a real form's XML overwritten at random places: a message or a description,
    never an exception."""
    import contextlib
    import datetime

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from iwp_cli.framework import builtin_framework
    from iwp_cli.importer import Refused, import_file

    source = word_forms.save(word_forms.form(), tmp_path)
    with zipfile.ZipFile(source) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts["word/document.xml"]

    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
    @given(
        st.lists(
            st.tuples(st.integers(0, len(xml) - 1), st.binary(min_size=1, max_size=8)),
            min_size=1,
            max_size=6,
        )
    )
    def damaged(changes: list[tuple[int, bytes]]) -> None:
        data = bytearray(xml)
        for at, replacement in changes:
            data[at : at + len(replacement)] = replacement
        path = tmp_path / "damaged.docx"
        with zipfile.ZipFile(path, "w") as archive:
            for name, value in {**parts, "word/document.xml": bytes(data)}.items():
                archive.writestr(name, value)
        with contextlib.suppress(Refused):
            import_file(path, builtin_framework(), today=datetime.date(2026, 12, 1))

    damaged()
