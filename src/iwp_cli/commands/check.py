"""`iwp check`: validate and lint descriptions, report in the format CI wants."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Annotated

import typer

from iwp_cli.commands.common import EXIT_FINDINGS, EXIT_OK, LangOption, fail, language
from iwp_cli.reporters import REPORTERS

CheckFormat = enum.Enum("CheckFormat", {name: name for name in REPORTERS}, type=str)  # type: ignore[misc]


class FailOn(str, enum.Enum):
    error = "error"
    warning = "warning"
    info = "info"


EPILOG = (
    "Examples:\n\n"
    "  iwp check examples/value-in-the-valley.md\n\n"
    "  iwp check examples/value-in-the-valley.yaml\n\n"
    "  iwp check descriptions/ --format github\n\n"
    "  iwp check descriptions/ --format sarif --output iwp.sarif\n\n"
    "  iwp check . --fail-on warning --statistics\n\n"
    "Exit codes: 0 no findings at the --fail-on level (default error), also when there are no "
    "descriptions yet; 1 findings at that level; 2 usage, configuration or I/O errors."
)


def check(  # noqa: PLR0917 - typer maps each parameter to an option
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files or directories. Under a directory, every *.yaml/*.yml file "
            "whose top level has the key `iwp`, and every *.md file whose front matter has it, "
            "is checked.",
            show_default=False,
        ),
    ],
    output_format: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="Output format.")
    ] = CheckFormat["text"],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file.")
    ] = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option("--fail-on", help="Lowest severity that fails the run. Default: error."),
    ] = None,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Show the number of findings per code.")
    ] = False,
    skip_non_descriptions: Annotated[
        bool,
        typer.Option(
            "--skip-non-descriptions",
            help="Skip named files that are no descriptions (without the key `iwp`, in Markdown "
            "in the front matter), as under a directory (for hooks that pass every YAML and "
            "Markdown file).",
        ),
    ] = False,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            help="Configuration file. Default: the nearest iwp.toml "
            "(or pyproject.toml with [tool.iwp]) from the first path upwards.",
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Check descriptions against the format and lint them against the seven principles."""
    from iwp_cli.checker import CheckOptions, check_targets
    from iwp_cli.config import ConfigError
    from iwp_cli.discovery import InputError, discover
    from iwp_cli.findings import Severity
    from iwp_cli.framework import FrameworkError
    from iwp_cli.i18n import message
    from iwp_cli.parallel import WorkerLost
    from iwp_cli.reporters import ReportOptions, get_reporter
    from iwp_cli.settings import resolve_settings

    language_ = language(lang)  # until the configuration is read
    try:
        targets = discover(paths, named_are_explicit=not skip_non_descriptions)
        settings, framework = resolve_settings(paths[0], config)
        language_ = language(lang, settings.lang)
        options = CheckOptions(lang=language_, settings=settings, framework=framework)
        run = check_targets(targets, options)
    except (InputError, ConfigError, FrameworkError) as error:
        raise fail(error, language_) from None
    except WorkerLost as lost:
        raise fail(message("worker-lost", language_, how=lost.how), language_) from None
    if not run.results and not skip_non_descriptions:
        # A new repository has no descriptions yet: a valid state, with an empty report.
        typer.echo(
            f"iwp: {message('no-descriptions', language_, paths=', '.join(paths))}", err=True
        )
    name = str(output_format.value)
    color = output is None and name == "text" and sys.stdout.isatty()
    threshold = Severity(fail_on.value) if fail_on is not None else settings.fail_on
    report_options = ReportOptions(
        lang=language_, color=color, statistics=statistics, fail_on=threshold.value
    )
    report = get_reporter(name)(run, report_options)
    if output is None:
        sys.stdout.write(report)
    else:
        from iwp_cli.atomic import WriteError, write_file

        try:
            write_file(output, report)
        except WriteError as error:
            raise fail(error, language_) from None
    worst = run.worst()
    failed = worst is not None and worst.rank >= threshold.rank
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)
