{#-
    Later deliveries of CRM rows that staging already holds: the same change (its id) or the same
    record version (record id and updated_at as delivered) landed again; the first load is kept.
-#}
with users as (
    select * from {{ ref('base_crm__users') }}
),

accounts as (
    select * from {{ ref('base_crm__accounts') }}
),

leads as (
    select * from {{ ref('base_crm__leads') }}
),

field_history as (
    select * from {{ ref('base_crm__field_history') }}
),

activities as (
    select * from {{ ref('base_crm__activities') }}
),

lead_status_changes as (
    select * from {{ ref('base_crm__lead_status_changes') }}
),

opportunities as (
    select * from {{ ref('base_crm__opportunities') }}
),

opportunity_history as (
    select * from {{ ref('base_crm__opportunity_history') }}
),

duplicates as (
    select
        'crm.users' as source_table,
        raw_row_id,
        {{ dbt.concat(['user_id', "'@'", 'updated_at']) }} as event_id,
        delivery_rank,
        loaded_at
    from users
    where delivery_rank > 1
    union all
    select
        'crm.accounts' as source_table,
        raw_row_id,
        {{ dbt.concat(['account_id', "'@'", 'updated_at']) }} as event_id,
        delivery_rank,
        loaded_at
    from accounts
    where delivery_rank > 1
    union all
    select
        'crm.leads' as source_table,
        raw_row_id,
        {{ dbt.concat(['record_id', "'@'", 'updated_at']) }} as event_id,
        delivery_rank,
        loaded_at
    from leads
    where delivery_rank > 1
    union all
    select
        'crm.field_history' as source_table,
        raw_row_id,
        history_id as event_id,
        delivery_rank,
        loaded_at
    from field_history
    where delivery_rank > 1
    union all
    select
        'crm.activities' as source_table,
        raw_row_id,
        activity_id as event_id,
        delivery_rank,
        loaded_at
    from activities
    where delivery_rank > 1
    union all
    select
        'crm.lead_status_changes' as source_table,
        raw_row_id,
        status_change_id as event_id,
        delivery_rank,
        loaded_at
    from lead_status_changes
    where delivery_rank > 1
    union all
    select
        'crm.opportunities' as source_table,
        raw_row_id,
        {{ dbt.concat(['opportunity_id', "'@'", 'updated_at']) }} as event_id,
        delivery_rank,
        loaded_at
    from opportunities
    where delivery_rank > 1
    union all
    select
        'crm.opportunity_history' as source_table,
        raw_row_id,
        history_id as event_id,
        delivery_rank,
        loaded_at
    from opportunity_history
    where delivery_rank > 1
)

select * from duplicates
