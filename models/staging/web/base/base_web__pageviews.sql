{#-
    Every raw pageview row, parsed and judged: rejected with a reason, or ranked among the
    deliveries of the same event (the earliest load is delivery 1, the one staging keeps).
-#}
{%- set raw_columns = [
    'message_id', 'anonymous_id', 'page_url', 'page_title', 'referrer_url', 'utm_source', 'utm_medium',
    'utm_campaign', 'utm_term', 'utm_content', 'user_agent', 'ip_address', 'event_timestamp', 'loaded_at',
] -%}

with source_rows as (
    select * from {{ source('web', 'pageviews') }}
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
            when event_at is null then 'unreadable event_timestamp'
            when event_at > {{ dbt.dateadd('day', var('max_clock_skew_days'), 'loaded_at') }}
                then 'event_timestamp later than its load'
            when not {{ regexp_full_match('page_url', 'https?://[^/ ]+.*') }} then 'page_url is not a URL'
        end as reject_reason
    from identified
),

final as (
    {{ rank_deliveries('judged', 'message_id') }}
)

select * from final
