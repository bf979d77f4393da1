{#- Current state of each CRM user: its latest kept version (latest updated_at, then latest load). -#}
with user_versions as (
    select * from {{ ref('stg_crm__user_versions') }}
),

versions_latest_first as (
    select
        *,
        row_number() over (
            partition by user_id
            order by updated_at desc, loaded_at desc, raw_row_id desc
        ) as recency_rank
    from user_versions
),

final as (
    select
        user_id,
        full_name,
        email,
        user_role,
        raw_row_id,
        is_active,
        created_at,
        updated_at,
        loaded_at
    from versions_latest_first
    where recency_rank = 1
)

select * from final
