"""The core never imports Qt: the GUI adapts it, the CLI and scripts run without a display."""

from __future__ import annotations

import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import fsiii_mapper

CORE = Path(fsiii_mapper.__file__).parent
QT = re.compile(r"^\s*(from|import)\s+(PySide6|PyQt[56]|shiboken6|qtpy)\b", re.M)


def test_no_core_module_imports_qt_in_its_source():
    offenders = [str(p) for p in CORE.rglob("*.py") if QT.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_importing_every_core_module_loads_no_qt():
    names = [m.name for m in pkgutil.walk_packages([str(CORE)], "fsiii_mapper.")]
    code = (
        "import importlib, sys\n"
        f"for n in {names!r}: importlib.import_module(n)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'ui')]\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
