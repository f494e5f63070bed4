"""Read the reference data shipped in ``iwp_cli/data/`` (YAML, read with iwp's own reader)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any


@cache
def load_data(name: str) -> Any:
    """The values of ``data/<name>``, read once per process."""
    from iwp_cli.yamlreader import read_yaml

    text = resources.files("iwp_cli").joinpath(f"data/{name}").read_text(encoding="utf-8")
    document = read_yaml(text).document
    if document is None:
        raise ValueError(f"iwp_cli/data/{name} is empty")
    return document.data
