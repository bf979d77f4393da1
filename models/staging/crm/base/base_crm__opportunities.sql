{#-
    Every raw opportunity row, parsed and judged: rejected with a reason, or ranked among the
    deliveries of the same deal version (opportunity_id, updated_at as delivered): the earliest
    load is delivery 1, the one staging keeps; a changed deal is a new version, not a duplicate.
-#}
{%- set raw_columns = [
    'opportunity_id', 'opportunity_name', 'account_id', 'primary_contact_record_id', 'owner_id', 'stage', 'amount',
    'currency_code', 'close_date', 'is_closed', 'is_won', 'lost_reason', 'created_at', 'updated_at', 'is_deleted',
    'loaded_at',
] -%}

with source_rows as (
    select * from {{ source('crm', 'opportunities') }}
),

opportunity_stages as (
    select * from {{ ref('crm_opportunity_stages') }}
),

identified as (
    {{ identify_raw_rows('source_rows', raw_columns, 'updated_at') }}
),

with_dates as (
    select
        *,
        {{ parse_date('close_date') }} as parsed_close_date,
        {{ parse_timestamp('created_at') }} as parsed_created_at
    from identified
),

judged as (
    select
        with_dates.*,
        opportunity_stages.stage as mapped_stage,
        opportunity_stages.stage_order,
        case
            when nullif(trim(with_dates.opportunity_id), '') is null then 'missing opportunity_id'
            when with_dates.event_at is null then 'unreadable updated_at'
            when with_dates.event_at > {{ dbt.dateadd('day', var('max_clock_skew_days'), 'with_dates.loaded_at') }}
                then 'updated_at later than its load'
            when opportunity_stages.stage is null then 'unknown stage value'
            when with_dates.amount < 0 then 'negative amount'
            when with_dates.parsed_close_date is null then 'unreadable close_date'
        end as reject_reason
    from with_dates
    left join opportunity_stages
        on lower(trim(with_dates.stage)) = opportunity_stages.raw_stage
),

final as (
    {{ rank_deliveries('judged', 'opportunity_id, updated_at') }}
)

select * from final
