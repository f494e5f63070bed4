"""The ``[report]`` table of the configuration: what a report for partners carries besides the
description (a logo, a colophon) and which browser prints PDF.

Example, in ``iwp.toml``::

    [report]
    logo = "huisstijl/logo.svg"          # relative to this file; PNG, JPEG, GIF, WebP or SVG
    organisation = "Hanzehogeschool Groningen, Centre of Expertise Energie"
    contact = "iwp@example.org"
    browser = "/usr/bin/chromium"        # for iwp render --format pdf; default: on the PATH

The logo is read once and embedded in the page as a ``data:`` URI, so the page stays one
self-contained file; its Content-Security-Policy then allows images from ``data:`` only.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from iwp_cli.i18n import Said
from iwp_cli.reading import read_head

#: The largest logo embedded in a page.
MAX_LOGO_BYTES = 512 * 1024

#: The image types a logo may have, by suffix.
LOGO_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".svg": "image/svg+xml",
}


class ReportTable(BaseModel):
    """The ``[report]`` table as written."""

    model_config = ConfigDict(extra="forbid")

    logo: str | None = Field(default=None, description="Image file for the report's header.")
    organisation: str | None = Field(
        default=None, max_length=300, description="Who publishes the report (colophon)."
    )
    contact: str | None = Field(
        default=None, max_length=300, description="Whom to contact (colophon)."
    )
    browser: str | None = Field(
        default=None, description="A Chromium-based browser for --format pdf."
    )


@dataclass(frozen=True, slots=True)
class ReportSettings:
    """The ``[report]`` settings, with paths made absolute (relative to the configuration).

    Attributes:
        logo: The logo's file, or None.
        organisation: The colophon's organisation, or None.
        contact: The colophon's contact, or None.
        browser: The browser named for PDF (a path or a command name), or None.
    """

    logo: Path | None = None
    organisation: str | None = None
    contact: str | None = None
    browser: str | None = None


def report_settings(table: ReportTable, base: Path) -> tuple[ReportSettings, Said | None]:
    """The settings of ``table``, with the logo relative to ``base``; or a problem to report."""
    logo = None
    if table.logo is not None:
        if "\x00" in table.logo:
            return ReportSettings(), Said("config-logo-name", logo=repr(table.logo))
        logo = (base / table.logo).absolute()
        if logo.suffix.lower() not in LOGO_TYPES:
            kinds = ", ".join(sorted(LOGO_TYPES))
            return ReportSettings(), Said("config-logo-kind", logo=repr(table.logo), kinds=kinds)
        if not logo.is_file():
            return ReportSettings(), Said("config-logo-missing", logo=repr(table.logo))
    browser = table.browser
    if browser is not None and ("/" in browser or browser.startswith(".")):
        browser = str((base / browser).absolute())
    return ReportSettings(logo, table.organisation, table.contact, browser), None


def logo_data_uri(path: Path) -> str:
    """The logo at ``path`` as a ``data:`` URI. Raises OSError or ValueError (too large)."""
    data, _ = read_head(path, MAX_LOGO_BYTES + 1)
    if len(data) > MAX_LOGO_BYTES:
        raise ValueError(f"{path}: a logo may have at most {MAX_LOGO_BYTES:,} bytes")
    kind = LOGO_TYPES[path.suffix.lower()]
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"
