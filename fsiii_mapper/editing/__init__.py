"""Editing mapping tables without Qt: operations that return what changed, undo/redo history with
macros, the "unsaved changes" state, and observers. The GUI's Qt model only listens to it; the
CLI's ``table set`` and scripts use the same operations.

- ``changes``: ``Change`` / ``ChangeSet`` (what an operation changed), ``TableObserver``;
- ``steps``: reversible primitive steps on a ``TableDocument``;
- ``history``: the undo/redo list with its clean state;
- ``fields``: the editable fields and checking their values;
- ``selection``: rows by source, target or row number;
- ``table``: ``EditableTable``, the operations themselves.
"""

from fsiii_mapper.editing.changes import Change, ChangeSet, TableObserver
from fsiii_mapper.editing.fields import EDITABLE_FIELDS, check_values, choices
from fsiii_mapper.editing.selection import select_rows
from fsiii_mapper.editing.table import EditableTable

__all__ = [
    "EDITABLE_FIELDS",
    "Change",
    "ChangeSet",
    "EditableTable",
    "TableObserver",
    "check_values",
    "choices",
    "select_rows",
]
