with account_versions as (
    select * from {{ ref('base_crm__accounts') }}
    where reject_reason is null and delivery_rank = 1
),

country_aliases as (
    select * from {{ ref('country_aliases') }}
),

cleaned as (
    select
        account_versions.account_id,
        account_versions.owner_id,
        trim(account_versions.account_name) as account_name,
        nullif(
            {{ regexp_replace_all('lower(trim(account_versions.website_domain))', '^www[.]', '') }}, ''
        ) as website_domain,
        nullif(trim(account_versions.industry), '') as industry,
        country_aliases.country_code as billing_country_code,
        nullif(trim(account_versions.billing_country), '') as billing_country_as_delivered,
        lower(trim(account_versions.account_type)) as account_type,
        account_versions.raw_row_id,
        account_versions.employee_count,
        account_versions.annual_revenue,
        account_versions.is_deleted,
        {#- an unreadable created_at on one version is taken from the account's other versions -#}
        min(account_versions.parsed_created_at) over (partition by account_versions.account_id) as created_at,
        account_versions.event_at as updated_at,
        account_versions.loaded_at
    from account_versions
    left join country_aliases
        on lower(trim(account_versions.billing_country)) = country_aliases.country_alias
)

select * from cleaned
