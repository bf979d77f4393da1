{{ config(materialized='table') }}

{#-
    Every event that scoring rules can score, credited to its lead: human pageviews, form
    submissions, e-mail opens (people, not machines), clicks, unsubscribes, bounces and spam
    complaints, and CRM activities. One row per event, with a column for every event field of the
    signal catalogue (macros/scoring_signal_catalogue.sql); fields another signal has are null.
    Bots, the office network, test records, internal recipients and events of no known lead are
    left out: they never score. This model knows nothing of the rules, so a later incremental
    version can add new days without touching the rest.
-#}
with pageviews as (
    select * from {{ ref('int_pageviews_attributed') }}
    where lead_id is not null
),

form_submissions as (
    select * from {{ ref('stg_web__form_submissions') }}
    where not is_test_submission and not is_bot and not is_internal
),

email_events as (
    select * from {{ ref('stg_email__events') }}
    where
        event_type in ('open', 'click', 'unsubscribe', 'bounce', 'spam_complaint')
        and not is_machine_open
        and not is_internal_recipient
        and not is_test_recipient
),

activities as (
    select * from {{ ref('stg_crm__activities') }}
),

resolved as (
    select * from {{ ref('int_identity_resolved') }}
    where lead_id is not null
),

pageview_signals as (
    select
        {{ dbt.concat(["'pageview:'", 'pageview_id']) }} as signal_id,
        lead_id,
        'web.pageview' as signal,
        {{- scoring_event_field_columns({
            'content_category': 'content_category', 'page_path': 'page_path',
            'traffic_channel': 'traffic_channel', 'intent_level': 'intent_level'
        }) }}
        true as is_engagement,
        event_at as occurred_at,
        loaded_at
    from pageviews
),

form_signals as (
    select
        {{ dbt.concat(["'form:'", 'form_submissions.form_submission_id']) }} as signal_id,
        coalesce(by_email.lead_id, by_browser.lead_id) as lead_id,
        'web.form_submission' as signal,
        {{- scoring_event_field_columns({
            'page_path': 'form_submissions.page_path', 'form_id': 'form_submissions.form_id'
        }) }}
        true as is_engagement,
        form_submissions.event_at as occurred_at,
        form_submissions.loaded_at
    from form_submissions
    left join resolved as by_email
        on
            by_email.identifier_type = 'email'
            and form_submissions.email = by_email.identifier_value
    left join resolved as by_browser
        on
            by_browser.identifier_type = 'browser'
            and form_submissions.anonymous_id = by_browser.identifier_value
),

email_signals as (
    select
        {{ dbt.concat(["'email:'", 'email_events.event_id']) }} as signal_id,
        resolved.lead_id,
        {{ dbt.concat(["'email.'", 'email_events.event_type']) }} as signal,
        {{- scoring_event_field_columns({
            'campaign_name': 'email_events.campaign_name', 'link_url': 'email_events.link_url',
            'bounce_type': 'email_events.bounce_type'
        }) }}
        email_events.event_type in ('open', 'click') as is_engagement,
        email_events.event_at as occurred_at,
        email_events.loaded_at
    from email_events
    inner join resolved
        on
            resolved.identifier_type = 'email'
            and email_events.email = resolved.identifier_value
),

activity_signals as (
    select
        {{ dbt.concat(["'activity:'", 'activities.activity_id']) }} as signal_id,
        resolved.lead_id,
        'crm.activity' as signal,
        {{- scoring_event_field_columns({
            'activity_type': 'activities.activity_type', 'activity_outcome': 'activities.outcome'
        }) }}
        false as is_engagement,
        activities.activity_at as occurred_at,
        activities.loaded_at
    from activities
    inner join resolved
        on
            resolved.identifier_type = 'crm'
            and activities.lead_record_id = resolved.identifier_value
),

unioned as (
    select * from pageview_signals
    union all
    select * from form_signals
    union all
    select * from email_signals
    union all
    select * from activity_signals
),

final as (
    select * from unioned
    where lead_id is not null
)

select * from final
