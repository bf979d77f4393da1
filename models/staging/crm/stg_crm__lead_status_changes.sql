with status_changes as (
    select * from {{ ref('base_crm__lead_status_changes') }}
    where reject_reason is null and delivery_rank = 1
),

cleaned as (
    select
        status_change_id,
        lead_record_id,
        changed_by,
        mapped_status as status,
        nullif(trim(reason), '') as reason,
        budget,
        authority,
        need,
        timeline,
        raw_row_id,
        event_at as changed_at,
        loaded_at
    from status_changes
)

select * from cleaned
