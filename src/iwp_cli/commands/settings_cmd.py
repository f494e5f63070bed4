"""`iwp config`: the effective configuration, and where each setting came from."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from iwp_cli.commands.common import LangOption, fail, language

EPILOG = (
    "Examples:\n\n"
    "  iwp config\n\n"
    "  iwp config descriptions/zorglab.yaml    settings for one file, after overrides"
)


def config(
    path: Annotated[
        str,
        typer.Argument(
            help="Where to look for the configuration (upwards from here); "
            "a file also shows the settings that apply to it."
        ),
    ] = ".",
    config_file: Annotated[
        Path | None, typer.Option("--config", help="Use this configuration file.")
    ] = None,
    lang: LangOption = None,
) -> None:
    """Show the effective configuration and where each setting came from."""
    from iwp_cli.config import ConfigError, search_folders
    from iwp_cli.framework import BUILTIN, FrameworkError
    from iwp_cli.i18n import counted, message
    from iwp_cli.settings import resolve_settings

    ui = language(lang)
    try:
        settings, framework = resolve_settings(path, config_file)
    except (ConfigError, FrameworkError) as error:
        raise fail(error, ui) from None
    ui = language(lang, settings.lang)
    default = message("config-default", ui)
    builtin = f"{BUILTIN} ({message('config-builtin', ui)})"
    origin = {k: default if v == "default" else v for k, v in settings.origins.items()}
    base = settings.base
    rows = [
        ("lang", settings.lang or message("config-lang-unset", ui), origin["lang"]),
        ("fail-on", settings.fail_on.value, origin["fail_on"]),
        (
            "framework",
            f"{framework.id} ({settings.framework})" if framework else builtin,
            origin["framework"],
        ),
        ("stale-after", counted(base.stale_after, "month", ui), origin["stale_after"]),
        ("rules.select", ", ".join(base.select), origin["rules"]),
        ("rules.ignore", ", ".join(base.ignore) or "-", origin["rules"]),
        (
            "rules.severity",
            ", ".join(f"{c}={s.value}" for c, s in base.severity.items()) or "-",
            origin["rules"],
        ),
    ]
    report = settings.report
    for key, value in (
        ("logo", report.logo),
        ("organisation", report.organisation),
        ("contact", report.contact),
        ("browser", report.browser),
    ):
        if value is not None:
            rows.append((f"report.{key}", str(value), origin["report"]))
    for number, override in enumerate(settings.overrides, start=1):
        rows.append((f"overrides[{number}]", _describe(override), origin["overrides"]))
    found = settings.path or message("config-none", ui)
    typer.echo(message("config-file", ui, path=found))
    if config_file is None:
        folders = search_folders(Path(path))
        top = folders[-1]
        where = message("config-repo-root" if (top / ".git").exists() else "config-fs-root", ui)
        typer.echo(message("config-searched", ui, first=folders[0], top=top, where=where))
    width = max(len(name) for name, _, _ in rows)
    for name, value, where in rows:
        typer.echo(f"  {name:<{width}}  {value}  [{where}]")
    target = Path(path)
    if target.is_file():
        applied = settings.for_file(target)
        typer.echo(message("config-for", ui, path=path))
        typer.echo(
            f"  select {', '.join(applied.select)}; ignore {', '.join(applied.ignore) or '-'}"
            f"; stale-after {counted(applied.stale_after, 'month', ui)}"
        )


def _describe(override: object) -> str:
    from iwp_cli.config import Override

    assert isinstance(override, Override)
    parts = [f"paths {', '.join(override.paths)}"]
    if override.stale_after is not None:
        parts.append(f"stale-after {override.stale_after}")
    rules = override.rules
    if rules.select is not None:
        parts.append(f"select {', '.join(rules.select)}")
    if rules.ignore:
        parts.append(f"ignore {', '.join(rules.ignore)}")
    if rules.severity:
        parts.append("severity " + ", ".join(f"{c}={s.value}" for c, s in rules.severity.items()))
    return "; ".join(parts)
