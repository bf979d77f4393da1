{{ config(materialized='table') }}

{#-
    What the CRM knew about each lead record, and its account, at every moment: one row per
    interval [valid_from, valid_to) in which none of these attributes changed. Lead intervals come
    from the record's versions (each valid from its updated_at to the next one's); account
    intervals from the account's versions, and an account's first known version is taken as valid
    from the start, since firmographics change slowly and nothing earlier is known. The lead's
    account at each moment decides which account intervals apply. valid_to is null for the
    current interval. Records merged into another keep their own history under the same lead.
-#}
{%- set open_end = "cast('9999-12-31 00:00:00' as " ~ dbt.type_timestamp() ~ ")" -%}
{%- set open_start = "cast('1900-01-01 00:00:00' as " ~ dbt.type_timestamp() ~ ")" -%}

with lead_versions as (
    select * from {{ ref('stg_crm__lead_versions') }}
),

account_versions as (
    select * from {{ ref('stg_crm__account_versions') }}
),

resolved as (
    select * from {{ ref('int_identity_resolved') }}
    where identifier_type = 'crm'
),

lead_intervals as (
    select
        record_id,
        account_id,
        record_type,
        title,
        seniority,
        company_name,
        country_code,
        lead_source,
        status,
        owner_id,
        case when has_valid_email then nullif({{ dbt.split_part('email', "'@'", 2) }}, '') end as email_domain,
        is_deleted,
        updated_at as valid_from,
        coalesce(
            lead(updated_at) over (partition by record_id order by updated_at, loaded_at), {{ open_end }}
        ) as valid_to
    from lead_versions
),

account_intervals as (
    select
        account_id,
        industry,
        employee_count,
        annual_revenue,
        billing_country_code,
        account_type,
        case
            when row_number() over (partition by account_id order by updated_at, loaded_at) = 1
                then {{ open_start }}
            else updated_at
        end as valid_from,
        coalesce(
            lead(updated_at) over (partition by account_id order by updated_at, loaded_at), {{ open_end }}
        ) as valid_to
    from account_versions
),

combined as (
    select
        lead_intervals.record_id,
        lead_intervals.account_id,
        lead_intervals.record_type,
        lead_intervals.title,
        lead_intervals.seniority,
        lead_intervals.company_name,
        lead_intervals.country_code,
        lead_intervals.lead_source,
        lead_intervals.status,
        lead_intervals.owner_id,
        lead_intervals.email_domain,
        account_intervals.industry as account_industry,
        account_intervals.billing_country_code as account_country_code,
        account_intervals.account_type,
        account_intervals.employee_count as account_employee_count,
        account_intervals.annual_revenue as account_annual_revenue,
        lead_intervals.is_deleted,
        case
            when account_intervals.valid_from > lead_intervals.valid_from then account_intervals.valid_from
            else lead_intervals.valid_from
        end as valid_from,
        case
            when account_intervals.valid_to < lead_intervals.valid_to then account_intervals.valid_to
            else lead_intervals.valid_to
        end as valid_to
    from lead_intervals
    left join account_intervals
        on
            lead_intervals.account_id = account_intervals.account_id
            and lead_intervals.valid_to > account_intervals.valid_from
            and lead_intervals.valid_from < account_intervals.valid_to
),

final as (
    select
        {{ dbt.hash(dbt.concat([
            'combined.record_id', "'|'", 'cast(combined.valid_from as ' ~ dbt.type_string() ~ ')'
        ])) }} as lead_attributes_interval_id,
        resolved.lead_id,
        combined.record_id,
        combined.account_id,
        combined.record_type,
        combined.title,
        combined.seniority,
        combined.company_name,
        combined.country_code,
        combined.lead_source,
        combined.status,
        combined.owner_id,
        combined.email_domain,
        combined.account_industry,
        combined.account_country_code,
        combined.account_type,
        combined.account_employee_count,
        combined.account_annual_revenue,
        combined.is_deleted,
        combined.valid_from,
        nullif(combined.valid_to, {{ open_end }}) as valid_to
    from combined
    left join resolved
        on combined.record_id = resolved.identifier_value
    where combined.valid_from < combined.valid_to
)

select * from final
