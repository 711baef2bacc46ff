"""The quick paths the views paint through give exactly what Qt's own, role by role, gives:
``multiData`` (every role of a cell in one call) of the table model, its filter and the preview;
the filter's flags by column and the table model's ``index``; the editor's selected rows read from
the selection's ranges."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QImage

from ui.main_window import MainWindow
from ui.preview import DETAIL_ROLE, STATE_ROLE, PreviewModel
from ui.table_editor import TableEditor
from ui.table_model import AREA_ROLE, PROBLEM_ROLE, RAW_ROLE, SEARCH_ROLE

# Every role Qt's delegates and views ask (0 … 13) and the models' own.
ROLES = [*range(14), int(PROBLEM_ROLE), int(AREA_ROLE), int(RAW_ROLE), int(SEARCH_ROLE)]
ROLES += [int(STATE_ROLE), int(DETAIL_ROLE)]


def _multi(model: Any, index: QModelIndex) -> list[Any]:
    out = []
    for role in ROLES:  # (PySide builds spans of one; the views' spans of seven are painted below)
        slot = QModelRoleData(role)
        model.multiData(index, QModelRoleDataSpan(slot))
        out.append(_plain(slot.data()))
    return out


def _one_by_one(model: Any, index: QModelIndex) -> list[Any]:
    return [_plain(model.data(index, role)) for role in ROLES]


def _plain(value: Any) -> Any:
    """Brushes, fonts and icons compared by what they draw."""
    if hasattr(value, "color") and hasattr(value, "style"):
        return ("brush", value.color().name(), value.style())
    if hasattr(value, "bold") and hasattr(value, "pointSizeF"):
        return ("font", value.toString())
    if hasattr(value, "cacheKey") and hasattr(value, "availableSizes"):
        return ("icon", value.pixmap(16, 16).toImage())
    return value


def _every_cell(model: Any) -> list[QModelIndex]:
    return [model.index(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())]


def _edit_a_little(window: MainWindow) -> None:
    """Findings on some rows (background, icon, tooltip), a target, a comment."""
    model = window.session.models["original"]
    model.edit_rows(range(0, 10), {"relationship": "no-map"}, "no map")
    model.edit_rows([12], {"comment": "en kommentar"}, "comment")


def test_the_table_answers_every_role_at_once_as_one_by_one(window: MainWindow) -> None:
    _edit_a_little(window)
    editor = window.editors["original"]
    assert isinstance(editor, TableEditor)
    source, proxy = editor.model, editor.proxy
    assert any(source.problems(r) for r in range(source.rowCount()))
    for index in _every_cell(source):
        assert _multi(source, index) == _one_by_one(source, index)
    editor.proxy.set_filters(relationship="no-map")
    editor.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # sorted and filtered
    assert 0 < proxy.rowCount() < source.rowCount()
    for index in _every_cell(proxy):
        assert _multi(proxy, index) == _one_by_one(source, proxy.mapToSource(index))
        assert proxy.flags(index) == source.flags(proxy.mapToSource(index))
    assert _multi(source, QModelIndex()) == [None] * len(ROLES)


def test_the_table_index_is_qt_s(window: MainWindow) -> None:
    source = window.session.models["original"]
    n, m = source.rowCount(), source.columnCount()
    for r, c in [(0, 0), (n - 1, m - 1), (n, 0), (0, m), (-1, 0), (0, -1), (5, 3)]:
        mine = source.index(r, c)
        qt = QAbstractTableModel.index(source, r, c)
        assert (mine.isValid(), mine.row(), mine.column()) == (
            qt.isValid(),
            qt.row(),
            qt.column(),
        )
    assert not source.index(0, 0, source.index(0, 0)).isValid()  # no children


def test_the_preview_answers_every_role_at_once_as_one_by_one(window: MainWindow) -> None:
    preview = window.preview
    assert preview.select_citizen_by_id("demo-02")
    _edit_a_little(window)  # lost and empty fields, flags, heads
    model = preview.model
    assert isinstance(model, PreviewModel)
    for index in _every_cell(model):
        assert _multi(model, index) == _one_by_one(model, index)


class _RoleByRole(QSortFilterProxyModel):
    """Qt's filter as it is: asks the source role by role, maps every index."""


def _grab(editor: TableEditor, proxy: QSortFilterProxyModel) -> QImage:
    editor.view.setModel(proxy)
    editor.view.selectAll()
    editor.view.viewport().repaint()
    return editor.view.viewport().grab().toImage()


def test_the_table_paints_the_same_pixels_as_through_qt_s_filter(window: MainWindow) -> None:
    _edit_a_little(window)
    editor = window.editors["original"]
    window.tabs.setCurrentWidget(editor)
    quick = _grab(editor, editor.proxy)
    plain = _RoleByRole(editor)
    plain.setSourceModel(editor.model)
    assert _grab(editor, plain) == quick
    editor.view.setModel(editor.proxy)


def _qt_selected_rows(editor: TableEditor) -> list[int]:
    sel = editor.view.selectionModel()
    rows = {editor.proxy.mapToSource(i).row() for i in sel.selectedRows()}
    if not rows and editor.view.currentIndex().isValid():
        rows = {editor.proxy.mapToSource(editor.view.currentIndex()).row()}
    return sorted(rows)


def test_selected_rows_are_qt_s_selected_rows(window: MainWindow) -> None:
    editor = window.editors["original"]
    window.tabs.setCurrentWidget(editor)
    view, proxy = editor.view, editor.proxy
    sel = view.selectionModel()
    flag = QItemSelectionModel.SelectionFlag
    last = proxy.columnCount() - 1

    def cells(top: int, left: int, bottom: int, right: int) -> QItemSelection:
        return QItemSelection(proxy.index(top, left), proxy.index(bottom, right))

    def check() -> None:
        assert editor.selected_rows() == _qt_selected_rows(editor)

    view.selectAll()
    check()
    assert len(editor.selected_rows()) == editor.model.rowCount()
    proxy.set_filters(area="J1")  # a filtered area, sorted backwards
    view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    view.selectAll()
    check()
    assert 0 < len(editor.selected_rows()) < editor.model.rowCount()
    proxy.clear_filters()
    sel.clear()
    sel.select(cells(2, 0, 4, last), flag.Select)  # two blocks of rows
    sel.select(cells(9, 0, 9, last), flag.Select)
    check()
    sel.clear()
    sel.select(cells(3, 0, 3, 4), flag.Select)  # a row made whole from two pieces
    sel.select(cells(3, 5, 3, last), flag.Select)
    sel.select(cells(6, 1, 6, last), flag.Select)  # a row not whole: not selected
    check()
    assert len(editor.selected_rows()) == 1
    sel.clear()
    sel.setCurrentIndex(proxy.index(7, 2), flag.NoUpdate)  # nothing selected: the current row
    check()
    assert len(editor.selected_rows()) == 1
