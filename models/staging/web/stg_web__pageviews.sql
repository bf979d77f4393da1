{#-
    Classification works on the distinct values (paths, tag combinations, user agents), which are
    few, and joins the result back, so the seeds' patterns run once per value, not once per row.
-#}
with pageviews as (
    select * from {{ ref('base_web__pageviews') }}
    where reject_reason is null and delivery_rank = 1
),

page_categories as (
    select * from {{ ref('page_categories') }}
),

channel_rules as (
    select * from {{ ref('channel_rules') }}
),

bot_user_agent_patterns as (
    select * from {{ ref('bot_user_agent_patterns') }}
),

internal_networks as (
    select * from {{ ref('internal_networks') }}
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
),

paths as (
    select distinct page_path from cleaned
),

paths_classified as (
    select
        paths.page_path,
        page_categories.content_category,
        page_categories.intent_level,
        row_number() over (partition by paths.page_path order by page_categories.priority) as match_rank
    from paths
    inner join page_categories
        on
            (page_categories.match_type = 'exact' and paths.page_path = page_categories.path_pattern)
            or (
                page_categories.match_type = 'prefix'
                and (
                    paths.page_path = page_categories.path_pattern
                    or substring(paths.page_path, 1, length(page_categories.path_pattern) + 1)
                    = page_categories.path_pattern || '/'
                )
            )
            or (
                page_categories.match_type = 'regex'
                and {{ regexp_full_match_column('paths.page_path', 'page_categories.path_pattern') }}
            )
),

tags as (
    select distinct
        coalesce(utm_medium, '') as utm_medium,
        coalesce(utm_source, '') as utm_source,
        coalesce(referrer_host, '') as referrer_host
    from cleaned
),

tags_classified as (
    select
        tags.utm_medium,
        tags.utm_source,
        tags.referrer_host,
        channel_rules.channel,
        row_number() over (
            partition by tags.utm_medium, tags.utm_source, tags.referrer_host order by channel_rules.priority
        ) as match_rank
    from tags
    inner join channel_rules
        on (
            channel_rules.utm_medium_pattern is null
            or {{ regexp_full_match_column('tags.utm_medium', 'channel_rules.utm_medium_pattern') }}
        )
        and (
            channel_rules.utm_source_pattern is null
            or {{ regexp_full_match_column('tags.utm_source', 'channel_rules.utm_source_pattern') }}
        )
        and (
            channel_rules.referrer_host_pattern is null
            or {{ regexp_full_match_column('tags.referrer_host', 'channel_rules.referrer_host_pattern') }}
        )
),

user_agents as (
    select distinct user_agent from cleaned
),

user_agents_classified as (
    select
        user_agents.user_agent,
        bot_user_agent_patterns.bot_family,
        row_number() over (
            partition by user_agents.user_agent order by bot_user_agent_patterns.priority
        ) as match_rank
    from user_agents
    inner join bot_user_agent_patterns
        on {{ regexp_full_match_column(
            'lower(user_agents.user_agent)', "'.*(?:' || bot_user_agent_patterns.pattern || ').*'"
        ) }}
),

ip_addresses as (
    select distinct ip_address from cleaned
),

internal_addresses as (
    select distinct ip_addresses.ip_address
    from ip_addresses
    inner join internal_networks
        on
            substring(ip_addresses.ip_address, 1, length(internal_networks.network_prefix))
            = internal_networks.network_prefix
),

final as (
    select
        cleaned.pageview_id,
        cleaned.anonymous_id,
        cleaned.page_url,
        cleaned.page_host,
        cleaned.page_path,
        cleaned.page_query,
        cleaned.page_title,
        coalesce(paths_classified.content_category, 'other') as content_category,
        cleaned.referrer_url,
        cleaned.referrer_host,
        cleaned.utm_source,
        cleaned.utm_medium,
        cleaned.utm_campaign,
        cleaned.utm_term,
        cleaned.utm_content,
        coalesce(tags_classified.channel, 'other') as traffic_channel,
        cleaned.user_agent,
        user_agents_classified.bot_family,
        cleaned.ip_address,
        cleaned.event_timestamp_as_delivered,
        cleaned.raw_row_id,
        coalesce(paths_classified.intent_level, 0) as intent_level,
        user_agents_classified.bot_family is not null as is_bot,
        internal_addresses.ip_address is not null as is_internal,
        cleaned.event_at,
        cleaned.loaded_at
    from cleaned
    left join paths_classified
        on cleaned.page_path = paths_classified.page_path and paths_classified.match_rank = 1
    left join tags_classified
        on
            coalesce(cleaned.utm_medium, '') = tags_classified.utm_medium
            and coalesce(cleaned.utm_source, '') = tags_classified.utm_source
            and coalesce(cleaned.referrer_host, '') = tags_classified.referrer_host
            and tags_classified.match_rank = 1
    left join user_agents_classified
        on cleaned.user_agent = user_agents_classified.user_agent and user_agents_classified.match_rank = 1
    left join internal_addresses
        on cleaned.ip_address = internal_addresses.ip_address
)

select * from final
