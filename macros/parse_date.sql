{#- A date written YYYY-MM-DD as a date; null for any other text or an impossible date. -#}
{% macro parse_date(expression) -%}
    case
        when {{ lead_funnel.regexp_full_match(expression, "[0-9]{4}-[0-9]{2}-[0-9]{2}") }}
            then {{ lead_funnel.safe_cast(expression, 'date') }}
    end
{%- endmacro %}
