{{ config(materialized='table') }}

{#-
    One row per day from the first day a lead was seen to the lifecycle's as-of moment: the later
    of the scores' as-of moment and the latest stage transition. Daily and weekly funnels read
    it so that a day or week with nothing happening still has its row. The var
    `lifecycle_calendar_max_days` bounds its length; a test fails when the data outgrows it.
-#}
with transitions as (
    select * from {{ ref('int_lead_stage_transitions') }}
),

scoring_as_of as (
    select * from {{ ref('int_scoring_as_of') }}
),

day_numbers as (
    {{ dbt.generate_series(var('lifecycle_calendar_max_days')) }}
),

transition_bounds as (
    select
        min(transitioned_at) as first_transitioned_at,
        max(transitioned_at) as last_transitioned_at
    from transitions
),

bounds as (
    select
        cast(transition_bounds.first_transitioned_at as date) as first_date,
        case
            when scoring_as_of.scored_as_of > transition_bounds.last_transitioned_at
                then scoring_as_of.scored_as_of
            else transition_bounds.last_transitioned_at
        end as as_of_at
    from transition_bounds
    cross join scoring_as_of
),

days as (
    select
        cast({{ dbt.dateadd(
            'day', 'day_numbers.generated_number - 1', 'bounds.first_date'
        ) }} as date) as calendar_date,
        bounds.as_of_at
    from day_numbers
    cross join bounds
    where day_numbers.generated_number - 1 <= {{ dbt.datediff(
        'bounds.first_date', 'bounds.as_of_at', 'day'
    ) }}
),

final as (
    select
        calendar_date,
        cast({{ dbt.date_trunc('week', 'calendar_date') }} as date) as week_start_date,
        cast({{ dbt.date_trunc('month', 'calendar_date') }} as date) as month_start_date,
        as_of_at
    from days
)

select * from final
