"""The engine speaks codes: reasons with parameters, strategies as modules, one engine per
workspace whose caches an edit drops only for the slot it touched, "lost" defined once."""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

from fsiii_mapper.analysis.fill import structural_gaps
from fsiii_mapper.engine.lost import lost_by_the_tables, lost_in_report
from fsiii_mapper.engine.populate import STRATEGIES, Engine, engine_for
from fsiii_mapper.io.validation import validate
from fsiii_mapper.model import Citizen, RuleSettings, VendorRules
from fsiii_mapper.workspace import Workspace, open_citizen

ENGINE_DIR = Path(__file__).resolve().parents[1] / "fsiii_mapper" / "engine"


def citizen(*conds: dict[str, Any]) -> Citizen:
    return validate(Citizen, {"id": "t", "conditions": list(conds)})


def test_each_strategy_is_its_own_module_and_the_list_comes_from_there() -> None:
    assert STRATEGIES == ("original", "simplified", "cura", "nexus")
    for name in STRATEGIES:
        assert (ENGINE_DIR / "strategies" / f"{name}.py").is_file()
        module = importlib.import_module(f"fsiii_mapper.engine.strategies.{name}")
        assert name == module.NAME


def test_the_engine_writes_no_words(shipped_ws: Workspace) -> None:
    """No sentence in any language: every reason is a code with parameters."""
    for demo in ("demo-02", "demo-04", "demo-10"):
        for strategy in STRATEGIES:
            data = Engine(shipped_ws).populate(open_citizen(demo), strategy).to_json()
            text = json.dumps(data, ensure_ascii=False)
            assert "message" not in text
            assert "tabel" not in text and "table is" not in text
            assert data["strategy_reason"]
            for f in data["function_items"] + data["problem_areas"]:
                assert (f["empty_reason"] is None) == bool(f.get("values") or f.get("entries"))
                if f["empty_reason"] == "no-row":
                    assert f["empty_params"]["field"] == f["code"]


def test_an_area_note_is_a_fact_not_a_word(ws: Workspace) -> None:
    ws.vendor_rules = VendorRules(rules={"simplified": RuleSettings(area_notes="send")})
    c = validate(
        Citizen, {"id": "t", "area_notes": [{"area": "I9", "status": "aktiv", "text": "Smerter"}]}
    )
    entry = Engine(ws).populate(c, "simplified").field("I9").contributions[0]
    assert entry.is_area_note and entry.display == "" and entry.note == "Smerter"


def test_one_engine_per_workspace(shipped_ws: Workspace) -> None:
    assert engine_for(shipped_ws) is engine_for(shipped_ws)
    assert engine_for(Workspace.load()) is not engine_for(shipped_ws)


def test_invalidating_one_slot_keeps_the_other_tables_index(ws: Workspace) -> None:
    engine = Engine(ws)
    c = citizen({"code": "J3.5", "status": "aktiv", "level": 1})
    engine.populate(c, "nexus")
    old_index = engine.sources("original")
    row = next(r for r in ws.simplified.table.rows if r.source == "Personlig_pleje")
    row.target, row.relationship = "FA510", "source-broader"
    engine.invalidate("simplified")
    assert engine.sources("original") is old_index
    assert "Personlig_pleje" in engine.sources("simplified")["FA510"]


def test_an_empty_reason_over_two_tables_follows_an_edit_of_either(ws: Workspace) -> None:
    """Nexus reads both tables: editing the old one must refresh the reason for a field."""
    engine = Engine(ws)
    nobody = citizen()
    assert engine.populate(nobody, "nexus").field("FA510").empty_reason.code == "no-data"
    for r in ws.original.table.rows:
        if r.target == "FA510":
            r.target, r.relationship = None, "no-map"
    engine.invalidate("original")
    reason = engine.populate(nobody, "nexus").field("FA510").empty_reason
    assert reason.code == "no-row" and reason.params["tables"] == ("simplified", "original")


def test_lost_after_the_simplification_per_citizen(shipped_ws: Workspace) -> None:
    engine = Engine(shipped_ws)
    demo = open_citizen("demo-03")
    old = engine.populate(demo, "original")
    assert lost_in_report(old, old) == frozenset()
    lost = lost_in_report(engine.populate(demo, "simplified"), old)
    assert lost == {"FA510", "FA550"}  # FA420 and I7 are filled under both tables


def test_structural_gaps_use_the_same_definition_of_lost(shipped_ws: Workspace) -> None:
    lost = lost_by_the_tables(Engine(shipped_ws))
    assert lost == {g.code for g in structural_gaps(shipped_ws) if g.lost}
    assert {"FA510", "FA540", "FA530", "FA460", "FA550", "FA560"} <= lost
    assert "FA420" not in lost
