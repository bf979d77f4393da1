"""The simulated feed is messy at its configured rates, and its funnel is a believable B2B funnel.

Rates are measured from the raw files the way a data engineer would find them (patterns, parsing,
joins), not read back from the simulator's bookkeeping."""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime, timedelta

import pytest

from conftest import Dataset
from lead_funnel_tools.simulator.config import Messiness

BOT_PATTERN = "(?i)(bot|crawler|spider|headlesschrome|python-requests|curl|externalhit)"
OFFICE_PREFIX = "198.51.100."
FORMAT_PATTERNS = {
    "iso_utc": re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"),
    "iso_offset": re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$"),
    "epoch_millis": re.compile(r"^\d{13}$"),
    "epoch_seconds": re.compile(r"^\d{10}$"),
    "naive_utc": re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$"),
}


def parse_event_time(text: str | None) -> tuple[str, datetime] | None:
    """(format name, UTC time) of a delivered timestamp, or None when it cannot be read."""
    if text is None:
        return None
    for name, pattern in FORMAT_PATTERNS.items():
        if not pattern.match(text):
            continue
        try:
            if name == "epoch_millis":
                return name, datetime.fromtimestamp(int(text) / 1000, UTC)
            if name == "epoch_seconds":
                return name, datetime.fromtimestamp(int(text), UTC)
            if name == "naive_utc":
                return name, datetime.strptime(text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
            return name, datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)
        except ValueError:
            return None
    return None


def assert_rate(label: str, hits: int, trials: int, expected: float, relative: float = 0.15) -> None:
    """hits / trials is expected to match a configured probability: within four standard errors
    plus a small relative allowance for effects the measurement cannot separate out."""
    assert trials > 0, f"{label}: nothing to measure"
    measured = hits / trials
    tolerance = 4 * math.sqrt(expected * (1 - expected) / trials) + relative * expected
    assert abs(measured - expected) <= tolerance, (
        f"{label}: measured {measured:.4f} ({hits}/{trials}), configured {expected:.4f}, tolerance {tolerance:.4f}"
    )


DATASETS = ["default_dataset", "boosted_dataset"]


@pytest.fixture(params=DATASETS)
def dataset(request: pytest.FixtureRequest) -> Dataset:
    return request.getfixturevalue(request.param)


def rates(dataset: Dataset) -> Messiness:
    return dataset.config.messiness


def test_duplicate_deliveries(dataset: Dataset) -> None:
    for key, id_column in (("web/pageviews", "message_id"), ("email/events", "event_id")):
        rows, distinct = dataset.query(
            f"select count(*), count(distinct {id_column}) from {dataset.table(key)} where {id_column} is not null"
        )[0]
        # the last days' second copies may still be in flight: count only events first loaded early
        early_rows, early_distinct = dataset.query(
            f"""
            with firsts as (
                select {id_column} as event_key, min(loaded_at) as first_loaded_at, count(*) as copies
                from {dataset.table(key)} where {id_column} is not null group by 1
            )
            select sum(copies), count(*) from firsts
            where first_loaded_at < (select max(loaded_at) - interval 3 day from {dataset.table(key)})
            """
        )[0]
        assert rows > distinct
        assert_rate(
            f"{key} duplicates", early_rows - early_distinct, early_distinct, rates(dataset).duplicate_delivery_rate
        )


def test_noisy_email_addresses(dataset: Dataset) -> None:
    noisy, total = dataset.query(
        f"""
        select count(*) filter (where recipient <> lower(trim(recipient))), count(*)
        from {dataset.table("email/events")} where recipient like '%@%.%'
        """
    )[0]
    assert_rate("noisy recipients", noisy, total, rates(dataset).email_noise_rate)


def test_timestamp_formats_and_late_events(dataset: Dataset) -> None:
    rows = dataset.query(
        f"""
        select event_timestamp, min(loaded_at) from {dataset.table("web/pageviews")}
        where message_id is not null group by message_id, event_timestamp
        """
    )
    counts: dict[str, int] = dict.fromkeys(FORMAT_PATTERNS, 0)
    late = parsed = 0
    last_load = max(loaded for _, loaded in rows)
    for text, loaded in rows:
        result = parse_event_time(text)
        if result is None:
            continue
        name, happened = result
        counts[name] += 1
        if loaded < last_load - timedelta(days=rates(dataset).late_event_max_days + 1):
            parsed += 1
            late += loaded.replace(tzinfo=UTC) - happened >= timedelta(days=1)
    total = sum(counts.values())
    for name, share in rates(dataset).web_timestamp_formats:
        assert_rate(f"web timestamps as {name}", counts[name], total, share, relative=0.05)
    assert_rate("late web events", late, parsed, rates(dataset).late_event_rate)


