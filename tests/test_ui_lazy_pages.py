"""GUI start-up: the pages the first screen (the old table) does not show — the simplified
table's editor, the preview with its citizens and the engine, differences, catalogs, fill rates,
vendor check — are imported and built when first opened, in their place and with their title."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]

START = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from ui.main_window import MainWindow
from ui.settings import Settings
from PySide6.QtCore import QSettings
w = MainWindow(settings=Settings(QSettings(sys.argv[1], QSettings.Format.IniFormat)))
w.show()
app.processEvents()
lazy = (
    "ui.preview",
    "fsiii_mapper.engine.populate",
    "fsiii_mapper.analysis.report_sheet",
    "ui.diff_view",
    "ui.catalog_browser",
    "ui.fill_chart",
    "ui.vendor_tab",
)
print(" ".join(m for m in lazy if m in sys.modules) or "none")
"""


def test_a_started_window_has_not_imported_the_pages_it_does_not_show(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    proc = subprocess.run(
        [sys.executable, "-c", START, str(tmp_path / "s.ini")],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split()[-1] == "none", proc.stdout


def test_a_page_is_built_when_its_tab_is_opened(window: MainWindow) -> None:
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    index = titles.index("Forskelle")
    window.tabs.setCurrentIndex(index)
    assert window.tabs.currentWidget() is window.diff  # built in place of its placeholder
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == titles
    assert window.diff.model.rowCount() > 0  # old vs simplified differ


def test_a_page_asked_for_is_built_without_changing_the_tab(window: MainWindow) -> None:
    before = window.tabs.currentIndex()
    rows = dict(window.chart.rows())
    assert rows and window.tabs.currentIndex() == before
    catalog_tab = window.tabs.indexOf(window.catalog)
    assert window.tabs.tabText(catalog_tab) == "Kataloger"


def test_the_preview_is_built_when_its_tab_is_opened_with_the_saved_vendor_rule(
    window: MainWindow,
) -> None:
    from ui import settings as S

    window.settings.set(S.VENDOR_RULE, "nexus")
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "preview" not in window._pages
    window.tabs.setCurrentIndex(titles.index("Forhåndsvisning"))
    assert window.tabs.currentWidget() is window.preview
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == titles
    assert window.preview.vendor() == "nexus"
    assert window.preview.model.strategies[2] == "nexus"
    assert window.preview.current_citizen() is not None  # the demo citizens are there


def test_an_edit_before_the_preview_is_opened_shows_in_it(window: MainWindow) -> None:
    model = window.session.models["simplified"]
    row = next(i for i, r in enumerate(model.rows) if r.source == "Personlig_pleje")
    model.edit_rows([row], {"target": "FA510", "relationship": "source-broader"}, "1→N")
    assert "preview" not in window._pages
    assert window.preview.select_citizen_by_id("demo-02")
    line = next(i for i, ln in enumerate(window.preview.model.lines) if ln.code == "FA510")
    assert window.preview.model.cell_state(line, 2) == "filled"


def test_closing_without_opening_the_preview_keeps_the_saved_vendor_rule(
    window: MainWindow,
) -> None:
    from ui import settings as S

    window.settings.set(S.VENDOR_RULE, "nexus")
    window.close()
    assert "preview" not in window._pages
    assert window.settings.get(S.VENDOR_RULE) == "nexus"


def test_a_vendor_rule_no_longer_there_opens_the_preview_with_the_first_rule(
    gui_ws: Any, settings: Any, qtbot: Any
) -> None:
    """Regression: a saved rule or table id that is gone (a table of yours removed) stopped the
    window from being built; the preview now starts with the first vendor rule."""
    from ui import settings as S

    settings.set(S.VENDOR_RULE, "a-table-that-is-gone")
    window = MainWindow(gui_ws, settings=settings)
    try:
        assert window.preview.vendor() == "cura"
        assert "cura" in window.preview.model.reports
    finally:
        window.setWindowModified(False)
        window.close()


def test_the_other_tables_editor_is_built_when_its_tab_is_opened(window: MainWindow) -> None:
    assert "editor:simplified" not in window._pages  # the first screen shows the old table
    model = window.session.models["simplified"]
    model.edit_rows([0], {"comment": "rettet før fanen blev åbnet"}, "comment")
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[1] == "Forenklet tabel *"  # the edit is marked on the tab not yet built
    window.tabs.setCurrentIndex(1)
    editor = window.editors["simplified"]
    assert window.tabs.currentWidget() is editor
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == titles
    assert window.current_slot == "simplified"
    assert window.session.group.activeStack() is window.session.stacks["simplified"]
    assert editor.proxy.rowCount() == len(model.rows)
    window.undo_action.trigger()
    assert window.tabs.tabText(1) == "Forenklet tabel"


def test_a_finding_of_the_other_table_opens_its_editor_at_the_row(window: MainWindow) -> None:
    window.select_table_row("simplified", 3)
    editor = window.editors["simplified"]
    assert window.tabs.currentWidget() is editor
    assert editor.selected_rows() == [3]


def test_a_tab_clicked_open_keeps_the_keyboard_focus_as_if_its_page_had_been_there(
    window: MainWindow, qtbot: Any
) -> None:
    """Regression: a page built when its tab was clicked went last into the focus chain, after
    the docks; as the table's docks hid, the keyboard focus left the tab bar for the page's
    first field (the arrow keys then changed the citizen instead of the tab)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.editors["original"].view.setFocus()
    bar = window.tabs.tabBar()
    for title in ("Forhåndsvisning", "Forenklet tabel", "Forskelle", "Gammel tabel"):
        index = [bar.tabText(i) for i in range(bar.count())].index(title)
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
        assert QApplication.focusWidget() is bar, title
