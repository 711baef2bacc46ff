"""Editing without Qt: operations return what changed, undo as one step per action, stamps,
the "unsaved changes" state, and saves that keep the file's comments."""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fsiii_mapper.editing import Change, ChangeSet, EditableTable, select_rows
from fsiii_mapper.errors import InputError
from fsiii_mapper.io.documents import load_table
from fsiii_mapper.model import MappingRow
from fsiii_mapper.model.common import to_data
from fsiii_mapper.workspace import shipped_dir

DAY = dt.date(2030, 1, 2)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    p = tmp_path / "table_original.yaml"
    shutil.copy(shipped_dir() / "table_original.yaml", p)
    return p


@pytest.fixture
def table(path: Path) -> EditableTable:
    return EditableTable(load_table(path), author=lambda: "Analytiker", today=lambda: DAY)


class Recorder:
    """A ``TableObserver`` that notes what it hears and the row count at each moment."""

    def __init__(self, table: EditableTable) -> None:
        self.table = table
        self.events: list[tuple[str, str, int]] = []
        self.steps: list[ChangeSet] = []
        table.observers.append(self)

    def change_starting(self, change: Change) -> None:
        self.events.append(("before", change.kind, len(self.table.rows)))

    def change_done(self, change: Change) -> None:
        self.events.append(("after", change.kind, len(self.table.rows)))

    def step_done(self, changes: ChangeSet) -> None:
        self.steps.append(changes)


def _changed_lines(before: str, after: str) -> list[str]:
    return [
        ln
        for ln in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if ln[:1] in "+-" and not ln.startswith(("+++", "---"))
    ]


def test_a_bulk_edit_of_73_rows_is_one_undo_step_with_author_and_date_on_every_row(table):
    before = [copy.copy(r) for r in table.rows]
    assert len(before) == 73
    seen = Recorder(table)
    changes = table.bulk_set(range(73), "review_status", "in-review")
    assert changes.edited_rows == frozenset(range(73))
    assert changes.fields == {"review_status", "author", "date"}
    assert not changes.structural
    assert len(seen.steps) == 1 and len(table.history) == 1
    assert all(
        (r.review_status, r.author, r.date) == ("in-review", "Analytiker", DAY) for r in table.rows
    )
    undone = table.undo()
    assert undone.edited_rows == frozenset(range(73)) and len(seen.steps) == 2
    assert [to_data(r) for r in table.rows] == [to_data(r) for r in before]
    table.redo()
    assert all(r.review_status == "in-review" for r in table.rows)


def test_an_invalid_field_or_value_is_refused_before_anything_changes(table):
    text = table.doc.to_text()
    with pytest.raises(InputError, match="aproved"):
        table.bulk_set(range(5), "review_status", "aproved")
    with pytest.raises(InputError, match="reviewstatus"):
        table.bulk_set(range(5), "reviewstatus", "approved")
    with pytest.raises(InputError):
        table.edit_rows([0], {"author": "someone else"})  # stamped, never set by hand
    with pytest.raises(IndexError):
        table.bulk_set([0, 73], "review_status", "approved")
    assert table.doc.to_text() == text
    assert len(table.history) == 0 and not table.is_modified


def test_an_empty_target_clears_the_target(table):
    table.edit_rows([0], {"target": ""})
    assert table.rows[0].target is None
    assert table.rows[0].relationship  # untouched


def test_setting_a_value_a_row_already_has_makes_no_undo_step(table):
    row = table.rows[0]
    assert not table.set_fields(0, {"relationship": row.relationship})
    assert len(table.history) == 0
    assert table.set_fields(0, {"comment": "ny kommentar"}).edited_rows == {0}
    assert table.history.undo_text == "Ret række 1"


def test_duplicate_places_draft_copies_after_each_original_and_saves_them_as_new_entries(
    table, path
):
    original = path.read_text(encoding="utf-8")
    first, fourth = table.rows[0], table.rows[3]
    changes = table.duplicate_rows([3, 0])
    assert [c.rows for c in changes.changes] == [(1,), (5,)]
    assert changes.inserted == 2 and changes.structural
    assert table.rows[1].source == first.source and table.rows[5].source == fourth.source
    assert (table.rows[1].review_status, table.rows[1].author) == ("draft", "Analytiker")
    assert table.rows[0] is first  # the original keeps its place in the file
    table.save()
    saved = path.read_text(encoding="utf-8")
    added = [ln for ln in _changed_lines(original, saved) if ln.startswith("+")]
    assert any(f"source: {first.source}" in ln for ln in added)
    assert not [ln for ln in _changed_lines(original, saved) if ln.startswith("-")]


