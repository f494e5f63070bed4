"""The catalogue of codes for `iwp rules` and the SARIF rule metadata: code, name, default
severity, title and documentation, for the reading and shape codes as well as the lint rules.

The documentation is in the language asked for: a lint rule's English is its module docstring,
every other text comes from `data/rules.yaml`."""

from __future__ import annotations

import inspect
from dataclasses import dataclass

from iwp_cli.codes import all_codes
from iwp_cli.i18n import message, rule_catalogue, rule_text


@dataclass(frozen=True, slots=True)
class CodeEntry:
    """One code as documented."""

    code: str
    name: str
    severity: str
    title: str
    doc: str


def list_codes(lang: str) -> list[CodeEntry]:
    """Every code in order."""
    return [_entry(code, lang) for code in all_codes()]


def _entry(code: str, lang: str) -> CodeEntry:
    from iwp_cli.rules import RULES

    title = rule_text(code, "title", lang)
    data = rule_catalogue()[code]
    docs: dict[str, str] = data["doc"]
    info = RULES.get(code)
    if info is not None:
        doc = info.doc if lang == "en" else docs[lang]
        return CodeEntry(code, info.name, info.severity.value, title, inspect.cleandoc(doc))
    doc = docs[lang]
    return CodeEntry(code, data["name"], data["severity"], title, inspect.cleandoc(doc))


def describe_code(code: str, lang: str) -> str | None:
    """The documentation of ``code``, headed by its code, name, severity and title."""
    if code not in all_codes():
        return None
    entry = _entry(code, lang)
    severity = message(f"severity-{entry.severity}", lang)
    head = f"{entry.code} {entry.name} ({severity}): {entry.title}"
    return f"{head}\n\n{entry.doc}\n"
