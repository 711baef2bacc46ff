"""BackgroundOp: work runs off the GUI thread; progress, success, failure and cancel come back on
the GUI thread; a destroyed parent stops the work and silences the callbacks."""

from __future__ import annotations

import threading
from typing import Any

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QObject, QThread, QTimer

from ui.background_op import BackgroundOp, Cancelled

WAIT = 10_000  # ms; a generous bound for a stuck worker, never a speed assertion


def test_success_and_progress_arrive_on_the_gui_thread(qtbot: Any) -> None:
    gui = QThread.currentThread()
    seen: dict[str, Any] = {"progress": [], "threads": set()}

    def work(progress: Any, cancelled: Any) -> str:
        seen["worker"] = threading.current_thread()
        for i in range(1, 4):
            progress(i, 3)
        return "done"

    def on_progress(done: int, total: int) -> None:
        seen["threads"].add(QThread.currentThread() is gui)
        seen["progress"].append((done, total))

    results: list[str] = []
    op = BackgroundOp(work).on_progress(on_progress).on_success(results.append)
    op.run()
    qtbot.waitUntil(lambda: results == ["done"], timeout=WAIT)
    assert seen["worker"] is not threading.main_thread()
    assert seen["threads"] == {True}
    assert seen["progress"][0] == (1, 3)  # the first update of a total is never dropped
    assert seen["progress"][-1] == (3, 3)  # nor is the last
    assert not op.running


def test_run_returns_while_the_work_is_still_going(qtbot: Any) -> None:
    release = threading.Event()
    results: list[int] = []
    op = BackgroundOp(lambda p, c: release.wait(WAIT / 1000) and 42).on_success(results.append)
    op.run()
    assert op.running and results == []
    ticks: list[int] = []
    QTimer.singleShot(0, lambda: ticks.append(1))  # the event loop keeps turning meanwhile
    qtbot.waitUntil(lambda: ticks == [1], timeout=WAIT)
    release.set()
    qtbot.waitUntil(lambda: results == [42], timeout=WAIT)


def test_an_exception_goes_to_on_failure_not_on_success(qtbot: Any) -> None:
    def work(progress: Any, cancelled: Any) -> None:
        raise ValueError("broken input")

    failures: list[BaseException] = []
    successes: list[object] = []
    op = BackgroundOp(work).on_success(successes.append).on_failure(failures.append)
    op.run()
    qtbot.waitUntil(lambda: bool(failures), timeout=WAIT)
    assert isinstance(failures[0], ValueError) and str(failures[0]) == "broken input"
    assert successes == []


def test_cancel_is_seen_by_the_work(qtbot: Any) -> None:
    started = threading.Event()

    def work(progress: Any, cancelled: Any) -> str:
        started.set()
        while not cancelled():
            threading.Event().wait(0.005)
        return "stopped early"

    results: list[str] = []
    op = BackgroundOp(work).on_success(results.append)
    op.run()
    assert started.wait(WAIT / 1000)
    op.cancel()
    qtbot.waitUntil(lambda: results == ["stopped early"], timeout=WAIT)
    assert op.cancel_requested


def test_raising_cancelled_runs_on_cancelled_only(qtbot: Any) -> None:
    def work(progress: Any, cancelled: Any) -> None:
        raise Cancelled

    calls: list[str] = []
    op = (
        BackgroundOp(work)
        .on_success(lambda r: calls.append("success"))
        .on_failure(lambda e: calls.append("failure"))
        .on_cancelled(lambda: calls.append("cancelled"))
    )
    op.run()
    qtbot.waitUntil(lambda: calls == ["cancelled"], timeout=WAIT)


def test_destroying_the_parent_stops_the_work_and_silences_callbacks(qtbot: Any) -> None:
    parent = QObject()
    started = threading.Event()
    saw_cancel = threading.Event()

    def work(progress: Any, cancelled: Any) -> str:
        started.set()
        for _ in range(2000):
            if cancelled():
                saw_cancel.set()
                break
            threading.Event().wait(0.005)
        return "late"

    calls: list[object] = []
    op = BackgroundOp(work).on_success(calls.append).on_failure(calls.append)
    op.run(parent)
    assert started.wait(WAIT / 1000)
    parent.deleteLater()
    qtbot.waitUntil(saw_cancel.is_set, timeout=WAIT)
    qtbot.wait(50)  # let a (wrongly) queued success arrive, if one were sent
    assert calls == []


def test_an_operation_runs_only_once(qtbot: Any) -> None:
    op = BackgroundOp(lambda p, c: None)
    op.run()
    with pytest.raises(RuntimeError):
        op.run()
    assert op.wait(WAIT / 1000)
