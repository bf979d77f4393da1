with user_versions as (
    select * from {{ ref('base_crm__users') }}
    where reject_reason is null and delivery_rank = 1
),

cleaned as (
    select
        user_id,
        trim(full_name) as full_name,
        {{ normalize_email('email') }} as email,
        lower(trim(role)) as user_role,
        raw_row_id,
        is_active,
        parsed_created_at as created_at,
        event_at as updated_at,
        loaded_at
    from user_versions
)

select * from cleaned
