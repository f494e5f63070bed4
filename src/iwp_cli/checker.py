"""Check files: load each, keep the findings. Returns values; printing is the reporters' job."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from iwp_cli.discovery import InputError, Target
from iwp_cli.findings import FileResult, Finding, Severity
from iwp_cli.loader import load_path
from iwp_cli.source import DEFAULT_MAX_BYTES


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


def check_one(
    target: Target, *, lang: str, max_bytes: int = DEFAULT_MAX_BYTES
) -> FileResult | None:
    """Check one file; None when it is a YAML file under a directory that is not a description."""
    try:
        loaded = load_path(target.path, shown=target.shown, lang=lang, max_bytes=max_bytes)
    except OSError as error:
        raise InputError(f"{target.shown}: cannot read ({error.strerror or error})") from error
    if not target.explicit and not loaded.is_description:
        return None
    lines = loaded.text.splitlines() if loaded.findings and loaded.text is not None else None
    return FileResult(target.shown, loaded.findings, lines)


def check_targets(
    targets: Sequence[Target], *, lang: str, max_bytes: int = DEFAULT_MAX_BYTES
) -> CheckRun:
    """Check every target in order."""
    run = CheckRun()
    for target in targets:
        result = check_one(target, lang=lang, max_bytes=max_bytes)
        if result is None:
            run.skipped.append(target.shown)
        else:
            run.results.append(result)
    return run
