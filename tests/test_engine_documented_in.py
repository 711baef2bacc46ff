"""Where a state was documented (``documented_in``, DOMAIN.md §5): the plain tables ignore it, the
vendor rules route by it, and without it they use their fallback and say it was assumed."""

from __future__ import annotations

from typing import Any

import pytest

from fsiii_mapper.engine.populate import Engine
from fsiii_mapper.engine.report import Reason, Report
from fsiii_mapper.io.validation import validate
from fsiii_mapper.model import Citizen
from fsiii_mapper.texts.reasons import strategy_reason, unused_reason
from fsiii_mapper.workspace import Workspace, open_citizen


def citizen(*conds: dict[str, Any]) -> Citizen:
    return validate(Citizen, {"id": "t", "conditions": list(conds)})


def j35(status: str, level: int, where: str | None = None) -> dict[str, Any]:
    return {"code": "J3.5", "status": status, "level": level, "documented_in": where}


def fa420(rep: Report) -> list[tuple[int | None, str, str]]:
    return [(v.level, v.status, v.table) for v in rep.field("FA420").contributions]


def reasons_of(rep: Report, code: str) -> list[Reason]:
    return [u.reason for u in rep.unused if u.code == code]


@pytest.fixture
def engine(ws: Workspace) -> Engine:
    return Engine(ws)


@pytest.mark.parametrize("where", ["original", "simplified", None])
def test_plain_tables_answer_what_the_table_would_do_wherever_documented(engine, where):
    c = citizen(j35("aktiv", 2, where), {"code": "I4.4", "status": "aktiv", "documented_in": where})
    for strategy in ("original", "simplified"):
        rep = engine.populate(c, strategy)
        assert fa420(rep) == [(2, "aktiv", strategy)]
        assert [e.source for e in rep.field("I4").contributions] == ["I4.4"]
        assert rep.strategy_reason == Reason(strategy)  # nothing assumed


def test_cura_switches_on_a_retained_state_documented_in_the_simplified_states(engine):
    rep = engine.populate(citizen(j35("aktiv", 1, "simplified")), "cura")
    assert rep.tables_used == ["simplified"]
    assert rep.strategy_reason == Reason(
        "cura.simplified-state", {"code": "J3.5", "display": "Forflytte sig"}
    )
    assert fa420(rep) == [(1, "aktiv", "simplified")]


def test_cura_simplified_branch_leaves_out_old_documentation_even_with_a_retained_code(engine):
    c = citizen(
        j35("aktiv", 3, "original"),
        {"code": "Problemer_med_smerter", "status": "aktiv", "documented_in": "simplified"},
    )
    rep = engine.populate(c, "cura")
    assert rep.tables_used == ["simplified"]
    assert fa420(rep) == []
    assert reasons_of(rep, "J3.5") == [Reason("documented-in", {"side": "original"})]
    assert "assumed" not in rep.strategy_reason.params


def test_cura_a_retained_draft_documented_in_the_simplified_states_does_not_switch(engine):
    rep = engine.populate(citizen(j35("kladde", 1, "simplified")), "cura")
    assert rep.tables_used == ["original"]


def test_cura_fallback_a_retained_code_alone_keeps_the_old_table_and_says_it_was_assumed(engine):
    rep = engine.populate(citizen(j35("aktiv", 1)), "cura")
    assert rep.tables_used == ["original"]
    assert rep.strategy_reason == Reason(
        "cura.old-only", {"assumed": ("J3.5",), "assumed_display": ("Forflytte sig",)}
    )
    text = strategy_reason(rep.strategy_reason, "da")
    assert "Antaget" in text and "Forflytte sig (J3.5)" in text


def test_cura_fallback_once_switched_a_retained_code_goes_through_the_simplified_table(engine):
    c = citizen(j35("aktiv", 1), {"code": "Problemer_med_smerter", "status": "aktiv"})
    rep = engine.populate(c, "cura")
    assert rep.tables_used == ["simplified"]
    assert fa420(rep) == [(1, "aktiv", "simplified")]
    assert rep.strategy_reason.params["assumed"] == ("J3.5",)


@pytest.mark.parametrize(
    "conds",
    [(), ({"code": "Personlig_pleje", "status": "kladde", "level": 2},)],
    ids=["nothing", "only-drafts"],
)
def test_cura_has_a_reason_of_its_own_for_no_usable_data(engine, conds):
    rep = engine.populate(citizen(*conds), "cura")
    assert rep.strategy_reason == Reason("cura.no-data")
    assert "gamle tilstande" not in strategy_reason(rep.strategy_reason, "da")


def test_nexus_never_sends_an_old_documentation_draft_even_with_a_retained_code(engine):
    rep = engine.populate(citizen(j35("kladde", 3, "original")), "nexus")
    assert fa420(rep) == []
    assert reasons_of(rep, "J3.5") == [Reason("nexus.old-draft")]
    assert "kladde" in unused_reason(Reason("nexus.old-draft"), "da")


def test_nexus_routes_by_documented_in(engine):
    c = citizen(
        j35("aktiv", 1, "original"), j35("aktiv", 2, "simplified"), j35("kladde", 3, "simplified")
    )
    rep = engine.populate(c, "nexus")
    assert sorted(fa420(rep)) == [
        (1, "aktiv", "original"),
        (2, "aktiv", "simplified"),
        (3, "kladde", "simplified"),
    ]
    assert rep.strategy_reason == Reason("nexus")  # nothing assumed


def test_nexus_fallback_draft_to_simplified_active_to_old_and_says_it_was_assumed(engine):
    rep = engine.populate(citizen(j35("aktiv", 1), j35("kladde", 3)), "nexus")
    assert sorted(fa420(rep)) == [(1, "aktiv", "original"), (3, "kladde", "simplified")]
    assert rep.strategy_reason.params["assumed"] == ("J3.5",)
    assert "Forflytte sig (J3.5)" in strategy_reason(rep.strategy_reason, "en")


def test_a_code_in_one_catalog_only_is_never_called_assumed(engine):
    c = citizen(
        {"code": "J1.1", "status": "aktiv", "level": 2},
        {"code": "Personlig_pleje", "status": "kladde", "level": 2},
    )
    for strategy in ("cura", "nexus"):
        assert "assumed" not in engine.populate(c, strategy).strategy_reason.params


# --- the shipped demo citizens use documented_in (their purpose: the shipped content) ----------


def test_shipped_demo_03_cura_maps_only_the_simplified_documentation(shipped_ws):
    rep = Engine(shipped_ws).populate(open_citizen("demo-03"), "cura")
    assert rep.tables_used == ["simplified"]
    assert rep.field("FA420").is_empty  # J3.5 was documented in the old states
    assert [e.source for e in rep.field("I7").contributions] == ["I7.1"]
    assert {u.code for u in rep.unused if u.reason.code == "documented-in"} == {
        "J1.1",
        "J1.6",
        "J3.5",
    }


def test_shipped_demo_04_nexus_leaves_the_old_draft_out(shipped_ws):
    rep = Engine(shipped_ws).populate(open_citizen("demo-04"), "nexus")
    assert reasons_of(rep, "J1.3") == [Reason("nexus.old-draft")]
    assert rep.field("FA540").is_empty
    assert "assumed" not in rep.strategy_reason.params
