"""One citizen's reference file as the checker's fast paths use it.

The checker compares most files with the reference in a few C-level operations instead of field
by field: the *landmarks* (the Clark tags of the report, letter, envelope blocks, containers and
items, in document order, found in one walk) and the serialised containers. A file equal to the
reference in these is checked as the reference would be; anything else takes the careful path,
so the findings are always the careful path's (tests/test_vendor_fast_path*.py).

A vendor that writes namespace prefixes of its own serialises every container differently from
the reference. For such a file the reference container is serialised once more with the file's
prefixes (a *variant*, at most ``MAX_VARIANTS`` per citizen, so hostile files cannot make it
grow); equal bytes are then equal trees, and the prefix style of a vendor costs one comparison
of bytes per container like the reference formatting.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml import etree

MAX_VARIANTS = 6  # per citizen: (container, prefix style) pairs whose serialisation is kept


def shape(holder: Any) -> tuple[Any, ...]:
    """What a container holds, independent of namespace prefixes: per element in document
    order its Clark tag, number of children, attributes, text and tail (the container's own tail
    left out). Equal shapes are equal trees, whichever prefixes the files declare."""
    return tuple(
        (
            el.tag,
            len(el),
            tuple(el.attrib.items()),
            el.text,
            None if el is holder else el.tail,
        )
        for el in holder.iter()
    )


def serialised(el: Any) -> bytes:
    """``el`` and what it holds as bytes (UTF-8: the cheapest encoding to write)."""
    return bytes(etree.tostring(el, encoding="UTF-8", with_tail=False))


def _with_prefixes(src: Any, nsmap: dict[str | None, str]) -> bytes | None:
    """``src`` serialised as it would be under a parent declaring ``nsmap`` (``None`` if it holds
    anything but elements)."""
    top = etree.Element("_", nsmap=nsmap)

    def copy(el: Any, parent: Any) -> bool:
        new = etree.SubElement(parent, el.tag, dict(el.attrib))
        new.text, new.tail = el.text, el.tail
        return all(isinstance(c.tag, str) and copy(c, new) for c in el)

    if not copy(src, top):
        return None
    return serialised(top[0])


@dataclass
class Reference:
    """The parts of a citizen's parsed reference file the fast paths compare with."""

    marks: list[str]  # Clark tags of the landmark elements, document order
    first: dict[str, int]  # layout key → position in ``marks`` of its first element
    counts: dict[str, int]  # item key → how many such elements the reference holds
    skeleton: list[str]  # ``marks`` without the items
    skeleton_first: dict[str, int]  # layout key → position in ``skeleton`` of its first element
    holders: dict[str, Any]  # container key → the reference's container element
    sections: dict[str, bytes]  # container key → its serialisation
    shapes: dict[str, tuple[Any, ...]]  # container key → ``shape`` of it
    # (container key, the file's start tag: its prefixes) → the reference serialised in those
    # prefixes, or ``None``: files of this style are compared by shape
    variants: dict[tuple[str, bytes], bytes | None] = field(default_factory=dict)
    probed: set[tuple[str, bytes]] = field(default_factory=set)  # once compared by shape too

    def same(self, key: str, holder: Any) -> bool:
        """``holder`` (the file's container for ``key``) is equal to the reference's.

        Which comparison answers only decides how fast, never what: bytes equal to the
        reference's in the file's prefixes, else — where these cannot be written (a style that
        declares its prefixes again on inner elements, or more styles than ``MAX_VARIANTS``) —
        equal shapes. The first time a style's bytes differ, its shape is compared as well: a
        style whose shape is equal while its bytes are not is compared by shape from then on;
        otherwise the difference is one of content, and later differences are taken as such."""
        data = serialised(holder)
        if data == self.sections[key]:
            return True
        slot = (key, data[: data.find(b">") + 1])
        if slot not in self.variants:
            if len(self.variants) >= MAX_VARIANTS:
                return shape(holder) == self.shapes[key]
            self.variants[slot] = _with_prefixes(self.holders[key], dict(holder.nsmap))
        variant = self.variants[slot]
        if variant is None:
            return shape(holder) == self.shapes[key]
        if data == variant:
            return True
        if slot in self.probed:
            return False
        self.probed.add(slot)
        if shape(holder) == self.shapes[key]:
            self.variants[slot] = None
            return True
        return False
