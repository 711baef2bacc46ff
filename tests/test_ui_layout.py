"""The window's layout: docks belong to the table editors, the user's layout survives a restart,
View → Reset layout brings back the first start, and preview rows fit their text."""

from __future__ import annotations

from typing import Any

from guiwindows import close_quietly
from PySide6.QtCore import Qt


def _new_window(qtbot: Any, ws: Any, settings: Any) -> Any:
    from ui.main_window import MainWindow

    w = MainWindow(ws, settings=settings, lang="da")
    w.show()
    qtbot.waitExposed(w)
    qtbot.wait(50)  # the saved layout is applied once the window is laid out
    return w


def test_history_and_validation_are_shown_with_the_tables_only(window, qtbot):
    qtbot.wait(50)
    assert window.history_dock.isVisible() and window.validation_dock.isVisible()
    for page in (window.preview, window.diff, window.catalog):
        window.tabs.setCurrentWidget(page)
        assert not window.history_dock.isVisible()
        assert not window.validation_dock.isVisible()
    window.tabs.setCurrentWidget(window.editors["simplified"])
    assert window.history_dock.isVisible() and window.validation_dock.isVisible()


def test_a_dock_the_user_closed_stays_closed_after_a_restart(qtbot, gui_ws, settings):
    w = _new_window(qtbot, gui_ws, settings)
    w.history_dock.toggleViewAction().trigger()
    assert not w.history_dock.isVisible()
    w.tabs.setCurrentWidget(w.preview)
    w.tabs.setCurrentWidget(w.editors["original"])
    assert not w.history_dock.isVisible()
    close_quietly(w)
    w = _new_window(qtbot, gui_ws, settings)
    assert not w.history_dock.isVisible() and w.validation_dock.isVisible()
    close_quietly(w)


def test_dock_sizes_survive_restarts_unchanged(qtbot, gui_ws, settings):
    from ui import settings as S

    w = _new_window(qtbot, gui_ws, settings)
    w.resizeDocks([w.history_dock], [400], Qt.Orientation.Horizontal)
    qtbot.wait(20)
    widths = [w.history_dock.width()]
    heights = [w.validation_dock.height()]
    close_quietly(w)
    for _ in range(3):
        # The offscreen platform's screen is 800×600: a restored 1400×900 geometry is clamped to
        # it. The window's geometry is tested on a real X server (test_ui_real_window.py).
        settings.set(S.GEOMETRY, S.GEOMETRY.default)
        w = _new_window(qtbot, gui_ws, settings)
        widths.append(w.history_dock.width())
        heights.append(w.validation_dock.height())
        close_quietly(w)
    assert widths == [widths[0]] * 4 and 380 <= widths[0] <= 420
    assert heights == [heights[0]] * 4


def test_reset_layout_brings_back_the_first_start(qtbot, gui_ws, settings):
    w = _new_window(qtbot, gui_ws, settings)
    first = (w.history_dock.width(), w.validation_dock.height())
    w.validation_dock.toggleViewAction().trigger()
    w.resizeDocks([w.history_dock], [600], Qt.Orientation.Horizontal)
    w.history_dock.setFloating(True)
    w.reset_layout_action.trigger()
    qtbot.wait(20)
    assert not w.history_dock.isFloating()
    assert w.validation_dock.isVisible()
    assert (w.history_dock.width(), w.validation_dock.height()) == first
    close_quietly(w)


def test_preview_rows_fit_their_text_on_first_show(qtbot, gui_ws, settings):
    # Regression: on first show only 6–11 of the 19 fields were visible, the rows sized for
    # columns not yet laid out.
    w = _new_window(qtbot, gui_ws, settings)
    w.tabs.setCurrentWidget(w.preview)
    view = w.preview.view
    qtbot.wait(50)
    heights = {view.rowHeight(r) for r in range(w.preview.model.rowCount())}
    line = view.fontMetrics().lineSpacing()
    assert max(heights) < 3 * line + 12  # no cell of the demo citizen wraps to many lines
    before = [view.rowHeight(r) for r in range(w.preview.model.rowCount())]
    w.resize(w.width() - 500, w.height())
    qtbot.wait(50)
    after = [view.rowHeight(r) for r in range(w.preview.model.rowCount())]
    assert sum(after) >= sum(before)  # narrower columns: the rows grow with their text
    close_quietly(w)
