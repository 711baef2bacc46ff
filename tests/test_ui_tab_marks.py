"""The modified mark on a table's tab (``Gammel tabel *``): set on the tab bar alone when the bar
still fits, so an edit does not repaint the whole page; the tabs end up where the tab widget's
own layout puts them, in a wide window and in a narrow one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from ui.main_window import MainWindow


def _tabs(window: MainWindow) -> list[Any]:
    bar = window.tabs.tabBar()
    return [
        bar.geometry().getRect(),
        window.tabs.currentWidget().geometry().getRect(),
        *(bar.tabRect(i).getRect() for i in range(bar.count())),
        *(bar.tabText(i) for i in range(bar.count())),
    ]


def _laid_out_by_the_tab_widget(window: MainWindow) -> list[Any]:
    """The same tabs after the tab widget's own ``setTabText`` and layout."""
    for i in range(window.tabs.count()):
        window.tabs.setTabText(i, window.tabs.tabText(i))
    QCoreApplication.processEvents()
    return _tabs(window)


def _edit_and_undo(window: MainWindow, width: int) -> None:
    window.tabs.setFixedWidth(width)  # (the window's docks keep it wider than a narrow page)
    QCoreApplication.processEvents()
    model = window.session.models["original"]
    for step in (
        lambda: model.edit_rows(range(len(model.rows)), {"review_status": "approved"}, "all"),
        window.session.stacks["original"].undo,
        window.session.stacks["original"].redo,
    ):
        step()
        QCoreApplication.processEvents()
        marked = window.tabs.tabText(0)
        assert marked == ("Gammel tabel *" if model.stack.canUndo() else "Gammel tabel")
        assert _tabs(window) == _laid_out_by_the_tab_widget(window)


def test_the_mark_in_a_wide_window(window: MainWindow) -> None:
    _edit_and_undo(window, 1400)


def test_the_mark_in_a_window_too_narrow_for_the_tabs(window: MainWindow) -> None:
    _edit_and_undo(window, 420)
    bar = window.tabs.tabBar()
    assert bar.sizeHint().width() > bar.width()  # the bar needed its scroll buttons
