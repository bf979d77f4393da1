with pageviews as (
    select * from {{ ref('base_web__pageviews') }}
    where reject_reason is null and delivery_rank = 1
),

cleaned as (
    select
        message_id as pageview_id,
        anonymous_id,
        page_url,
        lower({{ regexp_extract('page_url', '^https?://([^/?#]+)') }}) as page_host,
        {{ url_path('page_url') }} as page_path,
        nullif({{ regexp_extract('page_url', '[?]([^#]*)') }}, '') as page_query,
        nullif(trim(page_title), '') as page_title,
        nullif(trim(referrer_url), '') as referrer_url,
        nullif(lower({{ regexp_extract('referrer_url', '^https?://([^/?#]+)') }}), '') as referrer_host,
        nullif(lower(trim(utm_source)), '') as utm_source,
        nullif(lower(trim(utm_medium)), '') as utm_medium,
        nullif(lower(trim(utm_campaign)), '') as utm_campaign,
        nullif(lower(trim(utm_term)), '') as utm_term,
        nullif(lower(trim(utm_content)), '') as utm_content,
        user_agent,
        ip_address,
        event_timestamp as event_timestamp_as_delivered,
        raw_row_id,
        event_at,
        loaded_at
    from pageviews
)

select * from cleaned
