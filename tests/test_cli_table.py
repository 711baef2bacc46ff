"""``fsiii-mapper table set``: the GUI's edit operations from scripts, saved with the file's
comments kept and only the changed lines differing."""

from __future__ import annotations

import datetime as dt
import difflib
import shutil
from pathlib import Path

import pytest

from fsiii_mapper.io.documents import load_table
from fsiii_mapper.workspace import shipped_dir
from fsiii_mapper_cli.main import ExitCode, main


@pytest.fixture
def table(tmp_path: Path) -> Path:
    p = tmp_path / "table_simplified.yaml"
    shutil.copy(shipped_dir() / "table_simplified.yaml", p)
    return p


def run(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    rc = main(list(args))
    out, err = capsys.readouterr()
    return rc, out, err


def _diff(before: str, after: str) -> list[str]:
    return [
        ln
        for ln in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if ln[:1] in "+-" and not ln.startswith(("+++", "---"))
    ]


def test_setting_the_review_status_changes_only_that_rows_lines_and_keeps_comments(capsys, table):
    before = table.read_text(encoding="utf-8")
    row = next(r for r in load_table(table).table.rows if r.source == "J3.5")
    assert row.review_status == "in-review"
    rc, out, _ = run(
        capsys,
        "table", "set", str(table), "--source", "J3.5",
        "--field", "review_status", "--value", "approved", "--author", "Test Analytiker",
    )  # fmt: skip
    assert rc == ExitCode.OK
    assert "1 række ændret" in out
    after = table.read_text(encoding="utf-8")
    assert sorted(_diff(before, after)) == sorted(
        [
            "-    review_status: in-review",
            "+    review_status: approved",
            f"-    author: {row.author}",
            "+    author: Test Analytiker",
            f"-    date: {row.date}",
            f"+    date: {dt.date.today()}",
        ]
    )
    assert "  - source: J3.5  # Forflytte sig" in after  # the row's comment is kept


def test_rows_that_have_the_value_already_are_left_alone(capsys, table):
    before = table.read_text(encoding="utf-8")
    rc, out, _ = run(
        capsys,
        "table", "set", str(table), "--source", "J3.5",
        "--field", "review_status", "--value", "in-review",
    )  # fmt: skip
    assert rc == ExitCode.OK
    assert "intet blev ændret" in out
    assert table.read_text(encoding="utf-8") == before


def test_rows_are_chosen_by_row_number_and_the_result_can_be_saved_elsewhere(
    capsys, table, tmp_path
):
    out_file = tmp_path / "out.yaml"
    rc, out, _ = run(
        capsys,
        "table", "set", str(table), "--row", "1", "--row", "2",
        "--field", "comment", "--value", "Gennemgået", "-o", str(out_file),
    )  # fmt: skip
    assert rc == ExitCode.OK and "2 rækker ændret" in out
    rows = load_table(out_file).table.rows
    assert [r.comment for r in rows[:3]] == ["Gennemgået", "Gennemgået", rows[2].comment]
    assert rows[2].comment != "Gennemgået"
    assert load_table(table).table.rows[0].comment != "Gennemgået"  # TABLE itself untouched


def test_nothing_matching_is_a_clear_error_and_the_file_stays(capsys, table):
    before = table.read_text(encoding="utf-8")
    rc, _, err = run(
        capsys,
        "table", "set", str(table), "--source", "J9.9",
        "--field", "review_status", "--value", "approved",
    )  # fmt: skip
    assert rc == ExitCode.USAGE
    assert "ingen række passer til --source J9.9" in err and str(table) in err
    assert table.read_text(encoding="utf-8") == before


def test_an_invalid_value_is_refused_with_the_allowed_ones(capsys, table):
    before = table.read_text(encoding="utf-8")
    rc, _, err = run(
        capsys,
        "table", "set", str(table), "--source", "J3.5",
        "--field", "review_status", "--value", "godkendt",
    )  # fmt: skip
    assert rc == ExitCode.USAGE
    assert "»godkendt« er ikke en gyldig værdi for review_status" in err
    assert "draft, in-review, approved, rejected" in err
    assert table.read_text(encoding="utf-8") == before


def test_an_unknown_field_is_a_usage_error(capsys, table):
    rc, _, err = run(
        capsys, "table", "set", str(table), "--source", "J3.5", "--field", "author", "--value", "x"
    )
    assert rc == ExitCode.USAGE
    assert "--field" in err
