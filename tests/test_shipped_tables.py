"""The shipped tables are honest examples of a reading, and every one of them can be chosen.

On the shipped data on purpose (``mapping_tables``): these tests check what ships.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fsiii_mapper.engine.populate import Engine
from fsiii_mapper.engine.report import AreaEntry, FunctionValue
from fsiii_mapper.errors import InputError
from fsiii_mapper.model import Citizen, CitizenCondition
from fsiii_mapper.model.common import to_data
from fsiii_mapper.rules.table_rules import validate_table
from fsiii_mapper.workspace import Workspace, shipped_dir
from fsiii_mapper_cli.main import main

SHIPPED = ("original", "simplified", "simplified-b")


@pytest.mark.parametrize("tid", SHIPPED)
def test_a_shipped_table_claims_no_publication(shipped_ws: Workspace, tid: str) -> None:
    table = shipped_ws.open_table(tid).table
    meta = table.table
    assert (meta.status, meta.publisher, meta.valid_to) == (
        "draft",
        "fsiii-mapper (eksempel)",
        None,
    )
    assert meta.valid_from is None  # nobody knows when MedCom's tables apply
    text = (shipped_dir() / shipped_ws.table_path(tid).name).read_text(encoding="utf-8")
    assert "hidtidige mapningsguide" not in text and "Seks af syv funktionsfelter står" not in text
    assert "Ikke MedComs publikation" in meta.description
    for row in table.rows:
        assert row.evidence is not None, row.source
        if row.evidence != "verified":
            assert row.review_status == "in-review", row.source


@pytest.mark.parametrize("tid", SHIPPED)
def test_validate_is_clean_on_every_shipped_table(shipped_ws: Workspace, tid: str) -> None:
    assert validate_table(shipped_ws.open_table(tid), shipped_ws) == []


def test_validate_without_arguments_checks_all_three(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert all(f"table_{n}.yaml" in out for n in ("original", "simplified", "simplified_b"))


def _reading_b_citizen() -> Citizen:
    return Citizen(
        id="b",
        conditions=[
            CitizenCondition(code="Mobilitet_og_bevaegelse", status="aktiv", level=3),
            CitizenCondition(code="Personlig_pleje", status="aktiv", level=3, note="Hjælp til bad"),
        ],
    )


def test_reading_b_fills_fa460_and_lists_personlig_pleje_with_its_level_in_i1(
    shipped_ws: Workspace,
) -> None:
    ws_b = shipped_ws.with_table(shipped_ws.open_table("simplified-b"))
    assert shipped_ws.tables["simplified"].table.id == "simplified"  # the original is unchanged
    report = Engine(ws_b).populate(_reading_b_citizen(), "simplified")
    (fa460,) = report.field("FA460").contributions
    assert isinstance(fa460, FunctionValue) and (fa460.level, fa460.score) == (3, "svære")
    (i1,) = report.field("I1").contributions
    assert isinstance(i1, AreaEntry) and (i1.source, i1.level) == ("Personlig_pleje", 3)
    # Reading A leaves both empty.
    report_a = Engine(shipped_ws).populate(_reading_b_citizen(), "simplified")
    assert report_a.field("FA460").is_empty and report_a.field("I1").is_empty


def test_preview_under_new_simplified_b_shows_the_level_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    citizen = tmp_path / "b.yaml"
    citizen.write_text(json.dumps(to_data(_reading_b_citizen())), encoding="utf-8")
    assert main(["preview", str(citizen), "-s", "simplified", "--new", "simplified-b"]) == 0
    out = capsys.readouterr().out
    fa460 = next(line for line in out.splitlines() if "FA460" in line)
    assert "svære" in fa460 and "Mobilitet_og_bevaegelse" in fa460
    i1 = next(line for line in out.splitlines() if line.strip().startswith("I1 "))
    assert "Personlig pleje" in i1 and "svære begrænsninger (niveau 3) – Hjælp til bad" in i1


def test_a_table_of_the_other_catalog_is_refused_for_a_slot(
    shipped_ws: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(InputError):
        shipped_ws.with_table(shipped_ws.open_table("simplified-b"), "original")
    assert main(["preview", "demo-01", "-s", "original", "--old", "simplified-b"]) == 2
    assert "--new" in capsys.readouterr().err


def test_every_shipped_table_is_reachable_by_id(shipped_ws: Workspace) -> None:
    assert shipped_ws.table_ids() == list(SHIPPED)
    assert list(shipped_ws.tables) == ["original", "simplified"]  # the active pair
