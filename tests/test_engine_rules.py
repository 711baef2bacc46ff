"""The engine's rules, one behaviour per test, on small invented citizens."""

from __future__ import annotations

from typing import Any

import pytest

from fsiii_mapper.engine.populate import Engine
from fsiii_mapper.engine.report import Reason
from fsiii_mapper.io.validation import validate
from fsiii_mapper.model import Citizen, MappingRow, RuleSettings, VendorRules
from fsiii_mapper.workspace import Workspace


def citizen(*conds: dict[str, Any], notes: list[dict[str, Any]] | None = None) -> Citizen:
    return validate(Citizen, {"id": "t", "conditions": list(conds), "area_notes": notes or []})


def scores(rep, code):  # type: ignore[no-untyped-def]
    return [v.score for v in rep.field(code).contributions]


@pytest.fixture
def engine(ws: Workspace) -> Engine:
    return Engine(ws)


def test_inaktiv_state_never_contributes_under_any_strategy(engine):
    c = citizen(
        {"code": "J1.1", "status": "inaktiv", "level": 2},
        {"code": "Problemer_med_smerter", "status": "inaktiv"},
    )
    for s in ("original", "simplified", "cura", "nexus"):
        rep = engine.populate(c, s)
        assert all(f.is_empty for f in rep.function_items + rep.problem_areas)
        assert {u.reason.code for u in rep.unused} == {"inaktiv"}


def test_kladde_is_ignored_except_for_new_states_under_nexus(engine):
    c = citizen(
        {"code": "J1.1", "status": "kladde", "level": 2},
        {"code": "J3.5", "status": "kladde", "level": 1},
    )
    for s in ("original", "simplified", "cura"):
        assert engine.populate(c, s).field("FA420").is_empty
    rep = engine.populate(c, "nexus")
    assert scores(rep, "FA420") == ["lette"]  # a retained kladde: the simplified side
    assert rep.field("FA510").is_empty  # J1.1 is old: only aktiv counts
    assert any(u.code == "J1.1" and u.reason == Reason("nexus.old-draft") for u in rep.unused)


def test_cura_retained_state_alone_keeps_the_old_table(engine):
    rep = engine.populate(citizen({"code": "J3.5", "status": "aktiv", "level": 1}), "cura")
    assert rep.tables_used == ["original"]


def test_cura_switches_on_an_active_state_that_exists_only_in_the_simplified_catalog(engine):
    c = citizen(
        {"code": "J1.1", "status": "aktiv", "level": 2},
        {"code": "Problemer_med_smerter", "status": "aktiv"},
    )
    rep = engine.populate(c, "cura")
    assert rep.tables_used == ["simplified"]
    assert rep.strategy_reason.code == "cura.simplified-state"
    assert rep.strategy_reason.params["code"] == "Problemer_med_smerter"
    assert rep.field("FA510").is_empty and rep.field("FA510").empty_reason.code == "no-row"


def test_cura_does_not_switch_on_draft_or_inactive_simplified_data(engine):
    c = citizen(
        {"code": "J1.1", "status": "aktiv", "level": 2},
        {"code": "Personlig_pleje", "status": "kladde", "level": 2},
        notes=[{"area": "I9", "status": "inaktiv", "text": "gammel note"}],
    )
    assert engine.populate(c, "cura").tables_used == ["original"]


def test_cura_switches_on_an_active_area_note(engine):
    c = citizen(
        {"code": "J1.1", "status": "aktiv", "level": 2},
        notes=[{"area": "I9", "status": "aktiv", "text": "x"}],
    )
    rep = engine.populate(c, "cura")
    assert rep.tables_used == ["simplified"]
    assert rep.strategy_reason == Reason("cura.area-note", {"area": "I9"})


def test_nexus_keeps_and_flags_duplicate_and_conflicting_levels(engine):
    c = citizen(
        {"code": "J3.5", "status": "aktiv", "level": 1},
        {"code": "J3.5", "status": "kladde", "level": 3},
    )
    f = engine.populate(c, "nexus").field("FA420")
    got = {(v.level, v.status, v.table) for v in f.contributions}
    assert got == {(1, "aktiv", "original"), (3, "kladde", "simplified")}
    assert {"duplicate", "conflict"} <= set(f.flags)


def test_nexus_flags_an_old_state_next_to_its_successor(engine):
    c = citizen(
        {"code": "I9.1", "status": "aktiv"}, {"code": "Problemer_med_smerter", "status": "kladde"}
    )
    f = engine.populate(c, "nexus").field("I9")
    assert len(f.contributions) == 2
    assert "same-need-twice" in f.flags


