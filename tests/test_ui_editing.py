"""The table editor: in-place edits with delegates, author/date stamps, undo as one step."""

from __future__ import annotations

import copy
import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox

from ui.table_model import Col


def _proxy_index(editor, row: int, col: Col):
    return editor.proxy.mapFromSource(editor.model.index(row, col))


def test_editing_a_cell_through_its_combo_box_and_undoing_it(window, qtbot):
    editor = window.editors["simplified"]
    window.tabs.setCurrentWidget(editor)
    model = editor.model
    row = next(i for i, r in enumerate(model.rows) if r.source == "Personlig_pleje")
    before = copy.copy(model.rows[row])
    index = _proxy_index(editor, row, Col.RELATIONSHIP)
    editor.view.setCurrentIndex(index)
    editor.view.edit(index)
    combo = editor.view.findChild(QComboBox)
    assert combo is not None
    # only valid choices: the five relationships of the core
    assert [combo.itemData(i) for i in range(combo.count())] == [
        "equivalent",
        "source-broader",
        "source-narrower",
        "related",
        "no-map",
    ]
    combo.setCurrentIndex(combo.findData("source-broader"))
    qtbot.keyClick(combo, Qt.Key.Key_Return)  # the delegate commits (queued)
    qtbot.waitUntil(lambda: model.rows[row].relationship == "source-broader", timeout=2000)
    edited = model.rows[row]
    assert edited.author == "Test Analytiker"
    assert edited.date == dt.date.today()
    assert window.isWindowModified()
    assert "[*]" in window.windowTitle()

    window.undo_action.trigger()
    assert model.rows[row].relationship == before.relationship
    assert model.rows[row].author == before.author
    assert model.rows[row].date == before.date
    assert not window.isWindowModified()


def test_target_combo_offers_only_fields_of_the_state_kind(window):
    editor = window.editors["original"]
    model = editor.model
    j = next(i for i, r in enumerate(model.rows) if r.source == "J1.1")
    index = _proxy_index(editor, j, Col.TARGET)
    editor.view.edit(index)
    combo = editor.view.findChild(QComboBox)
    codes = [combo.itemData(i) for i in range(combo.count())]
    assert "FA510" in codes and "I3" not in codes and "" in codes


def test_bulk_approve_of_a_selection_undoes_in_one_step(window, qtbot):
    editor = window.editors["simplified"]
    model = editor.model
    model.edit_rows(range(4), {"review_status": "draft"}, "prepare")
    stack = window.session.stacks["simplified"]
    depth = stack.count()
    editor.view.clearSelection()
    for r in range(4):
        editor.view.selectionModel().select(
            _proxy_index(editor, r, Col.SOURCE),
            editor.view.selectionModel().SelectionFlag.Select
            | editor.view.selectionModel().SelectionFlag.Rows,
        )
    window.tabs.setCurrentWidget(editor)
    window.approve_action.trigger()
    assert [model.rows[r].review_status for r in range(4)] == ["approved"] * 4
    assert stack.count() == depth + 1  # one history entry for the whole selection
    window.undo_action.trigger()
    assert [model.rows[r].review_status for r in range(4)] == ["draft"] * 4


def test_add_duplicate_delete_rows_and_undo_them(window):
    editor = window.editors["simplified"]
    window.tabs.setCurrentWidget(editor)
    model = editor.model
    n = model.rowCount()
    editor.select_row(2)
    window.duplicate_action.trigger()
    assert model.rowCount() == n + 1
    assert model.rows[3].source == model.rows[2].source
    assert model.rows[3].review_status == "draft"
    window.add_action.trigger()
    assert model.rowCount() == n + 2
    editor.select_row(0)
    window.delete_action.trigger()
    assert model.rowCount() == n + 1
    for _ in range(3):
        window.undo_action.trigger()
    assert model.rowCount() == n
    assert not window.isWindowModified()


