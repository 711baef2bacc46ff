"""Conflicting values (issue 9, item 8): several states fill one function item, the report
carries one element. The rule's ``collapse`` in vendor_rules.yaml says which values it may carry
(aktiv beats kladde, otherwise every value is allowed; assumed); render-xml writes one element;
the checker accepts any allowed value and warns »flere kilder« (FV110) when the file carried one
of several; the preview keeps every contribution and flags the conflict."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from frozen import CITIZENS, DATA, demo_path
from lxml import etree

from fsiii_mapper.conformance.batch import CheckConfig, Checker
from fsiii_mapper.conformance.render import render_tree, render_xml
from fsiii_mapper.engine.populate import Engine
from fsiii_mapper.engine.strategies import STRATEGIES
from fsiii_mapper.io.documents import load_citizen
from fsiii_mapper.io.validation import validate
from fsiii_mapper.model import Citizen, RuleSettings
from fsiii_mapper.texts.reasons import ReportWords
from fsiii_mapper.workspace import Workspace

NS = "urn:oio:medcom:municipality:1.0.3"
M = {"m": NS}


def j35(status: str, level: int, where: str, note: str = "") -> dict[str, Any]:
    return {"code": "J3.5", "status": status, "level": level, "documented_in": where, "note": note}


def scores(xml: bytes, code: str) -> list[str | None]:
    root = etree.fromstring(xml)
    items = root.xpath(
        f".//m:AbilityToFunctionElement[m:Terminology/m:Code='{code}']", namespaces=M
    )
    return [i.findtext("m:Score", namespaces=M) for i in items]


def test_the_collapse_rule_is_data_and_marked_assumed(shipped_ws: Workspace) -> None:
    # The shipped rules (mapping_tables/vendor_rules.yaml, read on purpose): aktiv beats kladde.
    for strategy in ("simplified", "cura", "nexus", "original"):
        rule = shipped_ws.vendor_rules.settings(strategy)
        assert rule.collapse == ["aktiv", "kladde"]
        assert rule.collapse_evidence == "assumed"


def test_aktiv_beats_kladde_otherwise_every_value_is_allowed() -> None:
    rule = RuleSettings()
    assert rule.allowed(["kladde", "aktiv"]) == [1]
    assert rule.allowed(["kladde", "kladde"]) == [0, 1]
    assert rule.allowed(["aktiv", "kladde", "aktiv"]) == [0, 2]
    assert RuleSettings(collapse=["kladde", "aktiv"]).allowed(["aktiv", "kladde"]) == [1]
    assert RuleSettings(collapse=[]).allowed(["aktiv", "kladde"]) == [0, 1]


def test_preview_keeps_every_contribution_and_flags_the_conflict(ws: Workspace) -> None:
    demo = load_citizen(demo_path("demo-04"))
    rep = Engine(ws).populate(demo, "nexus")
    fa420 = rep.field("FA420")
    assert [(v.status, v.score) for v in fa420.contributions] == [
        ("kladde", "svære"),
        ("aktiv", "moderate"),
    ]
    assert fa420.allowed == [1]
    assert {"duplicate", "conflict", "collapse-status"} <= set(fa420.flags)
    words = ReportWords("da")
    assert "ét element" in words.flag("collapse-status")
    data = rep.to_json(words)
    (item,) = [f for f in data["function_items"] if f["code"] == "FA420"]
    assert item["allowed"] == [1] and len(item["values"]) == 2


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_render_xml_writes_one_element_per_field(frozen_ws: Workspace, strategy: str) -> None:
    checker = Checker(CheckConfig(CITIZENS, strategy, data_dir=DATA))
    for cid, expected in checker.expected.items():
        root = render_tree(expected, checker.spec).getroot()
        codes = [
            i.findtext("m:Terminology/m:Code", namespaces=M)
            for i in root.iter(f"{{{NS}}}AbilityToFunctionElement")
        ]
        assert len(codes) == len(set(codes)), (cid, strategy, codes)


@pytest.fixture
def two_active(tmp_path: Path) -> Checker:
    """A citizen with J3.5 aktiv twice under Nexus, at two levels (old and new documentation)."""
    folder = tmp_path / "citizens"
    folder.mkdir()
    (folder / "to-aktive.yaml").write_text(
        "id: to-aktive\n"
        "identifier: '0001019901'\n"
        "conditions:\n"
        "  - {code: J3.5, status: aktiv, level: 2, documented_in: original,"
        " note: Gammel vurdering}\n"
        "  - {code: J3.5, status: aktiv, level: 3, documented_in: simplified,"
        " note: Ny vurdering}\n",
        "utf-8",
    )
    return Checker(CheckConfig(folder, "nexus", data_dir=DATA))


def _check(checker: Checker, tmp_path: Path, score: str, comment: str | None = None) -> list[Any]:
    expected = checker.expected["to-aktive"]
    root = render_tree(expected, checker.spec).getroot()
    (item,) = root.iter(f"{{{NS}}}AbilityToFunctionElement")
    item.find("m:Score", M).text = score
    if comment is not None:
        item.find("m:Comment", M).text = comment
    path = tmp_path / "to-aktive.xml"
    path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    return checker.check_file(path).findings


def test_checker_accepts_any_allowed_value_and_warns_flere_kilder(
    two_active: Checker, tmp_path: Path
) -> None:
    expected = two_active.expected["to-aktive"]
    assert scores(render_xml(expected, two_active.spec), "FA420") == ["svære"]  # one element

    for score, comment in (("svære", None), ("moderate", "Gammel vurdering")):
        (f,) = _check(two_active, tmp_path, score, comment)
        assert (f.rule, f.severity, f.field) == ("FV110", "warning", "FA420")
        assert f.message.startswith("FA420: Flere kilder")
        assert score in (f.actual or "")

    (f,) = _check(two_active, tmp_path, "lette")
    assert (f.rule, f.severity) == ("FV103", "error")
    assert f.expected == "svære | moderate"


def test_the_kept_value_follows_the_data(data_copy: Path, tmp_path: Path) -> None:
    # An analyst who learns that Nexus lets the draft win edits vendor_rules.yaml, not code.
    path = data_copy / "vendor_rules.yaml"
    path.write_text(
        path.read_text("utf-8").replace("collapse: [aktiv, kladde]", "collapse: [kladde, aktiv]"),
        "utf-8",
    )
    checker = Checker(CheckConfig(CITIZENS, "nexus", data_dir=data_copy))
    expected = checker.expected["demo-04"]
    assert scores(render_xml(expected, checker.spec), "FA420") == ["svære"]
    ws = Workspace.load(data_copy)
    assert Engine(ws).populate(load_citizen(demo_path("demo-04")), "nexus").field(
        "FA420"
    ).allowed == [0]


def test_a_citizen_without_conflicts_renders_as_before(ws: Workspace) -> None:
    c = validate(Citizen, {"id": "x", "conditions": [j35("aktiv", 1, "original")]})
    rep = Engine(ws).populate(c, "nexus")
    assert rep.field("FA420").allowed == [0]
    assert "collapse-status" not in rep.field("FA420").flags


def test_cli_preview_says_which_contribution_is_not_sent(cli: Any) -> None:
    code, out, _ = cli("preview", "demo-04", "-s", "nexus")
    assert code == 0
    kladde, aktiv = [line for line in out.splitlines() if "Forflytte sig (J3.5," in line]
    assert "svære" in kladde and "sendes ikke: en anden status står først" in kladde
    assert "moderate" in aktiv and "sendes ikke" not in aktiv
    assert "Rapporten har ét element" in out
