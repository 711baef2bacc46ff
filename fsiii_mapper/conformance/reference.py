"""One citizen's reference file as the checker's fast paths use it.

The checker compares most files with the reference in a few C-level operations instead of field
by field: the *landmarks* (the Clark tags of the report, letter, envelope blocks, containers and
items, in document order, found in one walk) and the serialised containers. A file equal to the
reference in these is checked as the reference would be; anything else takes the careful path,
so the findings are always the careful path's (tests/test_vendor_fast_path.py).

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

MAX_VARIANTS = 4  # per citizen: prefix styles whose serialised containers are kept


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
    holders: dict[str, Any]  # container key → the reference's container element
    sections: dict[str, bytes]  # container key → its serialisation
    shapes: dict[str, tuple[Any, ...]]  # container key → ``shape`` of it
    variants: dict[tuple[str, bytes], bytes | None] = field(default_factory=dict)

    def same(self, key: str, holder: Any) -> bool:
        """``holder`` (the file's container for ``key``) is equal to the reference's."""
        data = serialised(holder)
        if data == self.sections[key]:
            return True
        start = data[: data.find(b">") + 1]  # the container's start tag: prefixes in scope
        slot = (key, start)
        if slot not in self.variants and len(self.variants) < MAX_VARIANTS:
            self.variants[slot] = _with_prefixes(self.holders[key], dict(holder.nsmap))
        variant = self.variants.get(slot)
        if variant is not None and data == variant:
            return True
        return shape(holder) == self.shapes[key]
