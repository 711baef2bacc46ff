"""The preview engine: how a citizen's FSIII documentation fills the report, per strategy."""
