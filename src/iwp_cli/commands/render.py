"""`iwp render`: a Markdown or HTML report of a description, or a catalogue site of a folder."""

from __future__ import annotations

import dataclasses
import enum
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from iwp_cli.commands.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    Lang,
    fail,
    language,
    output_file,
    say,
)

if TYPE_CHECKING:
    from iwp_cli.findings import Finding
    from iwp_cli.render.report import RenderOptions
    from iwp_cli.render.summary import Colophon
    from iwp_cli.report_config import ReportSettings

EPILOG = (
    "Examples:\n\n"
    "  iwp render examples/value-in-the-valley.yaml               Markdown on standard output\n\n"
    "  iwp render examples/value-in-the-valley.yaml -o vitv.html  HTML (format from the suffix)\n\n"
    "  iwp render descriptions/ -o site/                           a page each and index.html\n\n"
    "  iwp render zorglab.yaml -f html --lang en --template-dir my-templates/\n\n"
    "  iwp render zorglab.yaml --audience partners -o zorglab.html  for partners and funders\n\n"
    "  iwp render zorglab.yaml --audience partners --format pdf -o zorglab.pdf  via Chromium\n\n"
    "The same input gives the same bytes; --stamp adds the time (SOURCE_DATE_EPOCH if set). "
    "Exit codes: 0 written, 1 a description is not valid (nothing written for it; run iwp "
    "check), 2 usage, configuration, template or I/O errors."
)


class ReportFormat(str, enum.Enum):
    md = "md"
    html = "html"
    pdf = "pdf"


class Audience(str, enum.Enum):
    team = "team"
    partners = "partners"


def _format(given: ReportFormat | None, output: Path | None, is_dir: bool) -> str:
    """``--format``, else the output's suffix, else HTML for a folder and Markdown for a file."""
    if given is not None:
        return given.value
    suffix = output.suffix.lower() if output is not None else ""
    if suffix in {".html", ".htm"}:
        return "html"
    if suffix in {".md", ".markdown"}:
        return "md"
    if suffix == ".pdf":
        return "pdf"
    return "html" if is_dir else "md"


def render(  # noqa: PLR0917 - typer maps each parameter to an option
    path: Annotated[
        Path, typer.Argument(help="A description, or a folder of descriptions.", show_default=False)
    ],
    output_format: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="md, html or pdf (printed by a Chromium-based browser). Default: from -o's "
            "suffix, else html for a folder and md for a file.",
        ),
    ] = None,
    output_arg: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="File (or folder: an existing one, or a name ending in /) to write; for a "
            "folder of descriptions, the site's folder. Default for a file: standard output.",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        Lang | None,
        typer.Option("--lang", help="Language of the reports. Default: each description's own."),
    ] = None,
    template_dir: Annotated[
        Path | None,
        typer.Option(
            "--template-dir",
            help="Templates that override the shipped ones (same names, such as "
            "html/principles.html.j2); they run in a sandbox.",
        ),
    ] = None,
    stamp: Annotated[
        bool, typer.Option("--stamp", help="Print the time of rendering in the footer.")
    ] = False,
    config: Annotated[
        Path | None,
        typer.Option("--config", help="Configuration file, as for iwp check."),
    ] = None,
    audience: Annotated[
        Audience,
        typer.Option(
            "--audience",
            help="team: the whole report with the check; partners: a summary first, no check "
            "table and no paths, with the logo and colophon of [report] in iwp.toml.",
        ),
    ] = Audience.team,
) -> None:
    """Write a report that mirrors the handbook (sections A-D, open points, the check), or a page
    per description and an index for a folder."""
    from iwp_cli.checker import CheckOptions
    from iwp_cli.config import ConfigError
    from iwp_cli.discovery import InputError
    from iwp_cli.framework import FrameworkError
    from iwp_cli.i18n import Said, message
    from iwp_cli.parallel import WorkerLost
    from iwp_cli.render.environment import RenderError
    from iwp_cli.render.report import RenderOptions, stamp_now
    from iwp_cli.render.summary import Colophon
    from iwp_cli.settings import resolve_settings

    if not path.exists():
        raise fail(Said("no-such-path", path=path), language(lang))
    is_dir = path.is_dir()
    output = None if output_arg is None else Path(output_arg)
    fmt = _format(output_format, output, is_dir)
    if not is_dir:  # a report into a folder: an existing one, or -o's name ending in /
        output = output_file(output_arg, f"{path.stem}.{fmt}")
    if fmt == "pdf" and is_dir:
        raise fail(Said("pdf-folder", path=path), language(lang))
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or None
    try:
        now, today = stamp_now(epoch)
    except (ValueError, OverflowError, OSError):
        raise fail(Said("bad-epoch", value=epoch), language(lang)) from None
    try:
        ui = language(lang)  # until the configuration is read
        settings, framework = resolve_settings(str(path), config)
        ui = language(lang, settings.lang)
        check = CheckOptions(lang=ui, settings=settings, framework=framework)
        if epoch:  # the check's "today" too, so that the report is reproducible
            check = dataclasses.replace(check, today=today)
        options = RenderOptions(
            fmt="html" if fmt == "pdf" else fmt,
            lang=lang.value if lang else None,
            template_dir=template_dir,
            stamp=now if stamp else None,
            check=check,
            audience=audience.value,
            colophon=_colophon(settings.report) if audience == Audience.partners else Colophon(),
        )
        if fmt == "pdf":
            from iwp_cli.commands.render_pdf import render_pdf

            code = render_pdf(path, output, options, settings.report.browser)
        elif is_dir:
            code = _site(path, output, options)
        else:
            code = _file(path, output, options)
    except (InputError, ConfigError, FrameworkError, RenderError) as error:
        raise fail(error, ui) from None
    except WorkerLost as lost:
        raise fail(message("worker-lost", ui, how=lost.how), ui) from None
    raise typer.Exit(code)


