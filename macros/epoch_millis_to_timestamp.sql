{#- A UTC timestamp (without time zone) from milliseconds since 1970-01-01 00:00:00 UTC. -#}
{% macro epoch_millis_to_timestamp(expression) %}
    {{ return(adapter.dispatch('epoch_millis_to_timestamp', 'lead_funnel')(expression)) }}
{% endmacro %}

{% macro default__epoch_millis_to_timestamp(expression) -%}
    {{ dbt.dateadd('millisecond', expression, "cast('1970-01-01 00:00:00' as " ~ dbt.type_timestamp() ~ ")") }}
{%- endmacro %}

{% macro duckdb__epoch_millis_to_timestamp(expression) -%}
    make_timestamp(cast({{ expression }} as bigint) * 1000)
{%- endmacro %}

{% macro spark__epoch_millis_to_timestamp(expression) -%}
    timestamp_millis(cast({{ expression }} as bigint))
{%- endmacro %}
