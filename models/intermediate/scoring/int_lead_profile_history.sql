{{ config(materialized='table') }}

{#-
    What the CRM knew about each lead, as one profile per interval [valid_from, valid_to): the
    lead and account attributes that fit rules score, plus the kind of its e-mail domain. A lead
    of several CRM records (duplicates merged into one person) takes, at each moment, the record
    that was not deleted and changed most recently. valid_to is null for the current profile.
    A lead the CRM does not know yet has no profile, and so no fit points.
-#}
with attribute_history as (
    select * from {{ ref('int_lead_attributes_history') }}
    where lead_id is not null
),

email_domain_types as (
    select * from {{ ref('email_domain_types') }}
),

change_points as (
    select distinct
        lead_id,
        valid_from as changed_at
    from attribute_history
),

records_at_change_points as (
    select
        change_points.lead_id,
        change_points.changed_at,
        attribute_history.record_id,
        attribute_history.account_id,
        attribute_history.owner_id,
        attribute_history.status,
        attribute_history.title,
        attribute_history.seniority,
        attribute_history.country_code,
        attribute_history.lead_source,
        attribute_history.email_domain,
        attribute_history.company_name,
        attribute_history.account_industry,
        attribute_history.account_employee_count,
        attribute_history.account_annual_revenue,
        attribute_history.account_country_code,
        attribute_history.account_type,
        row_number() over (
            partition by change_points.lead_id, change_points.changed_at
            order by
                attribute_history.is_deleted asc,
                attribute_history.valid_from desc,
                attribute_history.record_id asc
        ) as record_rank
    from change_points
    inner join attribute_history
        on
            change_points.lead_id = attribute_history.lead_id
            and change_points.changed_at >= attribute_history.valid_from
            and (attribute_history.valid_to is null or change_points.changed_at < attribute_history.valid_to)
),

profiles as (
    select * from records_at_change_points
    where record_rank = 1
),

domain_matches as (
    select
        profiles.lead_id,
        profiles.changed_at,
        lower(trim(email_domain_types.domain_type)) as domain_type,
        row_number() over (
            partition by profiles.lead_id, profiles.changed_at
            order by {{ dbt.length('email_domain_types.domain_suffix') }} desc
        ) as match_rank
    from profiles
    inner join email_domain_types
        on
            profiles.email_domain = lower(trim(email_domain_types.domain_suffix))
            or {{ dbt.right('profiles.email_domain', dbt.length('email_domain_types.domain_suffix') ~ ' + 1') }}
            = {{ dbt.concat(["'.'", 'lower(trim(email_domain_types.domain_suffix))']) }}
),

final as (
    select
        {{ dbt.hash(dbt.concat([
            'profiles.lead_id', "'|'", 'cast(profiles.changed_at as ' ~ dbt.type_string() ~ ')'
        ])) }} as lead_profile_id,
        profiles.lead_id,
        profiles.record_id,
        profiles.account_id,
        profiles.owner_id,
        profiles.status,
        profiles.title,
        profiles.seniority,
        profiles.country_code,
        profiles.lead_source,
        profiles.email_domain,
        case
            when domain_matches.domain_type is not null then domain_matches.domain_type
            when profiles.email_domain is not null then 'business'
        end as email_domain_type,
        profiles.company_name,
        profiles.account_industry as industry,
        profiles.account_employee_count as employee_count,
        profiles.account_annual_revenue as annual_revenue,
        profiles.account_country_code,
        profiles.account_type,
        profiles.changed_at as valid_from,
        lead(profiles.changed_at) over (partition by profiles.lead_id order by profiles.changed_at) as valid_to
    from profiles
    left join domain_matches
        on
            profiles.lead_id = domain_matches.lead_id
            and profiles.changed_at = domain_matches.changed_at
            and domain_matches.match_rank = 1
)

select * from final
