"""The "Leverandørtjek" tab: a vendor's folder is checked in the background, the finding shows
with its rule and line, a double-click asks to open that file at that line, cancel stops the
batch, and the report is exported in the CI formats."""

from __future__ import annotations

import copy
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fsiii_mapper.model.common import replaced

pytest.importorskip("pytestqt")

from frozen import CITIZENS
from lxml import etree
from PySide6.QtCore import QModelIndex, Qt, QUrl
from PySide6.QtWidgets import QFileDialog

import ui.vendor_tab as vendor_tab
from fsiii_mapper.conformance.batch import Checker
from fsiii_mapper.conformance.render import render_xml
from fsiii_mapper.io.documents import load_table, new_table_document
from fsiii_mapper.texts import t
from fsiii_mapper.workspace import Workspace
from ui.vendor_tab import VendorFindingsModel, VendorTab, report_format

NS = {"m": "urn:oio:medcom:municipality:1.0.3"}
WAIT = 60_000  # ms: an upper bound for a stuck run, not a speed requirement
DEMOS = ("demo-01", "demo-02", "demo-03", "demo-04")


@pytest.fixture
def checker(frozen_checkers: Callable[[str], Checker]) -> Checker:
    return frozen_checkers("original")


@pytest.fixture
def vendor_dir(tmp_path: Path, checker: Checker) -> Path:
    """Reference files of four demo citizens, as a vendor would send them."""
    folder = tmp_path / "vendor"
    folder.mkdir()
    for cid in DEMOS:
        (folder / f"{cid}.xml").write_bytes(render_xml(checker.expected[cid], checker.spec))
    return folder


def wrong_score(path: Path) -> int:
    """Change demo-01's FA510 score word; return the line of that Score element."""
    tree = etree.parse(str(path))
    score = tree.getroot().xpath(
        ".//m:AbilityToFunctionElement[m:Terminology/m:Code='FA510']/m:Score", namespaces=NS
    )[0]
    score.text = "svære"
    path.write_bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8"))
    return int(
        etree.parse(str(path))
        .getroot()
        .xpath(
            ".//m:AbilityToFunctionElement[m:Terminology/m:Code='FA510']/m:Score", namespaces=NS
        )[0]
        .sourceline
    )


@pytest.fixture
def tab(qtbot: Any, monkeypatch: pytest.MonkeyPatch, ws: Workspace) -> VendorTab:
    """The tab over the frozen tables, its citizens folder the frozen demo citizens."""
    monkeypatch.setattr(vendor_tab, "citizens_dir", lambda: CITIZENS)
    opened: list[QUrl] = []
    monkeypatch.setattr(
        vendor_tab.QDesktopServices, "openUrl", lambda url: opened.append(url) or True
    )
    w = VendorTab(ws, lang="da")
    w.opened = opened  # type: ignore[attr-defined]
    qtbot.addWidget(w)
    w.resize(1100, 600)
    w.show()
    w.strategy_box.setCurrentIndex(w.strategy_box.findData("original"))
    return w


def run(qtbot: Any, tab: VendorTab) -> None:
    qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.is_running(), timeout=WAIT)


def rows(tab: VendorTab) -> list[tuple[str, str, str]]:
    m = tab.proxy
    return [
        (
            m.index(r, VendorFindingsModel.FILE).data(),
            m.index(r, VendorFindingsModel.LINE).data(),
            m.index(r, VendorFindingsModel.RULE).data(),
        )
        for r in range(m.rowCount())
    ]


def test_a_wrong_score_shows_with_rule_and_line_and_double_click_opens_it(
    qtbot: Any, qtmodeltester: Any, tab: VendorTab, vendor_dir: Path
) -> None:
    bad = vendor_dir / "demo-01.xml"
    line = wrong_score(bad)
    tab.set_paths([str(vendor_dir)])
    run(qtbot, tab)

    assert rows(tab) == [("demo-01.xml", str(line), "FV103")]
    f = tab.model.rows[0].finding
    assert (f.field, f.expected, f.actual) == ("FA510", "moderate", "svære")
    assert tab.summary.text() == "*FAILURE*: 1 error, 0 warnings"
    assert "4" in tab.status.text() and tab.batch is not None and tab.batch.total == 4
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.proxy)

    index = tab.proxy.index(0, VendorFindingsModel.MESSAGE)
    tab.view.scrollTo(index)
    centre = tab.view.visualRect(index).center()
    with qtbot.waitSignal(tab.open_file_requested, timeout=5000) as blocker:
        # a real double-click is press, release, double-click; the view needs the press
        qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        qtbot.mouseDClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert blocker.args == [str(bad), line]
    assert tab.opened == [QUrl.fromLocalFile(str(bad))]  # type: ignore[attr-defined]


