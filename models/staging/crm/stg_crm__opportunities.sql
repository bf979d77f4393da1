{#- Current state of each opportunity: its latest kept version (latest updated_at, then latest load). -#}
with opportunity_versions as (
    select * from {{ ref('stg_crm__opportunity_versions') }}
),

versions_latest_first as (
    select
        *,
        row_number() over (
            partition by opportunity_id
            order by updated_at desc, loaded_at desc, raw_row_id desc
        ) as recency_rank
    from opportunity_versions
),

final as (
    select
        opportunity_id,
        account_id,
        primary_contact_record_id,
        owner_id,
        opportunity_name,
        stage,
        stage_order,
        currency_code,
        lost_reason,
        raw_row_id,
        amount,
        is_closed,
        is_won,
        is_deleted,
        close_date,
        created_at,
        updated_at,
        loaded_at
    from versions_latest_first
    where recency_rank = 1
)

select * from final
