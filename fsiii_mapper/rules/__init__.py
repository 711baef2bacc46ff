"""Rules and their findings: table validation (FM…), vendor-file checks (FV…)."""
