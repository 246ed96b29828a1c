"""Benchmarks: scripts that print figures (see README.md here), and the corpus scoring they share with the corpus tests."""
