"""The read path without the validation machinery: the model classes are plain dataclasses, a
command served from the model cache imports neither pydantic nor ruamel.yaml, and whatever is
validated (a file, an import, an edit) is still validated as before the change."""

from __future__ import annotations

import copy
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from fsiii_mapper.editing import EditableTable
from fsiii_mapper.errors import InputError
from fsiii_mapper.io import model_cache
from fsiii_mapper.io.documents import (
    load_catalog,
    load_crosswalk,
    load_layout,
    load_other_groups,
    load_table,
    load_vendor_rules,
)
from fsiii_mapper.io.validation import Invalid, checked, validate
from fsiii_mapper.model import Catalog, Citizen, CitizenCondition, Crosswalk, MappingRow
from fsiii_mapper.model.common import replaced, to_data
from fsiii_mapper.workspace import shipped_dir

DATA = Path(__file__).parent / "data"
HEAVY = "[m for m in sys.modules if m.startswith(('pydantic', 'ruamel'))]"

LOADERS = {
    "catalog_original.yaml": load_catalog,
    "catalog_simplified.yaml": load_catalog,
    "fsiii_other_groups.yaml": load_other_groups,
    "report_layout.yaml": load_layout,
    "crosswalk.yaml": load_crosswalk,
    "vendor_rules.yaml": load_vendor_rules,
}


def _run(code: str, cache: Path) -> str:
    env = {**os.environ, model_cache.ENV: str(cache)}
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return proc.stdout.splitlines()[-1]


def test_the_model_package_imports_no_validation_library() -> None:
    code = f"import sys\nimport fsiii_mapper.model\nprint({HEAVY})"
    assert _run(code, Path("off")) == "[]"


def test_a_cache_hit_imports_neither_pydantic_nor_ruamel(tmp_path: Path) -> None:
    # The speed of ``preview`` (and of the GUI's start) rests on this: a command whose files
    # all come from the model cache never imports the validation library or the YAML parser.
    preview = (
        "import sys\n"
        "from fsiii_mapper_cli.main import main\n"
        "rc = main(['preview', 'demo-01', '-s', 'cura', '--format', 'json'])\n"
        f"print(rc, {HEAVY})\n"
    )
    first = _run(preview, tmp_path)  # a cold cache: parsed and validated, then cached
    assert first.startswith("0 ") and "pydantic" in first
    assert _run(preview, tmp_path) == "0 []"
    workspace = (
        "import sys\n"
        "import fsiii_mapper.workspace, fsiii_mapper.engine.populate\n"
        "ws = fsiii_mapper.workspace.Workspace.load()\n"
        f"print(len(ws.tables), {HEAVY})\n"
    )
    assert _run(workspace, tmp_path) == "2 []"


