"""Round-trip YAML: load with positions, dump byte-stably, save atomically.

Every YAML file the tool reads or writes goes through this module, so comments, key order and
quoting survive edits, and a malformed file is reported with file, line and column.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from fsiii_mapper.errors import InputError
from fsiii_mapper.texts import t


def _yaml() -> YAML:
    y = YAML(typ="rt")
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


def parse_yaml_text(text: str, path: str | os.PathLike[str] = "<text>") -> Any:
    """Round-trip parse: a tree that keeps comments, order, quoting and positions."""
    return _parse(_yaml(), text, path)


def parse_plain_text(text: str, path: str | os.PathLike[str] = "<text>") -> Any:
    """Plain dicts and lists, fast (libyaml through ruamel.yaml.clib where installed): for
    documents that are only read. Same YAML 1.2 rules as ``parse_yaml_text``, no positions."""
    return _parse(YAML(typ="safe"), text, path)


def _parse(y: YAML, text: str, path: str | os.PathLike[str]) -> Any:
    try:
        return y.load(text)
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


def load_yaml(path: str | os.PathLike[str]) -> LoadedYaml:
    """Read and round-trip parse a UTF-8 YAML file (``InputError`` with file and line if not)."""
    text, p = read_text(path)
    return LoadedYaml(p, text, parse_yaml_text(text, p))


def read_text(path: str | os.PathLike[str]) -> tuple[str, Path]:
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise InputError(t("file not found"), p) from None
    except OSError as exc:
        raise InputError(t("cannot read the file: {reason}", reason=exc.strerror), p) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            t("the file is not valid UTF-8"), p, line, None, t("save the file as UTF-8")
        ) from None
    return text, p


def dump_yaml(data: Any) -> str:
    buf = io.StringIO()
    _yaml().dump(data, buf)
    return buf.getvalue()


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
