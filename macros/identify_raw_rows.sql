{#-
    Start a base model: every raw row of `relation` with its content hash (`raw_row_hash`), its
    readable form (`raw_values`) and its parsed event time (`event_at`, null when unreadable).
-#}
{% macro identify_raw_rows(relation, columns, timestamp_column) -%}
    select
        *,
        {{ lead_funnel.raw_row_id(columns) }} as raw_row_hash,
        {{ lead_funnel.raw_values(columns) }} as raw_values,
        {{ lead_funnel.parse_timestamp(timestamp_column) }} as event_at
    from {{ relation }}
{%- endmacro %}
