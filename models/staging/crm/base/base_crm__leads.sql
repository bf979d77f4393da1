{#-
    Every raw lead/contact row, parsed and judged: rejected with a reason, or ranked among the
    deliveries of the same record version (record_id, updated_at as delivered): the earliest load
    is delivery 1, the one staging keeps; a changed record is a new version, not a duplicate. An
    unusable address is not a reason to reject (the record still exists and others point at it):
    staging keeps the version and flags it. An unreadable created_at is taken from the record's
    other versions in staging.
-#}
{%- set raw_columns = [
    'record_id', 'record_type', 'email', 'first_name', 'last_name', 'phone', 'title', 'seniority', 'company_name',
    'account_id', 'country', 'lead_source', 'status', 'owner_id', 'created_at', 'updated_at', 'is_deleted',
    'merged_into_record_id', 'loaded_at',
] -%}

with source_rows as (
    select * from {{ source('crm', 'leads') }}
),

status_values as (
    select * from {{ ref('crm_status_values') }}
),

identified as (
    {{ identify_raw_rows('source_rows', raw_columns, 'updated_at') }}
),

judged as (
    select
        identified.*,
        status_values.status as mapped_status,
        {{ parse_timestamp('identified.created_at') }} as parsed_created_at,
        case
            when nullif(trim(identified.record_id), '') is null then 'missing record_id'
            when identified.event_at is null then 'unreadable updated_at'
            when identified.event_at > {{ dbt.dateadd('day', var('max_clock_skew_days'), 'identified.loaded_at') }}
                then 'updated_at later than its load'
            when status_values.status is null then 'unknown status value'
        end as reject_reason
    from identified
    left join status_values
        on lower(trim(identified.status)) = status_values.raw_status
),

final as (
    {{ rank_deliveries('judged', 'record_id, updated_at') }}
)

select * from final
