"""Every fast path of the checker (landmarks found in one walk, the letter's children compared as
one list, containers equal to the reference in its own or the vendor's prefixes, containers equal
in their bytes to one already found equal) gives exactly the findings of field-by-field
comparison — message, severity, line and path included — over reference files changed the ways
vendors' files differ: deletions, moves, renames, wrappers, namespaces, text, duplicates,
comments, attributes, each written in several prefix styles; and over files made to fool a
comparison of bytes (a clean copy in a comment, another encoding, xml:space)."""

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
from fsiii_mapper.conformance.reference import Reference
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
    return comparator.check(tree, checker.expected[cid], f"{cid}.xml", None, ident, marks, data)


def _same_findings(strategy: str, cid: str, data: bytes) -> list[VendorFinding]:
    """The findings of ``data`` (the fast paths' and field-by-field comparison's, asserted equal);
    a clean file of the same citizen in the same style is checked first, so that a container is
    compared in its bytes whenever they can be."""
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
    _same_findings(strategy, cid, _written(root, style))  # its containers' bytes kept
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


def _sources(checker: Checker) -> int:
    return sum(
        kept is not None
        for _, index in checker.comparator._indexes.values()
        if index.reference is not None
        for kept in index.reference.sources.values()
    )


@pytest.mark.parametrize("style", ["reference", "flat", "v", "ns0"])
def test_clean_files_are_compared_in_their_own_bytes(
    style: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the speed of the second pass rests on: once a citizen's container was found equal to
    the reference in a file without indentation, the next file of that style is compared in its
    bytes (no tree serialised). Indented files are compared as trees (blank text is dropped or
    kept depending on more than the bytes)."""
    checker = Checker(check_config("original"))
    root = render_tree(checker.expected["demo-01"], checker.spec).getroot()
    path = tmp_path / "demo-01.xml"
    path.write_bytes(_written(root, style))
    assert checker.check_file(path).findings == []
    indented = style == "reference"
    assert _sources(checker) == (0 if indented else 2)  # function ability and nursing
    trees: list[str] = []
    monkeypatch.setattr(Reference, "_same_tree", lambda self, key, holder: trees.append(key))
    assert checker.check_file(path).findings == []
    assert trees == (["function_ability", "nursing"] if indented else [])


def _broken(root: etree._Element) -> etree._Element:
    """``root`` with its first function item's score changed: content, an error."""
    broken = copy.deepcopy(root)
    score = next(broken.iter(f"{{{NS}}}Score"))
    score.text = "lette" if score.text != "lette" else "moderate"
    return broken


def _container_start(data: bytes) -> int:
    at = data.find(b"AbilityToFunction>")
    return data.rfind(b"<", 0, at)


def _container(data: bytes) -> bytes:
    """The function-ability container's source in ``data``."""
    start = _container_start(data)
    after = data.find(b">", start) + 1
    end = data.find(b"AbilityToFunction>", after) + len(b"AbilityToFunction>")
    return data[start:end]


def _copy_in_comment(clean: bytes, broken: bytes) -> bytes:
    """The broken file with the clean container, as text, in a comment just before its own."""
    at = _container_start(broken)
    return broken[:at] + b"<!--" + _container(clean) + b"-->" + broken[at:]


def _copy_in_instruction(clean: bytes, broken: bytes) -> bytes:
    at = _container_start(broken)
    return broken[:at] + b"<?copy " + _container(clean) + b"?>" + broken[at:]


def _latin1_declared(clean: bytes, broken: bytes) -> bytes:
    """The clean file's bytes declared ISO-8859-1: its letters æøå read as two letters each."""
    return clean.replace(b"encoding='UTF-8'", b"encoding='ISO-8859-1'", 1)


def _space_preserved(clean: bytes, broken: bytes) -> bytes:
    """The clean file with xml:space="preserve" on the report: its indentation becomes text."""
    at = clean.find(b"<ReportOfAdmission") + len(b"<ReportOfAdmission")
    return clean[:at] + b' xml:space="preserve"' + clean[at:]


@pytest.mark.parametrize("style", ["reference", "v"])
@pytest.mark.parametrize("attack", [_copy_in_comment, _copy_in_instruction, _latin1_declared])
def test_bytes_made_to_look_clean_get_the_careful_findings(
    style: str, attack: Callable[[bytes, bytes], bytes]
) -> None:
    """A container whose bytes equal a clean one's only outside their context (in a comment or a
    processing instruction before the real one, under another encoding) is never taken for
    clean: the findings are field-by-field comparison's."""
    checker = _checker("original")
    root = render_tree(checker.expected["demo-01"], checker.spec).getroot()
    clean = _written(root, style)
    assert _same_findings("original", "demo-01", clean) == []
    assert _same_findings("original", "demo-01", clean) == []  # compared in its bytes
    data = attack(clean, _written(_broken(root), style))
    assert data != clean
    if attack is not _latin1_declared:
        assert _container(clean).endswith(b"AbilityToFunction>") and _container(clean) in data
    found = _same_findings("original", "demo-01", data)
    assert any(f.severity == "error" for f in found)


@pytest.mark.parametrize("layout", ["indented", "indented inside"])
def test_blank_text_kept_by_xml_space_is_compared_as_a_tree(
    layout: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Indentation is dropped when a file is read, unless an element around it says
    xml:space="preserve": bytes equal to a clean file's then need not be an equal tree. Also
    where only the inside of the report is indented (the root's start tag followed by a tag)."""
    checker = _checker("original")
    root = render_tree(checker.expected["demo-01"], checker.spec).getroot()
    clean = _written(root, "reference")
    if layout == "indented inside":
        at = clean.find(b">", clean.find(b"<Emessage")) + 1
        clean = clean[:at] + clean[at:].lstrip()
    assert _same_findings("original", "demo-01", clean) == []
    assert _same_findings("original", "demo-01", clean) == []
    trees: list[str] = []
    same_tree = Reference._same_tree

    def spy(self: Reference, key: str, holder: Any) -> bool:
        trees.append(key)
        return same_tree(self, key, holder)

    monkeypatch.setattr(Reference, "_same_tree", spy)
    _same_findings("original", "demo-01", _space_preserved(clean, clean))
    assert "function_ability" in trees


def test_a_prefix_bound_to_another_namespace_is_not_taken_for_clean() -> None:
    """The same bytes under another namespace for a prefix inside the container: the elements
    written with it are in the wrong namespace (FV020), however clean the bytes look."""
    checker = _checker("original")
    root = render_tree(checker.expected["demo-01"], checker.spec).getroot()
    flat = _written(root, "v").replace(b"<v:Code>", b"<c:Code>").replace(b"</v:Code>", b"</c:Code>")
    at = flat.find(b" xmlns:v=")

    def declaring(uri: str) -> bytes:
        return flat[:at] + f' xmlns:c="{uri}"'.encode() + flat[at:]

    assert _same_findings("original", "demo-01", declaring(NS)) == []
    assert _same_findings("original", "demo-01", declaring(NS)) == []  # compared in its bytes
    found = _same_findings("original", "demo-01", declaring("urn:example:vendor"))
    assert "FV020" in [f.rule for f in found]
