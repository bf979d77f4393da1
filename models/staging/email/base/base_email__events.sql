{#-
    Every raw e-mail event row, parsed and judged: rejected with a reason, or ranked among the
    deliveries of the same event (the earliest load is delivery 1, the one staging keeps). The
    event type is looked up in the `email_event_types` seed; a name that is not there (a misspelt
    `opne`, `CLICKED!!`, an empty string) is quarantined, never guessed.
-#}
{%- set raw_columns = [
    'event_id', 'send_id', 'event_type', 'recipient', 'campaign_id', 'campaign_name', 'link_url', 'bounce_type',
    'user_agent', 'event_timestamp', 'loaded_at',
] -%}

with source_rows as (
    select * from {{ source('email', 'events') }}
),

email_event_types as (
    select * from {{ ref('email_event_types') }}
),

identified as (
    {{ identify_raw_rows('source_rows', raw_columns, 'event_timestamp') }}
),

typed as (
    select
        identified.*,
        email_event_types.event_type as canonical_event_type,
        email_event_types.is_engagement
    from identified
    left join email_event_types
        on lower(trim(identified.event_type)) = email_event_types.raw_event_type
),

judged as (
    select
        *,
        case
            when nullif(trim(event_id), '') is null then 'missing event_id'
            when nullif(trim(send_id), '') is null then 'missing send_id'
            when canonical_event_type is null then 'unknown event_type'
            when event_at is null then 'unreadable event_timestamp'
            when event_at > {{ dbt.dateadd('day', var('max_clock_skew_days'), 'loaded_at') }}
                then 'event_timestamp later than its load'
            when not {{ is_valid_email(normalize_email('recipient')) }} then 'recipient is not an address'
        end as reject_reason
    from typed
),

final as (
    {{ rank_deliveries('judged', 'event_id') }}
)

select * from final
