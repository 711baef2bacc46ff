"""The report sheet (``fsiii_mapper.analysis.report_sheet``) on paper and in files: PDF, print and
PNG, laid out by Qt's rich text — one page per citizen, each scaled to fit its page, never a
screen grab. Used by the GUI (File → Export/Print/Copy) and by ``preview --format pdf|png``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import (
    QColor,
    QImage,
    QImageWriter,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from ui.export import write_through_memory

SHEET_WIDTH = 1100  # the width (in document pixels) a sheet is laid out at, on every medium
STYLE = "body{font-size:10pt} td,th{vertical-align:top}"


def document(fragment: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setDefaultStyleSheet(STYLE)
    doc.setDocumentMargin(8)
    doc.setHtml(fragment)
    doc.setTextWidth(SHEET_WIDTH)
    return doc


def _paint_pages(device: QPagedPaintDevice, fragments: Sequence[str]) -> None:
    painter = QPainter(device)
    try:
        page = painter.viewport()
        for i, fragment in enumerate(fragments):
            if i:
                device.newPage()
            doc = document(fragment)
            size = doc.size()
            scale = min(page.width() / size.width(), page.height() / size.height())
            painter.save()
            painter.scale(scale, scale)
            doc.drawContents(painter, QRectF(0, 0, size.width(), size.height()))
            painter.restore()
    finally:
        painter.end()


def _landscape_a4() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Landscape,
        QMarginsF(10, 10, 10, 10),
    )


def write_pdf(fragments: Sequence[str], path: str | os.PathLike[str], title: str = "") -> Path:
    """A PDF with one landscape A4 page per fragment, saved atomically."""

    def fill(buffer: QBuffer) -> None:
        writer = QPdfWriter(buffer)
        writer.setTitle(title)
        writer.setCreator("fsiii-mapper")
        writer.setResolution(150)
        writer.setPageLayout(_landscape_a4())
        _paint_pages(writer, fragments)
        del writer  # finishes the document in the buffer

    return write_through_memory(path, fill)


def print_pages(fragments: Sequence[str], printer: QPagedPaintDevice) -> None:
    printer.setPageLayout(_landscape_a4())
    _paint_pages(printer, fragments)


def image(fragments: Sequence[str], scale: float = 1.5) -> QImage:
    """The sheets one below the other on white, at ``scale`` × the layout width."""
    docs = [document(f) for f in fragments]
    sizes = [d.size() for d in docs]
    total = QSizeF(SHEET_WIDTH, sum(s.height() for s in sizes))
    img = QImage(
        int(total.width() * scale) + 1, int(total.height() * scale) + 1, QImage.Format.Format_RGB32
    )
    img.fill(QColor("white"))
    painter = QPainter(img)
    try:
        painter.scale(scale, scale)
        for doc, size in zip(docs, sizes, strict=True):
            doc.drawContents(painter, QRectF(0, 0, size.width(), size.height()))
            painter.translate(0, size.height())
    finally:
        painter.end()
    return img


def write_png(fragments: Sequence[str], path: str | os.PathLike[str]) -> Path:
    """The sheets as one PNG (``image``), saved atomically."""
    img = image(fragments)
    return write_through_memory(path, lambda buffer: QImageWriter(buffer, b"PNG").write(img))
