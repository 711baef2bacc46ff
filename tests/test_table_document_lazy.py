"""A table read from a file builds its round-trip YAML tree only when something needs it.

Reading commands (preview, gaps, check-vendor) then never pay for the tree; everything that does
need it — positions, re-saving, edits — must behave exactly as if the tree had been built at load,
which ``table_from_text`` (always round-trip) gives to compare with.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from frozen import DATA, demo_path

from fsiii_mapper.engine.populate import STRATEGIES, Engine
from fsiii_mapper.io.documents import TableDocument, load_table, table_from_text
from fsiii_mapper.model.common import replaced, to_data
from fsiii_mapper.model.table import ROW_FIELDS
from fsiii_mapper.workspace import Workspace, open_citizen

ROOT = Path(__file__).resolve().parent.parent
TABLES = sorted(
    [
        *(ROOT / "mapping_tables").glob("table_*.yaml"),
        *(ROOT / "tests" / "data").glob("table_*.yaml"),
        ROOT / "tests" / "fixtures" / "interchange" / "rich_table.yaml",
    ]
)


def _pair(path: Path) -> tuple[TableDocument, TableDocument]:
    return load_table(path), table_from_text(path.read_text(encoding="utf-8"), str(path))


@pytest.mark.parametrize("path", TABLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_lazy_table_equals_the_round_trip_one(path: Path) -> None:
    lazy, eager = _pair(path)
    assert lazy._tree is None
    assert to_data(lazy.table) == to_data(eager.table)
    n = len(eager.table.rows)
    for i in range(n):
        for key in (None, *ROW_FIELDS):
            assert lazy.row_position(i, key) == eager.row_position(i, key), (i, key)
    assert lazy.key_position("table", "catalog") == eager.key_position("table", "catalog")
    assert lazy.to_text() == eager.to_text() == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", TABLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_edits_before_the_tree_is_built_save_as_with_a_built_tree(path: Path) -> None:
    """Edit, copy, delete and move rows before anything needs the tree: same file text."""
    docs = _pair(path)
    for doc in docs:
        rows = doc.table.rows
        rows[0] = replaced(rows[0], comment="rettet")
        rows.append(doc.copy_row(1, comment="kopi"))
        moved = rows.pop(2)
        rows.insert(len(rows) - 1, moved)
        del rows[3]
    lazy, eager = docs
    assert lazy._tree is None
    assert lazy.to_text() == eager.to_text()


def test_a_row_taken_from_another_table_gets_its_own_entry() -> None:
    a, b = load_table(TABLES[0]), load_table(TABLES[0])
    b.table.rows.append(a.table.rows[0])
    text = b.to_text()
    assert text.count(f"source: {a.table.rows[0].source}") == 2


def test_saving_a_lazy_table_unchanged_gives_the_same_bytes(tmp_path: Path) -> None:
    target = tmp_path / "t.yaml"
    target.write_bytes(TABLES[0].read_bytes())
    load_table(target).save()
    assert target.read_bytes() == TABLES[0].read_bytes()


def test_a_preview_builds_no_yaml_tree() -> None:
    ws = Workspace.load(DATA)
    engine = Engine(ws)
    for strategy in STRATEGIES:
        engine.populate(open_citizen(str(demo_path("demo-03"))), strategy)
    assert all(doc._tree is None for doc in ws.tables.values())


def test_an_invalid_table_still_names_the_line(tmp_path: Path) -> None:
    from fsiii_mapper.errors import InputError

    bad = tmp_path / "t.yaml"
    text = TABLES[0].read_text(encoding="utf-8")
    bad.write_text(text.replace("relationship: equivalent", "relationship: nonsense", 1))
    with pytest.raises(InputError) as exc:
        load_table(bad)
    assert exc.value.line is not None and exc.value.line > 1
