"""Every Qt model of the GUI passes pytest-qt's model tester, also after edits and filtering.

Models are tested over a session without a main window where they can be; the editors' filter
proxies and the preview live in their widgets, so those tests build the window.
"""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")


def test_table_models_pass_the_model_tester(window, qtmodeltester):
    for slot, model in window.session.models.items():
        qtmodeltester.check(model)
        editor = window.editors[slot]
        qtmodeltester.check(editor.proxy)
        editor.search.setText("J1")
        qtmodeltester.check(editor.proxy)
        editor.only_problems.setChecked(True)
        qtmodeltester.check(editor.proxy)
        editor.clear_filters()


def test_table_model_after_insert_and_remove_passes_the_model_tester(session, qtmodeltester):
    model = session.models["simplified"]
    model.add_row(0)
    model.duplicate_rows([0, 3])
    model.delete_rows([1, 2])
    qtmodeltester.check(model)


def test_findings_model_passes_the_model_tester(session, qtbot, qtmodeltester):
    from ui.validation_panel import ValidationPanel

    panel = ValidationPanel(session)
    qtbot.addWidget(panel)
    session.models["simplified"].add_row(0, "J1.1")  # an old state in the simplified table: FM002
    assert panel.model.rowCount() > 0
    qtmodeltester.check(panel.model)


def test_preview_diff_and_catalog_models_pass_the_model_tester(window, qtmodeltester):
    window.preview.select_citizen_by_id("demo-02")
    qtmodeltester.check(window.preview.model)
    window.diff.refresh()
    assert window.diff.model.rowCount() > 0  # old vs simplified differ
    qtmodeltester.check(window.diff.model)
    qtmodeltester.check(window.catalog.model)
    qtmodeltester.check(window.catalog.proxy)


def test_catalog_browser_lists_every_state_with_its_successor(ws):
    from ui.catalog_browser import CatalogModel

    model = CatalogModel(ws)
    assert model.rowCount() == sum(len(c.states) for c in ws.catalogs.values())
    row = next(
        i
        for i, (cid, st) in enumerate(model.states)
        if cid == "original" and ws.crosswalk.successors(st.key)
    )
    _catalog, st = model.states[row]
    assert model.index(row, 3).data() == (st.uuid or "–")
    assert model.index(row, 8).data() == ", ".join(ws.crosswalk.successors(st.key))


def test_catalog_browser_shows_definitions_from_an_imported_codesystem(window, shared_dir):
    ref = shared_dir / "reference" / "kl-term"
    files = sorted(ref.glob("CodeSystem-FSIII-kl-term-2*.json"))
    if not files:
        pytest.skip("KL CodeSystem reference files are not beside the checkout")
    assert window.catalog.import_files([str(f) for f in files]) > 0
    model = window.catalog.model
    assert any(model.index(r, 9).data() for r in range(model.rowCount()))
