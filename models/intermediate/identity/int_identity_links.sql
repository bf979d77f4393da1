{{ config(materialized='table') }}

{#-
    Every piece of evidence that two identifiers belong to one person, as an edge between two
    typed identifiers ('email:<address>', 'browser:<anonymous id>', 'crm:<record id>'):
    - a form submitted with a usable address ties the browser to the address;
    - a click-through from a marketing e-mail ties the browser to the recipient;
    - a CRM record ties itself to every address it has carried;
    - a CRM merge ties the merged record to the record it was merged into.
    Bot submissions never link. A browser that gave more addresses than
    `max_addresses_per_browser` is treated as shared (a kiosk, a family computer) and links nobody.
-#}
with form_submissions as (
    select * from {{ ref('stg_web__form_submissions') }}
),

pageviews as (
    select * from {{ ref('stg_web__pageviews') }}
),

email_events as (
    select * from {{ ref('stg_email__events') }}
),

lead_versions as (
    select * from {{ ref('stg_crm__lead_versions') }}
),

form_links as (
    select
        'browser:' || anonymous_id as from_identifier,
        'email:' || email as to_identifier,
        'form_submission' as link_type,
        form_submission_id as evidence_id,
        event_at as linked_at
    from form_submissions
    where has_valid_email and not is_bot
),

sends as (
    select
        send_id,
        min(email) as email
    from email_events
    where email is not null
    group by send_id
),

click_links as (
    select
        'browser:' || pageviews.anonymous_id as from_identifier,
        'email:' || sends.email as to_identifier,
        'email_click_through' as link_type,
        pageviews.pageview_id as evidence_id,
        pageviews.event_at as linked_at
    from pageviews
    inner join sends
        on {{ regexp_extract('pageviews.page_query', '(^|&)esp_sid=([^&]+)', 2) }} = sends.send_id
    where not pageviews.is_bot
),

crm_email_links as (
    select
        'crm:' || record_id as from_identifier,
        'email:' || email as to_identifier,
        'crm_record_address' as link_type,
        min(raw_row_id) as evidence_id,
        min(updated_at) as linked_at
    from lead_versions
    where has_valid_email
    group by record_id, email
),

crm_merge_links as (
    select
        'crm:' || record_id as from_identifier,
        'crm:' || merged_into_record_id as to_identifier,
        'crm_merge' as link_type,
        min(raw_row_id) as evidence_id,
        min(updated_at) as linked_at
    from lead_versions
    where merged_into_record_id is not null
    group by record_id, merged_into_record_id
),

browser_links as (
    select * from form_links
    union all
    select * from click_links
),

shared_browsers as (
    select from_identifier
    from browser_links
    group by from_identifier
    having count(distinct to_identifier) > {{ var('max_addresses_per_browser') }}
),

final as (
    select * from browser_links
    where from_identifier not in (select shared_browsers.from_identifier from shared_browsers)
    union all
    select * from crm_email_links
    union all
    select * from crm_merge_links
)

select * from final
