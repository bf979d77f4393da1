with opportunity_versions as (
    select * from {{ ref('base_crm__opportunities') }}
    where reject_reason is null and delivery_rank = 1
),

cleaned as (
    select
        opportunity_id,
        nullif(trim(account_id), '') as account_id,
        primary_contact_record_id,
        owner_id,
        trim(opportunity_name) as opportunity_name,
        -- `stage` is a keyword to sqlfluff's DuckDB dialect, but the column's agreed name
        mapped_stage as stage,  -- noqa: RF04
        stage_order,
        upper(trim(currency_code)) as currency_code,
        nullif(trim(lost_reason), '') as lost_reason,
        raw_row_id,
        amount,
        is_closed,
        is_won,
        is_deleted,
        parsed_close_date as close_date,
        parsed_created_at as created_at,
        event_at as updated_at,
        loaded_at
    from opportunity_versions
)

select * from cleaned
