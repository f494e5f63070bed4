"""The labels of the reports in Dutch and English (data file ``data/labels.yaml``)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from iwp_cli.yamlreader import read_yaml

#: The languages reports can be written in.
REPORT_LANGUAGES = ("nl", "en")


@cache
def _catalogue() -> dict[str, dict[str, Any]]:
    text = resources.files("iwp_cli").joinpath("data/labels.yaml").read_text(encoding="utf-8")
    document = read_yaml(text).document
    assert document is not None
    data: dict[str, dict[str, Any]] = document.data
    return data


def labels(lang: str) -> dict[str, Any]:
    """Every label in ``lang`` (``nl`` or ``en``); nested groups are dicts."""
    return _catalogue()[lang]
