"""`iwp render FILE --format pdf`: the HTML report, printed by a Chromium-based browser."""

from __future__ import annotations

from pathlib import Path

import typer

from iwp_cli.commands.common import EXIT_FINDINGS, EXIT_OK, fail
from iwp_cli.render.report import RenderOptions


def render_pdf(path: Path, output: Path | None, options: RenderOptions, browser: str | None) -> int:
    """Print ``path``'s HTML report to ``output`` (default: its name with ``.pdf`` in the
    current folder). Exit 2 when no browser is found or it cannot print."""
    from iwp_cli.commands.render import _not_valid
    from iwp_cli.discovery import Target
    from iwp_cli.i18n import message
    from iwp_cli.render.output import write_atomic
    from iwp_cli.render.pdf import PdfError, find_browser, print_pdf
    from iwp_cli.render.report import render_target

    lang = options.check.lang
    try:
        found = find_browser(browser)
    except PdfError as error:
        raise fail(error, lang) from None
    outcome = render_target(Target(path, str(path), True), options)
    assert outcome is not None
    if outcome.text is None:
        _not_valid([outcome.findings], options.check.lang)
        typer.echo(f"iwp: {message('render-not-valid', lang, path=path)}", err=True)
        return EXIT_FINDINGS
    if output is None:
        output = Path(path.stem + ".pdf")
    try:
        data = print_pdf(outcome.text, found)
    except PdfError as error:
        raise fail(error, lang) from None
    write_atomic(output, data)
    typer.echo(message("wrote", lang, path=output))
    return EXIT_OK
