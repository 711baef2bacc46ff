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

Cheaper still, a container is compared in the file's own bytes, without serialising it: once a
file's container has been found equal to the reference, its *source* (the bytes from its start
tag to its end tag) is kept with what decides how those bytes parse — the XML declaration (the
encoding) and the namespaces in scope. A later file whose container starts with exactly these
bytes, in the same context, parses to the same tree (``_source_at`` says when the position found
in the bytes is sure to be the container's own). A source holding blank text (indentation) is not
kept: whether blank text is dropped depends on ``xml:space`` around it too, and such a file's
container is serialised as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from lxml import etree

MAX_VARIANTS = 6  # per citizen: (container, prefix style) pairs whose serialisation is kept
MAX_SOURCES = 8  # per citizen: (container, declaration, start tag) whose source bytes are kept
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_AFTER_NAME = frozenset(b" \t\r\n/>")  # what may follow an element's name in its start tag
_BLANK_TEXT = re.compile(rb">[ \t\r\n]+<")  # text of blanks only, between two tags


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


class FileBytes:
    """The bytes a file was parsed from (``file_bytes``)."""

    __slots__ = ("_clear", "data", "head")

    def __init__(self, data: bytes, head: bytes) -> None:
        self.data = data
        self.head = head  # the XML declaration: decides the encoding
        self._clear = -1

    def clear(self) -> int:
        """No ``!`` before this position, and no ``?`` between the declaration and it."""
        if self._clear < 0:
            data, clear = self.data, len(self.data)
            for at in (data.find(b"!"), data.find(b"?", len(self.head))):
                if 0 <= at < clear:
                    clear = at
            self._clear = clear
        return self._clear


def file_bytes(data: bytes) -> FileBytes | None:
    """``data`` (bytes the safe reader accepted) as ``FileBytes``; ``None`` for a file without an
    XML declaration, or one laid out with indentation (a blank after the root's start tag: its
    containers hold blank text, which is never compared in bytes). The declaration names the
    encoding, and the safe reader accepts no encoding but ASCII-compatible ones after it: the
    bytes of a tag are then its ASCII name."""
    if not data.startswith(b"<?xml"):
        return None
    decl = data.find(b"?>") + 2
    root = data.find(b">", decl) + 1
    if decl < 2 or root < 1 or data[root : root + 1].isspace():
        return None
    return FileBytes(data, data[:decl])


@lru_cache(maxsize=64)
def _opening(prefix: str | None, tag: str) -> bytes | None:
    """How an element's start tag begins in a file: ``<`` and its name (``None``: not ASCII)."""
    local = tag.rpartition("}")[2]
    name = f"<{prefix}:{local}" if prefix else f"<{local}"
    return name.encode("ascii") if name.isascii() else None


def _source_at(opening: bytes, file: FileBytes) -> int | None:
    """Where the start tag of the file's first element written ``opening`` begins; ``None``
    where this cannot be sure.

    Sure means: before the position there is no ``!`` (no comment, CDATA section or DOCTYPE that
    could hold a copy of the tag) and no ``?`` after the declaration (no processing instruction).
    Text and attribute values cannot hold a ``<``, so the first ``<name`` followed by a blank,
    ``/`` or ``>`` is then the start tag of the first element of that name."""
    data, clear = file.data, file.clear()
    at = data.find(opening, len(file.head), clear)
    while at >= 0:
        after = at + len(opening)
        if after < len(data) and data[after] in _AFTER_NAME:
            return at
        at = data.find(opening, at + 1, clear)
    return None


def _spaced(holder: Any) -> bool:
    """An element around ``holder`` sets ``xml:space`` (which decides whether blank text in it is
    dropped)."""
    up = holder.getparent()
    while up is not None:
        if up.get(_XML_SPACE) is not None:
            return True
        up = up.getparent()
    return False


def _end_of(opening: bytes, data: bytes, at: int) -> int | None:
    """Where the source of the element starting at ``at`` ends: after the first ``</name>``, if
    no ``</name`` follows it (so it is the element's end tag or lies after it: what is kept holds
    the whole element); ``None`` otherwise (nothing is kept)."""
    closing = b"</" + opening[1:] + b">"
    end = data.find(closing, at)
    if end < 0 or data.find(closing[:-1], end + 1) >= 0:
        return None
    return end + len(closing)


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
    # (container key, the file's declaration, how the container's start tag begins) → the source
    # of a container found equal in such a file and the namespaces in scope there; ``None``:
    # such containers hold blank text (indentation), compared as trees
    sources: dict[tuple[str, bytes, bytes], tuple[bytes, dict[Any, str]] | None] = field(
        default_factory=dict
    )

    def same(self, key: str, holder: Any, file: FileBytes | None = None) -> bool:
        """``holder`` (the file's container for ``key``) is equal to the reference's; ``file``:
        the bytes it was parsed from, given only where ``holder`` is the file's first element of
        its local name (compared first, see the module's docstring)."""
        opening = None if file is None else _opening(holder.prefix, holder.tag)
        if file is None or opening is None:
            return self._same_tree(key, holder)
        slot = (key, file.head, opening)
        kept = self.sources.get(slot, ())
        if kept is None:  # blank text: whether it is dropped depends on more than the bytes
            return self._same_tree(key, holder)
        at = _source_at(opening, file)
        # Equal bytes, equal namespaces in scope, equal encoding: equal trees.
        if (
            kept
            and at is not None
            and file.data.startswith(kept[0], at)
            and holder.nsmap == kept[1]
        ):
            return True
        if not self._same_tree(key, holder):
            return False
        end = None if at is None else _end_of(opening, file.data, at)
        if end is not None and (slot in self.sources or len(self.sources) < MAX_SOURCES):
            source = file.data[at:end]
            blank = _BLANK_TEXT.search(source) is not None or _spaced(holder)
            self.sources[slot] = None if blank else (source, holder.nsmap)
        return True

    def _same_tree(self, key: str, holder: Any) -> bool:
        """``holder`` is equal to the reference's container, compared as a tree.

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
