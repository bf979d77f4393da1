{#-
    Parse a timestamp string as source systems deliver it into a UTC timestamp without time zone.
    Understood: ISO 8601 with `Z`, with an offset `+02:00` or `+0200`, or without zone (read as UTC),
    with `T` or a space, with or without fractions of a second; epoch milliseconds (13 digits) and
    epoch seconds (10 digits). Anything else, an impossible date, or a moment outside
    [min_year, max_year] gives null, so the caller can quarantine the row with a reason.
-#}
{% macro parse_timestamp(expression, min_year=1990, max_year=2100) -%}
    {%- set iso = "[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,9})?(Z|[+-][0-9]{2}:?[0-9]{2})?" -%}
    {%- set offset_sign = lead_funnel.regexp_extract(expression, "([+-])[0-9]{2}:?[0-9]{2}$", 1) -%}
    {%- set offset_hours = lead_funnel.regexp_extract(expression, "[+-]([0-9]{2}):?[0-9]{2}$", 1) -%}
    {%- set offset_minutes = lead_funnel.regexp_extract(expression, "[+-][0-9]{2}:?([0-9]{2})$", 1) -%}
    {%- set date_and_time = lead_funnel.regexp_extract(
        expression, "^([0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,6})?)", 1
    ) -%}
    {%- set local_time = lead_funnel.safe_cast("replace(" ~ date_and_time ~ ", 'T', ' ')", dbt.type_timestamp()) -%}
    {%- set offset_in_minutes -%}
        (case when {{ offset_sign }} = '-' then -1 else 1 end)
        * (cast({{ offset_hours }} as {{ dbt.type_int() }}) * 60 + cast({{ offset_minutes }} as {{ dbt.type_int() }}))
    {%- endset -%}
    {%- set parsed -%}
        case
            when {{ lead_funnel.regexp_full_match(expression, "[0-9]{13}") }}
                then {{ lead_funnel.epoch_millis_to_timestamp(expression) }}
            when {{ lead_funnel.regexp_full_match(expression, "[0-9]{10}") }}
                then {{ lead_funnel.epoch_millis_to_timestamp("cast(" ~ expression ~ " as bigint) * 1000") }}
            when {{ lead_funnel.regexp_full_match(expression, iso) }}
                then case
                    when {{ lead_funnel.regexp_full_match(expression, ".*[+-][0-9]{2}:?[0-9]{2}") }}
                        then {{ dbt.dateadd('minute', '-1 * ' ~ offset_in_minutes, local_time) }}
                    else {{ local_time }}
                end
        end
    {%- endset -%}
    case
        when extract(year from {{ parsed }}) between {{ min_year }} and {{ max_year }} then {{ parsed }}
    end
{%- endmacro %}
