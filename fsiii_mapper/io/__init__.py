"""Files: round-trip YAML trees, typed documents (tables keep their tree), atomic saves."""
