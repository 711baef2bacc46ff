"""The trainer's preview: side by side, empty fields marked with reason, edits show at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ui.preview import DETAIL_ROLE, STATE_ROLE


def _row(preview, code: str) -> int:
    return next(i for i, line in enumerate(preview.model.lines) if line.code == code)


def test_preview_changes_when_a_table_row_changes(window):
    window.tabs.setCurrentWidget(window.editors["simplified"])  # its history is the active one
    preview = window.preview
    assert preview.select_citizen_by_id("demo-02")
    r = _row(preview, "FA510")
    cell = preview.model.index(r, 2)  # simplified table column
    assert cell.data(STATE_ROLE) == "empty"
    assert "FA510" in cell.data(Qt.ItemDataRole.ToolTipRole)  # reason: no row targets FA510

    model = window.session.models["simplified"]
    row = next(i for i, x in enumerate(model.rows) if x.source == "Personlig_pleje")
    model.edit_rows([row], {"target": "FA510", "relationship": "source-broader"}, "1→N")
    assert cell.data(STATE_ROLE) == "filled"
    assert "svære" in cell.data()  # Personlig pleje has level 3 for demo-02
    assert "Personlig_pleje" in cell.data(Qt.ItemDataRole.ToolTipRole)  # origin on hover

    window.undo_action.trigger()
    assert cell.data(STATE_ROLE) == "empty"


def test_a_field_filled_under_the_old_table_and_empty_under_the_simplified_is_lost(window):
    preview = window.preview
    assert preview.select_citizen_by_id("demo-03")
    r = _row(preview, "FA510")
    old, simplified = preview.model.index(r, 1), preview.model.index(r, 2)
    assert old.data(STATE_ROLE) == "filled"
    assert simplified.data(STATE_ROLE) == "lost"
    # never colour alone: an icon and a text mark the lost field too
    assert simplified.data(Qt.ItemDataRole.DecorationRole) is not None
    assert simplified.data() != old.data()
    assert simplified.data(Qt.ItemDataRole.BackgroundRole) is not None


def test_vendor_rule_column_follows_the_choice(window):
    preview = window.preview
    preview.set_vendor("nexus")
    assert preview.model.strategies[2] == "nexus"
    assert preview.model.reports["nexus"].strategy == "nexus"
    preview.set_vendor("cura")
    assert "cura" in preview.model.reports


def test_presentation_mode_steps_through_citizens_with_keys(window, qtbot):
    preview = window.preview
    preview.select_citizen(0)
    window.toggle_presentation()
    assert preview.presenting
    qtbot.keyClick(preview.view, Qt.Key.Key_Right)
    assert preview.citizen_box.currentIndex() == 1
    qtbot.keyClick(preview.view, Qt.Key.Key_Left)
    assert preview.citizen_box.currentIndex() == 0
    qtbot.keyClick(preview.view, Qt.Key.Key_Escape)
    assert not preview.presenting


def test_fill_chart_compares_old_and_simplified(window):
    rates = window.chart.compute()
    assert rates["original"]["FA510"] > rates["simplified"]["FA510"]


def test_export_pdf_writes_a_pdf(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    out = tmp_path / "out"
    out.mkdir()
    target = out / "preview.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.export_pdf()
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in out.iterdir()] == ["preview.pdf"]  # no temp file left


def test_the_preview_gives_the_same_reason_as_the_cli(window):
    # An empty field's reason is the CLI's; a field lost after the simplification is told from
    # the citizen's state (for trainers), and the CLI's reason stays in the detail pane.
    from fsiii_mapper.engine.populate import Engine
    from fsiii_mapper.workspace import open_citizen
    from fsiii_mapper_cli.render_text import report_text

    preview = window.preview
    assert preview.select_citizen_by_id("demo-03")
    lang = window.session.lang
    cli = report_text(Engine(window.session.ws).populate(open_citizen("demo-03"), "cura"), lang)
    for code in ("FA510", "I4"):  # lost after the simplification / no data
        cell = preview.model.index(_row(preview, code), 3)  # the vendor rule (Cura) column
        line = next(x for x in cli.splitlines() if x.strip().startswith(code + " "))
        cli_reason = line.split(": ", 1)[1]
        assert cli_reason in cell.data(DETAIL_ROLE)
        if code == "I4":
            assert cell.data(Qt.ItemDataRole.ToolTipRole) == cli_reason
    lost = preview.model.index(_row(preview, "FA510"), 3).data(Qt.ItemDataRole.ToolTipRole)
    assert lost == (
        "Vaske sig (J1.1, niveau 2) udfyldte feltet under den gamle tabel. I det forenklede "
        "FSIII er den lagt sammen i Personlig pleje, som ikke udfylder FA510."
    )


@pytest.mark.parametrize(
    ("lang", "header", "mark"),
    [
        ("da", "Gammel tabel", "TOM – tabt efter forenklingen"),
        ("en", "Old table", "EMPTY – lost after the simplification"),
    ],
)
def test_the_preview_speaks_the_sessions_language(gui_ws, settings, lang, header, mark):
    from ui.main_window import MainWindow

    w = MainWindow(gui_ws, settings=settings, lang=lang)
    try:
        preview = w.preview
        assert preview.select_citizen_by_id("demo-03")
        got = preview.model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        assert got == header
        assert preview.model.index(_row(preview, "FA510"), 2).data() == mark
    finally:
        w.deleteLater()
