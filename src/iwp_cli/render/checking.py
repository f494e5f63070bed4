"""Load a description once, and check it exactly as `iwp check` would.

`iwp_cli.checker.check_one` loads the file itself and keeps only the findings; a report needs the
description as well, so this module loads it once (in the report's language) and asks
`iwp_cli.checker.findings_of` for the same findings.
"""

from __future__ import annotations

from dataclasses import dataclass

from iwp_cli.checker import CheckOptions, findings_of
from iwp_cli.discovery import InputError, Target
from iwp_cli.findings import Finding
from iwp_cli.loader import Loaded, load_path


@dataclass(slots=True)
class Checked:
    """A loaded file, its findings as `iwp check` reports them, and the language of both."""

    loaded: Loaded
    findings: list[Finding]
    lang: str


def _load(target: Target, options: CheckOptions, lang: str) -> Loaded:
    try:
        return load_path(target.path, shown=target.shown, lang=lang, max_bytes=options.max_bytes)
    except OSError as error:
        raise InputError(f"{target.shown}: cannot read ({error.strerror or error})") from error


def load_and_check(
    target: Target, options: CheckOptions, report_lang: str | None = None
) -> Checked | None:
    """Load and check ``target``; None for a YAML file under a directory that is not a
    description. Raises InputError when the file cannot be read.

    The findings are worded in ``report_lang``, else in the description's own language; a file
    that is no valid description keeps ``options.lang`` (its findings go to the terminal).
    """
    lang = report_lang or options.lang
    loaded = _load(target, options, lang)
    if not target.explicit and not loaded.is_description:
        return None
    if report_lang is None and loaded.description is not None:
        lang = loaded.description.language.value
        if lang != options.lang and loaded.findings:
            loaded = _load(target, options, lang)
    findings = findings_of(loaded, target.path, options, lang=lang)
    return Checked(loaded, findings, lang)