def test_open_file_button_opens_the_selected_finding(
    qtbot: Any, tab: VendorTab, vendor_dir: Path
) -> None:
    bad = vendor_dir / "demo-01.xml"
    line = wrong_score(bad)
    tab.set_paths([str(vendor_dir)])
    run(qtbot, tab)
    assert not tab.open_button.isEnabled()
    tab.view.setCurrentIndex(tab.proxy.index(0, 0))
    with qtbot.waitSignal(tab.open_file_requested, timeout=5000) as blocker:
        qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [str(bad), line]


def test_all_files_pass_says_success(qtbot: Any, tab: VendorTab, vendor_dir: Path) -> None:
    tab.set_paths([str(vendor_dir / "demo-02.xml"), str(vendor_dir / "demo-03.xml")])
    run(qtbot, tab)
    assert tab.model.rowCount() == 0
    assert tab.summary.text() == "Success: 0 errors, 0 warnings"
    assert tab.batch is not None and len(tab.batch.results) == 2


def test_text_and_severity_filters(qtbot: Any, tab: VendorTab, vendor_dir: Path) -> None:
    wrong_score(vendor_dir / "demo-01.xml")
    (vendor_dir / "broken.xml").write_text("<Emessage>", encoding="utf-8")
    tab.set_paths([str(vendor_dir)])
    run(qtbot, tab)
    assert sorted(r[2] for r in rows(tab)) == ["FV003", "FV103"]

    tab.filter_edit.setText("fa510")  # case-insensitive, any column
    assert [r[2] for r in rows(tab)] == ["FV103"]
    tab.filter_edit.setText("")
    tab.severity_box.setCurrentIndex(tab.severity_box.findData("warning"))
    assert rows(tab) == []
    tab.severity_box.setCurrentIndex(tab.severity_box.findData("error"))
    assert len(rows(tab)) == 2
    tab.view.sortByColumn(VendorFindingsModel.RULE, Qt.SortOrder.DescendingOrder)
    assert [r[2] for r in rows(tab)] == ["FV103", "FV003"]


def test_cancel_stops_the_batch_and_says_so(
    qtbot: Any, tab: VendorTab, vendor_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = vendor_tab.run_batch

    def run_batch_held_after_first_file(*args: Any, **kw: Any) -> Any:
        progress: Callable[[int, int], None] = kw["progress"]
        cancelled: Callable[[], bool] = kw["cancelled"]

        def held(done: int, total: int) -> None:
            progress(done, total)
            while not cancelled():  # the test presses Cancel while the batch is mid-way
                time.sleep(0.01)

        return real(*args, **{**kw, "progress": held})

    monkeypatch.setattr(vendor_tab, "run_batch", run_batch_held_after_first_file)
    tab.set_paths([str(vendor_dir)])
    qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    assert tab.is_running() and tab.cancel_button.isEnabled() and not tab.run_button.isEnabled()
    qtbot.waitUntil(lambda: tab.progress.maximum() == 4 and tab.progress.value() == 1, timeout=WAIT)
    qtbot.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.is_running(), timeout=WAIT)

    assert tab.batch is not None and tab.batch.cancelled
    assert len(tab.batch.results) == 1 and tab.batch.total == 4
    assert t("Cancelled – the rest was not checked.") in tab.status.text()
    assert "1 af 4 filer tjekket" in tab.status.text()
    assert tab.run_button.isEnabled() and not tab.cancel_button.isEnabled()


def test_the_check_uses_the_workspace_tables(
    qtbot: Any, vendor_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ws: Workspace
) -> None:
    """A table opened in the GUI (here: the old table without its FA510 rows) is the one the
    vendor files are checked against, so the reference file now has an unexpected FA510."""
    monkeypatch.setattr(vendor_tab, "citizens_dir", lambda: CITIZENS)
    table = copy.deepcopy(ws.original.table)
    table.rows = [r for r in table.rows if r.target != "FA510"]
    path = tmp_path / "original-without-fa510.yaml"
    new_table_document(table).save(path)
    ws.use_table(load_table(path))
    tab = VendorTab(ws, lang="da", open_externally=False)
    qtbot.addWidget(tab)
    tab.strategy_box.setCurrentIndex(tab.strategy_box.findData("original"))
    tab.set_paths([str(vendor_dir / "demo-01.xml")])
    run(qtbot, tab)
    assert [(r.finding.rule, r.finding.field) for r in tab.model.rows] == [("FV102", "FA510")]


