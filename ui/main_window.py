"""The main window: table tabs, preview, diff, catalog, fill-rate chart; validation and history
docks; menus, toolbar, status bar; files (open, save, save as, revert, recent, drag and drop)."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator, Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot, qVersion
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QIcon,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QStyle,
    QTabWidget,
    QToolBar,
    QUndoView,
    QWidget,
)

from fsiii_mapper import __version__
from fsiii_mapper.texts import nt, t
from fsiii_mapper.texts.labels import TABLE_LABELS, TABLE_STATUS_LABELS, label
from ui import settings as S
from ui.i18n import LANGUAGES

# The core (pydantic, ruamel.yaml, the YAML files) and the heavier views are imported when the
# window is built, so that the window can be shown first and filled right after (start-up time).
if TYPE_CHECKING:  # (events only in annotations: their large enum is made when one arrives)
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent

    from fsiii_mapper.workspace import Workspace
    from ui.catalog_browser import CatalogBrowser
    from ui.diff_view import DiffView
    from ui.fill_chart import FillChart
    from ui.preview import PreviewWidget
    from ui.table_editor import TableEditor

SLOTS: tuple[str, ...] = ("original", "simplified")


class MainWindow(QMainWindow):
    """With ``defer=True`` the window starts empty ("loading") and is built by ``load()`` — the
    application shows it first and loads the workspace right after; otherwise it is built now."""

    loaded = Signal()

    def __init__(
        self,
        ws: Workspace | None = None,
        settings: S.Settings | None = None,
        lang: str = "da",
        defer: bool = False,
    ) -> None:
        super().__init__()
        self.settings = settings or S.Settings()
        self.lang = lang
        self.ready = False
        self.setObjectName("MainWindow")
        self.setAcceptDrops(True)
        self.resize(1400, 900)
        geometry = self.settings.get(S.GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        if defer:
            self.setWindowTitle("fsiii-mapper")
            self.statusBar().showMessage(t("Loading tables and citizens …"))
        else:
            self._build(ws)

    def load(self) -> None:
        """Build a deferred window: load the shipped workspace and create every view."""
        if not self.ready:
            self._build(None)
            self.statusBar().clearMessage()  # "Loading …" is over

    def _build(self, ws: Workspace | None) -> None:
        from fsiii_mapper.workspace import Workspace
        from ui.session import Session
        from ui.table_editor import TableEditor
        from ui.table_files import FileWatcher
        from ui.validation_panel import ValidationPanel

        unusable: list[str] = []
        if ws is None:
            ws = Workspace.load()
            unusable = self._use_own_tables(ws)
        self.session = Session(ws, self.lang, self.settings.author, self)
        self._opened_version = {s: self.session.doc(s).table.table.version for s in SLOTS}
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        # Pages the first screen (the first table) does not show are built when first opened
        # or asked for: the other table's editor, the preview with its citizens, differences,
        # catalogs, fill rates.
        self._placeholders: dict[str, QWidget] = {}
        self._pages: dict[str, QWidget] = {}
        first = TableEditor(self.session.models[SLOTS[0]], self)
        self._pages[f"editor:{SLOTS[0]}"] = first
        self.tabs.addTab(first, label(TABLE_LABELS, SLOTS[0]))
        self.editors = _Editors(self)
        for name, title in (
            *((f"editor:{slot}", label(TABLE_LABELS, slot)) for slot in SLOTS[1:]),
            ("preview", t("Preview")),
            ("diff", t("Differences")),
            ("catalog", t("Catalogs")),
            ("chart", t("Fill rates")),
        ):
            self._placeholders[name] = QWidget(self)
            self.tabs.addTab(self._placeholders[name], title)
        self._add_vendor_tab()
        self.setCentralWidget(self.tabs)
        self.current_slot = SLOTS[0]

        self.validation = ValidationPanel(self.session, self)
        self.validation_dock = QDockWidget(t("Validation"), self)
        self.validation_dock.setObjectName("ValidationDock")
        self.validation_dock.setWidget(self.validation)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.validation_dock)
        self.history = QUndoView(self.session.group, self)
        self.history.setEmptyLabel(t("<opened>"))
        self.history_dock = QDockWidget(t("History"), self)
        self.history_dock.setObjectName("HistoryDock")
        self.history_dock.setWidget(self.history)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history_dock)

        self.docks = {"validation": self.validation_dock, "history": self.history_dock}
        self._docks_wanted = _names(self.settings.get(S.DOCKS_SHOWN))
        self._make_actions()
        self._make_menus()
        self._make_toolbar()
        # The tables' summary stays in the status bar; hover texts use its left part.
        self.status_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.status_label)

        self.tabs.currentChanged.connect(self._tab_changed)
        self.validation.rowRequested.connect(self.select_table_row)
        for stack in self.session.stacks.values():
            stack.cleanChanged.connect(self._update_title)
            stack.indexChanged.connect(self._update_title)
        self.session.findingsChanged.connect(self._update_status)
        self.watcher = FileWatcher(self)
        self.watcher.changed.connect(self._file_changed)
        self._asking_reload = False
        self._watch()
        self._default_layout()
        # The saved layout is applied once the new docks, menus and toolbar are laid out: applied
        # earlier, Qt distributes it over a smaller window and the docks grow at every start.
        QTimer.singleShot(0, self._restore_layout)
        self._update_title()
        self._update_status()
        self._update_actions()
        self.ready = True
        self.loaded.emit()
        if unusable:
            QTimer.singleShot(0, lambda: self._tell_unusable(unusable))

    def _tell_unusable(self, problems: list[str]) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(
            self,
            t("Your tables"),
            t(
                "These tables of yours could not be opened; the shipped tables are used "
                "instead:\n\n{problems}",
                problems="\n\n".join(problems),
            ),
        )

    def _use_own_tables(self, ws: Workspace) -> list[str]:
        """Put the tables you last worked on (your copies, see ``OPEN_TABLES``) in place of the
        shipped ones; returns the problems of those that could not be opened."""
        from fsiii_mapper.errors import InputError
        from fsiii_mapper.io.documents import load_table
        from ui.table_files import read_or_input_error

        problems = []
        for entry in self.settings.get(S.OPEN_TABLES):
            slot, _, name = str(entry).partition("=")
            if slot not in SLOTS or not name:
                continue
            path = Path(name)
            try:
                doc = read_or_input_error(partial(load_table, path), path)
                ws.use_table(doc, slot)
            except InputError as exc:
                problems.append(str(exc))
        return problems

    def _keep_own_tables(self) -> None:
        """Remember your tables (not the package's) for the next start."""
        from ui.table_files import is_shipped

        entries = []
        for slot in SLOTS:
            path = self.session.doc(slot).path
            if path is not None and not is_shipped(path):
                entries.append(f"{slot}={path.resolve()}")
        self.settings.set(S.OPEN_TABLES, entries)

    def _watch(self) -> None:
        self.watcher.watch([p for s in SLOTS if (p := self.session.doc(s).path) is not None])

    def _add_vendor_tab(self) -> None:
        """The vendors' check (``ui.vendor_tab``), imported and built when first opened."""
        if importlib.util.find_spec("ui.vendor_tab") is None:
            return
        self._vendor_placeholder: QWidget | None = QWidget(self)
        self.vendor_tab: QWidget | None = None
        self.tabs.addTab(self._vendor_placeholder, t("Vendor check"))

    @property
    def preview(self) -> PreviewWidget:
        return cast("PreviewWidget", self._page("preview"))

    def _presenting(self) -> bool:
        """Presentation mode is on (never while the preview has not been built)."""
        return "preview" in self._pages and self.preview.presenting

    @property
    def diff(self) -> DiffView:
        return cast("DiffView", self._page("diff"))

    @property
    def catalog(self) -> CatalogBrowser:
        return cast("CatalogBrowser", self._page("catalog"))

    @property
    def chart(self) -> FillChart:
        return cast("FillChart", self._page("chart"))

    def _page(self, name: str) -> QWidget:
        """The page ``name``, built now if it has not been: its module is imported and its
        placeholder tab replaced, keeping the tab's place, title and selection."""
        if name in self._pages:
            return self._pages[name]
        tab: QWidget
        page: QWidget
        if name.startswith("editor:"):
            from ui.table_editor import TableEditor

            page = tab = TableEditor(self.session.models[name.partition(":")[2]], self)
        elif name == "preview":
            from ui.preview import PreviewWidget

            vendor = str(self.settings.get(S.VENDOR_RULE))
            page = tab = PreviewWidget(self.session, self, vendor=vendor)
        elif name == "diff":
            from ui.diff_view import DiffView

            page = tab = DiffView(self.session, self)
        elif name == "catalog":
            from ui.catalog_browser import CatalogBrowser

            page = tab = CatalogBrowser(self.session.ws, self)
        else:
            from PySide6.QtWidgets import QScrollArea

            from ui.fill_chart import FillChart

            page = FillChart(self.session, [c for _, c in self.preview.citizens], self)
            area = QScrollArea(self)
            area.setWidget(page)
            area.setWidgetResizable(True)
            tab = area
        self._pages[name] = page
        placeholder = self._placeholders.pop(name)
        index = self.tabs.indexOf(placeholder)
        current = self.tabs.currentIndex()
        text = self.tabs.tabText(index)
        self._take_place_in_focus_chain(placeholder, tab)
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, tab, text)
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        placeholder.deleteLater()
        return page

    def _take_place_in_focus_chain(self, placeholder: QWidget, page: QWidget) -> None:
        """Put ``page``'s widgets where ``placeholder`` is in the window's focus chain (the Tab
        key's order, and where the focus goes when a page hides), as if the page had been built
        with the window: built later, Qt appends them after the docks, and a clicked tab would
        hand the keyboard focus to the page instead of keeping it on the tab bar. (Only the
        page's widgets are visited.)"""
        placeholder.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # (Qt orders focusable widgets)
        after = placeholder  # about to go: the page's widgets stay where it was
        moving = []
        widget = page.nextInFocusChain()
        while widget is not None and page.isAncestorOf(widget):
            if _takes_focus(widget) and widget.window() is self:
                moving.append(widget)
            widget = widget.nextInFocusChain()
        for widget in moving:
            QWidget.setTabOrder(after, widget)
            after = widget

    def _built_editors(self) -> dict[str, TableEditor]:
        """The table editors built so far, by slot."""
        return {
            slot: cast("TableEditor", self._pages[f"editor:{slot}"])
            for slot in SLOTS
            if f"editor:{slot}" in self._pages
        }

    def _ensure_page(self, index: int) -> None:
        widget = self.tabs.widget(index)
        for name, placeholder in list(self._placeholders.items()):
            if widget is placeholder:
                self._page(name)

    def _ensure_vendor_tab(self, index: int) -> None:
        placeholder = getattr(self, "_vendor_placeholder", None)
        if placeholder is None or self.tabs.widget(index) is not placeholder:
            return
        from ui.vendor_tab import VendorTab

        tab = VendorTab(self.session.ws, self.lang, self, modified=self.session.modified_slots)
        self.session.tablesChanged.connect(lambda _slot: tab.refresh_tables())
        for stack in self.session.stacks.values():
            stack.cleanChanged.connect(lambda _clean: tab.refresh_tables())
        text = self.tabs.tabText(index)
        if placeholder is not None:
            self._take_place_in_focus_chain(placeholder, tab)
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, tab, text)
        self.tabs.setCurrentIndex(index)
        self.tabs.blockSignals(False)
        if placeholder is not None:
            placeholder.deleteLater()
        self._vendor_placeholder = None
        self.vendor_tab = tab

    def export_tables(self) -> None:
        """The export dialog (``ui.export_dialog``) over the open tables."""
        try:
            from ui.export_dialog import ExportDialog
        except ImportError:
            return
        docs = [self.session.doc(s) for s in SLOTS]
        dialog = ExportDialog(
            docs,
            self.session.ws,
            current=SLOTS.index(self.current_slot),
            lang=self.lang,
            parent=self,
        )
        dialog.exec()

    # --- actions --------------------------------------------------------------------------------

    def _act(
        self,
        text: str,
        slot: Any,
        shortcut: Any = None,
        icon: QStyle.StandardPixmap | None = None,
        tip: str = "",
    ) -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, list):
                a.setShortcuts(shortcut)
            else:
                a.setShortcut(shortcut)
        if icon is not None:
            style = self.style()
            a.setIcon(style.standardIcon(icon))
        if tip:
            a.setStatusTip(tip)
        a.triggered.connect(lambda _checked=False: slot())
        self.addAction(a)
        return a

    def _make_actions(self) -> None:
        P = QStyle.StandardPixmap
        K = QKeySequence.StandardKey
        self.open_action = self._act(
            t("&Open …"),
            self.open_dialog,
            K.Open,
            P.SP_DialogOpenButton,
            t("Open a mapping table or a citizen file"),
        )
        self.save_action = self._act(
            t("&Save"),
            self.save,
            K.Save,
            P.SP_DialogSaveButton,
            t("Save the current table (keeps comments)"),
        )
        self.save_as_action = self._act(t("Save &as …"), self.save_as, K.SaveAs)
        self.revert_action = self._act(
            t("&Revert"),
            self.revert,
            None,
            P.SP_BrowserReload,
            t("Discard the edits of the current table"),
        )
        self.pdf_action = self._act(
            t("Export preview as &PDF …"), self.export_pdf, QKeySequence("Ctrl+Shift+E")
        )
        self.print_action = self._act(t("&Print preview …"), self.print_preview, K.Print)
        self.export_tables_action = self._act(
            t("&Export tables …"), self.export_tables, QKeySequence("Ctrl+E")
        )
        self.copy_image_action = self._act(
            t("Copy preview as &image"), self.copy_image, QKeySequence("Ctrl+Shift+C")
        )
        self.quit_action = self._act(t("&Quit"), self.close, K.Quit)
        self.undo_action = self.session.group.createUndoAction(self, t("&Undo"))
        self.undo_action.setShortcut(K.Undo)
        self.undo_action.setIcon(self.style().standardIcon(P.SP_ArrowBack))
        self.redo_action = self.session.group.createRedoAction(self, t("&Redo"))
        self.redo_action.setShortcut(K.Redo)
        self.redo_action.setIcon(self.style().standardIcon(P.SP_ArrowForward))
        self.add_action = self._act(
            t("&Add row"),
            lambda: self.editor().add_row(),
            QKeySequence("Ctrl+Shift+N"),
            P.SP_FileIcon,
        )
        self.duplicate_action = self._act(
            t("&Duplicate rows (1→N)"),
            lambda: self.editor().duplicate_selected(),
            QKeySequence("Ctrl+D"),
            P.SP_FileDialogNewFolder,
        )
        self.delete_action = self._act(
            t("De&lete rows"),
            lambda: self.editor().delete_selected(),
            K.Delete,
            P.SP_TrashIcon,
        )
        self.approve_action = self._act(
            t("A&pprove selected"),
            lambda: self.editor().approve_selected(),
            QKeySequence("Ctrl+Shift+A"),
            P.SP_DialogApplyButton,
        )
        self.unapprove_action = self._act(
            t("U&n-approve selected"),
            lambda: self.editor().unapprove_selected(),
            QKeySequence("Ctrl+Shift+U"),
        )
        self.find_action = self._act(t("&Find"), self.focus_search, K.Find)
        self.author_action = self._act(t("Author &name …"), self.choose_author)
        self.present_action = self._act(
            t("&Presentation mode"),
            self.toggle_presentation,
            [QKeySequence(K.FullScreen), QKeySequence("F5")],
            P.SP_DesktopIcon,
        )
        self.present_action.setCheckable(True)
        self.next_citizen_action = self._act(
            t("&Next citizen"),
            lambda: self.preview.step_citizen(1),
            QKeySequence("Ctrl+PgDown"),
            P.SP_MediaSkipForward,
        )
        self.prev_citizen_action = self._act(
            t("P&revious citizen"),
            lambda: self.preview.step_citizen(-1),
            QKeySequence("Ctrl+PgUp"),
            P.SP_MediaSkipBackward,
        )
        self.reset_layout_action = self._act(t("&Reset layout"), self.reset_layout)
        self.guide_action = self._act(t("&User guide"), self.show_guide, K.HelpContents)
        self.shortcuts_action = self._act(t("&Keyboard shortcuts"), self.show_shortcuts)
        self.about_action = self._act(t("&About fsiii-mapper"), self.about)
        self.about_qt_action = self._act(t("About &Qt"), QApplication.aboutQt)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        m = bar.addMenu(t("&File"))
        m.addAction(self.open_action)
        self.recent_menu = m.addMenu(t("Open &recent"))
        self._fill_recent()
        m.addSeparator()
        for a in (self.save_action, self.save_as_action, self.revert_action):
            m.addAction(a)
        m.addSeparator()
        for a in (
            self.export_tables_action,
            self.pdf_action,
            self.print_action,
            self.copy_image_action,
        ):
            m.addAction(a)
        m.addSeparator()
        m.addAction(self.quit_action)
        m = bar.addMenu(t("&Edit"))
        for a in (self.undo_action, self.redo_action):
            m.addAction(a)
        m.addSeparator()
        for a in (self.add_action, self.duplicate_action, self.delete_action):
            m.addAction(a)
        m.addSeparator()
        m.addAction(self.approve_action)
        m.addAction(self.unapprove_action)
        m.addSeparator()
        m.addAction(self.find_action)
        m.addAction(self.author_action)
        m = bar.addMenu(t("&View"))
        m.addAction(self.present_action)
        m.addAction(self.next_citizen_action)
        m.addAction(self.prev_citizen_action)
        m.addSeparator()
        for name, dock in self.docks.items():
            toggle = dock.toggleViewAction()
            toggle.triggered.connect(lambda on, name=name: self._dock_chosen(name, on))
            m.addAction(toggle)
        m.addAction(self.reset_layout_action)
        lang_menu = m.addMenu(t("&Language"))
        group = QActionGroup(self)
        for code, name in LANGUAGES:
            a = lang_menu.addAction(name)
            a.setCheckable(True)
            a.setChecked(code == self.lang)
            a.triggered.connect(lambda _c=False, code=code: self.choose_language(code))
            group.addAction(a)
        m = bar.addMenu(t("&Help"))
        m.addAction(self.guide_action)
        m.addAction(self.shortcuts_action)
        m.addSeparator()
        m.addAction(self.about_action)
        m.addAction(self.about_qt_action)

    def _make_toolbar(self) -> None:
        tb = QToolBar(t("Main toolbar"), self)
        tb.setObjectName("MainToolbar")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for a in (
            self.open_action,
            self.save_action,
            None,
            self.undo_action,
            self.redo_action,
            None,
            self.add_action,
            self.duplicate_action,
            self.delete_action,
            self.approve_action,
            None,
            self.prev_citizen_action,
            self.next_citizen_action,
            self.present_action,
        ):
            if a is None:
                tb.addSeparator()
            else:
                tb.addAction(a)
        self.addToolBar(tb)
        self.toolbar = tb

    # --- state ----------------------------------------------------------------------------------

    def editor(self) -> TableEditor:
        return self.editors[self.current_slot]

    def _tab_changed(self, index: int) -> None:
        self._ensure_page(index)
        self._ensure_vendor_tab(index)
        widget = self.tabs.widget(index)
        for slot, editor in self._built_editors().items():
            if widget is editor:
                self.current_slot = slot
                self.session.group.setActiveStack(self.session.stacks[slot])
        self._update_title()
        self._update_actions()
        self._apply_docks()

    def _on_table(self) -> bool:
        return self.tabs.currentWidget() in self._built_editors().values()

    def _update_actions(self) -> None:
        on_table = self._on_table()
        for a in (
            self.add_action,
            self.duplicate_action,
            self.delete_action,
            self.approve_action,
            self.unapprove_action,
        ):
            a.setEnabled(on_table)

    @Slot()
    @Slot(bool)
    @Slot(int)
    def _update_title(self, *_: Any) -> None:
        from ui.table_files import is_shipped

        doc = self.session.doc(self.current_slot)
        name = doc.path.name if doc.path else t("untitled")
        if is_shipped(doc.path):
            name = t("{file}, shipped: saved as your copy", file=name)
        title = f"fsiii-mapper – {label(TABLE_LABELS, self.current_slot)} ({name})[*]"
        if self.windowTitle() != title:
            self.setWindowTitle(title)
        self.setWindowModified(self.session.is_modified())
        for slot in SLOTS:
            name = f"editor:{slot}"
            tab = self._pages.get(name) or self._placeholders[name]
            mark = " *" if not self.session.stacks[slot].isClean() else ""
            i, text = self.tabs.indexOf(tab), label(TABLE_LABELS, slot) + mark
            if self.tabs.tabText(i) != text:
                self._set_tab_text(i, text)
        self.revert_action.setEnabled(not self.session.stacks[self.current_slot].isClean())

    def _set_tab_text(self, i: int, text: str) -> None:
        """A tab's title (the table's modified mark) without repainting every page when the tab
        bar still fits: ``QTabWidget.setTabText`` lays the tab widget out again and repaints all
        of it, the open page and its scroll bars included (Fusion paints a long scroll bar in
        ≈ 3 ms), although the bar, as wide as the window, keeps its place."""
        from PySide6.QtCore import (
            QCoreApplication,
            QEvent,
        )  # (not at start: QEvent's enum is large)

        bar = self.tabs.tabBar()
        bar.setTabText(i, text)  # the bar lays out its tabs and repaints itself
        hint = bar.sizeHint()
        if hint.height() == bar.height() and hint.width() <= bar.width():
            # What the tab widget would do with the bar's layout request: put it where it is.
            QCoreApplication.removePostedEvents(self.tabs, QEvent.Type.LayoutRequest)
        else:
            self.tabs.setTabText(i, text)  # the bar must grow: the tab widget's own layout

    def _update_status(self) -> None:
        parts = []
        for slot in SLOTS:
            doc = self.session.doc(slot)
            errors = sum(1 for f in self.session.findings[slot] if f.severity == "error")
            warnings = len(self.session.findings[slot]) - errors
            parts.append(
                t(
                    "{table}: {rows}, {errors}, {warnings}",
                    table=label(TABLE_LABELS, slot),
                    rows=nt("{n} row", "{n} rows", len(doc.table.rows)),
                    errors=nt("{n} error", "{n} errors", errors),
                    warnings=nt("{n} warning", "{n} warnings", warnings),
                )
            )
        self.status_label.setText("   ·   ".join(parts))

    def select_table_row(self, slot: str, row: int) -> None:
        editor = self.editors[slot]
        self.tabs.setCurrentWidget(editor)
        editor.select_row(row)

    def focus_search(self) -> None:
        w = self.tabs.currentWidget()
        # (not isinstance(w, TableEditor): the class is imported only when the window is built)
        editor = next((e for e in self._built_editors().values() if e is w), None)
        if editor is not None:
            editor.search.setFocus()
            editor.search.selectAll()
        elif "catalog" in self._pages and w is self._pages["catalog"]:
            self.catalog.search.setFocus()

    # --- files ----------------------------------------------------------------------------------

    def open_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        paths, _ = QFileDialog.getOpenFileNames(
            self,
            t("Open table or citizen"),
            "",
            t("YAML files (*.yaml *.yml);;All files (*)"),
        )
        for p in paths:
            self.open_path(p)

    def open_path(self, path: str) -> bool:
        """Open a mapping table (into its slot) or a citizen (into the preview), told apart by
        content; a broken file shows the error of what it is meant to be."""
        from PySide6.QtWidgets import QMessageBox

        from fsiii_mapper.errors import InputError
        from fsiii_mapper.io.documents import load_catalog, load_citizen, load_table
        from fsiii_mapper.io.file_kind import CATALOG, CITIZEN, file_kind
        from ui.table_files import read_or_input_error

        if not self.ready:
            return False
        kind = file_kind(path)
        try:
            if kind == CITIZEN:
                citizen = read_or_input_error(lambda: load_citizen(path), path)
                self.preview.add_citizen(citizen, str(Path(path).resolve()))
                self.tabs.setCurrentWidget(self.preview)
                self._remember(path)
                return True
            if kind == CATALOG:
                read_or_input_error(lambda: load_catalog(path), path)
                QMessageBox.information(
                    self,
                    t("Catalog"),
                    t(
                        "{path} is a valid FSIII catalog. Catalogs belong to the workspace "
                        "folder; the tab »Catalogs« shows the workspace's catalogs.",
                        path=path,
                    ),
                )
                self.tabs.setCurrentWidget(self.catalog)
                return True
            doc = read_or_input_error(lambda: load_table(path), path)
            slot = doc.table.table.catalog
            if slot not in SLOTS:
                raise InputError(t("the table names an unknown catalog"), path)
            if not self.session.stacks[slot].isClean() and not self._ask_save([slot]):
                return False
            self._replace(slot, doc)
            self.tabs.setCurrentWidget(self.editors[slot])
            self._remember(path)
            return True
        except InputError as exc:
            self._error(t("Could not open the file"), exc)
            return False

    def _error(self, title: str, exc: Exception) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, title, str(exc))

    def _remember(self, path: str) -> None:
        self.settings.add_recent(str(Path(path).resolve()))
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.get(S.RECENT_FILES)
        for i, p in enumerate(recent):
            a = self.recent_menu.addAction(f"&{i + 1} {Path(p).name}")
            a.setToolTip(p)
            a.triggered.connect(lambda _c=False, p=p: self.open_path(p))
        self.recent_menu.setEnabled(bool(recent))

    def save(self, slot: str | None = None) -> bool:
        """Save the table to its file. A shipped table is saved as your copy (``save_copy``);
        a file someone else changed since it was read asks first (reload, overwrite, save as)."""
        from ui.table_files import OnDisk, ask_changed_on_disk, is_shipped

        slot = slot or self.current_slot
        doc = self.session.doc(slot)
        if doc.path is None:
            return self.save_as(slot)
        if is_shipped(doc.path):
            return self.save_copy(slot)
        if doc.changed_on_disk():
            choice = ask_changed_on_disk(self, doc.path)
            if choice is OnDisk.RELOAD:
                self.reload(slot)
                return False
            if choice is OnDisk.SAVE_AS:
                return self.save_as(slot)
            if choice is OnDisk.CANCEL:
                return False
        self._offer_version(slot)
        return self._write(slot, None)

    def save_copy(self, slot: str | None = None) -> bool:
        """A shipped table stays as the package has it: your edits go to a copy in your own
        workspace folder (asked for, remembered), which is the table used from then on."""
        from ui.table_files import default_workspace_dir

        slot = slot or self.current_slot
        doc = self.session.doc(slot)
        folder = Path(str(self.settings.get(S.WORKSPACE_DIR)) or default_workspace_dir())
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            folder = Path.home()
        name = doc.path.name if doc.path is not None else f"table_{slot}.yaml"
        path = self._ask_table_path(
            t("Save your copy of the table (the shipped tables are read-only)"), folder / name
        )
        if path is None:
            return False
        self._offer_version(slot)
        if not self._write(slot, path):
            return False
        self.settings.set(S.WORKSPACE_DIR, str(path.parent))
        return True

    def save_as(self, slot: str | None = None) -> bool:
        slot = slot or self.current_slot
        doc = self.session.doc(slot)
        start = doc.path if doc.path else Path(f"table_{slot}.yaml")
        path = self._ask_table_path(t("Save table as"), start)
        if path is None:
            return False
        self._offer_version(slot)
        return self._write(slot, path)

    def _ask_table_path(self, title: str, start: Path) -> Path | None:
        """A file name to save a table under; never one of the package's own files."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from ui.table_files import is_shipped

        while True:
            chosen, _ = QFileDialog.getSaveFileName(
                self, title, str(start), t("Mapping tables (*.yaml *.yml)")
            )
            if not chosen:
                return None
            path = Path(chosen)
            if not is_shipped(path):
                return path
            QMessageBox.warning(
                self,
                title,
                t(
                    "The shipped tables are read-only. Choose a folder of your own, e.g. {folder}.",
                    folder=str(self._workspace_dir()),
                ),
            )
            start = self._workspace_dir() / path.name

    def _workspace_dir(self) -> Path:
        from ui.table_files import default_workspace_dir

        return Path(str(self.settings.get(S.WORKSPACE_DIR)) or default_workspace_dir())

    def _offer_version(self, slot: str) -> None:
        """An edited table whose version is still the one it was opened with: offer the next."""
        from PySide6.QtWidgets import QMessageBox

        from fsiii_mapper.editing.implied import next_version

        meta = self.session.doc(slot).table.table
        if self.session.stacks[slot].isClean() or meta.version != self._opened_version[slot]:
            return
        new = next_version(meta.version)
        answer = QMessageBox.question(
            self,
            t("Version"),
            t(
                "{table} has been edited. Raise its version from {old} to {new}?",
                table=label(TABLE_LABELS, slot),
                old=meta.version,
                new=new,
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.session.models[slot].set_meta({"version": new}, t("Version {v}", v=new))

    def _write(self, slot: str, path: Path | None) -> bool:
        from fsiii_mapper.errors import InputError

        try:
            self.session.save(slot, str(path) if path is not None else None)
        except (InputError, OSError) as exc:
            self._error(t("Could not save"), exc)
            return False
        saved = self.session.doc(slot).path
        self.statusBar().showMessage(t("Saved {path}", path=str(saved)), 5000)
        if path is not None:
            self._remember(str(path))
        self._watch()
        self._keep_own_tables()
        self._update_title()
        return True

    def revert(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        slot = self.current_slot
        doc = self.session.doc(slot)
        if doc.path is None or self.session.stacks[slot].isClean():
            return
        answer = QMessageBox.question(
            self,
            t("Revert"),
            t(
                "Discard all edits of {table} since it was last saved?",
                table=label(TABLE_LABELS, slot),
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.reload(slot, t("Could not revert"))

    def reload(self, slot: str, title: str = "") -> bool:
        """The table's file as it is on disk now, in place of what is open (edits dropped)."""
        from fsiii_mapper.errors import InputError
        from fsiii_mapper.io.documents import load_table
        from ui.table_files import read_or_input_error

        path = self.session.doc(slot).path
        if path is None:
            return False
        try:
            doc = read_or_input_error(lambda: load_table(path), path)
        except InputError as exc:
            self._error(title or t("Could not reload"), exc)
            return False
        self._replace(slot, doc)
        return True

    def _replace(self, slot: str, doc: Any) -> None:
        self.session.replace(slot, doc)
        self._opened_version[slot] = doc.table.table.version
        self._watch()
        self._update_title()
        self._update_status()

    def _file_changed(self, path: str) -> None:
        """A watched table file changed: offer to reload it if nothing is unsaved (with unsaved
        edits, saving asks what to do)."""
        from PySide6.QtWidgets import QMessageBox

        if self._asking_reload:
            return
        for slot in SLOTS:
            doc = self.session.doc(slot)
            if doc.path is None or str(doc.path) != path or not doc.changed_on_disk():
                continue
            if not self.session.stacks[slot].isClean():
                self.statusBar().showMessage(
                    t("{file} was changed on disk; saving will ask what to do", file=doc.path.name),
                    10000,
                )
                continue
            self._asking_reload = True
            try:
                answer = QMessageBox.question(
                    self,
                    t("File changed on disk"),
                    t(
                        "{table}: the file {file} was changed by someone else. Reload it?",
                        table=label(TABLE_LABELS, slot),
                        file=doc.path.name,
                    ),
                )
            finally:
                self._asking_reload = False
            if answer == QMessageBox.StandardButton.Yes:
                self.reload(slot)

    def _ask_save(self, slots: list[str]) -> bool:
        """Save / discard / cancel for unsaved tables; False means cancel."""
        from PySide6.QtWidgets import QMessageBox

        names = ", ".join(label(TABLE_LABELS, s) for s in slots)
        B = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self,
            t("Unsaved changes"),
            t("{tables}: unsaved changes. Save them?", tables=names),
            B.Save | B.Discard | B.Cancel,
            B.Save,
        )
        if answer == B.Cancel:
            return False
        if answer == B.Save:
            return all(self.save(s) for s in slots)
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.ready:
            event.accept()
            return
        modified = self.session.modified_slots()
        if modified and not QApplication.closingDown() and not self._ask_save(modified):
            event.ignore()
            return
        if self._presenting():
            self.toggle_presentation()
        self.settings.set(S.GEOMETRY, self.saveGeometry())
        self.settings.set(S.WINDOW_STATE, self.saveState(S.SCHEMA_VERSION))
        self.settings.set(S.DOCKS_SHOWN, ",".join(sorted(self._docks_wanted)))
        if "preview" in self._pages:  # never opened: the vendor rule stays as it was
            self.settings.set(S.VENDOR_RULE, self.preview.vendor())
        self._keep_own_tables()
        event.accept()

    # --- layout ---------------------------------------------------------------------------------

    def _default_layout(self) -> None:
        """Docks and toolbar where a new user finds them; sizes that leave the editor room."""
        for dock in self.docks.values():
            dock.setFloating(False)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.validation_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history_dock)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self.toolbar.show()
        self._apply_docks()
        self.resizeDocks([self.validation_dock], [170], Qt.Orientation.Vertical)
        self.resizeDocks([self.history_dock], [230], Qt.Orientation.Horizontal)

    def _restore_layout(self) -> None:
        state = self.settings.get(S.WINDOW_STATE)
        if not state.isEmpty() and not self._presenting():
            self.restoreState(state, S.SCHEMA_VERSION)
        self._apply_docks()

    def reset_layout(self) -> None:
        """View → Reset layout: the first-start window size, docks, toolbar and splitters."""
        if self._presenting():
            self.toggle_presentation()
        self.showNormal()
        self.resize(1400, 900)
        self._docks_wanted = _names(S.DOCKS_SHOWN.default)
        self._default_layout()
        if "preview" in self._pages:  # built later, it starts with this layout anyway
            self.preview.reset_layout()
        self.settings.set(S.WINDOW_STATE, self.saveState(S.SCHEMA_VERSION))
        self.settings.set(S.DOCKS_SHOWN, ",".join(sorted(self._docks_wanted)))

    def _dock_chosen(self, name: str, shown: bool) -> None:
        """The user showed or hid a dock (View menu, or its close button)."""
        if shown:
            self._docks_wanted.add(name)
        else:
            self._docks_wanted.discard(name)

    def _apply_docks(self) -> None:
        """History and validation belong to the table editors: shown there as the user chose,
        hidden over the preview, the chart and the other tabs."""
        on_table = self._on_table() and not self._presenting()
        for name, dock in self.docks.items():
            dock.setVisible(on_table and name in self._docks_wanted)
            dock.toggleViewAction().setEnabled(on_table)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if self.ready and any(u.isLocalFile() for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.open_path(url.toLocalFile())
        event.acceptProposedAction()

    # --- preview output -------------------------------------------------------------------------

    def export_pdf(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from ui.sheet_output import write_pdf

        c = self.preview.current_citizen()
        start = f"indlaeggelsesrapport-{c.id if c else 'preview'}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self, t("Export preview as PDF"), start, t("PDF files (*.pdf)")
        )
        if not path:
            return
        try:
            write_pdf(self.preview.sheet_fragments(), path, t("Admission report: side by side"))
        except OSError as exc:
            self._error(t("Could not export"), exc)
            return
        self.statusBar().showMessage(t("Exported {path}", path=path), 5000)

    def print_preview(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from ui.sheet_output import print_pages

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            print_pages(self.preview.sheet_fragments(), printer)

    def copy_image(self) -> None:
        from ui.sheet_output import image

        clipboard = QApplication.clipboard()
        if clipboard is not None:
            clipboard.setImage(image(self.preview.sheet_fragments()))
        self.statusBar().showMessage(t("The preview is on the clipboard as an image"), 5000)

    # --- presentation ---------------------------------------------------------------------------

    def toggle_presentation(self) -> None:
        on = not self.preview.presenting
        self.present_action.setChecked(on)
        self.preview.set_presentation(on)
        if on:
            self._was_maximized = self.isMaximized()
            self.tabs.setCurrentWidget(self.preview)
            self.toolbar.hide()
            self.showFullScreen()
            self.preview.view.installEventFilter(self)
        else:
            self.preview.view.removeEventFilter(self)
            if getattr(self, "_was_maximized", False):
                self.showMaximized()
            else:
                self.showNormal()
            self.toolbar.show()
        self.tabs.tabBar().setVisible(not on)
        self.menuBar().setVisible(not on)
        self.statusBar().setVisible(not on)
        self._apply_docks()
        self.preview.view.setFocus()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        from PySide6.QtCore import QEvent  # (not at start: its enum is large, the filter rare)

        if self._presenting() and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            K = Qt.Key
            if key in (K.Key_Right, K.Key_PageDown, K.Key_Space, K.Key_Down, K.Key_N):
                self.preview.step_citizen(1)
                return True
            if key in (K.Key_Left, K.Key_PageUp, K.Key_Backspace, K.Key_Up, K.Key_P):
                self.preview.step_citizen(-1)
                return True
            if key == K.Key_Escape:
                self.toggle_presentation()
                return True
        return super().eventFilter(obj, event)

    # --- language, about ------------------------------------------------------------------------

    def choose_author(self) -> None:
        """The name written as author of every change (empty: the operating-system user)."""
        from PySide6.QtWidgets import QInputDialog

        current = str(self.settings.get(S.AUTHOR))
        text, ok = QInputDialog.getText(
            self,
            t("Author name"),
            t("Name written as author of your changes (empty: {user}):", user=S.default_author()),
            text=current,
        )
        if ok:
            self.settings.set(S.AUTHOR, text.strip())

    def choose_language(self, code: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.settings.set(S.LANGUAGE, code)
        if code != self.lang:
            QMessageBox.information(
                self,
                t("Language"),
                t("The language changes the next time fsiii-mapper starts."),
            )

    def show_guide(self) -> None:
        """The user guide in the UI's language in a window of its own (a reader, not modal:
        keep working beside it)."""
        from PySide6.QtWidgets import QMessageBox

        from ui.help_dialogs import GuideDialog, guide_path

        path = guide_path()
        if path is None:
            QMessageBox.information(
                self,
                t("User guide"),
                t("The user guide (docs/GUI.md) is not installed with this copy of fsiii-mapper."),
            )
            return
        self.guide = GuideDialog(path, self)
        self.guide.show()

    def show_shortcuts(self) -> None:
        from ui.help_dialogs import ShortcutsDialog

        self.shortcuts = ShortcutsDialog(self.findChildren(QAction), self)
        self.shortcuts.show()

    def about(self) -> None:
        import html
        import platform

        from PySide6.QtWidgets import QMessageBox

        ws = self.session.ws
        tables = "".join(
            "<li>"
            + html.escape(
                t(
                    "{table}: {file} (version {version}, {status})",
                    table=label(TABLE_LABELS, s),
                    file=d.path.name if d.path is not None else t("untitled"),
                    version=d.table.table.version,
                    status=label(TABLE_STATUS_LABELS, d.table.table.status),
                )
            )
            + "</li>"
            for s, d in ws.tables.items()
        )
        QMessageBox.about(
            self,
            t("About fsiii-mapper"),
            t(
                "<h3>fsiii-mapper {version}</h3><p>FSIII documentation → MedCom "
                "Indlæggelsesrapport (XDIS16): edit the mapping tables and see their effect."
                "</p>",
                version=__version__,
            )
            + f"<ul>{tables}<li>{ws.layout.title} ({ws.layout.id})</li></ul>"
            + f"<p>Python {platform.python_version()} · PySide6 {pyside_version} · "
            f"Qt {qVersion()} · {sys.platform}</p>",
        )

    def show_citizen(self, ident: str | None) -> None:
        """Show the preview tab with a citizen (by path, id or demo stem)."""
        from fsiii_mapper.errors import InputError

        self.tabs.setCurrentWidget(self.preview)
        if ident:
            p = Path(ident)
            if p.exists():
                self.preview.open_citizen_file(str(p))
            elif not self.preview.select_citizen_by_id(ident):
                raise InputError(t("no such citizen file or demo citizen"), ident)


class _Editors(Mapping[str, "TableEditor"]):
    """The window's table editors by slot; one not built yet (its tab never opened) is built
    when asked for."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def __getitem__(self, slot: str) -> TableEditor:
        if slot not in SLOTS:
            raise KeyError(slot)
        return cast("TableEditor", self._window._page(f"editor:{slot}"))

    def __iter__(self) -> Iterator[str]:
        return iter(SLOTS)

    def __len__(self) -> int:
        return len(SLOTS)


def _takes_focus(widget: QWidget) -> bool:
    return widget.focusPolicy() != Qt.FocusPolicy.NoFocus


def _names(text: str) -> set[str]:
    return {n for n in str(text).split(",") if n}


def app_icon() -> QIcon:
    path = Path(__file__).resolve().parent / "icons" / "fsiii-mapper.svg"
    return QIcon(str(path)) if path.exists() else QIcon()
