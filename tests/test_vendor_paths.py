"""check-vendor on folders: every path it cannot read is a finding and counts in the total."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fsiii_mapper.conformance.batch import CheckConfig, Checker, collect_files, run_batch
from fsiii_mapper.conformance.render import render_xml
from fsiii_mapper.workspace import citizens_dir
from fsiii_mapper_cli.main import main


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(CheckConfig(citizens_dir(), "original"))


@pytest.fixture
def folder(tmp_path: Path, checker: Checker) -> Path:
    root = tmp_path / "reports"
    (root / "sub").mkdir(parents=True)
    (root / "demo-01.xml").write_bytes(render_xml(checker.expected["demo-01"], checker.spec))
    (root / "dangling.xml").symlink_to(root / "gone.xml")
    (root / "loop.xml").symlink_to(root / "loop.xml")
    (root / "sub" / "demo-02.xml").write_bytes(
        render_xml(checker.expected["demo-02"], checker.spec)
    )
    return root


def _unlistable(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """The folder cannot be listed (a permission problem, injected: tests may run as root)."""
    real = os.scandir

    def scandir(path: object = ".") -> object:
        if Path(str(path)) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)


def test_links_that_lead_nowhere_are_findings_not_skipped(folder: Path, checker: Checker) -> None:
    files = collect_files([folder])
    names = sorted(f.name for f in files)
    assert names == ["dangling.xml", "demo-01.xml", "demo-02.xml", "loop.xml"]
    batch = run_batch(files, checker.config, checker=checker)
    failed = sorted(Path(r.file).name for r in batch.results if not r.passed)
    assert failed == ["dangling.xml", "loop.xml"]
    assert all(f.rule == "FV001" for r in batch.results if not r.passed for f in r.findings)


def test_a_subfolder_that_cannot_be_listed_is_a_finding(
    folder: Path, checker: Checker, monkeypatch: pytest.MonkeyPatch
) -> None:
    _unlistable(monkeypatch, folder / "sub")
    files = collect_files([folder])
    assert folder / "sub" in files
    assert len(files) == 4  # demo-01, dangling, loop, and the folder that could not be listed


def test_the_cli_never_says_success_when_something_was_left_unread(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "dangling.xml").unlink()
    (folder / "loop.xml").unlink()
    assert main(["check-vendor", str(folder), "-s", "original"]) == 0
    capsys.readouterr()
    _unlistable(monkeypatch, folder / "sub")
    assert main(["check-vendor", str(folder), "-s", "original"]) == 1
    out = capsys.readouterr().out
    assert "Success" not in out and "sub" in out


def test_an_explicit_path_that_does_not_exist_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["check-vendor", str(tmp_path / "nope.xml"), "-s", "original"]) == 2
