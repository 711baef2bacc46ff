"""Attacks from the file system on the commands that write: a read-only folder and a full disk
(injected ``OSError``s — the tests may run as root, whom permissions do not stop). Each must be
a clear message naming the file, exit 2, the old file untouched and no temporary file left.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from frozen import DATA, demo_path


def _disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", fsync)


def _read_only(monkeypatch: pytest.MonkeyPatch) -> None:
    def mkstemp(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)


FAULTS = {"disk-full": _disk_full, "read-only": _read_only}


def _commands(tmp_path: Path) -> dict[str, tuple[list[str], Path]]:
    table = tmp_path / "tabel.yaml"
    shutil.copy(DATA / "table_original.yaml", table)
    golden = tmp_path / "demo-01.xml"
    golden.write_bytes(b"old")
    report = tmp_path / "rapport.txt"
    report.write_text("old", encoding="utf-8")
    folder = tmp_path / "filer"
    folder.mkdir()
    (folder / "a.xml").write_bytes(b"<x/>")
    return {
        "table set": (
            [
                "table", "set", str(table), "--source", "J1.1",
                "--field", "review_status", "--value", "draft",
            ],
            table,
        ),
        "render-xml -o": (
            ["render-xml", str(demo_path("demo-01")), "-s", "original", "-o", str(golden)],
            golden,
        ),
        "check-vendor -o": (
            ["check-vendor", str(folder), "-s", "original", "-o", str(report)],
            report,
        ),
    }  # fmt: skip


@pytest.mark.parametrize("fault", list(FAULTS))
@pytest.mark.parametrize("command", ["table set", "render-xml -o", "check-vendor -o"])
def test_a_write_error_is_a_message_exit_2_and_nothing_half_written(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, fault: str
) -> None:
    args, target = _commands(tmp_path)[command]
    before = target.read_bytes()
    FAULTS[fault](monkeypatch)
    rc, out, err = cli(*args)
    assert rc == 2, (out, err)
    assert target.name in err
    assert "Traceback" not in err
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_fifo_given_as_a_report_file_is_a_finding_not_a_hang(cli: Any, tmp_path: Path) -> None:
    fifo = tmp_path / "demo-01.xml"
    os.mkfifo(fifo)
    rc, out, _ = cli("check-vendor", str(fifo), "-s", "original")
    assert rc == 1
    assert "FV001" in out


def test_a_table_saved_through_a_symlink_keeps_the_link(cli: Any, tmp_path: Path) -> None:
    real = tmp_path / "rigtig.yaml"
    shutil.copy(DATA / "table_original.yaml", real)
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    rc, _, err = cli(
        "table", "set", str(link), "--source", "J1.1", "--field", "comment", "--value", "x"
    )
    assert rc == 0, err
    assert link.is_symlink()
    assert "comment: x" in real.read_text(encoding="utf-8")
