with field_history as (
    select * from {{ ref('base_crm__field_history') }}
    where reject_reason is null and delivery_rank = 1
),

cleaned as (
    select
        history_id,
        record_id,
        changed_by,
        lower(trim(object_type)) as object_type,
        lower(trim(field_name)) as field_name,
        old_value,
        new_value,
        raw_row_id,
        event_at as changed_at,
        loaded_at
    from field_history
)

select * from cleaned
