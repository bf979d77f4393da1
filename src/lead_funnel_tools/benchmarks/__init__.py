"""Benchmarks: scripts that measure and print figures (never pass/fail tests)."""
