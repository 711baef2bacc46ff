"""The trainer's preview: a citizen's report under the old table, the simplified table and a vendor
rule, side by side. Empty fields show colour + icon + text with the reason on hover; a field filled
under the old table and empty under the simplified one is marked as lost."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QKeyEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fsiii_mapper.analysis.report_sheet import (
    Columns,
    LostState,
    SheetPage,
    column_ids,
    empty_lines,
    lost_states,
    unused_state_line,
    value_lines,
)
from fsiii_mapper.engine.lost import OLD_TABLE, lost_in_report
from fsiii_mapper.engine.populate import STRATEGIES
from fsiii_mapper.engine.report import AreaEntry, FieldResult, FunctionValue, Report, Unused
from fsiii_mapper.io.documents import load_citizen
from fsiii_mapper.model import Citizen
from fsiii_mapper.texts import reasons as words
from fsiii_mapper.texts import t
from fsiii_mapper.workspace import demo_citizen_paths
from ui.session import Session
from ui.table_model import role_data

Index = QModelIndex | QPersistentModelIndex

EMPTY_BRUSH = QBrush(QColor("#fff1c2"))  # amber: empty
LOST_BRUSH = QBrush(QColor("#f9d3d0"))  # red: lost after the simplification
FILLED_BRUSH = QBrush(QColor("#e6f4ea"))  # green: filled
HEAD_BRUSH = QBrush(QColor("#dde3ea"))
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 10  # HTML for the detail pane
STATE_ROLE = Qt.ItemDataRole.UserRole + 11  # 'filled' | 'empty' | 'lost' | 'head' | 'label'
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
# The roles the sheet answers; a view asks more per cell (alignment, check state, size hint …).
_ANSWERED = frozenset(
    (_DISPLAY, _DECORATION, _TOOLTIP, _FONT, _BACKGROUND, _FOREGROUND, STATE_ROLE, DETAIL_ROLE)
)


@dataclass
class _Line:
    kind: str  # 'head' or 'field'
    code: str  # 'function_item' / 'problem_area' for heads, field code for fields


_STATUS_PIXMAPS = {
    "lost": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "empty": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "flagged": QStyle.StandardPixmap.SP_MessageBoxInformation,
    "filled": QStyle.StandardPixmap.SP_DialogApplyButton,
}


class PreviewModel(QAbstractTableModel):
    """Rows: a heading, the seven function items, a heading, the twelve problem areas.
    Columns: field, then one column per strategy (old, simplified, vendor rule)."""

    refreshed = Signal()  # the reports changed (title, counts and detail pane follow)

    def __init__(self, session: Session, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = session.ws.layout
        self.lines = (
            [_Line("head", "function_item")]
            + [_Line("field", f.id) for f in layout.function_items]
            + [_Line("head", "problem_area")]
            + [_Line("field", a.id) for a in layout.problem_areas]
        )
        self.strategies: list[str] = [OLD_TABLE, "simplified", "cura"]
        self.reports: dict[str, Report] = {}
        self.lost: dict[str, frozenset[str]] = {}  # strategy → fields lost after the simplification
        self.lost_states: dict[str, tuple[LostState, ...]] = {}  # field → states that filled it
        self.columns = Columns(session.engine)  # a strategy, or any table of the workspace
        self.citizen: Citizen | None = None
        self._icons: dict[str, QIcon | None] = {}
        # What each cell answers per role, from the reports of the last recompute: a view asks
        # the same cells for many roles at every repaint and row-height pass.
        self._answers: dict[tuple[int, int, int], Any] = {}
        self._cells: dict[tuple[int, int], tuple[FieldResult | None, str]] = {}
        self._computed_for: tuple[Citizen | None, tuple[str, ...]] | None = None
        self._looks: list[tuple[tuple[str, Any], ...]] = []  # per line: state and text per cell
        self._inputs: list[tuple[Any, ...]] = []  # per line: what its answers are worked out from
        self.rows_changed: list[int] = []  # lines whose look the last recompute changed

    # --- content --------------------------------------------------------------------------------

    def set_vendor(self, vendor: str) -> None:
        self.strategies[2] = vendor
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 3, 3)
        self.recompute()

    def set_citizen(self, citizen: Citizen | None) -> None:
        self.citizen = citizen
        self.recompute()

    def recompute(self) -> None:
        """The reports again; ``dataChanged`` only if what the sheet shows changed (an edit that
        does not touch this citizen's report repaints nothing), with ``rows_changed`` the lines
        whose text or state changed (the view fits only their height)."""
        before = (self._computed_for, self.reports, self.lost, self.lost_states)
        self._computed_for = (self.citizen, tuple(self.strategies))
        if self.citizen is None:
            self.reports = {}
        else:
            of = self.columns
            self.reports = {s: of.populate(self.citizen, s) for s in self.strategies}
        old = self.reports.get(OLD_TABLE)
        self.lost = {
            s: lost_in_report(r, old) if old else frozenset() for s, r in self.reports.items()
        }
        codes = set().union(*self.lost.values()) if self.lost else set()
        self.lost_states = (
            {c: lost_states(self.session.ws, old, c) for c in codes} if old is not None else {}
        )
        same_page = (
            before[0] is not None
            and before[0][0] is self.citizen
            and before[0][1] == self._computed_for[1]
        )
        if same_page and before[1:] == (self.reports, self.lost, self.lost_states):
            return
        # A line's answers (every role) follow from its field's result per column, whether it is
        # lost there, the states that filled it and the column's strategy: lines where none of
        # these changed keep their answers, look and height (tests/test_ui_preview_refresh.py).
        inputs = [self._line_inputs(r) for r in range(len(self.lines))]
        kept = self._inputs if same_page and len(self._inputs) == len(inputs) else []
        redo = [r for r, line in enumerate(inputs) if not kept or kept[r] != line]
        self._inputs = inputs
        if kept:
            again = set(redo)
            self._answers = {k: v for k, v in self._answers.items() if k[0] not in again}
            self._cells = {k: v for k, v in self._cells.items() if k[0] not in again}
        else:
            self._answers.clear()
            self._cells.clear()
        display = int(Qt.ItemDataRole.DisplayRole)
        same_lines = len(self._looks) == len(self.lines)
        looks: list[tuple[tuple[str, Any], ...]] = (
            list(self._looks) if same_lines else [()] * len(self.lines)
        )
        self.rows_changed = []
        for r in redo:
            look = tuple((self.cell_state(r, c), self._cached(r, c, display)) for c in range(4))
            if look != looks[r]:
                self.rows_changed.append(r)
            looks[r] = look
        self._looks = looks
        if redo:  # one range over the lines worked out again: one repaint, one refit
            self.dataChanged.emit(self.index(redo[0], 0), self.index(redo[-1], 3))
        self.refreshed.emit()

    def _line_inputs(self, r: int) -> tuple[Any, ...]:
        """What line ``r``'s answers are worked out from (compared, never shown)."""
        line = self.lines[r]
        if line.kind == "head":
            return (line.kind, line.code)
        per_column = []
        for s in self.strategies:
            rep = self.reports.get(s)
            fr = rep.field(line.code) if rep is not None else None
            reason = rep.strategy_reason if rep is not None else None
            per_column.append((s, reason, fr, line.code in self.lost.get(s, ())))
        return (line.code, tuple(per_column), self.lost_states.get(line.code))

    def field(self, row: int, col: int) -> FieldResult | None:
        if col < 1 or not (0 <= row < len(self.lines)) or self.lines[row].kind != "field":
            return None
        rep = self.reports.get(self.strategies[col - 1])
        return rep.field(self.lines[row].code) if rep is not None else None

    def cell_state(self, row: int, col: int) -> str:
        if not (0 <= row < len(self.lines)):
            return ""
        if self.lines[row].kind == "head":
            return "head"
        if col == 0:
            return "label"
        fr = self.field(row, col)
        if fr is None:
            return ""
        if not fr.is_empty:
            return "filled"
        if fr.code in self.lost.get(self.strategies[col - 1], ()):
            return "lost"
        return "empty"

    # --- Qt model interface ---------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < 4):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return t("Report field", self.lang)
            return words.column_name(self.strategies[section - 1], self.lang)
        if role == Qt.ItemDataRole.ToolTipRole and section > 0:
            rep = self.reports.get(self.strategies[section - 1])
            return words.strategy_reason(rep.strategy_reason, self.lang) if rep else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.lines[index.row()].kind == "head":
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self._cached(index.row(), index.column(), int(role))

    def multiData(self, index: Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        """Every role a view asks of a cell in one call (a delegate asks seven per paint and per
        size hint); the same answers as ``data`` (tests/test_ui_multi_data.py)."""
        valid = index.isValid()
        r, c = index.row(), index.column()
        for asked in role_data(roleDataSpan):
            asked.setData(self._cached(r, c, asked.role()) if valid else None)

    def _cached(self, r: int, c: int, role: int) -> Any:
        key = (r, c, role)
        try:
            return self._answers[key]
        except KeyError:
            answer = self._answers[key] = self._answer(r, c, role)
            return answer

    def _answer(self, r: int, c: int, role: int) -> Any:
        """What cell (``r``, ``c``) shows for ``role``, worked out from the reports."""
        if role not in _ANSWERED or not (0 <= r < len(self.lines)):
            return None  # alignment, check state, size …: Qt's defaults
        line = self.lines[r]
        try:  # a cell is asked for several roles in a row: its result and state looked up once
            fr, state = self._cells[r, c]
        except KeyError:
            fr, state = self._cells[r, c] = (self.field(r, c), self.cell_state(r, c))
        if role == STATE_ROLE:
            return state
        if line.kind == "head":
            if role == _DISPLAY and c == 0:
                return words.heading(line.code, self.lang)
            if role == _BACKGROUND:
                return HEAD_BRUSH
            if role == _FONT:
                f = QFont()
                f.setBold(True)
                return f
            return None
        layout = self.session.ws.layout
        if c == 0:
            if role == _DISPLAY:
                return f"{line.code}  {layout.label_of(line.code)}"
            if role == _TOOLTIP:
                return self._field_note(line.code)
            return None
        if fr is None:
            return None
        if role == _DISPLAY:
            return self._text(fr, state)
        if role == _TOOLTIP:
            return self._tooltip(fr, state)
        if role == _BACKGROUND:
            return {"empty": EMPTY_BRUSH, "lost": LOST_BRUSH, "filled": FILLED_BRUSH}.get(state)
        if role == _FOREGROUND and state in ("empty", "lost"):
            return QBrush(QColor("#5c3b00" if state == "empty" else "#7a1010"))
        if role == _DECORATION:
            return self._icon("flagged" if state == "filled" and fr.flags else state)
        if role == DETAIL_ROLE:
            return self._detail(fr, state, c)
        return None

    def _icon(self, kind: str) -> QIcon | None:
        """The status icon beside a value (never colour alone); fetched once per kind."""
        if kind not in self._icons:
            style = QApplication.style()
            pixmap = _STATUS_PIXMAPS.get(kind)
            self._icons[kind] = style.standardIcon(pixmap) if style and pixmap else None
        return self._icons[kind]

    def _field_note(self, code: str) -> str:
        layout = self.session.ws.layout
        for f in layout.function_items:
            if f.id == code:
                return f"{f.id} {f.label} ({f.code_system})"
        return f"{code} {layout.label_of(code)}"

    def _text(self, fr: FieldResult, state: str) -> str:
        if state in ("empty", "lost"):
            return words.empty_mark(fr.empty_reason, state == "lost", self.lang)
        return "\n".join(value_lines(fr, self.lang))

    def sheet_page(self) -> SheetPage | None:
        """The citizen and columns on screen, for the report sheet (PDF, print, image)."""
        if self.citizen is None:
            return None
        return SheetPage(
            self.citizen,
            tuple(self.strategies),
            dict(self.reports),
            dict(self.lost),
            dict(self.lost_states),
        )

    def _origin(self, v: FunctionValue | AreaEntry) -> str:
        return t(
            "from {source} {display} · status {status} · {table}",
            self.lang,
            source=v.source,
            display=words.display(v, self.lang),
            status=v.status,
            table=words.strategy_name(v.table, self.lang),
        )

    def _tooltip(self, fr: FieldResult, state: str) -> str:
        if state in ("empty", "lost"):
            states = self.lost_states.get(fr.code, ())
            return empty_lines(fr, state == "lost", self.lang, states)[1]
        return "\n".join(self._origin(v) for v in fr.contributions)

    def caption(self, index: QModelIndex) -> str:
        """One line on the field at ``index`` for presentation mode: why it is empty, or where
        its value comes from."""
        fr = self.field(index.row(), index.column()) if index.isValid() else None
        if fr is None:
            return ""
        name = f"{fr.code} {self.session.ws.layout.label_of(fr.code)}"
        column = words.column_name(self.strategies[index.column() - 1], self.lang)
        text = self._tooltip(fr, self.cell_state(index.row(), index.column()))
        return f"{name} – {column}: {text.replace(chr(10), ' · ')}"

    def _detail(self, fr: FieldResult, state: str, col: int) -> str:
        rep = self.reports[self.strategies[col - 1]]
        lang = self.lang
        e = html.escape
        out = [
            f"<h3>{e(fr.code)} {e(fr.label)} — {e(words.strategy_name(rep.strategy, lang))}</h3>",
            f"<p><i>{e(words.strategy_reason(rep.strategy_reason, lang))}</i></p>",
        ]
        if fr.is_empty:
            mark = words.empty_mark(None, state == "lost", lang)
            out.append(f"<p><b>{e(mark)}</b>: {e(self._tooltip(fr, state))}</p>")
            if state == "lost" and fr.empty_reason is not None:
                out.append(f"<p>{e(words.empty_reason(fr.empty_reason, lang))}</p>")
        else:
            out.append("<ul>")
            w_uuid, w_status, w_table = t("UUID", lang), t("status", lang), t("table", lang)
            for v in fr.contributions:
                value = ""
                if isinstance(v, FunctionValue):
                    value = t(
                        "score {score}, level {level}",
                        lang,
                        score=v.score or "–",
                        level="–" if v.level is None else str(v.level),
                    )
                out.append(
                    f"<li><b>{e(v.source)}</b> {e(words.display(v, lang))}"
                    f"{' — ' + e(value) if value else ''}<br>"
                    f"{e(w_uuid)}: {e(v.uuid or '–')} · "
                    f"{e(w_status)}: {e(v.status)} · "
                    f"{e(w_table)}: {e(words.strategy_name(v.table, lang))}"
                    f"{'<br>' + e(v.note) if v.note else ''}</li>"
                )
            out.append("</ul>")
            for flag in fr.flags:
                out.append(f"<p>⚠ {e(words.flag_text(flag, lang))}</p>")
        return "".join(out)

    @property
    def lang(self) -> str:
        return self.session.lang


_SELECTED_OR_FOCUS = QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus


class KeepColourDelegate(QStyledItemDelegate):
    """A selected cell keeps its colour (green, amber, red) and gets a frame instead of the
    selection colour, so a trainer can point at a field without hiding what it says."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if not option.state & _SELECTED_OR_FOCUS:  # most cells: painted as they are
            super().paint(painter, option, index)
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        opt = QStyleOptionViewItem(option)
        opt.state &= ~QStyle.StateFlag.State_Selected
        opt.state &= ~QStyle.StateFlag.State_HasFocus
        super().paint(painter, opt, index)
        if selected:
            painter.save()
            pen = QPen(option.palette.color(QPalette.ColorRole.Highlight))
            pen.setWidth(3)
            painter.setPen(pen)
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
            painter.restore()


class PreviewWidget(QWidget):
    """Citizen chooser, vendor rule, the side-by-side table and a detail pane."""

    citizenChanged = Signal()

    def __init__(
        self, session: Session, parent: QWidget | None = None, vendor: str = "cura"
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.model = PreviewModel(session, self)
        self.citizens: list[tuple[str, Citizen]] = []
        self.presenting = False

        self.citizen_box = QComboBox(self)
        self.citizen_box.setMinimumContentsLength(30)
        lang = session.lang
        self.open_button = QPushButton(t("Citizen file …", lang), self)
        self.vendor_box = QComboBox(self)
        # The third column: a vendor rule, or any other table of the workspace (reading B …).
        for v in ("cura", "nexus"):
            self.vendor_box.addItem(words.strategy_name(v, lang), v)
        for tid in column_ids(session.ws):
            if tid not in STRATEGIES:
                self.vendor_box.addItem(words.column_name(tid, lang), tid)
        # Chosen before the first citizen, so its report is computed once; a rule or table that
        # is no longer there (a stale setting) gives the first rule.
        self.vendor_box.setCurrentIndex(max(0, self.vendor_box.findData(vendor)))
        self.model.strategies[2] = str(self.vendor_box.currentData())
        c_label = QLabel(t("&Citizen", lang), self)
        c_label.setBuddy(self.citizen_box)
        v_label = QLabel(t("&Vendor rule or table", lang), self)
        v_label.setBuddy(self.vendor_box)

        # The side-by-side view (what print / PDF / copy as image render).
        self.sheet = QWidget(self)
        self.title = QLabel(self.sheet)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.view = QTableView(self.sheet)
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        h = self.view.horizontalHeader()
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        for c in (1, 2, 3):
            h.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
        self.view.setColumnWidth(0, 260)
        for r, line in enumerate(self.model.lines):
            if line.kind == "head":
                self.view.setSpan(r, 0, 1, 4)
        self.legend = QLabel(self.sheet)
        self.legend.setWordWrap(True)
        self.legend.setText(
            t(
                "Green ✔ filled · amber ⚠ EMPTY (hover for the reason) · red ✖ EMPTY – lost after "
                "the simplification (filled under the old table)",
                lang,
            )
        )
        # Presentation mode: the selected or hovered field's reason, readable without hovering.
        self.caption = QLabel(self.sheet)
        self.caption.setObjectName("PreviewCaption")
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setStyleSheet("QLabel { background: #fffbe6; padding: 6px; }")
        self.caption.hide()
        sheet_lay = QVBoxLayout(self.sheet)
        sheet_lay.setContentsMargins(0, 0, 0, 0)
        sheet_lay.addWidget(self.title)
        sheet_lay.addWidget(self.view, 1)
        sheet_lay.addWidget(self.caption)
        sheet_lay.addWidget(self.legend)

        self.detail = QTextBrowser(self)
        self._detail_html: str | None = None  # what the detail pane was last given
        self.detail.setPlaceholderText(t("Select a field to see where its value comes from.", lang))

        top = QHBoxLayout()
        top.addWidget(c_label)
        top.addWidget(self.citizen_box, 2)
        top.addWidget(self.open_button)
        top.addSpacing(16)
        top.addWidget(v_label)
        top.addWidget(self.vendor_box)
        top.addStretch(1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.sheet)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        lay.addWidget(self.splitter, 1)

        self.open_button.clicked.connect(self.choose_citizen_file)
        self.citizen_box.currentIndexChanged.connect(self._citizen_chosen)
        self.vendor_box.currentIndexChanged.connect(
            lambda _: self.set_vendor(self.vendor_box.currentData())
        )
        self.view.selectionModel().currentChanged.connect(self._show_detail)
        self.view.selectionModel().currentChanged.connect(lambda i, _: self._show_caption(i))
        self.view.setMouseTracking(True)
        self.view.entered.connect(self._show_caption)
        self.view.setItemDelegate(KeepColourDelegate(self.view))
        # Rows follow the column widths: on first show, on every resize, in presentation mode.
        self._rows_timer = QTimer(self)
        self._rows_timer.setSingleShot(True)
        self._rows_timer.setInterval(0)
        self._rows_timer.timeout.connect(self.view.resizeRowsToContents)
        self.view.horizontalHeader().sectionResized.connect(lambda *_: self._rows_timer.start())
        self.view.viewport().installEventFilter(self)
        session.tablesChanged.connect(lambda _slot: self._tables_changed())
        self.model.refreshed.connect(self._after_update)
        self.load_demo_citizens()

    # --- citizens -------------------------------------------------------------------------------

    def load_demo_citizens(self) -> None:
        for p in demo_citizen_paths():
            self.add_citizen(load_citizen(p), str(p), select=False)
        if self.citizens and self.citizen_box.currentIndex() < 0:
            self.citizen_box.setCurrentIndex(0)

    def add_citizen(self, citizen: Citizen, origin: str, select: bool = True) -> None:
        for i, (o, _) in enumerate(self.citizens):
            if o == origin:
                self.citizens[i] = (origin, citizen)
                if select:
                    self.select_citizen(i)
                return
        self.citizens.append((origin, citizen))
        text = f"{citizen.id} – {citizen.name}" if citizen.name else citizen.id
        self.citizen_box.addItem(text, origin)
        self.citizen_box.setItemData(
            self.citizen_box.count() - 1, citizen.description, Qt.ItemDataRole.ToolTipRole
        )
        if select:
            self.select_citizen(len(self.citizens) - 1)

    def choose_citizen_file(self) -> None:
        """The »Citizen file …« button: pick a citizen file; its errors shown in Danish."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from fsiii_mapper.errors import InputError

        path, _ = QFileDialog.getOpenFileName(
            self,
            t("Open citizen file", self.session.lang),
            "",
            t("YAML files (*.yaml *.yml);;All files (*)", self.session.lang),
        )
        if not path:
            return
        try:
            self.open_citizen_file(path)
        except InputError as exc:
            QMessageBox.warning(self, t("Could not open the file", self.session.lang), str(exc))

    def open_citizen_file(self, path: str) -> None:
        """Add a citizen file; ``InputError`` (in words) for anything wrong with it."""
        from ui.table_files import read_or_input_error

        citizen = read_or_input_error(lambda: load_citizen(path), path)
        self.add_citizen(citizen, str(Path(path).resolve()))

    def select_citizen(self, i: int) -> None:
        if 0 <= i < len(self.citizens):
            if self.citizen_box.currentIndex() == i:
                self._citizen_chosen(i)
            else:
                self.citizen_box.setCurrentIndex(i)

    def select_citizen_by_id(self, ident: str) -> bool:
        for i, (origin, c) in enumerate(self.citizens):
            if c.id == ident or Path(origin).stem == ident:
                self.select_citizen(i)
                return True
        return False

    def step_citizen(self, delta: int) -> None:
        if self.citizens:
            self.select_citizen((self.citizen_box.currentIndex() + delta) % len(self.citizens))

    def sheet_fragments(self) -> list[str]:
        """The report sheet of the citizen shown: what PDF, print and image contain."""
        from fsiii_mapper.analysis.report_sheet import page_html

        page = self.model.sheet_page()
        return [page_html(page, self.session.ws.layout, self.session.lang)] if page else []

    def current_citizen(self) -> Citizen | None:
        i = self.citizen_box.currentIndex()
        return self.citizens[i][1] if 0 <= i < len(self.citizens) else None

    def _citizen_chosen(self, i: int) -> None:
        self.model.set_citizen(self.current_citizen())
        self.citizenChanged.emit()

    def set_vendor(self, vendor: str) -> None:
        i = self.vendor_box.findData(vendor)
        if i >= 0 and self.vendor_box.currentIndex() != i:
            self.vendor_box.setCurrentIndex(i)
            return
        self.model.set_vendor(vendor)

    def vendor(self) -> str:
        return str(self.vendor_box.currentData())

    # --- refresh --------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.model.recompute()

    def _tables_changed(self) -> None:
        self.model.columns.forget()  # a table column shares the other slot's table
        self.refresh()

    def _after_update(self) -> None:
        c = self.model.citizen
        if c is None:
            self.title.setText("")
        else:
            e = html.escape
            lang = self.session.lang
            counts = []
            for s in self.model.strategies:
                rep = self.model.reports[s]
                n = len(rep.fields) - len(rep.filled())
                counts.append(f"{e(words.column_name(s, lang))}: {n}")
            vendor_rep = self.model.reports[self.model.strategies[2]]
            empty_fields = t("Empty fields", lang)
            reason = words.strategy_reason(vendor_rep.strategy_reason, lang)
            self.title.setText(
                f"<b>{e(c.name or c.id)}</b> ({e(c.id)}) — {e(c.description)}<br>"
                f"{e(empty_fields)}: {' · '.join(counts)}<br>"
                f"<i>{e(reason)}</i>"
            )
        for r in self.model.rows_changed:  # the others keep their text, so their height
            self.view.resizeRowToContents(r)
        self._show_detail(self.view.currentIndex())

    def _show_detail(self, index: QModelIndex) -> None:
        html_text = index.data(DETAIL_ROLE) if index.isValid() else None
        html_text = html_text or self._unused_html()
        if html_text != self._detail_html:  # the same text again: no new layout, no repaint
            self._detail_html = html_text
            self.detail.setHtml(html_text)

    def _unused_html(self) -> str:
        e = html.escape
        lang = self.session.lang
        out = []
        for s in self.model.strategies:
            rep = self.model.reports.get(s)
            if rep is None or not rep.unused:
                continue
            out.append(
                f"<h4>{e(words.unused_heading(lang))} — {e(words.column_name(s, lang))}</h4><ul>"
            )
            out += [f"<li>{e(self._unused_text(u))}</li>" for u in rep.unused]
            out.append("</ul>")
        return "".join(out)

    def _unused_text(self, u: Unused) -> str:
        """A state left out of the report, named as a nurse knows it, and what became of it."""
        return unused_state_line(self.session.ws, self.model.citizen, u, self.session.lang)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.view.viewport() and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._rows_timer.start()
        return super().eventFilter(obj, event)

    def reset_layout(self) -> None:
        """The first-start split between the report and the detail pane."""
        total = max(1, self.splitter.width())
        self.splitter.setSizes([total * 4 // 5, total - total * 4 // 5])
        self.view.setColumnWidth(0, 420 if self.presenting else 260)
        self._rows_timer.start()

    # --- presentation mode ----------------------------------------------------------------------

    def _show_caption(self, index: QModelIndex) -> None:
        text = self.model.caption(index)
        if text or not self.view.currentIndex().isValid():
            self.caption.setText(text)

    def set_presentation(self, on: bool) -> None:
        self.presenting = on
        f = QFont(self.font())
        base = QApplication.font().pointSizeF()
        f.setPointSizeF(base * (1.8 if on else 1.0))
        for big in (self.view, self.view.horizontalHeader(), self.title, self.caption):
            big.setFont(f)
        # The legend and the selectors scale too (a little less than the report itself).
        small = QFont(f)
        small.setPointSizeF(base * (1.5 if on else 1.0))
        for w in self.findChildren(QLabel) + self.findChildren(QComboBox):
            if w not in (self.title, self.caption):
                w.setFont(small)
        self.open_button.setFont(small)
        self.caption.setVisible(on)
        self._show_caption(self.view.currentIndex())
        self.detail.setVisible(not on)
        self.view.setColumnWidth(0, 420 if on else 260)
        self.view.resizeRowsToContents()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.presenting:
            key = event.key()
            if key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_Down):
                self.step_citizen(1)
                return
            if key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace, Qt.Key.Key_Up):
                self.step_citizen(-1)
                return
        super().keyPressEvent(event)
