"""Export → import gives the same table, for every format that can be read back."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fsiii_mapper.interchange import export_tables, import_file
from fsiii_mapper.io.documents import load_table, new_table_document
from fsiii_mapper.model import MappingTable
from fsiii_mapper.model.common import replaced, to_data
from fsiii_mapper.workspace import Workspace

FIXTURE = Path(__file__).parent / "fixtures" / "interchange" / "rich_table.yaml"
NOW = dt.datetime(2026, 11, 21, 12, 30, 5, tzinfo=dt.UTC)
READABLE = ["csv", "xlsx", "conceptmap-r4", "conceptmap-r5"]
SUFFIX = {"csv": ".csv", "xlsx": ".xlsx", "conceptmap-r4": ".json", "conceptmap-r5": ".json"}


def rows_of(table: MappingTable) -> list[dict[str, object]]:
    return [to_data(r) for r in table.rows]


def roundtrip(table: MappingTable, ws: Workspace, fmt: str, folder: Path) -> MappingTable:
    out = folder / f"t{SUFFIX[fmt]}"
    export_tables([new_table_document(table)], ws, fmt, out, now=NOW)
    result = import_file(out, ws)  # format detected, as a user would run it
    assert result.format == fmt
    assert result.skipped == []
    return result.table


def test_the_fixture_has_every_hard_case() -> None:
    rows = load_table(FIXTURE).table.rows
    assert {r.relationship for r in rows} == {
        "equivalent",
        "source-broader",
        "source-narrower",
        "related",
        "no-map",
    }
    assert {r.review_status for r in rows} == {"draft", "in-review", "approved", "rejected"}
    assert sum(1 for r in rows if r.source == "Personlig_pleje" and r.maps) == 3
    comments = "".join(r.comment for r in rows)
    for needle in ("\n", "\t", '"', "æ", "ø", "å", "=SUM"):
        assert needle in comments


@pytest.mark.parametrize("fmt", READABLE)
def test_export_then_import_gives_the_same_rows(
    fmt: str, frozen_ws: Workspace, tmp_path: Path
) -> None:
    table = load_table(FIXTURE).table
    back = roundtrip(table, frozen_ws, fmt, tmp_path)
    assert rows_of(back) == rows_of(table)


@pytest.mark.parametrize("fmt", ["xlsx", "conceptmap-r4", "conceptmap-r5"])
def test_export_then_import_keeps_the_table_metadata(
    fmt: str, frozen_ws: Workspace, tmp_path: Path
) -> None:
    table = load_table(FIXTURE).table
    back = roundtrip(table, frozen_ws, fmt, tmp_path)
    assert back.table == table.table


def test_csv_round_trip_keeps_the_table_identity(frozen_ws: Workspace, tmp_path: Path) -> None:
    table = load_table(FIXTURE).table
    back = roundtrip(table, frozen_ws, "csv", tmp_path).table
    m = table.table
    assert (back.id, back.version, back.status, back.catalog) == (
        m.id,
        m.version,
        m.status,
        m.catalog,
    )


@pytest.mark.parametrize("table_id", ["original", "simplified"])
@pytest.mark.parametrize("fmt", READABLE)
def test_shipped_tables_survive_every_format(
    table_id: str, fmt: str, shipped_ws: Workspace, tmp_path: Path
) -> None:
    # On the shipped data on purpose: every table that ships survives every readable format.
    table = shipped_ws.open_table(table_id).table
    assert rows_of(roundtrip(table, shipped_ws, fmt, tmp_path)) == rows_of(table)


def test_imported_table_saves_as_yaml_and_loads_again(frozen_ws: Workspace, tmp_path: Path) -> None:
    table = load_table(FIXTURE).table
    back = roundtrip(table, frozen_ws, "xlsx", tmp_path)
    new_table_document(back).save(tmp_path / "t.yaml")
    assert rows_of(load_table(tmp_path / "t.yaml").table) == rows_of(table)


# Comments as people type them: any printable text, tabs, newlines, quotes, separators.
# (Carriage returns are left out: XLSX, being XML, normalises line ends.)
comment_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\r")
    | st.sampled_from(["\n", "\t", '"', "'", ",", ";", "=", "æ", "Ø", "å"]),
    max_size=60,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(comment=comment_text, fmt=st.sampled_from(READABLE))
def test_any_comment_survives_a_round_trip(comment: str, fmt: str, frozen_ws: Workspace) -> None:
    ws = frozen_ws
    table = load_table(FIXTURE).table
    table.rows[0] = replaced(table.rows[0], comment=comment)
    with tempfile.TemporaryDirectory() as folder:
        back = roundtrip(table, ws, fmt, Path(folder))
    assert back.rows[0].comment == comment
