"""Parse untrusted XML: no DTD, no entity expansion, no network, bounded size and depth.

A vendor's file may be malformed, truncated, hostile or not XML at all. Every such case ends as
a ``XmlProblem`` naming what is wrong (and where, when the parser knows); nothing outside the
file is ever read. Defences, outermost first:

1. size: ``os.stat`` before reading, then never more than ``max_bytes + 1`` bytes read;
2. the encoding is found the way an XML parser finds it (byte order mark, the first four bytes,
   the XML declaration) and must be one we read ourselves (UTF-8/16/32, Latin-1, Windows-1252,
   ASCII): a parser that decodes an encoding we cannot (UTF-7, EBCDIC …) could see a declaration
   we do not;
3. a file whose text, in that encoding, contains a document type or entity declaration is refused
   before parsing (DTDs are how XXE and entity-expansion attacks arrive, and XDIS16 files have no
   DTD);
4. the parser itself: entities not substituted, DTDs not loaded, network off, a resolver that
   refuses every external resource, libxml2's default limits kept (no ``huge_tree``: text nodes
   and nesting depth are bounded);
5. after parsing, a document that still declared a DTD is refused too (always, although the
   text check above already refuses every declaration we know: the layers do not lean on each
   other).
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import threading
from dataclasses import dataclass

from lxml import etree

DEFAULT_MAX_BYTES = 10 * 1024 * 1024

_DOCTYPE_MARKERS = (b"<!DOCTYPE", b"<!ENTITY")
_DECLARATION = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_XML_DECL_ENCODING = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
# Encodings whose text Python decodes exactly as libxml2 does, so step 3 sees what the parser sees.
_READABLE = {
    "utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be",
    "iso8859-1", "cp1252", "ascii", "iso8859-15",
}  # fmt: skip
# (byte order mark or first four bytes, the Unicode family they announce): XML 1.0 appendix F
_FAMILIES = (
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (b"\x00<\x00?", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"),
)
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


class _RefuseEverything(etree.Resolver):  # type: ignore[misc]
    """Every external resource the parser asks for (DTD, entity, XInclude) is refused."""

    def resolve(self, system_url: str | None, public_id: str | None, context: object) -> None:
        raise XmlProblem("dtd", f"external resource refused: {system_url or public_id}")


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
        parser.resolvers.add(_RefuseEverything())
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
    if not data or data.isspace():
        raise XmlProblem("empty", "the file is empty")
    _refuse_declarations(data)
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


def _encoding_of(data: bytes) -> str:
    """The codec an XML parser would read ``data`` with (``XmlProblem`` for one we cannot read)."""
    if data.startswith(b"<?xml"):  # most files: no byte order mark, ASCII-compatible bytes
        family, m = None, _XML_DECL_ENCODING.match(data, 0, 512)
    else:
        family = next((name for mark, name in _FAMILIES if data.startswith(mark)), None)
        if family is None and data[:4] == b"\x4c\x6f\xa7\x94":
            raise XmlProblem("encoding", "EBCDIC-encoded files are not accepted")
        head = (
            data[:512]
            .decode(family or "latin-1", "replace")
            .lstrip("\ufeff")
            .encode("latin-1", "replace")
        )
        m = _XML_DECL_ENCODING.match(head)
    declared = m.group(1).decode("ascii") if m else None
    if declared is None:
        return family or "utf-8"
    try:
        codec = codecs.lookup(declared).name
    except LookupError:
        raise XmlProblem("encoding", f"unknown encoding {declared!r}", 1) from None
    if codec not in _READABLE:
        raise XmlProblem("encoding", f"the encoding {declared!r} is not accepted", 1)
    wide = codec.startswith(("utf-16", "utf-32"))
    if family is not None:
        return family  # the byte pattern decides the Unicode family, as it does for libxml2
    if wide:
        raise XmlProblem("encoding", f"declared {declared!r}, but the bytes are not", 1)
    return codec


def _refuse_declarations(data: bytes) -> None:
    """Refuse a DTD or entity declaration, found in the text as the parser would decode it."""
    codec = _encoding_of(data)
    if not codec.startswith(("utf-16", "utf-32")):
        # ASCII-compatible: the markers have the same bytes in every accepted encoding, and
        # both begin with "<!" (a byte most files do not hold at all: one ``memchr``)
        if b"!" not in data:
            return
        for marker in _DOCTYPE_MARKERS:
            at = data.find(marker)
            if at >= 0:
                raise XmlProblem("dtd", marker.decode()[2:], _line_of(data, at))
        return
    text = data.decode(codec, "replace")
    m = _DECLARATION.search(text)
    if m:
        raise XmlProblem("dtd", m.group(1).upper(), text.count("\n", 0, m.start()) + 1)


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
