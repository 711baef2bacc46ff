"""Area notes (områdedokumentation) per vendor rule (DOMAIN.md §5): ``vendor_rules.yaml`` says
``send`` or ``omit`` (default omit, assumed); notes go only into the simplified pass, never twice;
a note for an area without a report field, or an unknown area, is listed as not in the report and
never decides Cura's switch; an unknown area is finding FC001 on the citizen file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from fsiii_mapper.engine.populate import STRATEGIES, Engine
from fsiii_mapper.engine.report import Reason, Report
from fsiii_mapper.io.validation import validate
from fsiii_mapper.model import Citizen, RuleSettings, VendorRules
from fsiii_mapper.rules.citizen_rules import validate_citizen_path
from fsiii_mapper.texts.reasons import unused_reason
from fsiii_mapper.workspace import Workspace, demo_citizen_paths


def note(area: str, status: str = "aktiv", text: str = "Smerteskala dagligt") -> dict[str, Any]:
    return {"area": area, "status": status, "text": text}


def person(*notes: dict[str, Any], conds: tuple[dict[str, Any], ...] = ()) -> Citizen:
    return validate(Citizen, {"id": "t", "conditions": list(conds), "area_notes": list(notes)})


def sending(ws: Workspace, *strategies: str) -> Engine:
    ws.vendor_rules = VendorRules(rules={s: RuleSettings(area_notes="send") for s in strategies})
    return Engine(ws)


def notes_in(rep: Report, area: str) -> list[str]:
    return [e.note for e in rep.field(area).contributions if e.is_area_note]


def unused_note(rep: Report, area: str) -> list[Reason]:
    return [u.reason for u in rep.unused if u.code == area]


def test_the_shipped_rules_omit_area_notes_and_say_it_is_assumed(shipped_ws):
    # purpose: the shipped settings file
    for strategy in ("simplified", "cura", "nexus"):
        settings = shipped_ws.vendor_rules.settings(strategy)
        assert (settings.area_notes, settings.area_notes_evidence) == ("omit", "assumed")


def test_a_rule_the_file_does_not_name_omits_area_notes(ws):
    ws.vendor_rules = VendorRules()
    rep = Engine(ws).populate(person(note("I9")), "cura")
    assert notes_in(rep, "I9") == []
    assert unused_note(rep, "I9") == [Reason("area-notes-off", {"rule": "cura"})]
    assert unused_reason(unused_note(rep, "I9")[0], "da").startswith("Cura-regel: sender ikke")


@pytest.mark.parametrize("strategy", ["simplified", "cura", "nexus"])
def test_a_sending_rule_puts_the_note_in_its_area_once(ws, strategy):
    c = person(
        note("I9"),
        conds=(
            {"code": "I9.1", "status": "aktiv", "documented_in": "original"},
            {"code": "Problemer_med_smerter", "status": "kladde", "documented_in": "simplified"},
        ),
    )
    rep = sending(ws, strategy).populate(c, strategy)
    assert notes_in(rep, "I9") == ["Smerteskala dagligt"]
    assert rep.field("I9").contributions[-1].table == "simplified"


def test_the_setting_belongs_to_the_rule_not_the_table(ws):
    engine = sending(ws, "nexus")
    assert notes_in(engine.populate(person(note("I9")), "nexus"), "I9") == ["Smerteskala dagligt"]
    assert notes_in(engine.populate(person(note("I9")), "cura"), "I9") == []


def test_the_old_table_never_sends_area_notes(ws):
    rep = sending(ws, *STRATEGIES).populate(person(note("I9")), "original")
    assert notes_in(rep, "I9") == []
    assert unused_note(rep, "I9") == [Reason("area-notes-old-table")]


@pytest.mark.parametrize(
    ("area", "code"), [("J1", "area-no-field"), ("X9", "unknown-area")], ids=["J1", "unknown"]
)
def test_a_note_outside_the_report_is_listed_and_never_switches_cura(ws, area, code):
    c = person(note(area), conds=({"code": "J1.1", "status": "aktiv", "level": 2},))
    for strategy in STRATEGIES:
        rep = sending(ws, *STRATEGIES).populate(c, strategy)
        assert unused_note(rep, area) == [Reason(code, {"area": area})]
        assert all(not notes_in(rep, f.code) for f in rep.problem_areas)
    assert Engine(ws).populate(c, "cura").strategy_reason.code == "cura.old-only"


def test_an_unknown_area_is_a_finding_on_the_citizen_file(ws, tmp_path: Path):
    path = tmp_path / "c.yaml"
    path.write_text(
        "id: c\nconditions: []\narea_notes:\n  - area: I9\n    status: aktiv\n    text: ok\n"
        "  - area: I99\n    status: aktiv\n    text: stavefejl\n",
        encoding="utf-8",
    )
    findings = validate_citizen_path(path, ws, "da")
    assert [(f.rule, f.severity, f.line) for f in findings] == [("FC001", "error", 7)]
    assert "I99" in findings[0].message and findings[0].hint


def test_citizen_validate_cli(cli, tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "id: b\narea_notes:\n  - area: J9\n    status: aktiv\n    text: x\n", encoding="utf-8"
    )
    rc, out, err = cli("citizen", "validate", str(bad))
    assert rc == 1 and "FC001" in out and f"{bad}:3" in out and not err
    rc, out, _ = cli("citizen", "validate", *map(str, demo_citizen_paths()))
    assert rc == 0
