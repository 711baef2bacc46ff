"""Tables users can trust: byte-stable round trips, comments kept, atomic saves, clear errors."""

from __future__ import annotations

import copy
import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from frozen import DATA
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fsiii_mapper.errors import InputError
from fsiii_mapper.io import atomic, yamltree
from fsiii_mapper.io.documents import load_table, new_table_document, table_from_text
from fsiii_mapper.model import MappingRow, MappingTable, TableMeta
from fsiii_mapper.model.table import RELATIONSHIPS, REVIEW_STATUSES
from fsiii_mapper.workspace import shipped_dir


@pytest.fixture
def table_copy(tmp_path: Path) -> Path:
    p = tmp_path / "table.yaml"
    shutil.copy(DATA / "table_original.yaml", p)
    return p


@pytest.mark.parametrize("name", ["table_original.yaml", "table_simplified.yaml"])
def test_saving_an_unchanged_table_writes_identical_bytes(tmp_path, name):
    # On the shipped data on purpose: the tables that ship are in the form a save writes, so an
    # analyst's first save changes no byte they did not edit.
    src = shipped_dir() / name
    doc = load_table(src)
    assert doc.to_text() == doc.text
    out = tmp_path / name
    doc.save(out)
    assert out.read_bytes() == src.read_bytes()


def test_hand_written_table_with_own_comments_and_quotes_survives_a_save(tmp_path):
    text = (
        "# Analystens kommentar øverst\n"
        "table:\n"
        "  id: mine\n"
        "  title: 'Min tabel'   # citeret\n"
        '  version: "2.0"\n'
        "  status: draft\n"
        "  catalog: original\n"
        "  report_layout: xdis16-1.0.3\n"
        "  publisher: Ingen\n"
        "rows:\n"
        "  # første række\n"
        "  - source: J1.1\n"
        "    target: FA510\n"
        "    relationship: equivalent\n"
        "  - source: J1.2   # kropspleje\n"
        "    relationship: no-map\n"
    )
    p = tmp_path / "mine.yaml"
    p.write_text(text, encoding="utf-8")
    load_table(p).save()
    assert p.read_text(encoding="utf-8") == text


def test_an_edit_changes_only_its_line_and_keeps_comments(table_copy):
    before = table_copy.read_text(encoding="utf-8").splitlines()
    doc = load_table(table_copy)
    row = next(r for r in doc.table.rows if r.source == "J1.3")
    row.comment = 'Ændret af analytiker: "citat"\tmed tab'
    doc.save()
    after = table_copy.read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert len(before) == len(after) and len(changed) == 1
    assert "Ændret af analytiker" in changed[0][1]
    assert load_table(table_copy).table.rows[doc.table.rows.index(row)].comment == row.comment
    assert after[0].startswith("# Mapping table")
    assert any(line.endswith("# Af- og påklædning") for line in after)


def test_added_and_deleted_rows_keep_the_other_rows_comments(table_copy):
    doc = load_table(table_copy)
    del doc.table.rows[0]
    doc.table.rows.append(
        MappingRow(
            source="J1.1",
            target="FA540",
            relationship="source-broader",
            author="a",
            date=dt.date(2026, 1, 2),
        )
    )
    doc.save()
    text = table_copy.read_text(encoding="utf-8")
    reloaded = load_table(table_copy)
    assert [(r.source, r.target) for r in reloaded.table.rows][-1] == ("J1.1", "FA540")
    assert len(reloaded.table.rows) == len(doc.table.rows)
    assert "  - source: J1.2  # Kropspleje" in text


def test_malformed_yaml_reports_line_and_column_and_leaves_the_file(tmp_path):
    p = tmp_path / "bad.yaml"
    text = "table:\n  id: x\nrows:\n  - source: J1.1\n    target: [FA510\n"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_table(p)
    assert exc.value.path == str(p) and exc.value.line is not None
    assert str(p) in str(exc.value) and f":{exc.value.line}:" in str(exc.value)
    assert p.read_text(encoding="utf-8") == text


def test_invalid_utf8_is_reported_with_its_line(tmp_path):
    p = tmp_path / "latin1.yaml"
    p.write_bytes("table:\n  title: Gå\n".encode("latin-1"))
    with pytest.raises(InputError, match="UTF-8") as exc:
        load_table(p)
    assert exc.value.line == 2


