"""The data-quality mart: quiet on a normal feed, warning on a broken one, with the right counts."""

from __future__ import annotations

import pytest

from conftest import MakeDataset, Project
from lead_funnel_tools.simulator.config import Messiness

WARN_TEST = "warn_data_quality_above_thresholds"


def build(make_dataset: MakeDataset, tmp_path_factory: pytest.TempPathFactory, name: str, **kwargs) -> Project:
    dataset = make_dataset(name, leads=4000, days=21, seed=17, **kwargs)
    project = Project(dataset, tmp_path_factory.mktemp(f"{name}_dbt"))
    assert project.dbt("build").success
    return project


def warnings(project: Project) -> int:
    result = project.dbt("test", "--select", WARN_TEST)
    assert result.success, "the data-quality test warns, it never fails the build"
    (outcome,) = [r for r in result.result.results if r.node.name == WARN_TEST]
    return 0 if outcome.status == "pass" else int(outcome.failures)


def test_a_normal_feed_raises_no_data_quality_warning(
    make_dataset: MakeDataset, tmp_path_factory: pytest.TempPathFactory
) -> None:
    project = build(make_dataset, tmp_path_factory, "dq_normal")
    judged_days = project.query(
        "select count(distinct load_date) from main_marts.fct_data_quality_daily where raw_rows >= 200"
    )[0][0]
    assert judged_days > 10, "the dataset must be big enough for days to be judged at all"
    assert warnings(project) == 0


def test_a_feed_full_of_malformed_rows_warns_and_the_counts_match_quarantine(
    make_dataset: MakeDataset, tmp_path_factory: pytest.TempPathFactory
) -> None:
    broken = Messiness.from_dict({"malformed_row_rate": 0.06})
    project = build(make_dataset, tmp_path_factory, "dq_broken", messiness=broken)
    assert warnings(project) > 0
    above = project.query("select distinct check_kind from main_marts.fct_data_quality_daily where is_above_threshold")
    assert ("rejected",) in above
    mart_total, quarantined = project.query(
        """
        select
            (select sum(affected_rows) from main_marts.fct_data_quality_daily
             where check_kind = 'rejected' and source_table like 'web.%'),
            (select count(*) from main_staging.stg_web__rejected_rows)
        """
    )[0]
    assert mart_total == quarantined
