"""The validation panel updates as you edit; clicking a finding selects the offending row."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_a_finding_appears_after_an_edit_and_clicking_it_selects_the_row(window, qtbot):
    assert window.validation.model.rowCount() == 0
    model = window.session.models["original"]
    row = next(i for i, r in enumerate(model.rows) if r.source == "J1.1")
    model.edit_rows([row], {"target": "I3"}, "wrong target")  # a level state to a problem area
    panel = window.validation
    hits = [
        i
        for i, (slot, f) in enumerate(panel.model.items)
        if slot == "original" and f.rule == "FM008" and f.row == row
    ]
    assert hits, "FM008 finding for the edited row"
    window.tabs.setCurrentWidget(window.preview)
    rect = panel.view.visualRect(panel.model.index(hits[0], 5))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = window.editors["original"]
    assert window.tabs.currentWidget() is editor
    assert editor.selected_rows() == [row]
    assert model.problems(row)

    window.undo_action.trigger()
    assert panel.model.rowCount() == 0


def test_clicking_a_finding_clears_a_filter_that_hides_its_row(window, qtbot):
    model = window.session.models["simplified"]
    model.edit_rows([5], {"target": "FA510", "relationship": "no-map"}, "no-map with target")
    editor = window.editors["simplified"]
    editor.search.setText("text that matches nothing")
    assert editor.proxy.rowCount() == 0
    slot_findings = [
        i
        for i, (s, f) in enumerate(window.validation.model.items)
        if s == "simplified" and f.row == 5
    ]
    window.validation._activated(window.validation.model.index(slot_findings[0], 0))
    assert editor.selected_rows() == [5]


def test_the_panel_shows_the_registry_title_and_counts_with_real_plurals(window):
    model = window.session.models["original"]
    row = next(i for i, r in enumerate(model.rows) if r.source == "J1.1")
    model.edit_rows([row], {"target": "I3"}, "wrong target")
    panel = window.validation
    i = next(i for i, (_s, f) in enumerate(panel.model.items) if f.rule == "FM008")
    title = (
        "En funktionsevnetilstand (med niveau) er mappet til et problemområde, men ikke som "
        "relateret"
    )
    assert panel.model.index(i, 0).data() == "advarsel"
    assert panel.model.index(i, 4).data() == title
    tip = panel.model.index(i, 5).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith(f"FM008 {title}") and "niveauet skrevet som tekst" in tip
    assert panel.model.headerData(0, Qt.Orientation.Horizontal) == "Alvorlighed"
    assert panel.summary.text() == "0 fejl, 1 advarsel · 1 række med problemer"
    window.undo_action.trigger()
    assert panel.summary.text() == "✔ Ingen fund i nogen af tabellerne"
