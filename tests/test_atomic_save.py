"""Saving keeps the user's arrangement of the file: links, mode, owner; leaves no debris."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from fsiii_mapper.io.atomic import STALE_AFTER_S, atomic_write_text


def test_saving_through_a_symlink_writes_the_real_file_and_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "table.yaml"
    real.parent.mkdir()
    real.write_text("old\n")
    link = tmp_path / "my-table.yaml"
    link.symlink_to(real)
    atomic_write_text(link, "new\n")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text() == "new\n"


def test_mode_bits_including_setgid_are_kept(tmp_path: Path) -> None:
    p = tmp_path / "t.yaml"
    p.write_text("a\n")
    p.chmod(0o2640)
    atomic_write_text(p, "b\n")
    assert p.stat().st_mode & 0o7777 == 0o2640


@pytest.mark.skipif(os.geteuid() != 0, reason="only root may give a file to another user")
def test_owner_and_group_are_kept(tmp_path: Path) -> None:
    p = tmp_path / "t.yaml"
    p.write_text("a\n")
    os.chown(p, 4321, 4322)
    assert atomic_write_text(p, "b\n") == []
    st = p.stat()
    assert (st.st_uid, st.st_gid) == (4321, 4322)


def test_other_hard_links_are_named_in_a_note(tmp_path: Path) -> None:
    p = tmp_path / "t.yaml"
    p.write_text("a\n")
    os.link(p, tmp_path / "other.yaml")
    notes = atomic_write_text(p, "b\n")
    assert len(notes) == 1 and str(p) in notes[0]
    assert (tmp_path / "other.yaml").read_text() == "a\n"  # what the note says


def test_a_killed_saves_temporary_file_is_removed_by_the_next_save(tmp_path: Path) -> None:
    p = tmp_path / "t.yaml"
    p.write_text("a\n")
    stale = tmp_path / ".t.yaml.abc123.tmp"
    stale.write_text("half")
    old = time.time() - STALE_AFTER_S - 5
    os.utime(stale, (old, old))
    running = tmp_path / ".t.yaml.def456.tmp"  # another save that is still writing
    running.write_text("half")
    unrelated = tmp_path / ".other.yaml.abc123.tmp"
    unrelated.write_text("x")
    os.utime(unrelated, (old, old))
    atomic_write_text(p, "b\n")
    assert not stale.exists()
    assert running.exists() and unrelated.exists()
