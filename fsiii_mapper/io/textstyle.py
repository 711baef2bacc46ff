"""The layout of a YAML file that the YAML library does not keep, so that a save keeps it too.

ruamel.yaml keeps comments, key order and quoting, but writes every file with LF line ends,
without a byte order mark, with ``null`` for every empty value and without the document markers
``---`` and ``...``. A table a user keeps with Windows line ends would then come back with mixed
ones. ``TextStyle`` records these from the file as read and puts them back on save:

- line ends: CRLF if most line ends of the file are CRLF, otherwise LF. A file with mixed line
  ends (or old Mac CR) is saved with the one style that dominates — never mixed;
- a UTF-8 byte order mark at the start;
- ``~`` for null values if the file writes its nulls that way (``key:`` with nothing after it is
  written back as ``null``);
- everything up to and including a ``---`` line at the top (comments, ``%YAML`` directives), and
  a ``...`` line at the end with what follows it, verbatim.

A value quoted as text where the table expects a date (``'2025-03-01'``) keeps its quotes; that is
``documents._same``'s job, not this module's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BOM = "\ufeff"
_START = re.compile(r"---[ \t]*(#.*)?")
_END = re.compile(r"\.\.\.[ \t]*(#.*)?")
_PROLOGUE_LINE = re.compile(r"[ \t]*(#.*|%.*)?")
_TILDE_NULL = re.compile(r"^[^#\n]*:[ \t]+~[ \t]*(#.*)?$", re.MULTILINE)
_WORD_NULL = re.compile(r"^[^#\n]*:[ \t]+(null|Null|NULL)[ \t]*(#.*)?$", re.MULTILINE)


@dataclass(frozen=True)
class TextStyle:
    newline: str = "\n"
    bom: bool = False
    null: str = "null"
    prologue: str = ""
    epilogue: str = ""

    def body_for_parsing(self, text: str) -> str:
        """``text`` as the YAML parser should see it: LF line ends, no BOM, the prologue lines
        blank (so that line numbers stay those of the file) and no epilogue."""
        body = normalise_newlines(text.removeprefix(BOM))
        if self.prologue:
            body = "\n" * self.prologue.count("\n") + body[len(self.prologue) :]
        if self.epilogue:
            body = body[: len(body) - len(self.epilogue)]
        return body

    def apply(self, dumped: str) -> str:
        """The library's LF output as this file writes it."""
        body = dumped
        if self.prologue:
            # the blank lines standing in for the prologue, and a directive block the library
            # writes itself when the file had ``%YAML``: the prologue has them already
            lines = body.split("\n")
            i = 0
            while i < len(lines) - 1 and (
                lines[i] == "" or lines[i].startswith("%") or _START.fullmatch(lines[i])
            ):
                i += 1
            body = "\n".join(lines[i:])
        text = self.prologue + body + self.epilogue
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        return (BOM if self.bom else "") + text


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def detect_style(text: str) -> TextStyle:
    """The style of ``text`` as read from a file (see the module)."""
    bom = text.startswith(BOM)
    crlf = text.count("\r\n")
    other = text.count("\n") - crlf + text.count("\r") - crlf
    newline = "\r\n" if crlf > other else "\n"
    lf = normalise_newlines(text.removeprefix(BOM))
    null = "~" if len(_TILDE_NULL.findall(lf)) > len(_WORD_NULL.findall(lf)) else "null"
    return TextStyle(newline, bom, null, _prologue(lf), _epilogue(lf))


def _prologue(lf: str) -> str:
    lines = lf.split("\n")
    for i, line in enumerate(lines):
        if _START.fullmatch(line):
            # blank lines after the marker belong to it: the parser would keep only some of them
            j = i + 1
            while j < len(lines) - 1 and not lines[j].strip():
                j += 1
            return "\n".join(lines[:j]) + ("\n" if j < len(lines) else "")
        if not _PROLOGUE_LINE.fullmatch(line):
            return ""
    return ""


def _epilogue(lf: str) -> str:
    lines = lf.split("\n")
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if _END.fullmatch(line):
            return "\n".join(lines[i:])
        if line.strip() and not line.lstrip().startswith("#"):
            return ""
    return ""
