{#-
    Every staged pageview with the lead its browser belongs to, whenever the browser identified:
    visits made before the form fill or the e-mail click are attributed retroactively. Pageviews of
    browsers that never identified, of bots and of the office network keep lead_id null: they
    count as traffic and never score.
-#}
with pageviews as (
    select * from {{ ref('stg_web__pageviews') }}
),

resolved as (
    select * from {{ ref('int_identity_resolved') }}
    where identifier_type = 'browser'
),

final as (
    select
        pageviews.pageview_id,
        case when not pageviews.is_bot and not pageviews.is_internal then resolved.lead_id end as lead_id,
        pageviews.anonymous_id,
        pageviews.page_path,
        pageviews.content_category,
        pageviews.traffic_channel,
        pageviews.intent_level,
        pageviews.is_bot,
        pageviews.is_internal,
        pageviews.event_at,
        pageviews.loaded_at
    from pageviews
    left join resolved
        on 'browser:' || pageviews.anonymous_id = resolved.identifier
)

select * from final
