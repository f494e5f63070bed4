"""Load a description once, and check it exactly as `iwp check` would.

`iwp_cli.checker.check_one` loads the file itself and keeps only the findings; a report needs the
description as well. This module does the same steps on one load (configured severities, the
lint rules, inline suppressions), and the tests hold the two to the same findings.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from iwp_cli.checker import CheckOptions
from iwp_cli.codes import UNUSED_SUPPRESSION
from iwp_cli.config import FileSettings
from iwp_cli.discovery import InputError, Target
from iwp_cli.findings import Finding
from iwp_cli.framework import BUILTIN
from iwp_cli.lint import lint
from iwp_cli.loader import Loaded, load_path
from iwp_cli.render.sections import framework_for
from iwp_cli.suppress import apply_suppressions


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
    settings = options.settings.for_file(target.path)
    findings = _configured(loaded.findings, settings)
    description, document = loaded.description, loaded.document
    if description is not None and document is not None:
        custom = options.framework
        findings += lint(
            description,
            document,
            file=loaded.file,
            framework=framework_for(description, custom),
            known_frameworks=(BUILTIN,) if custom is None else (BUILTIN, custom.id),
            settings=settings,
            today=options.today,
            lang=lang,
        )
    if loaded.text is not None and "ignore[" in loaded.text:  # as `iwp check`: no need to look
        lines = loaded.text.splitlines()
        findings = apply_suppressions(findings, lines, file=target.shown, lang=lang)
        findings = _configured(findings, settings, only=UNUSED_SUPPRESSION)
    findings.sort(key=lambda finding: finding.sort_key)
    return Checked(loaded, findings, lang)


def _configured(found: list[Finding], settings: FileSettings, only: str = "") -> list[Finding]:
    """Findings of enabled codes with their configured severity (with ``only``: only that code is
    filtered, the others are kept as they are)."""
    kept = []
    for finding in found:
        if only and finding.code != only:
            kept.append(finding)
        elif settings.enabled(finding.code):
            severity = settings.severity_of(finding.code, finding.severity)
            kept.append(dataclasses.replace(finding, severity=severity))
    return kept
