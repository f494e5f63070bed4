"""A shortest edit script between two long word lists (Myers, 1986), for what difflib does slowly.

difflib's SequenceMatcher tries every place a word occurs: on a paragraph of 100,000 words, in
which "de" and "en" occur thousands of times, a word diff took minutes. Myers' algorithm costs
about (N + M) · D steps for N and M words and D edits, so a long text with a few changes is fast.
It gives a shortest edit script (the most words kept), which is what a reader of a word diff
wants. Beyond `MAX_EDITS` edits the texts are not worth aligning word by word: the caller shows
them as one replacement.
"""

from __future__ import annotations

from collections.abc import Sequence

#: Most edits (words removed plus words added) looked for.
MAX_EDITS = 2_000

Opcode = tuple[str, int, int, int, int]


def opcodes(a: Sequence[str], b: Sequence[str]) -> list[Opcode] | None:
    """difflib-style opcodes (``equal``, ``delete``, ``insert``; a ``delete`` next to an
    ``insert`` is a replacement) turning ``a`` into ``b``; None beyond `MAX_EDITS` edits."""
    n, m = len(a), len(b)
    frontier = {1: 0}
    trace: list[dict[int, int]] = []
    for d in range(min(n + m, MAX_EDITS) + 1):
        trace.append(dict(frontier))
        for k in range(-d, d + 1, 2):
            down = k == -d or (k != d and frontier[k - 1] < frontier[k + 1])
            x = frontier[k + 1] if down else frontier[k - 1] + 1
            y = x - k
            while x < n and y < m and a[x] == b[y]:
                x, y = x + 1, y + 1
            frontier[k] = x
            if x >= n and y >= m:
                return _backtrack(trace, n, m)
    return None


def _backtrack(trace: list[dict[int, int]], n: int, m: int) -> list[Opcode]:
    """The opcodes of the path the frontiers in ``trace`` reached (n, m) by."""
    steps: list[Opcode] = []
    x, y = n, m
    for d in range(len(trace) - 1, -1, -1):
        frontier = trace[d]
        k = x - y
        down = k == -d or (k != d and frontier[k - 1] < frontier[k + 1])
        previous_k = k + 1 if down else k - 1
        previous_x = frontier[previous_k]
        previous_y = previous_x - previous_k
        while x > previous_x and y > previous_y:
            steps.append(("equal", x - 1, x, y - 1, y))
            x, y = x - 1, y - 1
        if d > 0:
            if down:
                steps.append(("insert", x, x, y - 1, y))
            else:
                steps.append(("delete", x - 1, x, y, y))
        x, y = previous_x, previous_y
    steps.reverse()
    return _joined(steps)


def _joined(steps: list[Opcode]) -> list[Opcode]:
    """Single-word steps as runs: neighbouring steps of one kind joined."""
    runs: list[Opcode] = []
    for op, i1, i2, j1, j2 in steps:
        if runs and runs[-1][0] == op and runs[-1][2] == i1 and runs[-1][4] == j1:
            runs[-1] = (op, runs[-1][1], i2, runs[-1][3], j2)
        else:
            runs.append((op, i1, i2, j1, j2))
    return runs
