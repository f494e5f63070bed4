"""Load one description: bytes, text, YAML, then the model, with every problem as a finding.

The loader never raises for bad content: a file that cannot be read as a description yields
findings (IWP0xx) instead, and so does a file that cannot be read: gone since it was found,
not a regular file (a FIFO, a device), a loop of symbolic links (IWP010).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from iwp_cli.codes import READ_CODES
from iwp_cli.findings import Finding, Severity
from iwp_cli.i18n import message
from iwp_cli.model import FORMAT_VERSION, Description
from iwp_cli.source import DEFAULT_MAX_BYTES, Source, decode, read_source
from iwp_cli.validation import findings_from_error, yaml_path
from iwp_cli.yamlreader import Document, read_yaml


@dataclass(slots=True)
class Loaded:
    """A file after loading.

    Attributes:
        file: The path as shown to the user.
        findings: Problems met while reading and validating, in file order.
        description: The validated model; None when the file is not a valid description.
        document: The YAML values with positions; None when the YAML could not be read.
        text: The decoded text; None when the bytes are not UTF-8 text.
        is_description: Whether the file is meant as an IWP description (top-level key ``iwp``,
            or, when it cannot be parsed, a line starting with ``iwp:``).
    """

    file: str
    findings: list[Finding] = field(default_factory=list)
    description: Description | None = None
    document: Document | None = None
    text: str | None = None
    is_description: bool = False


def load_path(
    path: Path, *, shown: str | None = None, lang: str = "en", max_bytes: int = DEFAULT_MAX_BYTES
) -> Loaded:
    """Load the file at ``path``; a file that cannot be read gives the finding IWP010."""
    try:
        source = read_source(path, max_bytes=max_bytes)
    except OSError as error:
        reason = {"reason": str(error.strerror or error)}
        finding = _read_finding("unreadable", shown or str(path), lang, at=(0, 0), detail=reason)
        return Loaded(shown or str(path), [finding], is_description=True)
    return _load(source, shown or str(path), lang)


def load_text(text: str | bytes, *, shown: str = "<text>", lang: str = "en") -> Loaded:
    """Load a description from memory (bytes are decoded as the file reader would)."""
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return _load(decode(raw), shown, lang)


def _load(source: Source, shown: str, lang: str) -> Loaded:
    loaded = Loaded(shown, text=source.text, is_description=source.mentions_iwp)
    if source.problem is not None:
        problem = source.problem
        at = (problem.line, problem.column)
        loaded.findings.append(
            _read_finding(problem.kind, shown, lang, at=at, detail=problem.detail)
        )
        return loaded
    assert source.text is not None
    result = read_yaml(source.text)
    for found in result.problems:
        detail = found.detail
        at = (found.line, found.column)
        loaded.findings.append(
            _read_finding(found.kind, shown, lang, at=at, path=found.path, detail=detail)
        )
    document = result.document
    if document is None:
        if not result.problems:
            loaded.findings.append(_read_finding("empty", shown, lang))
        return _sorted(loaded)
    loaded.document = document
    data = document.data
    if not isinstance(data, dict):
        kind = "empty" if data is None else "not-a-mapping"
        loaded.findings.append(
            _read_finding(kind, shown, lang, detail={"found": _shape(data, lang)})
        )
        return _sorted(loaded)
    loaded.is_description = "iwp" in data
    if "iwp" not in data:
        loaded.findings.append(_read_finding("not-a-description", shown, lang))
        return _sorted(loaded)
    version = data["iwp"]
    if type(version) is not int or version != FORMAT_VERSION:
        at = document.position(("iwp",))
        detail = {"found": _shape(version, lang)}
        loaded.findings.append(
            _read_finding("unknown-version", shown, lang, at=at, path=("iwp",), detail=detail)
        )
        return _sorted(loaded)
    try:
        loaded.description = Description.model_validate(data)
    except ValidationError as error:
        loaded.findings.extend(findings_from_error(error, document, file=shown, lang=lang))
    return _sorted(loaded)


def _sorted(loaded: Loaded) -> Loaded:
    loaded.findings.sort(key=lambda finding: finding.sort_key)
    return loaded


def _read_finding(
    kind: str,
    file: str,
    lang: str,
    *,
    at: tuple[int, int] = (1, 1),
    path: tuple[str | int, ...] = (),
    detail: dict[str, str] | None = None,
) -> Finding:
    """A finding for a problem met while reading (codes IWP001-IWP009)."""
    detail = detail or {}
    key = "syntax-tab" if kind == "syntax" and "tab" in detail else kind
    text = message(key, lang, **detail)
    return Finding(READ_CODES[kind], Severity.ERROR, file, at[0], at[1], text, yaml_path(path))


def _shape(data: Any, lang: str) -> str:
    if isinstance(data, list):
        return message("type-list", lang)
    if isinstance(data, str):
        return f"{message('type-text', lang)} {data!r}"
    if isinstance(data, bool):
        return "true" if data else "false"
    return repr(data)
