"""The raw data contract (dbt sources YAML and docs/raw_data_contract.md) matches what lands."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
import yaml

from conftest import Dataset
from lead_funnel_tools.simulator import schema

ROOT = Path(__file__).resolve().parents[2]
SOURCE_FILES = sorted((ROOT / "models" / "staging").glob("*/_*__sources.yml"))


def contract_tables() -> dict[str, dict]:
    """'source/table' -> the table's YAML entry, across every sources file."""
    tables: dict[str, dict] = {}
    for path in SOURCE_FILES:
        for source in yaml.safe_load(path.read_text())["sources"]:
            for table in source["tables"]:
                tables[f"{source['name']}/{table['name']}"] = table
    return tables


def test_every_raw_table_is_a_source_and_nothing_else_is() -> None:
    assert set(contract_tables()) == {table.key for table in schema.RAW_TABLES}


@pytest.mark.parametrize("table", schema.RAW_TABLES, ids=lambda t: t.key)
def test_columns_and_types_match_the_landed_files(table: schema.RawTable, default_dataset: Dataset) -> None:
    entry = contract_tables()[table.key]
    documented = [(c["name"], c["data_type"]) for c in entry["columns"]]
    described = duckdb.connect().execute(f"describe select * from {default_dataset.table(table.key)}").fetchall()
    landed = [(name, dtype.lower()) for name, dtype, *_ in described]
    assert documented == landed


@pytest.mark.parametrize("table", schema.RAW_TABLES, ids=lambda t: t.key)
def test_every_column_is_described_and_classified(table: schema.RawTable) -> None:
    entry = contract_tables()[table.key]
    assert entry.get("description", "").strip(), f"{table.key} has no description"
    assert "external_location" in entry["config"]["meta"]
    for column in entry["columns"]:
        assert column.get("description", "").strip(), f"{table.key}.{column['name']} has no description"
        meta = column["config"]["meta"]
        assert isinstance(meta["nullable"], bool) and isinstance(meta["pii"], bool), f"{table.key}.{column['name']}"


@pytest.mark.parametrize("table", schema.RAW_TABLES, ids=lambda t: t.key)
def test_columns_declared_not_nullable_are_never_null(table: schema.RawTable, default_dataset: Dataset) -> None:
    entry = contract_tables()[table.key]
    for column in entry["columns"]:
        if column["config"]["meta"]["nullable"]:
            continue
        nulls = default_dataset.scalar(
            f"select count(*) from {default_dataset.table(table.key)} where {column['name']} is null"
        )
        assert nulls == 0, f"{table.key}.{column['name']} is declared not nullable but has {nulls} nulls"


# tables every healthy feed refreshes daily; the sparse ones (users, accounts, opportunities ...)
# may opt out of freshness explicitly, with the reason in their description
DAILY_TABLES = {"web/pageviews", "web/form_submissions", "email/events", "crm/leads", "crm/lead_status_changes"}


def test_every_source_table_reads_loaded_at_and_busy_ones_have_freshness() -> None:
    for path in SOURCE_FILES:
        for source in yaml.safe_load(path.read_text())["sources"]:
            for table in source["tables"]:
                key = f"{source['name']}/{table['name']}"
                config = {**source.get("config", {}), **table.get("config", {})}
                assert config.get("loaded_at_field") == "loaded_at", key
                assert "freshness" in config, f"{key}: say its freshness, or `freshness: null` and why"
                if key in DAILY_TABLES:
                    assert "error_after" in (config["freshness"] or {}), key


def test_the_contract_document_names_every_column() -> None:
    text = (ROOT / "docs" / "raw_data_contract.md").read_text()
    for table in schema.RAW_TABLES:
        assert table.name in text
        for name in table.column_names:
            assert f"`{name}`" in text, f"docs/raw_data_contract.md does not describe {table.key}.{name}"