def test_uuid_and_legacy_key_give_the_same_report(engine, ws):
    st = ws.catalogs["original"].resolve("J1.1")
    by_key = engine.populate(citizen({"code": "J1.1", "status": "aktiv", "level": 3}), "original")
    by_uuid = engine.populate(
        citizen({"code": st.uuid.upper(), "status": "aktiv", "level": 3}), "original"
    )
    assert scores(by_key, "FA510") == scores(by_uuid, "FA510") == ["svære"]


def test_display_names_are_never_used_to_match(engine):
    rep = engine.populate(citizen({"code": "Vaske sig", "status": "aktiv", "level": 3}), "original")
    assert rep.field("FA510").is_empty
    assert rep.unused[0].reason.code == "unknown-code"


def test_same_display_old_and_new_code_are_told_apart(ws, engine):
    """The new 'Problemer med vandladning' has the same display as the retired I12.2."""
    old = ws.catalogs["original"].resolve("I12.2")
    new = ws.catalogs["simplified"].resolve("Problemer_med_vandladning")
    assert old.display == new.display and old.uuid != new.uuid
    rep = engine.populate(citizen({"code": "I12.2", "status": "aktiv"}), "simplified")
    assert rep.field("I12").is_empty
    assert rep.unused[0].reason == Reason("not-in-catalog", {"table": "simplified"})


def test_empty_reason_tells_no_row_from_no_data(engine):
    rep = engine.populate(citizen(), "simplified")
    assert rep.field("FA510").empty_reason == Reason(
        "no-row", {"tables": ("simplified",), "field": "FA510"}
    )
    no_data = rep.field("FA420").empty_reason
    assert no_data.code == "no-data" and "J3.5" in no_data.params["sources"]


def test_one_to_many_row_fills_three_items_from_personlig_pleje(ws):
    rows = ws.simplified.table.rows
    idx = next(i for i, r in enumerate(rows) if r.source == "Personlig_pleje")
    rows[idx : idx + 1] = [
        MappingRow(source="Personlig_pleje", target=t, relationship="source-broader")
        for t in ("FA510", "FA540", "FA530")
    ]
    rep = Engine(ws).populate(
        citizen({"code": "Personlig_pleje", "status": "aktiv", "level": 3}), "simplified"
    )
    for code in ("FA510", "FA540", "FA530"):
        assert scores(rep, code) == ["svære"]


def test_area_notes_are_sent_only_when_the_rule_says_so(ws):
    c = citizen(notes=[{"area": "I9", "status": "aktiv", "text": "Smerteskala dagligt"}])
    assert Engine(ws).populate(c, "simplified").field("I9").is_empty
    ws.vendor_rules = VendorRules(rules={"simplified": RuleSettings(area_notes="send")})
    f = Engine(ws).populate(c, "simplified").field("I9")
    assert [e.note for e in f.contributions] == ["Smerteskala dagligt"]


def test_missing_level_is_flagged(engine):
    f = engine.populate(citizen({"code": "J1.1", "status": "aktiv"}), "original").field("FA510")
    assert "missing-level" in f.flags


def test_note_of_a_function_state_travels_as_comment(engine):
    f = engine.populate(
        citizen({"code": "J1.1", "status": "aktiv", "level": 1, "note": "Bad tirsdag"}), "original"
    ).field("FA510")
    assert f.contributions[0].note == "Bad tirsdag"


def test_table_edit_shows_after_invalidate(ws):
    eng = Engine(ws)
    c = citizen({"code": "J1.1", "status": "aktiv", "level": 1})
    assert scores(eng.populate(c, "original"), "FA510") == ["lette"]
    row = next(r for r in ws.original.table.rows if r.source == "J1.1")
    row.relationship = "no-map"
    row.target = None
    eng.invalidate()
    assert eng.populate(c, "original").field("FA510").is_empty


def test_json_has_all_items_and_areas_with_the_documented_keys(engine):
    data = engine.populate(
        citizen({"code": "J1.1", "status": "aktiv", "level": 2}), "original"
    ).to_json()
    assert [f["code"] for f in data["function_items"]] == [
        "FA510",
        "FA540",
        "FA530",
        "FA420",
        "FA460",
        "FA550",
        "FA560",
    ]
    assert [a["code"] for a in data["problem_areas"]] == [f"I{i}" for i in range(1, 13)]
    value = data["function_items"][0]["values"][0]
    assert {"level", "score", "source", "table", "status"} <= set(value)
    assert data["problem_areas"][0]["entries"] == []
    assert data["problem_areas"][0]["empty_reason"] == "no-data"


def test_unknown_strategy_is_refused(engine):
    with pytest.raises(ValueError, match="unknown strategy"):
        engine.populate(citizen(), "sensum")
