"""Long work off the GUI thread, in the spirit of Anki's ``CollectionOp``.

    op = BackgroundOp(lambda progress, cancelled: run_batch(files, cfg, progress=progress,
                                                            cancelled=cancelled))
    op.on_progress(bar_update).on_success(show).on_failure(show_error).run(parent=self)
    ...
    op.cancel()

``fn(progress, cancelled)`` runs in a ``QThreadPool`` thread. ``progress(done, total)`` may be
called as often as ``fn`` likes (it is thinned out to a few dozen updates a second; the first
update of each total and the last one always arrive) and ``cancelled()`` tells ``fn`` to stop.
Every callback runs on the GUI thread, through queued signals. If ``fn`` raises ``Cancelled``,
the ``on_cancelled`` callbacks run; any other exception goes to ``on_failure`` (without one, to
``sys.excepthook``, like an uncaught exception in a slot). When ``parent`` is destroyed, the work
is asked to stop and no callback runs.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

T = TypeVar("T")
Progress = Callable[[int, int], None]
CancelledFlag = Callable[[], bool]
PROGRESS_INTERVAL = 0.03  # seconds between progress signals (intermediate ones are dropped)

_RUNNING: dict[int, BackgroundOp[Any]] = {}  # keeps parentless operations alive until they end


class Cancelled(Exception):
    """Raise from ``fn`` to end the operation as cancelled (``on_cancelled`` callbacks run)."""


class _Relay(QObject):
    """Lives on the GUI thread; emitted from the worker, so every delivery is queued."""

    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    stopped = Signal()


class _Runnable(QRunnable):
    def __init__(
        self, fn: Callable[[Progress, CancelledFlag], Any], relay: _Relay, stop: threading.Event
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the operation keeps the reference
        self.fn = fn
        self.relay = relay
        self.stop = stop

    def run(self) -> None:
        last, last_total = 0.0, -1

        def progress(done: int, total: int) -> None:
            # Thinned out, but the first update of a new total and the last one always go.
            nonlocal last, last_total
            now = time.monotonic()
            if total != last_total or done >= total or now - last >= PROGRESS_INTERVAL:
                last, last_total = now, total
                self.relay.progress.emit(done, total)

        try:
            result = self.fn(progress, self.stop.is_set)
        except Cancelled:
            self.relay.stopped.emit()
        except BaseException as exc:  # delivered to the GUI thread, never lost in the pool
            self.relay.failed.emit(exc)
        else:
            self.relay.succeeded.emit(result)


class BackgroundOp(QObject, Generic[T]):
    """One piece of work in a worker thread, with progress, cancel, success and failure."""

    def __init__(self, fn: Callable[[Progress, CancelledFlag], T]) -> None:
        super().__init__()
        self._fn = fn
        self._progress: list[Callable[[int, int], None]] = []
        self._success: list[Callable[[T], None]] = []
        self._failure: list[Callable[[BaseException], None]] = []
        self._cancelled: list[Callable[[], None]] = []
        self._stop = threading.Event()
        self._done = threading.Event()
        self._relay: _Relay | None = None
        self._runnable: _Runnable | None = None
        self._started = False
        self.finished = False

    # --- building -------------------------------------------------------------------------

    def on_progress(self, cb: Callable[[int, int], None]) -> BackgroundOp[T]:
        self._progress.append(cb)
        return self

    def on_success(self, cb: Callable[[T], None]) -> BackgroundOp[T]:
        self._success.append(cb)
        return self

    def on_failure(self, cb: Callable[[BaseException], None]) -> BackgroundOp[T]:
        self._failure.append(cb)
        return self

    def on_cancelled(self, cb: Callable[[], None]) -> BackgroundOp[T]:
        self._cancelled.append(cb)
        return self

    # --- running --------------------------------------------------------------------------

    def run(
        self, parent: QObject | None = None, pool: QThreadPool | None = None
    ) -> BackgroundOp[T]:
        """Start the work (once) and return at once."""
        if self._started:
            raise RuntimeError("a BackgroundOp runs only once")
        self._started = True
        if parent is not None:
            self.setParent(parent)
            stop = self._stop
            parent.destroyed.connect(lambda *_: stop.set())
        key = id(self)
        _RUNNING[key] = self
        self.destroyed.connect(lambda *_: _RUNNING.pop(key, None))
        relay = _Relay()
        relay.progress.connect(self._on_progress)
        relay.succeeded.connect(self._on_succeeded)
        relay.failed.connect(self._on_failed)
        relay.stopped.connect(self._on_stopped)
        self._relay = relay
        self._runnable = _Runnable(self._fn, relay, self._stop)
        (pool or QThreadPool.globalInstance()).start(self._runnable)
        return self

    def cancel(self) -> None:
        """Ask ``fn`` to stop (it sees ``cancelled()`` return True)."""
        self._stop.set()

    @property
    def cancel_requested(self) -> bool:
        return self._stop.is_set()

    @property
    def running(self) -> bool:
        return self._started and not self.finished

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the callbacks have run (for tests and shutdown; not for the GUI path).
        Pumps the event loop, since the callbacks are delivered through it."""
        from PySide6.QtCore import QCoreApplication, QEventLoop

        deadline = None if timeout is None else time.monotonic() + timeout
        while not self.finished:
            if deadline is not None and time.monotonic() > deadline:
                return False
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            self._done.wait(0.005)
        return True

    # --- delivery on the GUI thread -------------------------------------------------------

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self.finished:
            return
        for cb in self._progress:
            cb(done, total)

    @Slot(object)
    def _on_succeeded(self, result: Any) -> None:
        self._end()
        for cb in self._success:
            cb(result)

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self._end()
        if not self._failure:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        for cb in self._failure:
            cb(exc)

    @Slot()
    def _on_stopped(self) -> None:
        self._end()
        for cb in self._cancelled:
            cb()

    def _end(self) -> None:
        self.finished = True
        self._done.set()
        _RUNNING.pop(id(self), None)
        if self.parent() is not None:
            self.deleteLater()  # after the callbacks; the Python attributes stay readable
