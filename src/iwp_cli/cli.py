"""The `iwp` command line: registers the commands, which live in `iwp_cli.commands`.

Heavy modules (pydantic models, rich) are imported inside the commands that need them, so that
``iwp --help`` stays fast in CI.

What ``--help`` shows, in Dutch and English, comes from ``data/help.yaml`` (`iwp_cli.helptext`
sets it before parsing): the help texts and epilogs in the code are only the English defaults of
typer, and a new command or option needs its entry there (tests/test_language.py says which).
"""

from __future__ import annotations

from typing import Annotated

import typer

from iwp_cli import __version__
from iwp_cli.commands import (
    check,
    convert_cmd,
    cycle_cmd,
    diff,
    import_cmd,
    init_cmd,
    new,
    reference,
    render,
    settings_cmd,
)
from iwp_cli.helptext import IwpGroup

app = typer.Typer(
    name="iwp",
    help="Describe, check, compare and report on innovatiewerkplaatsen (IWP) in Markdown or YAML.",
    epilog="Examples:\n\n"
    "  iwp check examples/value-in-the-valley.md      check a description (or a directory)\n\n"
    "  iwp convert zorglab.yaml --to md               the other form: Markdown or YAML\n\n"
    "  iwp import zorglab.docx                        a filled-in form from Word\n\n"
    '  iwp new "Zorglab Noord"                        scaffold a description with guidance\n\n'
    "  iwp init --ci github                           set up a shared repository\n\n"
    "  iwp cycle zorglab.yaml                         start a new cycle in the same file\n\n"
    "  iwp diff HEAD~1:zorglab.yaml zorglab.yaml      compare two cycles, per principle\n\n"
    "  iwp log zorglab.yaml                           the cycles of a description in git\n\n"
    "  iwp rules IWP201                               explain a check\n\n"
    "  iwp config                                     show the effective configuration\n\n"
    "  iwp schema --output schemas/iwp-1.schema.json  write the JSON Schema for editors\n\n"
    "  iwp principles --lang en                       show the seven design principles",
    no_args_is_help=True,
    add_completion=False,
    cls=IwpGroup,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"iwp {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Describe, check, compare and report on innovatiewerkplaatsen (IWP) in Markdown or YAML."""


app.command(epilog=check.EPILOG)(check.check)
app.command(epilog=new.EPILOG)(new.new)
app.command(name="init", epilog=init_cmd.EPILOG)(init_cmd.init)
app.command(epilog="Examples:\n\n  iwp rules\n\n  iwp rules IWP201 --lang nl")(reference.rules)
app.command(name="config", epilog=settings_cmd.EPILOG)(settings_cmd.config)
app.command(epilog="Examples:\n\n  iwp schema\n\n  iwp schema --output schemas/iwp-1.schema.json")(
    reference.schema
)
app.command(epilog="Examples:\n\n  iwp principles\n\n  iwp principles --lang en")(
    reference.principles
)
app.command(name="cycle", epilog=cycle_cmd.EPILOG)(cycle_cmd.cycle)
app.command(epilog=diff.DIFF_EPILOG)(diff.diff)
app.command(epilog=diff.LOG_EPILOG)(diff.log)
app.command(epilog=render.EPILOG)(render.render)
app.command(name="convert", epilog=convert_cmd.EPILOG)(convert_cmd.convert)
app.command(name="import", epilog=import_cmd.EPILOG)(import_cmd.import_)
