"""Worker processes that cannot outlive the build that started them.

Each worker asks the kernel to kill it when its parent dies (Linux's
parent-death signal) and checks, right after, that the parent is still the
one that started it: a build killed with SIGKILL takes its workers with it,
so no orphan keeps the build lock or writes into a folder no one will use.
A worker that dies (killed, out of memory) stops the build with one error
naming what it was building (a report of the archive, an edition of a report).
"""

from __future__ import annotations

import concurrent.futures
import ctypes
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
    raise WorkerLost naming the item whose worker died."""
    workers = min(jobs or os.cpu_count() or 1, len(items))
    if workers <= 1:
        return [function(item) for item in items]
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers, initializer=_die_with, initargs=(os.getpid(),)) as pool:
        futures = [pool.submit(function, item) for item in items]
        results = []
        for item, future in zip(items, futures):
            try:
                results.append(future.result())
            except BrokenProcessPool:
                for other in futures:
                    other.cancel()
                raise WorkerLost(f"the worker process building {name(item)} stopped before it finished (killed, or out "
                                 "of memory)") from None
        return results


def _die_with(parent: int) -> None:
    """Ask for SIGKILL when the parent dies; exit at once if it already has."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:
        os._exit(1)
