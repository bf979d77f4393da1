"""E-mail staging end to end on simulated data: every raw event is accounted for, and quarantine is exact."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conftest import ROOT, MakeDataset, Project

REASONS = {
    "missing event_id",
    "missing send_id",
    "unknown event_type",
    "unreadable event_timestamp",
    "event_timestamp later than its load",
    "recipient is not an address",
}


@pytest.fixture(scope="module")
def email_project(make_dataset: MakeDataset, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    dataset = make_dataset("staging_email", leads=400, days=120, seed=7)
    project = Project(dataset, tmp_path_factory.mktemp("staging_email_dbt"))
    result = project.dbt("build", "--select", "+staging.email")
    assert result.success, "dbt build of the e-mail staging models (and the seeds they read) failed"
    yield project


def test_every_raw_email_event_is_kept_duplicated_or_quarantined(email_project: Project) -> None:
    raw = email_project.dataset.scalar(f"select count(*) from {email_project.dataset.table('email/events')}")
    kept, duplicates, rejected = email_project.query(
        """
        select
            (select count(*) from main_staging.stg_email__events),
            (select count(*) from main_staging.stg_email__duplicate_rows where source_table = 'email.events'),
            (select count(*) from main_staging.stg_email__rejected_rows where source_table = 'email.events')
        """
    )[0]
    assert raw == kept + duplicates + rejected
    assert duplicates > 0, "the simulated feed always re-delivers some e-mail events"
    assert rejected > 0, "the simulated feed always has malformed e-mail events"


def test_quarantined_email_rows_carry_a_reason_and_the_raw_row(email_project: Project) -> None:
    rows = email_project.query(
        """
        select reject_reason, raw_values
        from main_staging.stg_email__rejected_rows
        where source_table = 'email.events'
        """
    )
    assert rows, "the simulated feed always has malformed e-mail events"
    for reason, raw_values in rows:
        assert reason in REASONS
        for column in ("event_id=", "send_id=", "event_type=", "recipient=", "event_timestamp=", "loaded_at="):
            assert column in raw_values, f"{column} missing from quarantined row {raw_values!r}"


def test_staged_email_events_match_the_raw_events_one_for_one(email_project: Project) -> None:
    """Every distinct raw event id is staged once or only ever seen in rejected rows; none is invented."""
    distinct_ids = email_project.dataset.scalar(
        f"select count(distinct event_id) from {email_project.dataset.table('email/events')}"
    )
    staged, staged_ids, only_rejected_ids = email_project.query(
        """
        select
            (select count(*) from main_staging.stg_email__events),
            (select count(distinct event_id) from main_staging.stg_email__events),
            (select count(distinct event_id) from main_staging.base_email__events
             where reject_reason is not null
               and event_id not in (select event_id from main_staging.stg_email__events))
        """
    )[0]
    assert staged == staged_ids
    assert staged_ids + only_rejected_ids == distinct_ids


def test_unknown_event_types_quarantined_equal_an_independent_count(email_project: Project) -> None:
    """Counted straight from the Parquet files and the seed CSV, without dbt: rows with both ids whose
    trimmed, lower-cased type is not in the seed (a missing id is the earlier, winning reason)."""
    seed = ROOT / "seeds" / "email_event_types.csv"
    expected = email_project.dataset.scalar(
        f"""
        select count(*)
        from {email_project.dataset.table("email/events")} as events
        left join read_csv('{seed}', header = true, all_varchar = true) as event_types
            on lower(trim(events.event_type)) = event_types.raw_event_type
        where event_types.raw_event_type is null
          and nullif(trim(events.event_id), '') is not null
          and nullif(trim(events.send_id), '') is not null
        """
    )
    quarantined = email_project.query(
        "select count(*) from main_staging.stg_email__rejected_rows where reject_reason = 'unknown event_type'"
    )[0][0]
    assert expected > 0, "the simulated feed always has misspelt e-mail event types"
    assert quarantined == expected
