{#- Current state of each lead/contact record: its latest kept version (latest updated_at, then latest load). -#}
with lead_versions as (
    select * from {{ ref('stg_crm__lead_versions') }}
),

versions_latest_first as (
    select
        *,
        row_number() over (
            partition by record_id
            order by updated_at desc, loaded_at desc, raw_row_id desc
        ) as recency_rank
    from lead_versions
),

final as (
    select
        record_id,
        account_id,
        owner_id,
        merged_into_record_id,
        record_type,
        email,
        email_as_delivered,
        first_name,
        last_name,
        phone,
        title,
        seniority,
        company_name,
        country_code,
        country_as_delivered,
        lead_source,
        status,
        raw_row_id,
        has_valid_email,
        is_deleted,
        is_test_record,
        created_at,
        updated_at,
        loaded_at
    from versions_latest_first
    where recency_rank = 1
)

select * from final
