{{ config(materialized='table') }}

{#-
    Each lead's first touch: the earliest of its human web visits (channel from the visit's
    UTM tags or referrer, campaign from utm_campaign), its marketing e-mail clicks (channel
    email, campaign the send's campaign) and the creation of its CRM records (channel from the
    lead source through seeds/lead_source_channels.csv). At equal times a web visit wins over an
    e-mail click, and both over a CRM record, because they say more about where the lead came from.
    A CRM record without a creation time counts from when it was loaded.
-#}
with pageviews_attributed as (
    select * from {{ ref('int_pageviews_attributed') }}
    where lead_id is not null and not is_bot and not is_internal
),

pageviews as (
    select * from {{ ref('stg_web__pageviews') }}
),

signals as (
    select * from {{ ref('int_lead_signals') }}
    where signal = 'email.click'
),

crm_records as (
    select * from {{ ref('stg_crm__leads') }}
    where not is_deleted
),

resolved as (
    select * from {{ ref('int_identity_resolved') }}
    where identifier_type = 'crm' and lead_id is not null
),

lead_source_channels as (
    select * from {{ ref('lead_source_channels') }}
),

web_touches as (
    select
        pageviews_attributed.lead_id,
        'web' as touch_type,
        pageviews_attributed.traffic_channel as channel,
        nullif(trim(pageviews.utm_campaign), '') as campaign,
        coalesce(nullif(trim(pageviews.utm_source), ''), pageviews.referrer_host) as touch_source,
        pageviews_attributed.pageview_id as touch_id,
        1 as touch_preference,
        pageviews_attributed.event_at as touched_at
    from pageviews_attributed
    inner join pageviews
        on pageviews_attributed.pageview_id = pageviews.pageview_id
),

email_touches as (
    select
        lead_id,
        'email' as touch_type,
        'email' as channel,
        campaign_name as campaign,
        cast(null as {{ dbt.type_string() }}) as touch_source,
        signal_id as touch_id,
        2 as touch_preference,
        occurred_at as touched_at
    from signals
),

crm_touches as (
    select
        resolved.lead_id,
        'crm' as touch_type,
        coalesce(lead_source_channels.channel, 'other') as channel,
        cast(null as {{ dbt.type_string() }}) as campaign,
        crm_records.lead_source as touch_source,
        crm_records.record_id as touch_id,
        3 as touch_preference,
        -- a record whose creation time the CRM lost counts from when it was loaded
        coalesce(crm_records.created_at, crm_records.loaded_at) as touched_at
    from crm_records
    inner join resolved
        on crm_records.record_id = resolved.identifier_value
    left join lead_source_channels
        on lower(trim(crm_records.lead_source)) = lead_source_channels.lead_source
),

touches as (
    select * from web_touches
    union all
    select * from email_touches
    union all
    select * from crm_touches
),

ranked as (
    select
        *,
        row_number() over (
            partition by lead_id order by touched_at, touch_preference, touch_id
        ) as touch_rank
    from touches
),

final as (
    select
        lead_id,
        touch_type as first_touch_type,
        touch_id as first_touch_id,
        channel as first_touch_channel,
        campaign as first_touch_campaign,
        touch_source as first_touch_source,
        touched_at as first_touched_at
    from ranked
    where touch_rank = 1
)

select * from final
