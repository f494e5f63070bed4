"""Text that reaches a person: control characters escaped, paths made printable, long lines cut.

A description is written by people iwp does not control. Its key names and texts end up in the
human formats (text, concise, the diff's text), and a raw newline, carriage return or escape
byte there would let it forge lines: a line starting with ``::`` is a command in a GitHub
Actions log (``::error file=…::``, ``::stop-commands::``), ``\\r\\e[2K`` erases a line in a
GitLab job log, and a newline breaks concise's one line per finding. `printable` writes every
such character as a visible escape (``\\n``, ``\\x1b``, ``\\u202e``), so that hostile text stays
text. Reporters call it on every field they take from a finding, and on nothing else, so that
nothing is escaped twice. `--format github` escapes for the runner itself
(`iwp_cli.reporters.github`).
"""

from __future__ import annotations

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
#: C0 and C1 controls, DEL, the line and paragraph separators, and the bidirectional overrides
#: and isolates that reorder what a terminal shows ("Trojan source").
_CONTROLS = [
    *range(0x00, 0x20),
    0x7F,
    *range(0x80, 0xA0),
    0x2028,
    0x2029,
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
]
_TABLE = {
    code: _NAMED.get(chr(code)) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
    for code in _CONTROLS
}
#: The marks of a line cut to its window.
ELLIPSIS = "…"


def printable(text: str) -> str:
    """``text`` with every control character written as a visible escape."""
    if text.isprintable():  # the common case: nothing to do, and no copy
        return text
    return text.translate(_TABLE)


def path_text(path: str) -> str:
    """A path as reports show it: bytes that are not UTF-8 (which Python keeps as lone
    surrogates) written as ``\\xNN``, so that every report stays valid UTF-8, and a leading
    ``::`` shielded by ``./``."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        path = "".join(
            f"\\x{ord(char) - 0xDC00:02x}" if 0xDC80 <= ord(char) <= 0xDCFF else char
            for char in path
        )
        path = path.encode("utf-8", errors="backslashreplace").decode("utf-8")
    return "./" + path if path.startswith(":") else path


def window(line: str, column: int, width: int) -> tuple[str, int]:
    """The part of ``line`` that fits ``width`` characters around the 1-based ``column``, escaped,
    and the 0-based offset of the column in it. A line that fits is shown whole; a longer one
    is cut, with ``…`` where text was left out."""
    index = min(max(column - 1, 0), len(line))
    if len(line) <= width:
        return printable(line), len(printable(line[:index]))
    start = max(0, min(index - width // 2, len(line) - width))
    end = start + width
    before = (ELLIPSIS if start > 0 else "") + printable(line[start:index])
    shown = before + printable(line[index:end]) + (ELLIPSIS if end < len(line) else "")
    return shown, len(before)
