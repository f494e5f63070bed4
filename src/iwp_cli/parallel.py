"""Spread a list of independent jobs over the cores, with the calling process as one of the
workers.

Forked workers inherit the jobs, so nothing is sent to them but a chunk number; they take the next
chunk from a shared counter until none are left, and send back their results. The parent works
through chunks too, so two cores cost two processes, not three. Where ``fork`` is unavailable
(Windows) the jobs run in the calling process.

No run waits for ever, and none leaves a process behind (CI waits for every process that holds
its output): the parent looks at its workers while it waits, so a worker killed by SIGKILL (the
out-of-memory killer) ends the run at once with `WorkerLost`; SIGTERM and Ctrl-C raise `Stopped`
in the parent, which kills its workers on the way out; the workers ignore Ctrl-C (the parent
decides) and die of SIGTERM.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import queue as queues
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from types import FrameType
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: How many chunks per process: enough that no process idles long at the end (measured: 8 left
#: one process idle for up to 0.18 s of a 2.8 s render; 32 costs nothing measurable).
CHUNKS_PER_PROCESS = 32
#: Seconds between two looks at the workers while waiting for their results.
POLL = 0.05
#: Seconds a worker that has sent everything gets to exit before it is killed.
GRACE = 1.0


class WorkerError(Exception):
    """A job raised in a worker; carries the original exception's type name and message."""


class WorkerLost(WorkerError):
    """A worker ended without sending its results: killed by a signal (SIGKILL is what the
    out-of-memory killer sends) or exited early. ``signal`` is the signal's number, or 0."""

    def __init__(self, signal_number: int, exit_code: int) -> None:
        self.signal = signal_number
        self.exit_code = exit_code
        self.how = f"signal {signal_number}" if signal_number else f"exit code {exit_code}"
        super().__init__(f"a worker process ended without its results ({self.how})")


class Stopped(BaseException):
    """SIGTERM or SIGINT (Ctrl-C) arrived: the run is stopped, its workers killed. A
    BaseException, like KeyboardInterrupt, so that no ``except Exception`` swallows it."""

    def __init__(self, signal_number: int) -> None:
        super().__init__(signal.Signals(signal_number).name)
        self.signal = signal_number


