"""Bounds on a user's templates: time, memory and depth.

Jinja's sandbox keeps a template from running code, but not from running long or growing
large: ``{{ "a" * 10**10 }}`` asks for 10 GB, ``2 ** (2**36)`` for a number of 8 GB, two nested
``range(100000)`` loops run for hours, and a template that includes itself recurses until
Python gives up. In CI each of those is a job that hangs or a machine out of memory. So a
sandboxed render:

- refuses ``*`` and ``**`` whose result would be larger than `MAX_ITEMS` items or `MAX_BITS`
  bits, before computing it (`Sandbox.call_binop`);
- ends after `TIME_LIMIT` seconds (a timer signal, in the process that renders);
- gets at most `MEMORY_LIMIT` bytes more address space than the process had (an rlimit that
  is put back afterwards), so any other way of growing ends in a MemoryError;
- and `iwp_cli.render.environment.render_template` reports a RecursionError, a MemoryError or
  `Exhausted` (the time ran out, a result too large) with the template's file and line.

The shipped templates are iwp's own code and run without these bounds.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

try:
    import resource
except ImportError:  # pragma: no cover - Windows
    resource = None  # type: ignore[assignment]

#: Seconds one sandboxed template may take to render a report.
TIME_LIMIT = 10.0
#: Bytes of address space a sandboxed render may add.
MEMORY_LIMIT = 1 << 30
#: Most items (characters of a text, entries of a list) a ``*`` may make.
MAX_ITEMS = 10_000_000
#: Most bits a ``**`` of two integers may make.
MAX_BITS = 1_000_000


class Exhausted(Exception):
    """A sandboxed template went past a bound; the message says which."""


def checked_binop(operator: str, left: Any, right: Any) -> None:
    """Raise Exhausted when ``left operator right`` would be too large to make."""
    if operator == "**":
        huge = _is_int(left) and _is_int(right) and right > 0 and abs(left) > 1
        if huge and right * abs(left).bit_length() > MAX_BITS:
            raise Exhausted(f"{left} ** {right} would have more than {MAX_BITS:,} bits")
        return
    for sized, times in ((left, right), (right, left)):
        repeats = _is_int(times) and hasattr(sized, "__len__") and not _is_int(sized)
        if repeats and len(sized) * times > MAX_ITEMS:
            raise Exhausted(f"a repetition of more than {MAX_ITEMS:,} items")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@contextlib.contextmanager
def bounded() -> Iterator[None]:
    """Bound what runs inside in time and memory (see the module's documentation)."""
    with _deadline(TIME_LIMIT), _address_space(MEMORY_LIMIT):
        yield


def reason(error: BaseException) -> str:
    """What went past which bound, in words."""
    if isinstance(error, RecursionError):
        return (
            "nested too deeply (a template that includes itself, or a macro that calls itself "
            "without end)"
        )
    if isinstance(error, MemoryError):
        return f"needs more than {MEMORY_LIMIT >> 20:,} MiB of memory"
    return str(error)


@contextlib.contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise Exhausted(f"took longer than {seconds:g} seconds")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def _address_space(extra: int) -> Iterator[None]:
    if resource is None:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    in_use = _address_space_in_use()
    wanted = in_use + extra
    if not in_use or (soft != resource.RLIM_INFINITY and soft <= wanted):
        yield  # unknown, or already bounded at least as tightly
        return
    resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _address_space_in_use() -> int:
    """This process's virtual size in bytes (Linux); 0 where it cannot be known."""
    try:
        pages = int(Path("/proc/self/statm").read_text(encoding="ascii").split()[0])
    except (OSError, ValueError, IndexError):
        return 0
    return pages * resource.getpagesize()
