"""The set of data a command works on: catalogs, layout, crosswalk and the table pair.

By default everything comes from the shipped ``mapping_tables`` folder; any table can be replaced
by a file of the user's, and wherever a table is expected, a shipped table's id is accepted too.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path

from fsiii_mapper.errors import InputError
from fsiii_mapper.io.documents import (
    TableDocument,
    load_catalog,
    load_citizen,
    load_crosswalk,
    load_layout,
    load_other_groups,
    load_table,
    load_vendor_rules,
)
from fsiii_mapper.io.schema_errors import quoted
from fsiii_mapper.model import (
    Catalog,
    Citizen,
    Crosswalk,
    OtherGroups,
    ReportLayout,
    VendorRules,
)
from fsiii_mapper.texts import t

SHIPPED_TABLES = {
    "original": "table_original.yaml",
    "simplified": "table_simplified.yaml",
    "simplified-b": "table_simplified_b.yaml",
}
PAIR = ("original", "simplified")
"""The table slots the engine uses: the old table and the simplified table (by catalog)."""
SHIPPED_CATALOGS = {"original": "catalog_original.yaml", "simplified": "catalog_simplified.yaml"}
OTHER_GROUPS_FILE = "fsiii_other_groups.yaml"
VENDOR_RULES_FILE = "vendor_rules.yaml"


def shipped_dir() -> Path:
    """The folder of the shipped data (the ``mapping_tables`` package, installed as files).
    Found from the package itself: ``importlib.resources`` would cost every start ≈ 4 ms."""
    import mapping_tables

    return Path(mapping_tables.__file__).parent


def citizens_dir() -> Path:
    return shipped_dir() / "citizens"


def demo_citizen_paths() -> list[Path]:
    return sorted(citizens_dir().glob("*.yaml"))


@dataclass
class Workspace:
    catalogs: dict[str, Catalog]
    layout: ReportLayout
    crosswalk: Crosswalk
    tables: dict[str, TableDocument] = field(default_factory=dict)
    base: Path = field(default_factory=shipped_dir)
    other_groups: OtherGroups | None = None
    vendor_rules: VendorRules = field(default_factory=VendorRules)

    @classmethod
    def load(cls, folder: str | os.PathLike[str] | None = None) -> Workspace:
        base = Path(folder) if folder is not None else shipped_dir()
        catalogs = {cid: load_catalog(base / name) for cid, name in SHIPPED_CATALOGS.items()}
        ws = cls(
            catalogs=catalogs,
            layout=load_layout(base / "report_layout.yaml"),
            crosswalk=load_crosswalk(base / "crosswalk.yaml"),
            base=base,
        )
        # Optional: a data folder made before the file existed still loads.
        if (base / OTHER_GROUPS_FILE).exists():
            ws.other_groups = load_other_groups(base / OTHER_GROUPS_FILE)
        if (base / VENDOR_RULES_FILE).exists():
            ws.vendor_rules = load_vendor_rules(base / VENDOR_RULES_FILE)
        for slot in PAIR:
            ws.tables[slot] = load_table(base / SHIPPED_TABLES[slot])
        return ws

    def table_ids(self) -> list[str]:
        """The ids of the tables that ship in this workspace's folder (any can be opened)."""
        return [tid for tid, name in SHIPPED_TABLES.items() if (self.base / name).exists()]

    def with_table(self, doc: TableDocument, slot: str | None = None) -> Workspace:
        """A copy of this workspace with ``doc`` in a slot of the pair (this one is unchanged),
        e.g. the simplified strategy with ``simplified-b`` in the simplified slot."""
        other = dataclasses.replace(self, tables=dict(self.tables))
        other.use_table(doc, slot)
        return other

    def catalog_for(self, doc: TableDocument) -> Catalog | None:
        return self.catalogs.get(doc.table.table.catalog)

    @property
    def original(self) -> TableDocument:
        return self.tables["original"]

    @property
    def simplified(self) -> TableDocument:
        return self.tables["simplified"]

    def table_path(self, arg: str) -> Path:
        """The file behind a table argument: a table id of this workspace's folder, or a path."""
        if arg in SHIPPED_TABLES and not Path(arg).exists():
            return self.base / SHIPPED_TABLES[arg]
        return Path(arg)

    def open_table(self, arg: str) -> TableDocument:
        """A table by id (``original``, ``simplified``, ``simplified-b``) or by path."""
        return load_table(self.table_path(arg))

    def use_table(self, doc: TableDocument, slot: str | None = None) -> None:
        """Put ``doc`` in the slot of the table pair its catalog belongs to; with ``slot``
        given, a table of the other catalog is refused rather than moved to the other slot."""
        catalog = doc.table.table.catalog
        if slot is not None and catalog != slot:
            raise InputError(
                t(
                    "the table {table} maps the {catalog} catalog, not the {slot} one",
                    table=doc.table.id,
                    catalog=quoted(catalog),
                    slot=quoted(slot),
                ),
                doc.path,
                hint=t("give it with --old for the original catalog, --new for the simplified"),
            )
        slot = catalog
        if slot not in PAIR:
            raise InputError(
                t(
                    "the table {table} names the catalog {catalog}",
                    table=doc.table.id,
                    catalog=quoted(slot),
                ),
                doc.path,
                hint=t("a mapping table must use the catalog original or simplified"),
            )
        self.tables[slot] = doc


def open_citizen(arg: str) -> Citizen:
    """A citizen by path, or by the id / file stem of a shipped demo citizen."""
    p = Path(arg)
    if p.exists():
        return load_citizen(p)
    for demo in demo_citizen_paths():
        if demo.stem == arg or demo.stem.split("-", 2)[:2] == arg.split("-", 2)[:2]:
            return load_citizen(demo)
    for demo in demo_citizen_paths():
        if load_citizen(demo).id == arg:
            return load_citizen(demo)
    raise InputError(
        t("no such citizen file or demo citizen"),
        arg,
        hint=t("give the path of a citizen file (YAML) or a demo id such as demo-01"),
    )