def test_bot_and_internal_traffic(dataset: Dataset) -> None:
    bots, internal, humans = dataset.query(
        f"""
        with views as (select distinct message_id, user_agent, ip_address from {dataset.table("web/pageviews")})
        select
            count(*) filter (where regexp_matches(user_agent, '{BOT_PATTERN}')),
            count(*) filter (where ip_address like '{OFFICE_PREFIX}%'),
            count(*) filter (where not regexp_matches(user_agent, '{BOT_PATTERN}')
                             and ip_address not like '{OFFICE_PREFIX}%')
        from views
        """
    )[0]
    assert_rate("bot pageviews per human pageview", bots, humans, rates(dataset).bot_traffic_rate)
    assert_rate("internal pageviews per human pageview", internal, humans, rates(dataset).internal_traffic_rate)


def test_test_leads(dataset: Dataset) -> None:
    found = dataset.scalar(
        f"""
        select count(distinct record_id) from {dataset.table("crm/leads")}
        where lower(first_name) in ('test', 'asdf', 'qa') or lower(trim(email)) like 'test%'
           or lower(trim(email)) like '%@asdf.com' or lower(trim(email)) like '%@lumendata.io'
           or lower(trim(email)) = 'noreply@example.com'
        """
    )
    prospects = dataset.scalar(
        f"select count(*) from {dataset.persons()} where kind = 'prospect' "
        f"and first_touch_at < (select max(first_touch_at) - interval 10 day from {dataset.persons()})"
    )
    assert_rate("test leads per prospect", found, prospects, rates(dataset).test_lead_rate, relative=0.25)


def test_duplicate_crm_records_and_merges(dataset: Dataset) -> None:
    end = f"(select max(loaded_at) from {dataset.table('crm/leads')})"
    duplicated, identified = dataset.query(
        f"""
        select count(*) filter (where len(crm_record_ids) >= 2), count(*) from {dataset.persons()}
        where kind = 'prospect' and identified_at < {end} - interval 65 day
        """
    )[0]
    assert_rate("persons with a duplicate CRM record", duplicated, identified, rates(dataset).duplicate_person_rate,
                relative=0.2)  # fmt: skip
    merged, candidates = dataset.query(
        f"""
        with people as (
            select crm_record_ids from {dataset.persons()}
            where kind = 'prospect' and identified_at < {end} - interval 130 day and len(crm_record_ids) >= 2
        ),
        merged_records as (
            select distinct record_id from {dataset.table("crm/leads")} where merged_into_record_id is not null
        )
        select count(*) filter (where exists (
                   select 1 from merged_records where list_contains(people.crm_record_ids, merged_records.record_id))),
               count(*)
        from people
        """
    )[0]
    assert_rate("duplicates merged", merged, candidates, rates(dataset).merge_rate, relative=0.2)


def test_merge_chain_in_boosted_feed(boosted_dataset: Dataset) -> None:
    chains = boosted_dataset.scalar(
        f"""
        with merges as (
            select distinct record_id, merged_into_record_id from {boosted_dataset.table("crm/leads")}
            where merged_into_record_id is not null
        )
        select count(*) from merges as first_merge
        inner join merges as second_merge on first_merge.merged_into_record_id = second_merge.record_id
        """
    )
    assert chains > 0


def test_orphan_references(dataset: Dataset) -> None:
    orphans, total = dataset.query(
        f"""
        with records as (select distinct record_id from {dataset.table("crm/leads")}),
        users as (select distinct user_id from {dataset.table("crm/users")})
        select
            count(*) filter (where lead_record_id not in (select record_id from records)
                             or owner_id not in (select user_id from users)),
            count(*)
        from {dataset.table("crm/activities")}
        """
    )[0]
    assert_rate("activities pointing at nothing", orphans, total, rates(dataset).orphan_reference_rate, relative=0.25)


