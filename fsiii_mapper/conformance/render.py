"""The reference (golden) XDIS16 file for one citizen: what the tables prescribe, nothing more.

Only the parts fsiii-mapper owns carry content (letter header, patient identifier, function items,
problem areas); the rest is a minimal envelope. Element names come from the layout (``names``).
"""

from __future__ import annotations

from lxml import etree

from fsiii_mapper.conformance.expected import ExpectedReport, LayoutSpec
from fsiii_mapper.conformance.names import LETTER_FIELDS, XmlNames

_SHARED_PREFIX = "s"


def _nsmap(names: XmlNames) -> dict[str | None, str]:
    nsmap: dict[str | None, str] = {None: names.namespace}
    used = {names.ns_of(k) for k in names.clark}
    if names.shared_namespace and names.shared_namespace in used:
        nsmap[_SHARED_PREFIX] = names.shared_namespace
    return nsmap


def _sub(
    parent: etree._Element, names: XmlNames, key: str, text: str | None = None
) -> etree._Element:
    name = names.get(key)
    assert name is not None, key
    el = etree.SubElement(parent, name)
    if text is not None:
        el.text = text
    return el


def _container(parent: etree._Element, names: XmlNames, key: str) -> etree._Element:
    """The wrapper element ``key`` if the layout names one, else ``parent`` itself."""
    return _sub(parent, names, key) if names.get(key) else parent


def _terminology(
    parent: etree._Element, names: XmlNames, code: str, system: str, description: str
) -> None:
    term = _sub(parent, names, "terminology")
    _sub(term, names, "code", code)
    _sub(term, names, "code_system", system)
    _sub(term, names, "code_description", description)


def render_tree(expected: ExpectedReport, spec: LayoutSpec) -> etree._ElementTree:
    names = spec.names
    root_name = names.get("root")
    assert root_name is not None
    root = etree.Element(root_name, nsmap=_nsmap(names))
    if names.get("envelope"):
        _sub(root, names, "envelope")
    report = _sub(root, names, "report")
    if names.get("letter"):
        letter = _sub(report, names, "letter")
        for key, value_key in LETTER_FIELDS:
            if not names.get(key):
                continue
            if key == "letter_identifier":
                _sub(letter, names, key, expected.letter_id)
            elif value_key in names.values:
                _sub(letter, names, key, names.values[value_key])
    if expected.identifier is not None and names.get("patient_identifier"):
        patient = _container(report, names, "patient")
        _sub(patient, names, "patient_identifier", expected.identifier)
    if expected.items:
        holder = _container(report, names, "function_ability")
        for item in expected.items:
            el = _sub(holder, names, "function_item")
            _terminology(el, names, item.code, item.code_system, item.description)
            if item.score is not None:
                _sub(el, names, "score", item.score)
            if item.comment and names.get("comment"):
                _sub(el, names, "comment", item.comment)
    if expected.areas:
        holder = _container(report, names, "nursing")
        for area in expected.areas:
            el = _sub(holder, names, "problem_area")
            _terminology(el, names, area.code, area.code_system, area.description)
            _sub(el, names, "problem_area_text", area.text)
    return etree.ElementTree(root)


def render_xml(expected: ExpectedReport, spec: LayoutSpec) -> bytes:
    """UTF-8 bytes with an XML declaration, indented, ending in a newline."""
    data: bytes = etree.tostring(
        render_tree(expected, spec), xml_declaration=True, encoding="UTF-8", pretty_print=True
    )
    return data
