"""The preview after an edit, its undo or a bulk edit: the quick refresh (answers kept per cell,
nothing redone when the citizen's report did not change, only changed lines refitted) shows
exactly what a preview computed from scratch shows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ui.main_window import MainWindow
from ui.preview import DETAIL_ROLE, STATE_ROLE, PreviewModel, PreviewWidget

R = Qt.ItemDataRole
ROLES = (
    R.DisplayRole,
    R.ToolTipRole,
    R.BackgroundRole,
    R.ForegroundRole,
    R.FontRole,
    STATE_ROLE,
    DETAIL_ROLE,
)


def _look(model: PreviewModel) -> list[Any]:
    """Everything the sheet shows, cell by cell (icons by kind: present or not)."""
    out: list[Any] = []
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            index = model.index(r, c)
            out.append([index.data(role) for role in ROLES])
            out.append(index.data(R.DecorationRole) is not None)
    return out


def _from_scratch(window: MainWindow) -> list[Any]:
    fresh = PreviewModel(window.session)
    fresh.strategies[2] = window.preview.model.strategies[2]
    fresh.set_citizen(window.preview.current_citizen())
    return _look(fresh)


def _personlig_pleje(window: MainWindow) -> int:
    rows = window.session.models["simplified"].rows
    return next(i for i, row in enumerate(rows) if row.source == "Personlig_pleje")


def test_after_edits_and_undos_the_preview_shows_what_a_fresh_one_shows(
    window: MainWindow,
) -> None:
    preview = window.preview
    assert preview.select_citizen_by_id("demo-02")
    simplified = window.session.models["simplified"]
    original = window.session.models["original"]
    every = list(range(len(original.rows)))
    steps = [
        lambda: simplified.edit_rows(
            [_personlig_pleje(window)],
            {"target": "FA510", "relationship": "source-broader"},
            "1→N",
        ),
        lambda: original.edit_rows(every, {"review_status": "approved"}, "approve all"),
        lambda: original.edit_rows(every, {"relationship": "no-map"}, "map nothing"),
        window.session.stacks["original"].undo,
        window.session.stacks["simplified"].undo,
        window.session.stacks["simplified"].redo,
    ]
    for step in steps:
        _look(preview.model)  # answers kept from before the step must not survive it
        step()
        assert _look(preview.model) == _from_scratch(window)
        # The detail pane (no field chosen: the states left out of the report) follows too.
        fresh = PreviewWidget(window.session)
        assert fresh.select_citizen_by_id("demo-02")
        assert preview.detail.toPlainText() == fresh.detail.toPlainText()
        fresh.deleteLater()


def test_an_edit_that_leaves_the_report_as_it_was_repaints_nothing(
    window: MainWindow, qtbot: Any
) -> None:
    preview = window.preview
    assert preview.select_citizen_by_id("demo-02")
    before = _look(preview.model)
    original = window.session.models["original"]
    with qtbot.assertNotEmitted(preview.model.dataChanged):
        original.edit_rows(range(len(original.rows)), {"review_status": "approved"}, "bulk")
    assert {row.review_status for row in original.rows} == {"approved"}  # the edit was done
    assert _look(preview.model) == before == _from_scratch(window)


def test_only_the_changed_lines_are_refitted_and_they_fit_as_after_a_full_pass(
    window: MainWindow,
) -> None:
    window.tabs.setCurrentWidget(window.preview)
    preview = window.preview
    assert preview.select_citizen_by_id("demo-02")
    view = preview.view
    view.resizeRowsToContents()
    heights = [view.rowHeight(r) for r in range(preview.model.rowCount())]
    window.session.models["simplified"].edit_rows(
        [_personlig_pleje(window)], {"target": "FA510", "relationship": "source-broader"}, "1→N"
    )
    fa510 = next(i for i, line in enumerate(preview.model.lines) if line.code == "FA510")
    assert preview.model.rows_changed == [fa510]
    after_edit = [view.rowHeight(r) for r in range(preview.model.rowCount())]
    view.resizeRowsToContents()
    assert after_edit == [view.rowHeight(r) for r in range(preview.model.rowCount())]
    assert after_edit != heights  # the filled FA510 needs another height than its empty mark
