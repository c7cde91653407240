"""Reading pages in worker processes, each read with a deadline.

A page comes from a website, so reading it must never hold up the helper: the reader runs in a
small pool of worker processes (their own interpreters, so not even a C-level regex holding the
GIL can delay /ping), and a read that overruns its budget has its worker killed and replaced.
"""

from __future__ import annotations

import atexit
import multiprocessing
import queue
import threading
import time
from multiprocessing.connection import Connection
from typing import Any

from tousu.models import Reading

DEFAULT_WORKERS = 2
DEFAULT_BUDGET_SECONDS = 8.0


class ReadingTimeout(Exception):
    """The page took longer than its budget to read."""


class ReadingBusy(Exception):
    """Every worker stayed busy for the whole budget."""


def _serve(conn: Connection) -> None:
    from tousu.reading.reader import read_page

    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        url, html, title = message
        conn.send(read_page(url, html, title=title).model_dump_json())


class _Worker:
    def __init__(self, context: Any) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child,), daemon=True, name="tousu-reader")
        self.process.start()
        child.close()

    def stop(self) -> None:
        try:
            self.conn.close()
        finally:
            if self.process.is_alive():
                self.process.kill()
            self.process.join(timeout=5)


class ReadingPool:
    """At most `size` pages read at once, each within the budget given to read()."""

    def __init__(self, size: int = DEFAULT_WORKERS) -> None:
        # spawn, not fork: the helper is multi-threaded (waitress), and a forked child could
        # inherit a lock some other thread held.
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.LifoQueue[_Worker | None] = queue.LifoQueue()
        for _ in range(size):
            self._idle.put(None)  # a slot; its worker starts on first use
        self._all: list[_Worker] = []
        self._lock = threading.Lock()

    def _start(self) -> _Worker:
        worker = _Worker(self._context)
        with self._lock:
            self._all.append(worker)
        return worker

    def _discard(self, worker: _Worker) -> None:
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)
        worker.stop()

    def warm(self) -> None:
        """Start every worker now (at `tousu serve`), so the first page is not slowed by it."""
        slots = []
        while True:
            try:
                slots.append(self._idle.get_nowait())
            except queue.Empty:
                break
        for slot in slots:
            self._idle.put(slot or self._start())

    def read(self, url: str, html: str | bytes, title: str | None, budget: float) -> Reading:
        deadline = time.monotonic() + budget
        try:
            worker = self._idle.get(timeout=budget)
        except queue.Empty:
            raise ReadingBusy from None
        try:
            if worker is None or not worker.process.is_alive():
                if worker is not None:
                    self._discard(worker)
                worker = self._start()
            worker.conn.send((url, html, title))
            if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                raise ReadingTimeout
            text = worker.conn.recv()
        except ReadingTimeout:
            if worker is not None:
                self._discard(worker)
            worker = None
            raise
        except (EOFError, OSError):
            # The worker died (killed, out of memory): the next read gets a fresh one.
            if worker is not None:
                self._discard(worker)
            worker = None
            raise ReadingTimeout from None
        finally:
            self._idle.put(worker)
        return Reading.model_validate_json(text)

    def close(self) -> None:
        with self._lock:
            workers, self._all = self._all, []
        for worker in workers:
            worker.stop()


_pool: ReadingPool | None = None
_pool_lock = threading.Lock()


def shared_pool(size: int = DEFAULT_WORKERS) -> ReadingPool:
    """The process's one pool (every app in a test session shares it)."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ReadingPool(size)
            atexit.register(_pool.close)
        return _pool
