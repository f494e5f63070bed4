"""`iwp import`: a filled-in appendix form from Word (.docx) or OpenDocument (.odt) as a
description.

The way in: `archive` opens the file safely, a reader (`docx_reader`, `odt_reader`) turns its
XML into paragraphs and tables with their places (`blocks`), `recognise` places them in the
form, `build` makes the values the loader validates. The command then writes them with the
Markdown or YAML writer and checks the result as `iwp check` does.

The reader of .docx needs python-docx, the optional extra ``iwp-cli[import]``.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from iwp_cli.framework import Framework
from iwp_cli.importer.archive import DOCX, Refused, open_archive
from iwp_cli.importer.result import ImportResult

EXTRA = "import"


class MissingExtra(Exception):
    """python-docx is not installed; install the extra ``iwp-cli[import]``."""


def import_file(path: Path, framework: Framework, *, today: datetime.date) -> ImportResult:
    """The description in the form at ``path``; `Refused` says why there is none,
    `MissingExtra` that the reader of .docx is not installed."""
    from iwp_cli.importer.build import build
    from iwp_cli.importer.recognise import recognise

    archive = open_archive(path)
    with archive.zip:
        if archive.kind == DOCX:
            try:
                import docx  # noqa: F401 - only to know whether it is there
            except ImportError:
                raise MissingExtra(EXTRA) from None
            from iwp_cli.importer.docx_reader import read_docx

            document = read_docx(archive)
        else:
            from iwp_cli.importer.odt_reader import read_odt

            document = read_odt(archive)
    from iwp_cli.importer.blocks import Notice

    for name, size in archive.media:
        document.notices.append(Notice("image", (), f"{name} ({size:,} bytes)"))
    return build(recognise(document, framework), stem=path.stem, today=today)


__all__ = ["ImportResult", "MissingExtra", "Refused", "import_file"]
