"""The words of `iwp diff` and `iwp log` reports in Dutch and English (`data/diff.yaml`)."""

from __future__ import annotations

from iwp_cli.data_files import load_data
from iwp_cli.diff.model import FieldValue


def catalogue() -> dict[str, dict[str, str]]:
    """Every label id with its Dutch and English text."""
    data: dict[str, dict[str, str]] = load_data("diff.yaml")
    return data


class Labels:
    """The labels of one language: ``labels("added")``, ``labels("count", n=2)``."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, key: str, /, **args: object) -> str:
        """The label ``key``, its template filled in with ``args`` (given none: as written)."""
        template = catalogue()[key][self.lang]
        return template.format(**args) if args else template

    def value(self, field: str, value: FieldValue) -> str:
        """A field's value as a report shows it: lists joined, nothing as a dash, the words of
        ``preconditions`` and ``status`` translated."""
        if value is None or value in ((), ""):
            return "—"
        if isinstance(value, tuple):
            return ", ".join(value)
        if field in {"preconditions", "status"}:
            return self(value)
        return value
