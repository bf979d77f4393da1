with submissions as (
    select * from {{ ref('base_web__form_submissions') }}
    where reject_reason is null and delivery_rank = 1
),

cleaned as (
    select
        message_id as form_submission_id,
        anonymous_id,
        lower(trim(form_id)) as form_id,
        page_url,
        {{ url_path('page_url') }} as page_path,
        {{ normalize_email('email') }} as email,
        email as email_as_submitted,
        nullif(trim(first_name), '') as first_name,
        nullif(trim(last_name), '') as last_name,
        nullif(trim(company_name), '') as company_name,
        nullif(trim(job_title), '') as job_title,
        nullif(trim(phone), '') as phone,
        nullif(lower(trim(country)), '') as country_as_submitted,
        user_agent,
        ip_address,
        raw_row_id,
        marketing_consent as has_marketing_consent,
        {{ is_valid_email(normalize_email('email')) }} as has_valid_email,
        event_at,
        loaded_at
    from submissions
)

select * from cleaned
