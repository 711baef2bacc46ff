"""The domain as plain dataclasses: catalogs, report layout, mapping tables, citizens."""

from fsiii_mapper.model.catalog import (
    Catalog,
    CatalogArea,
    CatalogState,
    Crosswalk,
    CrosswalkEntry,
    OtherGroups,
)
from fsiii_mapper.model.citizen import AreaNote, Citizen, CitizenCondition
from fsiii_mapper.model.common import Evidence, Group
from fsiii_mapper.model.layout import ReportField, ReportLayout, ScoreWord, XmlElement
from fsiii_mapper.model.table import MappingRow, MappingTable, TableMeta
from fsiii_mapper.model.vendor_rules import RuleSettings, VendorRules

__all__ = [
    "AreaNote",
    "Catalog",
    "CatalogArea",
    "CatalogState",
    "Citizen",
    "CitizenCondition",
    "Crosswalk",
    "CrosswalkEntry",
    "Evidence",
    "Group",
    "MappingRow",
    "MappingTable",
    "OtherGroups",
    "ReportField",
    "ReportLayout",
    "RuleSettings",
    "ScoreWord",
    "TableMeta",
    "VendorRules",
    "XmlElement",
]
