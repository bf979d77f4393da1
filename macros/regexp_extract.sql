{#- Capture group `group` of the first match of `pattern` in `expression`; '' or null when none. -#}
{% macro regexp_extract(expression, pattern, group=1) %}
    {{ return(adapter.dispatch('regexp_extract', 'lead_funnel')(expression, pattern, group)) }}
{% endmacro %}

{% macro default__regexp_extract(expression, pattern, group) -%}
    regexp_extract({{ expression }}, '{{ pattern }}', {{ group }})
{%- endmacro %}
