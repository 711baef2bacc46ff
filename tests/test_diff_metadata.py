"""``diff`` treats the table's own settings as differences and speaks to a person.

Regression: two tables differing only in ``status``, ``valid_to`` or another setting were
called "identical" with exit 0.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from frozen import DATA

from fsiii_mapper_cli.main import ExitCode

TABLE = (DATA / "table_original.yaml").read_text(encoding="utf-8")


def _variant(tmp_path: Path, old: str, new: str) -> Path:
    assert old in TABLE
    path = tmp_path / "b.yaml"
    path.write_text(TABLE.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "shown"),
    [
        ("  status: published", "  status: draft", "status: »published« → »draft«"),
        ("  valid_to: 2026-12-31", "  valid_to: null", "valid_to: »2026-12-31« → intet"),
        (
            "  publisher: MedCom (eksempel fra fsiii-mapper)",
            "  publisher: fsiii-mapper (eksempel)",
            "publisher: »MedCom (eksempel fra fsiii-mapper)« → »fsiii-mapper (eksempel)«",
        ),
    ],
)
def test_a_metadata_difference_is_a_difference(
    cli: Any, tmp_path: Path, old: str, new: str, shown: str
) -> None:
    a = tmp_path / "a.yaml"
    a.write_text(TABLE, encoding="utf-8")
    b = _variant(tmp_path, old, new)
    rc, out, _ = cli("diff", str(a), str(b))
    assert rc == ExitCode.FINDINGS
    assert f"Tabel A: original ({a})" in out
    assert f"Tabel B: original ({b})" in out
    assert shown in out
    assert "None" not in out and "datetime" not in out
    rc, out, _ = cli("diff", str(a), str(b), "--format", "json")
    assert rc == ExitCode.FINDINGS
    assert json.loads(out)["summary"]["metadata"] == 1


def test_identical_tables_are_named_in_the_message(cli: Any, tmp_path: Path) -> None:
    a = tmp_path / "a.yaml"
    a.write_text(TABLE, encoding="utf-8")
    rc, out, _ = cli("diff", str(a), str(a))
    assert rc == ExitCode.OK
    assert out == f"Tabellerne er ens: original ({a}) og original ({a})\n"


def test_a_changed_row_shows_values_as_written_in_english_too(cli: Any, tmp_path: Path) -> None:
    a = tmp_path / "a.yaml"
    a.write_text(TABLE, encoding="utf-8")
    b = _variant(tmp_path, "    target: FA510\n", "    target: null\n")
    rc, out, _ = cli("--lang", "en", "diff", str(a), str(b))
    assert rc == ExitCode.FINDINGS
    assert "target: “FA510” → nothing" in out
    assert "Rows that differ:" in out
