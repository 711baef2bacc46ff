"""GUI start-up: the pages the first screen does not show (differences, catalogs, fill rates,
vendor check) are imported and built when first opened, in their place and with their title."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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
lazy = ("ui.diff_view", "ui.catalog_browser", "ui.fill_chart", "ui.vendor_tab")
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