def test_filters_by_text_area_relationship_status(window):
    editor = window.editors["original"]
    model = editor.model
    editor.search.setText("vaske")
    assert editor.proxy.rowCount() >= 1
    shown = [
        editor.proxy.mapToSource(editor.proxy.index(r, 0)).row()
        for r in range(editor.proxy.rowCount())
    ]
    assert any(model.rows[r].source == "J1.1" for r in shown)
    editor.clear_filters()
    editor.relationship.setCurrentIndex(editor.relationship.findData("equivalent"))
    assert 0 < editor.proxy.rowCount() < model.rowCount()
    assert all(
        model.rows[editor.proxy.mapToSource(editor.proxy.index(r, 0)).row()].relationship
        == "equivalent"
        for r in range(editor.proxy.rowCount())
    )
    editor.clear_filters()
    editor.area.setCurrentIndex(editor.area.findData("J1"))
    assert all(
        model.index(editor.proxy.mapToSource(editor.proxy.index(r, 0)).row(), 0).data(
            Qt.ItemDataRole.UserRole + 2
        )
        == "J1"
        for r in range(editor.proxy.rowCount())
    )
    editor.clear_filters()
    editor.only_problems.setChecked(True)
    assert editor.proxy.rowCount() == 0  # the shipped table has no problems


def test_a_bulk_edit_and_its_undo_each_validate_and_refresh_the_preview_once(window, monkeypatch):
    import ui.session

    editor = window.editors["original"]
    model = editor.model
    assert model.rowCount() == 73
    model.edit_rows(range(73), {"review_status": "draft"}, "prepare")
    validations: list[str] = []
    refreshes: list[int] = []
    real_validate = ui.session.validate_table

    def counting_validate(doc, ws, lang):  # type: ignore[no-untyped-def]
        validations.append(doc.table.id)
        return real_validate(doc, ws, lang)

    monkeypatch.setattr(ui.session, "validate_table", counting_validate)
    real_refresh = window.preview.refresh
    monkeypatch.setattr(window.preview, "refresh", lambda: (refreshes.append(1), real_refresh()))

    window.tabs.setCurrentWidget(editor)
    editor.view.selectAll()
    window.approve_action.trigger()
    assert [r.review_status for r in model.rows] == ["approved"] * 73
    assert (len(validations), len(refreshes)) == (1, 1)

    window.undo_action.trigger()
    assert [r.review_status for r in model.rows] == ["draft"] * 73
    assert (len(validations), len(refreshes)) == (2, 2)


def test_find_puts_the_cursor_in_the_table_search(window):
    """Regression: Ctrl+F raised NameError (TableEditor was imported only for type checking)."""
    editor = window.editors["simplified"]
    window.tabs.setCurrentWidget(editor)
    editor.search.setText("pleje")
    editor.search.deselect()
    window.find_action.trigger()
    assert editor.search.selectedText() == "pleje"


def test_the_table_model_signals_every_edit_undo_and_redo_correctly(window, qtmodeltester):
    editor = window.editors["simplified"]
    window.tabs.setCurrentWidget(editor)
    model = editor.model
    qtmodeltester.check(model, force_py=True)  # stays connected: checks every signal below
    n = model.rowCount()
    editor.view.clearSelection()
    for r in (0, 3):
        editor.view.selectionModel().select(
            _proxy_index(editor, r, Col.SOURCE),
            editor.view.selectionModel().SelectionFlag.Select
            | editor.view.selectionModel().SelectionFlag.Rows,
        )
    window.duplicate_action.trigger()
    assert model.rowCount() == n + 2
    editor.select_row(1)
    window.delete_action.trigger()
    window.add_action.trigger()
    editor.view.selectAll()
    window.approve_action.trigger()
    for _ in range(4):
        window.undo_action.trigger()
    assert model.rowCount() == n and not window.isWindowModified()
    for _ in range(4):
        window.redo_action.trigger()
    assert model.rowCount() == n + 2
    assert window.session.tables["simplified"].history.index == 4


def test_a_table_opens_in_its_own_order_and_sorts_when_a_header_is_clicked(window, qtbot):
    editor = window.editors["original"]
    sources = [r.source for r in editor.model.rows]
    shown = [editor.proxy.index(i, Col.SOURCE).data() for i in range(editor.proxy.rowCount())]
    assert shown == sources  # the file's order: no column sorted at start
    assert editor.proxy.sortColumn() == -1
    assert editor.view.horizontalHeader().sortIndicatorSection() == -1
    window.tabs.setCurrentWidget(editor)
    header = editor.view.horizontalHeader()
    x = header.sectionViewportPosition(Col.DISPLAY) + header.sectionSize(Col.DISPLAY) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    names = [editor.proxy.index(i, Col.DISPLAY).data() for i in range(editor.proxy.rowCount())]
    assert editor.proxy.sortColumn() == Col.DISPLAY
    assert names in (sorted(names), sorted(names, reverse=True)) and names != [
        editor.model.index(i, Col.DISPLAY).data() for i in range(editor.model.rowCount())
    ]
