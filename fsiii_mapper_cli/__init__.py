"""The ``fsiii-mapper`` command line: an application on top of the core, beside ``ui``."""
