"""CRM staging end to end on simulated data: every raw row is accounted for, and merges survive staging."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

from conftest import MakeDataset, Project
from lead_funnel_tools.simulator.config import Messiness

# raw table -> the staging model that holds its kept rows (every version, for record tables)
KEPT_MODELS = {
    "users": "stg_crm__user_versions",
    "accounts": "stg_crm__account_versions",
    "leads": "stg_crm__lead_versions",
    "field_history": "stg_crm__field_history",
    "activities": "stg_crm__activities",
    "lead_status_changes": "stg_crm__lead_status_changes",
    "opportunities": "stg_crm__opportunity_versions",
    "opportunity_history": "stg_crm__opportunity_history",
}

# more malformed rows, duplicate people and merges than the defaults, so that a small run has them all
CRM_MESSINESS = Messiness.from_dict(
    {"malformed_row_rate": 0.02, "duplicate_person_rate": 0.2, "merge_rate": 0.8, "test_lead_rate": 0.05}
)


@pytest.fixture(scope="module")
def crm_project(make_dataset: MakeDataset, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    dataset = make_dataset("staging_crm", leads=400, days=120, seed=17, messiness=CRM_MESSINESS)
    # The simulator never lands a CRM row twice; a re-run sync does. Land each table's busiest
    # load-day file a second time, so that every table has rows that staging must see as duplicates.
    for table in KEPT_MODELS:
        folder = dataset.raw / "crm" / table
        busiest = max(folder.glob("*.parquet"), key=lambda path: path.stat().st_size)
        shutil.copy(busiest, folder / f"{busiest.stem}-resync.parquet")
    project = Project(dataset, tmp_path_factory.mktemp("staging_crm_dbt"))
    # cautious: a test that also reads models outside the selection (a lifecycle seed, say) waits for a full build
    result = project.dbt("build", "--select", "+staging.crm", "--indirect-selection", "cautious")
    assert result.success, "dbt build of the CRM staging models failed"
    yield project


@pytest.mark.parametrize("table", sorted(KEPT_MODELS))
def test_every_raw_crm_row_is_kept_duplicated_or_quarantined(crm_project: Project, table: str) -> None:
    raw = crm_project.dataset.scalar(f"select count(*) from {crm_project.dataset.table(f'crm/{table}')}")
    kept, duplicates, rejected = crm_project.query(
        f"""
        select
            (select count(*) from main_staging.{KEPT_MODELS[table]}),
            (select count(*) from main_staging.stg_crm__duplicate_rows where source_table = 'crm.{table}'),
            (select count(*) from main_staging.stg_crm__rejected_rows where source_table = 'crm.{table}')
        """
    )[0]
    assert raw == kept + duplicates + rejected, f"crm.{table}: {raw} raw ≠ {kept} + {duplicates} + {rejected}"
    assert duplicates > 0, f"the re-landed file of crm.{table} must show up as duplicates"


def test_malformed_crm_rows_are_quarantined_with_a_reason_and_the_raw_row(crm_project: Project) -> None:
    rows = crm_project.query("select source_table, reject_reason, raw_values from main_staging.stg_crm__rejected_rows")
    assert rows, "at a 2 % malformed-row rate the feed has rows to quarantine"
    for _source_table, reason, raw_values in rows:
        assert reason
        assert "loaded_at=" in raw_values


def test_every_merged_record_is_staged_as_deleted(crm_project: Project) -> None:
    merged_in_raw = {
        record_id
        for (record_id,) in crm_project.dataset.query(
            f"select distinct record_id from {crm_project.dataset.table('crm/leads')}"
            " where merged_into_record_id is not null"
        )
    }
    staged_deleted = {
        record_id
        for (record_id,) in crm_project.query(
            "select distinct record_id from main_staging.stg_crm__lead_versions"
            " where is_deleted and merged_into_record_id is not null"
        )
    }
    assert merged_in_raw, "the simulated feed merges some duplicate people"
    assert merged_in_raw <= staged_deleted, (
        f"merged but not staged as deleted: {sorted(merged_in_raw - staged_deleted)}"
    )
