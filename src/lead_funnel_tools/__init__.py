"""Tooling for the lead_funnel dbt project: data simulator, checks, benchmarks."""
