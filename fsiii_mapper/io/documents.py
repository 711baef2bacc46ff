"""Loading and saving the tool's YAML documents: catalogs, layout, crosswalk, tables, citizens.

Tables keep their YAML tree so that a save edits the file in place: comments, key order and
quoting survive, and saving an unchanged table writes the same bytes.

A document found in the model cache needs neither YAML nor validation: ``ruamel.yaml``
(``io.yamltree``) and pydantic (``io.validation``) are imported where a file is parsed, validated
or saved, never at the top of this module.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from fsiii_mapper.errors import InputError
from fsiii_mapper.io import model_cache
from fsiii_mapper.io.atomic import atomic_write_text
from fsiii_mapper.io.schema_errors import (
    not_a_mapping_text,
    problem_text,
    schema_error_hint,
    schema_error_text,
)
from fsiii_mapper.io.textfile import read_text
from fsiii_mapper.io.textstyle import TextStyle, detect_style
from fsiii_mapper.model import (
    Catalog,
    Citizen,
    Crosswalk,
    MappingRow,
    MappingTable,
    OtherGroups,
    ReportLayout,
    TableMeta,
    VendorRules,
)
from fsiii_mapper.model.common import Strict, defaults, to_data
from fsiii_mapper.model.table import ROW_FIELDS
from fsiii_mapper.texts import t

if TYPE_CHECKING:
    from ruamel.yaml.comments import CommentedMap

M = TypeVar("M", bound=Strict)


@dataclass
class SchemaProblem:
    loc: tuple[Any, ...]
    message: str
    line: int | None
    column: int | None


class SchemaError(InputError):
    """A YAML file that parses but does not have the expected shape; lists every problem."""

    def __init__(self, path: Path, problems: list[SchemaProblem], kind: str) -> None:
        self.problems = problems
        first = problems[0]
        super().__init__(
            schema_error_text(kind, first.loc, first.message, len(problems) - 1),
            path,
            first.line,
            first.column,
            schema_error_hint(),
        )


def _plain(node: Any) -> Any:
    """ruamel tree → plain Python (dicts, lists, str) for pydantic."""
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, str):
        return str(node)
    return node


def _validate(model: type[M], data: Any, tree: Any, path: Path, kind: str) -> M:
    from fsiii_mapper.io.validation import Invalid, validate
    from fsiii_mapper.io.yamltree import position

    if not isinstance(data, dict):
        raise InputError(not_a_mapping_text(kind), path, 1, 1)
    try:
        return validate(model, data)
    except Invalid as exc:
        problems = []
        for err in exc.errors:
            loc = tuple(err["loc"])
            line, col = position(tree, loc)
            problems.append(SchemaProblem(loc, problem_text(err), line, col))
        raise SchemaError(path, problems, kind) from None


def load_model(model: type[M], path: str | os.PathLike[str], kind: str) -> M:
    """A read-only document: parsed the fast way; only if it is invalid is it parsed again with
    positions, so the error names the line."""
    text, p = read_text(path)
    raw = text.encode("utf-8")
    cached = model_cache.get(model, raw)
    if cached is not None:
        return cached
    from fsiii_mapper.io.validation import Invalid, validate
    from fsiii_mapper.io.yamltree import parse_plain_text, parse_yaml_text

    data = parse_plain_text(text, p)
    if isinstance(data, dict):
        try:
            valid = validate(model, data)
        except Invalid:
            pass
        else:
            model_cache.put(model, raw, valid)
            return valid
    tree = parse_yaml_text(text, p)
    return _validate(model, _plain(tree), tree, p, kind)


def load_catalog(path: str | os.PathLike[str]) -> Catalog:
    return load_model(Catalog, path, "catalog")


def load_other_groups(path: str | os.PathLike[str]) -> OtherGroups:
    return load_model(OtherGroups, path, "catalog")


def load_layout(path: str | os.PathLike[str]) -> ReportLayout:
    return load_model(ReportLayout, path, "report layout")


def load_vendor_rules(path: str | os.PathLike[str]) -> VendorRules:
    return load_model(VendorRules, path, "vendor rules")


def load_crosswalk(path: str | os.PathLike[str]) -> Crosswalk:
    return load_model(Crosswalk, path, "crosswalk")


def load_citizen(path: str | os.PathLike[str]) -> Citizen:
    return load_model(Citizen, path, "citizen")


def save_model(model: Strict, path: str | os.PathLike[str], header: str = "") -> None:
    """Write a model as fresh YAML (for generated files such as imported catalogs)."""
    atomic_write_text(path, model_to_yaml(model, header))


def model_to_yaml(model: Strict, header: str = "") -> str:
    from ruamel.yaml.comments import CommentedMap

    from fsiii_mapper.io.yamltree import dump_yaml

    tree = _to_tree(to_data(model))
    if header and isinstance(tree, CommentedMap):
        tree.yaml_set_start_comment(header)
    return dump_yaml(tree)


def _to_tree(value: Any) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict):
        m = CommentedMap()
        for k, v in value.items():
            m[k] = _to_tree(v)
        return m
    if isinstance(value, list):
        s = CommentedSeq()
        s.extend(_to_tree(v) for v in value)
        return s
    return value


# --- mapping tables -------------------------------------------------------------------------


class _PendingNode:
    """Stands in for row ``index``'s YAML node until the document's tree is parsed."""

    __slots__ = ("index",)

    def __init__(self, index: int) -> None:
        self.index = index


@dataclass(frozen=True)
class DiskStamp:
    """What a file on disk was when it was read or written: to tell whether someone changed it
    since (modification time and size first; the content's hash when they differ)."""

    mtime_ns: int
    size: int
    sha256: str

    @classmethod
    def of(cls, path: Path) -> DiskStamp | None:
        """The file's stamp now; None if it cannot be read (gone, no permission)."""
        try:
            st = path.stat()
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return None
        return cls(st.st_mtime_ns, st.st_size, digest)

    def differs(self, path: Path) -> bool:
        """The file's content is no longer what this stamp saw (or the file is gone)."""
        try:
            st = path.stat()
        except OSError:
            return True
        if (st.st_mtime_ns, st.st_size) == (self.mtime_ns, self.size):
            return False
        now = DiskStamp.of(path)
        return now is None or now.sha256 != self.sha256


@dataclass
class TableDocument:
    """A mapping table together with the file it came from (path, original text, YAML tree).

    A table read from a file is validated from a fast plain parse; the round-trip tree (comments,
    quoting, positions) is parsed from ``text`` the first time something needs it — a position,
    ``to_text`` or a save — so commands that only read tables never build it. Until then each row
    holds a ``_PendingNode`` (carried along by ``replaced`` as the node itself would be), and the
    tree attaches the row's node when it is built: the same rows get the same nodes as if the
    tree had been built at load.
    """

    table: MappingTable
    path: Path | None = None
    text: str = ""
    _tree: CommentedMap | None = None  # None: not parsed yet (see ``tree``)
    style: TextStyle = field(default_factory=TextStyle)
    """Line ends, BOM, null spelling and document markers of the file, kept on save."""
    _pending: list[_PendingNode] = field(default_factory=list, repr=False)
    _nodes: dict[_PendingNode, Any] = field(default_factory=dict, repr=False)

    @property
    def tree(self) -> CommentedMap:
        if self._tree is None:
            from ruamel.yaml.comments import CommentedMap, CommentedSeq

            from fsiii_mapper.io.yamltree import parse_yaml_text

            tree = parse_yaml_text(self.text, self.path or "<text>")
            rows_node = tree.get("rows") if isinstance(tree, CommentedMap) else None
            if isinstance(rows_node, CommentedSeq) and len(rows_node) == len(self._pending):
                self._nodes = {p: rows_node[p.index] for p in self._pending}
            self._tree = tree if isinstance(tree, CommentedMap) else CommentedMap()
            self._attach()
        return self._tree

    @tree.setter
    def tree(self, value: CommentedMap) -> None:
        self._tree = value

    def _attach(self) -> None:
        """Rows that still hold a pending node get the node it stands for (none if it is not
        this document's)."""
        for row in self.table.rows:
            if isinstance(row._node, _PendingNode):
                row._node = self._nodes.get(row._node)

    disk: DiskStamp | None = None  # the file as last read or written by this document

    def changed_on_disk(self) -> bool:
        """Someone else changed (or removed) the file since this document read or saved it."""
        if self.path is None or self.disk is None:
            return False
        return self.disk.differs(self.path)

    def mark_on_disk(self) -> None:
        """Remember the file as it is now as this document's own version."""
        self.disk = DiskStamp.of(self.path) if self.path is not None else None

    def row_position(self, index: int, key: str | None = None) -> tuple[int | None, int | None]:
        """1-based line/column of row ``index`` (or of one of its keys) in the file as loaded."""
        row = self.table.rows[index] if 0 <= index < len(self.table.rows) else None
        node = getattr(row, "_node", None) if row is not None else None
        if isinstance(node, _PendingNode):
            self.tree  # noqa: B018 -- parses the tree, which resolves pending nodes
            node = self._nodes.get(node)
        return node_position(node, key)

    def copy_row(self, index: int, **changes: Any) -> MappingRow:
        """A copy of row ``index`` (with ``changes``, validated) that is a new row of the file:
        it is written as its own YAML entry, and the original keeps its entry and comments."""
        from fsiii_mapper.io.validation import validate

        return validate(MappingRow, {**_row_data(self.table.rows[index]), **changes})

    def key_position(self, *path: str) -> tuple[int | None, int | None]:
        """1-based line/column of a key, e.g. ``("table", "catalog")`` or ``("rows",)``."""
        from ruamel.yaml.comments import CommentedMap

        node: Any = self.tree
        for key in path[:-1]:
            node = node.get(key) if isinstance(node, CommentedMap) else None
        if not isinstance(node, CommentedMap) or not path or path[-1] not in node:
            return None, None
        if path[-1] == "rows" and len(path) == 1:
            return _key_pos(node, path[-1])
        return node_position(node, path[-1])

    def to_text(self) -> str:
        """The YAML the table would be saved as."""
        from fsiii_mapper.io.yamltree import dump_yaml

        tree = self.tree
        self._attach()
        _sync(self.table, tree)
        return dump_yaml(tree, self.style)

    def save(self, path: str | os.PathLike[str] | None = None) -> Path:
        """Save atomically. Serialising first means a failure leaves the old file as it was."""
        target = Path(path) if path is not None else self.path
        if target is None:
            raise InputError(t("no file name to save to"), hint=t("use save as"))
        from fsiii_mapper.io.yamltree import parse_yaml_text

        text = self.to_text()
        atomic_write_text(target, text)
        self.path = target
        self.text = text
        self.mark_on_disk()
        self._reattach(parse_yaml_text(text, target))
        return target

    def _reattach(self, tree: Any) -> None:
        """Point the document at the tree of what is now on disk, so positions match the file."""
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        rows_node = tree.get("rows") if isinstance(tree, CommentedMap) else None
        if not isinstance(rows_node, CommentedSeq) or len(rows_node) != len(self.table.rows):
            return
        self.tree = tree
        for row, node in zip(self.table.rows, rows_node, strict=True):
            row._node = node


def _has_positions(node: Any) -> bool:
    if node is None:
        return False
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    return isinstance(node, CommentedMap | CommentedSeq) and node.lc.line is not None


def _key_pos(node: CommentedMap, key: str) -> tuple[int | None, int | None]:
    data = node.lc.data
    if not data or key not in data:
        return None, None
    ln, cl = node.lc.key(key)
    return ln + 1, cl + 1


def node_position(node: Any, key: str | None = None) -> tuple[int | None, int | None]:
    """1-based position of a mapping (or of one of its values); (None, None) for nodes made in
    memory that were never read from a file."""
    if not _has_positions(node):
        return None, None
    from ruamel.yaml.comments import CommentedMap

    if key is not None and isinstance(node, CommentedMap) and node.lc.data and key in node.lc.data:
        ln, cl = node.lc.value(key)
        return ln + 1, cl + 1
    return node.lc.line + 1, node.lc.col + 1


def load_table(path: str | os.PathLike[str]) -> TableDocument:
    """A table from its file: from the model cache or validated from the fast plain parse, its
    round-trip tree parsed when first needed (see ``TableDocument``). An invalid file is parsed
    with positions at once, so the error names the line."""
    text, p = read_text(path)
    raw = text.encode("utf-8")
    table = model_cache.get(MappingTable, raw)
    if table is None:
        table = _parse_table(text, p, raw)
    if table is not None:
        pending = [_PendingNode(i) for i in range(len(table.rows))]
        for row, marker in zip(table.rows, pending, strict=True):
            row._node = marker
        doc = TableDocument(table, p, text, None, detect_style(text), pending)
        doc.mark_on_disk()
        return doc
    from ruamel.yaml.comments import CommentedSeq

    from fsiii_mapper.io.yamltree import parse_yaml_text

    tree = parse_yaml_text(text, p)
    table = _validate(MappingTable, _plain(tree), tree, p, "mapping table")
    rows_node = tree.get("rows")
    if isinstance(rows_node, CommentedSeq):
        for row, node in zip(table.rows, rows_node, strict=True):
            row._node = node
    doc = TableDocument(table, p, text, tree, detect_style(text))
    doc.mark_on_disk()
    return doc


def _parse_table(text: str, path: Path, raw: bytes) -> MappingTable | None:
    """The table of a file not in the model cache, from the fast plain parse (and cached); None
    if it is not valid (then the caller parses it again with positions for the message)."""
    from fsiii_mapper.io.validation import Invalid, validate
    from fsiii_mapper.io.yamltree import parse_plain_text

    data = parse_plain_text(text, path)
    if not isinstance(data, dict):
        return None
    try:
        table = validate(MappingTable, data)
    except Invalid:
        return None
    model_cache.put(MappingTable, raw, table)
    return table


def table_from_text(text: str, path: str = "<text>") -> TableDocument:
    from ruamel.yaml.comments import CommentedSeq

    from fsiii_mapper.io.yamltree import parse_yaml_text

    data = parse_yaml_text(text, path)
    table = _validate(MappingTable, _plain(data), data, Path(path), "mapping table")
    if isinstance(data.get("rows"), CommentedSeq):
        for row, node in zip(table.rows, data["rows"], strict=True):
            row._node = node
    return TableDocument(table, None, text, data, detect_style(text))


def new_table_document(table: MappingTable) -> TableDocument:
    from ruamel.yaml.comments import CommentedMap

    return TableDocument(table, None, "", CommentedMap())


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, str) and isinstance(new, str):
        return str(old) == new
    if isinstance(old, str) and isinstance(new, dt.date):
        return str(old) == new.isoformat()  # a date the file quotes keeps its quotes
    if isinstance(old, dt.datetime) and isinstance(new, dt.date):
        return old.date() == new
    return (bool(old == new) and type(old) is type(new)) or (old is None and new is None)


