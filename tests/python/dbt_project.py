"""The dbt project driven from pytest: one simulated dataset, a throwaway warehouse and target folder."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
from dbt.cli.main import dbtRunner, dbtRunnerResult

from conftest import Dataset

ROOT = Path(__file__).resolve().parents[2]


class Project:
    """The dbt project, pointed at one simulated dataset and a throwaway warehouse."""

    def __init__(self, dataset: Dataset, workdir: Path) -> None:
        self.dataset = dataset
        self.warehouse = workdir / "warehouse.duckdb"
        self.target = workdir / "target"

    def dbt(self, *args: str) -> dbtRunnerResult:
        env = {
            "LEAD_FUNNEL_RAW_DIR": str(self.dataset.raw),
            "LEAD_FUNNEL_DUCKDB_PATH": str(self.warehouse),
            "DO_NOT_TRACK": "1",
        }
        saved = {key: os.environ.get(key) for key in env}
        os.environ.update(env)
        try:
            return dbtRunner().invoke(
                [*args, "--project-dir", str(ROOT), "--profiles-dir", str(ROOT), "--target-path", str(self.target),
                 "--quiet"]
            )  # fmt: skip
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value

    def query(self, sql: str) -> list[tuple]:
        with duckdb.connect(str(self.warehouse)) as con:
            return con.execute(sql).fetchall()
