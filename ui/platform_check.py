"""Can Qt open a window here? Answered before ``QApplication`` exists, because Qt aborts the
process (SIGABRT) when its platform plugin cannot load, with a message that names one library.

On Linux the default platform is xcb (X11). It needs a display and a set of system libraries that
minimal desktops lack; we list every missing one as the Debian/Ubuntu packages to install. Where
they are all there (nearly every start) loading them is the whole check: ``ldd``, which names
what is missing, runs only when one does not load.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from pathlib import Path

from fsiii_mapper.texts import t

# Loaded by the xcb plugin at run time (dlopen), so ldd does not show it.
_DLOPENED = ("xcb-cursor",)
_NOT_FOUND = re.compile(r"^\s*(\S+) => not found", re.M)


def debian_package(soname: str) -> str:
    """Debian's package name for a shared library (policy §8.1): ``libxcb-icccm.so.4`` →
    ``libxcb-icccm4``; a name ending in a digit gets a hyphen: ``libxkbcommon-x11.so.0`` →
    ``libxkbcommon-x11-0``."""
    name, _, version = soname.partition(".so.")
    name = name.lower()
    version = version.split(".")[0]
    return f"{name}-{version}" if name[-1:].isdigit() else f"{name}{version}"


def _xcb_binaries(plugin_dir: Path, lib_dir: Path) -> tuple[Path, ...]:
    return (plugin_dir / "platforms" / "libqxcb.so", lib_dir / "libQt6XcbQpa.so.6")


def xcb_loads(plugin_dir: Path, lib_dir: Path) -> bool:
    """The xcb plugin and the libraries it loads at run time load here (what Qt will do)."""
    try:
        for binary in _xcb_binaries(plugin_dir, lib_dir):
            if binary.exists():
                ctypes.CDLL(str(binary))
        for lib in _DLOPENED:
            ctypes.CDLL(f"lib{lib}.so.0")
    except OSError:
        return False
    return True


def missing_packages(plugin_dir: Path, lib_dir: Path) -> list[str]:
    """The packages whose libraries the xcb platform plugin cannot find."""
    import ctypes.util
    import subprocess

    missing: set[str] = set()
    for binary in _xcb_binaries(plugin_dir, lib_dir):
        if not binary.exists():
            continue
        try:
            out = subprocess.run(
                ["ldd", str(binary)], capture_output=True, text=True, timeout=10
            ).stdout
        except (OSError, subprocess.SubprocessError):
            return []  # no ldd: let Qt try
        missing.update(debian_package(so) for so in _NOT_FOUND.findall(out))
    for lib in _DLOPENED:
        if ctypes.util.find_library(lib) is None:
            missing.add(debian_package(f"lib{lib}.so.0"))
    return sorted(missing)


def uses_xcb() -> bool:
    chosen = os.environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.startswith("xcb")
    # Qt prefers Wayland in a Wayland session and falls back to xcb
    return not (
        os.environ.get("WAYLAND_DISPLAY") and os.environ.get("XDG_SESSION_TYPE") == "wayland"
    )


def problem() -> str | None:
    """A one-line Danish (or English) explanation with the fix, or None when Qt can start."""
    if not sys.platform.startswith("linux") or not uses_xcb():
        return None
    if not os.environ.get("DISPLAY"):
        return t(
            "No display to open a window on. Start fsiii-mapper from the desktop, use the "
            "command line (fsiii-mapper --help), or render a picture with gui --screenshot FILE."
        )
    from PySide6.QtCore import QLibraryInfo

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    libs = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.LibrariesPath))
    if xcb_loads(plugins, libs):
        return None
    packages = missing_packages(plugins, libs)
    if packages:
        return t(
            "Qt cannot open a window: system libraries are missing. Install them with: "
            "sudo apt install {packages}",
            packages=" ".join(packages),
        )
    return None
