"""What keeps the command line quick to start: the parser needs no heavy library, and a data file
parsed once is served from a cache that is never stale."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from frozen import DATA

from fsiii_mapper.io import model_cache
from fsiii_mapper.io.documents import load_catalog, load_table
from fsiii_mapper.model import Catalog
from fsiii_mapper.model.common import to_data
from fsiii_mapper_cli import choices


def test_the_parsers_choices_are_the_cores_names() -> None:
    from fsiii_mapper.conformance.report_files import FORMATS
    from fsiii_mapper.editing import EDITABLE_FIELDS
    from fsiii_mapper.engine.strategies import STRATEGIES
    from fsiii_mapper.interchange import EXPORT_FORMATS, IMPORT_FORMATS

    assert choices.STRATEGIES == STRATEGIES
    assert choices.EXPORT_FORMATS == EXPORT_FORMATS
    assert choices.IMPORT_FORMATS == IMPORT_FORMATS
    assert tuple(EDITABLE_FIELDS) == choices.EDITABLE_FIELDS
    assert choices.CHECK_FORMATS == FORMATS


@pytest.mark.parametrize("args", [["--help"], ["gaps", "--help"], ["check-vendor", "--help"]])
def test_help_imports_no_heavy_library(args: list[str]) -> None:
    code = (
        "import sys\n"
        "from fsiii_mapper_cli.main import main\n"
        f"rc = main({args!r})\n"
        "heavy = [m for m in ('pydantic', 'ruamel.yaml', 'lxml.etree') if m in sys.modules]\n"
        "print(rc, heavy)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.splitlines()[-1] == "0 []"


def _copy(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    target.write_bytes((DATA / name).read_bytes())
    return target


def test_a_changed_file_is_never_served_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(model_cache.ENV, str(tmp_path / "cache"))
    path = _copy(tmp_path, "catalog_original.yaml")
    first = load_catalog(path)
    assert model_cache.get(Catalog, path.read_bytes()) == first
    text = path.read_text(encoding="utf-8")
    old = first.states[0].display
    stat = path.stat()
    path.write_text(text.replace(old, "Ændret visning", 1), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same timestamp, other content
    assert load_catalog(path).states[0].display == "Ændret visning"


def test_a_read_only_or_damaged_cache_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv(model_cache.ENV, str(cache))
    path = _copy(tmp_path, "table_original.yaml")
    expected = to_data(load_table(path).table)
    for entry in cache.iterdir():
        entry.write_bytes(b"not a pickle")
    assert to_data(load_table(path).table) == expected
    for entry in cache.iterdir():
        entry.unlink()
    cache.chmod(0o500)
    try:
        monkeypatch.setattr(model_cache.tempfile, "mkstemp", _refuse)  # also when run as root
        assert to_data(load_table(path).table) == expected
        assert not list(cache.iterdir())
    finally:
        cache.chmod(0o700)


def _refuse(*args: object, **kwargs: object) -> tuple[int, str]:
    raise PermissionError(13, "Permission denied")


def test_the_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(model_cache.ENV, "off")
    assert model_cache.cache_dir() is None
    path = _copy(tmp_path, "report_layout.yaml")
    from fsiii_mapper.io.documents import load_layout

    assert load_layout(path).field_codes()
