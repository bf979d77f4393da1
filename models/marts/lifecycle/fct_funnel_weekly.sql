{#-
    The period funnel: how many leads entered each stage in each week (weeks start on the
    engine's first day of the week; Monday on DuckDB), from the first lead's week to the as-of
    week. Every week has a row for every stage, with zeros when nothing happened.
-#}
with transitions as (
    select * from {{ ref('fct_lead_stage_transitions') }}
),

calendar_days as (
    select * from {{ ref('int_lifecycle_calendar') }}
),

weeks as (
    select
        week_start_date,
        max(calendar_date) as week_end_date,
        count(*) as days_covered
    from calendar_days
    group by week_start_date
),

stages as (
    select * from {{ ref('int_lifecycle_stages') }}
),

transitions_by_week as (
    select
        *,
        cast({{ dbt.date_trunc('week', 'transitioned_at') }} as date) as week_start_date
    from transitions
),

weekly_entries as (
    select
        week_start_date,
        to_stage as stage,
        count(*) as entries,
        count(distinct lead_id) as leads_entering,
        cast(sum(case when stage_visit_number = 1 then 1 else 0 end) as {{ dbt.type_bigint() }}) as first_entries,
        cast(sum(case when stage_visit_number > 1 then 1 else 0 end) as {{ dbt.type_bigint() }}) as repeat_entries,
        cast(sum(case when is_fast_track then 1 else 0 end) as {{ dbt.type_bigint() }}) as fast_track_entries,
        cast(sum(case when trigger_type = 'score_threshold' then 1 else 0 end) as {{ dbt.type_bigint() }})
            as score_triggered_entries
    from transitions_by_week
    group by week_start_date, to_stage
),

final as (
    select
        {{ dbt.hash(dbt.concat([
            'cast(weeks.week_start_date as ' ~ dbt.type_string() ~ ')', "'|'", 'stages.stage'
        ])) }} as funnel_week_id,
        weeks.week_start_date,
        weeks.week_end_date,
        stages.stage,
        stages.stage_order,
        weeks.days_covered,
        coalesce(weekly_entries.entries, 0) as entries,
        coalesce(weekly_entries.leads_entering, 0) as leads_entering,
        coalesce(weekly_entries.first_entries, 0) as first_entries,
        coalesce(weekly_entries.repeat_entries, 0) as repeat_entries,
        coalesce(weekly_entries.fast_track_entries, 0) as fast_track_entries,
        coalesce(weekly_entries.score_triggered_entries, 0) as score_triggered_entries,
        weeks.days_covered < 7 as is_partial_week
    from weeks
    cross join stages
    left join weekly_entries
        on
            weeks.week_start_date = weekly_entries.week_start_date
            and stages.stage = weekly_entries.stage
)

select * from final
