"""`iwp cycle`: start a new cycle of an IWP in its own file (one IWP, one file; a cycle is a
commit). The work is done by `iwp_cli.cycle`; this module reads, prints and exits."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Annotated

import typer

from iwp_cli.commands.common import EXIT_FINDINGS, EXIT_OK, Lang, fail, file_settings, language

EPILOG = (
    "Examples:\n\n"
    "  iwp cycle descriptions/zorglab.yaml                 a new cycle dated today\n\n"
    "  iwp cycle descriptions/zorglab.md --date 2027-02-01\n\n"
    '  git commit -am "Cycle 2027-02-01 of Zorglab Noord"   the cycle is a commit\n\n'
    "  iwp diff HEAD~1:descriptions/zorglab.yaml descriptions/zorglab.yaml\n\n"
    "  iwp log descriptions/zorglab.yaml --cycles          every cycle, from git\n\n"
    "Changes the file in place: the new date, and under x-cycle the previous date and what to "
    "evaluate (the open points carried over). Comments and layout stay. Exit codes: 0 done, 1 "
    "the file is not a valid description (its findings are printed), 2 a date on or before "
    "the current one, or another usage or I/O error."
)


def _date(value: str | None, lang: str) -> datetime.date:
    from iwp_cli.i18n import message

    if value is None:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise fail(message("cycle-bad-date", lang, value=value), lang) from None


def cycle(
    path: Annotated[
        Path, typer.Argument(help="The description (YAML or Markdown).", show_default=False)
    ],
    date: Annotated[
        str | None,
        typer.Option("--date", help="The new cycle's date, YYYY-MM-DD. Default: today."),
    ] = None,
    lang: Annotated[Lang | None, typer.Option("--lang", help="Language of the messages.")] = None,
    config: Annotated[
        Path | None, typer.Option("--config", help="Configuration file, as for iwp check.")
    ] = None,
) -> None:
    """Start a new cycle in the same file: a new date, the open points carried over and a note
    of what to evaluate; then commit it."""
    from iwp_cli.commands.render import _not_valid
    from iwp_cli.cycle import CycleError, start_cycle
    from iwp_cli.framework import framework_for
    from iwp_cli.i18n import Reason, Said, localized, message
    from iwp_cli.loader import load_path
    from iwp_cli.render.environment import RenderError
    from iwp_cli.render.output import write_atomic

    when = _date(date, language(lang))
    _, custom, ui = file_settings(path, config, lang)
    try:
        loaded = load_path(path, shown=str(path), lang=ui, framework=custom)
    except OSError as error:
        raise fail(Said("cannot-read", path=path, reason=Reason(error)), ui) from None
    description = loaded.description
    if description is None or loaded.text is None:
        _not_valid([loaded.findings], ui)
        typer.echo(f"iwp: {message('cycle-not-valid', ui, file=path)}", err=True)
        raise typer.Exit(EXIT_FINDINGS)
    try:
        new = start_cycle(
            loaded.text,
            description,
            framework_for(description, custom),
            form=loaded.form,
            date=when,
        )
        write_atomic(path, new.text)
    except CycleError as error:
        raise fail(f"{path}: {message(error.key, ui, **error.args_)}", ui) from None
    except RenderError as error:
        raise fail(f"{path}: {localized(error, ui)}", ui) from None
    shown = {"file": path, "date": new.date.isoformat(), "name": description.name}
    previous = new.previous.isoformat()
    typer.echo(message("cycle-wrote", ui, previous=previous, points=new.open_points, **shown))
    typer.echo(message("cycle-next", ui, **shown))
    raise typer.Exit(EXIT_OK)
