{#-
    1, 2, 3, ... over the rows of a small table in the order they were loaded (for a seed: the order
    of its CSV rows). No column holds that order, so this relies on the engine scanning a small,
    freshly loaded table in insertion order: true for DuckDB (which preserves insertion order) and
    for a seed written in one file on Spark, but no SQL standard promises it.
-#}
{% macro row_number_in_load_order() %}
    {{ return(adapter.dispatch('row_number_in_load_order', 'lead_funnel')()) }}
{% endmacro %}

{% macro default__row_number_in_load_order() -%}
    row_number() over ()
{%- endmacro %}

{#- Spark refuses row_number() without an ordered window; its row ids grow in scan order. -#}
{% macro spark__row_number_in_load_order() -%}
    row_number() over (order by monotonically_increasing_id())
{%- endmacro %}
