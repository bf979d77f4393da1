with activities as (
    select * from {{ ref('base_crm__activities') }}
    where reject_reason is null and delivery_rank = 1
),

cleaned as (
    select
        activity_id,
        lead_record_id,
        owner_id,
        mapped_activity_type as activity_type,
        nullif(trim(subject), '') as subject,
        nullif(trim(outcome), '') as outcome,
        raw_row_id,
        event_at as activity_at,
        parsed_created_at as logged_at,
        loaded_at
    from activities
)

select * from cleaned
