"""Citizen files get validation too: an unknown code (with a suggestion), a level on a
helbredstilstand, an unknown area — through ``validate`` and ``citizen validate`` alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from fsiii_mapper_cli.main import main

CITIZEN = """\
id: c-valid
name: Testborger Valida
identifier: "0101011234"
conditions:
  - code: J2.l
    status: aktiv
    level: 2
  - code: Vaske sig
    status: aktiv
    level: 1
  - code: I4.2
    status: aktiv
    level: 3
  - code: J1.1
    status: aktiv
    level: 2
area_notes:
  - area: I99
    status: aktiv
    text: Et notat
"""


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    rc = main(list(args))
    return rc, capsys.readouterr().out


@pytest.fixture
def citizen(tmp_path: Path) -> Path:
    p = tmp_path / "borger.yaml"
    p.write_text(CITIZEN, encoding="utf-8")
    return p


def test_validate_tells_a_citizen_file_from_a_table_and_finds_its_problems(
    capsys: pytest.CaptureFixture[str], citizen: Path
) -> None:
    rc, out = _run(capsys, "validate", str(citizen))
    assert rc == 1
    lines = [line for line in out.splitlines() if " FC" in line]
    assert [line.split(" FC")[1][:3] for line in lines] == ["002", "002", "003", "001"]
    assert f"{citizen}:5:" in lines[0] and "mente du J2.1?" in lines[0]
    assert "mente du J1.1?" in lines[1]  # a display name written instead of the key
    assert f"{citizen}:13:" in lines[2] and "helbredstilstand" in lines[2]
    assert "»I99«" in lines[3]
    assert "'" not in out  # no Python reprs


def test_citizen_validate_gives_the_same_findings_in_english(
    capsys: pytest.CaptureFixture[str], citizen: Path
) -> None:
    rc, out = _run(capsys, "--lang", "en", "citizen", "validate", str(citizen))
    assert rc == 1
    assert "did you mean J2.1?" in out and "is a helbredstilstand and has no level" in out


def test_a_clean_citizen_file_validates_clean(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    p = tmp_path / "ok.yaml"
    p.write_text(CITIZEN.split("  - code: J2.l")[0] + "  - code: J2.1\n    status: aktiv\n")
    rc, out = _run(capsys, "validate", str(p))
    assert rc == 0, out
