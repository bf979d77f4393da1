{#-
    Every raw field-history row, parsed and judged: rejected with a reason, or ranked among the
    deliveries of the same change (history_id): the earliest load is delivery 1, the one staging keeps.
-#}
{%- set raw_columns = [
    'history_id', 'object_type', 'record_id', 'field_name', 'old_value', 'new_value', 'changed_by', 'changed_at',
    'loaded_at',
] -%}

with source_rows as (
    select * from {{ source('crm', 'field_history') }}
),

identified as (
    {{ identify_raw_rows('source_rows', raw_columns, 'changed_at') }}
),

judged as (
    select
        *,
        case
            when nullif(trim(history_id), '') is null then 'missing history_id'
            when nullif(trim(record_id), '') is null then 'missing record_id'
            when event_at is null then 'unreadable changed_at'
            when event_at > {{ dbt.dateadd('day', var('max_clock_skew_days'), 'loaded_at') }}
                then 'changed_at later than its load'
        end as reject_reason
    from identified
),

final as (
    {{ rank_deliveries('judged', 'history_id') }}
)

select * from final
