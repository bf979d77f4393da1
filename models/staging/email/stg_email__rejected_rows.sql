{#- E-mail rows that cannot be used, with the reason and the row as it landed. -#}
with events as (
    select * from {{ ref('base_email__events') }}
),

rejected as (
    select
        'email.events' as source_table,
        raw_row_id,
        reject_reason,
        raw_values,
        loaded_at
    from events
    where reject_reason is not null
)

select * from rejected
