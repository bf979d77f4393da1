"""Lead scores measured against the simulator's ground truth, and read back at any moment."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from conftest import Dataset, MakeDataset, Project

AS_OF = "2025-04-15 00:00:00"


@pytest.fixture(scope="module")
def scoring_dataset(make_dataset: MakeDataset) -> Dataset:
    return make_dataset("scoring", leads=900, days=150, seed=29)


@pytest.fixture(scope="module")
def scoring_project(scoring_dataset: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    project = Project(scoring_dataset, tmp_path_factory.mktemp("scoring_dbt"))
    assert project.dbt("build").success
    project.query(
        f"""
        create table truth_leads as
        select distinct persons.person_id, persons.persona, persons.peak_intent, persons.won_at, resolved.lead_id
        from {scoring_dataset.persons()} as persons, unnest(persons.emails) as listed(value)
        inner join main_intermediate.int_identity_resolved as resolved
            on resolved.identifier = 'email:' || lower(trim(listed.value))
        """
    )
    yield project


def ready_share(project: Project, where: str) -> tuple[int, float]:
    people, ready = project.query(
        f"""
        select count(*), count(*) filter (where scores.first_sales_ready_at is not null)
        from truth_leads
        inner join main_marts.fct_lead_scores as scores
            on truth_leads.lead_id = scores.lead_id and scores.is_primary_model
        where {where}
        """
    )[0]
    return people, ready / people if people else 0.0


def test_competitors_students_and_job_seekers_never_become_sales_ready(scoring_project: Project) -> None:
    people, share = ready_share(scoring_project, "truth_leads.persona in ('competitor', 'student', 'job_seeker')")
    assert people > 50
    assert share == 0.0, f"{share:.1%} of {people} competitors, students and job seekers became sales-ready"


def test_people_in_the_market_become_sales_ready_far_more_often(scoring_project: Project) -> None:
    high_people, high = ready_share(scoring_project, "truth_leads.peak_intent = 'high'")
    low_people, low = ready_share(scoring_project, "truth_leads.peak_intent = 'low'")
    assert high_people > 50 and low_people > 50
    assert high >= 0.3, f"only {high:.1%} of high-intent people became sales-ready"
    assert high >= 4 * low, f"high intent {high:.1%} against low intent {low:.1%}: the scores barely separate them"


def test_sales_ready_leads_buy_more_often(scoring_project: Project) -> None:
    rows = dict(
        scoring_project.query(
            """
            select scores.first_sales_ready_at is not null, avg((truth_leads.won_at is not null)::int)
            from truth_leads
            inner join main_marts.fct_lead_scores as scores
                on truth_leads.lead_id = scores.lead_id and scores.is_primary_model
            group by 1
            """
        )
    )
    assert rows[True] > 3 * rows[False], f"won rate {rows[True]:.1%} when sales-ready, {rows[False]:.1%} when not"


def test_the_history_gives_the_ledger_sum_at_any_moment(scoring_project: Project) -> None:
    """At 40 moments, every lead's score read from the history equals the sum of its ledger rows up to then."""
    mismatches, checked = scoring_project.query(
        """
        with moments as (
            select min(occurred_at) + (max(occurred_at) - min(occurred_at)) * (i / 40.0) as moment
            from main_marts.fct_lead_score_ledger, range(1, 41) as steps(i)
            group by i
        ),
        summed as (
            select ledger.lead_id, ledger.scoring_model, moments.moment, sum(ledger.points) as points
            from main_marts.fct_lead_score_ledger as ledger
            inner join moments on ledger.occurred_at <= moments.moment
            group by all
        ),
        read_back as (
            select summed.*, history.total_score
            from summed
            left join main_marts.fct_lead_score_history as history
                on history.lead_id = summed.lead_id and history.scoring_model = summed.scoring_model
                and history.valid_from <= summed.moment
                and (history.valid_to is null or history.valid_to > summed.moment)
        )
        select count(*) filter (where total_score is distinct from points), count(*) from read_back
        """
    )[0]
    assert checked > 5000
    assert mismatches == 0, f"{mismatches} of {checked} scores read from the history differ from the ledger"


def test_scores_as_of_a_past_date_equal_the_history_then_but_for_late_loads(
    scoring_dataset: Dataset, scoring_project: Project, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A build with `scoring_as_of` scores each lead as the full build's history says it stood then, except
    where an event that happened before that moment was only loaded after it (it was not known yet)."""
    past = Project(scoring_dataset, tmp_path_factory.mktemp("scoring_as_of_dbt"))
    assert past.dbt(
        "build",
        "--select",
        "+fct_lead_scores",
        "--exclude-resource-type",
        "test",
        "unit_test",
        "--vars",
        f"{{scoring_as_of: '{AS_OF}'}}",
    ).success
    past_scores = {
        (lead, model): (total, as_of)
        for lead, model, total, as_of in past.query(
            "select lead_id, scoring_model, total_score, scored_as_of from main_marts.fct_lead_scores"
        )
    }
    assert {as_of for _, as_of in past_scores.values()} == {datetime.fromisoformat(AS_OF)}
    members_now = set(scoring_project.query("select lead_id, scoring_model from main_marts.fct_lead_scores"))
    then = dict(
        ((lead, model), total)
        for lead, model, total in scoring_project.query(
            f"""
            select history.lead_id, history.scoring_model, history.total_score
            from main_marts.fct_lead_score_history as history
            where history.valid_from <= timestamp '{AS_OF}'
              and (history.valid_to is null or history.valid_to > timestamp '{AS_OF}')
            """
        )
    )
    late = {
        lead
        for (lead,) in scoring_project.query(
            f"""
            select distinct lead_id from main_intermediate.int_lead_signals
            where occurred_at <= timestamp '{AS_OF}' and loaded_at > timestamp '{AS_OF}'
            """
        )
    }
    # a lead whose account grew into another model's audience since is scored by other models now
    compared = {key: total for key, (total, _) in past_scores.items() if key in members_now}
    differing = {key for key, total in compared.items() if total != then.get(key, 0)}
    assert len(compared) > 300
    assert {key for key in differing if key[0] not in late} == set()
    assert len(differing) < 0.1 * len(compared)
