"""The labels of the reports in Dutch and English (data file ``data/labels.yaml``)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from iwp_cli.yamlreader import read_yaml

#: The languages reports can be written in.
REPORT_LANGUAGES = ("nl", "en")


class Labels(dict[str, Any]):
    """The labels of one language: a dict whose keys are attributes too.

    Templates read labels as ``t.name``. Jinja tries an attribute before an item, and on a plain
    dict that attribute lookup fails (an exception) for every label a page prints; here it finds
    the label at once. No label is named like a method of dict.
    """

    def __init__(self, data: dict[str, Any]) -> None:
        clashes = sorted(name for name in data if hasattr(dict, name))
        if clashes:
            raise ValueError(f"labels may not be named like a method of dict: {clashes}")
        super().__init__(data)
        self.__dict__.update(data)


@cache
def _catalogue() -> dict[str, Labels]:
    text = resources.files("iwp_cli").joinpath("data/labels.yaml").read_text(encoding="utf-8")
    document = read_yaml(text).document
    assert document is not None
    data: dict[str, dict[str, Any]] = document.data
    return {lang: Labels(found) for lang, found in data.items()}


def labels(lang: str) -> Labels:
    """Every label in ``lang`` (``nl`` or ``en``); nested groups are dicts."""
    return _catalogue()[lang]
