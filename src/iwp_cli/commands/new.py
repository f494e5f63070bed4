"""`iwp new`: scaffold a description with the handbook's guidance, or start a new cycle."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path
from typing import Annotated

import typer

from iwp_cli.commands.common import EXIT_OK, Lang, fail, language, say

EPILOG = (
    "Examples:\n\n"
    '  iwp new "Zorglab Noord"                      asks a few questions on a terminal\n\n'
    '  iwp new "Zorglab Noord" --lang nl --no-input -o descriptions/\n\n'
    "  iwp new Zorglab --no-input --set tags=[zorg,ict] --set partners[0].name=Hanzehogeschool\n\n"
    "  iwp new --from descriptions/zorglab-noord.yaml  a new cycle: a copy with today's date\n\n"
    "An existing file is never overwritten (exit 2), unless --force, which keeps it as FILE.bak."
)


def new(  # noqa: PLR0917 - typer maps each parameter to an option
    name: Annotated[
        str | None, typer.Argument(help="Name of the IWP; the file is named after it.")
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="File to write, or a folder to write it in (a trailing / means a folder).",
        ),
    ] = None,
    lang: Annotated[
        Lang | None, typer.Option("--lang", help="Language of the description and its guidance.")
    ] = None,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Ask nothing; use NAME, --lang and defaults.")
    ] = False,
    sets: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            help="KEY=VALUE to fill in, such as starting_points.context=...; "
            "VALUE is read as YAML. Repeatable.",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace an existing file, keeping it as FILE.bak.")
    ] = False,
    source: Annotated[
        Path | None,
        typer.Option("--from", help="Start a new cycle: copy this description with today's date."),
    ] = None,
) -> None:
    """Write a new description: every part of the appendix form, with guidance as comments."""
    from iwp_cli.i18n import message
    from iwp_cli.loader import load_text
    from iwp_cli.scaffold import (
        Answers,
        ScaffoldError,
        render_scaffold,
        set_values,
        slug,
        write_new,
    )
    from iwp_cli.schema import schema_reference

    today = datetime.date.today()
    language_ = language(lang)
    try:
        if source is not None:
            text, default_name = _new_cycle(source, today)
        else:
            if name is None and no_input:
                raise fail(message("new-needs-name", language_), language_)
            answers = Answers(name=name or "", lang=lang.value if lang else "nl")
            if not no_input and sys.stdin.isatty():
                from iwp_cli.commands.questions import ask

                answers = ask(answers, ui_lang=language_)
            default_name = f"{slug(answers.name)}.yaml"
            planned = _target(output, default_name)
            schema = schema_reference(planned.parent)
            text = render_scaffold(answers, today=today, file_name=planned.name, schema=schema)
        text = set_values(text, sets) if sets else text
    except ScaffoldError as error:
        raise fail(error, language_) from None
    target = _target(output, default_name)
    loaded = load_text(text, shown=str(target), lang=language_)
    shape_errors = [f for f in loaded.findings if f.code.startswith("IWP0")]
    if shape_errors:
        first = shape_errors[0]
        where = {"code": first.code, "message": first.message, "path": first.yaml_path}
        raise fail(message("new-not-valid", language_, **where), language_)
    try:
        backup = write_new(target, text, force=force)
    except FileExistsError:
        backup_name = f"{target.name}.bak"
        exists = message("exists-choose-backup", language_, path=target, backup=backup_name)
        raise fail(exists, language_) from None
    except OSError as error:  # a WriteError names the file and the reason
        raise fail(error, language_) from None
    if backup:
        say("wrote-backup", language_, path=target, backup=backup)
    else:
        say("wrote", language_, path=target)
    say("next-todo", language_, path=target)
    raise typer.Exit(EXIT_OK)


def _target(output: str | None, default_name: str) -> Path:
    from iwp_cli.atomic import destination

    return destination(output, default_name)


def _new_cycle(source: Path, today: datetime.date) -> tuple[str, str]:
    """The new cycle's text, and its default file name: the source's, dated today."""
    from iwp_cli.scaffold import new_cycle, read_description

    old = read_description(source)
    stem = source.stem
    dated = len(stem) > 11 and stem[-11] == "-" and _is_date(stem[-10:])
    base = stem[:-11] if dated else stem
    text = new_cycle(old, today=today, what=str(source))
    return text, str(source.with_name(f"{base}-{today.isoformat()}.yaml"))


def _is_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True
