{#-
    Every raw form submission row, parsed and judged: rejected with a reason, or ranked among the
    deliveries of the same event (the earliest load is delivery 1, the one staging keeps). A
    submission whose address is unusable is kept (it is still a form fill by that browser) and
    flagged in staging; it cannot identify anyone.
-#}
{%- set raw_columns = [
    'message_id', 'anonymous_id', 'form_id', 'page_url', 'email', 'first_name', 'last_name', 'company_name',
    'job_title', 'phone', 'country', 'marketing_consent', 'user_agent', 'ip_address', 'event_timestamp', 'loaded_at',
] -%}

with source_rows as (
    select * from {{ source('web', 'form_submissions') }}
),

identified as (
    {{ identify_raw_rows('source_rows', raw_columns, 'event_timestamp') }}
),

judged as (
    select
        *,
        case
            when nullif(trim(message_id), '') is null then 'missing message_id'
            when nullif(trim(anonymous_id), '') is null then 'missing anonymous_id'
            when nullif(trim(form_id), '') is null then 'missing form_id'
            when event_at is null then 'unreadable event_timestamp'
            when event_at > {{ dbt.dateadd('day', var('max_clock_skew_days'), 'loaded_at') }}
                then 'event_timestamp later than its load'
        end as reject_reason
    from identified
),

final as (
    {{ rank_deliveries('judged', 'message_id') }}
)

select * from final
