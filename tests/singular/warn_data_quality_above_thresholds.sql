{{ config(severity='warn') }}

{#- Warns with every load day and check whose share of bad or flagged rows passed its threshold. -#}
select
    load_date,
    source_table,
    check_kind,
    check_name,
    affected_rows,
    raw_rows,
    affected_share,
    warn_above_share
from {{ ref('fct_data_quality_daily') }}
where is_above_threshold
