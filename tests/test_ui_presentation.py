"""Presentation mode for trainers: the reason of the selected field is readable without hovering,
the legend and the selectors scale with the report, analyst chrome is hidden, and a selected cell
keeps its colour."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel

from ui.preview import LOST_BRUSH


def _row(preview, code: str) -> int:
    return next(i for i, line in enumerate(preview.model.lines) if line.code == code)


def test_the_selected_fields_reason_is_a_caption_in_presentation_mode(window, qtbot):
    preview = window.preview
    assert preview.select_citizen_by_id("demo-03")
    legend_size = preview.legend.font().pointSizeF()
    combo_size = preview.citizen_box.font().pointSizeF()
    window.toggle_presentation()
    try:
        assert preview.caption.isVisible()
        assert not window.statusBar().isVisible() and not window.validation_dock.isVisible()
        assert preview.legend.font().pointSizeF() > legend_size
        assert preview.citizen_box.font().pointSizeF() > combo_size
        index = preview.model.index(_row(preview, "FA510"), 2)  # the simplified table
        preview.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        text = preview.caption.text()
        assert text.startswith("FA510 ")
        assert "Vaske sig (J1.1, niveau 2) udfyldte feltet under den gamle tabel" in text

        # The selected cell is still red (lost), not the selection colour.
        preview.view.viewport().repaint()
        rect = preview.view.visualRect(index)
        image = preview.view.viewport().grab(rect).toImage()
        pixel = image.pixelColor(image.width() - 12, image.height() // 2)
        assert pixel.name() == LOST_BRUSH.color().name()
    finally:
        window.toggle_presentation()
    assert not preview.caption.isVisible()
    assert preview.legend.font().pointSizeF() == legend_size


def test_the_fill_chart_covers_every_strategy_names_the_fields_and_shows_values(window):
    from fsiii_mapper.engine.populate import STRATEGIES
    from ui.fill_chart import percent

    rows = dict(window.chart.rows())
    assert len(rows) == 19
    assert "FA510 Vaske sig" in rows
    assert [s for s, _ in rows["FA510 Vaske sig"]] == list(STRATEGIES)
    rates = dict(rows["FA510 Vaske sig"])
    assert rates["original"] > rates["simplified"]
    assert percent(0.25) == "25 %" and percent(1.0) == "100 %"
    image = window.chart.grab()  # paints without trouble at its own size
    assert image.height() >= window.chart.minimumHeight() > 19 * 4 * 10


def test_states_left_out_of_the_report_are_named_as_a_nurse_knows_them(window):
    preview = window.preview
    assert preview.select_citizen_by_id("demo-03")
    text = preview.detail.toPlainText()
    assert (
        "Vaske sig (J1.1, niveau 2), aktiv: koden findes ikke i den forenklede tabels katalog. "
        "I det forenklede FSIII: Personlig pleje." in text
    )
