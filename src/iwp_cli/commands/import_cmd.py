"""`iwp import`: a filled-in appendix form from Word (.docx) or OpenDocument (.odt) as a
description, with a report of what went where, then checked as `iwp check` would."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from iwp_cli.commands.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    LangOption,
    fail,
    file_settings,
    form_named,
    output_file,
)
from iwp_cli.commands.convert_cmd import Form

if TYPE_CHECKING:
    from iwp_cli.config import Settings
    from iwp_cli.framework import Framework
    from iwp_cli.importer import ImportResult

EPILOG = (
    "Examples:\n\n"
    "  iwp import zorglab.docx                     writes zorglab.md beside it, then checks it\n\n"
    "  iwp import zorglab.docx --to yaml -o zorglab.yaml\n\n"
    "  iwp import zorglab.odt --report import.md   the report as Markdown too\n\n"
    # The backslash keeps rich's markup from taking "[import]" for a style.
    "Needs the extra: pip install 'iwp-cli\\[import]'.\n\n"
    "Exit codes: 0 written and no errors found, 1 written with findings (they are printed), "
    "2 nothing written (not a form, a damaged or protected file, usage or I/O errors)."
)


def import_(  # noqa: PLR0917 - typer maps each parameter to an option
    path: Annotated[
        Path, typer.Argument(help="The filled-in form: .docx or .odt.", show_default=False)
    ],
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Write to this file. Default: FILE.md beside FILE."),
    ] = None,
    to: Annotated[
        Form | None,
        typer.Option("--to", help="The form to write: md or yaml. Default: -o's suffix, else md."),
    ] = None,
    report: Annotated[
        Path | None, typer.Option("--report", help="Also write the import report (Markdown).")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the output files if they exist.")
    ] = False,
    config: Annotated[
        Path | None, typer.Option("--config", help="Use this iwp.toml (for its framework).")
    ] = None,
    lang: LangOption = None,
) -> None:
    """Import a filled-in appendix form (Word .docx or .odt) as a description."""
    from iwp_cli.framework import builtin_framework
    from iwp_cli.i18n import message
    from iwp_cli.importer import MissingExtra, Refused, import_file
    from iwp_cli.importer.report import as_markdown, as_text, sections
    from iwp_cli.loader import MARKDOWN

    settings, custom, ui = file_settings(path, config, lang)
    framework = custom or builtin_framework()
    form = to.value if to is not None else form_named(output) or MARKDOWN
    target = output_file(output, f"{path.stem}.{form}") or path.with_suffix(f".{form}")
    try:
        result = import_file(path, framework, today=datetime.date.today())
    except Refused as refused:
        raise fail(message(refused.key, ui, file=path, **refused.detail), ui) from None
    except MissingExtra:
        raise fail(message("import-missing-extra", ui), ui) from None
    except (RecursionError, MemoryError, ValueError) as error:  # a last guard: no traceback
        reason = f"{type(error).__name__}: {error}"
        raise fail(message("import-failed", ui, file=path, reason=reason), ui) from None
    text = _description_text(result, form=form, custom=custom, ui=ui, path=path)
    title = message("import-report-title", ui, file=f"{path} -> {target}")
    found = sections(result, ui, framework)
    _write(target, text, force=force, lang=ui)
    if report is not None:
        _write(report, as_markdown(title, found), force=force, lang=ui)
    typer.echo(as_text(title, found))
    typer.echo(message("import-wrote", ui, file=target))
    if report is not None:
        typer.echo(message("import-wrote-report", ui, file=report))
    raise typer.Exit(_check(target, settings, custom, ui))


def _description_text(
    result: ImportResult,
    *,
    form: str,
    custom: Framework | None,
    ui: str,
    path: Path,
) -> str:
    """The description in ``form``, through the loader and the writers of `iwp convert`."""
    from iwp_cli.convert import ConvertError, convert
    from iwp_cli.i18n import message
    from iwp_cli.limits import MAX_BYTES
    from iwp_cli.loader import load_text
    from iwp_cli.yamlwriter import dump_yaml

    loaded = load_text(dump_yaml(result.data), shown="import.yaml", lang=ui, framework=custom)
    try:
        text = convert(loaded, form, custom)
    except ConvertError:
        for finding in loaded.findings:
            typer.echo(f"{path}: {finding.code} {finding.message}", err=True)
        raise typer.Exit(EXIT_FINDINGS) from None
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        too_large = message("import-too-large-output", ui, file=path, size=size, limit=MAX_BYTES)
        raise fail(too_large, ui)
    return text


def _write(target: Path, text: str, *, force: bool, lang: str) -> None:
    from iwp_cli.i18n import Said, message, os_reason
    from iwp_cli.scaffold import write_new

    try:
        write_new(target, text, force=force)
    except FileExistsError:
        raise fail(message("import-exists", lang, file=target), lang) from None
    except OSError as error:  # a WriteError names the file and says why, in either language
        if isinstance(error.strerror, Said):
            raise fail(error, lang) from None
        reason = os_reason(error, lang)
        raise fail(message("import-cannot-write", lang, file=target, reason=reason), lang) from None


def _check(target: Path, settings: Settings, custom: Framework | None, ui: str) -> int:
    """Check the written file as `iwp check` does; the exit code."""
    from iwp_cli.checker import CheckOptions, CheckRun, check_one
    from iwp_cli.discovery import Target
    from iwp_cli.reporters import ReportOptions, get_reporter

    options = CheckOptions(lang=ui, settings=settings, framework=custom)
    result = check_one(Target(target, str(target), explicit=True), options)
    run = CheckRun([result] if result is not None else [])
    typer.echo("")
    typer.echo(get_reporter("text")(run, ReportOptions(lang=ui)), nl=False)
    worst = run.worst()
    failed = worst is not None and worst.rank >= settings.fail_on.rank
    return EXIT_FINDINGS if failed else EXIT_OK
