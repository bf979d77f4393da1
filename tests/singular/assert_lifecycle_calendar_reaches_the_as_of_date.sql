{#-
    The calendar of the daily and weekly funnels runs from the first transition's day to the
    as-of day without a gap. It fails when the data spans more days than the var
    `lifecycle_calendar_max_days` allows (raise the var), with the missing range.
-#}
with calendar_days as (
    select * from {{ ref('int_lifecycle_calendar') }}
),

transitions as (
    select * from {{ ref('int_lead_stage_transitions') }}
),

expected as (
    select
        min(cast(transitions.transitioned_at as date)) as first_date,
        max(calendar_days.as_of_at) as as_of_at
    from transitions
    cross join calendar_days
),

covered as (
    select
        min(calendar_date) as first_date,
        max(calendar_date) as last_date,
        count(*) as day_count
    from calendar_days
)

select
    expected.first_date as expected_first_date,
    cast(expected.as_of_at as date) as expected_last_date,
    covered.first_date,
    covered.last_date,
    covered.day_count
from expected
cross join covered
where
    covered.first_date <> expected.first_date
    or covered.last_date <> cast(expected.as_of_at as date)
    or covered.day_count <> {{ dbt.datediff(
        'covered.first_date', 'covered.last_date', 'day'
    ) }} + 1
