"""Small shared vocabularies, and what every data-file class has in common.

The classes of this package are plain standard-library dataclasses: a command that reads its
files from the model cache never imports a validation library. Files are validated when they are
read (``fsiii_mapper.io.validation``): pydantic validates these dataclasses from their annotations,
and ``Check`` markers (``model/checks.py``) carry the rules a field has beyond its type.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, ClassVar, Literal, TypeVar

Evidence = Literal["verified", "sibling", "assumed"]
"""On what ground a fact stands: read in a public source about the thing itself (verified), seen in
a sibling (e.g. the XD1834C discharge report for the XD1634C admission report), or our best
reading (assumed)."""

Group = Literal["funktionsevne", "helbred"]
"""FSIII group: funktionsevnetilstande (J, carry a level) or helbredstilstande (I, carry text)."""

T = TypeVar("T")

CARRIED = {"carried": True}
"""Field metadata: a non-init field that ``replaced`` copies along (e.g. a row's YAML node)."""
EXCLUDED = {"exclude": True}
"""Field metadata: a field that ``to_data`` leaves out (it is never written back)."""


class Strict:
    """Base for data-file classes: unknown keys are errors when a file is validated, so typos
    are caught (read by pydantic from ``__pydantic_config__``)."""

    __slots__ = ()
    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}


_SCALARS = frozenset({str, int, float, bool, type(None), dt.date})


_DATA_FIELDS: dict[type[object], tuple[str, ...] | None] = {}


def _data_fields(cls: type[object]) -> tuple[str, ...] | None:
    """The fields of a data-file class that ``to_data`` writes; None for any other type."""
    if cls not in _DATA_FIELDS:
        _DATA_FIELDS[cls] = (
            tuple(
                f.name for f in dataclasses.fields(cls) if f.init and not f.metadata.get("exclude")
            )
            if dataclasses.is_dataclass(cls)
            else None
        )
    return _DATA_FIELDS[cls]


def to_data(value: Any) -> Any:
    """A data-file object as plain data (dicts, lists, scalars; dates stay dates), as it is
    written to a file and validated: only the fields a file holds, in declaration order."""
    cls: type[object] = type(value)
    if cls in _SCALARS:
        return value
    names = _data_fields(cls)
    if names is not None:
        return {name: to_data(getattr(value, name)) for name in names}
    if isinstance(value, dict):
        return {k: to_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_data(v) for v in value]
    return value


def replaced(obj: T, **changes: Any) -> T:
    """A copy of ``obj`` with ``changes`` (not validated), carrying along the fields marked
    ``CARRIED`` (a row keeps its place in the file)."""
    new = dataclasses.replace(obj, **changes)  # type: ignore[type-var]
    for f in dataclasses.fields(obj):  # type: ignore[arg-type]
        if f.metadata.get("carried"):
            setattr(new, f.name, getattr(obj, f.name))
    return new


def defaults(cls: type[Any]) -> dict[str, Any]:
    """The default of every field of ``cls`` that has one (what a file may leave out)."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        if f.default is not dataclasses.MISSING:
            out[f.name] = f.default
        elif f.default_factory is not dataclasses.MISSING:
            out[f.name] = f.default_factory()
    return out


def field_names(cls: type[Any]) -> tuple[str, ...]:
    """The names of the fields a file of ``cls`` holds, in declaration order."""
    return tuple(f.name for f in dataclasses.fields(cls) if f.init)
