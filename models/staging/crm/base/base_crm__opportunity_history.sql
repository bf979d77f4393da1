{#-
    Every raw opportunity-history row, parsed and judged: rejected with a reason, or ranked among
    the deliveries of the same change (history_id): the earliest load is delivery 1, the one
    staging keeps. A stage the mapping seed does not know is quarantined, never guessed.
-#}
{%- set raw_columns = [
    'history_id', 'opportunity_id', 'stage', 'amount', 'close_date', 'changed_by', 'changed_at', 'loaded_at',
] -%}

with source_rows as (
    select * from {{ source('crm', 'opportunity_history') }}
),

opportunity_stages as (
    select * from {{ ref('crm_opportunity_stages') }}
),

identified as (
    {{ identify_raw_rows('source_rows', raw_columns, 'changed_at') }}
),

with_dates as (
    select
        *,
        {{ parse_date('close_date') }} as parsed_close_date
    from identified
),

judged as (
    select
        with_dates.*,
        opportunity_stages.stage as mapped_stage,
        opportunity_stages.stage_order,
        case
            when nullif(trim(with_dates.history_id), '') is null then 'missing history_id'
            when nullif(trim(with_dates.opportunity_id), '') is null then 'missing opportunity_id'
            when with_dates.event_at is null then 'unreadable changed_at'
            when with_dates.event_at > {{ dbt.dateadd('day', var('max_clock_skew_days'), 'with_dates.loaded_at') }}
                then 'changed_at later than its load'
            when opportunity_stages.stage is null then 'unknown stage value'
            when with_dates.amount < 0 then 'negative amount'
            when with_dates.parsed_close_date is null then 'unreadable close_date'
        end as reject_reason
    from with_dates
    left join opportunity_stages
        on lower(trim(with_dates.stage)) = opportunity_stages.raw_stage
),

final as (
    {{ rank_deliveries('judged', 'history_id') }}
)

select * from final
