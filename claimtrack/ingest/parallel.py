"""Reading and extracting a batch of files in worker processes, results in the order given.

The main process stores while the workers read and extract the next files; on a 2-core
machine this roughly halves a large ingest's wall time (bench/extract_speed.py).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

J = TypeVar("J")
R = TypeVar("R")

# Fewer files than this are done in this process: starting workers costs more than it saves.
MIN_JOBS = 16
MAX_WORKERS = 2
CHUNK = 8  # jobs per task: fewer round trips, while keeping the two workers evenly loaded
AHEAD = 6  # tasks in flight per worker; bounds what finished results wait in memory


def workers_for(jobs: int) -> int:
    """How many worker processes a batch of this many jobs gets; 0 means none."""
    if jobs < MIN_JOBS or not _can_fork():
        return 0
    return max(0, min(MAX_WORKERS, os.cpu_count() or 1))


def _can_fork() -> bool:
    # A forked child starts with everything this process has imported and warmed, at no
    # cost; spawning would import it all again in each worker. Forking is only safe while
    # this process runs a single thread (another thread might hold a lock the child needs),
    # and is the platform's own way only on Linux.
    return sys.platform.startswith("linux") and threading.active_count() == 1


def ordered_map(fn: Callable[[J], R], jobs: Sequence[J], workers: int) -> Iterator[R]:
    """fn over jobs, in order; in `workers` processes when more than zero."""
    if workers <= 0:
        yield from map(fn, jobs)
        return
    chunks = [list(jobs[i : i + CHUNK]) for i in range(0, len(jobs), CHUNK)]
    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_die_with_parent, initargs=(os.getpid(),)
    )
    try:
        _start(pool)
        pending: deque[tuple[list[J], Future[list[R]]]] = deque()
        ahead = workers * AHEAD
        next_chunk = 0
        broken = False
        while pending or next_chunk < len(chunks):
            while not broken and next_chunk < len(chunks) and len(pending) < ahead:
                chunk = chunks[next_chunk]
                next_chunk += 1
                try:
                    pending.append((chunk, pool.submit(_run_chunk, fn, chunk)))
                except BrokenProcessPool:
                    broken = True
                    pending.append((chunk, _failed()))
            if broken and not pending:
                # A worker died (killed, out of memory): the rest is done here.
                for chunk in chunks[next_chunk:]:
                    yield from map(fn, chunk)
                return
            chunk, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                broken = True
                results = list(map(fn, chunk))
            yield from results
    finally:
        # On an error or an interrupt in this process, queued work is dropped, not waited for.
        pool.shutdown(wait=True, cancel_futures=True)


def _start(pool: ProcessPoolExecutor) -> None:
    """Fork the workers (a fork pool starts them all at its first task) with this process's
    objects frozen: the workers' garbage collector then never walks the heap they inherit,
    which saved a few per cent of their time, and leaves those pages shared."""
    gc.freeze()
    try:
        pool.submit(int)
    finally:
        gc.unfreeze()


def _die_with_parent(parent: int) -> None:
    """A worker ends when this process does, however it ends (even SIGKILL). Left running,
    it would keep the copy it inherited of the parent's database connection open: a
    PostgreSQL server would then hold the killed ingest's transaction, and its locks, open."""
    import ctypes
    import signal

    pr_set_pdeathsig = 1
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent had already gone before prctl took effect
        os._exit(1)


def _run_chunk(fn: Callable[[J], R], chunk: list[J]) -> list[R]:
    return [fn(job) for job in chunk]


def _failed() -> Future[list[R]]:
    future: Future[list[R]] = Future()
    future.set_exception(BrokenProcessPool("worker process ended"))
    return future