def test_undoing_a_delete_brings_back_the_rows_with_their_comments(table, path):
    original = path.read_text(encoding="utf-8")
    assert "  # " in original  # the shipped table comments its rows
    removed = table.delete_rows([0, 1, 5])
    assert removed.removed == 3 and len(table.rows) == 70
    table.undo()
    table.save()
    assert path.read_text(encoding="utf-8") == original


def test_the_observer_hears_before_and_after_each_change_with_the_row_count_of_that_moment(
    table,
):
    seen = Recorder(table)
    table.duplicate_rows([0, 3])  # two separate insertions
    table.delete_rows([1, 2, 3])  # one contiguous removal
    assert seen.events == [
        ("before", "insert", 73),
        ("after", "insert", 74),
        ("before", "insert", 74),
        ("after", "insert", 75),
        ("before", "remove", 75),
        ("after", "remove", 72),
    ]
    assert len(seen.steps) == 2


def test_a_macro_is_one_undo_step_and_a_failing_one_changes_nothing(table):
    text = table.doc.to_text()
    seen = Recorder(table)
    with table.macro("1→N"):
        table.duplicate_rows([0])
        table.edit_rows([1], {"target": "FA520", "relationship": "source-broader"})
    assert len(table.history) == 1 and table.history.undo_text == "1→N"
    assert len(seen.steps) == 1
    table.undo()
    assert table.doc.to_text() == text
    with pytest.raises(InputError), table.macro("broken"):
        table.delete_rows([0])
        table.edit_rows([0], {"relationship": "nonsense"})
    assert table.doc.to_text() == text
    assert table.history.can_redo and not table.history.can_undo  # nothing new recorded


def test_unsaved_changes_follow_undo_redo_and_save(table, path):
    assert not table.is_modified
    table.bulk_set([0], "comment", "a")
    assert table.is_modified
    table.undo()
    assert not table.is_modified
    table.redo()
    table.save()
    assert not table.is_modified
    table.undo()
    assert table.is_modified
    table.bulk_set([0], "comment", "b")  # the saved state can no longer be reached
    table.undo()
    assert table.is_modified


def test_replacing_the_document_drops_the_history(table, path):
    table.bulk_set([0], "comment", "a")
    seen = Recorder(table)
    changes = table.replace(load_table(path))
    assert [c.kind for c in changes.changes] == ["reset"]
    assert seen.events == [("before", "reset", 73), ("after", "reset", 73)]
    assert not table.history.can_undo and not table.is_modified


def test_rows_are_chosen_by_source_target_and_row_number(table):
    rows = table.rows
    by_source = select_rows(table.doc.table, source="J3.5")
    assert by_source and all(rows[i].source == "J3.5" for i in by_source)
    by_target = select_rows(table.doc.table, target="FA420")
    assert by_target and all(rows[i].target == "FA420" for i in by_target)
    both = select_rows(table.doc.table, source="J3.5", target="FA420")
    assert both == sorted(set(by_source) & set(by_target))
    assert select_rows(table.doc.table, numbers=[1, 3]) == [0, 2]
    assert select_rows(table.doc.table, source="J3.5", numbers=[1]) == []


OPS = st.lists(
    st.one_of(
        st.tuples(st.just("edit"), st.lists(st.integers(0, 200), min_size=1, max_size=4)),
        st.tuples(st.just("duplicate"), st.lists(st.integers(0, 200), min_size=1, max_size=3)),
        st.tuples(st.just("delete"), st.lists(st.integers(0, 200), min_size=1, max_size=3)),
        st.tuples(st.just("add"), st.lists(st.integers(0, 200), min_size=1, max_size=1)),
    ),
    max_size=6,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=OPS)
def test_undoing_every_step_restores_the_file_and_redoing_them_repeats_it(path, ops):
    table = EditableTable(load_table(path), author=lambda: "A", today=lambda: DAY)
    start = table.doc.to_text()
    for kind, numbers in ops:
        n = len(table.rows)
        rows = [x % n for x in numbers]
        if kind == "edit":
            table.edit_rows(rows, {"comment": f"c{rows[0]}"})
        elif kind == "duplicate":
            table.duplicate_rows(rows)
        elif kind == "delete" and n > len(set(rows)):
            table.delete_rows(rows)
        elif kind == "add":
            table.add_row(numbers[0] % (n + 1), "J1.1")
    end = table.doc.to_text()
    while table.history.can_undo:
        table.undo()
    assert table.doc.to_text() == start
    while table.history.can_redo:
        table.redo()
    assert table.doc.to_text() == end
    assert isinstance(table.rows[0], MappingRow)
