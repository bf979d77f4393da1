{#-
    The continuous percentile (0 to 1) of a numeric expression, as an aggregate: the median is
    percentile(x, 0.5). Nulls are ignored; a group with no value gives null.
-#}
{% macro percentile(expression, fraction) %}
    {{ return(adapter.dispatch('percentile', 'lead_funnel')(expression, fraction)) }}
{% endmacro %}

{% macro default__percentile(expression, fraction) -%}
    percentile_cont({{ fraction }}) within group (order by {{ expression }})
{%- endmacro %}

{#- Spark has no ordered-set aggregates; its percentile() interpolates the same way. -#}
{% macro spark__percentile(expression, fraction) -%}
    percentile({{ expression }}, {{ fraction }})
{%- endmacro %}