def test_unsaved_table_edits_are_checked(qtbot: Any, tab: VendorTab, vendor_dir: Path) -> None:
    """The check follows the tables as they are in the editor, saved or not."""
    tab.strategy_box.setCurrentIndex(tab.strategy_box.findData("original"))
    tab.set_paths([str(vendor_dir / "demo-01.xml")])
    run(qtbot, tab)
    assert list(tab.model.rows) == []
    doc = tab.ws.tables["original"]
    i = next(i for i, r in enumerate(doc.table.rows) if r.target == "FA510")
    doc.table.rows[i] = replaced(doc.table.rows[i], relationship="no-map", target=None)
    assert doc.to_text() != doc.text
    run(qtbot, tab)
    assert [(r.finding.rule, r.finding.field) for r in tab.model.rows] == [("FV102", "FA510")]


def test_a_bad_citizens_folder_is_reported_not_raised(
    qtbot: Any, tab: VendorTab, vendor_dir: Path, tmp_path: Path
) -> None:
    tab.set_paths([str(vendor_dir)])
    tab.citizens_edit.setText(str(tmp_path / "nowhere"))
    run(qtbot, tab)
    assert "ikke en mappe med borgerfiler" in tab.status.text()  # now in the catalogue
    assert tab.batch is None and tab.run_button.isEnabled()


def test_no_files_chosen_is_said_without_running(tab: VendorTab) -> None:
    tab.run_check()
    assert not tab.is_running() and tab.status.text()


def test_choose_folder_and_files_fill_the_line_edit(
    tab: VendorTab, vendor_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(vendor_dir))
    tab.choose_folder()
    assert tab.paths() == [str(vendor_dir)]
    files = [str(vendor_dir / "demo-01.xml"), str(vendor_dir / "demo-02.xml")]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (files, ""))
    tab.choose_files()
    assert tab.paths() == files


@pytest.mark.parametrize(
    ("name", "chosen", "fmt"),
    [
        ("report.sarif", "SARIF 2.1.0 (*.sarif *.sarif.json)", "sarif"),
        ("report.xml", "JUnit XML (*.xml)", "junit"),
        ("report.json", "JSON (*.json)", "json"),
        ("report.txt", "Text (*.txt)", "text"),
    ],
)
def test_export_report_writes_the_chosen_format(
    qtbot: Any,
    tab: VendorTab,
    vendor_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    chosen: str,
    fmt: str,
) -> None:
    wrong_score(vendor_dir / "demo-01.xml")
    tab.set_paths([str(vendor_dir)])
    assert not tab.export_button.isEnabled()
    run(qtbot, tab)
    out = tmp_path / name
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), chosen))
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    text = out.read_text(encoding="utf-8")
    assert "FV103" in text
    if fmt == "sarif":
        results = json.loads(text)["runs"][0]["results"]
        assert [r["ruleId"] for r in results] == ["FV103"]
    elif fmt == "junit":
        assert etree.fromstring(text.encode()).tag in ("testsuites", "testsuite")
    elif fmt == "json":
        json.loads(text)
    else:
        assert text.rstrip().endswith("*FAILURE*: 1 error, 0 warnings")
    assert str(out) in tab.status.text()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_the_report_is_not_proposed_inside_the_checked_folder(
    qtbot: Any, tab: VendorTab, vendor_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A JUnit report saved among the vendor files would be checked as one next time."""
    tab.set_paths([str(vendor_dir)])
    run(qtbot, tab)
    proposed: list[str] = []
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda _parent, _title, start, _filters: proposed.append(start) or ("", ""),
    )
    tab.export_report()
    assert Path(proposed[0]).parent == vendor_dir.parent


def test_report_format_prefers_the_file_name_when_it_disagrees_with_the_filter() -> None:
    assert report_format("/x/r.sarif.json", "json") == "sarif"
    assert report_format("/x/r.json", "sarif") == "json"
    assert report_format("/x/r.sarif.json", "sarif") == "sarif"
    assert report_format("/x/r", "junit") == "junit"


def test_empty_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    qtmodeltester.check(VendorFindingsModel())
    assert VendorFindingsModel().data(QModelIndex()) is None
