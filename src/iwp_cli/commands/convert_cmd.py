"""`iwp convert`: write a description in its other form, Markdown or YAML."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated

import typer

from iwp_cli.commands.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    LangOption,
    fail,
    file_settings,
    form_named,
    output_file,
    say,
)

EPILOG = (
    "Examples:\n\n"
    "  iwp convert examples/value-in-the-valley.yaml --to md\n\n"
    "  iwp convert zorglab.md --to yaml -o zorglab.yaml\n\n"
    "  iwp convert zorglab.yaml -o zorglab.md    (the form follows -o's suffix)\n\n"
    "Exit codes: 0 written, 1 the file is not a valid description (its findings are printed), "
    "2 usage or I/O errors."
)


class Form(str, enum.Enum):
    md = "md"
    yaml = "yaml"


def convert(  # noqa: PLR0917 - typer maps each parameter to an option
    path: Annotated[Path, typer.Argument(help="The description to convert.", show_default=False)],
    to: Annotated[
        Form | None,
        typer.Option("--to", help="The form to write: md or yaml. Default: the other form."),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Write to this file. Default: standard output."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the output file if it exists.")
    ] = False,
    config: Annotated[
        Path | None, typer.Option("--config", help="Use this iwp.toml (for its framework).")
    ] = None,
    lang: LangOption = None,
) -> None:
    """Write a description in the other form: Markdown (the handbook's tables) or YAML."""
    from iwp_cli.checker import CheckOptions, CheckRun, check_one
    from iwp_cli.convert import ConvertError
    from iwp_cli.convert import convert as convert_text
    from iwp_cli.discovery import Target
    from iwp_cli.i18n import Reason, Said
    from iwp_cli.loader import MARKDOWN, YAML, form_of, load_path
    from iwp_cli.reporters import ReportOptions, get_reporter

    settings, framework, ui = file_settings(path, config, lang)
    source_form = form_of(path.name)
    if to is None:
        to_form = form_named(output)
        if to_form is None or to_form == source_form:
            to_form = YAML if source_form == MARKDOWN else MARKDOWN
    else:
        to_form = to.value
    try:
        loaded = load_path(path, lang=ui, framework=framework)
    except OSError as error:
        raise fail(Said("cannot-read", path=path, reason=Reason(error)), ui) from None
    try:
        text = convert_text(loaded, to_form, framework)
    except ConvertError:
        options = CheckOptions(lang=ui, settings=settings, framework=framework)
        result = check_one(Target(path, str(path), explicit=True), options)
        run = CheckRun([result] if result is not None else [])
        typer.echo(get_reporter("text")(run, ReportOptions(lang=ui)), err=True, nl=False)
        raise typer.Exit(EXIT_FINDINGS) from None
    target = output_file(output, f"{path.stem}.{to_form}")
    if target is None:
        typer.echo(text, nl=False)
        raise typer.Exit(EXIT_OK)
    _write(target, text, force=force, ui=ui)
    raise typer.Exit(EXIT_OK)


def _write(output: Path, text: str, *, force: bool, ui: str) -> None:
    from iwp_cli.i18n import Reason, Said
    from iwp_cli.scaffold import write_new

    try:
        write_new(output, text, force=force)
    except FileExistsError:
        raise fail(Said("exists-choose", path=output), ui) from None
    except OSError as error:
        raise fail(Said("cannot-write", path=output, reason=Reason(error)), ui) from None
    say("wrote", ui, err=True, path=output)
