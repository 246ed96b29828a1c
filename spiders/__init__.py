"""Spiders: the generic config-driven site spider and any site-specific ones."""
