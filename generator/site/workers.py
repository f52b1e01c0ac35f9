"""Worker processes that cannot outlive the build that started them.

Each worker asks the kernel to kill it when its parent dies (Linux's
parent-death signal) and checks, right after, that the parent is still the
one that started it: a build killed with SIGKILL takes its workers with it,
so no orphan keeps the build lock or writes into a folder no one will use.
A worker that dies (killed, out of memory) stops the build with one error
naming what was being built when it died (a report of the archive, an edition of
a report): each worker marks, in memory shared with the build, the job it is
doing, so the error names the jobs under way, one of them the one that died.
"""

from __future__ import annotations

import concurrent.futures
import ctypes
import multiprocessing
import os
import signal
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")
PR_SET_PDEATHSIG = 1


class WorkerLost(Exception):
    """A worker process died before it finished its job."""


def map_jobs(function: Callable[[T], R], items: Sequence[T], jobs: int | None, name: Callable[[T], str] = str) -> list[R]:
    """Apply a function to items, in worker processes when there is more than one item;
    raise WorkerLost naming the items under way when a worker died."""
    workers = min(jobs or os.cpu_count() or 1, len(items))
    if workers <= 1:
        return [function(item) for item in items]
    under_way = multiprocessing.Array("b", len(items), lock=False)  # 1 while a worker does the job
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers, initializer=_die_with,
                                                initargs=(os.getpid(), under_way)) as pool:
        futures = [pool.submit(_marked, function, number, item) for number, item in enumerate(items)]
        results = []
        for item, future in zip(items, futures):
            try:
                results.append(future.result())
            except BrokenProcessPool:
                for other in futures:
                    other.cancel()
                lost = [name(job) for job, flag in zip(items, under_way) if flag] or [name(item)]
                raise WorkerLost(f"the worker process building {' or '.join(lost)} stopped before it finished "
                                 "(killed, or out of memory)") from None
        return results


_UNDER_WAY: Sequence[int] = []  # in a worker: the build's marks of the jobs under way


def _marked(function: Callable[[T], R], number: int, item: T) -> R:
    """Do one job, marked as under way while it runs (a worker that dies leaves its mark)."""
    _UNDER_WAY[number] = 1
    try:
        return function(item)
    finally:
        _UNDER_WAY[number] = 0


def _die_with(parent: int, under_way: Sequence[int]) -> None:
    """Keep the marks of the jobs under way; ask for SIGKILL when the parent dies; exit at
    once if it already has."""
    global _UNDER_WAY
    _UNDER_WAY = under_way
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:
        os._exit(1)
