"""Rules a field has beyond its type, as markers in ``Annotated[...]``.

A marker is read by pydantic when a file is validated (``fsiii_mapper.io.validation``): it asks
for the schema of the annotated type and wraps it. The model modules only name the markers, so
they import no validation library; ``pydantic_core`` is imported when a schema is built.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Check:
    """``fn`` checks (and may normalise) a value: after the type is validated, or before it
    with ``before=True``; ``strict=True`` refuses conversions (``true`` or ``"2"`` for a whole
    number). ``fn`` raises ``ValueError`` with a text in the user's language."""

    __slots__ = ("before", "fn", "strict")

    def __init__(
        self, fn: Callable[[Any], Any] | None = None, *, before: bool = False, strict: bool = False
    ) -> None:
        self.fn = fn
        self.before = before
        self.strict = strict

    def __get_pydantic_core_schema__(self, source: Any, handler: Callable[[Any], Any]) -> Any:
        from pydantic_core import core_schema

        schema = handler(source)
        if self.strict:
            if schema.get("type") == "nullable":
                schema = {**schema, "schema": {**schema["schema"], "strict": True}}
            else:
                schema = {**schema, "strict": True}
        if self.fn is None:
            return schema
        if self.before:
            return core_schema.no_info_before_validator_function(self.fn, schema)
        return core_schema.no_info_after_validator_function(self.fn, schema)
