"""The checker's fast path (a container equal to the reference, byte for byte or — with other
namespace prefixes — in shape) must find exactly what field-by-field comparison finds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from frozen import check_config
from lxml import etree

from fsiii_mapper.conformance import comparator
from fsiii_mapper.conformance.batch import Checker
from fsiii_mapper.conformance.render import render_tree

NS = "urn:oio:medcom:municipality:1.0.3"
M = {"m": NS}


def _restyled(root: etree._Element, prefix: str) -> bytes:
    """Same content, another vendor's style: every element under ``prefix``, no indentation."""

    def copy(el: etree._Element, parent: etree._Element | None) -> etree._Element:
        ns = etree.QName(el).namespace
        new = (
            etree.Element(el.tag, nsmap={prefix: ns})
            if parent is None
            else etree.SubElement(parent, el.tag, nsmap={prefix: ns} if ns else None)
        )
        new.text = el.text if el.text and el.text.strip() else None
        new.tail = el.tail if el.tail and el.tail.strip() else None
        for k, v in el.attrib.items():
            new.set(k, v)
        for child in el:
            copy(child, new)
        return new

    return etree.tostring(copy(root, None), xml_declaration=True, encoding="UTF-8")


def _nest_score_in_terminology(root: etree._Element) -> None:
    """Same elements in the same document order, but another tree: Score moved one level down."""
    item = next(root.iter(f"{{{NS}}}AbilityToFunctionElement"), None)
    if item is None:
        return
    term, score = item.find("m:Terminology", M), item.find("m:Score", M)
    if term is not None and score is not None:
        item.remove(score)
        term.append(score)


def _wrong_score(root: etree._Element) -> None:
    score = next(root.iter(f"{{{NS}}}Score"), None)
    if score is not None:
        score.text = "totale" if score.text != "totale" else "lette"


def _attribute(root: etree._Element) -> None:
    item = next(root.iter(f"{{{NS}}}ProblemArea"), None)
    if item is not None:
        item.set("lang", "da")


MUTATIONS: dict[str, Callable[[etree._Element], None]] = {
    "clean": lambda root: None,
    "nested": _nest_score_in_terminology,
    "wrong score": _wrong_score,
    "attribute": _attribute,
}


@pytest.mark.parametrize("strategy", ["original", "cura", "nexus"])
@pytest.mark.parametrize("mutation", list(MUTATIONS))
def test_fast_path_finds_what_field_by_field_comparison_finds(
    strategy: str,
    mutation: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    checker = Checker(check_config(strategy))  # its own: the run below changes its back-off
    files = []
    for cid in sorted(checker.expected):
        root = render_tree(checker.expected[cid], checker.spec).getroot()
        MUTATIONS[mutation](root)
        for prefix in ("v", "ns0"):
            path = tmp_path / f"{cid}_{prefix}.xml"
            path.write_bytes(_restyled(root, prefix))
            files.append(path)

    def key(path: Path) -> list[tuple[object, ...]]:
        return [
            (f.rule, f.field, f.expected, f.actual, f.xpath)
            for f in checker.check_file(path).findings
        ]

    fast = [key(p) for p in files]
    monkeypatch.setattr(comparator.Comparator, "_same_section", lambda *a, **k: False)
    slow = [key(p) for p in files]
    assert fast == slow
    if mutation == "clean":
        assert all(not f for f in fast)
    elif mutation != "attribute":  # an unknown attribute is no finding either way
        assert any(fast)


def test_restyled_clean_files_take_the_fast_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checker = Checker(check_config("cura"))
    cid = sorted(checker.expected)[0]
    path = tmp_path / f"{cid}.xml"
    path.write_bytes(_restyled(render_tree(checker.expected[cid], checker.spec).getroot(), "v"))
    calls: list[str] = []
    monkeypatch.setattr(
        comparator.Comparator, "_check_items", lambda *a, **k: calls.append("items")
    )
    monkeypatch.setattr(
        comparator.Comparator, "_check_areas", lambda *a, **k: calls.append("areas")
    )
    assert checker.check_file(path).findings == []
    assert calls == []
