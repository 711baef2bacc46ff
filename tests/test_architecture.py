"""The layers hold: the core is Qt-free and knows neither application; no import cycles.

The contracts live in pyproject.toml (import-linter); these tests run them, show that they can
fail, and cover what import-linter cannot see (imports by string).
"""

from __future__ import annotations

import ast
import os
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import fsiii_mapper

ROOT = Path(__file__).resolve().parents[1]
CORE = Path(fsiii_mapper.__file__).parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
PACKAGES = ("fsiii_mapper", "fsiii_mapper_cli", "ui")


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=cwd, env=env, capture_output=True, text=True
    )


def _copy_tree(tmp_path: Path) -> Path:
    for pkg in PACKAGES:
        shutil.copytree(ROOT / pkg, tmp_path / pkg, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_import_contracts_are_kept() -> None:
    proc = _lint_imports(ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("fsiii_mapper/analysis/_offender.py", "import PySide6\n", "imports neither"),
        ("fsiii_mapper/analysis/_offender.py", "import ui.preview\n", "imports neither"),
        ("fsiii_mapper/_offender.py", "from fsiii_mapper_cli import options\n", "imports neither"),
        ("ui/_offender.py", "import fsiii_mapper_cli.options\n", "GUI does not import"),
        ("fsiii_mapper_cli/_offender.py", "import ui.preview\n", "entry point"),
    ],
)
def test_a_forbidden_import_breaks_a_contract(
    tmp_path: Path, module: str, line: str, contract: str
) -> None:
    tree = _copy_tree(tmp_path)
    (tree / module).write_text(line, encoding="utf-8")
    proc = _lint_imports(tree)
    assert proc.returncode != 0
    broken = proc.stdout.split("Broken contracts")[-1]
    assert contract in broken


def test_an_import_cycle_breaks_a_contract(tmp_path: Path) -> None:
    tree = _copy_tree(tmp_path)
    # analysis already imports engine; engine importing analysis back closes a cycle
    (tree / "fsiii_mapper/engine/_offender.py").write_text(
        "import fsiii_mapper.analysis.fill\n", encoding="utf-8"
    )
    proc = _lint_imports(tree)
    assert proc.returncode != 0
    assert "No import cycles" in proc.stdout.split("Broken contracts")[-1]


def _dynamic_imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
        if name in ("import_module", "__import__", "find_spec", "load_module"):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_the_core_imports_nothing_by_string() -> None:
    # import-linter only sees import statements; a string import would hide an arrow upwards
    offenders = [hit for p in sorted(CORE.rglob("*.py")) for hit in _dynamic_imports(p)]
    assert offenders == []


def test_importing_every_core_module_loads_no_qt() -> None:
    names = [m.name for m in pkgutil.walk_packages([str(CORE)], "fsiii_mapper.")]
    code = (
        "import importlib, sys\n"
        f"for n in {names!r}: importlib.import_module(n)\n"
        "bad = [m for m in sys.modules\n"
        "       if m.split('.')[0] in ('PySide6', 'shiboken6', 'ui', 'fsiii_mapper_cli')]\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
