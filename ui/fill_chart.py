"""A small bar chart of fill rates per report field over the demo citizens, old vs simplified
(core ``fill_rates``), painted with QPainter."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from fsiii_mapper.analysis.fill import fill_rates
from fsiii_mapper.model import Citizen
from fsiii_mapper.texts import nt, t
from fsiii_mapper.texts.reasons import strategy_name
from ui.session import Session

SERIES: tuple[tuple[str, QColor], ...] = (
    ("original", QColor("#3b6ea5")),
    ("simplified", QColor("#e08a1e")),
)


class FillChart(QWidget):
    def __init__(
        self, session: Session, citizens: list[Citizen], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.citizens = citizens
        self.rates: dict[str, dict[str, float]] = {}
        self._stale = True
        self.setMinimumSize(480, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setToolTip(
            t("Share of demo citizens for whom each report field is filled", session.lang)
        )
        session.tablesChanged.connect(self._mark_stale)

    def _mark_stale(self, *_: Any) -> None:
        self._stale = True
        if self.isVisible():
            self.update()

    def compute(self) -> dict[str, dict[str, float]]:
        self.rates = fill_rates(self.session.ws, self.citizens, [s for s, _ in SERIES])
        self._stale = False
        return self.rates

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._stale:
            self.compute()
        codes = self.session.ws.layout.field_codes()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        fm = p.fontMetrics()
        left, top = 40, 12 + fm.height() * 2
        bottom = fm.height() * 2 + 8
        w = max(1, self.width() - left - 12)
        h = max(1, self.height() - top - bottom)
        p.setPen(self.palette().text().color())
        p.drawText(
            QRectF(left, 4, w, fm.height() + 2),
            Qt.AlignmentFlag.AlignLeft,
            nt(
                "Fill rate per field over {n} demo citizen",
                "Fill rate per field over {n} demo citizens",
                len(self.citizens),
                self.session.lang,
            ),
        )
        x = left
        for s, color in SERIES:  # legend
            p.fillRect(QRectF(x, 8 + fm.height(), 12, 12), color)
            text = strategy_name(s, self.session.lang)
            p.drawText(int(x + 16), int(8 + fm.height() * 2 - 2), text)
            x += 32 + fm.horizontalAdvance(text)
        grid = QPen(QColor("#cccccc"))
        for pct in (0, 50, 100):
            y = top + h - h * pct / 100
            p.setPen(grid)
            p.drawLine(left, int(y), left + w, int(y))
            p.setPen(self.palette().text().color())
            p.drawText(
                QRectF(0, y - fm.height() / 2, left - 4, fm.height()),
                Qt.AlignmentFlag.AlignRight,
                f"{pct}%",
            )
        slot = w / max(1, len(codes))
        bar = max(2.0, slot * 0.38)
        for i, code in enumerate(codes):
            x0 = left + i * slot + (slot - 2 * bar) / 2
            for j, (s, color) in enumerate(SERIES):
                v = self.rates.get(s, {}).get(code, 0.0)
                rect = QRectF(x0 + j * bar, top + h - h * v, bar - 1, h * v)
                p.fillRect(rect, color)
            p.save()
            p.translate(left + i * slot + slot / 2, top + h + 4)
            p.drawText(QRectF(-slot / 2, 0, slot, fm.height()), Qt.AlignmentFlag.AlignHCenter, code)
            p.restore()
        p.end()
