"""FHIR ConceptMap R4 and R5: valid resources, and the direction of every relationship pinned."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from fsiii_mapper.interchange import export_tables, import_file
from fsiii_mapper.interchange.conceptmap import (
    FSIII_SYSTEM,
    GENERATED_COMMENT,
    REPORT_FIELD_SYSTEM,
)
from fsiii_mapper.io.documents import load_table, new_table_document
from fsiii_mapper.model import MappingRow, MappingTable
from fsiii_mapper.workspace import Workspace

fhir_r5 = pytest.importorskip("fhir.resources.conceptmap")  # fhir.resources 7+: R5 by default
fhir_r4 = pytest.importorskip("fhir.resources.R4B.conceptmap")  # R4B: ConceptMap as in R4

FIXTURE = Path(__file__).parent / "fixtures" / "interchange" / "rich_table.yaml"
NOW = dt.datetime(2026, 11, 21, 12, 0, tzinfo=dt.UTC)

# The value sets the specifications bind (required bindings); fhir.resources does not check codes.
R4_EQUIVALENCE_CODES = {
    "relatedto",
    "equivalent",
    "equal",
    "wider",
    "subsumes",
    "narrower",
    "specializes",
    "inexact",
    "unmatched",
    "disjoint",
}
R5_RELATIONSHIP_CODES = {
    "related-to",
    "equivalent",
    "source-is-narrower-than-target",
    "source-is-broader-than-target",
    "not-related-to",
}


def export(table: MappingTable, ws: Workspace, version: str, folder: Path) -> dict[str, Any]:
    out = folder / f"cm-{version}.json"
    export_tables([new_table_document(table)], ws, f"conceptmap-{version}", out, now=NOW)
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


@pytest.fixture
def rich() -> MappingTable:
    return load_table(FIXTURE).table


def targets(cm: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [
        (el["code"], t) for g in cm["group"] for el in g["element"] for t in el.get("target", [])
    ]


def test_r4_export_is_a_valid_r4_conceptmap_and_not_r5(
    frozen_ws: Workspace, rich: MappingTable, tmp_path: Path
) -> None:
    cm = export(rich, frozen_ws, "r4", tmp_path)
    fhir_r4.ConceptMap.model_validate(cm)
    with pytest.raises(ValidationError):
        fhir_r5.ConceptMap.model_validate(cm)


def test_r5_export_is_a_valid_r5_conceptmap_and_not_r4(
    frozen_ws: Workspace, rich: MappingTable, tmp_path: Path
) -> None:
    cm = export(rich, frozen_ws, "r5", tmp_path)
    fhir_r5.ConceptMap.model_validate(cm)
    with pytest.raises(ValidationError):
        fhir_r4.ConceptMap.model_validate(cm)


@pytest.mark.parametrize("table_id", ["original", "simplified"])
def test_shipped_tables_validate_in_both_versions(
    table_id: str, shipped_ws: Workspace, tmp_path: Path
) -> None:
    # On the shipped data on purpose: the tables that ship export as valid FHIR ConceptMaps.
    table = shipped_ws.open_table(table_id).table
    fhir_r4.ConceptMap.model_validate(export(table, shipped_ws, "r4", tmp_path))
    fhir_r5.ConceptMap.model_validate(export(table, shipped_ws, "r5", tmp_path))


# R4 equivalence is read target → source ("the target is narrower than the source");
# R5 relationship is read source → target. A state broader than the field it fills is therefore
# R4 "narrower" and R5 "source-is-broader-than-target".
DIRECTION = [
    ("equivalent", "equivalent", "equivalent"),
    ("source-broader", "narrower", "source-is-broader-than-target"),
    ("source-narrower", "wider", "source-is-narrower-than-target"),
    ("related", "relatedto", "related-to"),
]


def one_row_table(rich: MappingTable, row: MappingRow) -> MappingTable:
    rows = [r for r in rich.rows if r.source != row.source] + [row]
    return MappingTable(table=rich.table, rows=rows)


@pytest.mark.parametrize(("relationship", "r4", "r5"), DIRECTION)
def test_direction_of_each_relationship(
    relationship: str, r4: str, r5: str, frozen_ws: Workspace, rich: MappingTable, tmp_path: Path
) -> None:
    row = MappingRow(
        source="J3.5",
        target="FA420",
        relationship=relationship,  # type: ignore[arg-type]
        review_status="approved",
        comment="",
        author="A",
        date=dt.date(2026, 1, 2),
    )
    table = one_row_table(rich, row)
    got4 = [t for code, t in targets(export(table, frozen_ws, "r4", tmp_path)) if code == "J3.5"]
    got5 = [t for code, t in targets(export(table, frozen_ws, "r5", tmp_path)) if code == "J3.5"]
    assert [t["equivalence"] for t in got4] == [r4]
    assert [t["relationship"] for t in got5] == [r5]
    assert got4[0]["code"] == got5[0]["code"] == "FA420"
    # and back again
    for version in ("r4", "r5"):
        back = import_file(tmp_path / f"cm-{version}.json", frozen_ws).table
        assert [r.relationship for r in back.rows if r.source == "J3.5"] == [relationship]


def test_no_map_is_r4_unmatched_and_r5_nomap(
    frozen_ws: Workspace, rich: MappingTable, tmp_path: Path
) -> None:
    r4 = export(rich, frozen_ws, "r4", tmp_path)
    r5 = export(rich, frozen_ws, "r5", tmp_path)
    el4 = next(el for el in r4["group"][0]["element"] if el["code"] == "Sundhedskompetence")
    assert [(t.get("code"), t["equivalence"]) for t in el4["target"]] == [(None, "unmatched")]
    el5 = next(el for el in r5["group"][0]["element"] if el["code"] == "Sundhedskompetence")
    assert el5["noMap"] is True
    assert "target" not in el5


def test_every_code_is_from_the_bound_value_set(
    frozen_ws: Workspace, rich: MappingTable, tmp_path: Path
) -> None:
    for _, t in targets(export(rich, frozen_ws, "r4", tmp_path)):
        assert t["equivalence"] in R4_EQUIVALENCE_CODES
    for _, t in targets(export(rich, frozen_ws, "r5", tmp_path)):
        assert t["relationship"] in R5_RELATIONSHIP_CODES


def test_invariants_fhir_resources_does_not_check(
    frozen_ws: Workspace, rich: MappingTable, tmp_path: Path
) -> None:
    # R4 cmd-1: narrower/inexact need a comment. R5 cmd-1: source-is-broader-than-target and
    # not-related-to need a comment. R5 cmd-2 (element): noMap = true means no target.
    for _, t in targets(export(rich, frozen_ws, "r4", tmp_path)):
        if t["equivalence"] in ("narrower", "inexact"):
            assert t.get("comment")
    r5 = export(rich, frozen_ws, "r5", tmp_path)
    for _, t in targets(r5):
        if t["relationship"] in ("source-is-broader-than-target", "not-related-to"):
            assert t.get("comment")
    for el in r5["group"][0]["element"]:
        assert not (el.get("noMap") and el.get("target"))


def test_required_comment_is_generated_and_dropped_again(
    frozen_ws: Workspace, rich: MappingTable, tmp_path: Path
) -> None:
    # The fixture's Personlig_pleje → FA540 row is source-broader with an empty comment.
    for version in ("r4", "r5"):
        cm = export(rich, frozen_ws, version, tmp_path)
        t = next(t for code, t in targets(cm) if code == "Personlig_pleje" and t["code"] == "FA540")
        assert t["comment"] == GENERATED_COMMENT
        back = import_file(tmp_path / f"cm-{version}.json", frozen_ws).table
        row = next(r for r in back.rows if r.source == "Personlig_pleje" and r.target == "FA540")
        assert row.comment == ""


def test_one_to_many_rows_share_one_element(
    frozen_ws: Workspace, rich: MappingTable, tmp_path: Path
) -> None:
    for version in ("r4", "r5"):
        cm = export(rich, frozen_ws, version, tmp_path)
        els = [el for el in cm["group"][0]["element"] if el["code"] == "Personlig_pleje"]
        assert len(els) == 1
        assert [t["code"] for t in els[0]["target"]] == ["FA510", "FA540", "FA530"]


def test_review_status_author_date_in_standard_places(
    frozen_ws: Workspace, rich: MappingTable, tmp_path: Path
) -> None:
    r5 = export(rich, frozen_ws, "r5", tmp_path)
    assert {p["code"] for p in r5["property"]} == {"review-status", "author", "date"}
    t = next(t for code, t in targets(r5) if code == "Personlig_pleje" and t["code"] == "FA510")
    props = {p["code"]: p for p in t["property"]}
    assert props["review-status"]["valueCode"] == "in-review"
    assert props["author"]["valueString"] == "Åse Ødegård"
    assert props["date"]["valueDateTime"] == "2026-11-20"
    assert t["comment"].startswith('Niveauet for "Personlig pleje"')


def test_systems_versions_and_table_identity(
    frozen_ws: Workspace, rich: MappingTable, tmp_path: Path
) -> None:
    cat = frozen_ws.catalogs["simplified"]
    r4 = export(rich, frozen_ws, "r4", tmp_path)
    g4 = r4["group"][0]
    assert (g4["source"], g4["sourceVersion"]) == (FSIII_SYSTEM, cat.code_system_version)
    assert (g4["target"], g4["targetVersion"]) == (REPORT_FIELD_SYSTEM, frozen_ws.layout.id)
    r5 = export(rich, frozen_ws, "r5", tmp_path)
    g5 = r5["group"][0]
    assert g5["source"] == f"{FSIII_SYSTEM}|{cat.code_system_version}"
    assert g5["target"] == f"{REPORT_FIELD_SYSTEM}|{frozen_ws.layout.id}"
    for cm in (r4, r5):
        assert cm["version"] == rich.table.version
        assert cm["date"] == "2026-11-21T12:00:00Z"
        exts = {e["url"].rsplit("/", 1)[1]: e for e in cm["extension"]}
        assert exts["table-status"]["valueCode"] == "draft"
        assert exts["table-catalog"]["valueString"] == "simplified"
    assert r4["identifier"]["value"] == r5["identifier"][0]["value"] == rich.table.id


def foreign_r4(tmp_path: Path) -> Path:
    cm = {
        "resourceType": "ConceptMap",
        "status": "draft",
        "group": [
            {
                "source": FSIII_SYSTEM,
                "target": REPORT_FIELD_SYSTEM,
                "element": [
                    {"code": "J3.5", "target": [{"code": "FA420", "equivalence": "equal"}]},
                    {"code": "J1.1", "target": [{"code": "FA510", "equivalence": "disjoint"}]},
                    {"code": "J1.4", "target": [{"equivalence": "wider"}]},
                ],
            },
            {
                "source": "http://snomed.info/sct",
                "element": [{"code": "1", "target": [{"code": "x", "equivalence": "equal"}]}],
            },
        ],
    }
    path = tmp_path / "foreign.json"
    path.write_text(json.dumps(cm), encoding="utf-8")
    return path


def test_a_foreign_conceptmap_imports_what_it_can_and_says_what_not(
    frozen_ws: Workspace, tmp_path: Path
) -> None:
    result = import_file(foreign_r4(tmp_path), frozen_ws)
    assert result.format == "conceptmap-r4"
    assert [(r.source, r.target, r.relationship) for r in result.table.rows] == [
        ("J3.5", "FA420", "equivalent")
    ]
    where = [s.where for s in result.skipped]
    assert where == ["group[0].element[1].target[0]", "group[0].element[2].target[0]", "group[1]"]
    assert "disjoint" in result.skipped[0].message