@contextlib.contextmanager
def stopping() -> Iterator[None]:
    """While inside, SIGTERM and SIGINT raise `Stopped` in the main thread (elsewhere: no
    change), so that ``finally`` clauses run: workers are killed, temporary files removed."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        raise Stopped(signum)

    previous = {number: signal.signal(number, stop) for number in _STOP_SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


_STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def run_shared(items: Sequence[T], job: Callable[[T], R], *, jobs: int) -> list[R]:
    """``[job(item) for item in items]``, computed by ``jobs`` processes; order kept.

    An exception in a worker is raised here as the same exception type when it can be rebuilt
    from its message, else as WorkerError; a worker that dies (SIGKILL) raises WorkerLost at
    once. SIGTERM and Ctrl-C raise `Stopped`. Whatever ends the run, no worker outlives it:
    each is killed on the way out.
    """
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods() or len(items) < 2:
        return [job(item) for item in items]
    return _Pool(items, job, jobs).run()


class _Pool(Generic[T, R]):
    """One shared run: the chunks, the counter the processes take them from, the workers."""

    def __init__(self, items: Sequence[T], job: Callable[[T], R], jobs: int) -> None:
        context = multiprocessing.get_context("fork")
        size = max(1, -(-len(items) // (jobs * CHUNKS_PER_PROCESS)))
        self.items, self.job, self.jobs, self.context = items, job, jobs, context
        self.chunks = [range(s, min(s + size, len(items))) for s in range(0, len(items), size)]
        self.counter = context.Value("i", 0)
        # A Queue, not a SimpleQueue: its feeder thread buffers results, so a worker never
        # waits for the parent, which reads only after its own share.
        self.queue: Any = context.Queue()
        self.workers: list[Any] = []
        self.done: set[int] = set()
        self.parent = os.getpid()

    def run(self) -> list[R]:
        results: dict[int, list[R]] = {}
        with stopping():
            try:
                for _ in range(self.jobs - 1):
                    process = self.context.Process(target=self.work, daemon=True)
                    process.start()
                    self.workers.append(process)
                with self.watching():
                    self.share(results)
            finally:
                _end(self.workers, graceful=len(self.done) == len(self.workers))
        return [result for number in range(len(self.chunks)) for result in results[number]]

    @contextlib.contextmanager
    def watching(self) -> Iterator[None]:
        """While inside, a worker that dies raises WorkerLost in the parent at once, whatever
        it is doing (SIGCHLD), not only when it next waits for results."""
        if threading.current_thread() is not threading.main_thread():
            yield
            return

        def on_child(signum: int, frame: FrameType | None) -> None:
            self.check_workers()

        previous = signal.signal(signal.SIGCHLD, on_child)
        try:
            self.check_workers()  # one may have died before the handler was there
            yield
        finally:
            signal.signal(signal.SIGCHLD, previous)

    def share(self, results: dict[int, list[R]]) -> None:
        """The parent's part: chunks until none are left, then the workers' results."""
        while (number := self.take(in_worker=False)) < len(self.chunks):
            results[number] = self.compute(number)
        while len(self.done) < len(self.workers):
            self.receive(results)

    def compute(self, number: int) -> list[R]:
        return [self.job(self.items[i]) for i in self.chunks[number]]

    def receive(self, results: dict[int, list[R]]) -> None:
        """Take one message from the workers, or look at them when none came in time."""
        try:
            message = self.queue.get(timeout=POLL)
        except queues.Empty:
            self.check_workers()
            return
        if message[0] == "done":
            self.done.add(message[1])
        elif message[0] == "error":
            raise _rebuild(message[1], message[2])
        else:
            results[message[0]] = message[1]

    def check_workers(self) -> None:
        """Raise WorkerLost for a worker that ended before it sent everything."""
        for process in self.workers:
            code = process.exitcode
            if code is not None and code != 0 and process.pid not in self.done:
                raise WorkerLost(-code if code < 0 else 0, code)

    def take(self, *, in_worker: bool) -> int:
        """The next chunk's number (past the end when none is left)."""
        lock = self.counter.get_lock()
        # A worker killed while holding the lock would block the others for ever: wait in
        # steps, and look at the workers (or, in a worker, at the parent) in between.
        while not lock.acquire(timeout=POLL):
            if not in_worker:
                self.check_workers()
            elif os.getppid() != self.parent:
                os._exit(1)
        try:
            number: int = self.counter.value
            self.counter.value = number + 1
        finally:
            lock.release()
        return number

    def work(self) -> None:
        """A worker's life: chunks until none are left, then "done"; never returns."""
        _die_with(self.parent)
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides, and kills us
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        try:
            while (number := self.take(in_worker=True)) < len(self.chunks):
                self.queue.put((number, self.compute(number)))
            self.queue.put(("done", os.getpid()))
        except BaseException as error:  # reported to the parent, which raises it
            self.queue.put(("error", type(error), str(error)))
        finally:
            self.queue.close()
            self.queue.join_thread()
            os._exit(0)


def _die_with(parent: int) -> None:
    """Have the kernel kill this worker when the parent dies, even by SIGKILL, which leaves
    the parent no chance to kill it (Linux; elsewhere the worker notices between chunks)."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):  # pragma: no cover - a libc without prctl
            pass
    if os.getppid() != parent:  # it died before the request was made
        os._exit(1)


def _end(workers: list[Any], *, graceful: bool) -> None:
    """Let workers that sent everything exit; kill the others (or all, when the run failed)."""
    if graceful:
        for process in workers:
            process.join(timeout=GRACE)
    for process in workers:
        if process.is_alive():
            process.kill()
    for process in workers:
        process.join(timeout=GRACE)


def _rebuild(kind: type[BaseException], text: str) -> BaseException:
    try:
        return kind(text)
    except Exception:
        return WorkerError(f"{kind.__name__}: {text}")
