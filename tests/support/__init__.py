"""Scaffolding for tests: local sites, servers and helpers (one module per area)."""
