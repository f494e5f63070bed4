"""Inline suppression: ``# iwp: ignore[CODE,...] optional reason`` on the finding's line.

In the Markdown form it is an HTML comment, ``<!-- iwp: ignore[CODE,...] reason -->``, on the
finding's line, or alone on the line before it (a heading, a bullet); in the front matter the
YAML comment works too. A suppression that matches no finding is itself reported (IWP090,
info), so that stale ones are cleaned up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from iwp_cli.codes import UNUSED_SUPPRESSION
from iwp_cli.findings import Finding, Severity
from iwp_cli.i18n import message

_SUPPRESSION = re.compile(r"#\s*iwp:\s*ignore\[([^\]]*)\](.*)$")
_HTML_SUPPRESSION = re.compile(r"<!--\s*iwp:\s*ignore\[([^\]]*)\](.*?)-->")
_QUOTE_OPENERS = frozenset(" \t:[{,-")


@dataclass(frozen=True, slots=True)
class Suppression:
    """One ``# iwp: ignore[...]`` comment."""

    line: int
    column: int
    codes: tuple[str, ...]
    reason: str
    applies_to: int = 0

    @property
    def target(self) -> int:
        """The line whose findings it suppresses."""
        return self.applies_to or self.line


def find_suppressions(lines: list[str]) -> dict[int, Suppression]:
    """The suppression comments by 1-based line number."""
    found: dict[int, Suppression] = {}
    for number, text in enumerate(lines, start=1):
        if "iwp:" not in text:
            continue
        start = comment_start(text)
        match = _SUPPRESSION.match(text, start) if start is not None else None
        if match is None:
            continue
        found[number] = Suppression(number, match.start() + 1, _codes(match.group(1)),
                                    match.group(2).strip())  # fmt: skip
    return found


def _codes(listed: str) -> tuple[str, ...]:
    return tuple(code.strip() for code in listed.split(",") if code.strip())


def find_markdown_suppressions(lines: list[str]) -> dict[int, Suppression]:
    """The suppressions of a Markdown description, by the line they apply to: HTML comments in
    the body, and YAML comments in the front matter."""
    from iwp_cli.mdform.reader import front_matter_end

    end = front_matter_end(lines) or 0
    found = {number: s for number, s in find_suppressions(lines[:end]).items() if number > 1}
    for number, text in enumerate(lines, start=1):
        if number <= end + 1 or "iwp:" not in text:
            continue
        for match in _HTML_SUPPRESSION.finditer(text):
            alone = text.strip() == match.group(0)
            target = number + 1 if alone else number
            reason = match.group(2).strip()
            found[target] = Suppression(number, match.start() + 1, _codes(match.group(1)),
                                        reason, target)  # fmt: skip
    return found


def comment_start(line: str) -> int | None:
    """Where the YAML comment of ``line`` starts: a ``#`` at the start or after whitespace,
    outside quoted text. None when the line has no comment."""
    quote = ""
    index = 0
    while index < len(line):
        char = line[index]
        if quote:
            if char == "\\" and quote == '"':
                index += 1
            elif char == quote:
                if quote == "'" and line[index + 1 : index + 2] == "'":
                    index += 1
                else:
                    quote = ""
        elif char in "'\"" and (index == 0 or line[index - 1] in _QUOTE_OPENERS):
            quote = char
        elif char == "#" and (index == 0 or line[index - 1] in " \t"):
            return index
        index += 1
    return None


def apply_suppressions(
    findings: list[Finding], lines: list[str], *, file: str, lang: str, markdown: bool = False
) -> list[Finding]:
    """``findings`` without the suppressed ones, plus an IWP090 for each unused code."""
    suppressions = find_markdown_suppressions(lines) if markdown else find_suppressions(lines)
    if not suppressions:
        return findings
    used: set[tuple[int, str]] = set()
    kept: list[Finding] = []
    for finding in findings:
        here = suppressions.get(finding.line)
        if here is not None and finding.code in here.codes:
            used.add((finding.line, finding.code))
        else:
            kept.append(finding)
    for suppression in suppressions.values():
        for code in suppression.codes:
            if (suppression.target, code) not in used:
                text = message("unused-suppression", lang, code=code)
                kept.append(
                    Finding(
                        UNUSED_SUPPRESSION,
                        Severity.INFO,
                        file,
                        suppression.line,
                        suppression.column,
                        text,
                    )
                )
    kept.sort(key=lambda finding: finding.sort_key)
    return kept
