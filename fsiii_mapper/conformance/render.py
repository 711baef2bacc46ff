"""The reference (golden) XDIS16 file for one citizen, shaped as the report layout describes it.

The layout's ``xml`` section is a tree of elements (``children``, in document order) starting at
``root``; this writes it whole: envelope, letter, sender, receiver and patient blocks with the
layout's fixed values and fictional samples, then what the tables prescribe — the function items
and the problem areas. Free text is MedCom FormattedText: a line break is the layout's
``line_break`` element (``<Break/>``) when the layout names one.
"""

from __future__ import annotations

from lxml import etree

from fsiii_mapper.conformance.expected import (
    ExpectedArea,
    ExpectedItem,
    ExpectedReport,
    LayoutSpec,
)
from fsiii_mapper.conformance.names import (
    CONTENT_CONTAINERS,
    LETTER_ID_PLACEHOLDER,
    XmlNames,
)

_FORMATTED = frozenset({"comment", "problem_area_text"})


def _nsmap(names: XmlNames) -> dict[str | None, str]:
    nsmap: dict[str | None, str] = {None: names.namespace}
    for i, uri in enumerate(names.uris()[1:]):
        nsmap[f"s{i}" if i else "s"] = uri
    return nsmap


def _set_text(el: etree._Element, text: str, names: XmlNames) -> None:
    """``text`` into ``el``; its line breaks as ``line_break`` elements if the layout has one."""
    brk = names.get("line_break")
    lines = text.split("\n")
    if brk is None or len(lines) == 1:
        el.text = text
        return
    el.text = lines[0]
    for line in lines[1:]:
        b = etree.SubElement(el, brk)
        b.tail = line


class _Writer:
    def __init__(self, expected: ExpectedReport, names: XmlNames) -> None:
        self.expected = expected
        self.names = names
        self.item: ExpectedItem | ExpectedArea | None = None

    def text_of(self, key: str) -> str | None:
        """The text of a leaf element: from the field being written, the citizen, or the layout."""
        item, el = self.item, self.names.elements[key]
        if item is not None:
            if key == "code":
                return item.report_code
            if key == "code_system":
                return item.code_system
            if key == "code_description":
                return item.description
            if key == "score" and isinstance(item, ExpectedItem):
                return item.score
            if key == "comment" and isinstance(item, ExpectedItem):
                return item.comment or None
            if key == "problem_area_text" and isinstance(item, ExpectedArea):
                return item.text
        if key == "letter_identifier":
            return self.expected.letter_id
        if key == "patient_identifier":
            return self.expected.identifier
        if el.fixed is not None:
            return el.fixed
        if el.sample is not None:
            return el.sample.replace(LETTER_ID_PLACEHOLDER, self.expected.letter_id)
        return None

    def write(self, parent: etree._Element, key: str) -> None:
        el = self.names.elements[key]
        if key in CONTENT_CONTAINERS and not self._has_content(key):
            return
        if key == "function_item":
            for item in self.expected.items:
                self._one(parent, key, item)
            return
        if key == "problem_area":
            for area in self.expected.areas:
                self._one(parent, key, area)
            return
        if key == "line_break":
            return
        if el.children:
            node = etree.SubElement(parent, el.clark)
            for child in el.children:
                self.write(node, child)
            return
        text = self.text_of(key)
        if text is None and (self.item is not None or key == "patient_identifier"):
            return  # an optional part of an item (no score, no comment) or no identifier
        node = etree.SubElement(parent, el.clark)
        if text is not None:
            if key in _FORMATTED:
                _set_text(node, text, self.names)
            else:
                node.text = text

    def _one(self, parent: etree._Element, key: str, item: ExpectedItem | ExpectedArea) -> None:
        self.item = item
        node = etree.SubElement(parent, self.names.elements[key].clark)
        for child in self.names.elements[key].children:
            self.write(node, child)
        self.item = None

    def _has_content(self, key: str) -> bool:
        return bool(self.expected.items if key == "function_ability" else self.expected.areas)


def render_tree(expected: ExpectedReport, spec: LayoutSpec) -> etree._ElementTree:
    names = spec.names
    root_el = names.elements["root"]
    root = etree.Element(root_el.clark, nsmap=_nsmap(names))
    writer = _Writer(expected, names)
    for child in root_el.children:
        writer.write(root, child)
    return etree.ElementTree(root)


def render_xml(expected: ExpectedReport, spec: LayoutSpec) -> bytes:
    """UTF-8 bytes with an XML declaration, indented, ending in a newline."""
    data: bytes = etree.tostring(
        render_tree(expected, spec), xml_declaration=True, encoding="UTF-8", pretty_print=True
    )
    return data
