"""The text catalogue: one source per language, complete, compiled, with real plural forms."""

from __future__ import annotations

import ast
import io
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from fsiii_mapper.texts import LOCALE_DIR, N_, nt, t

ROOT = Path(__file__).resolve().parents[1]
PO = LOCALE_DIR / "da" / "LC_MESSAGES" / "fsiii_mapper.po"
MO = PO.with_suffix(".mo")
KEYWORDS = {"t": None, "nt": (1, 2), "N_": None}
PACKAGES = ("fsiii_mapper", "fsiii_mapper_cli", "ui")


def _catalog():  # type: ignore[no-untyped-def]
    with PO.open("rb") as fh:
        return read_po(fh, locale="da")


def _msgids_in_code() -> set[str]:
    found: set[str] = set()
    for pkg in PACKAGES:
        for _file, _line, message, _comments, _ctx in extract_from_dir(
            ROOT / pkg, keywords=KEYWORDS, comment_tags=()
        ):
            found.add(message[0] if isinstance(message, tuple) else message)
    return found


def test_every_text_in_the_code_has_a_danish_translation() -> None:
    catalog = _catalog()
    missing = sorted(m for m in _msgids_in_code() if m not in catalog or not catalog[m].string)
    assert missing == [], "run tools/texts.sh update and translate: " + repr(missing[:20])


def test_the_compiled_catalogue_is_up_to_date() -> None:
    buf = io.BytesIO()
    write_mo(buf, _catalog())
    assert MO.read_bytes() == buf.getvalue(), "run tools/texts.sh compile"


@pytest.mark.parametrize(
    ("n", "lang", "expected"),
    [(1, "da", "1 række"), (2, "da", "2 rækker"), (1, "en", "1 row"), (0, "en", "0 rows")],
)
def test_counted_texts_take_the_plural_form_of_the_language(
    n: int, lang: str, expected: str
) -> None:
    assert nt("{n} row", "{n} rows", n, lang) == expected


def test_placeholders_are_named_and_filled_after_translation() -> None:
    assert t("{n} row", "en", n=3) == "3 row"  # no catalogue: the msgid itself
    assert N_("Preview") == "Preview"


def _translation_dicts(path: Path) -> list[str]:
    hits = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Dict):
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
            if {"da", "en"} <= keys:
                hits.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return hits


def test_no_hand_written_translation_tables_remain() -> None:
    hits = [
        h
        for pkg in PACKAGES
        for p in sorted((ROOT / pkg).rglob("*.py"))
        for h in _translation_dicts(p)
    ]
    assert hits == []
