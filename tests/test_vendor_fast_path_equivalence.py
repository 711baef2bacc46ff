"""Every fast path of the checker (landmarks found in one walk, the letter's children compared as
one list, containers equal to the reference in its own or the vendor's prefixes) gives exactly the
findings of field-by-field comparison — message, severity, line and path included — over
reference files changed the ways vendors' files differ: deletions, moves, renames, wrappers,
namespaces, text, duplicates, comments, attributes, each written in several prefix styles."""

from __future__ import annotations

import copy
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pytest
from frozen import check_config
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from fsiii_mapper.conformance.batch import Checker
from fsiii_mapper.conformance.comparator import Comparator, patient_identifier
from fsiii_mapper.conformance.findings import VendorFinding
from fsiii_mapper.conformance.render import render_tree
from fsiii_mapper.conformance.safexml import XmlProblem, parse_bytes

NS = "urn:oio:medcom:municipality:1.0.3"
OTHER_NS = ("urn:oio:medcom:municipality:1.0.0", "urn:example:vendor", "")
NAMES = (
    "Letter",
    "Envelope",
    "Sender",
    "ReportOfAdmission",
    "AbilityToFunction",
    "AbilityToFunctionElements",
    "AbilityToFunctionElement",
    "NursingProblemAreas",
    "NursingProblemArea",
    "Terminology",
    "Code",
    "Score",
    "Comment",
    "ProblemArea",
    "VersionCode",
    "TypeCode",
    "Wrapper",
    "CivilRegistrationNumber",
    "Patient",
)
TEXTS = ("", " ", "moderate", "lette", "FA510", "I4", "icf", "XD1634C", " XDIS16 ", "Tekst æøå")


@cache
def _checker(strategy: str) -> Checker:
    return Checker(check_config(strategy))


@cache
def _careful(strategy: str) -> Comparator:
    return Comparator(_checker(strategy).spec, fast=False)


def _elements(root: etree._Element) -> list[etree._Element]:
    return [el for el in root.iter() if isinstance(el.tag, str)]


def _tag(ns: str, local: str) -> str:
    return f"{{{ns}}}{local}" if ns else local


def _mutate(root: etree._Element, op: str, a: int, b: int, c: int) -> None:
    els = _elements(root)
    el = els[a % len(els)]
    parent = el.getparent()
    if op == "text":
        el.text = TEXTS[b % len(TEXTS)]
    elif op == "attribute":
        el.set("lang", "da")
    elif op == "comment":
        el.insert(b % (len(el) + 1), etree.Comment(" vendor "))
    elif op == "rename":
        el.tag = _tag(etree.QName(el).namespace or "", NAMES[b % len(NAMES)])
    elif op == "namespace":
        el.tag = _tag(OTHER_NS[b % len(OTHER_NS)], etree.QName(el).localname)
    elif parent is None:
        return  # the root is only renamed, re-namespaced or given text
    elif op == "delete":
        parent.remove(el)
    elif op == "duplicate":
        el.addnext(copy.deepcopy(el))
    elif op == "wrap":
        wrapper = etree.Element(_tag(NS, NAMES[b % len(NAMES)]))
        el.addprevious(wrapper)
        wrapper.append(el)
    elif op == "move":
        outside = [e for e in els if e is not el and el not in e.iterancestors()]
        target = outside[b % len(outside)]
        target.insert(c % (len(target) + 1), el)


def _restyled(root: etree._Element, prefix: str) -> bytes:
    """Same content with ``prefix`` for the message namespace, without indentation."""

    def copy_of(el: etree._Element, parent: etree._Element | None) -> etree._Element:
        if not isinstance(el.tag, str):
            assert parent is not None
            parent.append(etree.Comment(el.text))
            return parent
        ns = etree.QName(el).namespace
        nsmap = {prefix: ns} if ns and parent is None else None
        new = (
            etree.Element(el.tag, nsmap=nsmap)
            if parent is None
            else etree.SubElement(parent, el.tag, nsmap=nsmap)
        )
        new.text = el.text
        for k, v in el.attrib.items():
            new.set(k, v)
        for child in el:
            copy_of(child, new)
        return new

    return etree.tostring(copy_of(root, None), xml_declaration=True, encoding="UTF-8")


def _redeclared(root: etree._Element) -> bytes:
    """Same content written by hand as some tools do: every element declares its prefix again."""

    def write(el: etree._Element) -> str:
        if not isinstance(el.tag, str):
            return f"<!--{el.text}-->"
        q = etree.QName(el)
        name = f"v:{q.localname}" if q.namespace else q.localname
        declared = f' xmlns:v="{q.namespace}"' if q.namespace else ""
        attributes = "".join(f" {k}={quoteattr(v)}" for k, v in el.attrib.items())
        inner = escape(el.text or "") + "".join(write(c) for c in el)
        return f"<{name}{declared}{attributes}>{inner}</{name}>"

    return ("<?xml version='1.0' encoding='UTF-8'?>\n" + write(root)).encode()


def _written(root: etree._Element, style: str) -> bytes:
    if style == "reference":
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    if style == "flat":
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    if style == "redeclared":
        return _redeclared(root)
    return _restyled(root, style)


