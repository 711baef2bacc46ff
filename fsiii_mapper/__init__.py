"""fsiii-mapper core: FSIII catalogs, the XDIS16 report layout, mapping tables and the preview engine.

This package never imports Qt; the desktop application lives in ``ui/``.
"""

__version__ = "0.1.0"
