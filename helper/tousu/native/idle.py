"""Stop the helper after a long time without requests: the native host starts it again on the
next click, so an idle helper need not sit in the background forever."""

from __future__ import annotations

import _thread
import signal
import threading
import time


class IdleWatch:
    """WSGI middleware that remembers the last request; a daemon thread interrupts the main
    thread (the server loop, which exits on KeyboardInterrupt) once `timeout` seconds pass."""

    def __init__(self, app, timeout: float, clock=time.monotonic):
        self.app = app
        self.timeout = timeout
        self._clock = clock
        self.last_request = clock()
        self._busy = 0
        self._lock = threading.Lock()

    def __call__(self, environ, start_response):
        with self._lock:
            self._busy += 1
            self.last_request = self._clock()
        try:
            return self.app(environ, start_response)
        finally:
            with self._lock:
                self._busy -= 1
                self.last_request = self._clock()

    def idle_for(self) -> float:
        with self._lock:
            return 0.0 if self._busy else self._clock() - self.last_request

    def start(self) -> threading.Thread:
        """Call from the main thread, once the server is about to serve: the timeout counts from
        here, not from a warm-up that a busy machine may stretch past it."""
        if threading.current_thread() is threading.main_thread():
            # A process started in the background (a shell's `&`, some launchers) inherits SIGINT
            # ignored, and interrupt_main() then does nothing: the helper would never stop.
            signal.signal(signal.SIGINT, signal.default_int_handler)
        with self._lock:
            self.last_request = self._clock()
        thread = threading.Thread(target=self._watch, name="tousu-idle", daemon=True)
        thread.start()
        return thread

    def _watch(self) -> None:
        step = max(0.2, min(60.0, self.timeout / 4))
        while True:
            time.sleep(step)
            if self.idle_for() >= self.timeout:
                _thread.interrupt_main()
                return
