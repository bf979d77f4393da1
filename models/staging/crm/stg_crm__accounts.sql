{#- Current state of each account: its latest kept version (latest updated_at, then latest load). -#}
with account_versions as (
    select * from {{ ref('stg_crm__account_versions') }}
),

versions_latest_first as (
    select
        *,
        row_number() over (
            partition by account_id
            order by updated_at desc, loaded_at desc, raw_row_id desc
        ) as recency_rank
    from account_versions
),

final as (
    select
        account_id,
        owner_id,
        account_name,
        website_domain,
        industry,
        billing_country_code,
        billing_country_as_delivered,
        account_type,
        raw_row_id,
        employee_count,
        annual_revenue,
        is_deleted,
        created_at,
        updated_at,
        loaded_at
    from versions_latest_first
    where recency_rank = 1
)

select * from final
