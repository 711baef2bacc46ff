"""fsiii-mapper core: FSIII catalogs, XDIS16 report layout, mapping tables, preview engine.

This package never imports Qt; the desktop application lives in ``ui/``.
"""

__version__ = "0.1.0"
