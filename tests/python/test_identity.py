"""Identity resolution measured against the simulator's ground truth: who really is whom."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conftest import MakeDataset, Project
from lead_funnel_tools.simulator.config import Messiness


@pytest.fixture(scope="module")
def identity_project(make_dataset: MakeDataset, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    # more duplicate CRM records and merge chains than usual, so every rule is exercised
    messiness = Messiness.from_dict({"duplicate_person_rate": 0.2, "merge_rate": 0.8, "merge_chain_rate": 0.5})
    dataset = make_dataset("identity", leads=800, days=150, seed=23, messiness=messiness)
    project = Project(dataset, tmp_path_factory.mktemp("identity_dbt"))
    assert project.dbt("build").success
    persons = dataset.persons()
    project.query(
        f"""
        create table truth_identifiers as
        select person_id, kind, identified_at, 'email:' || lower(trim(value)) as identifier
        from {persons}, unnest(emails) as listed(value)
        union all
        select person_id, kind, identified_at, 'browser:' || value
        from {persons}, unnest(anonymous_ids) as listed(value)
        union all
        select person_id, kind, identified_at, 'crm:' || value
        from {persons}, unnest(crm_record_ids) as listed(value)
        """
    )
    yield project


def resolved_join(where: str = "") -> str:
    return f"""
        from main_intermediate.int_identity_resolved as resolved
        inner join truth_identifiers as truth on resolved.identifier = truth.identifier
        where resolved.lead_id is not null {where}
    """


def test_a_lead_is_one_person(identity_project: Project) -> None:
    leads, mixed = identity_project.query(
        f"""
        with per_lead as (select resolved.lead_id, count(distinct truth.person_id) as people {resolved_join()}
                          group by resolved.lead_id)
        select count(*), count(*) filter (where people > 1) from per_lead
        """
    )[0]  # fmt: skip
    assert leads > 600
    assert mixed / leads <= 0.01, f"{mixed} of {leads} leads mix several people"


def test_a_person_is_one_lead_even_across_addresses_and_merge_chains(identity_project: Project) -> None:
    people, split, chained, chained_split = identity_project.query(
        f"""
        with per_person as (
            select truth.person_id, count(distinct resolved.lead_id) as leads,
                   count(distinct truth.identifier) filter (where truth.identifier like 'crm:%') as records
            {resolved_join("and truth.kind = 'prospect'")}
            group by truth.person_id
        )
        select count(*), count(*) filter (where leads > 1), count(*) filter (where records >= 3),
               count(*) filter (where records >= 3 and leads > 1)
        from per_person
        """
    )[0]  # fmt: skip
    assert chained > 0, "the dataset must hold people with three CRM records"
    assert split / people <= 0.05, f"{split} of {people} people are split over several leads"
    assert chained_split / chained <= 0.2, f"{chained_split} of {chained} people with merge chains are split"


def test_visitors_who_never_identify_stay_anonymous(identity_project: Project) -> None:
    with_lead = identity_project.query(
        f"""
        select count(*) {resolved_join("and truth.kind = 'anonymous_visitor'")}
        """
    )[0][0]
    assert with_lead == 0


def test_visits_before_identification_are_credited_to_the_lead(identity_project: Project) -> None:
    before, credited = identity_project.query(
        """
        select count(*), count(pageviews.lead_id)
        from main_intermediate.int_pageviews_attributed as pageviews
        inner join truth_identifiers as truth
            on 'browser:' || pageviews.anonymous_id = truth.identifier
        where truth.kind = 'prospect' and pageviews.event_at < truth.identified_at
          and not pageviews.is_bot and not pageviews.is_internal
        """
    )[0]
    assert before > 100
    assert credited / before >= 0.9, f"only {credited} of {before} earlier visits were credited"


def test_attribute_history_answers_as_of_any_moment(identity_project: Project) -> None:
    """Exactly one interval holds for every record at every moment after its first version."""
    ambiguous = identity_project.query(
        """
        with moments as (
            select record_id, valid_from + interval 1 second as moment
            from main_intermediate.int_lead_attributes_history
        )
        select moments.record_id, moments.moment, count(history.record_id)
        from moments
        left join main_intermediate.int_lead_attributes_history as history
            on moments.record_id = history.record_id and history.valid_from <= moments.moment
            and (history.valid_to > moments.moment or history.valid_to is null)
        group by 1, 2 having count(history.record_id) <> 1
        """
    )
    assert ambiguous == []
