{#- Web rows that cannot be used, with the reason and the row as it landed. -#}
with pageviews as (
    select * from {{ ref('base_web__pageviews') }}
),

form_submissions as (
    select * from {{ ref('base_web__form_submissions') }}
),

rejected as (
    select
        'web.pageviews' as source_table,
        raw_row_id,
        reject_reason,
        raw_values,
        loaded_at
    from pageviews
    where reject_reason is not null
    union all
    select
        'web.form_submissions' as source_table,
        raw_row_id,
        reject_reason,
        raw_values,
        loaded_at
    from form_submissions
    where reject_reason is not null
)

select * from rejected
