"""Round-trip YAML: load with positions, dump byte-stably, save atomically.

Every YAML file the tool reads or writes goes through this module, so comments, key order and
quoting survive edits, and a malformed file is reported with file, line and column.

Data files are plain data, so a hostile file is refused before any Python object is built: the
event stream is scanned first (libyaml where installed) and anchors or aliases (``&a`` … ``*a``,
the stuff of "billion laughs" bombs) and nesting deeper than ``MAX_DEPTH`` are input errors. A
value YAML cannot turn into Python (``2026-02-30``, a number of thousands of digits) is an input
error with its line, never a crash.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor, SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    NodeEvent,
)
from ruamel.yaml.nodes import Node, ScalarNode
from ruamel.yaml.representer import RoundTripRepresenter

from fsiii_mapper.errors import InputError
from fsiii_mapper.io.schema_errors import quoted
from fsiii_mapper.io.textfile import read_text
from fsiii_mapper.io.textstyle import TextStyle, detect_style
from fsiii_mapper.texts import t

MAX_DEPTH = 64
"""Deepest nesting of lists and mappings a data file may have (ours need five)."""


class _Refused(Exception):
    """A data file uses something YAML allows and data files do not; ``line`` is 1-based."""

    def __init__(self, message: str, line: int | None, column: int | None, hint: str) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.hint = hint


def _mark_position(mark: Any) -> tuple[int | None, int | None]:
    if mark is None:
        return None, None
    return mark.line + 1, mark.column + 1


def _value_problem(node: Node, exc: Exception) -> _Refused:
    """``2026-02-30`` or a 5,000-digit number: YAML reads the type, Python cannot build it."""
    line, col = _mark_position(node.start_mark)
    value = quoted(node.value) if isinstance(node.value, str) else ""
    tag = node.tag or ""
    if tag.endswith(":timestamp"):
        message = t("{value} is not a date that exists", value=value)
        hint = t("write a real date as YYYY-MM-DD, or put the value in quotes if it is text")
    elif tag.endswith(":int"):
        message = t("{value} is a number too long to read", value=value)
        hint = t("put the value in quotes if it is text")
    else:
        message = t("{value} cannot be read ({reason})", value=value, reason=str(exc))
        hint = t("put the value in quotes if it is text")
    return _Refused(message, line, col, hint)


class _RoundTripConstructor(RoundTripConstructor):
    def construct_non_recursive_object(self, node: Any, tag: str | None = None) -> Any:
        try:
            return super().construct_non_recursive_object(node, tag)
        except (ValueError, OverflowError) as exc:
            raise _value_problem(node, exc) from None


class _SafeConstructor(SafeConstructor):
    def construct_non_recursive_object(self, node: Any, tag: str | None = None) -> Any:
        try:
            return super().construct_non_recursive_object(node, tag)
        except (ValueError, OverflowError) as exc:
            raise _value_problem(node, exc) from None


def _scan(text: str) -> None:
    """Refuse anchors, aliases and deep nesting from the event stream, before composing: the
    composer would otherwise recurse (libyaml's to a crash) and aliases multiply the document."""
    depth = 0
    for event in YAML(typ="safe").parse(text):
        if isinstance(event, NodeEvent) and (
            isinstance(event, AliasEvent) or event.anchor is not None
        ):
            line, col = _mark_position(event.start_mark)
            raise _Refused(
                t("anchors and aliases (&name, *name) are not allowed in data files"),
                line,
                col,
                t("write the value out in full where the alias stands"),
            )
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                line, col = _mark_position(event.start_mark)
                raise _Refused(
                    t("the data is nested more than {n} levels deep", n=MAX_DEPTH),
                    line,
                    col,
                    t("a data file of this tool never needs that; check the file"),
                )
        elif isinstance(event, CollectionEndEvent):
            depth -= 1


class _TildeRepresenter(RoundTripRepresenter):
    """Writes null as ``~``, for files that write their nulls so."""


def _represent_tilde(self: RoundTripRepresenter, data: None) -> ScalarNode:
    return self.represent_scalar("tag:yaml.org,2002:null", "~")


_TildeRepresenter.add_representer(type(None), _represent_tilde)


def _yaml(null: str = "null") -> YAML:
    y = YAML(typ="rt")
    if null == "~":
        y.Representer = _TildeRepresenter
    y.Constructor = _RoundTripConstructor
    y.preserve_quotes = True
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 4096  # never fold long lines: a re-save must not reflow the user's text
    y.allow_unicode = True
    # Rows share equal dates; anchors (&id001) in a user's table would only confuse.
    y.representer.ignore_aliases = lambda *args: True
    return y


@dataclass
class LoadedYaml:
    """A parsed YAML document together with the text it came from."""

    path: Path
    text: str
    data: Any
    style: TextStyle


def parse_yaml_text(text: str, path: str | os.PathLike[str] = "<text>") -> Any:
    """Round-trip parse: a tree that keeps comments, order, quoting and positions (line ends,
    BOM and document markers are the business of ``TextStyle``; line numbers are the file's)."""
    return _parse(_yaml(), detect_style(text).body_for_parsing(text), path)


def parse_plain_text(text: str, path: str | os.PathLike[str] = "<text>") -> Any:
    """Plain dicts and lists, fast (libyaml through ruamel.yaml.clib where installed): for
    documents that are only read. Same YAML 1.2 rules as ``parse_yaml_text``, no positions."""
    y = YAML(typ="safe")
    y.Constructor = _SafeConstructor
    return _parse(y, text, path)


def _parse(y: YAML, text: str, path: str | os.PathLike[str]) -> Any:
    try:
        _scan(text)
        return y.load(text)
    except _Refused as exc:
        raise InputError(exc.message, path, exc.line, exc.column, exc.hint) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        col = mark.column + 1 if mark is not None else None
        # The parser's own wording of the problem (English, from ruamel.yaml) follows ours.
        problem = exc.problem or exc.context or ""
        raise InputError(
            t("YAML syntax error (the parser says: {problem})", problem=problem)
            if problem
            else t("YAML syntax error"),
            path,
            line,
            col,
            t("fix the file in a text editor; nothing was changed"),
        ) from None
    except YAMLError as exc:
        raise InputError(t("YAML error: {problem}", problem=exc), path) from None
    except (ValueError, OverflowError, RecursionError) as exc:
        # A value the constructor could not build outside a node of its own (kept as a net).
        raise InputError(
            t("the file cannot be read: {reason}", reason=str(exc) or type(exc).__name__),
            path,
            hint=t("fix the file in a text editor; nothing was changed"),
        ) from None


def load_yaml(path: str | os.PathLike[str]) -> LoadedYaml:
    """Read and round-trip parse a UTF-8 YAML file (``InputError`` with file and line if not)."""
    text, p = read_text(path)
    return LoadedYaml(p, text, parse_yaml_text(text, p), detect_style(text))


def dump_yaml(data: Any, style: TextStyle | None = None) -> str:
    """YAML text of ``data``; with ``style``, laid out the way the file it came from was."""
    buf = io.StringIO()
    _yaml(style.null if style else "null").dump(data, buf)
    return style.apply(buf.getvalue()) if style else buf.getvalue()


def position(node: Any, loc: tuple[Any, ...]) -> tuple[int | None, int | None]:
    """1-based (line, column) of the value at ``loc`` inside a ruamel tree, as close as it gets."""
    line: int | None = None
    col: int | None = None
    cur = node
    for key in loc:
        if isinstance(cur, CommentedMap) and key in cur:
            ln, cl = cur.lc.value(key) if cur.lc.data and key in cur.lc.data else (None, None)
            if ln is None:
                ln, cl = cur.lc.line, cur.lc.col
            line, col = ln, cl
            cur = cur[key]
        elif isinstance(cur, CommentedSeq) and isinstance(key, int) and 0 <= key < len(cur):
            ln, cl = cur.lc.item(key)
            line, col = ln, cl
            cur = cur[key]
        else:
            if isinstance(cur, (CommentedMap, CommentedSeq)) and line is None:
                line, col = cur.lc.line, cur.lc.col
            break
    if line is None:
        return None, None
    return line + 1, (col + 1 if col is not None else None)