STYLES = ("reference", "flat", "v", "ns0", "redeclared")
OPS = (
    "delete",
    "move",
    "rename",
    "namespace",
    "wrap",
    "text",
    "duplicate",
    "comment",
    "attribute",
)


def _findings(comparator: Comparator, checker: Checker, data: bytes, cid: str) -> object:
    try:
        tree = parse_bytes(data)
    except XmlProblem as p:  # e.g. a text made of nothing but blanks: both paths read nothing
        return p.kind
    root = tree.getroot()
    ident = patient_identifier(root, checker.spec.names)
    if not comparator.fast:
        return comparator.check(tree, checker.expected[cid], f"{cid}.xml", None, ident)
    # as the batch does: the identifier read from the one walk the fast paths start from
    marks = comparator.landmarks(root)
    assert comparator.identifier(marks) == ident
    return comparator.check(tree, checker.expected[cid], f"{cid}.xml", None, ident, marks)


def _same_findings(strategy: str, cid: str, data: bytes) -> list[VendorFinding]:
    checker = _checker(strategy)
    fast = checker.comparator
    fast._misses = 0  # every file tries every fast path
    got = _findings(fast, checker, data, cid)
    assert got == _findings(_careful(strategy), checker, data, cid)
    return got if isinstance(got, list) else []


@settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    strategy=st.sampled_from(["original", "simplified", "cura", "nexus"]),
    citizen=st.integers(0, 9),
    changes=st.lists(
        st.tuples(
            st.sampled_from(OPS),
            st.integers(0, 10_000),
            st.integers(0, 10_000),
            st.integers(0, 10_000),
        ),
        max_size=3,
    ),
    style=st.sampled_from(STYLES),
)
def test_fast_paths_find_what_field_by_field_comparison_finds(
    strategy: str, citizen: int, changes: list[tuple[str, int, int, int]], style: str
) -> None:
    checker = _checker(strategy)
    cid = sorted(checker.expected)[citizen % len(checker.expected)]
    root = render_tree(checker.expected[cid], checker.spec).getroot()
    for op, a, b, c in changes:
        _mutate(root, op, a, b, c)
    _same_findings(strategy, cid, _written(root, style))


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("strategy", ["original", "cura", "nexus"])
def test_every_demo_citizen_in_every_style_is_clean_both_ways(strategy: str, style: str) -> None:
    checker = _checker(strategy)
    for cid in sorted(checker.expected):
        root = render_tree(checker.expected[cid], checker.spec).getroot()
        assert _same_findings(strategy, cid, _written(root, style)) == []


@pytest.mark.parametrize("style", ["reference", "v", "ns0", "redeclared"])
def test_clean_files_take_every_fast_path(
    style: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the speed rests on: a clean file, however prefixed, is never walked field by field
    (neither the envelope and letter nor the containers)."""
    checker = Checker(check_config("cura"))
    calls: list[str] = []

    def spy(name: str) -> Callable[..., None]:
        def record(*args: object, **kwargs: object) -> None:
            calls.append(name)

        return record

    for name in ("_check_envelope", "_children_in_order", "_check_items", "_check_areas"):
        monkeypatch.setattr(Comparator, name, spy(name))
    for cid in sorted(checker.expected):
        root = render_tree(checker.expected[cid], checker.spec).getroot()
        path = tmp_path / f"{cid}.xml"
        path.write_bytes(_written(root, style))
        assert checker.check_file(path).findings == []
    assert calls == []


@pytest.mark.parametrize("name", ["AbilityToFunctionElement", "NursingProblemArea"])
def test_a_root_named_like_an_item_is_findings_not_an_internal_error(
    name: str, tmp_path: Path
) -> None:
    """Found by the test above: the root renamed to an item's name was FV009 (a traceback)."""
    checker = Checker(check_config("original"))
    root = render_tree(checker.expected["demo-01"], checker.spec).getroot()
    root.tag = f"{{{NS}}}{name}"
    path = tmp_path / "demo-01.xml"
    path.write_bytes(_written(root, "reference"))
    rules = [f.rule for f in checker.check_file(path).findings]
    assert "FV009" not in rules
    assert "FV021" in rules  # the root is not the message's


def test_a_file_lacking_an_item_has_only_its_items_compared_field_by_field(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checker = Checker(check_config("original"))
    calls: list[str] = []
    careful = Comparator._check_items

    def items(self: Comparator, *args: object) -> None:
        calls.append("items")
        careful(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Comparator, "_check_items", items)
    in_order = Comparator._children_in_order

    def children(self: Comparator, ctx: Any, el: Any, key: str) -> None:
        calls.append(key)
        in_order(self, ctx, el, key)

    monkeypatch.setattr(Comparator, "_children_in_order", children)
    monkeypatch.setattr(Comparator, "_check_envelope", lambda *a: calls.append("envelope"))
    root = render_tree(checker.expected["demo-01"], checker.spec).getroot()
    item = next(root.iter(f"{{{NS}}}AbilityToFunctionElement"))
    item.getparent().remove(item)
    path = tmp_path / "demo-01.xml"
    path.write_bytes(_written(root, "v"))
    assert [f.rule for f in checker.check_file(path).findings] == ["FV101"]
    # the envelope and the letter as the reference has them: not walked field by field
    assert calls[0] == "items" and set(calls[1:]) == {"function_item"}
