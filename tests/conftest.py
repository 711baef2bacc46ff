"""Shared fixtures: the shipped workspace, copies of shipped files, the reference folder."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from fsiii_mapper import texts
from fsiii_mapper.workspace import Workspace, shipped_dir

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(autouse=True)
def danish_by_default(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests see the default language (Danish) whatever the developer's FSIII_LANG says, and a
    language one test fixes for the process (the GUI, ``--lang``) does not leak into the next."""
    monkeypatch.delenv("FSIII_LANG", raising=False)
    texts.set_language(None)
    yield
    texts.set_language(None)


@pytest.fixture(scope="session")
def shipped_ws() -> Workspace:
    """The shipped workspace, loaded once. Do not mutate it; use ``ws`` for that."""
    return Workspace.load()


@pytest.fixture
def ws() -> Workspace:
    """A fresh workspace a test may change."""
    return Workspace.load()


@pytest.fixture
def shared_dir() -> Path:
    if not (SHARED / "reference").is_dir():
        pytest.skip("../shared/reference is not beside the checkout")
    return SHARED


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the whole shipped data folder."""
    target = tmp_path / "data"
    shutil.copytree(shipped_dir(), target, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return target
