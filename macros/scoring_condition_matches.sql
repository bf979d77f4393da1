{#-
    True when a record meets a scoring condition; true as well when there is no condition.
    `record` is the alias of a relation that has a column for every field of the given `kind`
    ('event' or 'attribute') in the signal catalogue; the other arguments are the columns of the
    condition, as int_scoring_rules and int_scoring_models type them. Text compares without
    regard to case; a field that is empty never meets a condition.
-#}
{% macro scoring_condition_matches(record, kind, field, operator, text_value, number_low, number_high) -%}
    {%- set number_fields = scoring_catalogue_fields(kind, 'number') -%}
    {%- set text_expression -%}
        case when {{ field }} not in ('{{ number_fields | join("', '") }}') then
            {{ scoring_field_value(record, kind, field, 'text') }}
        end
    {%- endset -%}
    {%- set number_expression = scoring_field_value(record, kind, field, 'number') -%}
    (
        {{ field }} is null
        or coalesce(
            case {{ operator }}
                when 'equals' then coalesce(
                    ({{ text_expression }}) = {{ text_value }}, ({{ number_expression }}) = {{ number_low }}
                )
                when 'not equals' then coalesce(
                    ({{ text_expression }}) <> {{ text_value }}, ({{ number_expression }}) <> {{ number_low }}
                )
                when 'in' then {{ dbt.position(
                    dbt.concat(["'|'", text_expression, "'|'"]), dbt.concat(["'|'", text_value, "'|'"])
                ) }} > 0
                when 'not in' then {{ dbt.position(
                    dbt.concat(["'|'", text_expression, "'|'"]), dbt.concat(["'|'", text_value, "'|'"])
                ) }} = 0
                when 'contains' then {{ dbt.position(text_value, text_expression) }} > 0
                when 'starts with' then {{ dbt.position(text_value, text_expression) }} = 1
                when 'between' then ({{ number_expression }}) between {{ number_low }} and {{ number_high }}
                when 'at least' then ({{ number_expression }}) >= {{ number_low }}
                when 'at most' then ({{ number_expression }}) <= {{ number_low }}
            end,
            false
        )
    )
{%- endmacro %}