def test_optional_fields_left_empty(dataset: Dataset) -> None:
    empty, total = dataset.query(
        f"""
        select count(*) filter (where job_title is null), count(*) from {dataset.table("web/form_submissions")}
        where form_id = 'demo_request' and email like '%@%.%'
        """
    )[0]
    assert_rate(
        "demo requests without a job title", empty, total, rates(dataset).optional_field_null_rate, relative=0.2
    )
    empty, total = dataset.query(
        f"""
        select count(*) filter (where industry is null), count(*) from {dataset.table("crm/accounts")}
        where loaded_at < (select min(loaded_at) + interval 1 hour from {dataset.table("crm/accounts")})
        """
    )[0]
    assert_rate("accounts without an industry", empty, total, rates(dataset).optional_field_null_rate)


def test_malformed_rows(dataset: Dataset) -> None:
    rows = dataset.query(f"select message_id, page_url, event_timestamp from {dataset.table('web/pageviews')}")
    malformed = sum(
        1
        for message_id, url, text in rows
        if message_id is None or not (url or "").startswith("https://") or parse_event_time(text) is None
    )
    assert_rate("malformed pageviews", malformed, len(rows), rates(dataset).malformed_row_rate, relative=0.25)


def test_a_clean_feed_has_none_of_the_mess(make_dataset) -> None:
    clean = make_dataset("clean", leads=300, days=60, seed=2, messiness=Messiness.clean())
    rows, distinct = clean.query(f"select count(*), count(distinct message_id) from {clean.table('web/pageviews')}")[0]
    assert rows == distinct
    assert (
        clean.scalar(f"select count(*) from {clean.table('email/events')} where recipient <> lower(trim(recipient))")
        == 0
    )
    assert (
        clean.scalar(
            f"select count(*) from {clean.table('web/pageviews')} where regexp_matches(user_agent, '{BOT_PATTERN}')"
        )
        == 0
    )


def test_funnel_rates_fall_in_published_b2b_ranges(default_dataset: Dataset) -> None:
    """Prospects identified in the first half of the data, so most had time to move on."""
    identified, mql, sql, opportunities, won, lost = default_dataset.query(
        f"""
        select count(*), count(mql_at), count(sql_at), count(opportunity_at), count(won_at), count(lost_at)
        from {default_dataset.persons()}
        where kind = 'prospect'
          and identified_at < (select min(first_touch_at) from {default_dataset.persons()}) + interval 150 day
        """
    )[0]
    assert identified > 1000
    assert 0.10 <= mql / identified <= 0.40, f"lead -> MQL {mql / identified:.3f}"
    assert 0.13 <= sql / mql <= 0.50, f"MQL -> SQL {sql / mql:.3f}"
    assert 0.40 <= opportunities / sql <= 0.80, f"SQL -> opportunity {opportunities / sql:.3f}"
    assert 0.15 <= won / (won + lost) <= 0.30, f"opportunity -> won {won / (won + lost):.3f}"


def test_outcomes_depend_on_fit_and_behaviour(default_dataset: Dataset) -> None:
    """A scoring model has signal to find: decision makers at ideal-profile companies win far more
    often than the rest, and students, job seekers and competitors never buy."""
    rows = dict(
        default_dataset.query(
            f"""
            select case when persona in ('student', 'job_seeker', 'competitor') then 'never'
                        when persona = 'decision_maker' and is_icp then 'best' else 'rest' end,
                   avg(case when won_at is not null then 1.0 else 0.0 end)
            from {default_dataset.persons()} where kind = 'prospect' group by 1
            """
        )
    )
    assert rows["never"] == 0
    assert rows["best"] > 3 * rows["rest"]


def test_email_timestamp_formats(dataset: Dataset) -> None:
    counts: dict[str, int] = dict.fromkeys(FORMAT_PATTERNS, 0)
    for (text,) in dataset.query(f"select event_timestamp from {dataset.table('email/events')}"):
        result = parse_event_time(text)
        if result is not None:
            counts[result[0]] += 1
    total = sum(counts.values())
    for name, share in rates(dataset).email_timestamp_formats:
        assert_rate(f"e-mail timestamps as {name}", counts[name], total, share, relative=0.05)


def test_crm_timestamps_in_a_users_local_offset(dataset: Dataset) -> None:
    local, total = dataset.query(
        f"""
        select count(*) filter (where regexp_matches(changed_at, '[+-]\\d{{4}}$') and not changed_at like '%+0000'),
               count(*) filter (where regexp_matches(changed_at, '[+-]\\d{{4}}$'))
        from {dataset.table("crm/lead_status_changes")}
        """
    )[0]
    assert_rate("status changes stamped in local time", local, total, rates(dataset).crm_local_offset_rate)
