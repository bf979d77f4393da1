with opportunity_history as (
    select * from {{ ref('base_crm__opportunity_history') }}
    where reject_reason is null and delivery_rank = 1
),

cleaned as (
    select
        history_id,
        opportunity_id,
        changed_by,
        -- `stage` is a keyword to sqlfluff's DuckDB dialect, but the column's agreed name
        mapped_stage as stage,  -- noqa: RF04
        stage_order,
        raw_row_id,
        amount,
        parsed_close_date as close_date,
        event_at as changed_at,
        loaded_at
    from opportunity_history
)

select * from cleaned
