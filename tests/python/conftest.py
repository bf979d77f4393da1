"""Shared fixtures and helpers: simulated datasets written once per test session into temporary folders,
and the dbt project run against one of them."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import pytest
from dbt.cli.main import dbtRunner, dbtRunnerResult
from dbt.contracts.graph.manifest import Manifest

from lead_funnel_tools.simulator.config import Messiness, SimulationConfig
from lead_funnel_tools.simulator.generate import generate
from lead_funnel_tools.simulator.world import ArrivalCalendar

START = date(2025, 1, 6)
ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Dataset:
    raw: Path
    truth: Path
    config: SimulationConfig
    days: int

    def table(self, key: str) -> str:
        """A DuckDB table expression over every load-day file of one raw table."""
        return f"read_parquet('{self.raw}/{key}/*.parquet')"

    def persons(self) -> str:
        return f"read_parquet('{self.truth}/persons.parquet')"

    def query(self, sql: str) -> list[tuple]:
        return duckdb.connect().execute(sql).fetchall()

    def scalar(self, sql: str) -> object:
        return self.query(sql)[0][0]


class Project:
    """The dbt project (the repository's, or a copy of it in `project_dir`), pointed at one simulated dataset and a
    throwaway warehouse."""

    def __init__(self, dataset: Dataset, workdir: Path, project_dir: Path = ROOT) -> None:
        self.dataset = dataset
        self.project_dir = project_dir
        self.warehouse = workdir / "warehouse.duckdb"
        self.target = workdir / "target"
        # set by reuse_manifest(): later invocations skip parsing
        self.manifest: Manifest | None = None

    def reuse_manifest(self) -> None:
        """Parse the project once and let every later invocation reuse the result, for a test that runs dbt many
        times while only the contents of seed files change (dbt reads those when it loads the seed)."""
        result = self.dbt("parse")
        assert result.success, "dbt parse failed"
        self.manifest = result.result

    def dbt(self, *args: str) -> dbtRunnerResult:
        env = {
            "LEAD_FUNNEL_RAW_DIR": str(self.dataset.raw),
            "LEAD_FUNNEL_DUCKDB_PATH": str(self.warehouse),
            "DO_NOT_TRACK": "1",
        }
        saved = {key: os.environ.get(key) for key in env}
        os.environ.update(env)
        try:
            return dbtRunner(manifest=self.manifest).invoke(
                [*args, "--project-dir", str(self.project_dir), "--profiles-dir", str(self.project_dir),
                 "--target-path", str(self.target), "--quiet"]
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


def make_config(leads: int, days: int, seed: int, messiness: Messiness | None = None) -> SimulationConfig:
    rate = leads / ArrivalCalendar(START, 1.0).weight_until(days)
    return SimulationConfig(seed=seed, start_date=START, prospects_per_weight=rate, messiness=messiness or Messiness())


MakeDataset = Callable[..., Dataset]


@pytest.fixture(scope="session")
def make_dataset(tmp_path_factory: pytest.TempPathFactory) -> MakeDataset:
    def make(
        name: str, leads: int, days: int, seed: int = 7, messiness: Messiness | None = None, **kwargs: object
    ) -> Dataset:
        root = tmp_path_factory.mktemp(name)
        config = make_config(leads, days, seed, messiness)
        generate(config, root / "raw", root / "truth", days, progress=False, **kwargs)
        return Dataset(root / "raw", root / "truth", config, days)

    return make


# messiness raised so that rare kinds can be measured on a small dataset
BOOSTED = Messiness.from_dict(
    {
        "duplicate_delivery_rate": 0.05,
        "email_noise_rate": 0.25,
        "late_event_rate": 0.06,
        "bot_traffic_rate": 0.20,
        "internal_traffic_rate": 0.08,
        "test_lead_rate": 0.08,
        "duplicate_person_rate": 0.20,
        "merge_rate": 0.7,
        "orphan_reference_rate": 0.05,
        "optional_field_null_rate": 0.20,
        "malformed_row_rate": 0.02,
        "web_timestamp_formats": {"iso_utc": 0.4, "iso_offset": 0.3, "epoch_millis": 0.2, "naive_utc": 0.1},
    }
)


@pytest.fixture(scope="session")
def default_dataset(make_dataset: MakeDataset) -> Dataset:
    """Default messiness, long enough for prospects to run through the funnel."""
    return make_dataset("default", leads=3000, days=300, seed=11)


@pytest.fixture(scope="session")
def boosted_dataset(make_dataset: MakeDataset) -> Dataset:
    return make_dataset("boosted", leads=1500, days=200, seed=5, messiness=BOOSTED)
