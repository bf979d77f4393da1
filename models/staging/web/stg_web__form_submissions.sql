with submissions as (
    select * from {{ ref('base_web__form_submissions') }}
    where reject_reason is null and delivery_rank = 1
),

country_aliases as (
    select * from {{ ref('country_aliases') }}
),

test_lead_patterns as (
    select * from {{ ref('test_lead_patterns') }}
),

bot_user_agent_patterns as (
    select * from {{ ref('bot_user_agent_patterns') }}
),

internal_networks as (
    select * from {{ ref('internal_networks') }}
),

internal_email_domains as (
    select * from {{ ref('internal_email_domains') }}
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
),

test_submissions as (
    select distinct cleaned.form_submission_id
    from cleaned
    inner join test_lead_patterns
        on (
            test_lead_patterns.field = 'email'
            and {{ regexp_full_match_column('cleaned.email', 'test_lead_patterns.pattern') }}
        )
        or (
            test_lead_patterns.field = 'first_name'
            and {{ regexp_full_match_column('lower(cleaned.first_name)', 'test_lead_patterns.pattern') }}
        )
        or (
            test_lead_patterns.field = 'last_name'
            and {{ regexp_full_match_column('lower(cleaned.last_name)', 'test_lead_patterns.pattern') }}
        )
        or (
            test_lead_patterns.field = 'company_name'
            and {{ regexp_full_match_column('lower(cleaned.company_name)', 'test_lead_patterns.pattern') }}
        )
),

bot_submissions as (
    select distinct cleaned.form_submission_id
    from cleaned
    inner join bot_user_agent_patterns
        on {{ regexp_full_match_column(
            'lower(cleaned.user_agent)', "'.*(?:' || bot_user_agent_patterns.pattern || ').*'"
        ) }}
),

internal_submissions as (
    select distinct cleaned.form_submission_id
    from cleaned
    left join internal_networks
        on
            substring(cleaned.ip_address, 1, length(internal_networks.network_prefix))
            = internal_networks.network_prefix
    left join internal_email_domains
        on {{ dbt.split_part('cleaned.email', "'@'", 2) }} = internal_email_domains.email_domain
    where internal_networks.network_prefix is not null or internal_email_domains.email_domain is not null
),

final as (
    select
        cleaned.form_submission_id,
        cleaned.anonymous_id,
        cleaned.form_id,
        cleaned.page_url,
        cleaned.page_path,
        cleaned.email,
        cleaned.email_as_submitted,
        cleaned.first_name,
        cleaned.last_name,
        cleaned.company_name,
        cleaned.job_title,
        cleaned.phone,
        country_aliases.country_code,
        cleaned.country_as_submitted,
        cleaned.user_agent,
        cleaned.ip_address,
        cleaned.raw_row_id,
        cleaned.has_marketing_consent,
        cleaned.has_valid_email,
        test_submissions.form_submission_id is not null as is_test_submission,
        bot_submissions.form_submission_id is not null as is_bot,
        internal_submissions.form_submission_id is not null as is_internal,
        cleaned.event_at,
        cleaned.loaded_at
    from cleaned
    left join country_aliases
        on cleaned.country_as_submitted = country_aliases.country_alias
    left join test_submissions
        on cleaned.form_submission_id = test_submissions.form_submission_id
    left join bot_submissions
        on cleaned.form_submission_id = bot_submissions.form_submission_id
    left join internal_submissions
        on cleaned.form_submission_id = internal_submissions.form_submission_id
)

select * from final
