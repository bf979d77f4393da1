{#- CRM rows that cannot be used, with the reason and the row as it landed. -#}
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

rejected as (
    select
        'crm.users' as source_table,
        raw_row_id,
        reject_reason,
        raw_values,
        loaded_at
    from users
    where reject_reason is not null
    union all
    select
        'crm.accounts' as source_table,
        raw_row_id,
        reject_reason,
        raw_values,
        loaded_at
    from accounts
    where reject_reason is not null
    union all
    select
        'crm.leads' as source_table,
        raw_row_id,
        reject_reason,
        raw_values,
        loaded_at
    from leads
    where reject_reason is not null
    union all
    select
        'crm.field_history' as source_table,
        raw_row_id,
        reject_reason,
        raw_values,
        loaded_at
    from field_history
    where reject_reason is not null
    union all
    select
        'crm.activities' as source_table,
        raw_row_id,
        reject_reason,
        raw_values,
        loaded_at
    from activities
    where reject_reason is not null
    union all
    select
        'crm.lead_status_changes' as source_table,
        raw_row_id,
        reject_reason,
        raw_values,
        loaded_at
    from lead_status_changes
    where reject_reason is not null
    union all
    select
        'crm.opportunities' as source_table,
        raw_row_id,
        reject_reason,
        raw_values,
        loaded_at
    from opportunities
    where reject_reason is not null
    union all
    select
        'crm.opportunity_history' as source_table,
        raw_row_id,
        reject_reason,
        raw_values,
        loaded_at
    from opportunity_history
    where reject_reason is not null
)

select * from rejected
