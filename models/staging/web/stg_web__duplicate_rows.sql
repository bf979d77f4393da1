{#- Later deliveries of web events that staging already holds; the first delivery is kept. -#}
with pageviews as (
    select * from {{ ref('base_web__pageviews') }}
),

form_submissions as (
    select * from {{ ref('base_web__form_submissions') }}
),

duplicates as (
    select
        'web.pageviews' as source_table,
        raw_row_id,
        message_id as event_id,
        delivery_rank,
        loaded_at
    from pageviews
    where delivery_rank > 1
    union all
    select
        'web.form_submissions' as source_table,
        raw_row_id,
        message_id as event_id,
        delivery_rank,
        loaded_at
    from form_submissions
    where delivery_rank > 1
)

select * from duplicates
