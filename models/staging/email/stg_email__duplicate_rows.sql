{#- Later deliveries of e-mail events that staging already holds; the first delivery is kept. -#}
with events as (
    select * from {{ ref('base_email__events') }}
),

duplicates as (
    select
        'email.events' as source_table,
        raw_row_id,
        event_id,
        delivery_rank,
        loaded_at
    from events
    where delivery_rank > 1
)

select * from duplicates
