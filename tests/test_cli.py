"""The command line as analysts, vendors and trainers use it.

Golden: commands run on the frozen data (tests/data) through the ``cli`` fixture; the few tests
about the shipped data say so.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from frozen import CITIZENS, DATA

import fsiii_mapper_cli.main as cli_main
from fsiii_mapper_cli.main import ExitCode, main


def run(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    rc = main(list(args))
    out, err = capsys.readouterr()
    return rc, out, err


def test_help_documents_every_command_and_the_exit_codes(capsys):
    rc, out, _ = run(capsys, "--help")
    assert rc == 0
    for cmd in ("validate", "preview", "diff", "gaps", "catalog"):
        assert cmd in out
    for code in ExitCode:
        assert f"  {int(code)}  " in out


def test_validate_shipped_tables_passes(capsys):
    # On the shipped data on purpose: the tables that ship must validate clean.
    rc, out, _ = run(capsys, "validate")
    assert rc == ExitCode.OK
    assert out.count("Ingen fejl") == 3  # original, simplified, simplified-b


def test_validate_accepts_ids_and_paths_and_reports_json(cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    text = (DATA / "table_original.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("target: FA510", "target: FA999", 1), encoding="utf-8")
    rc, out, _ = cli("validate", "simplified", str(bad), "--format", "json")
    assert rc == ExitCode.FINDINGS
    data = json.loads(out)
    assert data["errors"] == 1
    assert data["files"][0]["findings"] == []
    f = data["files"][1]["findings"][0]
    assert (f["rule"], f["name"], f["severity"]) == ("FM003", "unknown-target", "error")
    assert f["file"] == str(bad) and f["line"] > 0 and f["column"] > 0


def test_validate_text_names_file_line_and_rule(cli, tmp_path, monkeypatch):
    monkeypatch.delenv("FSIII_LANG", raising=False)
    bad = tmp_path / "bad.yaml"
    text = (DATA / "table_original.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("target: FA510", "target: FA999", 1), encoding="utf-8")
    _, out, _ = cli("validate", str(bad))
    line = text[: text.index("target: FA510")].count("\n") + 1
    assert f"{bad}:{line}:13: fejl FM003 unknown-target: række 1: ukendt målfelt" in out
    assert "1 fejl, 0 advarsler" in out


def test_validate_strict_fails_on_warnings(cli, tmp_path):
    p = tmp_path / "w.yaml"
    text = (DATA / "table_original.yaml").read_text(encoding="utf-8")
    p.write_text(text.replace("review_status: approved", "review_status: draft", 1), "utf-8")
    assert cli("validate", str(p))[0] == ExitCode.OK
    assert cli("validate", "--strict", str(p))[0] == ExitCode.FINDINGS


def test_missing_file_is_a_usage_error_with_the_path(cli, tmp_path):
    rc, _, err = cli("preview", str(tmp_path / "nope.yaml"), "--strategy", "cura")
    assert rc == ExitCode.USAGE
    assert "nope.yaml" in err and "demo-01" in err


def test_malformed_citizen_names_file_and_line(cli, tmp_path):
    p = tmp_path / "c.yaml"
    p.write_text(
        "id: x\nconditions:\n  - code: J1.1\n    status: aktiv\n    level: 7\n", encoding="utf-8"
    )
    rc, _, err = cli("preview", str(p), "--strategy", "original")
    assert rc == ExitCode.USAGE
    assert f"{p}:5:" in err and "level" in err


def test_preview_text_shows_empty_fields_with_their_reason(cli):
    rc, out, _ = cli("preview", "demo-02", "--strategy", "cura")
    assert rc == 0
    assert "FA510" in out and "TOM: Ingen række i den forenklede tabel udfylder FA510" in out
    assert "moderate" in out


def test_preview_json_in_english(cli):
    rc, out, _ = cli(
        "--lang", "en", "preview", "demo-04", "--strategy", "nexus", "--format", "json"
    )
    data = json.loads(out)
    assert rc == 0 and data["strategy"] == "nexus"
    fa420 = next(f for f in data["function_items"] if f["code"] == "FA420")
    # the migrated kladde (simplified side) and the old aktiv J3.5 (old side), both kept
    assert [(v["score"], v["status"]) for v in fa420["values"]] == [
        ("svære", "kladde"),
        ("moderate", "aktiv"),
    ]
    # both kept and flagged; the report's one element carries the aktiv value (collapse)
    assert {f["code"] for f in fa420["flags"]} == {"duplicate", "conflict", "collapse-status"}
    assert fa420["flags"][0]["message"] == "The field is filled more than once"
    assert fa420["allowed"] == [1]


def test_preview_with_an_edited_table_given_by_path(cli, tmp_path):
    p = tmp_path / "simple.yaml"
    text = (DATA / "table_simplified.yaml").read_text(encoding="utf-8")
    old = (
        "  - source: Personlig_pleje  # Personlig pleje\n    target: null\n"
        "    relationship: no-map\n"
    )
    assert old in text
    p.write_text(
        text.replace(
            old,
            "  - source: Personlig_pleje\n    target: FA510\n    relationship: source-broader\n",
        ),
        encoding="utf-8",
    )
    rc, out, _ = cli("preview", "demo-02", "-s", "simplified", "--new", str(p), "--format", "json")
    fa510 = json.loads(out)["function_items"][0]
    assert rc == 0 and [v["score"] for v in fa510["values"]] == ["svære"]


def test_diff_old_vs_simplified(cli):
    rc, out, _ = cli("diff", "original", "simplified", "--format", "json")
    data = json.loads(out)
    assert rc == ExitCode.FINDINGS
    removed = {r["source"] for r in data["removed"]}
    added = {r["source"] for r in data["added"]}
    assert "J1.1" in removed and "Personlig_pleje" in added
    assert "J3.5" not in removed | added  # same row in both tables


def test_diff_reports_changed_fields(cli, tmp_path):
    p = tmp_path / "t.yaml"
    text = (DATA / "table_original.yaml").read_text(encoding="utf-8")
    p.write_text(text.replace("relationship: equivalent", "relationship: related", 1), "utf-8")
    rc, out, _ = cli("diff", "original", str(p), "--format", "json")
    data = json.loads(out)
    assert rc == ExitCode.FINDINGS
    assert data["summary"] == {"metadata": 0, "added": 0, "removed": 0, "changed": 1}
    assert data["changed"][0]["changes"] == {"relationship": {"a": "equivalent", "b": "related"}}
    assert cli("diff", "original", "original")[0] == ExitCode.OK


def test_gaps_shows_the_six_lost_function_items_and_fill_rates(cli):
    rc, out, _ = cli("gaps", "--format", "json")
    data = json.loads(out)
    lost = [f["code"] for f in data["fields"] if f["lost"]]
    assert rc == 0 and lost == ["FA510", "FA540", "FA530", "FA460", "FA550", "FA560"]
    rates = data["fill_rates"]
    assert rates["simplified"]["FA510"] == 0 and rates["original"]["FA510"] > 0
    assert rates["original"]["FA420"] == rates["simplified"]["FA420"]


def test_gaps_over_a_folder_of_citizens(cli, tmp_path):
    shutil.copy(CITIZENS / "demo-01-gamle-tilstande.yaml", tmp_path)
    rc, out, _ = cli("gaps", "--citizens", str(tmp_path), "-s", "original", "--format", "json")
    data = json.loads(out)
    assert rc == 0 and data["citizens"] == 1 and data["fill_rates"]["original"]["FA510"] == 1.0


def test_console_script_runs(tmp_path):
    # On the shipped data on purpose: the installed command lists the demo citizens that ship.
    out = subprocess.run(
        [sys.executable, "-m", "fsiii_mapper_cli.main", "citizens"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "demo-01" in out.stdout


@pytest.mark.parametrize("args", [["preview", "demo-01"], ["frobnicate"]])
def test_usage_errors_exit_2(cli, args):
    assert cli(*args)[0] == ExitCode.USAGE


def test_table_ids_follow_the_data_folder(capsys, data_copy):
    """Regression: with --data DIR, the ids original/simplified named the shipped files."""
    p = data_copy / "table_original.yaml"
    p.write_text(
        p.read_text(encoding="utf-8").replace("target: FA510", "target: FA999", 1), encoding="utf-8"
    )
    rc, out, _ = run(capsys, "--data", str(data_copy), "validate", "original")
    assert rc == ExitCode.FINDINGS and str(p) in out


def test_yaml_syntax_error_in_a_citizen_names_file_line_and_column(cli, tmp_path):
    """Read-only documents load through the fast parser; its errors keep the position."""
    p = tmp_path / "c.yaml"
    p.write_text("id: x\nconditions:\n  - code: [J1.1\n    status: aktiv\n", encoding="utf-8")
    rc, _, err = cli("preview", str(p), "--strategy", "original")
    assert rc == ExitCode.USAGE
    assert f"{p}:" in err and "YAML-syntaksfejl" in err


@pytest.mark.parametrize("error", [RuntimeError("boom"), KeyError("FA510")])
def test_a_bug_inside_a_command_is_one_line_on_stderr_and_exit_code_3(capsys, monkeypatch, error):
    """Regression for the catch-all in main(): an unexpected exception inside a command gives
    one line on stderr, no traceback, and the documented exit code for an internal error."""

    def broken(args):  # type: ignore[no-untyped-def]
        raise error

    monkeypatch.setattr(cli_main, "cmd_validate", broken)
    rc, out, err = run(capsys, "validate")
    assert rc == ExitCode.INTERNAL == 3
    assert out == ""
    assert err.startswith("fsiii-mapper: intern fejl")
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert type(error).__name__ in err
