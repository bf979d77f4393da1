{#- Replace every match of `pattern` in `expression` with `replacement`. -#}
{% macro regexp_replace_all(expression, pattern, replacement) %}
    {{ return(adapter.dispatch('regexp_replace_all', 'lead_funnel')(expression, pattern, replacement)) }}
{% endmacro %}

{% macro default__regexp_replace_all(expression, pattern, replacement) -%}
    regexp_replace({{ expression }}, '{{ pattern }}', '{{ replacement }}')
{%- endmacro %}

{% macro duckdb__regexp_replace_all(expression, pattern, replacement) -%}
    regexp_replace({{ expression }}, '{{ pattern }}', '{{ replacement }}', 'g')
{%- endmacro %}
