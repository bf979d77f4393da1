{#-
    Every raw CRM account row, parsed and judged: rejected with a reason, or ranked among the
    deliveries of the same account version (account_id, updated_at as delivered): the earliest
    load is delivery 1, the one staging keeps; a changed account is a new version, not a duplicate.
-#}
{%- set raw_columns = [
    'account_id', 'account_name', 'website_domain', 'industry', 'employee_count', 'annual_revenue',
    'billing_country', 'account_type', 'owner_id', 'created_at', 'updated_at', 'is_deleted', 'loaded_at',
] -%}

with source_rows as (
    select * from {{ source('crm', 'accounts') }}
),

identified as (
    {{ identify_raw_rows('source_rows', raw_columns, 'updated_at') }}
),

judged as (
    select
        *,
        {{ parse_timestamp('created_at') }} as parsed_created_at,
        case
            when nullif(trim(account_id), '') is null then 'missing account_id'
            when event_at is null then 'unreadable updated_at'
            when event_at > {{ dbt.dateadd('day', var('max_clock_skew_days'), 'loaded_at') }}
                then 'updated_at later than its load'
            when employee_count < 0 then 'negative employee_count'
        end as reject_reason
    from identified
),

final as (
    {{ rank_deliveries('judged', 'account_id, updated_at') }}
)

select * from final
