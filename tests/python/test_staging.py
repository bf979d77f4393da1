"""Staging end to end on simulated data: nothing is lost, and the reconciliation test would notice."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conftest import MakeDataset, Project
from lead_funnel_tools.simulator import catalog


@pytest.fixture(scope="module")
def web_project(make_dataset: MakeDataset, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    dataset = make_dataset("staging_web", leads=400, days=90, seed=13)
    project = Project(dataset, tmp_path_factory.mktemp("staging_web_dbt"))
    # cautious: a test that also reads models outside the selection waits for a full build
    result = project.dbt("build", "--select", "+staging.web", "--indirect-selection", "cautious")
    assert result.success, "dbt build of the web staging models failed"
    yield project


def test_every_raw_web_row_is_kept_duplicated_or_quarantined(web_project: Project) -> None:
    for table, staged in (("pageviews", "stg_web__pageviews"), ("form_submissions", "stg_web__form_submissions")):
        raw = web_project.dataset.scalar(f"select count(*) from {web_project.dataset.table(f'web/{table}')}")
        kept, duplicates, rejected = web_project.query(
            f"""
            select
                (select count(*) from main_staging.{staged}),
                (select count(*) from main_staging.stg_web__duplicate_rows where source_table = 'web.{table}'),
                (select count(*) from main_staging.stg_web__rejected_rows where source_table = 'web.{table}')
            """
        )[0]
        assert raw == kept + duplicates + rejected
        assert duplicates > 0, f"the simulated feed always re-delivers some {table}"


def test_quarantined_rows_carry_a_reason_and_the_raw_row(web_project: Project) -> None:
    rows = web_project.query("select reject_reason, raw_values from main_staging.stg_web__rejected_rows")
    assert rows, "the simulated feed always has malformed rows"
    for reason, raw_values in rows:
        assert reason
        assert "message_id=" in raw_values and "loaded_at=" in raw_values


def test_staged_pageviews_match_the_raw_events_one_for_one(web_project: Project) -> None:
    """Every distinct raw event id is staged once or only ever seen in rejected rows; none is invented."""
    distinct_ids = web_project.dataset.scalar(
        f"select count(distinct message_id) from {web_project.dataset.table('web/pageviews')}"
    )
    staged, staged_ids, only_rejected_ids = web_project.query(
        """
        select
            (select count(*) from main_staging.stg_web__pageviews),
            (select count(distinct pageview_id) from main_staging.stg_web__pageviews),
            (select count(distinct message_id) from main_staging.base_web__pageviews
             where reject_reason is not null
               and message_id not in (select pageview_id from main_staging.stg_web__pageviews))
        """
    )[0]
    assert staged == staged_ids
    assert staged_ids + only_rejected_ids == distinct_ids


def test_bots_and_office_traffic_are_flagged_exactly(web_project: Project) -> None:
    """The simulator knows which user agents are crawlers and which network is the office."""
    flags = web_project.query("select user_agent, ip_address, is_bot, is_internal from main_staging.stg_web__pageviews")
    assert flags
    for user_agent, ip_address, is_bot, is_internal in flags:
        assert is_bot == (user_agent in catalog.BOT_USER_AGENTS), user_agent
        assert is_internal == ip_address.startswith(catalog.OFFICE_NETWORK), ip_address


def test_every_simulated_page_and_visit_is_classified(web_project: Project) -> None:
    unclassified = web_project.query(
        """
        select page_path, traffic_channel from main_staging.stg_web__pageviews
        where content_category = 'other' or traffic_channel = 'other'
        """
    )
    assert unclassified == []


def test_reconciliation_fails_when_staging_drops_a_row(web_project: Project) -> None:
    selection = ("test", "--select", "stg_web__pageviews,test_name:reconciles_with_source")
    assert web_project.dbt(*selection).success, "the reconciliation must pass before a row is dropped"
    web_project.query(
        """
        delete from main_staging.stg_web__pageviews
        where pageview_id = (select min(pageview_id) from main_staging.stg_web__pageviews);
        """
    )
    result = web_project.dbt(*selection)
    assert not result.success
    failures = [r for r in result.result.results if r.status == "fail"]
    assert len(failures) == 1 and "reconciles_with_source" in failures[0].node.name
