"""User-visible texts of every layer, one catalogue per language."""
