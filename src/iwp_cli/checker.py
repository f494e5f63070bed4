"""Check files: load each, lint it, apply configuration and suppressions, keep the findings.

Returns values; printing is the reporters' job. Large runs use every core (`iwp_cli.parallel`);
small runs (a pre-commit hook, one file) stay in one process and pay nothing for it.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from iwp_cli.codes import UNUSED_SUPPRESSION
from iwp_cli.config import FileSettings, Settings
from iwp_cli.discovery import InputError, Target
from iwp_cli.findings import FileResult, Finding, Severity
from iwp_cli.framework import BUILTIN, Framework, framework_for
from iwp_cli.lint import lint
from iwp_cli.loader import MARKDOWN, Loaded, form_of, load_path
from iwp_cli.parallel import run_shared
from iwp_cli.source import DEFAULT_MAX_BYTES
from iwp_cli.suppress import apply_suppressions

#: Below this many files one process is faster than starting others.
PARALLEL_FROM = 48


@dataclass(frozen=True)
class CheckOptions:
    """How to check.

    Attributes:
        lang: Language of the messages.
        settings: The effective configuration.
        framework: The repository's own framework, when the configuration names one.
        today: The date to measure ages against.
        max_bytes: Largest file read.
        jobs: Processes to use; None for one per core.
    """

    lang: str = "en"
    settings: Settings = field(default_factory=Settings)
    framework: Framework | None = None
    today: datetime.date = field(default_factory=datetime.date.today)
    max_bytes: int = DEFAULT_MAX_BYTES
    jobs: int | None = None


@dataclass(slots=True)
class CheckRun:
    """The result of one `iwp check`.

    Attributes:
        results: One entry per description checked, in discovery order.
        skipped: YAML files under a directory that are not descriptions.
    """

    results: list[FileResult] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [finding for result in self.results for finding in result.findings]

    def counts(self) -> Counter[Severity]:
        return Counter(finding.severity for finding in self.findings)

    def worst(self) -> Severity | None:
        found = [r.worst for r in self.results if r.worst is not None]
        return max(found, key=lambda s: s.rank) if found else None


def check_one(target: Target, options: CheckOptions) -> FileResult | None:
    """Check one file; None when it is a YAML file under a directory that is not a description."""
    try:
        loaded = load_path(
            target.path,
            shown=target.shown,
            lang=options.lang,
            max_bytes=options.max_bytes,
            framework=options.framework,
        )
    except OSError as error:
        raise InputError(f"{target.shown}: cannot read ({error.strerror or error})") from error
    if not target.explicit and not loaded.is_description:
        return None
    findings = findings_of(loaded, target.path, options, lang=options.lang)
    return FileResult(target.shown, findings, _lines_of(loaded.text, findings))


def findings_of(loaded: Loaded, path: Path, options: CheckOptions, *, lang: str) -> list[Finding]:
    """Everything `iwp check` reports for a loaded file: its reading and shape findings and the
    lint rules' (for a valid description), configured for ``path``, minus suppressed ones, in
    file order, worded in ``lang``."""
    settings = options.settings.for_file(path)
    findings = _configured(loaded.findings, settings)
    findings.extend(_lint(loaded, settings, options, lang))
    if loaded.text is not None and "ignore[" in loaded.text:
        lines = loaded.text.splitlines()
        markdown = loaded.form == MARKDOWN
        findings = apply_suppressions(
            findings, lines, file=loaded.file, lang=lang, markdown=markdown
        )
        findings = _configured(findings, settings, only=UNUSED_SUPPRESSION)
    findings.sort(key=lambda finding: finding.sort_key)
    return findings


def _lines_of(text: str | None, findings: list[Finding]) -> dict[int, str]:
    """The lines the findings point at; only those are kept, so large runs stay small."""
    if text is None or not findings:
        return {}
    wanted = {finding.line for finding in findings}
    lines = text.splitlines()
    return {number: lines[number - 1] for number in wanted if 0 < number <= len(lines)}


def _configured(found: list[Finding], settings: FileSettings, only: str = "") -> list[Finding]:
    """Drop findings of codes the configuration leaves out; apply configured severities. With
    ``only``, leave findings of other codes as they are."""
    kept = []
    for finding in found:
        if only and finding.code != only:
            kept.append(finding)
        elif settings.enabled(finding.code):
            severity = settings.severity_of(finding.code, finding.severity)
            kept.append(dataclasses.replace(finding, severity=severity))
    return kept


def _lint(
    loaded: Loaded, settings: FileSettings, options: CheckOptions, lang: str
) -> list[Finding]:
    description, document = loaded.description or loaded.repaired, loaded.document
    if description is None or document is None:
        return []
    custom = options.framework
    known = (BUILTIN,) if custom is None else (BUILTIN, custom.id)
    framework = framework_for(description, custom)
    return lint(
        description,
        document,
        file=loaded.file,
        framework=framework,
        known_frameworks=known,
        settings=settings,
        today=options.today,
        lang=lang,
    )


def check_targets(targets: Sequence[Target], options: CheckOptions) -> CheckRun:
    """Check every target; the results keep the order of ``targets``."""
    jobs = options.jobs or os.cpu_count() or 1
    if len(targets) < PARALLEL_FROM:
        jobs = 1
    elif any(form_of(target.path.name) == MARKDOWN for target in targets):
        _prepare_markdown()  # once, before the workers are forked, rather than in each
    outcomes = run_shared(targets, functools.partial(check_one, options=options), jobs=jobs)
    run = CheckRun()
    for target, result in zip(targets, outcomes, strict=True):
        if result is None:
            run.skipped.append(target.shown)
        else:
            run.results.append(result)
    return run


def _prepare_markdown() -> None:
    """Import the Markdown reader and build its parser, which every process would do itself."""
    from iwp_cli.mdform.blocks import parser

    parser()