def _set(node: CommentedMap, key: str, value: Any) -> None:
    """Assign only when the value changed, so untouched scalars keep their quoting style."""
    if key in node and _same(node[key], value):
        return
    node[key] = value


def _sync_map(
    node: CommentedMap,
    data: dict[str, Any],
    order: tuple[str, ...],
    defaults: dict[str, Any],
) -> None:
    """Bring ``node`` in line with ``data``. A key the file leaves out stays out while its value
    is the default, so re-saving a hand-written file does not add noise to it."""
    fresh = not len(node)
    for key in order:
        if key not in data:
            continue
        value = data[key]
        if fresh or key in node or key not in defaults or value != defaults[key]:
            _set(node, key, value)
    for key in list(node):
        if key not in data:
            del node[key]


def _row_data(row: MappingRow) -> dict[str, Any]:
    data = to_data(row)
    return {k: data[k] for k in ROW_FIELDS}


def _sync(table: MappingTable, tree: CommentedMap) -> None:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    meta = to_data(table.table)
    meta_node = tree.get("table")
    if not isinstance(meta_node, CommentedMap):
        meta_node = CommentedMap()
        tree["table"] = meta_node
    existing = tuple(k for k in meta_node if k in meta)
    order = existing + tuple(k for k in meta if k not in existing)
    _sync_map(meta_node, meta, order, defaults(TableMeta))

    rows_node = tree.get("rows")
    if not isinstance(rows_node, CommentedSeq):
        rows_node = CommentedSeq()
        tree["rows"] = rows_node
    row_defaults = defaults(MappingRow)
    seen: set[int] = set()
    new_nodes: list[CommentedMap] = []
    for row in table.rows:
        node = row._node
        if not isinstance(node, CommentedMap) or id(node) in seen:
            node = CommentedMap()
            row._node = node
        seen.add(id(node))
        _sync_map(node, _row_data(row), ROW_FIELDS, row_defaults)
        new_nodes.append(node)
    if [id(n) for n in rows_node] != [id(n) for n in new_nodes]:
        comments = rows_node.ca.items
        kept = {id(n): comments.get(i) for i, n in enumerate(rows_node) if i in comments}
        rows_node.clear()
        rows_node.ca.items.clear()
        for i, n in enumerate(new_nodes):
            rows_node.append(n)
            if id(n) in kept and kept[id(n)] is not None:
                rows_node.ca.items[i] = kept[id(n)]
