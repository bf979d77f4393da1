{#-
    One row per e-mail event: the first usable delivery, with the service's event name mapped to
    the project's event type, the recipient normalised and classified (internal, test), and
    machine opens by privacy proxies flagged (an `open` whose user agent is exactly one of
    var('machine_open_user_agents')).
-#}
{%- set quoted_user_agents = var('machine_open_user_agents') | map('replace', "'", "''") -%}
{%- set machine_open_user_agents = "'" ~ quoted_user_agents | join("', '") ~ "'" -%}

with events as (
    select * from {{ ref('base_email__events') }}
    where reject_reason is null and delivery_rank = 1
),

internal_email_domains as (
    select * from {{ ref('internal_email_domains') }}
),

test_lead_patterns as (
    select * from {{ ref('test_lead_patterns') }}
    where field = 'email'
),

recipients as (
    select
        *,
        {{ normalize_email('recipient') }} as email
    from events
),

test_recipients as (
    select distinct recipients.email
    from recipients
    inner join test_lead_patterns
        on {{ regexp_full_match_column('recipients.email', 'test_lead_patterns.pattern') }}
),

cleaned as (
    select
        recipients.event_id,
        recipients.send_id,
        nullif(trim(recipients.campaign_id), '') as campaign_id,
        recipients.canonical_event_type as event_type,
        recipients.email,
        recipients.recipient as recipient_as_delivered,
        nullif(trim(recipients.campaign_name), '') as campaign_name,
        nullif(trim(recipients.link_url), '') as link_url,
        nullif(lower(trim(recipients.bounce_type)), '') as bounce_type,
        recipients.user_agent,
        recipients.raw_row_id,
        recipients.is_engagement,
        coalesce(
            recipients.canonical_event_type = 'open'
            and recipients.user_agent in ({{ machine_open_user_agents }}),
            false
        ) as is_machine_open,
        internal_email_domains.email_domain is not null as is_internal_recipient,
        test_recipients.email is not null as is_test_recipient,
        recipients.event_at,
        recipients.loaded_at
    from recipients
    left join internal_email_domains
        on {{ dbt.split_part('recipients.email', "'@'", 2) }} = internal_email_domains.email_domain
    left join test_recipients
        on recipients.email = test_recipients.email
)

select * from cleaned