def test_failed_serialisation_leaves_the_old_file_untouched(table_copy, monkeypatch):
    original = table_copy.read_bytes()
    doc = load_table(table_copy)
    doc.table.rows[0].comment = "ny"

    def boom(*args):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk full while serialising")

    monkeypatch.setattr(yamltree, "dump_yaml", boom)
    with pytest.raises(RuntimeError):
        doc.save()
    assert table_copy.read_bytes() == original


def test_failed_write_leaves_old_file_and_no_temp_file(table_copy, monkeypatch):
    original = table_copy.read_bytes()

    def fail_replace(src, dst):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail_replace)
    with pytest.raises(OSError):
        atomic.atomic_write_text(table_copy, "half")
    assert table_copy.read_bytes() == original
    assert sorted(p.name for p in table_copy.parent.iterdir()) == [table_copy.name]


def test_atomic_write_keeps_file_permissions(tmp_path):
    p = tmp_path / "x.yaml"
    p.write_text("a: 1\n")
    p.chmod(0o640)
    atomic.atomic_write_text(p, "a: 2\n")
    assert p.read_text() == "a: 2\n" and (p.stat().st_mode & 0o777) == 0o640


# --- property-based: load → save → load is identity ------------------------------------------

text_st = st.text(
    alphabet=st.characters(
        codec="utf-8",
        categories=("L", "N", "P", "S", "Zs"),
        include_characters="æøåÆØÅ\t\n\"'#:-{}[]&*!|>%@`",
        exclude_characters="\x85\u2028\u2029",
    ),
    max_size=40,
)
code_st = st.sampled_from(
    ["J1.1", "J1.2", "J3.5", "I9.1", "I4.4", "4d46bd94-9518-431c-82e8-ebb91bca307a"]
)
row_st = st.builds(
    MappingRow,
    source=code_st,
    target=st.one_of(st.none(), st.sampled_from(["FA510", "FA420", "I9", "I4"])),
    relationship=st.sampled_from(RELATIONSHIPS),
    review_status=st.sampled_from(REVIEW_STATUSES),
    comment=text_st,
    author=text_st,
    date=st.one_of(
        st.none(), st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1))
    ),
)
meta_st = st.builds(
    TableMeta,
    id=st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True),
    title=text_st,
    version=st.sampled_from(["1.0.0", "2", "0.1-rc1", "10"]),
    status=st.sampled_from(["draft", "in-review", "published", "retired"]),
    catalog=st.sampled_from(["original", "simplified"]),
    report_layout=st.just("xdis16-1.0.3"),
    valid_from=st.one_of(st.none(), st.dates()),
    publisher=text_st,
    description=text_st,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meta=meta_st, rows=st.lists(row_st, max_size=6))
def test_round_trip_is_identity(meta, rows):
    table = MappingTable(table=meta, rows=rows)
    text = new_table_document(table).to_text()
    loaded = table_from_text(text)
    assert loaded.table == table
    assert loaded.to_text() == text
    again = table_from_text(loaded.to_text())
    assert again.table == table


def test_new_file_gets_the_ordinary_mode_not_0600(tmp_path):
    """Regression: mkstemp's 0600 leaked into newly exported/saved files."""
    p = tmp_path / "new.yaml"
    mask = os.umask(0o022)
    try:
        atomic.atomic_write_text(p, "a: 1\n")
    finally:
        os.umask(mask)
    assert p.stat().st_mode & 0o777 == 0o644


def test_a_new_table_saved_then_validated_has_file_positions(tmp_path, frozen_ws):
    """Regression: validate_table crashed (lc.key of an in-memory tree) on a freshly saved new
    table; after saving, findings must point at lines of the written file."""
    from fsiii_mapper.rules.table_rules import validate_table

    table = copy.deepcopy(frozen_ws.original.table)
    del table.rows[0]
    doc = new_table_document(table)
    assert {f.rule for f in validate_table(doc, frozen_ws)} == {"FM005"}  # no crash unsaved
    doc.save(tmp_path / "new.yaml")
    (finding,) = validate_table(doc, frozen_ws)
    lines = (tmp_path / "new.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[finding.line - 1].startswith("rows:")
    next(r for r in doc.table.rows if r.source == "J1.3").target = "FA999"
    bad = next(f for f in validate_table(doc, frozen_ws) if f.rule == "FM003")
    assert lines[bad.line - 1].strip().startswith("target:")
