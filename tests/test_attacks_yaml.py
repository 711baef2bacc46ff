"""Attacks: hostile YAML in every data file the tool reads (tables, catalogs, layout, crosswalk,
citizens — also under ``--citizens``), through both parsers (the round-trip one with positions
and the fast libyaml one for read-only documents).

Each must end in an input error naming file and line (exit 2 on the command line; ``validate``
reports a table it cannot read as finding FM012, exit 1), fast and without a traceback. Before
the fix: a 400-byte alias bomb ran for minutes, ``2026-02-30``, a 5,000-digit number and deep
nesting were internal errors (exit 3), and nesting 100,000 deep crashed Python (libyaml's
composer overflowed the C stack).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from frozen import DATA, demo_path
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fsiii_mapper.errors import InputError
from fsiii_mapper.io.documents import (
    load_catalog,
    load_citizen,
    load_crosswalk,
    load_layout,
    load_table,
)
from fsiii_mapper.io.yamltree import MAX_DEPTH, parse_plain_text, parse_yaml_text
from fsiii_mapper.model.common import to_data


def alias_bomb() -> str:
    """Ten levels of nine aliases: 9^10 strings once expanded, under 400 bytes written."""
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    prev = "a"
    for name in "bcdefghijk":
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
        prev = name
    return "\n".join(lines) + "\n"


# Each attack: (YAML text placed at the top of a file, the 1-based line the error must name).
ATTACKS: dict[str, tuple[str, int]] = {
    "alias-bomb": (alias_bomb(), 1),
    "impossible-date": ("id: x\nvalid_from: 2026-02-30\n", 2),
    "5000-digit-integer": ("id: x\nname: " + "1" * 5000 + "\n", 2),
    "10000-deep-nesting": ("id: x\nname: " + "[" * 10_000 + "]" * 10_000 + "\n", 2),
    "deep-block-nesting": ("id: x\n" + "".join("  " * i + f"k{i}:\n" for i in range(200)), 66),
}

LOADERS: dict[str, Callable[[Path], Any]] = {
    "table": load_table,
    "catalog": load_catalog,
    "layout": load_layout,
    "crosswalk": load_crosswalk,
    "citizen": load_citizen,
}


@pytest.mark.parametrize("parse", [parse_yaml_text, parse_plain_text], ids=["rt", "fast"])
@pytest.mark.parametrize("attack", list(ATTACKS))
def test_hostile_yaml_is_an_input_error_with_its_line_in_both_parsers(
    attack: str, parse: Callable[[str, str], Any]
) -> None:
    text, line = ATTACKS[attack]
    start = time.monotonic()
    with pytest.raises(InputError) as err:
        parse(text, "hostile.yaml")
    assert time.monotonic() - start < 2
    assert err.value.path == "hostile.yaml"
    assert err.value.line == line
    assert err.value.hint


@pytest.mark.parametrize("kind", list(LOADERS))
@pytest.mark.parametrize("attack", list(ATTACKS))
def test_every_data_file_refuses_hostile_yaml(tmp_path: Path, kind: str, attack: str) -> None:
    path = tmp_path / f"{kind}.yaml"
    path.write_text(ATTACKS[attack][0], encoding="utf-8")
    start = time.monotonic()
    with pytest.raises(InputError) as err:
        LOADERS[kind](path)
    assert time.monotonic() - start < 2
    assert err.value.path == str(path)
    assert err.value.line == ATTACKS[attack][1]


def test_the_messages_say_what_is_wrong_in_danish() -> None:
    def message(text: str) -> str:
        with pytest.raises(InputError) as err:
            parse_yaml_text(text, "f.yaml")
        return str(err.value)

    assert "anker og aliasser" in message(alias_bomb())
    assert "»2026-02-30« er ikke en dato, der findes" in message("d: 2026-02-30\n")
    assert "for langt" in message("n: " + "9" * 5000 + "\n")
    assert f"mere end {MAX_DEPTH} niveauer" in message("n: " + "[" * 100 + "]" * 100)


def test_an_anchor_in_a_file_that_is_otherwise_fine_is_refused_on_its_line() -> None:
    text = "id: x\nname: &n Jens\ndescription: *n\n"
    for parse in (parse_yaml_text, parse_plain_text):
        with pytest.raises(InputError) as err:
            parse(text, "c.yaml")
        assert (err.value.line, err.value.column) == (2, 7)


def test_nesting_a_million_deep_does_not_crash_python(tmp_path: Path) -> None:
    """libyaml's composer recursed in C and took the process down (exit -11, no message)."""
    path = tmp_path / "deep.yaml"
    path.write_text("id: x\nname: " + "[" * 1_000_000 + "]" * 1_000_000 + "\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from fsiii_mapper.errors import InputError\n"
        "from fsiii_mapper.io.documents import load_citizen\n"
        "try:\n"
        f"    load_citizen({str(path)!r})\n"
        "except InputError as exc:\n"
        "    print(exc.line)\n"
        "    sys.exit(2)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert (proc.returncode, proc.stdout.strip()) == (2, "2"), proc.stderr


# --- through the command line ------------------------------------------------------------------


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_preview_of_a_hostile_citizen_file_exits_2_with_file_and_line(
    cli: Any, tmp_path: Path, attack: str
) -> None:
    path = tmp_path / "borger.yaml"
    path.write_text(ATTACKS[attack][0], encoding="utf-8")
    rc, out, err = cli("preview", str(path), "-s", "original")
    assert rc == 2
    assert f"borger.yaml:{ATTACKS[attack][1]}:" in err
    assert "Traceback" not in err + out


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_a_hostile_citizen_under_citizens_stops_gaps_with_exit_2(
    cli: Any, tmp_path: Path, attack: str
) -> None:
    folder = tmp_path / "borgere"
    folder.mkdir()
    shutil.copy(demo_path("demo-01"), folder)
    (folder / "ond.yaml").write_text(ATTACKS[attack][0], encoding="utf-8")
    start = time.monotonic()
    rc, _, err = cli("gaps", "--citizens", str(folder))
    assert time.monotonic() - start < 5
    assert rc == 2
    assert f"ond.yaml:{ATTACKS[attack][1]}:" in err


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_validate_reports_a_hostile_table_as_unreadable(
    cli: Any, tmp_path: Path, attack: str
) -> None:
    path = tmp_path / "tabel.yaml"
    path.write_text(ATTACKS[attack][0], encoding="utf-8")
    rc, out, _ = cli("validate", str(path))
    assert rc == 1
    assert f"tabel.yaml:{ATTACKS[attack][1]}:" in out
    assert "FM012" in out


@pytest.mark.parametrize("name", ["catalog_original.yaml", "report_layout.yaml", "crosswalk.yaml"])
def test_a_hostile_file_in_the_data_folder_exits_2(cli: Any, tmp_path: Path, name: str) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    (folder / name).write_text(alias_bomb(), encoding="utf-8")
    rc, _, err = cli("--data", str(folder), "gaps")
    assert rc == 2
    assert f"{name}:1:" in err


# --- model strictness ----------------------------------------------------------------------------


def test_an_unquoted_cpr_is_refused_not_read_as_a_number_without_its_zeros(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("id: x\ncpr: 0001010001\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_citizen(path)
    assert err.value.line == 2
    assert "anførselstegn" in str(err.value)


def test_an_unquoted_identifier_is_refused_the_same_way(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("id: x\nidentifier: 0001010001\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_citizen(path)
    assert err.value.line == 2


def test_a_quoted_cpr_keeps_its_leading_zeros(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("id: x\ncpr: '0001010001'\n", encoding="utf-8")
    citizen = load_citizen(path)
    assert citizen.identifier == "0001010001"
    assert "cpr" not in to_data(citizen)


@pytest.mark.parametrize("value", ["true", "false", "'2'", "2.0"])
def test_a_level_must_be_a_whole_number_not_true_or_text(tmp_path: Path, value: str) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(
        f"id: x\nconditions:\n  - code: J1.1\n    status: aktiv\n    level: {value}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as err:
        load_citizen(path)
    assert err.value.line == 5


# --- property: no text makes the loaders do anything but load or say why ------------------------

YAMLISH = st.lists(
    st.sampled_from([*"ab01-:[]{}&*!|>'\"#%@`?,.~ \n\t\r", "2026-02-30", "!!python/"]),
    max_size=60,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=YAMLISH)
def test_any_text_either_parses_or_is_an_input_error(text: str) -> None:
    for parse in (parse_yaml_text, parse_plain_text):
        try:
            parse(text, "f.yaml")
        except InputError as exc:
            assert exc.path == "f.yaml"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=YAMLISH)
def test_any_citizen_or_table_text_either_loads_or_is_an_input_error(
    tmp_path_factory: pytest.TempPathFactory, prefix: str
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    body = demo_path("demo-01").read_text(encoding="utf-8")
    for name, loader in (("c.yaml", load_citizen), ("t.yaml", load_table)):
        path = folder / name
        path.write_text(prefix + body if name == "c.yaml" else prefix, encoding="utf-8")
        try:
            loader(path)
        except InputError as exc:
            assert exc.path == str(path)
