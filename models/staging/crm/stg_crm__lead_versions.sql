{%- set not_provided = "'" ~ var('crm_not_provided_placeholder') ~ "'" -%}

with lead_versions as (
    select * from {{ ref('base_crm__leads') }}
    where reject_reason is null and delivery_rank = 1
),

country_aliases as (
    select * from {{ ref('country_aliases') }}
),

test_lead_patterns as (
    select * from {{ ref('test_lead_patterns') }}
),

internal_email_domains as (
    select * from {{ ref('internal_email_domains') }}
),

cleaned as (
    select
        lead_versions.record_id,
        lower(trim(lead_versions.record_type)) as record_type,
        {{ normalize_email('lead_versions.email') }} as email,
        lead_versions.email as email_as_delivered,
        nullif(trim(lead_versions.first_name), '') as first_name,
        nullif(nullif(trim(lead_versions.last_name), ''), {{ not_provided }}) as last_name,
        nullif(trim(lead_versions.phone), '') as phone,
        nullif(trim(lead_versions.title), '') as title,
        nullif(trim(lead_versions.seniority), '') as seniority,
        nullif(nullif(trim(lead_versions.company_name), ''), {{ not_provided }}) as company_name,
        nullif(trim(lead_versions.account_id), '') as account_id,
        country_aliases.country_code,
        nullif(trim(lead_versions.country), '') as country_as_delivered,
        nullif(trim(lead_versions.lead_source), '') as lead_source,
        lead_versions.mapped_status as status,
        lead_versions.owner_id,
        nullif(trim(lead_versions.merged_into_record_id), '') as merged_into_record_id,
        lead_versions.raw_row_id,
        {{ is_valid_email(normalize_email('lead_versions.email')) }} as has_valid_email,
        lead_versions.is_deleted,
        {#- an unreadable created_at on one version is taken from the record's other versions -#}
        min(lead_versions.parsed_created_at) over (partition by lead_versions.record_id) as created_at,
        lead_versions.event_at as updated_at,
        lead_versions.loaded_at
    from lead_versions
    left join country_aliases
        on lower(trim(lead_versions.country)) = country_aliases.country_alias
),

fields_to_check_for_tests as (
    select
        raw_row_id,
        'email' as field_name,
        email as field_value
    from cleaned
    union all
    select
        raw_row_id,
        'first_name' as field_name,
        lower(first_name) as field_value
    from cleaned
    union all
    select
        raw_row_id,
        'last_name' as field_name,
        lower(last_name) as field_value
    from cleaned
    union all
    select
        raw_row_id,
        'company_name' as field_name,
        lower(company_name) as field_value
    from cleaned
),

versions_matching_a_test_pattern as (
    select distinct fields_to_check_for_tests.raw_row_id
    from fields_to_check_for_tests
    inner join test_lead_patterns
        on
            fields_to_check_for_tests.field_name = test_lead_patterns.field
            and {{ regexp_full_match_column('fields_to_check_for_tests.field_value', 'test_lead_patterns.pattern') }}
),

versions_at_an_internal_domain as (
    select distinct cleaned.raw_row_id
    from cleaned
    inner join internal_email_domains
        on {{ dbt.split_part('cleaned.email', "'@'", 2) }} = internal_email_domains.email_domain
),

final as (
    select
        cleaned.record_id,
        cleaned.account_id,
        cleaned.owner_id,
        cleaned.merged_into_record_id,
        cleaned.record_type,
        cleaned.email,
        cleaned.email_as_delivered,
        cleaned.first_name,
        cleaned.last_name,
        cleaned.phone,
        cleaned.title,
        cleaned.seniority,
        cleaned.company_name,
        cleaned.country_code,
        cleaned.country_as_delivered,
        cleaned.lead_source,
        cleaned.status,
        cleaned.raw_row_id,
        cleaned.has_valid_email,
        cleaned.is_deleted,
        (
            versions_matching_a_test_pattern.raw_row_id is not null
            or versions_at_an_internal_domain.raw_row_id is not null
        ) as is_test_record,
        cleaned.created_at,
        cleaned.updated_at,
        cleaned.loaded_at
    from cleaned
    left join versions_matching_a_test_pattern
        on cleaned.raw_row_id = versions_matching_a_test_pattern.raw_row_id
    left join versions_at_an_internal_domain
        on cleaned.raw_row_id = versions_at_an_internal_domain.raw_row_id
)

select * from final
