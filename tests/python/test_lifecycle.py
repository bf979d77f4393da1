"""Lifecycle stages (int_lead_stage_transitions) measured against the simulator's ground truth: who really was
marketing- and sales-qualified, had an opportunity, bought or was turned away; the replay's own invariants; and the
lifecycle seeds and vars really steering it.

The module builds the project once against the session's `default_dataset` (3,000 prospects over 300 days, long
enough for about thirty of them to buy), so its only cost is one build of the models the lifecycle needs. Thresholds
below were measured on that dataset (seed 11) and on the same size with seed 12, and are set with margin; each
comment gives the figures.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, Dataset, Project

# Seeds and models only: the dbt data and unit tests run in `make test`'s own dbt build.
LIFECYCLE_BUILD = [
    "build",
    "--select",
    "+int_lead_stage_transitions",
    "--exclude-resource-type",
    "test",
    "unit_test",
]
# The models a lifecycle seed or var change rebuilds in a fork (not the marts: the fork's warehouse has only what
# LIFECYCLE_BUILD built).
LIFECYCLE_MODELS = ["int_lead_stage_events", "int_lead_stage_transitions"]
# What a copy of the project needs to build (the copy's seeds are edited, never the repository's).
PROJECT_FILES = ["dbt_project.yml", "profiles.yml", "models", "macros", "seeds", "tests/generic", "tests/singular"]
TRANSITIONS = "main_intermediate.int_lead_stage_transitions"
EVENTS = "main_intermediate.int_lead_stage_events"
BEYOND_LEAD = "('mql', 'sql', 'opportunity', 'customer')"
NOT_BUYERS = "('competitor', 'student', 'job_seeker')"


@pytest.fixture(scope="module")
def lifecycle_project(default_dataset: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = Project(default_dataset, tmp_path_factory.mktemp("lifecycle_dbt"))
    assert project.dbt(*LIFECYCLE_BUILD).success
    # Each prospect's leads, through the addresses and CRM records the truth says are theirs; then per prospect
    # what the lifecycle made of those leads beside what really happened.
    project.query(
        f"""
        create table truth_leads as
        select distinct persons.person_id, resolved.lead_id
        from {default_dataset.persons()} as persons,
            unnest(list_concat(
                list_transform(persons.emails, lambda address: 'email:' || lower(trim(address))),
                list_transform(persons.crm_record_ids, lambda record_id: 'crm:' || record_id)
            )) as listed(identifier)
        inner join main_intermediate.int_identity_resolved as resolved
            on resolved.identifier = listed.identifier and resolved.lead_id is not null
        where persons.kind = 'prospect'
        """
    )
    project.query(
        f"""
        create table truth_lifecycle as
        with last_stages as (
            select lead_id, arg_max(to_stage, transition_number) as last_stage from {TRANSITIONS} group by lead_id
        )
        select
            persons.person_id, persons.persona,
            persons.mql_at, persons.sql_at, persons.opportunity_at, persons.won_at,
            coalesce(bool_or(transitions.to_stage in {BEYOND_LEAD}), false) as reached_mql_or_beyond,
            coalesce(bool_or(transitions.to_stage = 'sql'), false) as reached_sql,
            coalesce(bool_or(transitions.to_stage = 'opportunity'), false) as reached_opportunity,
            coalesce(bool_or(transitions.to_stage = 'customer'), false) as reached_customer,
            coalesce(bool_or(transitions.to_stage = 'disqualified'), false) as reached_disqualified,
            coalesce(bool_or(last_stages.last_stage in ('sql', 'opportunity', 'customer')), false) as ends_qualified,
            min(transitions.transitioned_at) filter (where transitions.to_stage = 'customer')
                as lifecycle_customer_at,
            min(transitions.transitioned_at) filter (where transitions.to_stage = 'disqualified')
                as lifecycle_disqualified_at
        from {default_dataset.persons()} as persons
        inner join truth_leads on persons.person_id = truth_leads.person_id
        left join {TRANSITIONS} as transitions on truth_leads.lead_id = transitions.lead_id
        left join last_stages on truth_leads.lead_id = last_stages.lead_id
        group by all
        """
    )
    return project


def fork(project: Project, workdir: Path, project_dir: Path | None = None) -> Project:
    """The project (or a copy of it in `project_dir`) on a copy of `project`'s warehouse, to rebuild a few models
    differently without touching what the other tests read."""
    project.query("checkpoint")
    shutil.copy(project.warehouse, workdir / project.warehouse.name)
    return Project(project.dataset, workdir, project_dir or project.project_dir)


def copy_project(target: Path) -> Path:
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, target / name)
    return target


def event_ids(project: Project, where: str = "true") -> set[str]:
    return {row[0] for row in project.query(f"select stage_event_id from {EVENTS} where {where}")}


def leads_with(project: Project, trigger_detail: str) -> set[str]:
    return {row[0] for row in project.query(f"select lead_id from {EVENTS} where trigger_detail = '{trigger_detail}'")}


def transitions_except(project: Project, leads: set[str]) -> set[tuple]:
    """Every transition of the leads not in `leads`."""
    rows = project.query(
        f"""
        select lead_id, transition_number, from_stage, to_stage, trigger_type, trigger_id, transitioned_at
        from {TRANSITIONS}
        """
    )
    return {row for row in rows if row[0] not in leads}


# -- the replay's own invariants -----------------------------------------------------------------------------------


def test_transitions_chain_from_lead_and_stop_at_a_terminal_stage(lifecycle_project: Project) -> None:
    leads, broken_chain, wrong_start, no_move, after_terminal = lifecycle_project.query(
        f"""
        with ordered as (
            select
                *,
                lag(to_stage) over (partition by lead_id order by transition_number) as previous_to_stage,
                row_number() over (partition by lead_id order by transition_number) as position,
                count(*) filter (where to_stage in ('customer', 'disqualified')) over (
                    partition by lead_id order by transition_number
                    rows between unbounded preceding and 1 preceding
                ) as earlier_terminals
            from {TRANSITIONS}
        )
        select
            count(distinct lead_id),
            count(*) filter (where position > 1 and from_stage is distinct from previous_to_stage),
            count(*) filter (
                where (position = 1) <> (from_stage is null and to_stage = 'lead' and trigger_type = 'created')
                   or transition_number <> position
            ),
            count(*) filter (where from_stage = to_stage),
            count(*) filter (where earlier_terminals > 0)
        from ordered
        """
    )[0]  # fmt: skip
    assert leads > 2000
    assert broken_chain == 0, f"{broken_chain} transitions leave a stage other than the one the previous one entered"
    assert wrong_start == 0, f"{wrong_start} histories do not start with one 'created' transition into lead"
    assert no_move == 0, f"{no_move} transitions enter the stage they leave"
    assert after_terminal == 0, f"{after_terminal} transitions follow a customer or disqualified transition"


def test_every_customer_went_through_an_opportunity(lifecycle_project: Project) -> None:
    customers, without_opportunity = lifecycle_project.query(
        f"""
        select
            count(*),
            count(*) filter (where not exists (
                select 1 from {TRANSITIONS} as earlier
                where earlier.lead_id = customer.lead_id
                  and earlier.to_stage = 'opportunity'
                  and earlier.transition_number < customer.transition_number
            ))
        from {TRANSITIONS} as customer
        where customer.to_stage = 'customer'
        """
    )[0]  # fmt: skip
    assert customers >= 15, f"only {customers} customers: too few to check anything"
    assert without_opportunity == 0, f"{without_opportunity} of {customers} customers had no opportunity before"


# -- against the truth ---------------------------------------------------------------------------------------------


def test_competitors_students_and_job_seekers_never_get_an_opportunity_and_rarely_pass_as_sql(
    lifecycle_project: Project,
) -> None:
    """Sales turns all of them away, and none has an opportunity in the truth. The lifecycle may briefly call one an
    SQL: a demo request or trial signed with a free-mail address is a sales-ready action before anything disqualifies
    the person (measured 5 of 685 on seed 11, 1 of 666 on seed 12; every one of them ended disqualified)."""
    people, sql, opportunity, ends_qualified = lifecycle_project.query(
        f"""
        select count(*), count(*) filter (where reached_sql),
            count(*) filter (where reached_opportunity or reached_customer), count(*) filter (where ends_qualified)
        from truth_lifecycle where persona in {NOT_BUYERS}
        """
    )[0]  # fmt: skip
    assert people > 300
    assert opportunity == 0, f"{opportunity} competitors, students or job seekers reached opportunity or customer"
    assert sql / people <= 0.03, f"{sql} of {people} competitors, students and job seekers became SQLs"
    assert ends_qualified / people <= 0.01, f"{ends_qualified} of {people} of them end as SQLs"
    shares = dict(
        lifecycle_project.query(
            """
            select persona, avg(reached_disqualified::int) from truth_lifecycle
            where persona in ('competitor', 'student') group by persona
            """
        )
    )
    # measured: students 100% (both seeds), competitors 92% and 90% (the rest wrote from a free-mail address and
    # never reached sales). Most job seekers never fill a form, stay plain leads and are not counted here.
    for persona, share in shares.items():
        assert share >= 0.8, f"only {share:.0%} of the {persona}s were disqualified"


def test_buyers_become_customers_when_they_won(lifecycle_project: Project) -> None:
    """Measured: 32 of 32 buyers reach customer on seed 11, each at the moment the truth says they won (to the
    millisecond). While a job application disqualified for good, 27 of 32 did (30 of 31 on seed 12): every miss was
    a buyer who had also sent the careers page's form, which is why it is a scoring penalty, not a disqualifying
    signal. No miss came from identity resolution (about 0.3% of leads mix two people), but one is let through."""
    buyers, customers, late, unexplained = lifecycle_project.query(
        """
        select
            count(*),
            count(*) filter (where reached_customer),
            count(*) filter (where reached_customer and abs(epoch(lifecycle_customer_at - won_at)) > 60),
            count(*) filter (where not reached_customer and coalesce(lifecycle_disqualified_at >= won_at, true))
        from truth_lifecycle where won_at is not null
        """
    )[0]  # fmt: skip
    assert buyers >= 20, f"only {buyers} buyers in the truth: too few to measure"
    assert customers / buyers >= 0.9, f"only {customers} of {buyers} buyers became customers"
    assert late == 0, f"{late} buyers became customers more than a minute away from when they won"
    assert unexplained <= 1, f"{unexplained} buyers are neither customers nor disqualified before they won"


def test_only_people_with_an_opportunity_reach_opportunity(lifecycle_project: Project) -> None:
    """Measured on seed 11: none of 2,754 people without an opportunity reached opportunity; 136 of 137 with one did.
    The miss is an opportunity whose contact reference points at no CRM record. The 0.5% allows for a lead that
    mixes two people."""
    without, false_opportunities, with_opportunity, found = lifecycle_project.query(
        """
        select
            count(*) filter (where opportunity_at is null),
            count(*) filter (where opportunity_at is null and reached_opportunity),
            count(*) filter (where opportunity_at is not null),
            count(*) filter (where opportunity_at is not null and reached_opportunity)
        from truth_lifecycle
        """
    )[0]  # fmt: skip
    assert with_opportunity >= 80
    assert false_opportunities / without <= 0.005, f"{false_opportunities} people without an opportunity reached one"
    assert found / with_opportunity >= 0.9, f"only {found} of {with_opportunity} opportunities reached"


def test_mql_and_sql_counts_agree_with_the_truths_funnel(lifecycle_project: Project) -> None:
    """The truth's MQL is marketing routing the lead to sales, its SQL is sales accepting it. Measured on seed 11
    (seed 12): 718 (748) people routed, 648 (670) reached MQL or beyond in the lifecycle, 70% (67%) of the routed
    among them; 261 (287) accepted, 335 (353) SQLs, 97% (96%) of the accepted among them. The lifecycle finds more
    SQLs than sales accepted because a demo request, a trial or a discovery call makes an SQL at once, even when
    sales turns the lead down afterwards."""
    routed, mql, routed_found, accepted, sql, accepted_found = lifecycle_project.query(
        """
        select
            count(mql_at), count(*) filter (where reached_mql_or_beyond),
            count(*) filter (where mql_at is not null and reached_mql_or_beyond),
            count(sql_at), count(*) filter (where reached_sql),
            count(*) filter (where sql_at is not null and reached_sql)
        from truth_lifecycle
        """
    )[0]  # fmt: skip
    assert routed > 300 and accepted > 100
    assert 0.7 <= mql / routed <= 1.2, f"{mql} MQLs for {routed} people marketing routed to sales"
    assert routed_found / routed >= 0.55, f"only {routed_found} of {routed} routed people reached MQL or beyond"
    assert 1.0 <= sql / accepted <= 1.6, f"{sql} SQLs for {accepted} people sales accepted"
    assert accepted_found / accepted >= 0.9, f"only {accepted_found} of {accepted} accepted people became SQLs"
    assert mql > sql, f"{mql} people reached MQL or beyond but {sql} became SQLs"


# -- the configuration steers the lifecycle ------------------------------------------------------------------------


def test_without_the_free_trial_action_a_trial_no_longer_makes_an_sql(
    lifecycle_project: Project, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """seeds/lifecycle_sql_actions.csv decides which actions make an SQL: with the free trial row removed, its events
    are gone and nothing else is, trial SQLs are gone, and leads that never signed up for a trial keep their history."""
    trial = "action free_trial_signup"
    project_dir = copy_project(tmp_path_factory.mktemp("lifecycle_no_trial_project"))
    seed = project_dir / "seeds" / "lifecycle_sql_actions.csv"
    with seed.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        fields, rows = list(reader.fieldnames or []), list(reader)
    with seed.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(row for row in rows if row["action_id"] != "free_trial_signup")
    edited = fork(lifecycle_project, tmp_path_factory.mktemp("lifecycle_no_trial_dbt"), project_dir)
    assert edited.dbt("build", "--select", "lifecycle_sql_actions", *LIFECYCLE_MODELS, "--resource-type", "seed",
                      "--resource-type", "model").success  # fmt: skip

    def trial_sqls(project: Project) -> tuple[int, int]:
        return project.query(
            f"""
            select count(*) filter (where trigger_type = 'sales_action'),
                count(*) filter (where trigger_detail = '{trial}')
            from {TRANSITIONS} where to_stage = 'sql'
            """
        )[0]

    before_actions, before_trials = trial_sqls(lifecycle_project)
    after_actions, after_trials = trial_sqls(edited)
    assert before_trials >= 30, f"only {before_trials} trial SQLs to begin with"
    assert after_trials == 0, f"{after_trials} SQLs still come from a trial"
    assert after_actions <= before_actions - before_trials / 2, (
        f"sales-action SQLs went from {before_actions} to {after_actions} after removing {before_trials} trial SQLs"
    )
    assert event_ids(edited) == event_ids(lifecycle_project, f"trigger_detail is distinct from '{trial}'")
    trial_leads = leads_with(lifecycle_project, trial)
    assert transitions_except(edited, trial_leads) == transitions_except(lifecycle_project, trial_leads)


def test_bant_min_qualifying_fields_decides_which_acceptances_make_an_sql(
    lifecycle_project: Project, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """With `bant_min_qualifying_fields` raised from 3 to 4, a sales acceptance with three BANT fields captured no
    longer makes an SQL; one with all four still does, and no other event changes."""
    edited = fork(lifecycle_project, tmp_path_factory.mktemp("lifecycle_bant_dbt"))
    assert edited.dbt("run", "--select", *LIFECYCLE_MODELS, "--vars", "{bant_min_qualifying_fields: 4}").success

    def acceptances(project: Project) -> dict[str, int]:
        return dict(
            project.query(
                f"""
                select trigger_detail, count(*) from {EVENTS}
                where trigger_type = 'crm_status' and target_stage = 'sql' group by trigger_detail
                """
            )
        )

    three, four = "status qualified, BANT fields captured 3", "status qualified, BANT fields captured 4"
    before, after = acceptances(lifecycle_project), acceptances(edited)
    assert before.get(three, 0) >= 30 and before.get(four, 0) >= 30, f"too few acceptances to compare: {before}"
    assert after == {four: before[four]}, f"acceptances making an SQL: {before} with 3 fields, {after} with 4"
    assert event_ids(edited) == event_ids(lifecycle_project, f"trigger_detail is distinct from '{three}'")
    three_field_leads = leads_with(lifecycle_project, three)
    assert transitions_except(edited, three_field_leads) == transitions_except(lifecycle_project, three_field_leads)
