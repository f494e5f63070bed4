"""Find and load the configuration and the framework it names, for the commands."""

from __future__ import annotations

from pathlib import Path

from iwp_cli.config import Settings, find_config, load_settings
from iwp_cli.framework import Framework, load_framework_file


def resolve_settings(first_path: str, config: Path | None) -> tuple[Settings, Framework | None]:
    """The settings from ``config`` or the nearest configuration above ``first_path``, and the
    repository's own framework when the configuration names one."""
    path = config if config is not None else find_config(Path(first_path))
    settings = load_settings(path)
    framework = load_framework_file(settings.framework) if settings.framework else None
    return settings, framework
