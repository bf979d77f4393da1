{#-
    Every raw activity row, parsed and judged: rejected with a reason, or ranked among the
    deliveries of the same activity (activity_id): the earliest load is delivery 1, the one
    staging keeps. A type the mapping seed does not know is quarantined, never guessed.
-#}
{%- set raw_columns = [
    'activity_id', 'activity_type', 'subject', 'lead_record_id', 'owner_id', 'outcome', 'activity_at', 'created_at',
    'loaded_at',
] -%}

with source_rows as (
    select * from {{ source('crm', 'activities') }}
),

activity_types as (
    select * from {{ ref('crm_activity_types') }}
),

identified as (
    {{ identify_raw_rows('source_rows', raw_columns, 'activity_at') }}
),

judged as (
    select
        identified.*,
        activity_types.activity_type as mapped_activity_type,
        {{ parse_timestamp('identified.created_at') }} as parsed_created_at,
        case
            when nullif(trim(identified.activity_id), '') is null then 'missing activity_id'
            when identified.event_at is null then 'unreadable activity_at'
            when identified.event_at > {{ dbt.dateadd('day', var('max_clock_skew_days'), 'identified.loaded_at') }}
                then 'activity_at later than its load'
            when activity_types.activity_type is null then 'unknown activity_type value'
        end as reject_reason
    from identified
    left join activity_types
        on lower(trim(identified.activity_type)) = activity_types.raw_activity_type
),

final as (
    {{ rank_deliveries('judged', 'activity_id') }}
)

select * from final
