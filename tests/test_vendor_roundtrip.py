"""Reference files round-trip: what ``render-xml`` writes, ``check-vendor`` passes — for every demo
citizen and strategy — and both follow the layout data, not names in code."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from frozen import CITIZENS, DATA, check_config, fsiii
from lxml import etree

from fsiii_mapper.conformance.batch import CheckConfig, Checker, collect_files, run_batch
from fsiii_mapper.conformance.render import render_xml
from fsiii_mapper.engine.populate import STRATEGIES
from fsiii_mapper.io.yamltree import dump_yaml, load_yaml
from fsiii_mapper.model.common import replaced
from fsiii_mapper.workspace import Workspace

DEMO_IDS = sorted(p.stem[:7] for p in CITIZENS.glob("*.yaml"))


@pytest.fixture
def checkers(frozen_checkers: Callable[[str], Checker]) -> dict[str, Checker]:
    return {s: frozen_checkers(s) for s in STRATEGIES}


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_every_demo_reference_file_checks_clean(
    strategy: str, checkers: dict[str, Checker], tmp_path: Path
) -> None:
    checker = checkers[strategy]
    for cid in DEMO_IDS:
        path = tmp_path / f"{cid}.xml"
        path.write_bytes(render_xml(checker.expected[cid], checker.spec))
        result = checker.check_file(path)
        assert result.citizen == cid
        assert result.matched_by == "identifier"
        assert result.findings == [], (cid, result.findings)


@pytest.mark.usefixtures("frozen_cli")
def test_render_xml_cli_then_check_vendor_cli_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for cid in DEMO_IDS:
        assert (
            fsiii("render-xml", cid, "--strategy", "nexus", "-o", str(tmp_path / f"{cid}.xml")) == 0
        )
    capsys.readouterr()
    assert fsiii("check-vendor", str(tmp_path), "--strategy", "nexus") == 0
    out = capsys.readouterr().out
    assert out.rstrip().endswith("Success: 0 errors, 0 warnings")


def test_reference_file_carries_what_the_domain_says(checkers: dict[str, Checker]) -> None:
    checker = checkers["original"]
    root = etree.fromstring(render_xml(checker.expected["demo-01"], checker.spec))
    ns = {"m": "urn:oio:medcom:municipality:1.0.3"}
    assert root.tag == "{urn:oio:medcom:municipality:1.0.3}Emessage"
    assert root.findtext(".//m:Patient/m:CivilRegistrationNumber", namespaces=ns) == "0001010001"
    assert root.findtext(".//m:Letter/m:VersionCode", namespaces=ns) == "XD1634C"
    items = root.findall(".//m:AbilityToFunctionElement", ns)
    codes = [i.findtext("m:Terminology/m:Code", namespaces=ns) for i in items]
    assert codes == ["FA510", "FA540", "FA530", "FA420", "FA460", "FA550", "FA560"]
    first = items[0]
    assert first.findtext("m:Terminology/m:CodeSystem", namespaces=ns) == "icf"
    assert first.findtext("m:Terminology/m:CodeDescription", namespaces=ns) == "Vaske sig"
    assert first.findtext("m:Score", namespaces=ns) == "moderate"  # demo-01 J1.1 level 2
    areas = root.findall(".//m:NursingProblemArea", ns)
    text = {
        a.findtext("m:Terminology/m:Code", namespaces=ns): a.findtext(
            "m:ProblemArea", namespaces=ns
        )
        for a in areas
    }
    assert "Tryksår kategori 2 på hælen" in text["I4"]


def test_level_9_is_left_out_and_still_checks_clean(
    checkers: dict[str, Checker], tmp_path: Path
) -> None:
    checker = checkers["original"]
    exp = checker.expected["demo-05"]
    # demo-05 documents level 9 on J1.1 and J1.3: under level_9: omit no item, never one without
    # a Score (the other options: tests/test_engine_level_9.py)
    assert {i.code for i in exp.items} == {"FA420", "FA550"}
    assert all(i.score for i in exp.items)
    path = tmp_path / "demo-05.xml"
    path.write_bytes(render_xml(exp, checker.spec))
    assert checker.check_file(path).findings == []


def _edit_layout(data: Path, namespace: str | None = None, **names: str) -> None:
    layout_path = data / "report_layout.yaml"
    doc = load_yaml(layout_path).data
    if namespace is not None:
        doc["namespaces"]["message"]["uri"] = namespace
    for key, value in names.items():
        doc["xml"][key]["value"] = value
    layout_path.write_text(dump_yaml(doc), encoding="utf-8")


def test_changing_the_layout_changes_what_is_written_and_checked(
    data_copy: Path, tmp_path: Path, checkers: dict[str, Checker]
) -> None:
    old = checkers["original"]
    old_file = tmp_path / "old" / "demo-01.xml"
    old_file.parent.mkdir()
    old_file.write_bytes(render_xml(old.expected["demo-01"], old.spec))

    _edit_layout(
        data_copy,
        namespace="urn:example:corrected:2.0",
        function_item="FunctionItem",
        score="ScoreWord",
        problem_area="ProblemAreaEntry",
    )
    new = Checker(CheckConfig(CITIZENS, "original", data_dir=data_copy))
    xml = render_xml(new.expected["demo-01"], new.spec)
    root = etree.fromstring(xml)
    assert root.nsmap[None] == "urn:example:corrected:2.0"
    assert len(root.findall(".//{urn:example:corrected:2.0}FunctionItem")) == 7
    assert root.find(".//{*}AbilityToFunctionElement") is None
    assert root.find(".//{urn:example:corrected:2.0}ScoreWord") is not None

    new_file = tmp_path / "demo-01.xml"
    new_file.write_bytes(xml)
    assert new.check_file(new_file).findings == []
    # The file written under the old layout no longer passes under the corrected one.
    rules = {f.rule for f in new.check_file(old_file).findings}
    assert "FV020" in rules and "FV101" in rules


def test_a_namespace_per_element_puts_one_element_in_the_shared_namespace(
    data_copy: Path, tmp_path: Path
) -> None:
    shared = "urn:oio:medcom:municipality:1.0.0"
    layout_path = data_copy / "report_layout.yaml"
    doc = load_yaml(layout_path).data
    doc["xml"]["patient_identifier"]["namespace"] = "shared"
    layout_path.write_text(dump_yaml(doc), encoding="utf-8")
    checker = Checker(CheckConfig(CITIZENS, "original", data_dir=data_copy))
    xml = render_xml(checker.expected["demo-01"], checker.spec)
    root = etree.fromstring(xml)
    assert root.findtext(f".//{{{shared}}}CivilRegistrationNumber") == "0001010001"
    path = tmp_path / "x.xml"
    path.write_bytes(xml)
    result = checker.check_file(path)
    assert result.matched_by == "identifier" and result.findings == []


def test_folders_are_searched_recursively_and_each_file_counted_once(
    tmp_path: Path, checkers: dict[str, Checker]
) -> None:
    checker = checkers["simplified"]
    (tmp_path / "a" / "b").mkdir(parents=True)
    for i, cid in enumerate(DEMO_IDS[:3]):
        folder = tmp_path / ("a" if i else "a/b")
        (folder / f"{cid}.XML").write_bytes(render_xml(checker.expected[cid], checker.spec))
    (tmp_path / "a" / "notes.txt").write_text("not a report")
    files = collect_files([tmp_path, tmp_path / "a"])
    assert sorted(f.name for f in files) == sorted(f"{c}.XML" for c in DEMO_IDS[:3])
    batch = run_batch(files, checker.config, checker=checker)
    assert batch.counts() == (0, 0)


def test_checker_on_an_in_memory_workspace_follows_unsaved_edits(
    checkers: dict[str, Checker], tmp_path: Path
) -> None:
    """The GUI checks against the tables in its editor: a Checker given a Workspace uses it."""
    checker = checkers["original"]
    path = tmp_path / "demo-01.xml"
    path.write_bytes(render_xml(checker.expected["demo-01"], checker.spec))
    ws = Workspace.load(DATA)
    doc = ws.tables["original"]
    i = next(i for i, r in enumerate(doc.table.rows) if r.target == "FA510")
    doc.table.rows[i] = replaced(doc.table.rows[i], relationship="no-map", target=None)
    edited = Checker(check_config("original"), ws=ws)
    assert checker.check_file(path).findings == []
    assert [f.rule for f in edited.check_file(path).findings] == ["FV102"]
