"""`iwp diff` and `iwp log`: compare two descriptions (two cycles of one IWP, or two IWPs), and
show the cycles of one description through git."""

from __future__ import annotations

import enum
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from iwp_cli.commands.common import EXIT_FINDINGS, EXIT_OK, Lang, LangOption, fail, language

if TYPE_CHECKING:
    from iwp_cli.framework import Framework


class OutputFormat(str, enum.Enum):
    text = "text"
    md = "md"
    json = "json"


DIFF_EPILOG = (
    "Examples:\n\n"
    "  iwp diff HEAD~1:descriptions/zorglab.yaml descriptions/zorglab.yaml\n\n"
    "  iwp diff main:./zorglab.yaml zorglab.yaml -f md    ./ is this folder\n\n"
    "  iwp diff :zorglab.yaml zorglab.yaml                the staged version\n\n"
    "  iwp diff examples/value-in-the-valley.yaml examples/harbour-lab.yaml\n\n"
    "A side is a PATH, or REV:PATH read with git (PATH from the repository's root). "
    "Two cycles of one IWP (the same name) show the changes; two IWPs show side by side.\n\n"
    "Exit codes: 0 done (with --exit-code: no differences), 1 differences with --exit-code, "
    "2 a side cannot be read or is not a valid description, or a usage error."
)

LOG_EPILOG = (
    "Examples:\n\n"
    "  iwp log descriptions/zorglab.yaml\n\n"
    "  iwp log descriptions/zorglab.yaml --reverse --format md\n\n"
    "  iwp log descriptions/zorglab.yaml --cycles          one row per cycle (iwp cycle)\n\n"
    "Follows the file across renames (git log --follow). "
    "Exit codes: 0 done, 2 not a git repository, no history, or a usage error."
)


def diff(  # noqa: PLR0917 - typer maps each parameter to an option
    old: Annotated[str, typer.Argument(help="The old side: PATH or REV:PATH.", show_default=False)],
    new: Annotated[str, typer.Argument(help="The new side: PATH or REV:PATH.", show_default=False)],
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="text, md (a pull-request comment) or json."),
    ] = OutputFormat.text,
    exit_code: Annotated[
        bool,
        typer.Option("--exit-code", help="Exit with 1 when the descriptions differ, as git diff."),
    ] = False,
    side_by_side: Annotated[
        bool | None,
        typer.Option(
            "--side-by-side/--changes",
            help="Force the presentation. Default: changes when both sides have the same name, "
            "else side by side.",
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Compare two descriptions principle by principle: two cycles of one IWP, or two IWPs."""
    from iwp_cli.diff.run import Format, InvalidSide, Mode, run_diff
    from iwp_cli.diff.sources import SourceError

    settings, framework = _settings(lang)
    mode = (
        Mode.auto if side_by_side is None else (Mode.side_by_side if side_by_side else Mode.changes)
    )
    try:
        done = run_diff(
            old,
            new,
            output=Format(output_format.value),
            mode=mode,
            lang=language(lang, settings),
            custom=framework,
        )
    except (SourceError, InvalidSide) as error:
        raise fail(error, language(lang, settings)) from None
    sys.stdout.write(done.report)
    raise typer.Exit(EXIT_FINDINGS if exit_code and done.differs else EXIT_OK)


def log(  # noqa: PLR0917 - typer maps each parameter to an option
    path: Annotated[str, typer.Argument(help="The description's file.", show_default=False)],
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="text, md or json."),
    ] = OutputFormat.text,
    reverse: Annotated[bool, typer.Option("--reverse", help="Oldest commit first.")] = False,
    max_count: Annotated[
        int | None,
        typer.Option("--max-count", "-n", min=1, help="Show at most this many commits."),
    ] = None,
    lang: LangOption = None,
    cycles: Annotated[
        bool,
        typer.Option(
            "--cycles", help="One row per cycle: the last commit of each date the file carried."
        ),
    ] = False,
) -> None:
    """Show the cycles of one description through git: per commit, its date, the features per
    principle and the open points."""
    from iwp_cli.diff.run import Format, run_log
    from iwp_cli.diff.sources import SourceError

    settings, framework = _settings(lang)
    try:
        report = run_log(
            path,
            output=Format(output_format.value),
            lang=language(lang, settings),
            custom=framework,
            oldest_first=reverse,
            max_count=max_count,
            per_cycle=cycles,
        )
    except SourceError as error:
        raise fail(error, language(lang, settings)) from None
    sys.stdout.write(report)
    raise typer.Exit(EXIT_OK)


def _settings(lang: Lang | None) -> tuple[str | None, Framework | None]:
    """The configured language and the repository's own framework, from the nearest
    configuration above the current directory."""
    from iwp_cli.config import ConfigError
    from iwp_cli.framework import FrameworkError
    from iwp_cli.settings import resolve_settings

    try:
        settings, framework = resolve_settings(".", None)
    except (ConfigError, FrameworkError) as error:
        raise fail(error, language(lang)) from None
    return settings.lang, framework