def _colophon(report: ReportSettings) -> Colophon:
    """The colophon of a report for partners; the logo read once, as a ``data:`` URI."""
    from iwp_cli.i18n import detect_language, localized
    from iwp_cli.render.summary import Colophon
    from iwp_cli.report_config import logo_data_uri

    logo = None
    if report.logo is not None:
        try:
            logo = logo_data_uri(report.logo)
        except (OSError, ValueError) as error:
            raise fail(
                f"report.logo: {localized(error, detect_language())}", detect_language()
            ) from None
    return Colophon(report.organisation, report.contact, logo)


def _file(path: Path, output: Path | None, options: RenderOptions) -> int:
    from iwp_cli.discovery import Target
    from iwp_cli.i18n import message
    from iwp_cli.render.output import write_atomic
    from iwp_cli.render.report import render_target

    outcome = render_target(Target(path, str(path), True), options)
    assert outcome is not None
    if outcome.text is None:
        _not_valid([outcome.findings], options.check.lang)
        lang = options.check.lang
        typer.echo(f"iwp: {message('render-not-valid', lang, path=path)}", err=True)
        return EXIT_FINDINGS
    if output is None:
        sys.stdout.write(outcome.text)
        return EXIT_OK
    write_atomic(output, outcome.text)
    say("wrote", options.check.lang, path=output)
    return EXIT_OK


def _site(path: Path, output: Path | None, options: RenderOptions) -> int:
    from iwp_cli.discovery import discover
    from iwp_cli.i18n import counted, message
    from iwp_cli.render.site import render_site

    lang = options.check.lang
    if output is None:
        raise fail(message("site-needs-output", lang, path=path), lang)
    if output.exists() and not output.is_dir():
        raise fail(message("exists-not-folder", lang, path=output), lang)
    targets = discover([str(path)])
    if not targets:
        raise fail(message("no-files-in", lang, path=path), lang)
    result = render_site(targets, path, options, output)
    invalid, unwritten = result.invalid, result.unwritten
    _not_valid([list(page.findings) for page in invalid], options.check.lang)
    for page in unwritten:
        typer.echo(f"iwp: {page.unwritten}", err=True)
    written = len(result.pages) - len(invalid) - len(unwritten)
    typer.echo(
        message("site-wrote", lang, pages=counted(written, "page", lang), index=result.index)
        + (message("site-invalid", lang, n=len(invalid)) if invalid else "")
        + (message("site-unwritten", lang, n=len(unwritten)) if unwritten else "")
        + (_skipped(len(result.skipped), lang) if result.skipped else "")
    )
    if unwritten:
        return EXIT_USAGE
    return EXIT_FINDINGS if invalid else EXIT_OK


def _not_valid(findings: list[list[Finding]], lang: str) -> None:
    """Print the findings of descriptions that could not be rendered, as `iwp check` would."""
    from iwp_cli.checker import CheckRun
    from iwp_cli.findings import FileResult
    from iwp_cli.reporters import ReportOptions, get_reporter

    run = CheckRun()
    for found in findings:
        if found:
            run.results.append(FileResult(found[0].file, list(found)))
    if run.results:
        sys.stderr.write(get_reporter("concise")(run, ReportOptions(lang=lang)))


def _skipped(count: int, lang: str) -> str:
    from iwp_cli.i18n import message

    files = message("file-one" if count == 1 else "file-many", lang)
    return message("site-skipped", lang, n=count, files=files)
