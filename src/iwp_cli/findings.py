"""Findings: what `iwp check` reports, as plain values.

A finding says what is wrong, where (file, line, column, YAML path) and what to do. It carries no
presentation; reporters turn a list of findings into text.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(str, enum.Enum):
    """How much a finding matters, ordered from least to most."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one file.

    Attributes:
        code: The public rule code, such as ``IWP021``.
        severity: How much it matters.
        file: The path as the user gave it (or as found under a directory they gave).
        line: 1-based line; 0 when the problem has no place in the file (an unreadable file).
        column: 1-based column; 0 as for ``line``.
        yaml_path: Where in the description, such as ``principles.diversity.features[2].name``;
            empty for the file as a whole.
        message: What is wrong and what to do, in the chosen language.
    """

    code: str
    severity: Severity
    file: str
    line: int
    column: int
    message: str
    yaml_path: str = ""

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.code)


@dataclass(slots=True)
class FileResult:
    """The outcome of checking one file.

    Attributes:
        path: The file, as shown to the user.
        findings: What was found, in file order.
        lines: The lines that findings point at, by 1-based number, to show them.
    """

    path: str
    findings: list[Finding] = field(default_factory=list)
    lines: dict[int, str] = field(default_factory=dict)

    @property
    def worst(self) -> Severity | None:
        if not self.findings:
            return None
        return max((f.severity for f in self.findings), key=lambda s: s.rank)
