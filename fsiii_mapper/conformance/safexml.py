"""Parse untrusted XML: no DTD, no entity expansion, no network, bounded size and depth.

A vendor's file may be malformed, truncated, hostile or not XML at all. Every such case ends as
a ``XmlProblem`` naming what is wrong (and where, when the parser knows); nothing outside the
file is ever read. Defences, outermost first:

1. size: ``os.stat`` before reading, then never more than ``max_bytes + 1`` bytes read;
2. a file whose bytes contain a document type declaration is refused before parsing (DTDs are
   how XXE and entity-expansion attacks arrive, and XDIS16 files have no DTD);
3. the parser itself: entities not substituted, DTDs not loaded, network off, libxml2's default
   limits kept (no ``huge_tree``: text nodes and nesting depth are bounded);
4. after parsing, a document that still declared a DTD (e.g. in UTF-16, which step 2 cannot
   see) is refused too.
"""

from __future__ import annotations

import os
import stat
import threading
from dataclasses import dataclass

from lxml import etree

DEFAULT_MAX_BYTES = 10 * 1024 * 1024

_DOCTYPE_MARKERS = (b"<!DOCTYPE", b"<!ENTITY")
_local = threading.local()


@dataclass
class XmlProblem(Exception):
    """Why a file could not be accepted as XML. ``kind``: unreadable, too-large, empty, dtd,
    too-deep, encoding or malformed."""

    kind: str
    detail: str
    line: int | None = None

    def __str__(self) -> str:
        return self.detail


def _parser() -> etree.XMLParser:
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = etree.XMLParser(
            resolve_entities=False,
            load_dtd=False,
            dtd_validation=False,
            no_network=True,
            huge_tree=False,
            attribute_defaults=False,
            collect_ids=False,
            remove_blank_text=True,  # layout whitespace is not content (see comparator.py)
        )
        _local.parser = parser
    return parser


def read_bounded(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, or ``XmlProblem`` if it is not a readable regular file or too large.

    Opened non-blocking (a FIFO must not hang the batch), checked with ``fstat`` on the open file
    (no race between checking and reading), and read for what ``fstat`` promised plus one byte.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise XmlProblem("unreadable", exc.strerror or str(exc)) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise XmlProblem("unreadable", "not a regular file")
        if st.st_size > max_bytes:
            raise XmlProblem("too-large", f"{st.st_size} bytes > {max_bytes}")
        data = os.read(fd, st.st_size + 1)
        while len(data) > st.st_size and len(data) <= max_bytes:  # the file grew meanwhile
            more = os.read(fd, max_bytes + 1 - len(data))
            if not more:
                break
            data += more
    except OSError as exc:
        raise XmlProblem("unreadable", exc.strerror or str(exc)) from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise XmlProblem("too-large", f"more than {max_bytes} bytes")
    return data


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def parse_bytes(data: bytes) -> etree._ElementTree:
    """Parse ``data`` safely; raises ``XmlProblem``."""
    if not data.strip():
        raise XmlProblem("empty", "the file is empty")
    for marker in _DOCTYPE_MARKERS:
        at = data.find(marker)
        if at >= 0:
            raise XmlProblem("dtd", marker.decode()[2:], _line_of(data, at))
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise _classify(exc) from None
    except ValueError as exc:  # e.g. bytes lxml refuses before parsing
        raise XmlProblem("malformed", str(exc)) from None
    tree = root.getroottree()
    docinfo = tree.docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise XmlProblem("dtd", "DOCTYPE", 1)
    return tree


def _classify(exc: etree.XMLSyntaxError) -> XmlProblem:
    msg = str(exc.msg or exc)
    line = exc.lineno if exc.lineno and exc.lineno > 0 else None
    low = msg.lower()
    if "depth" in low:
        return XmlProblem("too-deep", msg, line)
    if "utf-8" in low or "encoding" in low or "char 0x" in low or "not proper" in low:
        return XmlProblem("encoding", msg, line)
    if "document is empty" in low:
        return XmlProblem("empty", msg, line)
    return XmlProblem("malformed", msg, line)
