"""Hjælp: the user guide (docs/GUI.da.md in Danish, docs/GUI.md in English, rendered in the
application) and the keyboard shortcuts
(read from the window's own actions, so the list is always the one that works)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fsiii_mapper.texts import default_lang, t

DOCS = Path(__file__).resolve().parent.parent / "docs"
"""The user guides beside the package (a source checkout or an editable install)."""


def guide_path(lang: str | None = None) -> Path | None:
    """The guide in the UI's language (``lang``, else the language in force): ``GUI.<lang>.md``,
    the English ``GUI.md`` for English or a language without a guide of its own."""
    lang = lang or default_lang()
    path = DOCS / f"GUI.{lang}.md"
    if lang == "en" or not path.is_file():
        path = DOCS / "GUI.md"
    return path if path.is_file() else None


class GuideDialog(QDialog):
    """A user guide (Markdown) as rich text; links to other files and web pages open outside."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("User guide"))
        self.resize(900, 760)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._open)
        self.browser.setSearchPaths([str(path.parent)])  # the screenshot beside the guide
        self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.browser, 1)
        lay.addWidget(buttons)
        self.base = path.parent

    def _open(self, url: QUrl) -> None:
        if url.isRelative() and not url.hasFragment():
            url = QUrl.fromLocalFile(str(self.base / url.path()))
        if url.hasFragment() and not url.path():
            self.browser.scrollToAnchor(url.fragment())
            return
        QDesktopServices.openUrl(url)


def action_name(action: QAction) -> str:
    """An action's text as a user reads it: no mnemonic ``&``, no trailing ellipsis."""
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(" …")


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(action, keys) for every action with a shortcut, keys as the platform writes them."""
    rows = []
    for a in actions:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in a.shortcuts()]
        keys = [k for k in keys if k]
        if keys and a.text():
            rows.append((action_name(a), " / ".join(keys)))
    return sorted(set(rows), key=lambda r: r[0].casefold())


def presentation_rows() -> list[tuple[str, str]]:
    return [
        (t("Presentation mode: next citizen"), t("→, Page Down, Space, ↓ or N")),
        (t("Presentation mode: previous citizen"), t("←, Page Up, Backspace, ↑ or P")),
        (t("Presentation mode: leave"), "Esc"),
    ]


class ShortcutsDialog(QDialog):
    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("Keyboard shortcuts"))
        self.resize(620, 560)
        rows = shortcut_rows(actions) + presentation_rows()
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels([t("Action"), t("Keys")])
        for r, (name, keys) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(name))
            self.table.setItem(r, 1, QTableWidgetItem(keys))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)
