"""Attacks on the vendor-file checker: a file that makes the check itself fail, hostile file
names, ambiguous citizens, absurd options, and random damage to the structure of a golden file.

Regressions: an unexpected exception while checking one file killed the whole batch (exit 3, in
one process, with ``-j 4`` and in the GUI tab); a file name with a line break printed a fake
``Success:`` line and raw ANSI escapes; two citizens with the same identifier were silently
matched to whichever came last; ``--max-size nan|inf`` was an internal error; a control character
in a citizen note broke ``render-xml`` and the batch.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from frozen import check_config, demo_path
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from fsiii_mapper.conformance import comparator as comparator_module
from fsiii_mapper.conformance.batch import CHUNK, Checker, run_batch
from fsiii_mapper.conformance.render import render_tree, render_xml
from fsiii_mapper.conformance.report_files import report_text
from fsiii_mapper.rules.registry import RULES


@pytest.fixture
def reports(tmp_path: Path, frozen_checkers: Callable[[str], Checker]) -> Path:
    """Golden files of three demo citizens under the original strategy."""
    checker = frozen_checkers("original")
    folder = tmp_path / "out"
    folder.mkdir()
    for cid in ("demo-01", "demo-02", "demo-05"):
        (folder / f"{cid}.xml").write_bytes(render_xml(checker.expected[cid], checker.spec))
    return folder


def _explode_on(monkeypatch: pytest.MonkeyPatch, marker: str) -> None:
    """The comparator raises for files whose label contains ``marker`` (a stand-in for any bug)."""
    real = comparator_module.Comparator.check

    def check(self: Any, tree: Any, expected: Any, label: str, *args: Any) -> Any:
        if marker in label:
            raise KeyError("an unforeseen shape")
        return real(self, tree, expected, label, *args)

    monkeypatch.setattr(comparator_module.Comparator, "check", check)


def test_a_failing_check_is_one_finding_and_the_batch_goes_on(
    cli: Any, reports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(reports / "demo-02.xml", reports / "demo-02_boom.xml")
    _explode_on(monkeypatch, "boom")
    rc, out, err = cli("check-vendor", str(reports), "-s", "original")
    assert rc == 1, err
    lines = [line for line in out.splitlines() if "FV009" in line]
    assert len(lines) == 1 and "demo-02_boom.xml" in lines[0] and "KeyError" in lines[0]
    assert "4 af 4 filer tjekket: 3 bestået, 1 med fejl" in out


def test_a_failing_check_with_four_processes(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reports: Path
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(CHUNK + 20):
        name = f"demo-01_{i:03d}{'_boom' if i % 50 == 7 else ''}.xml"
        shutil.copy(reports / "demo-01.xml", folder / name)
    _explode_on(monkeypatch, "boom")
    rc, out, _ = cli("check-vendor", str(folder), "-s", "original", "-j", "4", "-q")
    assert rc == 1
    assert sum("FV009" in line for line in out.splitlines()) == 3
    assert "120 af 120 filer tjekket: 117 bestået, 3 med fejl" in out


def test_a_failing_check_in_the_gui_tab_s_call_path(
    reports: Path, monkeypatch: pytest.MonkeyPatch, frozen_ws: Any
) -> None:
    """The GUI builds a ``Checker`` over its workspace and calls ``run_batch`` with it."""
    _explode_on(monkeypatch, "demo-05")
    config = check_config("original")
    checker = Checker(config, ws=frozen_ws)
    files = sorted(reports.glob("*.xml"))
    result = run_batch(files, config, checker=checker)
    assert [r.passed for r in result.results] == [True, True, False]
    assert [f.rule for f in result.results[2].findings] == ["FV009"]


@pytest.mark.parametrize(
    "name",
    [
        "x\nSuccess: 0 errors, 0 warnings\n.xml",
        "\x1b[32mgrøn\x1b[0m.xml",
        "fil\rSuccess: 0 errors.xml",
        "vend\u202elmx.xml",
    ],
)
def test_control_characters_in_file_names_are_escaped_in_the_text_report(
    cli: Any, reports: Path, name: str
) -> None:
    (reports / name).write_bytes(b"<Emessage>")  # not well-formed: a finding names the file
    rc, out, _ = cli("check-vendor", str(reports), "-s", "original")
    assert rc == 1
    lines = out.splitlines()
    assert sum("FV003" in line for line in lines) == 1
    assert [line for line in lines if line.startswith("Success")] == []
    assert lines[-1].startswith("*FAILURE*")
    assert not any(ch in out for ch in "\x1b\r\u202e")


def test_the_text_report_escapes_file_names_of_every_finding(
    frozen_checkers: Callable[[str], Checker], tmp_path: Path
) -> None:
    checker = frozen_checkers("original")
    bad = tmp_path / "a\nSuccess: 0 errors, 0 warnings\x07.xml"
    bad.write_bytes(b"<not-closed>")
    result = run_batch([bad], check_config("original"), checker=checker)
    text = report_text(result, "text")
    assert "a\\x0aSuccess: 0 errors, 0 warnings\\x07.xml" in text
    assert text.count("\n") == 4  # finding, blank, count, summary


def test_two_citizens_with_the_same_identifier_are_an_input_error(
    cli: Any, reports: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "borgere"
    folder.mkdir()
    shutil.copy(demo_path("demo-01"), folder / "a.yaml")
    text = demo_path("demo-02").read_text(encoding="utf-8")
    (folder / "b.yaml").write_text(
        "\n".join(
            "identifier: '000101-0001'" if line.startswith("identifier:") else line
            for line in text.splitlines()
        )
        + "\n",
        encoding="utf-8",
    )
    rc, _, err = cli("check-vendor", str(reports), "-s", "original", "--citizens", str(folder))
    assert rc == 2
    assert "a.yaml og b.yaml har samme patientidentifikator »0001010001«" in err


@pytest.mark.parametrize("size", ["nan", "inf", "-inf", "-1", "0"])
def test_an_impossible_max_size_is_a_usage_error(cli: Any, reports: Path, size: str) -> None:
    rc, _, err = cli("check-vendor", str(reports), "-s", "original", f"--max-size={size}")
    assert rc == 2
    assert "--max-size" in err


@pytest.mark.parametrize("char", ["\x07", "\x1b", "\x00", "\ud800"])
def test_a_control_character_in_a_citizen_note_is_an_input_error_not_a_crash(
    cli: Any, reports: Path, tmp_path: Path, char: str
) -> None:
    folder = tmp_path / "borgere"
    folder.mkdir()
    escaped = char.encode("unicode_escape", "surrogatepass").decode("ascii")
    text = demo_path("demo-01").read_text(encoding="utf-8")
    text = text.replace("note: Har brug for hjælp", f'note: "Har {escaped} brug for hjælp', 1)
    text = text.replace("to gange om ugen\n", 'to gange om ugen"\n', 1)
    (folder / "demo-01.yaml").write_text(text, encoding="utf-8")
    rc, _, err = cli("render-xml", str(folder / "demo-01.yaml"), "-s", "original")
    assert rc == 2
    assert "demo-01.yaml:10:" in err
    rc, _, err = cli("check-vendor", str(reports), "-s", "original", "--citizens", str(folder))
    assert rc == 2
    assert "demo-01.yaml:10:" in err


# --- property: random damage to the structure of a golden file ---------------------------------

_ACTIONS = st.lists(
    st.tuples(
        st.sampled_from(["delete", "move", "rename", "wrap", "text"]),
        st.integers(min_value=0, max_value=10_000),
        st.integers(min_value=0, max_value=10_000),
        st.sampled_from(["Code", "Score", "CivilRegistrationNumber", "Emessage", "x", "Envelope"]),
    ),
    min_size=1,
    max_size=6,
)


def _damage(root: etree._Element, actions: list[tuple[str, int, int, str]]) -> None:
    for action, i, j, name in actions:
        elements = list(root.iter())
        el = elements[i % len(elements)]
        other = elements[j % len(elements)]
        parent = el.getparent()
        ns = etree.QName(el).namespace
        tag = f"{{{ns}}}{name}" if ns else name
        if action == "delete" and parent is not None:
            parent.remove(el)
        elif action == "move" and parent is not None and el not in other.iterancestors():
            if other is not el:
                other.append(el)
        elif action == "rename":
            el.tag = tag
        elif action == "wrap" and parent is not None:
            wrapper = etree.Element(tag)
            parent.replace(el, wrapper)
            wrapper.append(el)
        elif action == "text":
            el.text = name * (j % 5)


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    cid=st.sampled_from(["demo-01", "demo-02", "demo-04", "demo-10"]),
    actions=_ACTIONS,
)
def test_no_damage_to_a_golden_file_makes_the_check_fail(
    frozen_checkers: Callable[[str], Checker],
    tmp_path_factory: pytest.TempPathFactory,
    cid: str,
    actions: list[tuple[str, int, int, str]],
) -> None:
    checker = frozen_checkers("nexus")
    tree = render_tree(checker.expected[cid], checker.spec)
    root = tree.getroot()
    _damage(root, actions)
    path = tmp_path_factory.mktemp("damaged") / f"{cid}.xml"
    path.write_bytes(etree.tostring(etree.ElementTree(root), xml_declaration=True))
    result = checker.check_file(path)
    rules = [f.rule for f in result.findings]
    assert "FV009" not in rules, result.findings  # the checker itself never fails
    assert all(r in RULES for r in rules)
