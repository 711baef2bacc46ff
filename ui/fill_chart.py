"""The fill-rate chart: per report field (by code and name), the share of the demo citizens for
whom it is filled under every strategy — the old table, the simplified table, Cura, Nexus, as
``gaps`` reports them (core ``fill_rates``) — as horizontal bars with their values, painted with
QPainter."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from fsiii_mapper.analysis.fill import fill_rates
from fsiii_mapper.engine.populate import STRATEGIES
from fsiii_mapper.model import Citizen
from fsiii_mapper.texts import nt, t
from fsiii_mapper.texts.reasons import strategy_name
from ui.session import Session

COLOURS: dict[str, QColor] = {
    "original": QColor("#3b6ea5"),
    "simplified": QColor("#e08a1e"),
    "cura": QColor("#3f8f4f"),
    "nexus": QColor("#8a4fa3"),
}
BAR, GAP = 13, 10  # a bar's height, and the space between two fields (pixels)


class FillChart(QWidget):
    def __init__(
        self, session: Session, citizens: list[Citizen], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.citizens = citizens
        self.strategies: tuple[str, ...] = STRATEGIES
        self.rates: dict[str, dict[str, float]] = {}
        self._stale = True
        fields = len(session.ws.layout.field_codes())
        self.setMinimumSize(640, self._top() + fields * self._group() + 8)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolTip(
            t("Share of demo citizens for whom each report field is filled", session.lang)
        )
        session.tablesChanged.connect(self._mark_stale)

    def _mark_stale(self, *_: Any) -> None:
        self._stale = True
        if self.isVisible():
            self.update()

    def compute(self) -> dict[str, dict[str, float]]:
        self.rates = fill_rates(self.session.ws, self.citizens, list(self.strategies))
        self._stale = False
        return self.rates

    def rows(self) -> list[tuple[str, list[tuple[str, float]]]]:
        """Per field its label (code and name) and the rate under each strategy."""
        if self._stale:
            self.compute()
        layout = self.session.ws.layout
        return [
            (
                f"{code} {layout.label_of(code)}",
                [(s, self.rates.get(s, {}).get(code, 0.0)) for s in self.strategies],
            )
            for code in layout.field_codes()
        ]

    def _group(self) -> int:
        return len(self.strategies) * BAR + GAP

    def _top(self) -> int:
        return self.fontMetrics().height() * 3 + 12

    def paintEvent(self, event: QPaintEvent) -> None:
        rows = self.rows()
        lang = self.session.lang
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        fm = p.fontMetrics()
        text = self.palette().text().color()
        p.setPen(text)
        p.drawText(
            QRectF(8, 4, self.width() - 16, fm.height() + 2),
            Qt.AlignmentFlag.AlignLeft,
            nt(
                "Fill rate per field over {n} demo citizen",
                "Fill rate per field over {n} demo citizens",
                len(self.citizens),
                lang,
            ),
        )
        x = 8.0
        for s in self.strategies:  # legend
            p.fillRect(QRectF(x, 8 + fm.height(), 12, 12), COLOURS.get(s, QColor("#777777")))
            name = strategy_name(s, lang)
            p.drawText(int(x + 16), int(8 + fm.height() * 2 - 2), name)
            x += 32 + fm.horizontalAdvance(name)
        left = min(max(fm.horizontalAdvance(label) for label, _ in rows) + 16, self.width() // 2)
        value_room = fm.horizontalAdvance("100 %") + 8
        w = max(1, self.width() - left - value_room - 8)
        top = self._top()
        grid = QPen(QColor("#cccccc"))
        for pct in (0, 50, 100):
            gx = left + w * pct / 100
            p.setPen(grid)
            p.drawLine(int(gx), top - 4, int(gx), top + len(rows) * self._group())
            p.setPen(text)
            p.drawText(
                QRectF(gx - 30, top - fm.height() - 4, 60, fm.height()),
                Qt.AlignmentFlag.AlignHCenter,
                f"{pct} %",
            )
        for i, (label, bars) in enumerate(rows):
            y = top + i * self._group()
            p.setPen(text)
            p.drawText(
                QRectF(8, y, left - 16, len(bars) * BAR),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                fm.elidedText(label, Qt.TextElideMode.ElideRight, left - 16),
            )
            for j, (s, rate) in enumerate(bars):
                by = y + j * BAR
                p.fillRect(QRectF(left, by + 1, w * rate, BAR - 2), COLOURS.get(s, QColor("#777")))
                p.drawText(
                    QRectF(left + w * rate + 4, by, value_room, BAR),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    percent(rate),
                )
        p.end()


def percent(rate: float) -> str:
    return f"{round(rate * 100)} %"
