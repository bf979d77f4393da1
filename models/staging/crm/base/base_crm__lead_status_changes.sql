{#-
    Every raw status-change row, parsed and judged: rejected with a reason, or ranked among the
    deliveries of the same change (status_change_id): the earliest load is delivery 1, the one
    staging keeps. A status the mapping seed does not know is quarantined, never guessed.
-#}
{%- set raw_columns = [
    'status_change_id', 'lead_record_id', 'status', 'reason', 'budget', 'authority', 'need', 'timeline',
    'changed_by', 'changed_at', 'loaded_at',
] -%}

with source_rows as (
    select * from {{ source('crm', 'lead_status_changes') }}
),

status_values as (
    select * from {{ ref('crm_status_values') }}
),

identified as (
    {{ identify_raw_rows('source_rows', raw_columns, 'changed_at') }}
),

judged as (
    select
        identified.*,
        status_values.status as mapped_status,
        case
            when nullif(trim(identified.status_change_id), '') is null then 'missing status_change_id'
            when identified.event_at is null then 'unreadable changed_at'
            when identified.event_at > {{ dbt.dateadd('day', var('max_clock_skew_days'), 'identified.loaded_at') }}
                then 'changed_at later than its load'
            when status_values.status is null then 'unknown status value'
        end as reject_reason
    from identified
    left join status_values
        on lower(trim(identified.status)) = status_values.raw_status
),

final as (
    {{ rank_deliveries('judged', 'status_change_id') }}
)

select * from final
