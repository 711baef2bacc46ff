"""Undo/redo history: a list of undo steps, the current position and the saved ("clean") one.

An entry is one undo step: the primitive steps that were applied, in order, each with the step
that undoes it. ``EditableTable`` records entries; a macro collects several operations into one
entry (a bulk action undoes in one step).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fsiii_mapper.editing.steps import Step


@dataclass
class Entry:
    text: str
    done: list[Step] = field(default_factory=list)  # as applied
    undo: list[Step] = field(default_factory=list)  # undo[i] undoes done[i]


class History:
    def __init__(self) -> None:
        self._entries: list[Entry] = []
        self._index = 0  # entries before it are done, from it on they can be redone
        self._clean: int | None = 0  # the index at the last save; None: no longer reachable

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def index(self) -> int:
        return self._index

    @property
    def can_undo(self) -> bool:
        return self._index > 0

    @property
    def can_redo(self) -> bool:
        return self._index < len(self._entries)

    @property
    def undo_text(self) -> str:
        return self._entries[self._index - 1].text if self.can_undo else ""

    @property
    def redo_text(self) -> str:
        return self._entries[self._index].text if self.can_redo else ""

    @property
    def texts(self) -> list[str]:
        return [e.text for e in self._entries]

    @property
    def is_clean(self) -> bool:
        """The document is as it was last saved (or opened)."""
        return self._index == self._clean

    def set_clean(self) -> None:
        self._clean = self._index

    def clear(self) -> None:
        self._entries.clear()
        self._index = 0
        self._clean = 0

    def record(self, entry: Entry) -> None:
        """A new step: whatever could be redone is dropped."""
        del self._entries[self._index :]
        if self._clean is not None and self._clean > self._index:
            self._clean = None
        self._entries.append(entry)
        self._index += 1

    def step_back(self) -> Entry:
        """The entry to undo (the caller applies its ``undo`` steps)."""
        if not self.can_undo:
            raise IndexError("nothing to undo")
        self._index -= 1
        return self._entries[self._index]

    def step_forward(self) -> Entry:
        """The entry to redo (the caller applies its ``done`` steps)."""
        if not self.can_redo:
            raise IndexError("nothing to redo")
        self._index += 1
        return self._entries[self._index - 1]
