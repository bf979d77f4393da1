{#- Cast that yields null instead of failing when the value does not fit the type. -#}
{% macro safe_cast(expression, data_type) %}
    {{ return(adapter.dispatch('safe_cast', 'lead_funnel')(expression, data_type)) }}
{% endmacro %}

{% macro default__safe_cast(expression, data_type) -%}
    try_cast({{ expression }} as {{ data_type }})
{%- endmacro %}
