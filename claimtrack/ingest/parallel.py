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
from contextlib import contextmanager
from typing import Generic, TypeVar

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


@contextmanager
def ordered_map(fn: Callable[[J], R], jobs: Sequence[J], workers: int) -> Iterator[Iterator[R]]:
    """fn over jobs, in order; in `workers` processes when more than zero. The workers are
    forked and given their first tasks on entering, so that the caller can do other work (open
    its database) while they start; leaving drops what is still queued."""
    if workers <= 0:
        yield map(fn, jobs)
        return
    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_die_with_parent, initargs=(os.getpid(),)
    )
    try:
        _start(pool)
        yield _Ordered(pool, fn, jobs, workers * AHEAD).results()
    finally:
        # On an error or an interrupt in this process, queued work is dropped, not waited for.
        pool.shutdown(wait=True, cancel_futures=True)


class _Ordered(Generic[J, R]):
    """Results in the order of the jobs, with at most `ahead` tasks in flight."""

    def __init__(
        self, pool: ProcessPoolExecutor, fn: Callable[[J], R], jobs: Sequence[J], ahead: int
    ) -> None:
        self.pool, self.fn, self.ahead = pool, fn, ahead
        self.chunks = [list(jobs[i : i + CHUNK]) for i in range(0, len(jobs), CHUNK)]
        self.next_chunk = 0
        self.broken = False
        self.pending: deque[tuple[list[J], Future[list[R]]]] = deque()
        self._submit()

    def _submit(self) -> None:
        while not self.broken and self.next_chunk < len(self.chunks):
            if len(self.pending) >= self.ahead:
                return
            chunk = self.chunks[self.next_chunk]
            self.next_chunk += 1
            try:
                self.pending.append((chunk, self.pool.submit(_run_chunk, self.fn, chunk)))
            except BrokenProcessPool:
                self.broken = True
                self.pending.append((chunk, _failed()))

    def results(self) -> Iterator[R]:
        while self.pending or self.next_chunk < len(self.chunks):
            self._submit()
            if self.broken and not self.pending:
                # A worker died (killed, out of memory): the rest is done here.
                for chunk in self.chunks[self.next_chunk :]:
                    yield from map(self.fn, chunk)
                return
            chunk, future = self.pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                self.broken = True
                results = list(map(self.fn, chunk))
            yield from results


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
