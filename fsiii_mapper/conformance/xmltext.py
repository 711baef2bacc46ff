"""Text that may go into an XML report although it came from a hostile file or file name."""

from __future__ import annotations

import re

# Characters XML 1.0 does not allow, and lone surrogates (undecodable file names).
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value: object) -> str:
    return _INVALID.sub("\ufffd", str(value))
