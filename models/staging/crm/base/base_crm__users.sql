{#-
    Every raw CRM user row, parsed and judged: rejected with a reason, or ranked among the
    deliveries of the same user version (user_id, updated_at as delivered): the earliest load is
    delivery 1, the one staging keeps; a new version of the user is a new key, not a duplicate.
-#}
{%- set raw_columns = [
    'user_id', 'full_name', 'email', 'role', 'is_active', 'created_at', 'updated_at', 'loaded_at',
] -%}

with source_rows as (
    select * from {{ source('crm', 'users') }}
),

identified as (
    {{ identify_raw_rows('source_rows', raw_columns, 'updated_at') }}
),

judged as (
    select
        *,
        {{ parse_timestamp('created_at') }} as parsed_created_at,
        case
            when nullif(trim(user_id), '') is null then 'missing user_id'
            when event_at is null then 'unreadable updated_at'
            when event_at > {{ dbt.dateadd('day', var('max_clock_skew_days'), 'loaded_at') }}
                then 'updated_at later than its load'
            when not {{ is_valid_email(normalize_email('email')) }} then 'email is not an address'
        end as reject_reason
    from identified
),

final as (
    {{ rank_deliveries('judged', 'user_id, updated_at') }}
)

select * from final
