"""Run the lint rules on a valid description and word their findings."""

from __future__ import annotations

import datetime

from iwp_cli.config import FileSettings
from iwp_cli.findings import Finding
from iwp_cli.framework import Framework
from iwp_cli.i18n import rule_text
from iwp_cli.model import Description
from iwp_cli.rules import RULES, RuleContext
from iwp_cli.validation import yaml_path
from iwp_cli.yamlreader import Document


def lint(
    description: Description,
    document: Document,
    *,
    file: str,
    framework: Framework,
    known_frameworks: tuple[str, ...],
    settings: FileSettings,
    today: datetime.date,
    lang: str,
) -> list[Finding]:
    """Every enabled rule's findings, with the configured severity, in file order."""
    context = RuleContext(
        description, document, framework, today, settings.stale_after, known_frameworks
    )
    findings: list[Finding] = []
    for code, info in RULES.items():
        if not settings.enabled(code):
            continue
        severity = settings.severity_of(code, info.severity)
        for hit in info.check(context):
            line, column = document.position(hit.path, prefer_key=hit.on_key)
            text = rule_text(code, "message", lang, **hit.args)
            findings.append(Finding(code, severity, file, line, column, text, yaml_path(hit.path)))
    findings.sort(key=lambda finding: finding.sort_key)
    return findings
