"""What an edit implies, in the same undo step: an approved row goes back to review, a target on a
``no-map`` row makes it ``equivalent`` (clearing it makes it ``no-map``), an edited table is a
draft; and the version a save offers."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from frozen import DATA

from fsiii_mapper.editing import EditableTable
from fsiii_mapper.editing.implied import next_version
from fsiii_mapper.io.documents import load_table


@pytest.fixture
def table(tmp_path: Path) -> EditableTable:
    p = tmp_path / "table_simplified.yaml"
    shutil.copy(DATA / "table_simplified.yaml", p)
    t = EditableTable(load_table(p), author=lambda: "Analytiker", today=lambda: dt.date(2030, 1, 2))
    t.doc.table.table.status = "published"
    return t


def _row(table: EditableTable, **match: object) -> int:
    return next(
        i for i, r in enumerate(table.rows) if all(getattr(r, k) == v for k, v in match.items())
    )


def test_editing_an_approved_row_puts_it_back_in_review_in_the_same_undo_step(table):
    r = _row(table, relationship="equivalent")
    table.set_fields(r, {"review_status": "approved"})
    steps = table.history.index
    table.set_fields(r, {"comment": "ændret efter godkendelse"})
    assert table.rows[r].review_status == "in-review"
    assert table.history.index == steps + 1
    table.undo()
    assert table.rows[r].review_status == "approved"
    assert table.rows[r].comment != "ændret efter godkendelse"


def test_approving_is_not_undone_by_its_own_rule(table):
    r = _row(table, relationship="equivalent")
    table.edit_rows([r], {"review_status": "approved", "comment": "ok"})
    assert table.rows[r].review_status == "approved"


def test_a_target_on_a_no_map_row_makes_it_equivalent_in_one_step(table):
    r = _row(table, relationship="no-map")
    steps = table.history.index
    table.set_fields(r, {"target": "FA420"})
    assert (table.rows[r].target, table.rows[r].relationship) == ("FA420", "equivalent")
    assert table.history.index == steps + 1
    table.undo()
    assert (table.rows[r].target, table.rows[r].relationship) == (None, "no-map")


def test_clearing_the_target_makes_the_row_no_map(table):
    r = _row(table, relationship="equivalent")
    table.set_fields(r, {"target": ""})
    assert (table.rows[r].target, table.rows[r].relationship) == (None, "no-map")


def test_a_relationship_the_user_sets_wins_over_the_suggestion(table):
    r = _row(table, relationship="no-map")
    table.set_fields(r, {"target": "I1", "relationship": "related"})
    assert table.rows[r].relationship == "related"


def test_an_edited_table_becomes_a_draft_and_undo_restores_its_status(table):
    table.set_fields(0, {"comment": "x"})
    assert table.doc.table.table.status == "draft"
    table.undo()
    assert table.doc.table.table.status == "published"
    assert not table.is_modified


def test_set_meta_raises_the_version_as_one_undo_step(table):
    table.set_meta({"version": "1.0.1"}, "Version 1.0.1")
    assert table.doc.table.table.version == "1.0.1"
    assert table.doc.table.table.status == "published"  # a version is not an edit of the rows
    table.undo()
    assert table.doc.table.table.version != "1.0.1"


@pytest.mark.parametrize(
    ("old", "new"), [("1.0.0", "1.0.1"), ("2", "3"), ("1.9", "1.10"), ("1.0.0-rc", "1.0.0-rc.1")]
)
def test_next_version(old, new):
    assert next_version(old) == new
