"""Stable identities of findings, for reports that track them across runs (GitLab, SARIF)."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence

from iwp_cli.findings import Finding

_NUMBER = re.compile(r"\d+")


def fingerprints(findings: Sequence[Finding]) -> list[str]:
    """A stable identity per finding, from its code, file, YAML path and message, not its line.

    Numbers in the message are left out too, since some name a line ("first on line 2"). Findings
    that still agree are told apart by their order: the second such finding in a file gets the
    same fingerprint in every run, different from the first's. Also SARIF's partial fingerprints
    (iwp's own and GitHub's ``primaryLocationLineHash``), so findings at one place, such as every
    missing principle at ``principles:``, stay distinct alerts.
    """
    seen: Counter[tuple[str, str, str, str]] = Counter()
    result = []
    for finding in findings:
        message = _NUMBER.sub("#", finding.message)
        key = (finding.code, finding.file, finding.yaml_path, message)
        parts = [*key, str(seen[key])] if seen[key] else list(key)
        seen[key] += 1
        digest = hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass"))
        result.append(digest.hexdigest()[:32])
    return result
