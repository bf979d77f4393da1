{#-
    The daily stage stock: how many leads sit in each stage at the end of each day, from the first
    lead's day to the as-of day, with the day's entries and exits. The stock is the running sum
    of entries less exits, so it scales with the number of transitions, not leads times days.
-#}
with transitions as (
    select * from {{ ref('fct_lead_stage_transitions') }}
),

calendar_days as (
    select * from {{ ref('int_lifecycle_calendar') }}
),

stages as (
    select * from {{ ref('int_lifecycle_stages') }}
),

movements as (
    select
        cast(stage_entered_at as date) as calendar_date,
        to_stage as stage,
        1 as entries,
        0 as exits
    from transitions

    union all

    select
        cast(stage_exited_at as date) as calendar_date,
        to_stage as stage,
        0 as entries,
        1 as exits
    from transitions
    where stage_exited_at is not null
),

daily_movements as (
    select
        calendar_date,
        stage,
        cast(sum(entries) as {{ dbt.type_bigint() }}) as entries,
        cast(sum(exits) as {{ dbt.type_bigint() }}) as exits
    from movements
    group by calendar_date, stage
),

days_and_stages as (
    select
        calendar_days.calendar_date,
        calendar_days.week_start_date,
        calendar_days.month_start_date,
        stages.stage,
        stages.stage_order,
        coalesce(daily_movements.entries, 0) as entries,
        coalesce(daily_movements.exits, 0) as exits
    from calendar_days
    cross join stages
    left join daily_movements
        on
            calendar_days.calendar_date = daily_movements.calendar_date
            and stages.stage = daily_movements.stage
),

final as (
    select
        {{ dbt.hash(dbt.concat([
            'cast(calendar_date as ' ~ dbt.type_string() ~ ')', "'|'", 'stage'
        ])) }} as stage_day_id,
        calendar_date,
        week_start_date,
        month_start_date,
        stage,
        stage_order,
        entries,
        exits,
        cast(sum(entries - exits) over (
            partition by stage order by calendar_date rows between unbounded preceding and current row
        ) as {{ dbt.type_bigint() }}) as leads_in_stage
    from days_and_stages
)

select * from final