@pytest.mark.parametrize("name", sorted(LOADERS))
def test_a_cached_document_is_exactly_the_validated_one(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(model_cache.ENV, str(tmp_path))
    path = shipped_dir() / name
    validated = LOADERS[name](path)  # a miss: validated from the file
    cached = LOADERS[name](path)  # a hit: unpickled
    assert cached is not validated
    assert cached == validated
    assert to_data(cached) == to_data(validated)
    # the plain data of a document validates back into the same document
    assert validate(type(validated), to_data(validated)) == validated


def test_a_cached_catalog_finds_states_like_the_validated_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(model_cache.ENV, str(tmp_path))
    path = shipped_dir() / "catalog_simplified.yaml"
    validated, cached = load_catalog(path), load_catalog(path)
    for state in validated.states:
        assert cached.resolve(state.ident) == validated.resolve(state.ident) == state
        assert cached.area(state.area) == validated.area(state.area)


@pytest.mark.parametrize("slot", ["table_original.yaml", "table_simplified.yaml"])
def test_a_cached_table_is_the_validated_one_and_saves_the_same_bytes(
    slot: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(model_cache.ENV, str(tmp_path / "cache"))
    path = tmp_path / slot
    path.write_bytes((DATA / slot).read_bytes())
    validated, cached = load_table(path), load_table(path)
    assert cached.table == validated.table
    assert cached.to_text() == validated.to_text() == path.read_text(encoding="utf-8")


def test_the_model_classes_pickle_and_copy_as_plain_data() -> None:
    catalog = load_catalog(DATA / "catalog_original.yaml")
    again = pickle.loads(pickle.dumps(catalog))
    assert again == catalog and again.resolve("J1.1") == catalog.resolve("J1.1")
    assert copy.deepcopy(catalog) == catalog


def test_the_cache_fingerprint_follows_the_model_sources(tmp_path: Path) -> None:
    names = {p.name for p in model_cache.sources()}
    assert {"catalog.py", "citizen.py", "layout.py", "table.py", "validation.py"} <= names
    copies = []
    for source in model_cache.sources():
        target = tmp_path / source.name
        target.write_bytes(source.read_bytes())
        copies.append(target)
    before = model_cache.digest("1", b"v", copies)
    copies[0].write_bytes(copies[0].read_bytes() + b"\n# changed\n")
    assert model_cache.digest("1", b"v", copies) != before
    assert model_cache.digest("1", b"w", copies) != model_cache.digest("1", b"v", copies)


def test_a_row_copy_keeps_its_place_in_the_file_and_compares_by_its_values() -> None:
    doc = load_table(DATA / "table_simplified.yaml")
    row = doc.table.rows[0]
    changed = replaced(row, comment="rettet")
    assert changed._node is row._node  # saved in place: its comments stay with it
    assert replaced(row) == row and changed != row
    assert "_node" not in to_data(row)


def test_building_a_model_in_code_checks_nothing_until_it_is_checked() -> None:
    citizen = Citizen(id="x", name="klokke \x07", conditions=[])
    with pytest.raises(Invalid) as exc:
        checked(citizen)
    assert exc.value.errors[0]["loc"] == ("name",)
    assert "U+0007" in str(exc.value.errors[0]["ctx"]["error"])
    condition = CitizenCondition(code="J1.1", status="aktiv", level=True)  # type: ignore[arg-type]
    with pytest.raises(Invalid):
        checked(Citizen(id="x", conditions=[condition]))


def test_the_cpr_alias_works_for_a_citizen_built_in_code_too() -> None:
    citizen = Citizen(id="x", cpr="0101010001")
    assert citizen.identifier == "0101010001" and citizen.cpr is None
    assert "cpr" not in to_data(citizen)
    assert checked(citizen) == citizen


def test_a_crosswalk_decision_without_rationale_is_refused_in_code_and_in_files() -> None:
    data = json.loads(json.dumps(to_data(load_crosswalk(DATA / "crosswalk.yaml"))))
    data["entries"][1] = {"source": "J9.9", "successors": [], "evidence": "assumed"}
    with pytest.raises(Invalid) as exc:
        validate(Crosswalk, data)
    error = exc.value.errors[0]
    assert error["loc"] == ("entries", 1)
    assert "J9.9" in str(error["ctx"]["error"])


def test_editing_the_table_metadata_checks_the_value(tmp_path: Path) -> None:
    # Regression: with plain dataclasses an assignment is not validated, so ``set_meta`` checks
    # the values itself; a status the table cannot have must not reach the file.
    path = tmp_path / "t.yaml"
    path.write_bytes((DATA / "table_simplified.yaml").read_bytes())
    editor = EditableTable(load_table(path))
    before = to_data(editor.doc.table.table)
    with pytest.raises(InputError):
        editor.set_meta({"status": "udgivet"}, "status")
    with pytest.raises(InputError):
        editor.set_meta({"valid_from": "i morgen"}, "gyldig fra")
    with pytest.raises(InputError):
        editor.set_meta({"no_such_key": "x"}, "x")
    assert to_data(editor.doc.table.table) == before
    editor.set_meta({"version": "9.9.9", "valid_from": "2027-01-01"}, "version")
    assert editor.doc.table.table.version == "9.9.9"
    assert editor.doc.table.table.valid_from is not None
    assert editor.doc.table.table.valid_from.isoformat() == "2027-01-01"


def test_a_row_built_from_a_record_is_checked(tmp_path: Path) -> None:
    row = validate(MappingRow, {"source": "J1.1", "relationship": "no-map", "date": "2026-01-02"})
    assert row.date is not None and row.date.isoformat() == "2026-01-02"
    with pytest.raises(Invalid):
        validate(MappingRow, {"source": "J1.1", "relationship": "no-map", "typo": 1})


def test_a_catalog_needs_its_keys(tmp_path: Path) -> None:
    with pytest.raises(Invalid) as exc:
        validate(Catalog, {"id": "x"})
    assert {e["type"] for e in exc.value.errors} == {"missing"}
