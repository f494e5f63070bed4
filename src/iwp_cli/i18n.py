"""Messages in Dutch and English.

The catalogue is a data file (`data/messages.yaml`), read once on first use. The language is
chosen by the caller: ``--lang``, else the configuration, else the locale (`detect_language`),
else English.
"""

from __future__ import annotations

import os
from typing import Any

from iwp_cli.data_files import load_data

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "en"


def catalogue() -> dict[str, dict[str, str]]:
    """Every message id with its Dutch and English template."""
    data: dict[str, dict[str, str]] = load_data("messages.yaml")
    return data


def rule_catalogue() -> dict[str, dict[str, Any]]:
    """Every rule code with its title and message template, per language."""
    data: dict[str, dict[str, Any]] = load_data("rules.yaml")
    return data


def rule_text(code: str, part: str, lang: str, /, **args: Any) -> str:
    """The ``title`` or ``message`` of rule ``code`` in ``lang``, filled in with ``args``."""
    template: str = rule_catalogue()[code][part][lang]
    return template.format(**args)


def message(key: str, lang: str, /, **args: Any) -> str:
    """The message ``key`` in ``lang``, filled in with ``args``."""
    return catalogue()[key][lang].format(**args)


def detect_language(environ: dict[str, str] | None = None) -> str:
    """The language the locale asks for: Dutch for ``nl_*`` locales, else English."""
    env = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(variable, "")
        if value:
            return "nl" if value.lower().startswith("nl") else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE
