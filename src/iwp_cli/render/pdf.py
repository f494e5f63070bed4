"""Print the HTML report to PDF with a Chromium-based browser installed on the machine.

``iwp render FILE --format pdf`` writes the HTML report to a temporary folder and has the
browser print it (``--headless --print-to-pdf``), with a fresh profile in the same folder,
which is removed afterwards. The browser's own header and footer (date, title, the file's URL:
a local path) are switched off with ``--no-pdf-header-footer``; the page numbers come from the
report's CSS (``@page`` with a ``@bottom-center`` margin box: "Pagina 3 van 12"), and the rows of
the principles' tables are kept whole (``break-inside: avoid``). The browser is the one named in
the configuration (``[report] browser``), else the first of `BROWSERS` on the PATH.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from iwp_cli.i18n import Reason, Said

#: Chromium-based browsers looked for on the PATH, in this order.
BROWSERS = (
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "microsoft-edge",
    "microsoft-edge-stable",
    "msedge",
    "brave-browser",
)

#: Seconds a browser may take to print one report.
TIMEOUT = 120


class PdfError(Exception):
    """No browser, or the browser could not print; the message says what to do."""


def find_browser(configured: str | None = None) -> str:
    """The browser to print with: ``configured`` (a path or a command name), else the first of
    `BROWSERS` on the PATH. Raises PdfError when there is none."""
    if configured:
        found = shutil.which(configured)
        if found is None:
            raise PdfError(Said("pdf-browser-configured", browser=configured))
        return found
    for name in BROWSERS:
        found = shutil.which(name)
        if found is not None:
            return found
    raise PdfError(Said("pdf-no-browser", looked=", ".join(BROWSERS[:4])))


def browser_args(browser: str, page: Path, pdf: Path, profile: Path) -> list[str]:
    """The command line that prints ``page`` to ``pdf``."""
    args = [
        browser,
        "--headless",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        f"--user-data-dir={profile}",
        "--no-pdf-header-footer",
        "--print-to-pdf-no-header",  # the same, for browsers before the new headless mode
        f"--print-to-pdf={pdf}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # Chromium's sandbox refuses root
        args.append("--no-sandbox")
    return [*args, page.as_uri()]


def print_pdf(html: str, browser: str, *, timeout: float = TIMEOUT) -> bytes:
    """The PDF of the HTML page ``html``, printed by ``browser``. Raises PdfError."""
    with tempfile.TemporaryDirectory(prefix="iwp-pdf-") as folder:
        base = Path(folder)
        page, pdf = base / "report.html", base / "report.pdf"
        page.write_text(html, encoding="utf-8")
        args = browser_args(browser, page, pdf, base / "profile")
        try:
            done = subprocess.run(
                args, capture_output=True, timeout=timeout, check=False, stdin=subprocess.DEVNULL
            )
        except subprocess.TimeoutExpired:
            seconds = f"{timeout:.0f}"
            raise PdfError(Said("pdf-timeout", browser=browser, seconds=seconds)) from None
        except OSError as error:
            raise PdfError(Said("pdf-cannot-run", browser=browser, reason=Reason(error))) from None
        try:
            data = pdf.read_bytes()
        except OSError:
            data = b""
        if not data.startswith(b"%PDF"):
            lines = done.stderr.decode("utf-8", errors="replace").strip().splitlines()
            reason = lines[-1] if lines else f"exit code {done.returncode}"
            raise PdfError(Said("pdf-failed", browser=browser, reason=reason))
        return data
