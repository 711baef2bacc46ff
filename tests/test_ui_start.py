"""Starting the GUI where Qt cannot open a window: one Danish line with the fix, exit 2 —
never Qt's SIGABRT. A picture (--screenshot) needs no display at all."""

from __future__ import annotations

import ctypes.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui import platform_check


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    env.update(XDG_CONFIG_HOME=str(tmp_path / "config"), **extra)
    return env


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libX11-xcb.so.1", "libx11-xcb1"),
        ("libdbus-1.so.3", "libdbus-1-3"),
    ],
)
def test_library_names_become_debian_package_names(soname: str, package: str) -> None:
    assert platform_check.debian_package(soname) == package


def test_every_missing_library_is_named_in_one_install_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "platforms").mkdir()
    (tmp_path / "platforms" / "libqxcb.so").touch()
    ldd = (
        "\tlibxcb-icccm.so.4 => not found\n\tlibxcb-keysyms.so.1 => not found\n\tlibc.so.6 => /x\n"
    )
    monkeypatch.setattr(
        subprocess, "run", lambda *a, **k: subprocess.CompletedProcess(a, 0, ldd, "")
    )
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    assert platform_check.missing_packages(tmp_path, tmp_path) == [
        "libxcb-cursor0",
        "libxcb-icccm4",
        "libxcb-keysyms1",
    ]


def test_where_the_xcb_libraries_load_no_ldd_is_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: every start on X11 ran ``ldd`` twice and ``ldconfig`` (≈ 90 ms before the
    window appeared) to name libraries that were all there."""
    from PySide6.QtCore import QLibraryInfo

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    if not (plugins / "platforms" / "libqxcb.so").exists():
        pytest.skip("this PySide6 has no xcb plugin")
    try:
        ctypes.CDLL("libxcb-cursor.so.0")
    except OSError:
        pytest.skip("needs Qt's xcb libraries installed (libxcb-cursor0 …)")

    def no_subprocess(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"ran {args}")

    monkeypatch.setattr(subprocess, "run", no_subprocess)
    monkeypatch.setattr(subprocess, "Popen", no_subprocess)
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert platform_check.problem() is None


def test_a_plugin_that_does_not_load_sends_the_check_to_ldd(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "platforms").mkdir()
    (tmp_path / "platforms" / "libqxcb.so").write_bytes(b"not a library")
    assert not platform_check.xcb_loads(tmp_path, tmp_path)  # then ldd names what is missing


def test_without_a_display_the_gui_explains_and_exits_2(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "fsiii_mapper_cli.main", "gui"],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=120,
    )
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith("fsiii-mapper: Ingen skærm")
    assert len(proc.stderr.strip().splitlines()) == 1


def test_a_screenshot_needs_no_display(tmp_path: Path) -> None:
    png = tmp_path / "shot.png"
    proc = subprocess.run(
        [sys.executable, "-m", "fsiii_mapper_cli.main", "gui", "--screenshot", str(png)],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=180,
    )
    assert proc.returncode == 0, proc.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
