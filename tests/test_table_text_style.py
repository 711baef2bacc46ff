"""A table saves the way its file is written: line ends, BOM, ``~``, quoted dates, ``---``/``...``.

Regression: an unchanged CRLF table came back with mixed line ends (comments kept CR, the rest
did not), a BOM was dropped, ``~`` became ``null``, ``'2025-03-01'`` lost its quotes, and ``---``
disappeared together with every comment above it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from frozen import DATA
from hypothesis import given, settings
from hypothesis import strategies as st

from fsiii_mapper.io.documents import load_table

TABLE = (DATA / "table_simplified.yaml").read_bytes()


def saved(path: Path, data: bytes, edit: bool = False) -> bytes:
    path.write_bytes(data)
    doc = load_table(path)
    if edit:
        doc.table.rows[1].comment = "ændret"
    doc.save()
    return path.read_bytes()


VARIANTS = {
    "crlf": TABLE.replace(b"\n", b"\r\n"),
    "bom": b"\xef\xbb\xbf" + TABLE,
    "bom-crlf": b"\xef\xbb\xbf" + TABLE.replace(b"\n", b"\r\n"),
    "tilde": TABLE.replace(b": null", b": ~"),
    "quoted-date": TABLE.replace(b"valid_from: 2025-03-01", b"valid_from: '2025-03-01'"),
    "document-start": b"---\n" + TABLE,
    "comment-directive-start": b"# over\n%YAML 1.2\n---  # start\n\n" + TABLE,
    "document-end": TABLE + b"...\n# efter\n",
}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_an_unchanged_table_saves_to_the_same_bytes(tmp_path: Path, variant: str) -> None:
    data = VARIANTS[variant]
    assert saved(tmp_path / "t.yaml", data) == data


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_an_edited_table_changes_only_the_edited_line(tmp_path: Path, variant: str) -> None:
    data = VARIANTS[variant]
    out = saved(tmp_path / "t.yaml", data, edit=True)
    before, after = data.splitlines(keepends=True), out.splitlines(keepends=True)
    assert len(before) == len(after)
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert len(changed) == 1
    assert "ændret".encode() in changed[0][1]


def test_a_crlf_table_never_gets_a_bare_lf_after_an_edit(tmp_path: Path) -> None:
    out = saved(tmp_path / "t.yaml", VARIANTS["crlf"], edit=True)
    assert out.count(b"\n") == out.count(b"\r\n")


def test_a_file_with_mixed_line_ends_is_saved_with_the_dominant_one(tmp_path: Path) -> None:
    mostly_crlf = TABLE.replace(b"\n", b"\r\n").replace(b"\r\n", b"\n", 5)
    out = saved(tmp_path / "t.yaml", mostly_crlf)
    assert out.count(b"\n") == out.count(b"\r\n")
    mostly_lf = TABLE.replace(b"\n", b"\r\n", 5)
    assert b"\r" not in saved(tmp_path / "u.yaml", mostly_lf)


def test_positions_are_the_file_s_lines_behind_a_prologue(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_bytes(VARIANTS["comment-directive-start"])
    plain = tmp_path / "p.yaml"
    plain.write_bytes(TABLE)
    line, col = load_table(path).row_position(3)
    assert (line, col) == (load_table(plain).row_position(3)[0] + 4, 5)  # type: ignore[operator]


@settings(max_examples=40, deadline=None)
@given(
    crlf=st.booleans(),
    bom=st.booleans(),
    tilde=st.booleans(),
    start=st.sampled_from([b"", b"---\n", b"# c\n---\n", b"--- # c\n\n"]),
    end=st.sampled_from([b"", b"...\n", b"...\n# c\n", b"..."]),
)
def test_any_combination_of_layouts_survives_load_and_save(
    tmp_path_factory: pytest.TempPathFactory,
    crlf: bool,
    bom: bool,
    tilde: bool,
    start: bytes,
    end: bytes,
) -> None:
    data = start + (TABLE.replace(b": null", b": ~") if tilde else TABLE) + end
    if crlf:
        data = data.replace(b"\n", b"\r\n")
    if bom:
        data = b"\xef\xbb\xbf" + data
    assert saved(tmp_path_factory.mktemp("s") / "t.yaml", data) == data
